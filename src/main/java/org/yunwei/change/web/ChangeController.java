package org.yunwei.change.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
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

import org.yunwei.change.CalendarEntry;
import org.yunwei.change.ChangeCategory;
import org.yunwei.change.ChangeFormData;
import org.yunwei.change.ChangeOutcome;
import org.yunwei.change.ChangePlanFormData;
import org.yunwei.change.ChangeType;
import org.yunwei.change.ChangeView;
import org.yunwei.change.Changes;
import org.yunwei.change.FreezeFormData;
import org.yunwei.change.FreezeView;
import org.yunwei.change.OutcomeFormData;
import org.yunwei.change.ReviewFormData;
import org.yunwei.change.RiskQuestionnaire;
import org.yunwei.change.TemplateFormData;
import org.yunwei.change.TemplateView;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * Changes on the pages: raising one (standard from a template, normal, emergency), the
 * change panel on its page (risk, window, conflicts, affected services, plans, tasks,
 * CMDB updates, outcome, review), the plan form with the risk questionnaire, the change
 * calendar (month and week), the standard-change templates and the freeze windows.
 */
@Controller
@RequestMapping("/changes")
class ChangeController {

	private final Changes changes;

	private final WorkItems items;

	private final Directory directory;

	ChangeController(Changes changes, WorkItems items, Directory directory) {
		this.changes = changes;
		this.items = items;
		this.directory = directory;
	}

	// ---- raising

	@GetMapping("/new")
	String newChange(@RequestParam(required = false) ChangeType type, @RequestParam(required = false) String template,
			Model model) {
		ChangeFormData form = new ChangeFormData();
		form.setChangeType((type == null) ? ChangeType.NORMAL : type);
		if (template != null) {
			TemplateView t = this.changes.template(template);
			form.setChangeType(ChangeType.STANDARD);
			form.setTemplateCode(t.code());
			form.setTitle(t.name());
			form.setDescription(t.description());
			form.setCategory(t.category());
		}
		if (form.getChangeType() == ChangeType.EMERGENCY) {
			form.setImpact(1);
			form.setUrgency(1);
		}
		model.addAttribute("form", form);
		return newPage(model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") ChangeFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				WorkItemView created = this.changes.raise(form);
				redirect.addFlashAttribute("flash", "workitem.created");
				redirect.addFlashAttribute("flashArgs", new Object[] { created.number() });
				return "redirect:/work/change/" + created.number();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return newPage(model);
	}

	private String newPage(Model model) {
		model.addAttribute("changeTypes", ChangeType.values());
		model.addAttribute("categories", ChangeCategory.values());
		model.addAttribute("templates", this.changes.templates(true));
		model.addAttribute("users", this.directory.activeUsers());
		model.addAttribute("groups", this.directory.activeGroups());
		model.addAttribute("services", this.items.serviceOptions());
		model.addAttribute("customFieldDefs", this.items.customFields(Changes.TYPE));
		return "change/new";
	}

	// ---- the change's page

	@GetMapping("/panel/{itemId}")
	String panel(@PathVariable long itemId, Model model) {
		WorkItemView item = this.items.get(String.valueOf(itemId));
		ChangeView change = this.changes.get(item.number());
		model.addAttribute("item", item);
		model.addAttribute("change", change);
		model.addAttribute("canWork", this.changes.canWork(item.id()));
		model.addAttribute("conflicts", this.changes.conflicts(item.number()));
		model.addAttribute("missing", change.planEditable() ? this.changes.readiness(item.number()) : List.of());
		model.addAttribute("tasks", this.changes.tasks(item.number()));
		model.addAttribute("updates", this.changes.cmdbUpdates(item.number()));
		model.addAttribute("questions", RiskQuestionnaire.QUESTIONS);
		model.addAttribute("outcomes", ChangeOutcome.values());
		model.addAttribute("cis", this.changes.cis(item.ciIds()));
		return "change/panel :: panel";
	}

	@GetMapping("/{number}/plan")
	String plan(@PathVariable String number, Model model) {
		ChangeView change = this.changes.get(number);
		model.addAttribute("form", ChangePlanFormData.of(change, this.items.zone()));
		return planPage(change, model);
	}

	@PostMapping("/{number}/plan")
	String savePlan(@PathVariable String number, @Valid @ModelAttribute("form") ChangePlanFormData form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				ChangeView saved = this.changes.savePlan(number, form);
				redirect.addFlashAttribute("flash", "change.planSaved");
				redirect.addFlashAttribute("flashArgs", new Object[] { saved.number() });
				return "redirect:/work/change/" + saved.number();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return planPage(this.changes.get(number), model);
	}

	private String planPage(ChangeView change, Model model) {
		model.addAttribute("change", change);
		model.addAttribute("categories", ChangeCategory.values());
		model.addAttribute("questions", RiskQuestionnaire.QUESTIONS);
		model.addAttribute("services", change.affectedServices());
		return "change/plan";
	}

	@PostMapping("/{number}/outcome")
	String outcome(@PathVariable String number, @ModelAttribute OutcomeFormData form, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "change.outcomeSaved", () -> this.changes.recordOutcome(number, form));
		return "redirect:/work/change/" + number;
	}

