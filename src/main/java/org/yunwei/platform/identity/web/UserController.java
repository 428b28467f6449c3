package org.yunwei.platform.identity.web;

import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.platform.DomainException;
import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.OrganisationManagement;
import org.yunwei.platform.identity.RoleManagement;
import org.yunwei.platform.identity.UserFilter;
import org.yunwei.platform.identity.UserFormData;
import org.yunwei.platform.identity.UserManagement;
import org.yunwei.platform.identity.UserView;
import org.yunwei.platform.web.FormErrors;

/**
 * The users screens: list with filters, create, edit, roles (security administrator),
 * unlock, reset.
 */
@Controller
@RequestMapping("/admin/users")
class UserController {

	private final UserManagement users;

	private final RoleManagement roles;

	private final OrganisationManagement organisation;

	private final AccessControl access;

	UserController(UserManagement users, RoleManagement roles, OrganisationManagement organisation,
			AccessControl access) {
		this.users = users;
		this.roles = roles;
		this.organisation = organisation;
		this.access = access;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long department,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) String role,
			@RequestParam(required = false) String after, Model model, HtmxRequest htmx) {
		UserFilter filter = new UserFilter(q, department, active, role, null);
		KeysetPage<UserView> page = this.users.list(filter, after, 50);
		model.addAttribute("page", page);
		model.addAttribute("filter", filter);
		if (htmx.isHtmxRequest()) {
			return (after != null) ? "admin/users :: more" : "admin/users :: results";
		}
		model.addAttribute("departments", this.organisation.departmentTree());
		model.addAttribute("roles", this.access.has("role:read") ? this.roles.roles() : List.of());
		return "admin/users";
	}

	@GetMapping("/new")
	String createForm(Model model) {
		model.addAttribute("form", new UserFormData());
		return form(model, null);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") UserFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				UserManagement.CreatedUser created = this.users.create(form);
				redirect.addFlashAttribute("initialPassword", created.initialPassword());
				redirect.addFlashAttribute("flash", "user.created");
				return "redirect:/admin/users/" + created.user().id();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return form(model, null);
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		UserView user = this.users.get(String.valueOf(id));
		model.addAttribute("user", user);
		model.addAttribute("form", UserFormData.of(user));
		if (this.access.has("role:read")) {
			model.addAttribute("roles", this.roles.roles());
		}
		return form(model, user);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UserFormData form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		UserView user = this.users.get(String.valueOf(id));
		if (!errors.hasErrors()) {
			try {
				this.users.update(id, form);
				redirect.addFlashAttribute("flash", "user.saved");
				return "redirect:/admin/users/" + id;
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		model.addAttribute("user", user);
		if (this.access.has("role:read")) {
			model.addAttribute("roles", this.roles.roles());
		}
		return form(model, user);
	}

	@PostMapping("/{id}/roles")
	String grant(@PathVariable long id, @RequestParam(name = "roles", required = false) List<String> codes,
			@RequestParam int version, RedirectAttributes redirect) {
		try {
			this.roles.grant(id, codes == null ? List.of() : codes, version);
			redirect.addFlashAttribute("flash", "user.rolesSaved");
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("roleError", ex.messageKey());
			redirect.addFlashAttribute("roleErrorArgs", ex.args());
		}
		return "redirect:/admin/users/" + id + "#roles";
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		this.users.unlock(id);
		redirect.addFlashAttribute("flash", "user.unlocked");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/reset-password")
	String reset(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("initialPassword", this.users.resetPassword(id));
		redirect.addFlashAttribute("flash", "user.passwordReset");
		return "redirect:/admin/users/" + id;
	}

	private String form(Model model, UserView user) {
		model.addAttribute("departments", this.organisation.departmentTree());
		model.addAttribute("editing", user != null);
		return "admin/user";
	}

}
