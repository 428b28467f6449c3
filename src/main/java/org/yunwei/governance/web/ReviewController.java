package org.yunwei.governance.web;

import java.time.LocalDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.governance.ManagementReviews;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.standard.StandardClauses;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.workitem.WorkItemBrief;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * A management review on its page: the meeting (planned and held, chair, attendees, the
 * period whose input pack it reviewed, with the pack to download), its conclusions and
 * resolutions, and the problems it raised with their department, owner and deadline.
 */
@Controller
class ReviewController {

	private final ManagementReviews reviews;

	private final WorkItems items;

	private final Directory directory;

	private final StandardClauses clauses;

	ReviewController(ManagementReviews reviews, WorkItems items, Directory directory, StandardClauses clauses) {
		this.reviews = reviews;
		this.items = items;
		this.directory = directory;
		this.clauses = clauses;
	}

	@GetMapping("/governance/reviews/panel/{itemId}")
	String panel(@PathVariable long itemId, Model model) {
		WorkItemView item = this.items.get(String.valueOf(itemId));
		model.addAttribute("item", item);
		model.addAttribute("review", this.reviews.get(item.number()));
		model.addAttribute("canWork", this.items.canWork(item.id()));
		model.addAttribute("users", this.directory.activeUsers());
		model.addAttribute("departments", this.directory.activeDepartments());
		model.addAttribute("clauses", this.clauses.all());
		return "governance/review :: panel";
	}

	@PostMapping("/governance/reviews/{number}/minutes")
	String minutes(@PathVariable String number, @ModelAttribute ManagementReviews.Minutes minutes,
			RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "review.saved", () -> this.reviews.save(number, minutes));
		return "redirect:/work/mgmtreview/" + this.items.get(number).number();
	}

	@PostMapping("/governance/reviews/{number}/problems")
	String problem(@PathVariable String number, @RequestParam(required = false) String title,
			@RequestParam(required = false) String clause, @RequestParam(required = false) Long departmentId,
			@RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime dueAt,
			RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "review.problemRaised",
				() -> this.reviews.raise(number, title, blankToNull(clause), departmentId, ownerId, dueAt));
		return "redirect:/work/mgmtreview/" + this.items.get(number).number();
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s;
	}

	/** The same over REST. */
	@RestController
	@Tag(name = "Governance")
	static class Api {

		private final ManagementReviews reviews;

		Api(ManagementReviews reviews) {
			this.reviews = reviews;
		}

		@GetMapping("/api/v1/governance/reviews/{number}")
		ManagementReviews.ReviewView get(@PathVariable String number) {
			return this.reviews.get(number);
		}

		@PutMapping("/api/v1/governance/reviews/{number}/minutes")
		@Operation(summary = "Save a review's minutes: dates, chair, attendees, input period, conclusions, resolutions")
		ManagementReviews.ReviewView minutes(@PathVariable String number,
				@RequestBody ManagementReviews.Minutes minutes) {
			return this.reviews.save(number, minutes);
		}

		/** A problem as the review raises it. */
		record Problem(String title, String clause, Long departmentId, Long ownerId, LocalDateTime dueAt) {
		}

		@PostMapping("/api/v1/governance/reviews/{number}/problems")
		@Operation(summary = "Raise a problem the review found: a nonconformity with department, owner and deadline")
		ResponseEntity<WorkItemBrief> problem(@PathVariable String number, @RequestBody Problem p) {
			WorkItemBrief b = this.reviews.raise(number, p.title(), p.clause(), p.departmentId(), p.ownerId(),
					p.dueAt());
			return ResponseEntity.created(java.net.URI.create("/api/v1/governance/nonconformities/" + b.number()))
				.body(b);
		}

	}

}
