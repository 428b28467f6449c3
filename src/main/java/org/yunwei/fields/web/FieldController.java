package org.yunwei.fields.web;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.fields.CustomFields;
import org.yunwei.fields.FieldDefinition;
import org.yunwei.fields.FieldFormData;
import org.yunwei.fields.FieldKind;
import org.yunwei.fields.FieldScope;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.web.FormErrors;

/** Administering custom fields: per kind of record, the list and the form; and REST. */
@Controller
class FieldController {

	private final CustomFields fields;

	private final FieldScopes scopes;

	FieldController(CustomFields fields, FieldScopes scopes) {
		this.fields = fields;
		this.scopes = scopes;
	}

	@GetMapping("/admin/fields")
	String page(@RequestParam(required = false) String scope, @RequestParam(required = false) Long edit, Model model) {
		FieldScope chosen = scope(scope);
		model.addAttribute("scopes", this.scopes.all());
		model.addAttribute("scope", chosen);
		model.addAttribute("definitions", this.fields.definitions(chosen.scope()));
		model.addAttribute("kinds", FieldKind.values());
		if (!model.containsAttribute("form")) {
			FieldDefinition editing = (edit != null) ? this.fields.definition(edit) : null;
			model.addAttribute("form", (editing != null) ? FieldFormData.of(editing) : new FieldFormData());
			model.addAttribute("editing", editing);
		}
		return "fields/admin";
	}

	@PostMapping("/admin/fields")
	String save(@RequestParam String scope, @RequestParam(required = false) Long id,
			@Valid @ModelAttribute("form") FieldFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		FieldScope chosen = scope(scope);
		if (!errors.hasErrors()) {
			try {
				if (id == null) {
					this.fields.define(chosen.scope(), form);
				}
				else {
					this.fields.update(id, form);
				}
				redirect.addFlashAttribute("flash", "field.saved");
				return "redirect:/admin/fields?scope=" + chosen.scope();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		model.addAttribute("editing", (id != null) ? this.fields.definition(id) : null);
		return page(chosen.scope(), null, model);
	}

	private FieldScope scope(String scope) {
		return this.scopes.get(scope);
	}

}
