package org.yunwei.release.web;

import java.net.URI;
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
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.platform.ValidationFailed;
import org.yunwei.release.PolicyView;
import org.yunwei.release.ReleaseFormData;
import org.yunwei.release.ReleasePlanFormData;
import org.yunwei.release.ReleaseReviewView;
import org.yunwei.release.ReleaseType;
import org.yunwei.release.ReleaseView;
import org.yunwei.release.Releases;
import org.yunwei.workitem.WorkItemView;

/**
 * Release management over REST: raise, plan, changes, test results, the deployment log,
 * readiness, the release policy and release reviews. The transitions (submit for
 * authorisation, deployed, close …) are the work items' ({@code POST
 * /api/v1/work-items/{number}/transitions/{name}}).
 */
@RestController
@RequestMapping("/api/v1/releases")
@Tag(name = "Releases")
class ReleaseApiController {

	private final Releases releases;

	ReleaseApiController(Releases releases) {
		this.releases = releases;
	}

	@PostMapping
	@Operation(summary = "Raise a release: releaseType MAJOR, MINOR or EMERGENCY, releaseVersion, plannedDeployAt")
	ResponseEntity<ReleaseView> raise(@Valid @RequestBody ReleaseFormData form) {
		WorkItemView item = this.releases.raise(form);
		return ResponseEntity.created(URI.create("/api/v1/releases/" + item.number()))
			.body(this.releases.get(item.number()));
	}

	@GetMapping("/{number}")
	ReleaseView get(@PathVariable String number) {
		return this.releases.get(number);
	}

	@PutMapping("/{number}/plan")
	@Operation(
			summary = "Save the release, build and test plans, acceptance criteria and rollback plan (send the version read)")
	ReleaseView plan(@PathVariable String number, @Valid @RequestBody ReleasePlanFormData form) {
		return this.releases.savePlan(number, form);
	}

	record Change(@Size(max = 40) String change) {
	}

	@PostMapping("/{number}/changes")
	@Operation(summary = "Group a change into the release")
	ReleaseView addChange(@PathVariable String number, @Valid @RequestBody Change change) {
		return this.releases.addChange(number, change.change());
	}

	@DeleteMapping("/{number}/changes/{changeId}")
	ReleaseView removeChange(@PathVariable String number, @PathVariable long changeId) {
		return this.releases.removeChange(number, changeId);
	}

	@PostMapping("/{number}/tests")
	@Operation(summary = "Record a test result in an environment (while building and testing)")
	ReleaseView recordTest(@PathVariable String number, @Valid @RequestBody Releases.TestInput test) {
		return this.releases.recordTest(number, test);
	}

	@PostMapping("/{number}/deployments")
	@Operation(summary = "Log a deployment to an environment with its outcome (once authorised)")
	ReleaseView logDeployment(@PathVariable String number, @Valid @RequestBody Releases.DeploymentInput deployment) {
		return this.releases.logDeployment(number, deployment);
	}

	@GetMapping("/{number}/readiness")
	@Operation(summary = "What the release still lacks before it can be authorised (a failed test above all)")
	List<ValidationFailed.Violation> readiness(@PathVariable String number) {
		return this.releases.readiness(number);
	}

	@GetMapping("/policy")
	List<PolicyView> policies() {
		return this.releases.policies();
	}

	@PutMapping("/policy/{type}")
	@Operation(summary = "Set a release type's policy (send the version read)")
	PolicyView savePolicy(@PathVariable ReleaseType type, @Valid @RequestBody Releases.PolicyInput policy) {
		return this.releases.savePolicy(type, policy);
	}

	@GetMapping("/reviews")
	List<ReleaseReviewView> reviews() {
		return this.releases.reviews();
	}

	@PostMapping("/reviews")
	@Operation(summary = "Hold a release review of a period: its figures are counted, findings and improvements given")
	ResponseEntity<ReleaseReviewView> holdReview(@Valid @RequestBody Releases.ReviewInput review) {
		ReleaseReviewView held = this.releases.holdReview(review);
		return ResponseEntity.created(URI.create("/api/v1/releases/reviews")).body(held);
	}

}
