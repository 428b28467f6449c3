package org.yunwei.governance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.governance.ClauseView.Evidence;
import org.yunwei.governance.ClauseView.RuleResult;
import org.yunwei.platform.Timestamps;
import org.yunwei.workitem.StateCategory;
import org.yunwei.workitem.WorkItems;

/**
 * Evidence rules of kind {@code RECORD}: the governance module's own records kept within
 * their cycle (read by the system when the clause tree is judged).
 * <ul>
 * <li>{@code programme} — this year's internal audit programme, every object audited or
 * planned (9.2 a): met; some not covered: partly; no programme: not met.</li>
 * <li>{@code audit} — internal audits completed with their formal report in the last year
 * (9.2 e).</li>
 * <li>{@code survey} — a satisfaction survey completed with its report in the last year
 * (9.2 c): met; one under way: partly.</li>
 * <li>{@code compliancePost} — a compliance post in place (9.3 b).</li>
 * <li>{@code complianceTraining} — compliance-risk training held in the last year (9.3
 * d).</li>
 * </ul>
 */
@Component
@Transactional(readOnly = true)
class GovernanceRecords {

	/** The cycle within which a recurring governance record counts. */
	static final int CYCLE_DAYS = 365;

	private final NamedParameterJdbcTemplate jdbc;

	private final AuditProgrammes programmes;

	private final WorkItems items;

	private final Clock clock;

	private final ZoneId zone;

	GovernanceRecords(NamedParameterJdbcTemplate jdbc, AuditProgrammes programmes, WorkItems items, Clock clock,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.programmes = programmes;
		this.items = items;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	RuleResult judge(EvidenceRule rule) {
		return switch (rule.argument()) {
			case "programme" -> programme(rule);
			case "audit" -> completed(rule, InternalAudits.TYPE, "gov_audit", "/work/audit/");
			case "survey" -> completed(rule, Surveys.TYPE, "gov_survey", "/work/survey/");
			case "compliancePost" -> posts(rule);
			case "complianceTraining" -> trainings(rule);
			default -> new RuleResult(rule, ClauseStatus.NOT_ASSESSED, List.of(), "conformance.note.unknownRecord",
					List.of(rule.argument()));
		};
	}

	private RuleResult programme(EvidenceRule rule) {
		int year = this.programmes.currentYear();
		AuditProgrammes.ProgrammeView p = this.programmes.view(year);
		if (!p.exists()) {
			return new RuleResult(rule, ClauseStatus.NOT_MET, List.of(), "conformance.note.noProgramme",
					List.of(String.valueOf(year)));
		}
		List<Evidence> evidence = List
			.of(new Evidence(year + " · " + p.objects().size(), "/governance/audit-programme?year=" + year));
		return new RuleResult(rule, (p.uncovered() == 0) ? ClauseStatus.MET : ClauseStatus.PARTLY, evidence,
				"conformance.note.programme",
				List.of(String.valueOf(year), p.objects().size(), p.covered(), p.planned(), p.uncovered()));
	}

	/**
	 * Records of a type completed (DONE) with their report in the cycle; met when there
	 * is one, partly when one is under way.
	 */
	private RuleResult completed(EvidenceRule rule, String type, String table, String path) {
		Instant now = this.clock.instant();
		Instant since = now.minus(java.time.Duration.ofDays(CYCLE_DAYS));
		List<WorkItems.ClosedRecord> closed = this.items.closedBetween(type, since, now.plusSeconds(1));
		java.util.Set<Long> reported = new java.util.HashSet<>();
		if (!closed.isEmpty()) {
			reported.addAll(this.jdbc.queryForList(
					"select item_id from " + table + " where report is not null and item_id in (:ids)",
					new MapSqlParameterSource("ids", closed.stream().map(WorkItems.ClosedRecord::id).toList()),
					Long.class));
		}
		List<Evidence> evidence = closed.stream()
			.filter((c) -> reported.contains(c.id()))
			.map((c) -> new Evidence(c.number() + " " + c.title(), path + c.number()))
			.toList();
		if (!evidence.isEmpty()) {
			return new RuleResult(rule, ClauseStatus.MET, evidence, "conformance.note.completed",
					List.of(evidence.size(), CYCLE_DAYS));
		}
		List<Long> raised = this.jdbc.queryForList(
				"select item_id from " + table + " where created_at >= :since order by created_at desc",
				new MapSqlParameterSource("since", Timestamps.utc(since)), Long.class);
		Map<Long, org.yunwei.workitem.WorkItemBrief> briefs = this.items.briefs(raised);
		List<Evidence> underway = raised.stream()
			.map(briefs::get)
			.filter((b) -> b != null && !b.category().isEnd())
			.map((b) -> new Evidence(b.number() + " " + b.title(), path + b.number()))
			.toList();
		return underway.isEmpty()
				? new RuleResult(rule, ClauseStatus.NOT_MET, List.of(), "conformance.note.noneCompleted",
						List.of(CYCLE_DAYS))
				: new RuleResult(rule, ClauseStatus.PARTLY, underway, "conformance.note.underway",
						List.of(underway.size(), CYCLE_DAYS));
	}

	private RuleResult posts(EvidenceRule rule) {
		List<String> posts = this.jdbc.queryForList(
				"select name from gov_compliance_post where active = true order by name", new MapSqlParameterSource(),
				String.class);
		List<Evidence> evidence = posts.stream().map((n) -> new Evidence(n, "/governance/compliance")).toList();
		return posts.isEmpty()
				? new RuleResult(rule, ClauseStatus.NOT_MET, List.of(), "conformance.note.noPost", List.of())
				: new RuleResult(rule, ClauseStatus.MET, evidence, "conformance.note.posts", List.of(posts.size()));
	}

	private RuleResult trainings(EvidenceRule rule) {
		LocalDate since = LocalDate.ofInstant(this.clock.instant(), this.zone).minusDays(CYCLE_DAYS);
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select title, held_on from gov_training where held_on > :since order by held_on desc",
				new MapSqlParameterSource("since", since));
		List<Evidence> evidence = rows.stream()
			.map((r) -> new Evidence(r.get("held_on") + " " + r.get("title"), "/governance/compliance"))
			.toList();
		return rows.isEmpty()
				? new RuleResult(rule, ClauseStatus.NOT_MET, List.of(), "conformance.note.noTraining",
						List.of(CYCLE_DAYS))
				: new RuleResult(rule, ClauseStatus.MET, evidence, "conformance.note.trainings",
						List.of(rows.size(), CYCLE_DAYS));
	}

}
