package org.yunwei.platform.audit.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditManagement;
import org.yunwei.platform.audit.AuditQuery;
import org.yunwei.platform.web.Formats;

/** The audit administrator's screen: search, integrity check, export. */
@Controller
class AuditController {

	private final AuditManagement audit;

	private final AuditExports exports;

	private final Formats formats;

	AuditController(AuditManagement audit, AuditExports exports, Formats formats) {
		this.audit = audit;
		this.exports = exports;
		this.formats = formats;
	}

	@GetMapping("/audit")
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) AuditAction action,
			@RequestParam(required = false) String recordType, @RequestParam(required = false) String recordId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String after, Model model, HtmxRequest htmx) {
		AuditQuery query = query(actor, action, recordType, recordId, from, to);
		model.addAttribute("page", this.audit.search(query, after, 50));
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("f", new Filter(actor, action, recordType, recordId, from, to));
		if (htmx.isHtmxRequest()) {
			return (after != null) ? "audit/list :: more" : "audit/list :: results";
		}
		return "audit/list";
	}

	/** The filter as the form shows it. */
	record Filter(String actor, AuditAction action, String recordType, String recordId, LocalDate from, LocalDate to) {
	}

	@PostMapping("/audit/verify")
	String verify(Model model) {
		model.addAttribute("verification", this.audit.verify());
		return "audit/list :: verification";
	}

	@GetMapping("/audit/export")
	void export(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) String actor,
			@RequestParam(required = false) AuditAction action, @RequestParam(required = false) String recordType,
			@RequestParam(required = false) String recordId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		this.exports.write(query(actor, action, recordType, recordId, from, to), format, response);
	}

	private AuditQuery query(String actor, AuditAction action, String recordType, String recordId, LocalDate from,
			LocalDate to) {
		ZoneId zone = this.formats.zone();
		Instant start = (from == null) ? null : from.atStartOfDay(zone).toInstant();
		Instant end = (to == null) ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
		return new AuditQuery(blank(actor), action, blank(recordType), blank(recordId), start, end);
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s;
	}

}
