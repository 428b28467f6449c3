package org.yunwei.platform.search.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.platform.search.Search;
import org.yunwei.platform.search.SearchResults;
import org.yunwei.platform.search.SearchStatus;

@RestController
@Tag(name = "Search")
class SearchApiController {

	private final Search search;

	SearchApiController(Search search) {
		this.search = search;
	}

	@GetMapping("/api/v1/search")
	@Operation(summary = "Full-text search (Chinese and English) over what the caller may see: tickets, articles; "
			+ "ranked, with the matched words marked in <mark>; kind=workitem|article, type=incident|… narrow it")
	SearchResults search(@RequestParam String q, @RequestParam(required = false) List<String> kind,
			@RequestParam(required = false) List<String> type, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.search.search(q, (kind == null) ? Set.of() : Set.copyOf(kind),
				(type == null) ? Set.of() : Set.copyOf(type), page, size);
	}

	@GetMapping("/api/v1/search/status")
	@Operation(summary = "The index against the database per kind: records, indexed documents, pending updates")
	List<SearchStatus> status() {
		return this.search.status();
	}

	@PostMapping("/api/v1/search/rebuild")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Rebuild the index of one kind (or all) from the database, in the background")
	Map<String, String> rebuild(@RequestParam(required = false) String kind) {
		this.search.rebuild(kind);
		return Map.of("status", "rebuilding");
	}

}
