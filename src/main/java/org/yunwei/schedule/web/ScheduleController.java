package org.yunwei.schedule.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.calendar.Calendars;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.schedule.NonWorkingDayPolicy;
import org.yunwei.schedule.RecurringActivityFormData;
import org.yunwei.schedule.RecurringActivityView;
import org.yunwei.schedule.RecurringWork;
import org.yunwei.workitem.WorkItemTypes;

/**
 * Recurring work: the list of activities with their next occurrence, and one activity's
 * form with a preview of its next occurrences and the record of those it produced.
 */
@Controller
class ScheduleController {

	/** Common rules offered beside the free RRULE field. */
	static final List<String> PRESETS = List.of("FREQ=DAILY", "FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=MO,WE,FR",
			"FREQ=MONTHLY;BYMONTHDAY=1", "FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1",
			"FREQ=YEARLY");

	private final RecurringWork work;

	private final Calendars calendars;

	private final WorkItemTypes types;

	private final Directory directory;

	private final org.yunwei.platform.web.Formats formats;

	private final org.yunwei.workitem.WorkItems workItems;

	private final org.yunwei.document.DocumentManagement documents;

	private final org.yunwei.platform.identity.AccessControl access;

	ScheduleController(org.yunwei.document.DocumentManagement documents,
			org.yunwei.platform.identity.AccessControl access, RecurringWork work, Calendars calendars,
			WorkItemTypes types, Directory directory, org.yunwei.platform.web.Formats formats,
			org.yunwei.workitem.WorkItems workItems) {
		this.documents = documents;
		this.access = access;
		this.formats = formats;
		this.workItems = workItems;
		this.work = work;
		this.calendars = calendars;
		this.types = types;
		this.directory = directory;
	}

	@GetMapping("/schedules")
	String list(Model model) {
		model.addAttribute("activities", this.work.list());
		return "schedule/list";
	}

	/**
	 * A new activity; other screens link here with a prefilled type, service, title and
	 * rule (e.g. a service's quarterly review).
	 */
	@GetMapping("/schedules/new")
	String newActivity(@org.springframework.web.bind.annotation.RequestParam(required = false) String type,
			@org.springframework.web.bind.annotation.RequestParam(required = false) Long serviceId,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String title,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String rrule, Model model) {
		RecurringActivityFormData form = new RecurringActivityFormData();
		form.setStartDate(java.time.LocalDate.now(this.formats.zone()).plusDays(1));
		if (type != null && this.types.all().stream().anyMatch((t) -> t.code().equals(type))) {
			form.setType(type);
		}
		form.setServiceId(serviceId);
		if (title != null && !title.isBlank()) {
			form.setTitle(title.strip());
		}
		if (rrule != null && !rrule.isBlank()) {
			form.setRrule(rrule.strip());
		}
		model.addAttribute("form", form);
		return page(model, null);
	}

	@PostMapping("/schedules")
	String create(@Valid @ModelAttribute("form") RecurringActivityFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				RecurringActivityView created = this.work.create(form);
				redirect.addFlashAttribute("flash", "schedule.saved");
				return "redirect:/schedules/" + created.id();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return page(model, null);
	}

	@GetMapping("/schedules/{id}")
	String detail(@PathVariable long id, Model model) {
		RecurringActivityView activity = this.work.get(id);
		model.addAttribute("form", RecurringActivityFormData.of(activity));
		return page(model, activity);
	}

	@PostMapping("/schedules/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") RecurringActivityFormData form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.work.update(id, form);
				redirect.addFlashAttribute("flash", "schedule.saved");
				return "redirect:/schedules/" + id;
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return page(model, this.work.get(id));
	}

	/** The next occurrences of the form as it stands (htmx), without saving. */
	@PostMapping("/schedules/preview")
	String preview(@Valid @ModelAttribute("form") RecurringActivityFormData form, BindingResult errors, Model model) {
		if (!errors.hasErrors()) {
			try {
				List<Instant> next = this.work.preview(form, null, 10);
				model.addAttribute("next", next);
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return "schedule/detail :: preview";
	}

	private String page(Model model, RecurringActivityView activity) {
		model.addAttribute("activity", activity);
		model.addAttribute("next", (activity != null) ? activity.next() : List.of());
		model.addAttribute("presets", PRESETS);
		model.addAttribute("policies", NonWorkingDayPolicy.values());
		model.addAttribute("calendars", this.calendars.list());
		model.addAttribute("types", this.types.all());
		model.addAttribute("users", this.directory.activeUsers());
		model.addAttribute("groups", this.directory.activeGroups());
		model.addAttribute("services", this.workItems.serviceOptions());
		model.addAttribute("sops",
				this.access.has(org.yunwei.document.DocumentManagement.READ) ? this.documents.sops() : List.of());
		return "schedule/detail";
	}

}
