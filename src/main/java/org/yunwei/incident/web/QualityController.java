package org.yunwei.incident.web;

import java.time.YearMonth;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.yunwei.incident.RecordQuality;
import org.yunwei.platform.web.FormErrors;

/**
 * The record quality review page (8.3.3-2): a month's closed incidents, a random sample
 * drawn from them, each judged accurate or not (REST: {@code IncidentApiController}).
 */
@Controller
class QualityController {

	private final RecordQuality quality;

	private final ZoneId zone;

	QualityController(RecordQuality quality, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.quality = quality;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping("/incidents/quality")
	String page(@RequestParam(required = false) String period, Model model) {
		String p = (period == null || period.isBlank()) ? YearMonth.now(this.zone).minusMonths(1).toString() : period;
		model.addAttribute("sample", this.quality.sample(p));
		model.addAttribute("period", p);
		return "incident/quality";
	}

	@PostMapping("/incidents/quality/draw")
	String draw(@RequestParam String period, @RequestParam(defaultValue = "10") int size, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "incident.quality.drawn.flash", () -> this.quality.draw(period, size));
		return "redirect:/incidents/quality?period=" + period;
	}

	@PostMapping("/incidents/quality/{id}")
	String judge(@PathVariable long id, @RequestParam boolean accurate, @RequestParam(required = false) String note,
			@RequestParam String period, RedirectAttributes redirect) {
		FormErrors.attempt(redirect, "incident.quality.judged.flash", () -> this.quality.judge(id, accurate, note));
		return "redirect:/incidents/quality?period=" + period + "#q-" + id;
	}

}
