package org.yunwei.workitem.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.platform.DomainException;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.workitem.ChecklistPoint;
import org.yunwei.workitem.Checklists;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/** A work item's checklist on its page: set the points, tick them, raise an anomaly. */
@Controller
class ChecklistController {

	private final Checklists checklists;

	private final WorkItems items;

	ChecklistController(Checklists checklists, WorkItems items) {
		this.checklists = checklists;
		this.items = items;
	}

	@PostMapping("/work/{type}/{number}/checklist")
	String define(@PathVariable String type, @PathVariable String number, @RequestParam String lines,
			RedirectAttributes redirect) {
		WorkItemView item = this.items.get(number);
		try {
			this.checklists.define(item.id(), List.of(lines.split("\\R")));
			redirect.addFlashAttribute("flash", "checklist.saved");
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/work/" + type + "/" + number + "#checklist";
	}

	@PostMapping("/work/{type}/{number}/checklist/{seq}")
	String record(@PathVariable String type, @PathVariable String number, @PathVariable int seq,
			@RequestParam(defaultValue = "false") boolean done, @RequestParam(required = false) String result,
			@RequestParam(defaultValue = "false") boolean anomaly, RedirectAttributes redirect) {
		WorkItemView item = this.items.get(number);
		try {
			this.checklists.record(item.id(), seq, done, result, anomaly);
			redirect.addFlashAttribute("flash", "checklist.recorded");
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/work/" + type + "/" + number + "#checklist";
	}

	@PostMapping("/work/{type}/{number}/checklist/{seq}/raise")
	String raise(@PathVariable String type, @PathVariable String number, @PathVariable int seq,
			RedirectAttributes redirect) {
		WorkItemView item = this.items.get(number);
		try {
			WorkItemView created = this.checklists.raise(item.id(), seq);
			redirect.addFlashAttribute("flash", "checklist.raised");
			redirect.addFlashAttribute("flashArgs", new Object[] { created.number() });
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/work/" + type + "/" + number + "#checklist";
	}

	/** The same over REST. */
	@RestController
	@Tag(name = "Work items")
	static class Api {

		private final Checklists checklists;

		private final WorkItems items;

		Api(Checklists checklists, WorkItems items) {
			this.checklists = checklists;
			this.items = items;
		}

		/** A point as REST records it. */
		record PointRequest(Boolean done, String result, Boolean anomaly) {
		}

		@GetMapping("/api/v1/work-items/{idOrNumber}/checklist")
		@Operation(summary = "The record's checklist")
		List<ChecklistPoint> points(@PathVariable String idOrNumber) {
			return this.checklists.points(this.items.get(idOrNumber).id());
		}

		@PutMapping("/api/v1/work-items/{idOrNumber}/checklist")
		@Operation(summary = "Set the checklist's points (while none is checked)")
		List<ChecklistPoint> define(@PathVariable String idOrNumber, @RequestBody List<String> points) {
			return this.checklists.define(this.items.get(idOrNumber).id(), points);
		}

		@PostMapping("/api/v1/work-items/{idOrNumber}/checklist/{seq}")
		@Operation(summary = "Record a point: done, its result, abnormal or not")
		ChecklistPoint record(@PathVariable String idOrNumber, @PathVariable int seq,
				@RequestBody PointRequest request) {
			return this.checklists.record(this.items.get(idOrNumber).id(), seq, Boolean.TRUE.equals(request.done()),
					request.result(), Boolean.TRUE.equals(request.anomaly()));
		}

		@PostMapping("/api/v1/work-items/{idOrNumber}/checklist/{seq}/follow-up")
		@Operation(summary = "Open a linked record for an abnormal point")
		WorkItemView raise(@PathVariable String idOrNumber, @PathVariable int seq) {
			return this.checklists.raise(this.items.get(idOrNumber).id(), seq);
		}

	}

}
