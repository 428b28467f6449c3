package org.yunwei.governance.web;

import java.net.URI;
import java.time.LocalDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.governance.Nonconformities;
import org.yunwei.governance.NonconformityView;
import org.yunwei.workitem.WorkItemBrief;

/**
 * Nonconformities over REST: register one, read its record, save its analysis, raise its
 * actions. Its workflow (analyse, act, verify, effective / ineffective) is the work
 * item's: {@code POST /api/v1/work-items/{number}/transitions/{name}}.
 */
@RestController
@RequestMapping("/api/v1/governance/nonconformities")
@Tag(name = "Governance")
class NonconformityApiController {

	private final Nonconformities nonconformities;

	NonconformityApiController(Nonconformities nonconformities) {
		this.nonconformities = nonconformities;
	}

	@PostMapping
	@Operation(summary = "Register a nonconformity (an audit finding, a complaint, a self-check …)")
	ResponseEntity<NonconformityView> register(@RequestBody Nonconformities.Registration registration) {
		NonconformityView nc = this.nonconformities.register(registration);
		return ResponseEntity.created(URI.create("/api/v1/governance/nonconformities/" + nc.number())).body(nc);
	}

	@GetMapping("/{number}")
	NonconformityView get(@PathVariable String number) {
		return this.nonconformities.get(number);
	}

	@PutMapping("/{number}/analysis")
	@Operation(summary = "Save the analysis: clause, cause, correction, corrective and preventive action, department")
	NonconformityView analysis(@PathVariable String number, @RequestBody Nonconformities.Analysis analysis) {
		return this.nonconformities.saveAnalysis(number, analysis);
	}

	/** An action as it is raised. */
	record ActionInput(String title, Long assigneeId, LocalDateTime dueAt) {
	}

	@PostMapping("/{number}/actions")
	@Operation(summary = "Raise a corrective or preventive action (a capa work item) with its owner and deadline")
	ResponseEntity<WorkItemBrief> action(@PathVariable String number, @RequestBody ActionInput input) {
		WorkItemBrief a = this.nonconformities.addAction(number, input.title(), input.assigneeId(), input.dueAt());
		return ResponseEntity.created(URI.create("/api/v1/work-items/" + a.number())).body(a);
	}

}
