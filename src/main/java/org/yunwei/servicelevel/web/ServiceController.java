package org.yunwei.servicelevel.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.calendar.CalendarView;
import org.yunwei.calendar.Calendars;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.platform.web.Formats;
import org.yunwei.servicelevel.ClockKind;
import org.yunwei.servicelevel.ClockState;
import org.yunwei.servicelevel.EscalationRuleFormData;
import org.yunwei.servicelevel.EscalationRuleView;
import org.yunwei.servicelevel.EscalationTrigger;
import org.yunwei.servicelevel.OlaFormData;
import org.yunwei.servicelevel.OlaView;
import org.yunwei.servicelevel.ServiceCatalogue;
import org.yunwei.servicelevel.ServiceFormData;
import org.yunwei.servicelevel.ServiceLevelFormData;
import org.yunwei.servicelevel.ServiceLevelView;
import org.yunwei.servicelevel.ServiceLevels;
import org.yunwei.servicelevel.ServiceView;
import org.yunwei.servicelevel.SlaAttainment;
import org.yunwei.servicelevel.SlaClockView;
import org.yunwei.workitem.SlaStatus;

/**
 * Service levels in the browser: the service catalogue with each service's level
 * agreement (8.3.1 a, c), the operational levels of assignment groups, the escalation
 * rules, the attainment report with the audited recalculation (8.3.1 d), and the SLA
 * clocks panel of a work item's page.
 */
@Controller
class ServiceController {

	private final ServiceCatalogue catalogue;

	private final ServiceLevels levels;

	private final Directory directory;

	private final Calendars calendars;

	private final AccessControl access;

	private final Formats formats;

	private final SlaTime time;

	private final org.yunwei.schedule.RecurringWork recurring;

	ServiceController(org.yunwei.schedule.RecurringWork recurring, ServiceCatalogue catalogue, ServiceLevels levels,
			Directory directory, Calendars calendars, AccessControl access, Formats formats, SlaTime time) {
		this.recurring = recurring;
		this.catalogue = catalogue;
		this.levels = levels;
		this.directory = directory;
		this.calendars = calendars;
		this.access = access;
		this.formats = formats;
		this.time = time;
	}

	/** A calendar as the pickers offer it, named in the reader's language. */
	record CalendarOption(long id, String name, boolean isDefault) {
	}

	// ---- the catalogue

	@GetMapping("/services")
	String list(Model model) {
		model.addAttribute("services", this.catalogue.list());
		model.addAttribute("calendarNames", calendarNames());
		return "service/list";
	}

	@GetMapping("/services/new")
	String newService(Model model) {
		this.access.require(ServiceCatalogue.WRITE);
		model.addAttribute("form", new ServiceFormData());
		return servicePage(model, null, null);
	}

	@PostMapping("/services")
	String create(@Valid @ModelAttribute("form") ServiceFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				ServiceView created = this.catalogue.create(form);
				redirect.addFlashAttribute("flash", "service.created");
				redirect.addFlashAttribute("flashArgs", new Object[] { created.name() });
				return "redirect:/services/" + created.id();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return servicePage(model, null, null);
	}

	@GetMapping("/services/{id}")
	String detail(@PathVariable long id, Model model) {
		ServiceView service = this.catalogue.get(id);
		model.addAttribute("form", ServiceFormData.of(service));
		return servicePage(model, service, levelForm(service));
	}

