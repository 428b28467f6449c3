package org.yunwei.capacity.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.capacity.Capacity;
import org.yunwei.capacity.Forecast;
import org.yunwei.capacity.MetricFormData;
import org.yunwei.capacity.MetricView;
import org.yunwei.platform.DomainException;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.FormErrors;
import org.yunwei.workitem.WorkItems;

/**
 * Capacity on the pages: the capacity records with their latest value, threshold and the
 * date the trend crosses it; a record's chart (history, forecast line, threshold) and
 * measurements; capacity plans; the content panel of a capacity report.
 */
@Controller
@RequestMapping("/capacity")
class CapacityController {

	private final Capacity capacity;

	private final WorkItems items;

	private final Directory directory;

	CapacityController(Capacity capacity, WorkItems items, Directory directory) {
		this.capacity = capacity;
		this.items = items;
		this.directory = directory;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("metrics", this.capacity.metrics());
		model.addAttribute("form", new MetricFormData());
		return listPage(model);
	}

	@PostMapping("/metrics")
	String create(@Valid @ModelAttribute("form") MetricFormData form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				MetricView m = this.capacity.createMetric(form);
				redirect.addFlashAttribute("flash", "capacity.created");
				redirect.addFlashAttribute("flashArgs", new Object[] { m.name() });
				return "redirect:/capacity/metrics/" + m.id();
			}
			catch (DomainException ex) {
				FormErrors.reject(errors, ex);
			}
		}
		model.addAttribute("metrics", this.capacity.metrics());
		return listPage(model);
	}

	private String listPage(Model model) {
		model.addAttribute("services", this.items.serviceOptions());
		model.addAttribute("groups", this.directory.activeGroups());
		model.addAttribute("canWrite", this.capacity.canWrite());
		model.addAttribute("today", LocalDate.now(this.items.zone()));
		return "capacity/list";
	}

	@GetMapping("/metrics/{id}")
	String metric(@PathVariable long id, Model model) {
		MetricView m = this.capacity.metric(id);
		List<Forecast.Point> history = this.capacity.history(id);
		List<Forecast.Point> recent = new ArrayList<>(
				history.subList(Math.max(0, history.size() - 12), history.size()));
		java.util.Collections.reverse(recent);
		model.addAttribute("metric", m);
		model.addAttribute("recent", recent);
		model.addAttribute("count", history.size());
		model.addAttribute("canWrite", this.capacity.canWrite());
		model.addAttribute("today", LocalDate.now(this.items.zone()));
		return "capacity/metric";
	}

	/** The chart's data: history, the forecast line to beyond the crossing, threshold. */
	@GetMapping("/metrics/{id}/chart")
	@ResponseBody
	Map<String, Object> chart(@PathVariable long id) {
		MetricView m = this.capacity.metric(id);
		List<Forecast.Point> history = this.capacity.history(id);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("name", m.name());
		out.put("unit", m.unit());
		out.put("threshold", m.threshold());
		out.put("history", history.stream().map((p) -> List.of(p.on().toString(), p.value())).toList());
		Forecast f = m.forecast();
		if (f != null && !history.isEmpty()) {
			LocalDate start = history.get(0).on();
			LocalDate end = f.lastMeasured().plusMonths(6);
			if (f.crossing() != null && f.crossing().plusMonths(1).isAfter(end)) {
				end = f.crossing().plusMonths(1);
			}
			if (end.isAfter(f.lastMeasured().plusYears(3))) {
				end = f.lastMeasured().plusYears(3);
			}
			List<List<Object>> line = new ArrayList<>();
			for (LocalDate d = start; !d.isAfter(end); d = d
				.plusDays(Math.max(1, (end.toEpochDay() - start.toEpochDay()) / 60))) {
				line.add(List.of(d.toString(), f.valueOn(d)));
			}
			line.add(List.of(end.toString(), f.valueOn(end)));
			out.put("forecast", line);
			out.put("crossing", (f.crossing() == null) ? null : f.crossing().toString());
			out.put("crossingValue", (f.crossing() == null) ? null : m.threshold());
		}
		return out;
	}

	@PostMapping("/metrics/{id}/measurements")
	String record(@PathVariable long id,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) BigDecimal value, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "capacity.recorded",
				() -> this.capacity.record(id, java.util.Arrays.asList(new Capacity.MeasurementInput(on, value))));
		return "redirect:/capacity/metrics/" + id;
	}

	@GetMapping("/plans")
	String plans(Model model) {
		model.addAttribute("plans", this.capacity.plans());
		model.addAttribute("metrics", this.capacity.metrics());
		model.addAttribute("users", this.directory.activeUsers());
		model.addAttribute("canWrite", this.capacity.canWrite());
		model.addAttribute("canManage", this.capacity.canManage());
		LocalDate today = LocalDate.now(this.items.zone());
		model.addAttribute("defaultFrom", today.withDayOfMonth(1).plusMonths(1));
		model.addAttribute("defaultTo", today.withDayOfMonth(1).plusMonths(7).minusDays(1));
		return "capacity/plans";
	}

	@PostMapping("/plans")
	String createPlan(@ModelAttribute Capacity.PlanInput plan, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "capacity.planCreated", () -> this.capacity.createPlan(plan));
		return "redirect:/capacity/plans";
	}

	@PostMapping("/plans/{id}/approve")
	String approve(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "capacity.planApproved", () -> this.capacity.approvePlan(id, version));
		return "redirect:/capacity/plans";
	}

	@GetMapping("/report-panel/{itemId}")
	String reportPanel(@PathVariable long itemId, Model model) {
		model.addAttribute("lines", this.capacity.report(itemId));
		return "capacity/report :: panel";
	}

}
