package org.yunwei.notification.web;

import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.yunwei.notification.internal.ApprovalLinks;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.workitem.WorkItems;

/**
 * Deciding an approval from its e-mail, without signing in: the signed link shows the
 * record and asks (opening a link never decides anything: mail scanners open links); the
 * decision is taken as the person the link was made for, exactly as on the record.
 */
@Controller
class PublicApprovalController {

	private final ApprovalLinks links;

	private final WorkItems workItems;

	private final AccessControl access;

	private final Directory directory;

	PublicApprovalController(ApprovalLinks links, WorkItems workItems, AccessControl access, Directory directory) {
		this.links = links;
		this.workItems = workItems;
		this.access = access;
		this.directory = directory;
	}

	@GetMapping("/public/approvals")
	String show(@RequestParam(required = false) String token, Model model) {
		return page(token, model);
	}

	@PostMapping("/public/approvals")
	String decide(@RequestParam(required = false) String token, @RequestParam String decision,
			@RequestParam(required = false) String comment, Model model) {
		Optional<ApprovalLinks.Grant> grant = this.links.verify(token);
		if (grant.isEmpty()) {
			return page(token, model);
		}
		boolean approve = "approve".equals(decision);
		try {
			this.access.runAs(grant.get().approverId(),
					() -> this.workItems.decide(grant.get().stepId(), approve, comment));
			model.addAttribute("decided", approve ? "APPROVED" : "REJECTED");
		}
		catch (DomainException ex) {
			model.addAttribute("errorKey", FormErrors.firstMessageKey(ex));
			model.addAttribute("errorArgs", FormErrors.firstArgs(ex));
			model.addAttribute("comment", comment);
		}
		return page(token, model);
	}

	private String page(String token, Model model) {
		Optional<ApprovalLinks.Grant> grant = this.links.verify(token);
		model.addAttribute("token", token);
		if (grant.isEmpty()) {
			model.addAttribute("invalid", true);
			return "notification/approval";
		}
		this.workItems.approvalStep(grant.get().stepId()).ifPresentOrElse((step) -> {
			model.addAttribute("step", step);
			model.addAttribute("deciderName", this.directory.userNames(java.util.List.of(grant.get().approverId()))
				.get(grant.get().approverId()));
			model.addAttribute("onBehalf", step.approverId() != grant.get().approverId());
			model.addAttribute("expiresAt", grant.get().expiresAt());
		}, () -> model.addAttribute("invalid", true));
		return "notification/approval";
	}

}
