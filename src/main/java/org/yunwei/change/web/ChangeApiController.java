package org.yunwei.change.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

import org.yunwei.change.ChangeConflict;
import org.yunwei.change.ChangeFormData;
import org.yunwei.change.ChangePlanFormData;
import org.yunwei.change.ChangeView;
import org.yunwei.change.Changes;
import org.yunwei.change.FreezeFormData;
import org.yunwei.change.FreezeView;
import org.yunwei.change.OutcomeFormData;
import org.yunwei.change.ReviewFormData;
import org.yunwei.change.RiskQuestionnaire;
import org.yunwei.change.TemplateFormData;
import org.yunwei.change.TemplateView;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.workitem.WorkItemRow;
import org.yunwei.workitem.WorkItemView;

/**
 * Change management over REST: raise, the plan and risk questionnaire, outcome,
 * post-implementation review, conflicts, tasks, CMDB updates, the calendar, templates and
 * freeze windows. A change's transitions (submit, start, implemented, close …) are the
 * work items' ({@code POST /api/v1/work-items/{number}/transitions/{name}}).
 */
@RestController
@RequestMapping("/api/v1/changes")
@Tag(name = "Changes")
class ChangeApiController {

	private final Changes changes;

	ChangeApiController(Changes changes) {
		this.changes = changes;
	}

	@PostMapping
	@Operation(summary = "Raise a change: changeType STANDARD (with templateCode), NORMAL or EMERGENCY")
	ResponseEntity<ChangeView> raise(@Valid @RequestBody ChangeFormData form) {
		WorkItemView item = this.changes.raise(form);
		return ResponseEntity.created(URI.create("/api/v1/changes/" + item.number()))
			.body(this.changes.get(item.number()));
	}

	@GetMapping("/{number}")
	ChangeView get(@PathVariable String number) {
		return this.changes.get(number);
	}

	@GetMapping("/questionnaire")
	@Operation(summary = "The risk questionnaire: question codes, each answered with a score 0–3")
	List<RiskQuestionnaire.Question> questionnaire() {
		return RiskQuestionnaire.QUESTIONS;
	}

	@PutMapping("/{number}/plan")
	@Operation(summary = "Save the plan, window and questionnaire answers (send the version read); gives the risk")
	ChangeView plan(@PathVariable String number, @Valid @RequestBody ChangePlanFormData form) {
		return this.changes.savePlan(number, form);
	}

	@GetMapping("/{number}/readiness")
	@Operation(summary = "What the change still lacks before it can be submitted, scheduled or started")
	List<ValidationFailed.Violation> readiness(@PathVariable String number) {
		return this.changes.readiness(number);
	}

	@PutMapping("/{number}/outcome")
	@Operation(summary = "Record the implementation's outcome (while implementing)")
	ChangeView outcome(@PathVariable String number, @Valid @RequestBody OutcomeFormData form) {
		return this.changes.recordOutcome(number, form);
	}

	@PutMapping("/{number}/review")
	@Operation(summary = "Write the post-implementation review (in review)")
	ChangeView review(@PathVariable String number, @Valid @RequestBody ReviewFormData form) {
		return this.changes.review(number, form);
	}

	@GetMapping("/{number}/conflicts")
	@Operation(summary = "Changes in overlapping windows on the same CIs or services, and freeze windows it falls in")
	List<ChangeConflict> conflicts(@PathVariable String number) {
		return this.changes.conflicts(number);
	}

	record Task(@Size(max = 200) String title) {
	}

	@GetMapping("/{number}/tasks")
	List<WorkItemRow> tasks(@PathVariable String number) {
		return this.changes.tasks(number);
	}

	@PostMapping("/{number}/tasks")
	@Operation(summary = "Add an implementation task (linked as the change's child)")
	ResponseEntity<WorkItemView> addTask(@PathVariable String number, @Valid @RequestBody Task task) {
		WorkItemView t = this.changes.addTask(number, task.title());
		return ResponseEntity.created(URI.create("/api/v1/work-items/" + t.number())).body(t);
	}

	@GetMapping("/{number}/cmdb-updates")
	@Operation(summary = "The CMDB updates recorded against the change")
	List<ConfigurationItems.RecordedUpdate> cmdbUpdates(@PathVariable String number) {
		return this.changes.cmdbUpdates(number);
	}

	@GetMapping("/calendar")
	@Operation(summary = "The changes whose windows fall in [from, to) (at most 93 days), with conflicts, and freezes")
	Changes.Calendar calendar(@RequestParam Instant from, @RequestParam Instant to) {
		return this.changes.calendar(from, to);
	}

	@GetMapping("/templates")
	List<TemplateView> templates(@RequestParam(defaultValue = "false") boolean activeOnly) {
		return this.changes.templates(activeOnly);
	}

	@GetMapping("/templates/{code}")
	TemplateView template(@PathVariable String code) {
		return this.changes.template(code);
	}

	@PostMapping("/templates")
	@Operation(summary = "Create or update (send the version read) a standard-change template; saving pre-approves it")
	TemplateView saveTemplate(@Valid @RequestBody TemplateFormData form) {
		return this.changes.saveTemplate(form);
	}

	@GetMapping("/freezes")
	List<FreezeView> freezes(@RequestParam Instant from, @RequestParam Instant to) {
		return this.changes.freezes(from, to);
	}

	@PostMapping("/freezes")
	ResponseEntity<FreezeView> addFreeze(@Valid @RequestBody FreezeFormData form) {
		FreezeView f = this.changes.addFreeze(form);
		return ResponseEntity.created(URI.create("/api/v1/changes/freezes/" + f.id())).body(f);
	}

	@DeleteMapping("/freezes/{id}")
	ResponseEntity<Void> removeFreeze(@PathVariable long id) {
		this.changes.removeFreeze(id);
		return ResponseEntity.noContent().build();
	}

}
