package org.yunwei.platform.audit.web;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.platform.DomainException;
import org.yunwei.platform.audit.SensitiveRecordFormData;
import org.yunwei.platform.audit.SensitiveRecordManagement;
import org.yunwei.platform.web.FormErrors;

/** The security administrator's list of sensitive record types and records (8.6.1). */
@Controller
class SensitiveRecordController {

	private final SensitiveRecordManagement sensitive;

	SensitiveRecordController(SensitiveRecordManagement sensitive) {
		this.sensitive = sensitive;
	}

	@GetMapping("/admin/sensitive")
	String list(Model model) {
		model.addAttribute("form", new SensitiveRecordFormData());
		return page(model);
	}

	@PostMapping("/admin/sensitive")
	String mark(@Valid @ModelAttribute("form") SensitiveRecordFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.sensitive.mark(form);
				redirect.addFlashAttribute("flash", "sensitive.saved");
				return "redirect:/admin/sensitive";
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return page(model);
	}

	@PostMapping("/admin/sensitive/{id}/delete")
	String unmark(@PathVariable long id, RedirectAttributes redirect) {
		this.sensitive.unmark(id);
		redirect.addFlashAttribute("flash", "sensitive.deleted");
		return "redirect:/admin/sensitive";
	}

	private String page(Model model) {
		model.addAttribute("marks", this.sensitive.marks());
		model.addAttribute("recordTypes", this.sensitive.recordTypes());
		return "admin/sensitive";
	}

}
