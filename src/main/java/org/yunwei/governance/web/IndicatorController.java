package org.yunwei.governance.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.governance.Governance;
import org.yunwei.governance.IndicatorView;
import org.yunwei.governance.StoredValue;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.standard.Clause;
import org.yunwei.platform.standard.StandardClauses;
import org.yunwei.platform.web.FormErrors;

/**
 * The key indicators on the pages: all 109 by clause with their values for a period
 * against target; an indicator's definition, target, trend and, for a period, the records
 * behind its value, each marked counted or not.
 */
@Controller
@RequestMapping("/governance/indicators")
class IndicatorController {

	private final Governance governance;

	private final StandardClauses clauses;

	private final AccessControl access;

	private final org.yunwei.governance.Nonconformities nonconformities;

	private final ZoneId zone;

	IndicatorController(Governance governance, StandardClauses clauses, AccessControl access,
			org.yunwei.governance.Nonconformities nonconformities,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.governance = governance;
		this.nonconformities = nonconformities;
		this.clauses = clauses;
		this.access = access;
		this.zone = ZoneId.of(zone);
	}

	/**
	 * The chapters of the standard with their indicators and their values for the period.
	 */
	record Chapter(Clause clause, List<Line> lines) {
	}

	/** An indicator with its value for the period (null when none is stored). */
	record Line(IndicatorView indicator, StoredValue value) {
	}

	@GetMapping
	String list(@RequestParam(required = false) String period, @RequestParam(required = false) String method,
			@RequestParam(required = false) String status, Model model) {
		ReportingPeriod p = period(period, model);
		Map<String, StoredValue> values = new LinkedHashMap<>();
		this.governance.period(p.label()).forEach((v) -> values.put(v.code(), v));
		Map<String, Chapter> chapters = new LinkedHashMap<>();
		int computed = 0;
		int met = 0;
		int missed = 0;
		int none = 0;
		List<IndicatorView> all = this.governance.indicators();
		for (IndicatorView i : all) {
			StoredValue v = values.get(i.code());
			computed += (i.method() == IndicatorView.Method.COMPUTED) ? 1 : 0;
			if (v == null || v.met() == null) {
				none++;
			}
			else if (v.met()) {
				met++;
			}
			else {
				missed++;
			}
			if (method != null && !method.isBlank() && !i.method().name().equals(method)) {
				continue;
			}
			if ("MISSED".equals(status) && (v == null || !Boolean.FALSE.equals(v.met()))) {
				continue;
			}
			String chapter = i.clause().split("\\.")[0];
			chapters.computeIfAbsent(chapter, (c) -> new Chapter(this.clauses.get(c).orElseThrow(), new ArrayList<>()))
				.lines()
				.add(new Line(i, v));
		}
		model.addAttribute("period", p.label());
		model.addAttribute("periods", periods());
		model.addAttribute("chapters", chapters.values());
		model.addAttribute("total", all.size());
		model.addAttribute("computed", computed);
		model.addAttribute("met", met);
		model.addAttribute("missed", missed);
		model.addAttribute("none", none);
		model.addAttribute("method", method);
		model.addAttribute("status", status);
		model.addAttribute("canManage", this.access.has(Governance.MANAGE));
		return "governance/indicators";
	}

	@PostMapping("/compute")
	String compute(@RequestParam String period, RedirectAttributes redirect) {
		List<StoredValue> done = new ArrayList<>();
		if (!FormErrors.attempt(redirect, "governance.computed", () -> done.addAll(this.governance.compute(period)))) {
			return "redirect:/governance/indicators";
		}
		String label = done.isEmpty() ? ReportingPeriod.parse(period).label() : done.get(0).period();
		redirect.addFlashAttribute("flashArgs", new Object[] { done.size(), label });
		return "redirect:/governance/indicators?period=" + label;
	}

	@GetMapping("/{code}")
	String indicator(@PathVariable String code, @RequestParam(required = false) String period, Model model) {
		IndicatorView i = this.governance.indicator(code);
		ReportingPeriod p = period(period, model);
		model.addAttribute("indicator", i);
		model.addAttribute("clause", this.clauses.get(i.clause()).orElseThrow());
		model.addAttribute("period", p.label());
		model.addAttribute("periods", periods());
		model.addAttribute("value", this.governance.value(i.code(), p.label()).orElse(null));
		model.addAttribute("nonconformity", this.nonconformities.forIndicator(i.code(), p.label()).orElse(null));
		List<StoredValue> history = new ArrayList<>(
				this.governance.values(i.code(), YearMonth.parse(lastMonth()).minusMonths(11).toString(), lastMonth()));
		history.addAll(this.governance.values(i.code(), firstQuarter(), lastMonth()));
		history.addAll(this.governance.values(i.code(), String.valueOf(LocalDate.now(this.zone).getYear() - 3),
				String.valueOf(LocalDate.now(this.zone).getYear())));
		model.addAttribute("history", history);
		model.addAttribute("canManage", this.access.has(Governance.MANAGE));
		model.addAttribute("canAssess", this.access.has(org.yunwei.governance.Conformance.ASSESS));
		return "governance/indicator";
	}

