package org.yunwei.governance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.standard.Clause;
import org.yunwei.workitem.StateCategory;
import org.yunwei.workitem.WorkItemBrief;
import org.yunwei.workitem.WorkItemFormData;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * The annual internal audit programme (9.2 a): for a year, whether it is audited
 * centrally (one audit of everything) or rolling (several audits through the year), its
 * objectives and the objects in scope — leaf clauses of the standard, every one unless
 * narrowed. The programme's audits are the internal audits due in the year (raised in it
 * when they have no due date); for each object it shows whether a completed audit covered
 * it, an audit still to come plans it, or nothing does yet — so that within the cycle
 * every object is audited. Audits are planned from it for the objects not yet covered.
 * Its approval is that of the controlled plan document (evidence of 9.2).
 */
@Service
@Transactional
public class AuditProgrammes {

	/** How a programme audits its objects. */
	public enum Method {

		/** One audit covering every object. */
		CENTRAL,
		/** Several audits through the year, each covering part. */
		ROLLING;

		public String messageKey() {
			return "programme.method." + name();
		}

	}

	/** Where an object of the programme stands. */
	public enum Coverage {

		/** A completed audit covered it. */
		COVERED,
		/** An audit not yet completed covers it. */
		PLANNED,
		/** No audit of the year covers it. */
		UNCOVERED;

		public String messageKey() {
			return "programme.coverage." + name();
		}

	}

	/** An object in scope: a leaf clause, where it stands and the audits covering it. */
	public record ObjectView(String clause, String titleZh, String titleEn, Coverage coverage, List<String> audits) {

		public String title(String language) {
			return "en".equals(language) ? this.titleEn : this.titleZh;
		}

	}

	/** An audit of the programme. */
	public record AuditEntry(long itemId, String number, String title, StateCategory category, Instant dueAt,
			String auditorName, List<String> clauses) {
	}

	/** A year's programme with its coverage. */
	public record ProgrammeView(int year, boolean exists, int version, Method method, boolean wholeStandard,
			String objectives, Long ownerId, String ownerName, List<ObjectView> objects, List<AuditEntry> audits,
			long covered, long planned, long uncovered) {

		/**
		 * Share of the objects a completed audit covered, in percent (0 without objects).
		 */
		public double coveredShare() {
			return this.objects.isEmpty() ? 0 : Math.round(this.covered * 1000.0 / this.objects.size()) / 10.0;
		}

	}

	/** A programme as it is set. */
	public record Programme(Method method, List<String> clauses, String objectives, Long ownerId, Integer version) {
	}

	/** An audit planned from the programme. */
	public record PlannedAudit(String title, List<String> clauses, Long auditorId, Long departmentId,
			LocalDateTime dueAt) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final StandardCatalogue catalogue;

	private final WorkItems items;

	private final InternalAudits audits;

	private final Directory directory;

	private final AccessControl access;

	private final AuditTrail trail;

	private final Clock clock;

	private final ZoneId zone;

	private final org.yunwei.platform.Texts texts;

