package org.yunwei.incident.web;

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

import org.yunwei.incident.CategoryFormData;
import org.yunwei.incident.CategoryView;
import org.yunwei.incident.DetailsFormData;
import org.yunwei.incident.IncidentDetails;
import org.yunwei.incident.Incidents;
import org.yunwei.incident.ResolutionCode;
import org.yunwei.incident.ReviewFormData;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * The incident panel on an incident's page (category, resolution code, workaround, the
 * major-incident procedure) and its forms; the category tree's page.
 */
@Controller
@RequestMapping("/incidents")
class IncidentController {

	private final Incidents incidents;

	private final WorkItems items;

	IncidentController(Incidents incidents, WorkItems items) {
		this.incidents = incidents;
		this.items = items;
	}

	@GetMapping("/panel/{itemId}")
	String panel(@PathVariable long itemId, Model model) {
		WorkItemView item = this.items.get(String.valueOf(itemId));
		IncidentDetails details = this.incidents.details(item.number());
		model.addAttribute("item", item);
		model.addAttribute("details", details);
		model.addAttribute("canWork", this.items.canWork(item.id()));
		model.addAttribute("canDeclare", this.incidents.canDeclare() && this.items.canWork(item.id()));
		model.addAttribute("canManage", this.incidents.canManage());
		model.addAttribute("categories", this.incidents.categories());
		model.addAttribute("resolutionCodes", ResolutionCode.values());
		model.addAttribute("family", this.incidents.family(item.number()));
		return "incident/panel :: panel";
	}

	@PostMapping("/{number}/details")
	String details(@PathVariable String number, @ModelAttribute DetailsFormData form, RedirectAttributes redirect) {
		return act(number, redirect, "incident.detailsSaved", () -> this.incidents.saveDetails(number, form));
	}

	@PostMapping("/{number}/parent")
	String parent(@PathVariable String number, @RequestParam(required = false) String parent,
			RedirectAttributes redirect) {
		return act(number, redirect, "incident.attached", () -> this.incidents.attachToParent(number, parent));
	}

	@PostMapping("/{number}/major")
	String declare(@PathVariable String number, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(number, redirect, "incident.declared", () -> this.incidents.declareMajor(number, reason));
	}

	@PostMapping("/{number}/major/updates")
	String update(@PathVariable String number, @RequestParam(required = false) String message,
			RedirectAttributes redirect) {
		return act(number, redirect, "incident.updatePosted", () -> this.incidents.postUpdate(number, message));
	}

	@PostMapping("/{number}/major/review")
	String review(@PathVariable String number, @ModelAttribute ReviewFormData form, RedirectAttributes redirect) {
		return act(number, redirect, form.isComplete() ? "incident.reviewCompleted" : "incident.reviewSaved",
				() -> this.incidents.saveReview(number, form));
	}

	private String act(String number, RedirectAttributes redirect, String done, Runnable action) {
		FormErrors.attempt(redirect, done, action);
		return "redirect:/work/incident/" + number;
	}

	// ---- categories

	@GetMapping("/categories")
	String categories(@RequestParam(required = false) Long edit, Model model) {
		CategoryFormData form = new CategoryFormData();
		if (edit != null) {
			CategoryView c = this.incidents.categories()
				.stream()
				.filter((x) -> x.id() == edit)
				.findFirst()
				.orElseThrow(() -> org.yunwei.platform.NotFound.of("incidentCategory", edit));
			form = CategoryFormData.of(c);
		}
		model.addAttribute("form", form);
		model.addAttribute("editing", edit);
		return categoriesPage(model);
	}

	@PostMapping("/categories")
	String createCategory(@Valid @ModelAttribute("form") CategoryFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.incidents.createCategory(form);
				redirect.addFlashAttribute("flash", "incident.categorySaved");
				return "redirect:/incidents/categories";
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return categoriesPage(model);
	}

	@PostMapping("/categories/{id}")
	String updateCategory(@PathVariable long id, @Valid @ModelAttribute("form") CategoryFormData form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.incidents.updateCategory(id, form);
				redirect.addFlashAttribute("flash", "incident.categorySaved");
				return "redirect:/incidents/categories";
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		model.addAttribute("editing", id);
		return categoriesPage(model);
	}

	private String categoriesPage(Model model) {
		model.addAttribute("categories", this.incidents.categories());
		return "incident/categories";
	}

}
