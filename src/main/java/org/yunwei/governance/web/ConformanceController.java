package org.yunwei.governance.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

import org.yunwei.governance.ClauseStatus;
import org.yunwei.governance.ClauseView;
import org.yunwei.governance.Conformance;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.web.FormErrors;

/**
 * Where the organisation stands against the standard: the clause tree coloured by status
 * with each chapter's score (radar) and its trend; a clause's evidence rules with what
 * was found, its requirements, and the assessors' judgements.
 */
@Controller
@RequestMapping("/governance/conformance")
class ConformanceController {

	private final Conformance conformance;

	private final AccessControl access;

	private final ZoneId zone;

	private final tools.jackson.databind.json.JsonMapper json;

	ConformanceController(Conformance conformance, AccessControl access, tools.jackson.databind.json.JsonMapper json,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.json = json;
		this.conformance = conformance;
		this.access = access;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping
	String tree(Model model) {
		List<ClauseView> chapters = this.conformance.tree();
		model.addAttribute("chapters", chapters);
		model.addAttribute("now", this.json.writeValueAsString(now(chapters)));
		Map<ClauseStatus, Long> counts = new LinkedHashMap<>();
		for (ClauseStatus s : ClauseStatus.values()) {
			counts.put(s, chapters.stream().mapToLong((c) -> c.count(s)).sum());
		}
		model.addAttribute("counts", counts);
		model.addAttribute("leaves", chapters.stream().mapToLong((c) -> c.leaves().size()).sum());
		model.addAttribute("overall",
				chapters.stream()
					.flatMap((c) -> c.leaves().stream())
					.mapToDouble((c) -> c.score().doubleValue())
					.average()
					.orElse(0));
		return "governance/conformance";
	}

	@GetMapping("/{number}")
	String clause(@PathVariable String number, Model model) {
		ClauseView c = this.conformance.clause(number);
		model.addAttribute("view", c);
		model.addAttribute("canAssess",
				this.access.has(Conformance.ASSESS) && c.rules()
					.stream()
					.anyMatch((r) -> r.rule().kind() == org.yunwei.governance.EvidenceRule.Kind.ASSESS));
		model.addAttribute("verdicts", List.of(ClauseStatus.MET, ClauseStatus.PARTLY, ClauseStatus.NOT_MET));
		return "governance/clause";
	}

	@PostMapping("/{number}/assess")
	String assess(@PathVariable String number, @RequestParam(required = false) ClauseStatus verdict,
			@RequestParam(required = false) String evidence, RedirectAttributes redirect) {
		ClauseView c = this.conformance.clause(number);
		if (FormErrors.attempt(redirect, "conformance.assessed",
				() -> this.conformance.assess(c.clause().number(), verdict, evidence))) {
			this.conformance.refreshScores();
		}
		return "redirect:/governance/conformance/" + c.clause().number();
	}

	/** Each chapter's score now, as the radar draws it. */
	private static List<Map<String, Object>> now(List<ClauseView> chapters) {
		List<Map<String, Object>> now = new ArrayList<>();
		for (ClauseView c : chapters) {
			now.add(Map.of("chapter", c.clause().number(), "title", c.clause().titleZh(), "titleEn",
					c.clause().titleEn(), "score", c.score()));
		}
		return now;
	}

	/**
	 * The radar's and the trend's data: each chapter's score now (left out with
	 * {@code now=false}, for the page that judged it already) and as recorded by day.
	 */
	@GetMapping("/scores")
	@ResponseBody
	Map<String, Object> scores(@RequestParam(defaultValue = "true") boolean now) {
		Map<String, Object> out = new LinkedHashMap<>();
		if (now) {
			out.put("now", now(this.conformance.tree()));
		}
		Map<String, Map<String, Object>> byDay = new TreeMap<>();
		this.conformance.trend(LocalDate.now(this.zone).minusDays(365))
			.forEach((s) -> byDay.computeIfAbsent(s.on().toString(), (d) -> new LinkedHashMap<>())
				.put(s.chapter(), s.score()));
		out.put("trend", byDay);
		return out;
	}

}
