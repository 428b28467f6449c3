package org.yunwei.governance.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import org.yunwei.governance.Governance;
import org.yunwei.governance.Reports;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.identity.AccessControl;

/**
 * The compliance self-check report and the management-review input pack: a page to pick
 * the period and download either as PDF or Excel, in the reader's language; the same over
 * REST ({@code /api/v1/governance/reports/{kind}?period=&format=}).
 */
@Controller
@Tag(name = "Governance")
class ReportController {

	private final Reports reports;

	private final AccessControl access;

	private final ZoneId zone;

	ReportController(Reports reports, AccessControl access, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.reports = reports;
		this.access = access;
		this.zone = ZoneId.of(zone);
	}

	@GetMapping("/governance/reports")
	String page(@RequestParam(required = false) String period, Model model) {
		String label = (period == null || period.isBlank())
				? YearMonth.from(LocalDate.now(this.zone)).minusMonths(1).toString() : period;
		Reports.Report r;
		try {
			r = this.reports.report(label);
		}
		catch (ValidationFailed ex) {
			model.addAttribute("periodError", org.yunwei.platform.web.FormErrors.firstMessageKey(ex));
			model.addAttribute("periodErrorArgs", org.yunwei.platform.web.FormErrors.firstArgs(ex));
			r = this.reports.report(YearMonth.from(LocalDate.now(this.zone)).minusMonths(1).toString());
		}
		model.addAttribute("r", r);
		model.addAttribute("period", r.period());
		model.addAttribute("kinds", Reports.Kind.values());
		model.addAttribute("notComputed", r.computed().stream().filter((l) -> l.value() == null).count());
		model.addAttribute("canManage", this.access.has(Governance.MANAGE));
		List<String> periods = new ArrayList<>();
		YearMonth now = YearMonth.from(LocalDate.now(this.zone));
		for (int i = 1; i <= 12; i++) {
			periods.add(now.minusMonths(i).toString());
		}
		model.addAttribute("periods", periods);
		return "governance/reports";
	}

	@GetMapping("/governance/reports/{kind}")
	@ResponseBody
	ResponseEntity<byte[]> page(@PathVariable String kind, @RequestParam String period,
			@RequestParam(defaultValue = "pdf") String format, @RequestParam(required = false) String lang) {
		return download(this.reports, kind, period, format, lang);
	}

	/** The same over REST, refusals as problem details. */
	@org.springframework.web.bind.annotation.RestController
	@Tag(name = "Governance")
	static class Api {

		private final Reports reports;

		Api(Reports reports) {
			this.reports = reports;
		}

		@GetMapping("/api/v1/governance/reports/{kind}")
		@Operation(summary = "The compliance self-check report (self-check) or the management-review input pack"
				+ " (review-pack) for a period, as PDF or Excel (format=pdf|xlsx), in lang=zh|en")
		ResponseEntity<byte[]> download(@PathVariable String kind, @RequestParam String period,
				@RequestParam(defaultValue = "pdf") String format, @RequestParam(required = false) String lang) {
			return ReportController.download(this.reports, kind, period, format, lang);
		}

	}

	static ResponseEntity<byte[]> download(Reports reports, String kind, String period, String format, String lang) {
		Reports.Kind k = switch (kind) {
			case "self-check" -> Reports.Kind.SELF_CHECK;
			case "review-pack" -> Reports.Kind.REVIEW_PACK;
			default -> throw new ValidationFailed("kind", "report.error.kind", kind);
		};
		Locale locale = org.yunwei.platform.web.PdfDocuments.language(lang);
		String label = ReportingPeriod.parse(period).label();
		String name = kind + "-" + label + "." + format;
		if ("pdf".equals(format)) {
			return org.yunwei.platform.web.PdfDocuments.file(reports.pdf(k, label, locale), MediaType.APPLICATION_PDF,
					name, false);
		}
		if ("xlsx".equals(format)) {
			return org.yunwei.platform.web.PdfDocuments.file(reports.workbook(k, label, locale),
					MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), name,
					false);
		}
		throw new ValidationFailed("format", "error.export.format");
	}

}
