package org.yunwei.workitem.web;

import java.net.URI;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.workitem.ApprovalDelegations;
import org.yunwei.workitem.DelegationView;

/** Delegating one's approvals while away, over REST. */
@RestController
@RequestMapping("/api/v1/delegations")
@Tag(name = "Work items")
class DelegationApiController {

	private final ApprovalDelegations delegations;

	DelegationApiController(ApprovalDelegations delegations) {
		this.delegations = delegations;
	}

	/** A delegation as REST takes it. */
	record DelegationRequest(Long delegateId, LocalDate startsOn, LocalDate endsOn) {
	}

	@GetMapping
	@Operation(summary = "My delegations, given and received, that have not ended")
	List<DelegationView> list() {
		return this.delegations.mine();
	}

	@PostMapping
	@Operation(summary = "Name a delegate for my approvals between two dates (both included)")
	ResponseEntity<DelegationView> create(@RequestBody DelegationRequest request) {
		DelegationView created = this.delegations.create(request.delegateId(), request.startsOn(), request.endsOn());
		return ResponseEntity.created(URI.create("/api/v1/delegations/" + created.id())).body(created);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "End one of my delegations now")
	ResponseEntity<Void> cancel(@PathVariable long id) {
		this.delegations.cancel(id);
		return ResponseEntity.noContent().build();
	}

}
