package org.yunwei.governance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.document.DocumentManagement;
import org.yunwei.document.DocumentType;
import org.yunwei.document.EffectiveDocument;
import org.yunwei.document.PlanKind;
import org.yunwei.governance.ClauseView.Assessment;
import org.yunwei.governance.ClauseView.Evidence;
import org.yunwei.governance.ClauseView.RuleResult;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.indicator.Indicators;
import org.yunwei.platform.standard.Clause;
import org.yunwei.schedule.RecurringActivityView;
import org.yunwei.schedule.RecurringWork;
import org.yunwei.workitem.WorkItems;
import org.yunwei.workitem.Workflows;

/**
 * Where the organisation stands against the standard, clause by clause, judged now from
 * the evidence rules of each leaf clause: the documents in effect, the workflows
 * configured and used, the recurring activities held, the latest stored indicator values
 * against target, and the assessors' judgements. A leaf is met when every rule is, not
 * met when none is, partly met in between and not assessed when nothing could be judged;
 * a parent is judged from its leaves. Each chapter's score is kept per day for the trend.
 */
@Service
@Transactional
public class Conformance {

	/** Recording an assessor's judgement of a clause. */
	public static final String ASSESS = "governance:assess";

	/** How long an assessment counts. */
	private static final int ASSESSMENT_MONTHS = 12;

	/** How far back a process must have been used, or an activity held. */
	private static final Duration RECENT = Duration.ofDays(90);

	private final StandardCatalogue catalogue;

	private final Governance governance;

	private final DocumentManagement documents;

	private final Workflows workflows;

	private final WorkItems items;

	private final RecurringWork recurring;

	private final Directory directory;

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessControl access;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	private final GovernanceRecords records;

	Conformance(StandardCatalogue catalogue, Governance governance, DocumentManagement documents, Workflows workflows,
			WorkItems items, RecurringWork recurring, Directory directory, NamedParameterJdbcTemplate jdbc,
			AccessControl access, AuditTrail audit, Clock clock, GovernanceRecords records,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.records = records;
		this.catalogue = catalogue;
		this.governance = governance;
		this.documents = documents;
		this.workflows = workflows;
		this.items = items;
		this.recurring = recurring;
		this.directory = directory;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/** The chapters 4–10 with every clause under them, judged now. */
	@Transactional(readOnly = true)
	public List<ClauseView> tree() {
		this.access.require(Indicators.READ);
		return judge();
	}

	/**
	 * One clause judged now, with its rules, requirements and assessments (or its
	 * children).
	 */
	@Transactional(readOnly = true)
	public ClauseView clause(String number) {
		this.access.require(Indicators.READ);
		Clause c = this.catalogue.clauses().get(number).orElseThrow(() -> NotFound.of("clause", number));
		return find(judge(), c.number());
	}

	private static ClauseView find(List<ClauseView> views, String number) {
		for (ClauseView v : views) {
			if (v.clause().number().equals(number)) {
				return v;
			}
			if (number.startsWith(v.clause().number() + ".")) {
				return find(v.children(), number);
			}
		}
		throw NotFound.of("clause", number);
	}

	/** Each chapter's score now (0–100). */
	@Transactional(readOnly = true)
	public Map<String, BigDecimal> scores() {
		this.access.require(Indicators.READ);
		Map<String, BigDecimal> out = new LinkedHashMap<>();
		judge().forEach((c) -> out.put(c.clause().number(), c.score()));
		return out;
	}

	/** A chapter's score on a day it was recorded. */
	public record Score(LocalDate on, String chapter, BigDecimal score) {
	}

	/** The recorded chapter scores from a day on, oldest first. */
	@Transactional(readOnly = true)
	public List<Score> trend(LocalDate from) {
		this.access.require(Indicators.READ);
		return this.jdbc.query(
				"select taken_on, chapter, score from gov_score where taken_on >= :from order by"
						+ " taken_on, chapter",
				new MapSqlParameterSource("from", from),
				(rs, n) -> new Score(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBigDecimal(3)));
	}

	/**
	 * Records today's chapter scores now (after computing indicators or an assessment).
	 */
	public void refreshScores() {
		this.access.require(Indicators.READ);
		recordScores();
	}

	/** Records today's chapter scores (replacing today's if taken already). */
	void recordScores() {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.zone);
		List<ClauseView> chapters = judge();
		this.jdbc.update("delete from gov_score where taken_on = :on", new MapSqlParameterSource("on", today));
		for (ClauseView c : chapters) {
			this.jdbc.update(
					"insert into gov_score (taken_on, chapter, score, met, partly, not_met, not_assessed)"
							+ " values (:on, :chapter, :score, :met, :partly, :notMet, :none)",
					new MapSqlParameterSource("on", today).addValue("chapter", c.clause().number())
						.addValue("score", c.score())
						.addValue("met", c.count(ClauseStatus.MET))
						.addValue("partly", c.count(ClauseStatus.PARTLY))
						.addValue("notMet", c.count(ClauseStatus.NOT_MET))
						.addValue("none", c.count(ClauseStatus.NOT_ASSESSED)));
		}
	}

