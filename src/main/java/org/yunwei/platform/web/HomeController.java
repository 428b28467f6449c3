package org.yunwei.platform.web;

import java.util.List;
import java.util.Set;

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

	private static final int MY_WORK_LIMIT = 20;

	private final AccessControl access;

	private final UserManagement users;

	private final OrganisationManagement organisation;

	private final AuditManagement audit;

	private final List<MyWorkContributor> myWork;

	private final org.yunwei.platform.search.Search search;

	HomeController(AccessControl access, UserManagement users, OrganisationManagement organisation,
			AuditManagement audit, List<MyWorkContributor> myWork, org.yunwei.platform.search.Search search) {
		this.search = search;
		this.access = access;
		this.users = users;
		this.organisation = organisation;
		this.audit = audit;
		this.myWork = myWork;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("profile", this.users.me());
		model.addAttribute("signIns", this.audit.mySignIns(5));
		List<MyWorkContributor.Entry> work = new java.util.ArrayList<>();
		this.myWork.forEach((c) -> work.addAll(c.myWork(MY_WORK_LIMIT)));
		work.sort(java.util.Comparator.comparingInt(MyWorkContributor.Entry::priority)
			.thenComparing(MyWorkContributor.Entry::dueAt,
					java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
		model.addAttribute("work", work.size() > MY_WORK_LIMIT ? work.subList(0, MY_WORK_LIMIT) : work);
		return "home";
	}

	/**
	 * Records suggested while a title and description are typed (the box of
	 * {@code search/suggest}): the few best matching any of their words.
	 */
	@GetMapping("/search/suggest")
	String suggest(@RequestParam(required = false) String kind, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String description, Model model) {
		String text = (title + " " + description).strip();
		model.addAttribute("hits",
				(text.length() < 2) ? List.of()
						: this.search.suggest(text.length() > 400 ? text.substring(0, 400) : text,
								(kind == null || kind.isBlank()) ? Set.of() : Set.of(kind), Set.of(), 5));
		return "search/suggest :: list";
	}

	/**
	 * The global search: records (tickets, articles …) found by full text, ranked and
	 * highlighted, narrowed by kind and type; and people, departments and groups by name.
	 */
	@GetMapping("/search")
	String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String type, @RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = this.access.user();
		String term = q.trim();
		model.addAttribute("q", term);
		model.addAttribute("kind", kind);
		model.addAttribute("type", type);
		if (term.isEmpty()) {
			return "search";
		}
		if (term.length() > 200) {
			term = term.substring(0, 200);
		}
		int safePage = Math.max(0, Math.min(page, 1000));
		model.addAttribute("results",
				this.search.search(term, (kind == null || kind.isBlank()) ? Set.of() : Set.of(kind),
						(type == null || type.isBlank()) ? Set.of() : Set.of(type), safePage, 20));
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
