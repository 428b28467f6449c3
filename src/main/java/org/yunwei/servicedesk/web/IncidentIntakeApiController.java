package org.yunwei.servicedesk.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.servicedesk.Channel;
import org.yunwei.servicedesk.ServiceDesk;
import org.yunwei.servicedesk.TicketFormData;
import org.yunwei.servicedesk.TicketKind;
import org.yunwei.workitem.WorkItemView;

/**
 * Incidents raised by other systems (monitoring, alerting):
 * {@code POST /api/v1/incidents}, idempotent by the {@code Idempotency-Key} header — a
 * retried call returns the incident the first one created (200,
 * {@code Idempotent-Replayed: true}) instead of a second one. The incident goes to the
 * service desk's queue like any other; its channel is API.
 */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Service desk")
class IncidentIntakeApiController {

	private final ServiceDesk desk;

	IncidentIntakeApiController(ServiceDesk desk) {
		this.desk = desk;
	}

	/** What a monitoring system reports. */
	record Report(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 20000) String description,
			@Min(1) @Max(3) Integer impact, @Min(1) @Max(3) Integer urgency, Long serviceId, List<Long> ciIds) {
	}

	@PostMapping
	@Operation(summary = "Raise an incident from another system; send an Idempotency-Key to make retries safe")
	ResponseEntity<WorkItemView> raise(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody Report report) {
		TicketFormData form = new TicketFormData();
		form.setKind(TicketKind.INCIDENT);
		form.setTitle(report.title());
		form.setDescription(report.description());
		form.setImpact(report.impact());
		if (report.urgency() != null) {
			form.setUrgency(report.urgency());
		}
		form.setServiceId(report.serviceId());
		form.setCiIds(report.ciIds());
		if (key == null) {
			WorkItemView item = this.desk.raise(form, Channel.API);
			return ResponseEntity.created(URI.create("/api/v1/tickets/" + item.number())).body(item);
		}
		ServiceDesk.Raised raised;
		try {
			raised = this.desk.raiseOnce(key, form, Channel.API);
		}
		catch (DuplicateKeyException ex) {
			// the same key raced in: the other call's record is there now
			raised = this.desk.raiseOnce(key, form, Channel.API);
		}
		if (raised.replayed()) {
			return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(raised.item());
		}
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + raised.item().number())).body(raised.item());
	}

}
