package org.yunwei.workitem.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.platform.DomainException;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.workitem.ApprovalDelegations;

/** Delegating one's approvals while away: the page, and the same over REST. */
@Controller
class DelegationController {

	private final ApprovalDelegations delegations;

	private final Directory directory;

	DelegationController(ApprovalDelegations delegations, Directory directory) {
		this.delegations = delegations;
		this.directory = directory;
	}

	@GetMapping("/delegation")
	String page(Model model) {
		model.addAttribute("delegations", this.delegations.mine());
		model.addAttribute("users", this.directory.activeUsers());
		return "work/delegation";
	}

	@PostMapping("/delegation")
	String create(@RequestParam(required = false) Long delegateId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			RedirectAttributes redirect) {
		try {
			this.delegations.create(delegateId, startsOn, endsOn);
			redirect.addFlashAttribute("flash", "delegation.saved");
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/delegation";
	}

	@PostMapping("/delegation/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		this.delegations.cancel(id);
		redirect.addFlashAttribute("flash", "delegation.cancelled");
		return "redirect:/delegation";
	}

}
