package org.yunwei.knowledge.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunwei.knowledge.ArticleFilter;
import org.yunwei.knowledge.ArticleFormData;
import org.yunwei.knowledge.ArticleRow;
import org.yunwei.knowledge.ArticleState;
import org.yunwei.knowledge.ArticleView;
import org.yunwei.knowledge.Knowledge;
import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.search.Search;
import org.yunwei.platform.search.SearchHit;
import org.yunwei.platform.search.SearchResults;

/** The knowledge base over REST. */
@RestController
@RequestMapping("/api/v1/knowledge")
@Tag(name = "Knowledge")
class KnowledgeApiController {

	private final Knowledge knowledge;

	private final Search search;

	KnowledgeApiController(Knowledge knowledge, Search search) {
		this.knowledge = knowledge;
		this.search = search;
	}

	@GetMapping("/articles")
	@Operation(summary = "Articles the caller may read, newest first (keyset paging)")
	KeysetPage<ArticleRow> list(@RequestParam(required = false) Long categoryId,
			@RequestParam(required = false) ArticleState state, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "false") boolean reviewDue, @RequestParam(required = false) String after,
			@RequestParam(required = false) Integer size) {
		return this.knowledge.list(new ArticleFilter(categoryId, state, mine, reviewDue), after, size);
	}

	@GetMapping("/search")
	@Operation(summary = "Full-text search of the articles the caller may read (Chinese and English), highlighted")
	SearchResults search(@RequestParam String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return this.search.search(q, Set.of(Knowledge.SEARCH_KIND), Set.of(), page, size);
	}

	@GetMapping("/suggestions")
	@Operation(summary = "Articles that may answer a text being typed (a ticket's title and description)")
	List<SearchHit> suggestions(@RequestParam @Size(max = 2000) String text,
			@RequestParam(defaultValue = "5") int limit) {
		return this.search.suggest(text, Set.of(Knowledge.SEARCH_KIND), Set.of(), Math.max(1, Math.min(limit, 20)));
	}

	@PostMapping("/articles")
	@Operation(summary = "Create an article with its first draft")
	ResponseEntity<ArticleView> create(@Valid @RequestBody ArticleFormData form) {
		ArticleView a = this.knowledge.create(form);
		return ResponseEntity.created(URI.create("/api/v1/knowledge/articles/" + a.number())).body(a);
	}

	@GetMapping("/articles/{number}")
	@Operation(summary = "An article: the version in effect, the draft for its editors, history, files, feedback")
	ArticleView get(@PathVariable String number) {
		return this.knowledge.read(number);
	}

	@PutMapping("/articles/{number}")
	@Operation(summary = "Save the article and its draft (send the version read); a published article gets a new draft")
	ArticleView save(@PathVariable String number, @Valid @RequestBody ArticleFormData form) {
		return this.knowledge.save(number, form);
	}

	@PostMapping("/articles/{number}/submission")
	@Operation(summary = "Submit the draft for review (a kbapproval work item asks the reviewers)")
	ArticleView submit(@PathVariable String number) {
		return this.knowledge.submit(number);
	}

	@DeleteMapping("/articles/{number}/draft")
	@Operation(summary = "Discard the draft (the version in effect stays)")
	ArticleView discard(@PathVariable String number) {
		return this.knowledge.discardDraft(number);
	}

	@PostMapping("/articles/{number}/review")
	@Operation(summary = "Confirm at its review that the article still holds")
	ArticleView reviewed(@PathVariable String number) {
		return this.knowledge.reviewed(number);
	}

	record Reason(@NotNull @Size(max = 2000) String reason) {
	}

	@PostMapping("/articles/{number}/retirement")
	@Operation(summary = "Retire the article (knowledge manager)")
	ArticleView retire(@PathVariable String number, @Valid @RequestBody Reason reason) {
		return this.knowledge.retire(number, reason.reason());
	}

	record Feedback(@NotNull Boolean helpful, @Size(max = 2000) String comment) {
	}

	@PostMapping("/articles/{number}/feedback")
	@Operation(summary = "Was this helpful? One answer per reader, changeable")
	ArticleView feedback(@PathVariable String number, @Valid @RequestBody Feedback feedback) {
		return this.knowledge.feedback(number, feedback.helpful(), feedback.comment());
	}

	record Ticket(@NotNull @Size(max = 40) String ticket) {
	}

	@PostMapping("/articles/{number}/uses")
	@Operation(summary = "Link the article to a ticket it was applied on (counts as used once the ticket is resolved)")
	ResponseEntity<Knowledge.Use> use(@PathVariable String number, @Valid @RequestBody Ticket ticket) {
		return ResponseEntity.status(201).body(this.knowledge.use(number, ticket.ticket()));
	}

	@DeleteMapping("/articles/{number}/uses/{ticket}")
	ResponseEntity<Void> unuse(@PathVariable String number, @PathVariable String ticket) {
		this.knowledge.unuse(number, ticket);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/articles/{number}/files")
	@Operation(summary = "Attach a file (multipart field 'file')")
	ResponseEntity<ArticleView.FileView> attach(@PathVariable String number, @RequestParam("file") MultipartFile file)
			throws IOException {
		return ResponseEntity.status(201)
			.body(this.knowledge.attach(number, file.getOriginalFilename(), file.getBytes()));
	}

	@PostMapping("/from-ticket/{ticket}")
	@Operation(summary = "Draft an article from a resolved incident or request")
	ResponseEntity<ArticleView> draftFrom(@PathVariable String ticket) {
		ArticleView a = this.knowledge.draftFrom(ticket);
		return ResponseEntity.created(URI.create("/api/v1/knowledge/articles/" + a.number())).body(a);
	}

	@GetMapping("/gaps")
	@Operation(summary = "The knowledge-gap report: per category, incidents of the last days and published articles")
	List<Knowledge.Gap> gaps(@RequestParam(defaultValue = "90") int days) {
		return this.knowledge.gaps(days);
	}

}
