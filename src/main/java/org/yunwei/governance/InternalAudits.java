package org.yunwei.governance;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.identity.Directory;
import org.yunwei.workitem.ChecklistPoint;
import org.yunwei.workitem.Checklists;
import org.yunwei.workitem.LinkKind;
import org.yunwei.workitem.TransitionContext;
import org.yunwei.workitem.WorkItemBrief;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * Internal audits (9.2): a work item of type {@code audit} with its scope — the leaf
 * clauses it covers — and the department audited. Starting it ({@code auditScoped}) gives
 * it a checklist generated from the requirements of the clauses in scope, each point
 * recorded with the evidence seen; it goes to reporting once every point is
 * ({@code auditChecked}) and completes with its report written ({@code auditReported}),
 * the input of management review. Its findings are nonconformities of source
 * {@code AUDIT} linked from it. The clauses covered by the audits completed in a year are
 * indicator 9.2-1.
 */
@Service
@Transactional
public class InternalAudits {

	public static final String TYPE = "audit";

	private final NamedParameterJdbcTemplate jdbc;

	private final WorkItems items;

	private final Checklists checklists;

	private final Nonconformities nonconformities;

	private final StandardCatalogue catalogue;

	private final Directory directory;

	private final org.yunwei.platform.Texts texts;

	private final Clock clock;

	private final org.yunwei.platform.web.PdfDocuments pdf;

	private final org.yunwei.platform.identity.AccessControl access;

	private final org.yunwei.platform.audit.AuditTrail trail;

	private final java.time.ZoneId zone;

	InternalAudits(NamedParameterJdbcTemplate jdbc, WorkItems items, Checklists checklists,
			Nonconformities nonconformities, StandardCatalogue catalogue, Directory directory,
			org.yunwei.platform.Texts texts, Clock clock, org.yunwei.platform.web.PdfDocuments pdf,
			org.yunwei.platform.audit.AuditTrail trail, org.yunwei.platform.identity.AccessControl access,
			@org.springframework.beans.factory.annotation.Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.access = access;
		this.pdf = pdf;
		this.trail = trail;
		this.zone = java.time.ZoneId.of(zone);
		this.jdbc = jdbc;
		this.items = items;
		this.checklists = checklists;
		this.nonconformities = nonconformities;
		this.catalogue = catalogue;
		this.directory = directory;
		this.texts = texts;
		this.clock = clock;
	}

	/** An audit's record beside its work item. */
	public record AuditView(long itemId, String number, int version, List<String> clauses, Long departmentId,
			String departmentName, String report, List<WorkItemBrief> findings) {
	}

	@Transactional(readOnly = true)
	public AuditView get(String number) {
		WorkItemView item = this.items.get(number);
		if (!TYPE.equals(item.type())) {
			throw NotFound.of("internalAudit", number);
		}
		return view(item);
	}

	private AuditView view(WorkItemView item) {
		List<Map<String, Object>> rows = this.jdbc.queryForList("select * from gov_audit where item_id = :id",
				new MapSqlParameterSource("id", item.id()));
		Map<String, Object> r = rows.isEmpty() ? Map.of("version", 0) : rows.get(0);
		Long department = (r.get("department_id") == null) ? null : ((Number) r.get("department_id")).longValue();
		return new AuditView(item.id(), item.number(), ((Number) r.get("version")).intValue(),
				clauses((String) r.get("clauses")), department,
				(department == null) ? null : this.directory.departmentNames(List.of(department)).get(department),
				(String) r.get("report"), this.items.children(item.id(), Nonconformities.TYPE));
	}

	/** A finding as the audit report lists it. */
	public record FindingLine(String number, String title, String clause, org.yunwei.workitem.StateCategory category,
			String owner, java.time.LocalDate dueOn) {
	}

	/** What the formal audit report shows. */
	public record AuditReport(WorkItemView item, AuditView audit, String auditor,
			List<org.yunwei.platform.standard.Clause> clauses, List<Requirement> requirements,
			List<ChecklistPoint> points, long conforming, long abnormal, List<FindingLine> findings,
			java.time.LocalDate raisedOn, java.time.LocalDate completedOn, java.time.LocalDate generatedOn,
			String generatedBy, boolean finalReport) {
	}