	@PostMapping("/{number}/review")
	String review(@PathVariable String number, @ModelAttribute ReviewFormData form, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "change.reviewSaved", () -> this.changes.review(number, form));
		return "redirect:/work/change/" + number;
	}

	@PostMapping("/{number}/tasks")
	String addTask(@PathVariable String number, @RequestParam(required = false) String title,
			RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "change.taskAdded", () -> this.changes.addTask(number, title));
		return "redirect:/work/change/" + number;
	}

	// ---- calendar

	/** A day of the calendar grid, with the changes whose windows touch it. */
	record Day(LocalDate date, boolean inMonth, boolean today, boolean frozen, List<CalendarEntry> entries) {
	}

	@GetMapping("/calendar")
	String calendar(@RequestParam(defaultValue = "month") String view,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			Model model) {
		ZoneId zone = this.items.zone();
		LocalDate today = LocalDate.now(zone);
		LocalDate at = (date == null) ? today : date;
		boolean week = "week".equals(view);
		LocalDate first;
		LocalDate last;
		LocalDate prev;
		LocalDate next;
		if (week) {
			first = at.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			last = first.plusDays(6);
			prev = first.minusWeeks(1);
			next = first.plusWeeks(1);
		}
		else {
			LocalDate monthStart = at.withDayOfMonth(1);
			first = monthStart.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			last = monthStart.with(TemporalAdjusters.lastDayOfMonth())
				.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
			prev = monthStart.minusMonths(1);
			next = monthStart.plusMonths(1);
		}
		Instant from = first.atStartOfDay(zone).toInstant();
		Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
		Changes.Calendar cal = this.changes.calendar(from, to);
		List<Day> days = new ArrayList<>();
		for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
			Instant dayStart = d.atStartOfDay(zone).toInstant();
			Instant dayEnd = d.plusDays(1).atStartOfDay(zone).toInstant();
			List<CalendarEntry> entries = cal.entries()
				.stream()
				.filter((e) -> e.start().isBefore(dayEnd) && dayStart.isBefore(e.end()))
				.toList();
			boolean frozen = cal.freezes().stream().anyMatch((f) -> f.overlaps(dayStart, dayEnd));
			days.add(new Day(d, week || d.getMonth() == at.getMonth(), d.equals(today), frozen, entries));
		}
		model.addAttribute("view", week ? "week" : "month");
		model.addAttribute("at", at);
		model.addAttribute("first", first);
		model.addAttribute("last", last);
		model.addAttribute("prev", prev);
		model.addAttribute("next", next);
		model.addAttribute("days", days);
		model.addAttribute("calendar", cal);
		model.addAttribute("conflicts", cal.entries().stream().filter(CalendarEntry::conflict).count());
		return "change/calendar";
	}

	// ---- templates

	@GetMapping("/templates")
	String templates(@RequestParam(required = false) String edit, Model model) {
		model.addAttribute("templates", this.changes.templates(false));
		if (this.changes.canManage()) {
			model.addAttribute("form",
					(edit == null) ? new TemplateFormData() : TemplateFormData.of(this.changes.template(edit)));
		}
		return templatesPage(model);
	}

	@PostMapping("/templates")
	String saveTemplate(@Valid @ModelAttribute("form") TemplateFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				TemplateView saved = this.changes.saveTemplate(form);
				redirect.addFlashAttribute("flash", "change.templateSaved");
				redirect.addFlashAttribute("flashArgs", new Object[] { saved.name() });
				return "redirect:/changes/templates";
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		model.addAttribute("templates", this.changes.templates(false));
		return templatesPage(model);
	}

	private String templatesPage(Model model) {
		model.addAttribute("categories", ChangeCategory.values());
		model.addAttribute("canManage", this.changes.canManage());
		return "change/templates";
	}

	// ---- freeze windows

	@GetMapping("/freezes")
	String freezes(Model model) {
		model.addAttribute("form", new FreezeFormData());
		return freezesPage(model);
	}

	@PostMapping("/freezes")
	String addFreeze(@Valid @ModelAttribute("form") FreezeFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				FreezeView f = this.changes.addFreeze(form);
				redirect.addFlashAttribute("flash", "change.freezeAdded");
				redirect.addFlashAttribute("flashArgs", new Object[] { f.name() });
				return "redirect:/changes/freezes";
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return freezesPage(model);
	}

	@PostMapping("/freezes/{id}/delete")
	String removeFreeze(@PathVariable long id, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "change.freezeRemoved", () -> this.changes.removeFreeze(id));
		return "redirect:/changes/freezes";
	}

	private String freezesPage(Model model) {
		model.addAttribute("freezes", this.changes.upcomingFreezes());
		model.addAttribute("canManage", this.changes.canManage());
		return "change/freezes";
	}

}
