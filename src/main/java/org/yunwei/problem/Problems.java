package org.yunwei.problem;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.incident.Incidents;
import org.yunwei.platform.Conflict;
import org.yunwei.platform.Forbidden;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.workitem.LinkKind;
import org.yunwei.workitem.WorkItemBrief;
import org.yunwei.workitem.WorkItemFormData;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * Problem management (8.3.4): a problem is raised from one or many incidents (each
 * incident is linked {@code CAUSED_BY} the problem, and the problem starts in the first
 * incident's group) or from the recurring-incident view; its record holds the root-cause
 * analysis (cause category, five whys, root cause), the workaround — published to the
 * known-error list the agents consult, which the workflow's {@code problemWorkaround}
 * guard requires before "known error" — and the change that fixes it. Its workflow ends
 * with a closure review by a manager.
 */
@Service("problemManagement")
@Transactional
public class Problems {

	static final String TYPE = "problem";

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessControl access;

	private final WorkItems items;

	private final Incidents incidents;

	private final Directory directory;

	private final AuditTrail audit;

	private final org.yunwei.platform.Texts texts;

	private final Clock clock;

	Problems(NamedParameterJdbcTemplate jdbc, AccessControl access, WorkItems items, Incidents incidents,
			Directory directory, AuditTrail audit, org.yunwei.platform.Texts texts, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.items = items;
		this.incidents = incidents;
		this.directory = directory;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
	}

	/** A problem's analysis as its page and REST show it. */
	public record Analysis(long itemId, int version, CauseCategory causeCategory, List<String> whys, String rootCause,
			String workaround, boolean knownError, String publishedBy, Instant publishedAt, String changeRef) {
	}

	/** A group of similar recent incidents not yet tied to a problem: a proposal. */
	public record Proposal(long categoryId, String category, List<WorkItemBrief> incidents) {
	}

	/** An entry of the known-error list. */
	public record KnownError(long itemId, String number, String title, String state, String workaround,
			String rootCause, Instant publishedAt) {
	}

	/**
	 * Raises a problem from one or many incidents: its title (or the first incident's),
	 * the incidents listed in its description, each linked {@code CAUSED_BY} it.
	 */
	public WorkItemView raise(List<String> incidentNumbers, String title) {
		if (incidentNumbers == null || incidentNumbers.isEmpty()) {
			throw new ValidationFailed("incidents", "problem.error.incidentsRequired");
		}
		List<WorkItemView> from = new ArrayList<>();
		for (String n : new LinkedHashSet<>(incidentNumbers)) {
			WorkItemView i = this.items.get(n.strip());
			if (!"incident".equals(i.type())) {
				throw new ValidationFailed("incidents", "problem.error.notIncident", i.number());
			}
			from.add(i);
		}
		WorkItemFormData f = new WorkItemFormData();
		f.setTitle((title == null || title.isBlank()) ? from.get(0).title() : title.strip());
		StringBuilder d = new StringBuilder(this.texts.shown("problem.raisedFrom")).append('\n');
		from.forEach((i) -> d.append("- ").append(i.number()).append(' ').append(i.title()).append('\n'));
		f.setDescription(d.toString().strip());
		f.setServiceId(from.get(0).serviceId());
		// the group of its first incident, until it is given to the group that analyses
		// it
		f.setGroupId((from.get(0).group() == null) ? null : from.get(0).group().id());
		f.setImpact(from.stream().mapToInt(WorkItemView::impact).min().orElse(3));
		f.setUrgency(3);
		WorkItemView problem = this.items.create(TYPE, f);
		for (WorkItemView i : from) {
			this.items.link(i.id(), LinkKind.CAUSED_BY, problem.number());
		}
		ensureRow(problem.id());
		return problem;
	}

	/** Ties one more incident to a problem. */
	public void attachIncident(String problemNumber, String incidentNumber) {
		WorkItemView problem = problem(problemNumber);
		WorkItemView incident = this.items.get(incidentNumber.strip());
		if (!"incident".equals(incident.type())) {
			throw new ValidationFailed("incident", "problem.error.notIncident", incident.number());
		}
		this.items.link(incident.id(), LinkKind.CAUSED_BY, problem.number());
	}

	@Transactional(readOnly = true)
	public Analysis analysis(String number) {
		return analysis(problem(number));
	}

	/** Saves the root-cause analysis, workaround and the fixing change's number. */
	public Analysis save(String number, AnalysisFormData form) {
		WorkItemView p = problem(number);
		requireWork(p);
		ensureRow(p.id());
		Analysis current = analysis(p);
		if (form.getVersion() == null || form.getVersion() != current.version()) {
			throw Conflict.staleVersion("problem", p.number());
		}
		if (current.knownError() && (form.getWorkaround() == null || form.getWorkaround().isBlank())) {
			throw new ValidationFailed("workaround", "problem.error.workaroundPublished");
		}
		this.jdbc.update(
				"update prb_problem set version = version + 1, cause_category = :cat, why1 = :w1,"
						+ " why2 = :w2, why3 = :w3, why4 = :w4, why5 = :w5, root_cause = :root, workaround = :wa,"
						+ " change_ref = :chg, updated_at = :at where item_id = :id",
				new MapSqlParameterSource("id", p.id())
					.addValue("cat", (form.getCauseCategory() == null) ? null : form.getCauseCategory().name())
					.addValue("w1", blank(form.getWhy1()))
					.addValue("w2", blank(form.getWhy2()))
					.addValue("w3", blank(form.getWhy3()))
					.addValue("w4", blank(form.getWhy4()))
					.addValue("w5", blank(form.getWhy5()))
					.addValue("root", blank(form.getRootCause()))
					.addValue("wa", blank(form.getWorkaround()))
					.addValue("chg", blank(form.getChangeRef()))
					.addValue("at", Timestamps.utc(this.clock.instant())));
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "problemAnalysis", p.id(), p.number()));
		return analysis(p);
	}

	/**
	 * The workflow guard before "known error": the workaround must be written; the
	 * problem is then published to the known-error list.
	 */
	void publishKnownError(WorkItemView p, long by) {
		ensureRow(p.id());
		Analysis a = analysis(p);
		if (a.workaround() == null || a.workaround().isBlank()) {
			throw new Conflict("problem.error.workaroundRequired", p.number());
		}
		this.jdbc.update(
				"update prb_problem set known_error = true, published_by = :by, published_at = :at,"
						+ " version = version + 1 where item_id = :id",
				new MapSqlParameterSource("id", p.id()).addValue("by", by)
					.addValue("at", Timestamps.utc(this.clock.instant())));
	}

	/**
	 * The known errors the agents consult: published workarounds of problems not yet
	 * closed or cancelled, newest first; {@code q} filters by title, workaround or cause.
	 */
	@Transactional(readOnly = true)
	public List<KnownError> knownErrors(String q) {
		this.access.require(TYPE + ":read");
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select item_id, workaround, root_cause, published_at from prb_problem where known_error = true"
						+ " order by published_at desc",
				new MapSqlParameterSource());
		Map<Long, WorkItemBrief> briefs = this.items
			.briefs(rows.stream().map((r) -> ((Number) r.get("item_id")).longValue()).toList());
		String needle = (q == null || q.isBlank()) ? null : q.strip().toLowerCase(java.util.Locale.ROOT);
		List<KnownError> out = new ArrayList<>();
		for (Map<String, Object> r : rows) {
			WorkItemBrief b = briefs.get(((Number) r.get("item_id")).longValue());
			if (b == null || b.category().isEnd()) {
				continue;
			}
			String workaround = (String) r.get("workaround");
			String cause = (String) r.get("root_cause");
			if (needle != null && !(b.title() + " " + workaround + " " + cause).toLowerCase(java.util.Locale.ROOT)
				.contains(needle)) {
				continue;
			}
			out.add(new KnownError(b.id(), b.number(), b.title(), b.category().name(), workaround, cause,
					Timestamps.instant(r.get("published_at"))));
		}
		return out;
	}

	/**
	 * The recurring-incident view: categories with at least {@code threshold} incidents
	 * in the last {@code days} days that are not tied to a problem yet.
	 */
	@Transactional(readOnly = true)
	public List<Proposal> proposals(int days, int threshold) {
		this.access.require(TYPE + ":read");
		if (days < 1 || days > 366 || threshold < 2 || threshold > 1000) {
			throw new ValidationFailed("days", "problem.error.window");
		}
		String language = LocaleContextHolder.getLocale().getLanguage();
		List<Incidents.Recurrence> groups = this.incidents.recurring(days, 1, Set.of());
		Set<Long> all = new java.util.HashSet<>();
		groups.forEach((g) -> all.addAll(g.incidentIds()));
		Set<Long> tied = this.items.linkingWith(all, LinkKind.CAUSED_BY);
		List<Proposal> out = new ArrayList<>();
		for (Incidents.Recurrence g : groups) {
			List<Long> free = g.incidentIds().stream().filter((id) -> !tied.contains(id)).toList();
			if (free.size() >= threshold) {
				Map<Long, WorkItemBrief> briefs = this.items.briefs(free);
				out.add(new Proposal(g.category().id(), g.category().path(language),
						free.stream().map(briefs::get).filter(java.util.Objects::nonNull).toList()));
			}
		}
		out.sort(java.util.Comparator.comparing((Proposal p) -> -p.incidents().size()));
		return out;
	}

	private Analysis analysis(WorkItemView p) {
		List<Map<String, Object>> rows = this.jdbc.queryForList("select * from prb_problem where item_id = :id",
				new MapSqlParameterSource("id", p.id()));
		if (rows.isEmpty()) {
			return new Analysis(p.id(), 0, null, java.util.Arrays.asList(null, null, null, null, null), null, null,
					false, null, null, null);
		}
		Map<String, Object> r = rows.get(0);
		List<String> whys = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			whys.add((String) r.get("why" + i));
		}
		Long by = (r.get("published_by") == null) ? null : ((Number) r.get("published_by")).longValue();
		return new Analysis(p.id(), ((Number) r.get("version")).intValue(),
				(r.get("cause_category") == null) ? null : CauseCategory.valueOf((String) r.get("cause_category")),
				whys, (String) r.get("root_cause"), (String) r.get("workaround"),
				Boolean.TRUE.equals(r.get("known_error")),
				(by == null) ? null : this.directory.userNames(List.of(by)).get(by),
				Timestamps.instant(r.get("published_at")), (String) r.get("change_ref"));
	}

	private void ensureRow(long id) {
		Integer n = this.jdbc.queryForObject("select count(*) from prb_problem where item_id = :id",
				new MapSqlParameterSource("id", id), Integer.class);
		if (n == null || n == 0) {
			this.jdbc.update(
					"insert into prb_problem (item_id, version, known_error, updated_at)"
							+ " values (:id, 0, false, :at)",
					new MapSqlParameterSource("id", id).addValue("at", Timestamps.utc(this.clock.instant())));
		}
	}

	private WorkItemView problem(String number) {
		WorkItemView p = this.items.get(number);
		if (!TYPE.equals(p.type())) {
			throw NotFound.of("problem", number);
		}
		return p;
	}

	private void requireWork(WorkItemView p) {
		if (!this.items.canWork(p.id())) {
			throw Forbidden.missing(TYPE + ":write");
		}
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	/** Whether the signed-in person may raise problems. */
	@Transactional(readOnly = true)
	public boolean canRaise() {
		CurrentUser me = this.access.user();
		return me.has(TYPE + ":write");
	}

}
