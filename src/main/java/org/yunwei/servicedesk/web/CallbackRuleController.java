package org.yunwei.servicedesk.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.platform.DomainException;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.servicedesk.CallbackRule;
import org.yunwei.servicedesk.CallbackRuleFormData;
import org.yunwei.servicedesk.Callbacks;
import org.yunwei.servicedesk.TicketKind;
import org.yunwei.workitem.WorkItems;

/** Which resolved tickets the service desk calls back: the rules page. */
@Controller
class CallbackRuleController {

	private final Callbacks callbacks;

	private final WorkItems items;

	CallbackRuleController(Callbacks callbacks, WorkItems items) {
		this.callbacks = callbacks;
		this.items = items;
	}

	@GetMapping("/catalogue/callback-rules")
	String rules(Model model) {
		model.addAttribute("form", new CallbackRuleFormData());
		return page(model);
	}

	@PostMapping("/catalogue/callback-rules")
	String add(@Valid @ModelAttribute("form") CallbackRuleFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.callbacks.addRule(form);
				redirect.addFlashAttribute("flash", "callback.ruleAdded");
				return "redirect:/catalogue/callback-rules";
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return page(model);
	}

	@PostMapping("/catalogue/callback-rules/{id}/delete")
	String remove(@PathVariable long id, RedirectAttributes redirect) {
		try {
			this.callbacks.removeRule(id);
			redirect.addFlashAttribute("flash", "callback.ruleRemoved");
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/catalogue/callback-rules";
	}

	private String page(Model model) {
		model.addAttribute("rules", this.callbacks.rules());
		model.addAttribute("kinds", TicketKind.values());
		model.addAttribute("services", this.items.serviceOptions());
		return "catalogue/callback-rules";
	}

	/** The rules over REST. */
	@RestController
	@RequestMapping("/api/v1/callback-rules")
	@Tag(name = "Service desk")
	static class Api {

		private final Callbacks callbacks;

		Api(Callbacks callbacks) {
			this.callbacks = callbacks;
		}

		@GetMapping
		@Operation(summary = "Which resolved tickets get a callback")
		List<CallbackRule> list() {
			return this.callbacks.rules();
		}

		@PostMapping
		@Operation(summary = "Add a rule: kind, priority and service, each empty for any")
		ResponseEntity<CallbackRule> add(@Valid @RequestBody CallbackRuleFormData form) {
			CallbackRule rule = this.callbacks.addRule(form);
			return ResponseEntity.created(URI.create("/api/v1/callback-rules/" + rule.id())).body(rule);
		}

		@DeleteMapping("/{id}")
		@Operation(summary = "Remove a rule")
		ResponseEntity<Void> remove(@PathVariable long id) {
			this.callbacks.removeRule(id);
			return ResponseEntity.noContent().build();
		}

	}

}
