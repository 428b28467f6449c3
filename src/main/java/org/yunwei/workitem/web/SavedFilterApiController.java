package org.yunwei.workitem.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.workitem.SavedFilters;
import org.yunwei.workitem.SavedFilters.SavedFilter;

/** Saved list filters over REST (a filter is the list's query string). */
@RestController
@RequestMapping("/api/v1/saved-filters")
@Tag(name = "Work items")
class SavedFilterApiController {

	private final SavedFilters filters;

	SavedFilterApiController(SavedFilters filters) {
		this.filters = filters;
	}

	/** A filter to save. */
	record SaveRequest(String type, String name, String query, Boolean shared) {
	}

	@GetMapping
	@Operation(summary = "My saved filters of a type and those shared with everyone")
	List<SavedFilter> list(@RequestParam String type) {
		return this.filters.list(type);
	}

	@PostMapping
	@Operation(summary = "Save a filter (the list's query string, e.g. sla=BREACHED&sort=DUE)")
	ResponseEntity<SavedFilter> save(@RequestBody SaveRequest request) {
		SavedFilter saved = this.filters.save(request.type(), request.name(), request.query(),
				Boolean.TRUE.equals(request.shared()));
		return ResponseEntity.created(URI.create("/api/v1/saved-filters/" + saved.id())).body(saved);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Remove one of my saved filters")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.filters.delete(id);
		return ResponseEntity.noContent().build();
	}

}
