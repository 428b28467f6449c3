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
import org.yunwei.platform.identity.DepartmentFormData;
import org.yunwei.platform.identity.GroupFormData;
import org.yunwei.platform.identity.OrganisationManagement;
import org.yunwei.platform.identity.UserFilter;
import org.yunwei.platform.identity.UserManagement;
import org.yunwei.platform.web.FormErrors;

/** The department tree and the assignment groups. */
@Controller
class OrganisationController {

	private final OrganisationManagement organisation;

	private final UserManagement users;

	OrganisationController(OrganisationManagement organisation, UserManagement users) {
		this.organisation = organisation;
		this.users = users;
	}

	@GetMapping("/admin/departments")
	String departments(@RequestParam(required = false) Long edit, Model model) {
		DepartmentFormData form = (edit == null) ? new DepartmentFormData()
				: DepartmentFormData.of(this.organisation.department(edit));
		model.addAttribute("form", form);
		model.addAttribute("editId", edit);
		return departmentsPage(model);
	}

	private String departmentsPage(Model model) {
		model.addAttribute("tree", this.organisation.departmentTree());
		return "admin/departments";
	}

	@PostMapping("/admin/departments")
	String saveDepartment(@RequestParam(required = false) Long id,
			@Valid @ModelAttribute("form") DepartmentFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				if (id == null) {
					this.organisation.createDepartment(form);
				}
				else {
					this.organisation.updateDepartment(id, form);
				}
				redirect.addFlashAttribute("flash", "department.saved");
				return "redirect:/admin/departments";
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		model.addAttribute("editId", id);
		return departmentsPage(model);
	}

	@PostMapping("/admin/departments/{id}/delete")
	String deleteDepartment(@PathVariable long id, RedirectAttributes redirect) {
		try {
			this.organisation.deleteDepartment(id);
			redirect.addFlashAttribute("flash", "department.deleted");
		}
		catch (DomainException ex) {
			FormErrors.flash(redirect, ex);
		}
		return "redirect:/admin/departments";
	}

	@GetMapping("/admin/groups")
	String groups(Model model) {
		model.addAttribute("groups", this.organisation.groups());
		return "admin/groups";
	}

	@GetMapping("/admin/groups/new")
	String newGroup(Model model) {
		model.addAttribute("form", new GroupFormData());
		return groupPage(model, null);
	}

	@GetMapping("/admin/groups/{id}")
	String group(@PathVariable long id, Model model) {
		model.addAttribute("form", GroupFormData.of(this.organisation.group(id)));
		return groupPage(model, id);
	}

	@PostMapping("/admin/groups")
	String saveGroup(@RequestParam(required = false) Long id, @Valid @ModelAttribute("form") GroupFormData form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				long saved = (id == null) ? this.organisation.createGroup(form).id()
						: this.organisation.updateGroup(id, form).id();
				redirect.addFlashAttribute("flash", "group.saved");
				return "redirect:/admin/groups/" + saved;
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return groupPage(model, id);
	}

	private String groupPage(Model model, Long id) {
		model.addAttribute("groupId", id);
		model.addAttribute("people", this.users.list(new UserFilter(null, null, true, null, null), null, 500).items());
		return "admin/group";
	}

}