	AuditProgrammes(NamedParameterJdbcTemplate jdbc, StandardCatalogue catalogue, WorkItems items,
			InternalAudits audits, Directory directory, AccessControl access, AuditTrail trail, Clock clock,
			org.yunwei.platform.Texts texts, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.texts = texts;
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.items = items;
		this.audits = audits;
		this.directory = directory;
		this.access = access;
		this.trail = trail;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/** The current year where the department is. */
	public int currentYear() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone).getYear();
	}

	/**
	 * The objects a year's programme puts in scope, if the year has one (read by the
	 * system: indicator 9.2-1's denominator).
	 */
	@Transactional(readOnly = true)
	public Optional<List<Clause>> scope(int year) {
		List<String> stored = this.jdbc.queryForList(
				"select coalesce(clauses, '*') from gov_audit_programme" + " where programme_year = :year",
				new MapSqlParameterSource("year", year), String.class);
		return stored.isEmpty() ? Optional.empty() : Optional.of(objects(stored.get(0)));
	}

	private List<Clause> objects(String stored) {
		if (stored == null || "*".equals(stored)) {
			return this.catalogue.leaves();
		}
		Set<String> in = Set.copyOf(InternalAudits.clauses(stored));
		return this.catalogue.leaves().stream().filter((c) -> in.contains(c.number())).toList();
	}

	/** A year's programme and its coverage (an empty one when none is set). */
	@Transactional(readOnly = true)
	public ProgrammeView get(int year) {
		this.access.require(NonconformityConfiguration.AUDIT.readPermission());
		if (year < 2000 || year > 2100) {
			throw NotFound.of("auditProgramme", year);
		}
		return view(year);
	}

	/** A year's programme and its coverage (read by the system: the clause tree). */
	ProgrammeView view(int year) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select * from gov_audit_programme where programme_year = :year",
				new MapSqlParameterSource("year", year));
		Map<String, Object> r = rows.isEmpty() ? null : rows.get(0);
		List<Clause> objects = objects((r == null) ? null : (String) r.get("clauses"));
		List<AuditEntry> audits = auditsOf(year);
		Map<String, List<AuditEntry>> byClause = new HashMap<>();
		audits.stream()
			.filter((a) -> a.category() != StateCategory.CANCELLED)
			.forEach((a) -> a.clauses().forEach((c) -> byClause.computeIfAbsent(c, (k) -> new ArrayList<>()).add(a)));
		List<ObjectView> views = new ArrayList<>();
		long covered = 0;
		long planned = 0;
		for (Clause c : objects) {
			List<AuditEntry> of = byClause.getOrDefault(c.number(), List.of());
			Coverage coverage = of.stream().anyMatch((a) -> a.category() == StateCategory.DONE) ? Coverage.COVERED
					: of.isEmpty() ? Coverage.UNCOVERED : Coverage.PLANNED;
			covered += (coverage == Coverage.COVERED) ? 1 : 0;
			planned += (coverage == Coverage.PLANNED) ? 1 : 0;
			views.add(new ObjectView(c.number(), c.titleZh(), c.titleEn(), coverage,
					of.stream().map(AuditEntry::number).toList()));
		}
		Long owner = (r == null) ? null : ((Number) r.get("owner_id")).longValue();
		return new ProgrammeView(year, r != null, (r == null) ? 0 : ((Number) r.get("version")).intValue(),
				(r == null) ? Method.ROLLING : Method.valueOf((String) r.get("method")),
				r == null || r.get("clauses") == null, (r == null) ? null : (String) r.get("objectives"), owner,
				(owner == null) ? null : this.directory.userNames(List.of(owner)).get(owner), views, audits, covered,
				planned, views.size() - covered - planned);
	}

	/**
	 * The internal audits due in a year (raised in it when they have no due date), in the
	 * order they are due; those raised up to five years before it are looked at.
	 */
	private List<AuditEntry> auditsOf(int year) {
		Instant from = LocalDate.of(year, 1, 1).atStartOfDay(this.zone).toInstant();
		Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(this.zone).toInstant();
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select item_id, clauses, created_at from gov_audit where created_at >= :since and created_at < :to",
				new MapSqlParameterSource("since", Timestamps.utc(from.atZone(this.zone).minusYears(5).toInstant()))
					.addValue("to", Timestamps.utc(to)));
		List<Long> ids = rows.stream().map((r) -> ((Number) r.get("item_id")).longValue()).toList();
		Map<Long, WorkItemBrief> briefs = this.items.briefs(ids);
		Map<Long, Instant> dues = this.items.dueOf(ids);
		Map<Long, String> auditors = this.directory.userNames(briefs.values()
			.stream()
			.map(WorkItemBrief::assigneeId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList());
		List<AuditEntry> out = new ArrayList<>();
		for (Map<String, Object> r : rows) {
			long id = ((Number) r.get("item_id")).longValue();
			WorkItemBrief b = briefs.get(id);
			Instant created = Timestamps.instant(r.get("created_at"));
			Instant due = dues.get(id);
			Instant when = (due != null) ? due : created;
			if (b != null && !when.isBefore(from) && when.isBefore(to)) {
				out.add(new AuditEntry(id, b.number(), b.title(), b.category(), due,
						(b.assigneeId() == null) ? null : auditors.get(b.assigneeId()),
						InternalAudits.clauses((String) r.get("clauses"))));
			}
		}
		out.sort(Comparator.comparing((AuditEntry a) -> (a.dueAt() == null) ? Instant.MAX : a.dueAt())
			.thenComparing(AuditEntry::number));
		return out;
	}

	/** Sets a year's programme. */
	public ProgrammeView save(int year, Programme p) {
		this.access.require(Governance.MANAGE);
		ProgrammeView current = get(year);
		if (p.version() == null || p.version() != current.version()) {
			throw Conflict.staleVersion("auditProgramme", year);
		}
		List<Violation> v = new ArrayList<>();
		if (p.method() == null) {
			v.add(new Violation("method", "programme.error.method", List.of()));
		}
		if (p.ownerId() == null || !this.directory.isActiveUser(p.ownerId())) {
			v.add(new Violation("ownerId", "programme.error.owner", List.of()));
		}
		List<String> scope = (p.clauses() == null) ? List.of()
				: p.clauses().stream().map(String::strip).filter((c) -> !c.isEmpty()).distinct().toList();
		List<String> notLeaves = scope.stream().filter((c) -> !this.catalogue.isLeaf(c)).toList();
		if (!notLeaves.isEmpty()) {
			v.add(new Violation("clauses", "audit.error.clauses", List.of(String.join(", ", notLeaves))));
		}
		if (p.objectives() != null && p.objectives().length() > 4000) {
			v.add(new Violation("objectives", "nonconformity.error.tooLong", List.of(4000)));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		boolean whole = scope.isEmpty() || scope.size() == this.catalogue.leaves().size();
		MapSqlParameterSource params = new MapSqlParameterSource("year", year).addValue("method", p.method().name())
			.addValue("clauses",
					whole ? null
							: String.join(",",
									this.catalogue.leaves()
										.stream()
										.map(Clause::number)
										.filter(new LinkedHashSet<>(scope)::contains)
										.toList()))
			.addValue("objectives",
					(p.objectives() == null || p.objectives().isBlank()) ? null : p.objectives().strip())
			.addValue("owner", p.ownerId())
			.addValue("at", Timestamps.utc(this.clock.instant()));
		if (current.exists()) {
			this.jdbc
				.update("update gov_audit_programme set version = version + 1, method = :method, clauses = :clauses,"
						+ " objectives = :objectives, owner_id = :owner, updated_at = :at where programme_year = :year",
						params);
		}
		else {
			this.jdbc.update(
					"insert into gov_audit_programme (programme_year, version, method, clauses, objectives, owner_id,"
							+ " updated_at) values (:year, 1, :method, :clauses, :objectives, :owner, :at)",
					params);
		}
		this.trail.record(AuditEvent.of(current.exists() ? AuditAction.UPDATE : AuditAction.CREATE, "auditProgramme",
				year, year + " " + p.method().name() + " " + (whole ? this.catalogue.leaves().size() : scope.size())));
		return get(year);
	}

	/**
	 * Plans an audit of the programme: an internal audit due in the year, scoped to
	 * objects of the programme, with its auditor and the department audited.
	 */
	public WorkItemView plan(int year, PlannedAudit a) {
		ProgrammeView programme = get(year);
		if (!programme.exists()) {
			throw new Conflict("programme.error.none", String.valueOf(year));
		}
		List<Violation> v = new ArrayList<>();
		if (a.title() == null || a.title().isBlank()) {
			v.add(new Violation("title", "programme.error.title", List.of()));
		}
		Set<String> inScope = new java.util.HashSet<>(programme.objects().stream().map(ObjectView::clause).toList());
		List<String> clauses = (a.clauses() == null) ? List.of() : a.clauses().stream().distinct().toList();
		if (clauses.isEmpty() || !inScope.containsAll(clauses)) {
			v.add(new Violation("clauses", "programme.error.clauses", List.of()));
		}
		if (a.dueAt() == null || a.dueAt().getYear() != year) {
			v.add(new Violation("dueAt", "programme.error.due", List.of(String.valueOf(year))));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		WorkItemFormData f = new WorkItemFormData();
		f.setTitle(a.title().strip());
		f.setDescription(this.texts.stored("programme.auditDescription", String.valueOf(year)));
		f.setAssigneeId(a.auditorId());
		f.setDueAt(a.dueAt());
		WorkItemView item = this.items.create(InternalAudits.TYPE, f);
		InternalAudits.AuditView audit = this.audits.get(item.number());
		this.audits.save(item.number(), new InternalAudits.Plan(clauses, a.departmentId(), null, audit.version()));
		return this.items.get(item.number());
	}

}
