package org.yunwei.platform.search.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.platform.search.Search;
import org.yunwei.platform.web.FormErrors;

/** The search index against the database, and its rebuild (system administrator). */
@Controller
@RequestMapping("/admin/search")
class SearchAdminController {

	private final Search search;

	SearchAdminController(Search search) {
		this.search = search;
	}

	@GetMapping
	String status(Model model) {
		model.addAttribute("kinds", this.search.status());
		return "admin/search";
	}

	@PostMapping("/rebuild")
	String rebuild(@RequestParam(required = false) String kind, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "search.admin.rebuildStarted",
				() -> this.search.rebuild((kind == null || kind.isBlank()) ? null : kind));
		return "redirect:/admin/search";
	}

}
