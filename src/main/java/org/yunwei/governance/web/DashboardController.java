package org.yunwei.governance.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.governance.Dashboards;
import org.yunwei.governance.StandardCatalogue;
import org.yunwei.platform.web.FormErrors;

/**
 * The decision-support dashboard (7.4.4): the person's widgets in their order, each chart
 * linking to the records behind it; add a widget, move one, take one off, or go back to
 * the role's defaults.
 */
@Controller
class DashboardController {

	private final Dashboards dashboards;

	private final StandardCatalogue catalogue;

	DashboardController(Dashboards dashboards, StandardCatalogue catalogue) {
		this.dashboards = dashboards;
		this.catalogue = catalogue;
	}

	@GetMapping("/governance/dashboard")
	String page(Model model) {
		model.addAttribute("widgets", this.dashboards.widgets());
		model.addAttribute("kinds", Dashboards.Kind.values());
		model.addAttribute("indicators", this.catalogue.indicators());
		return "governance/dashboard";
	}

	@GetMapping("/governance/dashboard/data/{widget}")
	@ResponseBody
	Map<String, Object> data(@PathVariable String widget) {
		return this.dashboards.data(widget);
	}

	@PostMapping("/governance/dashboard/add")
	String add(@RequestParam(required = false) String kind, @RequestParam(required = false) String code,
			RedirectAttributes redirect) {
		List<String> ids = ids();
		ids.add(("TREND".equals(kind) && code != null) ? "trend:" + code : String.valueOf(kind).toLowerCase());
		FormErrors.attempt(redirect, "dashboard.saved", () -> this.dashboards.save(ids));
		return "redirect:/governance/dashboard";
	}

	@PostMapping("/governance/dashboard/{widget}/move")
	String move(@PathVariable String widget, @RequestParam int by, RedirectAttributes redirect) {
		List<String> ids = ids();
		int i = ids.indexOf(widget);
		int j = i + by;
		if (i >= 0 && j >= 0 && j < ids.size()) {
			ids.set(i, ids.get(j));
			ids.set(j, widget);
		}
		FormErrors.attempt(redirect, "dashboard.saved", () -> this.dashboards.save(ids));
		return "redirect:/governance/dashboard";
	}

	@PostMapping("/governance/dashboard/{widget}/remove")
	String remove(@PathVariable String widget, RedirectAttributes redirect) {
		List<String> ids = ids();
		ids.remove(widget);
		FormErrors.attempt(redirect, "dashboard.saved", () -> this.dashboards.save(ids));
		return "redirect:/governance/dashboard";
	}

	@PostMapping("/governance/dashboard/reset")
	String reset(RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "dashboard.saved", this.dashboards::reset);
		return "redirect:/governance/dashboard";
	}

	private List<String> ids() {
		return new ArrayList<>(this.dashboards.widgets().stream().map(Dashboards.Widget::id).toList());
	}

	/** The same over REST. */
	@RestController
	@Tag(name = "Governance")
	static class Api {

		private final Dashboards dashboards;

		Api(Dashboards dashboards) {
			this.dashboards = dashboards;
		}

		@GetMapping("/api/v1/governance/dashboard")
		@Operation(summary = "The caller's dashboard widgets (their own, or their role's defaults)")
		List<Dashboards.Widget> widgets() {
			return this.dashboards.widgets();
		}

		@PutMapping("/api/v1/governance/dashboard")
		@Operation(summary = "Set the caller's widgets in order: status, missed, radar, scores, nonconformities,"
				+ " trend:<code>")
		List<Dashboards.Widget> save(@RequestBody List<String> widgets) {
			return this.dashboards.save(widgets);
		}

		@GetMapping("/api/v1/governance/dashboard/{widget}")
		@Operation(summary = "A widget's data, from the stored values")
		Map<String, Object> data(@PathVariable String widget) {
			return this.dashboards.data(widget);
		}

	}

}
