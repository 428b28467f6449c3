package org.yunwei.servicedesk.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.servicedesk.Acceptance;
import org.yunwei.servicedesk.Channel;
import org.yunwei.servicedesk.Rejection;
import org.yunwei.servicedesk.ServiceDesk;
import org.yunwei.servicedesk.TicketFormData;
import org.yunwei.servicedesk.TicketView;
import org.yunwei.workitem.WorkItemRow;
import org.yunwei.workitem.WorkItemView;

/**
 * The requester's side of the service desk over REST: raise a ticket, follow one's
 * tickets, accept the result with a rating or send it back. Staff work on tickets through
 * {@code /api/v1/work-items}.
 */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Service desk")
class ServiceDeskApiController {

	private final ServiceDesk desk;

	ServiceDeskApiController(ServiceDesk desk) {
		this.desk = desk;
	}

	@PostMapping
	@Operation(summary = "Raise an incident (kind INCIDENT) or a service request (kind REQUEST) for oneself")
	ResponseEntity<WorkItemView> raise(@Valid @RequestBody TicketFormData form) {
		WorkItemView item = this.desk.raise(form, Channel.API);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + item.number())).body(item);
	}

	@GetMapping("/mine")
	@Operation(summary = "The caller's own tickets, open ones first")
	List<WorkItemRow> mine() {
		return this.desk.mine(100);
	}

	@GetMapping("/{number}")
	@Operation(summary = "A ticket with its public journal, what the caller may do now, channel and rating")
	TicketView get(@PathVariable String number) {
		return this.desk.ticket(number);
	}

	@PostMapping("/{number}/acceptance")
	@Operation(summary = "The requester accepts the result and rates it 1-5; the ticket closes")
	TicketView accept(@PathVariable String number, @Valid @RequestBody Acceptance acceptance) {
		return this.desk.accept(number, acceptance);
	}

	@PostMapping("/{number}/rejection")
	@Operation(summary = "The requester sends the ticket back with the reason; it is worked on again")
	TicketView reject(@PathVariable String number, @Valid @RequestBody Rejection rejection) {
		return this.desk.reject(number, rejection);
	}

}