	@PostMapping("/{code}/compute")
	String computeOne(@PathVariable String code, @RequestParam String period, RedirectAttributes redirect) {
		StoredValue[] done = new StoredValue[1];
		FormErrors.attempt(redirect, "governance.computedOne", () -> done[0] = this.governance.compute(code, period));
		return "redirect:/governance/indicators/" + this.governance.indicator(code).code()
				+ ((done[0] == null) ? "" : "?period=" + done[0].period());
	}

	@PostMapping("/{code}/assess")
	String assess(@PathVariable String code, @RequestParam(required = false) String period,
			@RequestParam(required = false) BigDecimal value, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		IndicatorView i = this.governance.indicator(code);
		StoredValue[] done = new StoredValue[1];
		FormErrors.attempt(redirect, "governance.assessed",
				() -> done[0] = this.governance.assess(code, (period == null) ? "" : period, value, note));
		return "redirect:/governance/indicators/" + i.code() + ((done[0] == null) ? "" : "?period=" + done[0].period());
	}

	@PostMapping("/{code}/target")
	String target(@PathVariable String code, @RequestParam(required = false) BigDecimal target,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String period,
			RedirectAttributes redirect) {
		IndicatorView i = this.governance.indicator(code);
		FormErrors.attempt(redirect, "governance.targetSet",
				() -> this.governance.setTarget(code, target, reason, null));
		return "redirect:/governance/indicators/" + i.code()
				+ ((period == null || !period.matches("[0-9Q-]{4,7}")) ? "" : "?period=" + period);
	}

	/**
	 * The trend chart's data: the monthly values of the last twelve months and the
	 * target.
	 */
	@GetMapping("/{code}/chart")
	@ResponseBody
	Map<String, Object> chart(@PathVariable String code) {
		IndicatorView i = this.governance.indicator(code);
		String last = lastMonth();
		List<StoredValue> values = this.governance.values(i.code(), YearMonth.parse(last).minusMonths(11).toString(),
				last);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("unit", i.unit());
		out.put("target", i.target());
		out.put("direction", i.direction());
		List<String> months = new ArrayList<>();
		for (YearMonth m = YearMonth.parse(last).minusMonths(11); !m.isAfter(YearMonth.parse(last)); m = m
			.plusMonths(1)) {
			months.add(m.toString());
		}
		Map<String, StoredValue> byPeriod = new LinkedHashMap<>();
		values.forEach((v) -> byPeriod.put(v.period(), v));
		out.put("periods", months);
		out.put("values",
				months.stream().map((m) -> (byPeriod.get(m) == null) ? null : byPeriod.get(m).value()).toList());
		out.put("targets",
				months.stream().map((m) -> (byPeriod.get(m) == null) ? i.target() : byPeriod.get(m).target()).toList());
		return out;
	}

	/**
	 * The period asked for (last month when none); a bad one is shown as the field's
	 * error.
	 */
	private ReportingPeriod period(String period, Model model) {
		try {
			return ReportingPeriod.parse((period == null || period.isBlank()) ? lastMonth() : period);
		}
		catch (org.yunwei.platform.ValidationFailed ex) {
			model.addAttribute("periodError", FormErrors.firstMessageKey(ex));
			model.addAttribute("periodErrorArgs", FormErrors.firstArgs(ex));
			return ReportingPeriod.parse(lastMonth());
		}
	}

	private String lastMonth() {
		return YearMonth.from(LocalDate.now(this.zone)).minusMonths(1).toString();
	}

	private String firstQuarter() {
		YearMonth m = YearMonth.from(LocalDate.now(this.zone)).minusMonths(12);
		return m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
	}

	/**
	 * The periods to pick from: the last twelve months, the last four quarters, the last
	 * two years.
	 */
	private List<String> periods() {
		List<String> out = new ArrayList<>();
		YearMonth now = YearMonth.from(LocalDate.now(this.zone));
		for (int i = 0; i < 12; i++) {
			out.add(now.minusMonths(i).toString());
		}
		ReportingPeriod q = ReportingPeriod.parse(now.getYear() + "-Q" + ((now.getMonthValue() - 1) / 3 + 1));
		for (int i = 0; i < 4; i++) {
			out.add(q.label());
			q = q.previous();
		}
		out.add(String.valueOf(now.getYear()));
		out.add(String.valueOf(now.getYear() - 1));
		return out;
	}

}
