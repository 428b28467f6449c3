package org.yunwei.governance.web;

import java.time.LocalDateTime;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.governance.Nonconformities;
import org.yunwei.governance.NonconformityView;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.standard.StandardClauses;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * A nonconformity on its page: where it came from, the analysis (clause, cause,
 * correction, corrective and preventive action, the department answering for it), its
 * actions with owner and deadline (raise one), and the verification of effectiveness.
 */
@Controller
@RequestMapping("/governance/nonconformities")
class NonconformityController {

	private final Nonconformities nonconformities;

	private final WorkItems items;

	private final Directory directory;

	private final StandardClauses clauses;

	NonconformityController(Nonconformities nonconformities, WorkItems items, Directory directory,
			StandardClauses clauses) {
		this.nonconformities = nonconformities;
		this.items = items;
		this.directory = directory;
		this.clauses = clauses;
	}

	@GetMapping("/panel/{itemId}")
	String panel(@PathVariable long itemId, Model model) {
		WorkItemView item = this.items.get(String.valueOf(itemId));
		NonconformityView nc = this.nonconformities.get(item.number());
		model.addAttribute("item", item);
		model.addAttribute("nc", nc);
		model.addAttribute("canWork", this.items.canWork(item.id()));
		model.addAttribute("departments", this.directory.activeDepartments());
		model.addAttribute("users", this.directory.activeUsers());
		model.addAttribute("clauses", this.clauses.all());
		model.addAttribute("missing", nc.missing(item.assignee() != null, item.dueAt() != null));
		return "governance/nonconformity :: panel";
	}

	@PostMapping("/{number}/analysis")
	String analysis(@PathVariable String number, @ModelAttribute Nonconformities.Analysis analysis,
			RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "nonconformity.saved", () -> this.nonconformities.saveAnalysis(number, analysis));
		return "redirect:/work/nonconformity/" + this.items.get(number).number();
	}

	@PostMapping("/{number}/actions")
	String action(@PathVariable String number, @RequestParam(required = false) String title,
			@RequestParam(required = false) Long assigneeId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime dueAt,
			RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "nonconformity.actionRaised",
				() -> this.nonconformities.addAction(number, title, assigneeId, dueAt));
		return "redirect:/work/nonconformity/" + this.items.get(number).number();
	}

}
