package org.yunwei.servicedesk.web;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.identity.Directory;
import org.yunwei.servicedesk.AgentConsole;
import org.yunwei.servicedesk.Channel;
import org.yunwei.servicedesk.DeskTemplateFormData;
import org.yunwei.servicedesk.DeskTemplateView;
import org.yunwei.servicedesk.DeskTemplates;
import org.yunwei.servicedesk.ServiceDesk;
import org.yunwei.servicedesk.TemplateKind;
import org.yunwei.servicedesk.TicketFormData;
import org.yunwei.workitem.WorkItemView;

/**
 * The agent console over REST: queues and what is in them, take, merge, convert, caller
 * lookup, a ticket registered for a caller (phone), templates and canned replies.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Service desk")
class DeskApiController {

	private final AgentConsole console;

	private final DeskTemplates templates;

	private final ServiceDesk desk;

	private final org.yunwei.servicedesk.DutyRoster duty;

	DeskApiController(AgentConsole console, DeskTemplates templates, ServiceDesk desk,
			org.yunwei.servicedesk.DutyRoster duty) {
		this.duty = duty;
		this.console = console;
		this.templates = templates;
		this.desk = desk;
	}

	@GetMapping("/desk/queues")
	@Operation(
			summary = "The caller's queues: their groups (every group for the desk's lead), with open, unassigned and overdue counts")
	List<AgentConsole.Queue> queues() {
		return this.console.queues();
	}

	@GetMapping("/desk/queues/{queue}")
	@Operation(
			summary = "The open records of a group's queue (by group id), or 'mine': by type, highest priority first")
	List<AgentConsole.Section> queue(@PathVariable String queue) {
		if ("mine".equals(queue)) {
			return this.console.queue(null);
		}
		if (!queue.matches("[0-9]{1,18}")) {
			throw new ValidationFailed("queue", "desk.error.queue");
		}
		return this.console.queue(Long.valueOf(queue));
	}

	record Take(Integer version) {
	}

	@PostMapping("/tickets/{number}/take")
	@Operation(summary = "Take a record up (the workflow's take, or become its assignee)")
	WorkItemView take(@PathVariable String number, @RequestBody(required = false) Take take) {
		return this.console.take(number, (take == null) ? null : take.version());
	}

	record Merge(@Size(max = 40) String into, @Size(max = 20000) String comment) {
	}

	@PostMapping("/tickets/{number}/merge")
	@Operation(summary = "Merge a duplicate ticket into the one it repeats; returns that ticket")
	WorkItemView merge(@PathVariable String number, @Valid @RequestBody Merge merge) {
		return this.console.merge(number, merge.into(), merge.comment());
	}

	record Conversion(@Size(max = 20000) String comment) {
	}

	@PostMapping("/tickets/{number}/conversion")
	@Operation(summary = "Turn an incident into a service request or back; returns the new ticket")
	ResponseEntity<WorkItemView> convert(@PathVariable String number,
			@Valid @RequestBody(required = false) Conversion conversion) {
		WorkItemView to = this.console.convert(number, (conversion == null) ? null : conversion.comment());
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + to.number())).body(to);
	}

	@PostMapping("/desk/tickets")
	@Operation(
			summary = "Register a ticket for a caller (requesterId) as the service desk, by phone (channel PHONE) or for another system (API)")
	ResponseEntity<WorkItemView> register(@Valid @RequestBody TicketFormData form,
			@RequestParam(defaultValue = "PHONE") Channel channel) {
		if (channel != Channel.PHONE && channel != Channel.API) {
			throw new ValidationFailed("channel", "desk.error.channel");
		}
		if (form.getRequesterId() == null) {
			throw new ValidationFailed("requesterId", "desk.error.callerRequired");
		}
		WorkItemView item = this.desk.raise(form, channel);
		return ResponseEntity.created(URI.create("/api/v1/tickets/" + item.number())).body(item);
	}

	@GetMapping("/desk/callers")
	@Operation(summary = "People whose name, username, e-mail or phone contains q")
	List<Directory.Person> callers(@RequestParam String q) {
		return this.console.callers(q);
	}

	@GetMapping("/desk/callers/{userId}")
	@Operation(summary = "A caller with their recent tickets")
	AgentConsole.Caller caller(@PathVariable long userId) {
		return this.console.caller(userId);
	}

	@GetMapping("/desk/templates")
	@Operation(
			summary = "Templates in use of a kind (TICKET or REPLY); with all=true every template, for the desk's lead")
	List<DeskTemplateView> templates(@RequestParam(required = false) TemplateKind kind,
			@RequestParam(defaultValue = "false") boolean all) {
		if (all) {
			return this.templates.all();
		}
		return (kind == null) ? java.util.stream.Stream.of(TemplateKind.values())
			.flatMap((k) -> this.templates.active(k).stream())
			.toList() : this.templates.active(kind);
	}

	@PostMapping("/desk/templates")
	@Operation(summary = "Add a ticket template or canned reply")
	ResponseEntity<DeskTemplateView> create(@Valid @RequestBody DeskTemplateFormData form) {
		DeskTemplateView t = this.templates.create(form);
		return ResponseEntity.created(URI.create("/api/v1/desk/templates/" + t.id())).body(t);
	}

	@GetMapping("/desk/templates/{id}")
	DeskTemplateView get(@PathVariable long id) {
		return this.templates.get(id);
	}

	@PutMapping("/desk/templates/{id}")
	@Operation(summary = "Change a template (send the version you read)")
	DeskTemplateView update(@PathVariable long id, @Valid @RequestBody DeskTemplateFormData form) {
		return this.templates.update(id, form);
	}

	@GetMapping("/desk/service-status")
	@Operation(summary = "Whether the service desk is within its service hours now, today's hours, and who is on duty")
	org.yunwei.servicedesk.DutyRoster.ServiceStatus serviceStatus() {
		return this.duty.status();
	}

	@GetMapping("/desk/duty")
	@Operation(summary = "The duty roster's shifts overlapping the days from and to (both included)")
	List<org.yunwei.servicedesk.DutyRoster.Shift> shifts(
			@RequestParam @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate from,
			@RequestParam @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate to) {
		return this.duty.shifts(from, to);
	}

	@PostMapping("/desk/duty")
	@Operation(summary = "Add a shift (local date-times in the organisation's time zone)")
	ResponseEntity<org.yunwei.servicedesk.DutyRoster.Shift> addShift(
			@Valid @RequestBody org.yunwei.servicedesk.DutyRoster.DutyFormData form) {
		org.yunwei.servicedesk.DutyRoster.Shift shift = this.duty.add(form);
		return ResponseEntity.created(URI.create("/api/v1/desk/duty/" + shift.id())).body(shift);
	}

	@org.springframework.web.bind.annotation.DeleteMapping("/desk/duty/{id}")
	ResponseEntity<Void> removeShift(@PathVariable long id) {
		this.duty.remove(id);
		return ResponseEntity.noContent().build();
	}

}
