package org.yunwei.problem.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.problem.AnalysisFormData;
import org.yunwei.problem.Problems;
import org.yunwei.workitem.WorkItemView;

/** Problems over REST: raise from incidents, analysis, known errors, proposals. */
@RestController
@Tag(name = "Problems")
class ProblemApiController {

	private final Problems problems;

	ProblemApiController(Problems problems) {
		this.problems = problems;
	}

	record Raise(List<@Size(max = 40) String> incidents, @Size(max = 200) String title) {
	}

	@PostMapping("/api/v1/problems")
	@Operation(summary = "Raise a problem from one or many incidents (each is linked CAUSED_BY it)")
	ResponseEntity<WorkItemView> raise(@Valid @RequestBody Raise raise) {
		WorkItemView p = this.problems.raise(raise.incidents(), raise.title());
		return ResponseEntity.created(URI.create("/api/v1/work-items/" + p.number())).body(p);
	}

	record Incident(@Size(max = 40) String incident) {
	}

	@PostMapping("/api/v1/problems/{number}/incidents")
	@Operation(summary = "Tie one more incident to a problem")
	ResponseEntity<Void> attach(@PathVariable String number, @Valid @RequestBody Incident incident) {
		this.problems.attachIncident(number, (incident.incident() == null) ? "" : incident.incident());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/problems/{number}/analysis")
	Problems.Analysis analysis(@PathVariable String number) {
		return this.problems.analysis(number);
	}

	@PutMapping("/api/v1/problems/{number}/analysis")
	@Operation(summary = "Save the root-cause analysis, workaround and fixing change (send the version read)")
	Problems.Analysis save(@PathVariable String number, @Valid @RequestBody AnalysisFormData form) {
		return this.problems.save(number, form);
	}

	@GetMapping("/api/v1/problems/known-errors")
	@Operation(summary = "The known-error list: published workarounds of open problems; q filters")
	List<Problems.KnownError> knownErrors(@RequestParam(required = false) String q) {
		return this.problems.knownErrors(q);
	}

	@GetMapping("/api/v1/problems/proposals")
	@Operation(
			summary = "Recurring incidents: categories with at least threshold incidents in days days, not yet tied to a problem")
	List<Problems.Proposal> proposals(@RequestParam(defaultValue = "30") int days,
			@RequestParam(defaultValue = "3") int threshold) {
		return this.problems.proposals(days, threshold);
	}

}
