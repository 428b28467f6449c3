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

import org.yunwei.governance.InternalAudits;
import org.yunwei.governance.StandardCatalogue;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.workitem.WorkItemBrief;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * An internal audit on its page: its scope (the clauses it covers), the department
 * audited, its findings raised as nonconformities, and its report; the checklist
 * generated from the scope is the record's own.
 */
@Controller
class InternalAuditController {

	private final InternalAudits audits;

	private final WorkItems items;

	private final Directory directory;

	private final StandardCatalogue catalogue;

	InternalAuditController(InternalAudits audits, WorkItems items, Directory directory, StandardCatalogue catalogue) {
		this.audits = audits;
		this.items = items;
		this.directory = directory;
		this.catalogue = catalogue;
	}

	@GetMapping("/governance/audits/panel/{itemId}")
	String panel(@PathVariable long itemId, Model model) {
		WorkItemView item = this.items.get(String.valueOf(itemId));
		model.addAttribute("item", item);
		model.addAttribute("audit", this.audits.get(item.number()));
		model.addAttribute("canWork", this.items.canWork(item.id()));
		model.addAttribute("planned", "planned".equals(item.state()));
		model.addAttribute("leaves", this.catalogue.leaves());
		model.addAttribute("departments", this.directory.activeDepartments());
		model.addAttribute("users", this.directory.activeUsers());
		return "governance/audit :: panel";
	}

	@PostMapping("/governance/audits/{number}/plan")
	String plan(@PathVariable String number, @RequestParam(required = false) List<String> clauses,
			@RequestParam(required = false) Long departmentId, @RequestParam(required = false) String report,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "audit.saved", () -> this.audits.save(number,
				new InternalAudits.Plan((clauses == null) ? List.of() : clauses, departmentId, report, version)));
		return "redirect:/work/audit/" + this.items.get(number).number();
	}

	@PostMapping("/governance/audits/{number}/findings")
	String finding(@PathVariable String number, @RequestParam(required = false) String title,
			@RequestParam(required = false) String clause, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime dueAt,
			RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "audit.findingRaised",
				() -> this.audits.finding(number, title, clause, null, ownerId, dueAt));
		return "redirect:/work/audit/" + this.items.get(number).number();
	}

	@GetMapping("/governance/audits/{number}/report.pdf")
	ResponseEntity<byte[]> reportPdf(@PathVariable String number, @RequestParam(required = false) String lang) {
		return pdf(this.audits, number, lang);
	}

	static ResponseEntity<byte[]> pdf(InternalAudits audits, String number, String lang) {
		return org.yunwei.platform.web.PdfDocuments.file(
				audits.reportPdf(number, org.yunwei.platform.web.PdfDocuments.language(lang)),
				org.springframework.http.MediaType.APPLICATION_PDF, "audit-report-" + number + ".pdf", true);
	}

	/** The same over REST. */
	@RestController
	@Tag(name = "Governance")
	static class Api {

		private final InternalAudits audits;

		Api(InternalAudits audits) {
			this.audits = audits;
		}

		@GetMapping("/api/v1/governance/audits/{number}")
		InternalAudits.AuditView get(@PathVariable String number) {
			return this.audits.get(number);
		}

		@PutMapping("/api/v1/governance/audits/{number}")
		@Operation(summary = "Save an audit's scope (leaf clauses, fixed once it starts), department and report")
		InternalAudits.AuditView save(@PathVariable String number, @RequestBody InternalAudits.Plan plan) {
			return this.audits.save(number, plan);
		}

		@GetMapping("/api/v1/governance/audits/{number}/report")
		@Operation(summary = "The formal audit report as PDF (lang=zh|en); final once the audit is completed")
		ResponseEntity<byte[]> report(@PathVariable String number, @RequestParam(required = false) String lang) {
			return pdf(this.audits, number, lang);
		}

		/** A finding as it is raised. */
		record Finding(String title, String clause, Long departmentId, Long ownerId, LocalDateTime dueAt) {
		}

		@PostMapping("/api/v1/governance/audits/{number}/findings")
		@Operation(summary = "Raise a finding: a nonconformity of a clause in scope")
		ResponseEntity<WorkItemBrief> finding(@PathVariable String number, @RequestBody Finding f) {
			WorkItemBrief b = this.audits.finding(number, f.title(), f.clause(), f.departmentId(), f.ownerId(),
					f.dueAt());
			return ResponseEntity.created(java.net.URI.create("/api/v1/governance/nonconformities/" + b.number()))
				.body(b);
		}

	}

}