	/**
	 * Records an assessor's judgement of a clause (a leaf) with the evidence they saw; it
	 * counts for a year for the clause's assessment rule.
	 */
	public ClauseView assess(String number, ClauseStatus verdict, String evidence) {
		CurrentUser me = this.access.require(ASSESS);
		Clause c = this.catalogue.clauses().get(number).orElseThrow(() -> NotFound.of("clause", number));
		List<ValidationFailed.Violation> v = new ArrayList<>();
		if (!this.catalogue.children(c.number()).isEmpty()) {
			v.add(new ValidationFailed.Violation("clause", "conformance.error.notLeaf", List.of(c.number())));
		}
		if (verdict == null || verdict == ClauseStatus.NOT_ASSESSED) {
			v.add(new ValidationFailed.Violation("verdict", "conformance.error.verdict", List.of()));
		}
		if (evidence == null || evidence.isBlank() || evidence.length() > 4000) {
			v.add(new ValidationFailed.Violation("evidence", "conformance.error.evidence", List.of()));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.zone);
		this.jdbc.update(
				"insert into gov_assessment (clause, verdict, evidence, assessor_id, assessed_on, valid_until,"
						+ " created_at) values (:clause, :verdict, :evidence, :me, :on, :until, :at)",
				new MapSqlParameterSource("clause", c.number()).addValue("verdict", verdict.name())
					.addValue("evidence", evidence.strip())
					.addValue("me", me.id())
					.addValue("on", today)
					.addValue("until", today.plusMonths(ASSESSMENT_MONTHS))
					.addValue("at", Timestamps.utc(this.clock.instant())));
		this.audit.record(
				AuditEvent.of(AuditAction.CREATE, "clauseAssessment", c.number(), c.number() + " " + verdict.name()));
		return find(judge(), c.number());
	}

	// ---- judging

	/** What every rule needs, read once per judgement. */
	private record Facts(List<EffectiveDocument> documents, Map<String, IndicatorView> indicators,
			Map<String, List<Assessment>> assessments, Map<String, RuleResult> workflows,
			Map<String, RuleResult> recurring, Map<String, RuleResult> records, LocalDate today) {
	}

