package org.yunwei.governance.web;

import java.time.LocalDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.governance.AuditProgrammes;
import org.yunwei.governance.Governance;
import org.yunwei.governance.StandardCatalogue;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * The annual internal audit programme (9.2 a) on its page: how the year is audited and
 * what is in scope, the audits of the year, and object by object whether it is covered,
 * planned or not yet covered; audits are planned from it for the objects picked.
 */
@Controller
class AuditProgrammeController {

	private final AuditProgrammes programmes;

	private final StandardCatalogue catalogue;

	private final Directory directory;

	private final AccessControl access;

	private final WorkItems items;

	AuditProgrammeController(AuditProgrammes programmes, StandardCatalogue catalogue, Directory directory,
			AccessControl access, WorkItems items) {
		this.programmes = programmes;
		this.catalogue = catalogue;
		this.directory = directory;
		this.access = access;
		this.items = items;
	}

	@GetMapping("/governance/audit-programme")
	String page(@RequestParam(required = false) Integer year, Model model) {
		int y = (year == null) ? this.programmes.currentYear() : year;
		AuditProgrammes.ProgrammeView p = this.programmes.get(y);
		model.addAttribute("programme", p);
		model.addAttribute("leaves", this.catalogue.leaves());
		model.addAttribute("methods", AuditProgrammes.Method.values());
		model.addAttribute("users", this.directory.activeUsers());
		model.addAttribute("departments", this.directory.activeDepartments());
		model.addAttribute("canManage", this.access.has(Governance.MANAGE));
		model.addAttribute("canPlan", p.exists() && this.items.canWrite(org.yunwei.governance.InternalAudits.TYPE));
		return "governance/audit-programme";
	}

	@PostMapping("/governance/audit-programme/{year}")
	String save(@PathVariable int year, @RequestParam(required = false) AuditProgrammes.Method method,
			@RequestParam(required = false) List<String> clauses, @RequestParam(required = false) String scope,
			@RequestParam(required = false) String objectives, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "programme.saved",
				() -> this.programmes.save(year, new AuditProgrammes.Programme(method,
						("all".equals(scope) || clauses == null) ? List.of() : clauses, objectives, ownerId, version)));
		return "redirect:/governance/audit-programme?year=" + year;
	}

	@PostMapping("/governance/audit-programme/{year}/audits")
	String plan(@PathVariable int year, @RequestParam(required = false) String title,
			@RequestParam(required = false) List<String> clauses, @RequestParam(required = false) Long auditorId,
			@RequestParam(required = false) Long departmentId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime dueAt,
			RedirectAttributes redirect) {
		WorkItemView[] planned = new WorkItemView[1];
		if (FormErrors.attempt(redirect, "programme.planned", () -> planned[0] = this.programmes.plan(year,
				new AuditProgrammes.PlannedAudit(title, clauses, auditorId, departmentId, dueAt)))) {
			return "redirect:/work/audit/" + planned[0].number();
		}
		return "redirect:/governance/audit-programme?year=" + year;
	}

	/** The same over REST. */
	@RestController
	@Tag(name = "Governance")
	static class Api {

		private final AuditProgrammes programmes;

		Api(AuditProgrammes programmes) {
			this.programmes = programmes;
		}

		@GetMapping("/api/v1/governance/audit-programmes/{year}")
		@Operation(summary = "A year's internal audit programme: method, objects in scope and their coverage,"
				+ " the audits of the year")
		AuditProgrammes.ProgrammeView get(@PathVariable int year) {
			return this.programmes.get(year);
		}

		@PutMapping("/api/v1/governance/audit-programmes/{year}")
		@Operation(summary = "Set a year's programme (clauses empty: every leaf clause; version 0 to create)")
		AuditProgrammes.ProgrammeView save(@PathVariable int year, @RequestBody AuditProgrammes.Programme p) {
			return this.programmes.save(year, p);
		}

		@PostMapping("/api/v1/governance/audit-programmes/{year}/audits")
		@Operation(summary = "Plan an internal audit of objects of the programme, due in the year")
		ResponseEntity<WorkItemView> plan(@PathVariable int year, @RequestBody AuditProgrammes.PlannedAudit a) {
			WorkItemView item = this.programmes.plan(year, a);
			return ResponseEntity.created(java.net.URI.create("/api/v1/governance/audits/" + item.number())).body(item);
		}

	}

}