	/**
	 * The formal audit report (9.2 e) — scope, criteria, checklist results with the
	 * evidence seen, findings and their actions, conclusions — as it stands; final once
	 * the audit is completed.
	 */
	@Transactional(readOnly = true)
	public AuditReport report(String number) {
		WorkItemView item = this.items.get(number);
		AuditView audit = get(number);
		List<ChecklistPoint> points = this.checklists.points(item.id());
		List<Long> findingIds = audit.findings().stream().map(WorkItemBrief::id).toList();
		Map<Long, java.time.Instant> dues = this.items.dueOf(findingIds);
		Map<Long, String> owners = this.directory.userNames(audit.findings()
			.stream()
			.map(WorkItemBrief::assigneeId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList());
		Map<Long, String> clauseOf = new java.util.HashMap<>();
		if (!findingIds.isEmpty()) {
			this.jdbc.query("select item_id, clause from gov_nonconformity where item_id in (:ids)",
					new MapSqlParameterSource("ids", findingIds), (rs) -> {
						clauseOf.put(rs.getLong(1), rs.getString(2));
					});
		}
		List<FindingLine> findings = audit.findings()
			.stream()
			.map((b) -> new FindingLine(b.number(), b.title(), clauseOf.get(b.id()), b.category(),
					(b.assigneeId() == null) ? null : owners.get(b.assigneeId()), day(dues.get(b.id()))))
			.toList();
		return new AuditReport(item, audit, (item.assignee() == null) ? null : item.assignee().name(),
				audit.clauses()
					.stream()
					.map((c) -> this.catalogue.clauses().get(c).orElse(null))
					.filter(java.util.Objects::nonNull)
					.toList(),
				audit.clauses().stream().flatMap((c) -> this.catalogue.requirementsOf(c).stream()).toList(), points,
				points.stream().filter((p) -> p.done() && !p.anomaly()).count(),
				points.stream().filter(ChecklistPoint::anomaly).count(), findings, day(item.openedAt()),
				(item.stateCategory() == org.yunwei.workitem.StateCategory.DONE) ? day(item.closedAt()) : null,
				day(this.clock.instant()), this.access.user().displayName(),
				item.stateCategory() == org.yunwei.workitem.StateCategory.DONE);
	}

	/** The audit report as a PDF in a language. */
	@Transactional(readOnly = true)
	public byte[] reportPdf(String number, java.util.Locale locale) {
		AuditReport r = report(number);
		byte[] bytes = this.pdf.render("governance/report-audit", Map.of("r", r), locale);
		this.trail.record(org.yunwei.platform.audit.AuditEvent.of(org.yunwei.platform.audit.AuditAction.EXPORT,
				"internalAudit", r.item().number(), r.item().number() + " report pdf"));
		return bytes;
	}

	private java.time.LocalDate day(java.time.Instant at) {
		return (at == null) ? null : java.time.LocalDate.ofInstant(at, this.zone);
	}

	/** An audit has its record from the moment it is raised. */
	@org.springframework.context.event.EventListener
	void raised(org.yunwei.workitem.WorkItemCreated event) {
		if (TYPE.equals(event.type())) {
			this.jdbc.update("insert into gov_audit (item_id, version, created_at) values (:id, 0, :at)",
					new MapSqlParameterSource("id", event.id()).addValue("at", Timestamps.utc(this.clock.instant())));
		}
	}

	static List<String> clauses(String stored) {
		return (stored == null || stored.isBlank()) ? List.of() : Arrays.asList(stored.split(","));
	}

	/** The scope and report as they are written. */
	public record Plan(List<String> clauses, Long departmentId, String report, Integer version) {
	}

	/** Saves the scope (only before the audit starts), the department and the report. */
	public AuditView save(String number, Plan plan) {
		WorkItemView item = this.items.get(number);
		AuditView current = get(number);
		if (!this.items.canWork(item.id())) {
			throw org.yunwei.platform.Forbidden.missing("improvement:write");
		}
		if (plan.version() == null || plan.version() != current.version()) {
			throw Conflict.staleVersion("internalAudit", number);
		}
		List<String> scope = (plan.clauses() == null) ? List.of()
				: plan.clauses().stream().map(String::strip).filter((c) -> !c.isEmpty()).distinct().toList();
		List<String> notLeaves = scope.stream().filter((c) -> !this.catalogue.isLeaf(c)).toList();
		if (!notLeaves.isEmpty()) {
			throw new ValidationFailed("clauses", "audit.error.clauses", String.join(", ", notLeaves));
		}
		boolean started = !"planned".equals(item.state());
		if (started && !scope.equals(current.clauses())) {
			throw new Conflict("audit.error.scopeFixed", number);
		}
		if (plan.report() != null && plan.report().length() > 8000) {
			throw new ValidationFailed("report", "nonconformity.error.tooLong", 8000);
		}
		this.jdbc.update(
				"update gov_audit set version = version + 1, clauses = :clauses, department_id = :department,"
						+ " report = :report where item_id = :id",
				new MapSqlParameterSource("id", item.id())
					.addValue("clauses", scope.isEmpty() ? null : String.join(",", scope))
					.addValue("department", plan.departmentId())
					.addValue("report",
							(plan.report() == null || plan.report().isBlank()) ? null : plan.report().strip()));
		return get(number);
	}

	/**
	 * Raises a finding: a nonconformity of source AUDIT of a clause in scope, linked from
	 * the audit.
	 */
	public WorkItemBrief finding(String number, String title, String clause, Long departmentId, Long ownerId,
			LocalDateTime dueAt) {
		WorkItemView item = this.items.get(number);
		AuditView audit = get(number);
		List<Violation> v = new ArrayList<>();
		if (title == null || title.isBlank()) {
			v.add(new Violation("title", "review.error.problemTitle", List.of()));
		}
		if (clause == null || !audit.clauses().contains(clause)) {
			v.add(new Violation("clause", "audit.error.findingClause", List.of(String.valueOf(clause))));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		NonconformityView nc = this.nonconformities.register(new Nonconformities.Registration(title.strip(),
				this.texts.stored("audit.findingOf", item.number(), item.title()), NonconformityView.Source.AUDIT,
				clause, (departmentId != null) ? departmentId : audit.departmentId(), ownerId, dueAt));
		this.items.link(item.id(), LinkKind.PARENT_OF, nc.number());
		return this.items.brief(nc.itemId()).orElseThrow();
	}

	/**
	 * {@code auditScoped}: a scope is set; the checklist is generated from the
	 * requirements of the clauses in scope.
	 */
	void scoped(TransitionContext context) {
		AuditView audit = view(context.item());
		if (audit.clauses().isEmpty()) {
			throw new Conflict("audit.error.noScope", audit.number());
		}
		List<String> points = new ArrayList<>();
		for (String clause : audit.clauses()) {
			for (Requirement r : this.catalogue.requirementsOf(clause)) {
				String line = r.reference() + " " + r.summaryZh();
				points.add((line.length() > 500) ? line.substring(0, 500) : line);
			}
			if (this.catalogue.requirementsOf(clause).isEmpty()) {
				points.add(clause + " " + this.catalogue.clauses().get(clause).orElseThrow().titleZh());
			}
		}
		if (points.size() > Checklists.MAX_POINTS) {
			throw new Conflict("audit.error.tooBroad", Checklists.MAX_POINTS);
		}
		this.checklists.seed(audit.itemId(), points);
	}

	/** {@code auditChecked}: every checklist point recorded. */
	void checked(TransitionContext context) {
		List<ChecklistPoint> points = this.checklists.points(context.item().id());
		long open = points.stream().filter((p) -> !p.done() && !p.anomaly()).count();
		if (open > 0) {
			throw new Conflict("audit.error.pointsOpen", open);
		}
	}

	/**
	 * {@code selfCheckScoped}: a compliance self-check (9.3) checks the work against
	 * every policy and procedure in effect — one checklist point each.
	 */
	void selfCheckScoped(TransitionContext context, java.util.List<org.yunwei.document.EffectiveDocument> documents) {
		List<String> points = documents.stream()
			.filter((d) -> d.type() == org.yunwei.document.DocumentType.POLICY
					|| d.type() == org.yunwei.document.DocumentType.PROCEDURE)
			.map((d) -> this.texts.stored("selfcheck.point", d.title(), d.number()))
			.limit(Checklists.MAX_POINTS)
			.toList();
		if (points.isEmpty()) {
			throw new Conflict("selfcheck.error.noPolicies");
		}
		this.checklists.seed(context.item().id(), points);
	}

	/** {@code auditReported}: the report is written. */
	void reported(TransitionContext context) {
		AuditView audit = view(context.item());
		if (audit.report() == null || audit.report().isBlank()) {
			throw new Conflict("audit.error.noReport", audit.number());
		}
	}

}