	private List<ClauseView> judge() {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.zone);
		Map<String, IndicatorView> indicators = new HashMap<>();
		this.governance.latest().forEach((i) -> indicators.put(i.code(), i));
		Facts facts = new Facts(this.documents.inEffect(), indicators, assessments(), new HashMap<>(), new HashMap<>(),
				new HashMap<>(), today);
		return this.catalogue.children(null).stream().map((c) -> view(c, facts)).toList();
	}

	private ClauseView view(Clause c, Facts facts) {
		List<Clause> children = this.catalogue.children(c.number());
		List<Assessment> assessments = facts.assessments().getOrDefault(c.number(), List.of());
		if (!children.isEmpty()) {
			List<ClauseView> views = children.stream().map((child) -> view(child, facts)).toList();
			List<ClauseView> leaves = views.stream().flatMap((v) -> v.leaves().stream()).toList();
			return new ClauseView(c, combine(leaves.stream().map(ClauseView::status).toList()), mean(leaves), List.of(),
					this.catalogue.requirementsOf(c.number()), assessments, views);
		}
		List<RuleResult> results = this.catalogue.rulesOf(c.number()).stream().map((r) -> result(r, facts)).toList();
		List<ClauseStatus> statuses = results.stream().map(RuleResult::status).toList();
		double score = statuses.isEmpty() ? 0
				: statuses.stream().mapToDouble(ClauseStatus::weight).sum() * 100 / statuses.size();
		return new ClauseView(c, combine(statuses), BigDecimal.valueOf(score).setScale(1, RoundingMode.HALF_UP),
				results, this.catalogue.requirementsOf(c.number()), assessments, List.of());
	}

	/**
	 * Met when all are; not assessed when none could be judged; not met when none is met;
	 * else partly.
	 */
	private static ClauseStatus combine(List<ClauseStatus> statuses) {
		if (statuses.isEmpty() || statuses.stream().allMatch((s) -> s == ClauseStatus.NOT_ASSESSED)) {
			return ClauseStatus.NOT_ASSESSED;
		}
		if (statuses.stream().allMatch((s) -> s == ClauseStatus.MET)) {
			return ClauseStatus.MET;
		}
		if (statuses.stream().noneMatch((s) -> s == ClauseStatus.MET || s == ClauseStatus.PARTLY)) {
			return ClauseStatus.NOT_MET;
		}
		return ClauseStatus.PARTLY;
	}

	private static BigDecimal mean(List<ClauseView> leaves) {
		return leaves.isEmpty() ? BigDecimal.ZERO
				: leaves.stream()
					.map(ClauseView::score)
					.reduce(BigDecimal.ZERO, BigDecimal::add)
					.divide(BigDecimal.valueOf(leaves.size()), 1, RoundingMode.HALF_UP);
	}

	private RuleResult result(EvidenceRule rule, Facts facts) {
		return switch (rule.kind()) {
			case DOC -> documents(rule,
					facts.documents()
						.stream()
						.filter((d) -> d.type().name().equals(rule.argument()) && d.clauses().contains(rule.clause()))
						.toList());
			case PLAN -> documents(rule, facts.documents()
				.stream()
				.filter((d) -> d.type() == DocumentType.PLAN && d.planKind() == PlanKind.valueOf(rule.argument()))
				.toList());
			case WORKFLOW -> rebased(rule, facts.workflows().computeIfAbsent(rule.argument(), (t) -> workflow(rule)));
			case RECURRING -> rebased(rule, facts.recurring().computeIfAbsent(rule.argument(), (t) -> recurring(rule)));
			case INDICATOR -> indicator(rule, facts.indicators().get(rule.argument()));
			case ASSESS -> assessed(rule, facts.assessments().getOrDefault(rule.clause(), List.of()), facts.today());
			case RECORD ->
				rebased(rule, facts.records().computeIfAbsent(rule.argument(), (t) -> this.records.judge(rule)));
		};
	}

	private static RuleResult rebased(EvidenceRule rule, RuleResult shared) {
		return new RuleResult(rule, shared.status(), shared.evidence(), shared.note(), shared.noteArgs());
	}

	private static RuleResult documents(EvidenceRule rule, List<EffectiveDocument> found) {
		List<Evidence> evidence = found.stream()
			.map((d) -> new Evidence(d.number() + " v" + d.label() + " " + d.title(), "/documents/" + d.number()))
			.toList();
		return found.isEmpty()
				? new RuleResult(rule, ClauseStatus.NOT_MET, evidence, "conformance.note.noDocument",
						List.of(rule.argument()))
				: new RuleResult(rule, ClauseStatus.MET, evidence, "conformance.note.documents", List.of(found.size()));
	}

	private RuleResult workflow(EvidenceRule rule) {
		String type = rule.argument();
		java.util.Optional<Integer> version = this.workflows.activeVersion(type);
		if (version.isEmpty()) {
			return new RuleResult(rule, ClauseStatus.NOT_MET, List.of(), "conformance.note.noWorkflow", List.of(type));
		}
		Instant now = this.clock.instant();
		long used = this.items.countOpened(type, now.minus(RECENT), now);
		List<Evidence> evidence = List.of(new Evidence(type + " v" + version.get(), "/admin/workflows/" + type),
				new Evidence(type + " × " + used, "/work/" + type));
		return new RuleResult(rule, (used > 0) ? ClauseStatus.MET : ClauseStatus.PARTLY, evidence,
				(used > 0) ? "conformance.note.workflowUsed" : "conformance.note.workflowUnused",
				List.of(version.get(), used, RECENT.toDays()));
	}

	private RuleResult recurring(EvidenceRule rule) {
		List<RecurringActivityView> activities = this.recurring.activeOfType(rule.argument());
		if (activities.isEmpty()) {
			return new RuleResult(rule, ClauseStatus.NOT_MET, List.of(), "conformance.note.noActivity",
					List.of(rule.argument()));
		}
		Instant now = this.clock.instant();
		long held = 0;
		long failed = 0;
		List<Evidence> evidence = new ArrayList<>();
		for (RecurringActivityView a : activities) {
			evidence.add(new Evidence(a.title(), "/schedules/" + a.id()));
			for (RecurringActivityView.Occurrence o : a.occurrences()) {
				if (o.occursAt().isAfter(now.minus(RECENT)) && !o.occursAt().isAfter(now)) {
					held += (o.error() == null) ? 1 : 0;
					failed += (o.error() != null) ? 1 : 0;
				}
			}
		}
		boolean scheduled = activities.stream().anyMatch((a) -> !a.next().isEmpty());
		ClauseStatus status = (failed == 0 && (held > 0 || scheduled)) ? ClauseStatus.MET
				: (held > 0) ? ClauseStatus.PARTLY : ClauseStatus.NOT_MET;
		return new RuleResult(rule, status, evidence, "conformance.note.activities",
				List.of(activities.size(), held, failed, RECENT.toDays()));
	}

	private static RuleResult indicator(EvidenceRule rule, IndicatorView i) {
		if (i == null || i.latest() == null) {
			return new RuleResult(rule, ClauseStatus.NOT_ASSESSED, List.of(), "conformance.note.noValue",
					List.of(rule.argument()));
		}
		IndicatorView.Latest v = i.latest();
		List<Evidence> evidence = List.of(new Evidence(
				i.code() + " " + v.period() + ": "
						+ ((v.value() == null) ? "—" : v.value().stripTrailingZeros().toPlainString()) + " " + i.unit(),
				"/governance/indicators/" + i.code() + "?period=" + v.period()));
		ClauseStatus status = (v.met() == null) ? ClauseStatus.NOT_ASSESSED
				: v.met() ? ClauseStatus.MET : ClauseStatus.NOT_MET;
		return new RuleResult(rule, status, evidence,
				(v.met() == null) ? "conformance.note.noData"
						: v.met() ? "conformance.note.atTarget" : "conformance.note.belowTarget",
				List.of(v.period(), i.target().stripTrailingZeros().toPlainString()));
	}

	private static RuleResult assessed(EvidenceRule rule, List<Assessment> assessments, LocalDate today) {
		Assessment valid = assessments.stream().filter((a) -> !a.validUntil().isBefore(today)).findFirst().orElse(null);
		if (valid == null) {
			return new RuleResult(rule, ClauseStatus.NOT_ASSESSED, List.of(), "conformance.note.notAssessed",
					List.of());
		}
		return new RuleResult(rule, valid.verdict(), List.of(new Evidence(valid.evidence(), null)),
				"conformance.note.assessed", List.of(valid.assessor(), valid.assessedOn().toString()));
	}

	/** Every assessment by clause, newest first. */
	private Map<String, List<Assessment>> assessments() {
		List<Object[]> rows = this.jdbc.query(
				"select id, clause, verdict, evidence, assessor_id, assessed_on,"
						+ " valid_until from gov_assessment order by assessed_on desc, id desc",
				new MapSqlParameterSource(),
				(rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getLong(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class) });
		Map<Long, String> names = this.directory
			.userNames(rows.stream().map((r) -> (Long) r[4]).collect(java.util.stream.Collectors.toSet()));
		Map<String, List<Assessment>> out = new HashMap<>();
		for (Object[] r : rows) {
			out.computeIfAbsent((String) r[1], (k) -> new ArrayList<>())
				.add(new Assessment((Long) r[0], ClauseStatus.valueOf((String) r[2]), (String) r[3],
						names.get((Long) r[4]), (LocalDate) r[5], (LocalDate) r[6]));
		}
		return out;
	}

}
