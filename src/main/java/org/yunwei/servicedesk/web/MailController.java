package org.yunwei.servicedesk.web;

import java.io.IOException;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.platform.DomainException;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.FileDownloads;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.servicedesk.MailIntake;
import org.yunwei.servicedesk.MailStatus;
import org.yunwei.servicedesk.MailView;

/**
 * The service mailbox: the mails read from it and what became of each, the "not imported"
 * ones first; a mail's text and files, retry (optionally naming the requester) or discard
 * it saying why; poll now.
 */
@Controller
@RequestMapping("/desk/mail")
class MailController {

	private final MailIntake intake;

	private final Directory directory;

	MailController(MailIntake intake, Directory directory) {
		this.intake = intake;
		this.directory = directory;
	}

	/** {@code view}: {@code attention} (the default), a status, or {@code all}. */
	@GetMapping
	String list(@RequestParam(required = false) String view, @RequestParam(required = false) String after,
			Model model) {
		String v = (view == null || view.isBlank()) ? "attention" : view;
		MailStatus status = null;
		for (MailStatus s : MailStatus.values()) {
			if (s.name().equals(v)) {
				status = s;
			}
		}
		MailIntake.Mailbox mailbox = this.intake.mailbox();
		model.addAttribute("mailbox", mailbox);
		model.addAttribute("attentionCount", mailbox.counts().getOrDefault(MailStatus.FAILED, 0)
				+ mailbox.counts().getOrDefault(MailStatus.RECEIVED, 0));
		model.addAttribute("page", this.intake.list(status, "attention".equals(v), after, null));
		model.addAttribute("view", v);
		model.addAttribute("views",
				java.util.List.of("attention", "IGNORED", "IMPORTED", "THREADED", "DISCARDED", "all"));
		return "desk/mail";
	}

	@PostMapping("/poll")
	String poll(RedirectAttributes redirect) {
		MailIntake.PollResult r = this.intake.pollNow();
		if (r.error() != null) {
			redirect.addFlashAttribute("flashError", "mail.pollFailed");
			redirect.addFlashAttribute("flashErrorArgs", new Object[] { r.error() });
		}
		else {
			redirect.addFlashAttribute("flash", "mail.polled");
			redirect.addFlashAttribute("flashArgs", new Object[] { r.read() });
		}
		return "redirect:/desk/mail";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		MailView mail = this.intake.get(id);
		model.addAttribute("mail", mail);
		try {
			model.addAttribute("content", this.intake.content(id));
		}
		catch (DomainException ex) {
			model.addAttribute("content", null);
		}
		model.addAttribute("users", this.directory.activeUsers());
		return "desk/mail-detail";
	}

	@GetMapping("/{id}/raw")
	ResponseEntity<Resource> raw(@PathVariable long id) throws IOException {
		MailView mail = this.intake.get(id);
		return FileDownloads.of("mail-" + id + ".eml", "message/rfc822", mail.size(), this.intake.raw(id));
	}

	@PostMapping("/{id}/retry")
	String retry(@PathVariable long id, @RequestParam(required = false) Long requesterId, RedirectAttributes redirect) {
		try {
			MailView mail = this.intake.retry(id, requesterId);
			if (mail.status().needsAttention()) {
				redirect.addFlashAttribute("flashError", "mail.retryFailed");
			}
			else {
				redirect.addFlashAttribute("flash", "mail.retried");
			}
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/desk/mail/" + id;
	}

	@PostMapping("/{id}/discard")
	String discard(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "mail.discarded", () -> this.intake.discard(id, note));
		return "redirect:/desk/mail/" + id;
	}

}
