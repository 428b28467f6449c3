package org.yunwei.platform.identity.web;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.platform.DomainException;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.PermissionCatalog;
import org.yunwei.platform.identity.RecordScope;
import org.yunwei.platform.identity.RoleFormData;
import org.yunwei.platform.identity.RoleManagement;
import org.yunwei.platform.identity.SecurityPolicy;
import org.yunwei.platform.identity.SecurityPolicyManagement;
import org.yunwei.platform.web.FormErrors;

/** Roles with the permission matrix, and the password / lockout / session policy. */
@Controller
class RoleController {

	private final RoleManagement roles;

	private final PermissionCatalog catalog;

	private final SecurityPolicyManagement policies;

	private final AccessControl access;

	RoleController(RoleManagement roles, PermissionCatalog catalog, SecurityPolicyManagement policies,
			AccessControl access) {
		this.roles = roles;
		this.catalog = catalog;
		this.policies = policies;
		this.access = access;
	}

	@GetMapping("/admin/roles")
	String roles(Model model) {
		model.addAttribute("roles", this.roles.roles());
		model.addAttribute("areas", this.catalog.byArea());
		return "admin/roles";
	}

	@GetMapping("/admin/roles/new")
	String newRole(Model model) {
		model.addAttribute("form", new RoleFormData());
		return rolePage(model, null);
	}

	@GetMapping("/admin/roles/{id}")
	String role(@PathVariable long id, Model model) {
		model.addAttribute("form", RoleFormData.of(this.roles.role(String.valueOf(id))));
		return rolePage(model, id);
	}

	@PostMapping("/admin/roles")
	String saveRole(@RequestParam(required = false) Long id, @Valid @ModelAttribute("form") RoleFormData form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				if (id == null) {
					this.roles.create(form);
				}
				else {
					this.roles.update(id, form);
				}
				redirect.addFlashAttribute("flash", "role.saved");
				return "redirect:/admin/roles";
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return rolePage(model, id);
	}

	private String rolePage(Model model, Long id) {
		model.addAttribute("roleId", id);
		model.addAttribute("builtin", id != null && this.roles.role(String.valueOf(id)).builtin());
		model.addAttribute("areas", this.catalog.byArea());
		model.addAttribute("scopes", RecordScope.values());
		return "admin/role";
	}

	@GetMapping("/admin/policy")
	String policy(Model model) {
		this.access.require("policy:write");
		model.addAttribute("form", this.policies.policy());
		return "admin/policy";
	}

	@PostMapping("/admin/policy")
	String savePolicy(@Valid @ModelAttribute("form") SecurityPolicy form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.policies.update(form);
				redirect.addFlashAttribute("flash", "policy.saved");
				return "redirect:/admin/policy";
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return "admin/policy";
	}

}
