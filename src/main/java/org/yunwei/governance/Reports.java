package org.yunwei.governance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.indicator.Indicators;
import org.yunwei.platform.web.PdfDocuments;
import org.yunwei.platform.web.Spreadsheets;
import org.yunwei.workitem.StateCategory;
import org.yunwei.workitem.WorkItemBrief;
import org.yunwei.workitem.WorkItems;

/**
 * The reports of the conformance engine, from what it holds now: the compliance
 * self-check report (9.3) — where the organisation stands clause by clause, the key
 * indicators of a period against target, the open nonconformities — and the
 * management-review input pack (9.4 b) — the monitoring results, the self-assessment, the
 * state of the corrective and preventive actions, the follow-up of earlier reviews and
 * the improvement proposals — each as PDF (Chinese embedded) and as an Excel workbook.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

	private final Conformance conformance;

	private final Governance governance;

	private final WorkItems items;

	private final Directory directory;

	private final NamedParameterJdbcTemplate jdbc;

	private final PdfDocuments pdf;

	private final MessageSource messages;

	private final AccessControl access;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	Reports(Conformance conformance, Governance governance, WorkItems items, Directory directory,
			NamedParameterJdbcTemplate jdbc, PdfDocuments pdf, MessageSource messages, AccessControl access,
			AuditTrail audit, Clock clock, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.conformance = conformance;
		this.governance = governance;
		this.items = items;
		this.directory = directory;
		this.jdbc = jdbc;
		this.pdf = pdf;
		this.messages = messages;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/**
	 * An indicator's line: its value of the period and of the one before, against target.
	 */
	public record IndicatorLine(IndicatorView indicator, StoredValue value, StoredValue previous) {

		public boolean missed() {
			return this.value != null && Boolean.FALSE.equals(this.value.met());
		}

	}

	/** A nonconformity's line. */
	public record NonconformityLine(String number, String title, StateCategory category,
			NonconformityView.Source source, String clause, String owner, Instant openedAt, Instant dueAt,
			LocalDate dueOn, Boolean effective) {

		public boolean open() {
			return this.category != StateCategory.DONE && this.category != StateCategory.CANCELLED;
		}

		public boolean overdue(Instant now) {
			return open() && this.dueAt != null && this.dueAt.isBefore(now);
		}

	}

	/** An internal audit completed in the last year: its scope, report and findings. */
	public record AuditLine(String number, String title, LocalDate completedOn, List<String> clauses, String report,
			long findings) {
	}

	/** What both reports are made of. */
	public record Report(String period, LocalDate from, LocalDate to, LocalDate generatedOn, String generatedBy,
			BigDecimal overall, Map<ClauseStatus, Long> counts, List<ClauseView> chapters, List<ClauseView> gaps,
			List<IndicatorLine> indicators, List<NonconformityLine> nonconformities, List<AuditLine> audits,
			Instant now) {

		public List<IndicatorLine> computed() {
			return this.indicators.stream()
				.filter((l) -> l.indicator().method() == IndicatorView.Method.COMPUTED)
				.toList();
		}

		public List<IndicatorLine> missed() {
			return this.indicators.stream().filter(IndicatorLine::missed).toList();
		}

		public List<NonconformityLine> open() {
			return this.nonconformities.stream().filter(NonconformityLine::open).toList();
		}

		public List<NonconformityLine> from(NonconformityView.Source source) {
			return this.nonconformities.stream().filter((n) -> n.source() == source).toList();
		}

		public long closed() {
			return this.nonconformities.stream().filter((n) -> n.category() == StateCategory.DONE).count();
		}

		public long overdue() {
			return this.nonconformities.stream().filter((n) -> n.overdue(this.now)).count();
		}

	}

	/** The report's content for a period (the indicators' values of that period). */
	public Report report(String period) {
		CurrentUser me = this.access.require(Indicators.READ);
		ReportingPeriod p = ReportingPeriod.parse(period);
		List<ClauseView> chapters = this.conformance.tree();
		Map<ClauseStatus, Long> counts = new LinkedHashMap<>();
		for (ClauseStatus s : ClauseStatus.values()) {
			counts.put(s, chapters.stream().mapToLong((c) -> c.count(s)).sum());
		}
		List<ClauseView> leaves = chapters.stream().flatMap((c) -> c.leaves().stream()).toList();
		BigDecimal overall = leaves.isEmpty() ? BigDecimal.ZERO
				: leaves.stream()
					.map(ClauseView::score)
					.reduce(BigDecimal.ZERO, BigDecimal::add)
					.divide(BigDecimal.valueOf(leaves.size()), 1, java.math.RoundingMode.HALF_UP);
		List<ClauseView> gaps = leaves.stream()
			.filter((c) -> c.status() == ClauseStatus.NOT_MET || c.status() == ClauseStatus.PARTLY)
			.toList();
		Map<String, StoredValue> now = byCode(this.governance.period(p.label()));
		Map<String, StoredValue> before = byCode(this.governance.period(p.previous().label()));
		List<IndicatorLine> indicators = this.governance.indicators()
			.stream()
			.map((i) -> new IndicatorLine(i, now.get(i.code()), before.get(i.code())))
			.toList();
		return new Report(p.label(), p.from(), p.to().minusDays(1),
				LocalDate.ofInstant(this.clock.instant(), this.zone), me.displayName(), overall, counts, chapters, gaps,
				indicators, nonconformities(), audits(), this.clock.instant());
	}

	private static Map<String, StoredValue> byCode(List<StoredValue> values) {
		Map<String, StoredValue> out = new HashMap<>();
		values.forEach((v) -> out.put(v.code(), v));
		return out;
	}

	/**
	 * The internal audits completed in the last year, newest first, with their reports.
	 */
	private List<AuditLine> audits() {
		Instant now = this.clock.instant();
		List<WorkItems.Lifecycle> done = this.items
			.lifecycles(InternalAudits.TYPE, WorkItems.Milestone.CLOSED, now.minus(java.time.Duration.ofDays(366)),
					now.plusSeconds(1))
			.stream()
			.filter((l) -> l.category() == StateCategory.DONE)
			.toList();
		if (done.isEmpty()) {
			return List.of();
		}
		List<Long> ids = done.stream().map(WorkItems.Lifecycle::id).toList();
		Map<Long, WorkItemBrief> briefs = this.items.briefs(ids);
		Map<Long, Integer> findings = this.items.linkCounts(ids, org.yunwei.workitem.LinkKind.PARENT_OF,
				Nonconformities.TYPE);
		Map<Long, Map<String, Object>> rows = new HashMap<>();
		this.jdbc
			.queryForList("select item_id, clauses, report from gov_audit where item_id in (:ids)",
					new MapSqlParameterSource("ids", ids))
			.forEach((r) -> rows.put(((Number) r.get("item_id")).longValue(), r));
		List<AuditLine> out = new ArrayList<>();
		for (int i = done.size() - 1; i >= 0; i--) {
			WorkItems.Lifecycle l = done.get(i);
			Map<String, Object> r = rows.getOrDefault(l.id(), Map.of());
			WorkItemBrief b = briefs.get(l.id());
			out.add(new AuditLine(l.number(), (b == null) ? "" : b.title(),
					LocalDate.ofInstant(l.closedAt(), this.zone), InternalAudits.clauses((String) r.get("clauses")),
					(String) r.get("report"), findings.getOrDefault(l.id(), 0)));
		}
		return out;
	}

	/** The nonconformities still open, and those opened in the last year. */
	private List<NonconformityLine> nonconformities() {
		Instant now = this.clock.instant();
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select item_id, source, clause, effective from"
						+ " gov_nonconformity order by item_id desc fetch first 500 rows only",
				new MapSqlParameterSource());
		List<Long> ids = rows.stream().map((r) -> ((Number) r.get("item_id")).longValue()).toList();
		Map<Long, WorkItemBrief> briefs = this.items.briefs(ids);
		Map<Long, Instant> dues = this.items.dueOf(ids);
		Map<Long, WorkItems.Lifecycle> lifecycles = new HashMap<>();
		this.items
			.lifecycles(Nonconformities.TYPE, WorkItems.Milestone.OPENED, now.minus(java.time.Duration.ofDays(3650)),
					now.plusSeconds(1))
			.forEach((l) -> lifecycles.put(l.id(), l));
		Map<Long, String> owners = this.directory.userNames(
				briefs.values().stream().map(WorkItemBrief::assigneeId).filter(java.util.Objects::nonNull).toList());
		List<NonconformityLine> out = new ArrayList<>();
		for (Map<String, Object> r : rows) {
			long id = ((Number) r.get("item_id")).longValue();
			WorkItemBrief b = briefs.get(id);
			WorkItems.Lifecycle l = lifecycles.get(id);
			if (b == null || l == null) {
				continue;
			}
			boolean open = b.category() != StateCategory.DONE && b.category() != StateCategory.CANCELLED;
			if (!open && l.openedAt().isBefore(now.minus(java.time.Duration.ofDays(366)))) {
				continue;
			}
			out.add(new NonconformityLine(b.number(), b.title(), b.category(),
					NonconformityView.Source.valueOf((String) r.get("source")), (String) r.get("clause"),
					(b.assigneeId() == null) ? null : owners.get(b.assigneeId()), l.openedAt(), dues.get(id),
					(dues.get(id) == null) ? null : LocalDate.ofInstant(dues.get(id), this.zone),
					(Boolean) r.get("effective")));
		}
		return out;
	}

	/** The kinds of report. */
	public enum Kind {

		SELF_CHECK("governance/report-self-check"), REVIEW_PACK("governance/report-review-pack");

		private final String template;

		Kind(String template) {
			this.template = template;
		}

		public String messageKey() {
			return "report.kind." + name();
		}

	}

	/** A report as a PDF in a language. */
	public byte[] pdf(Kind kind, String period, Locale locale) {
		Report r = report(period);
		byte[] bytes = this.pdf.render(kind.template, Map.of("r", r, "kind", kind), locale);
		this.audit
			.record(AuditEvent.of(AuditAction.EXPORT, "report", kind.name(), kind.name() + " " + r.period() + " pdf"));
		return bytes;
	}

	/**
	 * A report as an Excel workbook in a language: its clauses, indicators and
	 * nonconformities.
	 */
	public byte[] workbook(Kind kind, String period, Locale locale) {
		Report r = report(period);
		boolean en = "en".equals(locale.getLanguage());
		List<String[]> clauses = new ArrayList<>();
		for (ClauseView chapter : r.chapters()) {
			addClauses(clauses, chapter, locale);
		}
		List<String[]> indicators = new ArrayList<>();
		for (IndicatorLine l : r.indicators()) {
			IndicatorView i = l.indicator();
			indicators.add(new String[] { i.code(), i.clause(), en ? i.nameEn() : i.nameZh(),
					text(i.method().messageKey(), locale), i.unit(), plain(i.target()),
					(l.value() == null) ? "" : plain(l.value().value()),
					(l.value() == null || l.value().denominator() == null) ? ""
							: l.value().numerator() + "/" + l.value().denominator(),
					(l.value() == null || l.value().met() == null) ? ""
							: text(l.value().met() ? "governance.met" : "governance.missed", locale),
					(l.previous() == null) ? "" : plain(l.previous().value()) });
		}
		List<String[]> ncs = new ArrayList<>();
		for (NonconformityLine n : r.nonconformities()) {
			ncs.add(new String[] { n.number(), n.title(), text(n.source().messageKey(), locale),
					(n.clause() == null) ? "" : n.clause(), text("workitem.category." + n.category(), locale),
					(n.owner() == null) ? "" : n.owner(), (n.dueOn() == null) ? "" : n.dueOn().toString(),
					(n.effective() == null) ? ""
							: text(n.effective() ? "nonconformity.effective" : "nonconformity.ineffective", locale) });
		}
		byte[] bytes = Spreadsheets.workbook(List.of(
				new Spreadsheets.Tab(text("report.sheet.clauses", locale),
						header(locale, "report.col.clause", "report.col.title", "report.col.status", "report.col.score",
								"report.col.gaps"),
						clauses),
				new Spreadsheets.Tab(text("report.sheet.indicators", locale),
						header(locale, "governance.code", "report.col.clause", "governance.name", "governance.method",
								"report.col.unit", "governance.target", "governance.value", "governance.fraction",
								"governance.status", "report.col.previous"),
						indicators),
				new Spreadsheets.Tab(text("report.sheet.nonconformities", locale),
						header(locale, "report.col.number", "report.col.title", "report.col.source",
								"report.col.clause", "report.col.state", "report.col.owner", "report.col.due",
								"nonconformity.verification"),
						ncs)));
		this.audit
			.record(AuditEvent.of(AuditAction.EXPORT, "report", kind.name(), kind.name() + " " + r.period() + " xlsx"));
		return bytes;
	}

	private void addClauses(List<String[]> rows, ClauseView c, Locale locale) {
		String gaps = String.join("；",
				c.rules()
					.stream()
					.filter((x) -> x.status() != ClauseStatus.MET)
					.map((x) -> x.rule().label(locale.getLanguage()))
					.toList());
		rows.add(new String[] { c.clause().number(), c.clause().title(locale.getLanguage()),
				text(c.status().messageKey(), locale), plain(c.score()), gaps });
		c.children().forEach((child) -> addClauses(rows, child, locale));
	}

	private String[] header(Locale locale, String... keys) {
		String[] out = new String[keys.length];
		for (int i = 0; i < keys.length; i++) {
			out[i] = text(keys[i], locale);
		}
		return out;
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private static String plain(BigDecimal v) {
		return (v == null) ? "" : v.stripTrailingZeros().toPlainString();
	}

}