	@PostMapping("/services/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") ServiceFormData form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.catalogue.update(id, form);
				redirect.addFlashAttribute("flash", "service.saved");
				return "redirect:/services/" + id;
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		ServiceView service = this.catalogue.get(id);
		return servicePage(model, service, levelForm(service));
	}

	@PostMapping("/services/{id}/level")
	String saveLevel(@PathVariable long id, @Valid @ModelAttribute("levelForm") ServiceLevelFormData form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				this.catalogue.saveLevel(id, form);
				redirect.addFlashAttribute("flash", "service.levelSaved");
				return "redirect:/services/" + id;
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		ServiceView service = this.catalogue.get(id);
		model.addAttribute("form", ServiceFormData.of(service));
		return servicePage(model, service, form);
	}

	private ServiceLevelFormData levelForm(ServiceView service) {
		if (service.level() != null) {
			return ServiceLevelFormData.of(service.level());
		}
		ServiceLevelFormData form = new ServiceLevelFormData();
		calendarOptions(null).stream()
			.filter(CalendarOption::isDefault)
			.findFirst()
			.ifPresent((c) -> form.setCalendarId(c.id()));
		return form;
	}

	private String servicePage(Model model, ServiceView service, ServiceLevelFormData levelForm) {
		model.addAttribute("service", service);
		if (levelForm != null) {
			model.addAttribute("levelForm", levelForm);
		}
		List<Directory.Entry> users = new ArrayList<>(this.directory.activeUsers());
		List<Directory.Entry> departments = new ArrayList<>(this.directory.activeDepartments());
		if (service != null) {
			// a retired owner or department stays selectable while the service names it
			if (service.owner() != null && users.stream().noneMatch((u) -> u.id() == service.owner().id())) {
				users.add(service.owner());
			}
			for (Directory.Entry d : service.departments()) {
				if (departments.stream().noneMatch((e) -> e.id() == d.id())) {
					departments.add(d);
				}
			}
		}
		model.addAttribute("users", users);
		model.addAttribute("departments", departments);
		model.addAttribute("calendars",
				calendarOptions((service != null && service.level() != null) ? service.level() : null));
		model.addAttribute("checklist", (service != null) ? checklist(service) : List.of());
		boolean reviews = service != null
				&& this.access.current().map((me) -> me.has(org.yunwei.schedule.RecurringWork.READ)).orElse(false);
		model.addAttribute("reviews", reviews ? this.recurring.forService(service.id()) : List.of());
		model.addAttribute("canSchedule",
				this.access.current()
					.map((me) -> me.has(org.yunwei.schedule.RecurringWork.WRITE) && me.has("slreview:write"))
					.orElse(false));
		return "service/detail";
	}

	/** One element 8.3.1 asks of a catalogue entry, and whether the service states it. */
	record Check(String labelKey, boolean ok) {
	}

	private static List<Check> checklist(ServiceView s) {
		ServiceLevelView l = s.level();
		return List.of(new Check("service.owner", s.owner() != null),
				new Check("service.departments", !s.departments().isEmpty()),
				new Check("service.objective", l != null && filled(l.objective())),
				new Check("service.scope", l != null && filled(l.scope())),
				new Check("service.serviceHours", l != null && filled(l.serviceHours())),
				new Check("service.content", l != null && filled(l.content())),
				new Check("service.effect", l != null && filled(l.effect())),
				new Check("service.security", l != null && filled(l.security())), new Check("service.targets",
						l != null && l.targets().stream().anyMatch((t) -> t.resolutionMinutes() != null)));
	}

	private static boolean filled(String s) {
		return s != null && !s.isBlank();
	}

	// ---- operational levels

	@GetMapping("/services/olas")
	String olas(@RequestParam(required = false) Long group, Model model) {
		List<OlaView> olas = this.catalogue.olas();
		OlaFormData form = olas.stream()
			.filter((o) -> group != null && o.groupId() == group)
			.findFirst()
			.map(OlaFormData::of)
			.orElseGet(() -> {
				OlaFormData f = new OlaFormData();
				calendarOptions(null).stream()
					.filter(CalendarOption::isDefault)
					.findFirst()
					.ifPresent((c) -> f.setCalendarId(c.id()));
				return f;
			});
		model.addAttribute("form", form);
		model.addAttribute("selectedGroup", group);
		return olaPage(model, olas);
	}

	/**
	 * Sets a group's targets; the group comes from the address or, from the page's form,
	 * from its {@code group} field.
	 */
	@PostMapping({ "/services/olas", "/services/olas/{groupId}" })
	String saveOla(@PathVariable(required = false) Long groupId, @RequestParam(required = false) Long group,
			@Valid @ModelAttribute("form") OlaFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Long target = (groupId != null) ? groupId : group;
		if (target == null) {
			errors.reject("ola.error.group", "ola.error.group");
		}
		if (!errors.hasErrors()) {
			try {
				this.catalogue.saveOla(target, form);
				redirect.addFlashAttribute("flash", form.minutes().isEmpty() ? "ola.removed" : "ola.saved");
				redirect.addFlashAttribute("flashArgs",
						new Object[] { this.directory.groupNames(List.of(target)).getOrDefault(target, "#" + target) });
				return "redirect:/services/olas";
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		model.addAttribute("selectedGroup", target);
		return olaPage(model, this.catalogue.olas());
	}

	private String olaPage(Model model, List<OlaView> olas) {
		model.addAttribute("olas", olas);
		model.addAttribute("groups", this.directory.activeGroups());
		model.addAttribute("calendars", calendarOptions(null));
		model.addAttribute("calendarNames", calendarNames());
		model.addAttribute("priorities", List.of(1, 2, 3, 4));
		return "service/olas";
	}

	// ---- escalation rules

	@GetMapping("/services/escalations")
	String rules(Model model) {
		model.addAttribute("rules", this.levels.rules());
		return "service/escalations";
	}

	@GetMapping("/services/escalations/new")
	String newRule(Model model) {
		this.access.require(ServiceCatalogue.WRITE);
		model.addAttribute("form", new EscalationRuleFormData());
		return rulePage(model, null);
	}

	@PostMapping("/services/escalations")
	String createRule(@Valid @ModelAttribute("form") EscalationRuleFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				EscalationRuleView created = this.levels.createRule(form);
				redirect.addFlashAttribute("flash", "escalation.saved");
				redirect.addFlashAttribute("flashArgs", new Object[] { created.name() });
				return "redirect:/services/escalations";
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return rulePage(model, null);
	}

	@GetMapping("/services/escalations/{id}")
	String rule(@PathVariable long id, Model model) {
		EscalationRuleView rule = this.levels.rule(id);
		model.addAttribute("form", EscalationRuleFormData.of(rule));
		return rulePage(model, rule);
	}

	@PostMapping("/services/escalations/{id}")
	String updateRule(@PathVariable long id, @Valid @ModelAttribute("form") EscalationRuleFormData form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				EscalationRuleView saved = this.levels.updateRule(id, form);
				redirect.addFlashAttribute("flash", "escalation.saved");
				redirect.addFlashAttribute("flashArgs", new Object[] { saved.name() });
				return "redirect:/services/escalations";
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		return rulePage(model, this.levels.rule(id));
	}

	@PostMapping("/services/escalations/{id}/delete")
	String deleteRule(@PathVariable long id, RedirectAttributes redirect) {
		EscalationRuleView rule = this.levels.rule(id);
		this.levels.deleteRule(id);
		redirect.addFlashAttribute("flash", "escalation.deleted");
		redirect.addFlashAttribute("flashArgs", new Object[] { rule.name() });
		return "redirect:/services/escalations";
	}

	private String rulePage(Model model, EscalationRuleView rule) {
		model.addAttribute("rule", rule);
		model.addAttribute("triggers", EscalationTrigger.values());
		model.addAttribute("kinds", ClockKind.values());
		model.addAttribute("services", this.catalogue.list());
		List<Directory.Entry> groups = new ArrayList<>(this.directory.activeGroups());
		if (rule != null && rule.reassignTo() != null
				&& groups.stream().noneMatch((g) -> g.id() == rule.reassignTo())) {
			// a deactivated group stays visible while the rule names it
			groups.add(new Directory.Entry(rule.reassignTo(), rule.reassignToName(), null));
		}
		model.addAttribute("groups", groups);
		model.addAttribute("priorities", List.of(1, 2, 3, 4));
		return "service/escalation";
	}

	// ---- attainment

	/** One table of the report: its rows and the message keys of its title and column. */
	record Section(String id, String titleKey, String nameKey, String emptyKey, List<SlaAttainment.Row> rows) {
	}

	@GetMapping("/services/attainment")
	String attainment(@RequestParam(required = false) String period, Model model) {
		ZoneId zone = this.formats.organisationZone();
		LocalDate today = LocalDate.now(zone);
		String label = (period == null || period.isBlank()) ? YearMonth.from(today).toString() : period.strip();
		model.addAttribute("period", label);
		try {
			SlaAttainment report = this.levels.attainment(label);
			ReportingPeriod p = ReportingPeriod.parse(report.period());
			model.addAttribute("report", report);
			model.addAttribute("periodFrom", p.from());
			model.addAttribute("periodTo", p.to().minusDays(1));
			model.addAttribute("previousPeriod", p.previous().label());
			model.addAttribute("sections",
					List.of(new Section("by-service", "sla.report.byService", "workitem.field.service",
							"sla.report.noneMeasured", report.services()),
							new Section("by-department", "sla.report.byDepartment", "sla.report.department",
									"sla.report.noneMeasured", report.departments()),
							new Section("by-group", "sla.report.byGroup", "workitem.field.group", "sla.report.noOla",
									report.groups())));
		}
		catch (ValidationFailed ex) {
			ValidationFailed.Violation v = ex.violations().get(0);
			model.addAttribute("periodError", v.messageKey());
			model.addAttribute("periodErrorArgs", v.args().toArray());
		}
		Map<String, String> quick = new LinkedHashMap<>();
		quick.put("sla.report.thisMonth", YearMonth.from(today).toString());
		quick.put("sla.report.lastMonth", YearMonth.from(today).minusMonths(1).toString());
		quick.put("sla.report.thisQuarter", today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1));
		quick.put("sla.report.thisYear", String.valueOf(today.getYear()));
		model.addAttribute("quickPeriods", quick);
		if (this.access.has(ServiceLevels.RECALCULATE)) {
			model.addAttribute("services", this.catalogue.list());
			LocalDate from = (LocalDate) model.getAttribute("periodFrom");
			LocalDate to = (LocalDate) model.getAttribute("periodTo");
			model.addAttribute("recalculateFrom", (from != null) ? from : today.withDayOfMonth(1));
			model.addAttribute("recalculateTo", (to != null && !to.isAfter(today)) ? to : today);
		}
		return "service/attainment";
	}

	/**
	 * Counts again the clocks that ran between two dates, on today's calendars and
	 * targets; the action and how many results changed go to the audit trail.
	 */
	@PostMapping("/services/recalculate")
	String recalculate(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Long serviceId, @RequestParam(required = false) String period,
			RedirectAttributes redirect) {
		try {
			ServiceLevels.Recalculation done = this.levels.recalculate(from, to, serviceId);
			redirect.addFlashAttribute("flash", "sla.recalculated");
			redirect.addFlashAttribute("flashArgs", new Object[] { done.clocks(), done.changed() });
		}
		catch (ValidationFailed ex) {
			FormErrors.flash(redirect, ex);
		}
		if (period != null && !period.isBlank()) {
			redirect.addAttribute("period", period.strip());
		}
		return "redirect:/services/attainment";
	}

	// ---- the clocks panel of a work item

	/**
	 * A clock as the panel shows it: the element id browser tests find it by, and the
	 * countdown as a message key with its arguments.
	 */
	record ClockRow(SlaClockView clock, String domId, String remainingKey, Object[] remainingArgs, boolean late) {
	}

	/**
	 * The SLA clocks of a work item, as an HTML fragment its page loads (and refreshes)
	 * with htmx; nothing at all when the record has no clock (no service, or no target).
	 */
	@GetMapping("/sla/work-items/{id}")
	String clocks(@PathVariable long id, Model model) {
		List<SlaClockView> shown = this.levels.clocks(id)
			.stream()
			.filter((c) -> c.state() != ClockState.CANCELLED)
			.sorted(Comparator.comparing(SlaClockView::kind))
			.toList();
		Map<ClockKind, Long> latest = new HashMap<>();
		shown.forEach((c) -> latest.merge(c.kind(), c.id(), Math::max));
		List<ClockRow> rows = new ArrayList<>();
		for (SlaClockView c : shown) {
			String domId = "sla-clock-" + c.kind() + ((latest.get(c.kind()) == c.id()) ? "" : "-" + c.id());
			rows.add(row(c, domId));
		}
		model.addAttribute("clocks", rows);
		return "service/clocks";
	}

	private ClockRow row(SlaClockView c, String domId) {
		long remaining = c.remainingMinutes();
		String left = this.time.duration(remaining);
		return switch (c.state()) {
			case RUNNING -> (remaining >= 0)
					? new ClockRow(c, domId, "sla.clock.remaining",
							new Object[] { left, this.time.shortDateTime(c.dueAt(), c.asOf()) }, false)
					: new ClockRow(c, domId, "sla.clock.overdue",
							new Object[] { left, this.time.shortDateTime(c.dueAt(), c.asOf()) }, true);
			case PAUSED ->
				(remaining >= 0) ? new ClockRow(c, domId, "sla.clock.pausedLeft", new Object[] { left }, false)
						: new ClockRow(c, domId, "sla.clock.pausedOverdue", new Object[] { left }, true);
			default -> (c.status() == SlaStatus.BREACHED)
					? new ClockRow(c, domId, "sla.clock.breachedAt",
							new Object[] { this.formats.dateTime(c.stoppedAt()) }, true)
					: new ClockRow(c, domId, "sla.clock.metAt", new Object[] { this.formats.dateTime(c.stoppedAt()) },
							false);
		};
	}

	// ---- calendars

	/**
	 * The calendars to pick from; a reader without access to calendars sees only the one
	 * in use.
	 */
	private List<CalendarOption> calendarOptions(ServiceLevelView level) {
		if (this.access.has(Calendars.READ)) {
			String language = this.formats.language();
			return this.calendars.list()
				.stream()
				.map((c) -> new CalendarOption(c.id(), c.name(language), c.isDefault()))
				.toList();
		}
		return (level != null) ? List.of(new CalendarOption(level.calendarId(), level.calendarName(), false))
				: List.of();
	}

	private Map<Long, String> calendarNames() {
		Map<Long, String> names = new HashMap<>();
		if (this.access.has(Calendars.READ)) {
			String language = this.formats.language();
			for (CalendarView c : this.calendars.list()) {
				names.put(c.id(), c.name(language));
			}
		}
		return names;
	}

}
