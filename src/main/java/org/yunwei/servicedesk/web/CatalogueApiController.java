package org.yunwei.servicedesk.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.servicedesk.Catalogue;
import org.yunwei.servicedesk.CatalogueItemFormData;
import org.yunwei.servicedesk.CatalogueItemView;

/**
 * The request catalogue over REST. Requests for an item are raised through
 * {@code POST /api/v1/tickets} with {@code kind REQUEST}, {@code catalogueItem} and the
 * answers in {@code customFields}; the item's form fields are administered through
 * {@code /api/v1/custom-fields?scope=catalogue:<code>} and its workflow through
 * {@code /api/v1/workflows/request?variant=<code>}.
 */
@RestController
@RequestMapping("/api/v1/catalogue")
@Tag(name = "Service desk")
class CatalogueApiController {

	private final Catalogue catalogue;

	CatalogueApiController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping
	@Operation(summary = "The catalogue items in use (all=true: withdrawn ones too, for its administrators)")
	List<CatalogueItemView> list(@RequestParam(defaultValue = "false") boolean all) {
		return this.catalogue.list(all);
	}

	@GetMapping("/{code}")
	@Operation(summary = "A catalogue item with its form fields")
	CatalogueItemView get(@PathVariable String code) {
		return this.catalogue.get(code);
	}

	@PostMapping
	@Operation(summary = "Add an item (approval=true: its fulfilment workflow starts with an approval)")
	ResponseEntity<CatalogueItemView> create(@Valid @RequestBody CatalogueItemFormData form) {
		CatalogueItemView created = this.catalogue.create(form);
		return ResponseEntity.created(URI.create("/api/v1/catalogue/" + created.code())).body(created);
	}

	@PutMapping("/{code}")
	@Operation(summary = "Change an item (send the version read; a stale one is refused)")
	CatalogueItemView update(@PathVariable String code, @Valid @RequestBody CatalogueItemFormData form) {
		return this.catalogue.update(code, form);
	}

}
