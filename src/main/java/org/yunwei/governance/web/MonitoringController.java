package org.yunwei.governance.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.governance.Governance;
import org.yunwei.governance.IndicatorSpec;
import org.yunwei.governance.Monitoring;
import org.yunwei.governance.StandardCatalogue;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.FormErrors;

/**
 * The monitoring plan (9.1) on its page: which key indicators are monitored, how often
 * and by whom; add or change one, take one off.
 */
@Controller
class MonitoringController {

	private final Monitoring monitoring;

	private final StandardCatalogue catalogue;

	private final Directory directory;

	private final AccessControl access;

	MonitoringController(Monitoring monitoring, StandardCatalogue catalogue, Directory directory,
			AccessControl access) {
		this.monitoring = monitoring;
		this.catalogue = catalogue;
		this.directory = directory;
		this.access = access;
	}

	@GetMapping("/governance/monitoring")
	String page(Model model) {
		List<Monitoring.Entry> entries = this.monitoring.entries();
		model.addAttribute("entries", entries);
		model.addAttribute("indicators", this.catalogue.indicators());
		model.addAttribute("users", this.directory.activeUsers());
		model.addAttribute("frequencies", IndicatorSpec.Period.values());
		model.addAttribute("coverage", Math.round(entries.size() * 1000.0 / this.catalogue.indicators().size()) / 10.0);
		model.addAttribute("canManage", this.access.has(Governance.MANAGE));
		return "governance/monitoring";
	}

	@PostMapping("/governance/monitoring")
	String save(@RequestParam(required = false) String code,
			@RequestParam(required = false) IndicatorSpec.Period frequency,
			@RequestParam(required = false) Long ownerId, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "monitoring.saved",
				() -> this.monitoring.save((code == null) ? "" : code, frequency, ownerId));
		return "redirect:/governance/monitoring";
	}

	@PostMapping("/governance/monitoring/{code}/remove")
	String remove(@PathVariable String code, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "monitoring.removed", () -> this.monitoring.remove(code));
		return "redirect:/governance/monitoring";
	}

	/** The same over REST. */
	@RestController
	@Tag(name = "Governance")
	static class Api {

		private final Monitoring monitoring;

		Api(Monitoring monitoring) {
			this.monitoring = monitoring;
		}

		@GetMapping("/api/v1/governance/monitoring")
		@Operation(summary = "The monitoring plan: which key indicators, how often, by whom")
		List<Monitoring.Entry> entries() {
			return this.monitoring.entries();
		}

		/** An entry as it is set. */
		record EntryInput(IndicatorSpec.Period frequency, Long ownerId) {
		}

		@PutMapping("/api/v1/governance/monitoring/{code}")
		List<Monitoring.Entry> save(@PathVariable String code, @RequestBody EntryInput input) {
			return this.monitoring.save(code, input.frequency(), input.ownerId());
		}

		@DeleteMapping("/api/v1/governance/monitoring/{code}")
		List<Monitoring.Entry> remove(@PathVariable String code) {
			return this.monitoring.remove(code);
		}

	}

}
