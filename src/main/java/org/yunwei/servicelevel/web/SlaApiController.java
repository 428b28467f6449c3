package org.yunwei.servicelevel.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

import org.yunwei.platform.web.Formats;
import org.yunwei.servicelevel.EscalationRuleFormData;
import org.yunwei.servicelevel.EscalationRuleView;
import org.yunwei.servicelevel.ServiceLevels;
import org.yunwei.servicelevel.SlaAttainment;
import org.yunwei.servicelevel.SlaClockView;
import org.yunwei.workitem.WorkItems;

/**
 * Service levels over REST: escalation rules, a record's SLA clocks, attainment of a
 * period and the audited recalculation.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Service levels")
class SlaApiController {

	private final ServiceLevels levels;

	private final WorkItems items;

	private final Formats formats;

	SlaApiController(ServiceLevels levels, WorkItems items, Formats formats) {
		this.levels = levels;
		this.items = items;
		this.formats = formats;
	}

	@GetMapping("/escalation-rules")
	@Operation(summary = "Every escalation rule")
	List<EscalationRuleView> rules() {
		return this.levels.rules();
	}

	@PostMapping("/escalation-rules")
	@Operation(summary = "Define an escalation rule: on a warning or breach, reassign and/or raise the priority")
	ResponseEntity<EscalationRuleView> createRule(@Valid @RequestBody EscalationRuleFormData form) {
		EscalationRuleView created = this.levels.createRule(form);
		return ResponseEntity.created(URI.create("/api/v1/escalation-rules/" + created.id())).body(created);
	}

	@GetMapping("/escalation-rules/{id}")
	@Operation(summary = "One escalation rule")
	EscalationRuleView rule(@PathVariable long id) {
		return this.levels.rule(id);
	}

	@PutMapping("/escalation-rules/{id}")
	@Operation(summary = "Change an escalation rule (send the version you read)")
	EscalationRuleView updateRule(@PathVariable long id, @Valid @RequestBody EscalationRuleFormData form) {
		return this.levels.updateRule(id, form);
	}

	@DeleteMapping("/escalation-rules/{id}")
	@Operation(summary = "Delete an escalation rule")
	ResponseEntity<Void> deleteRule(@PathVariable long id) {
		this.levels.deleteRule(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/work-items/{idOrNumber}/sla-clocks")
	@Operation(summary = "A work item's SLA clocks, counted in working minutes as of now")
	List<SlaClockView> clocks(@PathVariable String idOrNumber) {
		return this.levels.clocks(this.items.get(idOrNumber).id());
	}

	@GetMapping("/sla/attainment")
	@Operation(summary = "Attainment of a period (2026-11, 2026-Q4 or 2026; default this month): met and breached"
			+ " clocks per service, department and assignment group")
	SlaAttainment attainment(@RequestParam(required = false) String period) {
		return this.levels.attainment((period == null || period.isBlank())
				? java.time.YearMonth.now(this.formats.organisationZone()).toString() : period);
	}

	/** The dates (inclusive) whose clocks to count again, of one service or all. */
	record RecalculationRequest(LocalDate from, LocalDate to, Long serviceId) {
	}

	@PostMapping("/sla/recalculations")
	@Operation(summary = "Count again, on today's calendars and targets, the clocks that ran between two dates"
			+ " (at most a year; audited with how many results changed)")
	ServiceLevels.Recalculation recalculate(@RequestBody RecalculationRequest request) {
		return this.levels.recalculate(request.from(), request.to(), request.serviceId());
	}

}
