package org.yunwei.release.web;

import java.time.LocalDate;
import java.util.List;

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
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.release.DeploymentOutcome;
import org.yunwei.release.Environment;
import org.yunwei.release.ReleaseFormData;
import org.yunwei.release.ReleasePlanFormData;
import org.yunwei.release.ReleaseType;
import org.yunwei.release.ReleaseView;
import org.yunwei.release.Releases;
import org.yunwei.release.TestResult;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * Releases on the pages: raising one, the release panel on its page (policy, changes,
 * plans, tests per environment, what it still lacks, the deployment log, early-life
 * support), the plan form, the release policy and the release reviews.
 */
@Controller
@RequestMapping("/releases")
class ReleaseController {

	private final Releases releases;

	private final WorkItems items;

	private final Directory directory;

	ReleaseController(Releases releases, WorkItems items, Directory directory) {
		this.releases = releases;
		this.items = items;
		this.directory = directory;
	}

	@GetMapping("/new")
	String newRelease(@RequestParam(required = false) ReleaseType type, Model model) {
		ReleaseFormData form = new ReleaseFormData();
		form.setReleaseType((type == null) ? ReleaseType.MINOR : type);
		model.addAttribute("form", form);
		return newPage(model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") ReleaseFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				WorkItemView created = this.releases.raise(form);
				redirect.addFlashAttribute("flash", "workitem.created");
				redirect.addFlashAttribute("flashArgs", new Object[] { created.number() });
				return "redirect:/work/release/" + created.number();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return newPage(model);
	}

	private String newPage(Model model) {
		model.addAttribute("releaseTypes", ReleaseType.values());
		model.addAttribute("policies", this.releases.policies());
		model.addAttribute("users", this.directory.activeUsers());
		model.addAttribute("groups", this.directory.activeGroups());
		model.addAttribute("services", this.items.serviceOptions());
		model.addAttribute("customFieldDefs", this.items.customFields(Releases.TYPE));
		return "release/new";
	}

	@GetMapping("/panel/{itemId}")
	String panel(@PathVariable long itemId, Model model) {
		WorkItemView item = this.items.get(String.valueOf(itemId));
		ReleaseView release = this.releases.get(item.number());
		model.addAttribute("item", item);
		model.addAttribute("release", release);
		model.addAttribute("canWork", this.releases.canWork(item.id()));
		model.addAttribute("missing", "building".equals(release.state()) || release.planEditable()
				? this.releases.readiness(item.number()) : List.of());
		model.addAttribute("environments", Environment.values());
		model.addAttribute("results", TestResult.values());
		model.addAttribute("outcomes", DeploymentOutcome.values());
		return "release/panel :: panel";
	}

	@GetMapping("/{number}/plan")
	String plan(@PathVariable String number, Model model) {
		ReleaseView release = this.releases.get(number);
		model.addAttribute("form", ReleasePlanFormData.of(release, this.items.zone()));
		model.addAttribute("release", release);
		return "release/plan";
	}

	@PostMapping("/{number}/plan")
	String savePlan(@PathVariable String number, @Valid @ModelAttribute("form") ReleasePlanFormData form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.releases.savePlan(number, form);
				redirect.addFlashAttribute("flash", "release.planSaved");
				redirect.addFlashAttribute("flashArgs", new Object[] { number });
				return "redirect:/work/release/" + number;
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		model.addAttribute("release", this.releases.get(number));
		return "release/plan";
	}

	@PostMapping("/{number}/changes")
	String addChange(@PathVariable String number, @RequestParam(required = false) String change,
			RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "release.changeAdded", () -> this.releases.addChange(number, change));
		return "redirect:/work/release/" + number;
	}

	@PostMapping("/{number}/changes/{changeId}/remove")
	String removeChange(@PathVariable String number, @PathVariable long changeId, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "release.changeRemoved", () -> this.releases.removeChange(number, changeId));
		return "redirect:/work/release/" + number;
	}

	@PostMapping("/{number}/tests")
	String recordTest(@PathVariable String number, @ModelAttribute Releases.TestInput test,
			RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "release.testRecorded", () -> this.releases.recordTest(number, test));
		return "redirect:/work/release/" + number;
	}

	@PostMapping("/{number}/deployments")
	String logDeployment(@PathVariable String number, @ModelAttribute Releases.DeploymentInput deployment,
			RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "release.deploymentLogged", () -> this.releases.logDeployment(number, deployment));
		return "redirect:/work/release/" + number;
	}

	@GetMapping("/policy")
	String policy(Model model) {
		model.addAttribute("policies", this.releases.policies());
		model.addAttribute("environments",
				List.of(Environment.DEV, Environment.TEST, Environment.UAT, Environment.STAGING));
		model.addAttribute("canManage", this.releases.canManage());
		return "release/policy";
	}

	@PostMapping("/policy/{type}")
	String savePolicy(@PathVariable ReleaseType type, @ModelAttribute Releases.PolicyInput policy,
			RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "release.policySaved", () -> this.releases.savePolicy(type, policy));
		return "redirect:/releases/policy";
	}

	@GetMapping("/reviews")
	String reviews(Model model) {
		model.addAttribute("reviews", this.releases.reviews());
		model.addAttribute("canManage", this.releases.canManage());
		LocalDate today = LocalDate.now(this.items.zone());
		LocalDate quarterStart = today.withDayOfMonth(1).minusMonths((today.getMonthValue() - 1) % 3);
		model.addAttribute("defaultFrom", quarterStart.minusMonths(3));
		model.addAttribute("defaultTo", quarterStart.minusDays(1));
		return "release/reviews";
	}

	@PostMapping("/reviews")
	String holdReview(@ModelAttribute Releases.ReviewInput review, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "release.reviewHeld", () -> this.releases.holdReview(review));
		return "redirect:/releases/reviews";
	}

}
