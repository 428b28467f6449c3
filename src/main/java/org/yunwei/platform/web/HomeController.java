package org.yunwei.platform.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.yunwei.platform.audit.AuditManagement;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.DepartmentView;
import org.yunwei.platform.identity.GroupView;
import org.yunwei.platform.identity.OrganisationManagement;
import org.yunwei.platform.identity.UserFilter;
import org.yunwei.platform.identity.UserManagement;

/** "My work" and the global search. */
@Controller
class HomeController {

	private final AccessControl access;

	private final UserManagement users;

	private final OrganisationManagement organisation;

	private final AuditManagement audit;

	HomeController(AccessControl access, UserManagement users, OrganisationManagement organisation,
			AuditManagement audit) {
		this.access = access;
		this.users = users;
		this.organisation = organisation;
		this.audit = audit;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("profile", this.users.me());
		model.addAttribute("signIns", this.audit.mySignIns(5));
		return "home";
	}

	@GetMapping("/search")
	String search(@RequestParam(defaultValue = "") String q, Model model) {
		CurrentUser me = this.access.user();
		String term = q.trim();
		model.addAttribute("q", term);
		if (term.isEmpty()) {
			return "search";
		}
		String lower = term.toLowerCase();
		if (me.has("user:read")) {
			model.addAttribute("users",
					this.users.list(new UserFilter(term, null, null, null, null), null, 20).items());
		}
		if (me.has("department:read")) {
			List<DepartmentView> departments = this.organisation.departmentTree()
				.stream()
				.filter((d) -> d.name().toLowerCase().contains(lower) || d.code().toLowerCase().contains(lower))
				.toList();
			model.addAttribute("departments", departments);
		}
		if (me.has("group:read")) {
			List<GroupView> groups = this.organisation.groups()
				.stream()
				.filter((g) -> g.name().toLowerCase().contains(lower) || g.code().toLowerCase().contains(lower))
				.toList();
			model.addAttribute("groups", groups);
		}
		return "search";
	}

}
