package org.yunwei.governance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.Texts;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.standard.StandardClauses;
import org.yunwei.workitem.LinkKind;
import org.yunwei.workitem.TransitionContext;
import org.yunwei.workitem.WorkItemBrief;
import org.yunwei.workitem.WorkItemFormData;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * Nonconformities and their corrective and preventive action (10.1), and the
 * investigation of every indicator below target (10.2 b): a nonconformity is a work item
 * whose workflow goes from registration through cause analysis ({@code ncAnalysed}: the
 * cause and the corrective action written, at least one action raised) and the actions
 * (work items of type {@code capa}, each with its owner and deadline, linked from it) to
 * the verification of their effectiveness ({@code ncVerified}) by the head of O&amp;M or
 * the management representative; found ineffective, it goes back to acting. An indicator
 * value below its target raises one, once per indicator and period.
 */
@Service
@Transactional
public class Nonconformities {

	public static final String TYPE = "nonconformity";

	public static final String ACTION_TYPE = "capa";

	private static final Logger log = LoggerFactory.getLogger(Nonconformities.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final WorkItems items;

	private final AccessControl access;

	private final Directory directory;

	private final StandardCatalogue catalogue;

	private final StandardClauses clauses;

	private final org.yunwei.platform.Texts texts;

	private final Clock clock;

	private final ZoneId zone;

	Nonconformities(NamedParameterJdbcTemplate jdbc, WorkItems items, AccessControl access, Directory directory,
			StandardCatalogue catalogue, org.yunwei.platform.Texts texts, Clock clock,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.items = items;
		this.access = access;
		this.directory = directory;
		this.catalogue = catalogue;
		this.clauses = catalogue.clauses();
		this.texts = texts;
		this.clock = clock;
		this.zone = ZoneId.of(zone);
	}

	/** A nonconformity as it is registered by hand. */
	public record Registration(String title, String description, NonconformityView.Source source, String clause,
			Long departmentId, Long assigneeId, LocalDateTime dueAt) {
	}

	/** Registers a nonconformity (an audit finding, a complaint, a self-check …). */
	public NonconformityView register(Registration r) {
		List<Violation> v = new ArrayList<>();
		if (r.source() == null || r.source() == NonconformityView.Source.INDICATOR) {
			v.add(new Violation("source", "nonconformity.error.source", List.of()));
		}
		if (r.clause() != null && !r.clause().isBlank() && !this.clauses.exists(r.clause())) {
			v.add(new Violation("clause", "document.error.unknownClause", List.of(r.clause())));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		WorkItemFormData f = new WorkItemFormData();
		f.setTitle(r.title());
		f.setDescription(r.description());
		f.setAssigneeId(r.assigneeId());
		f.setDueAt(r.dueAt());
		WorkItemView item = this.items.create(TYPE, f);
		insert(item.id(), r.source(), null, null, Texts.blank(r.clause()) ? null : r.clause().strip(),
				r.departmentId());
		return get(item.number());
	}

	/**
	 * An indicator below target for a period raises its investigation, once (10.2 b): a
	 * nonconformity of the indicator's clause, due in thirty days, raised in the name of
	 * whoever computed it, or — at period end — of the head of O&amp;M.
	 */
	@EventListener
	void on(IndicatorMissed missed) {
		Integer exists = this.jdbc.queryForObject(
				"select count(*) from gov_nonconformity where indicator_code = :code and indicator_period = :period",
				new MapSqlParameterSource("code", missed.code()).addValue("period", missed.period()), Integer.class);
		if (exists != null && exists > 0) {
			return;
		}
		IndicatorSpec spec = this.catalogue.indicator(missed.code()).orElseThrow();
		Long actor = missed.computedBy();
		if (actor == null) {
			actor = this.directory.usersWithRole("OM_HEAD").stream().findFirst().orElse(null);
		}
		if (actor == null) {
			log.warn("No head of O&M to raise the investigation of {} {}", missed.code(), missed.period());
			return;
		}
		this.access.runAs(actor, () -> {
			WorkItemFormData f = new WorkItemFormData();
			f.setTitle(this.texts.stored("nonconformity.indicatorTitle", spec.code(), spec.nameZh(), missed.period()));
			f.setDescription(this.texts.stored("nonconformity.indicatorDescription", spec.code(), spec.nameZh(),
					missed.period(), plain(missed.value()), plain(missed.target()), spec.unit(),
					"[" + spec.code() + " " + missed.period() + "](/governance/indicators/" + spec.code() + "?period="
							+ missed.period() + ")"));
			f.setImpact(3);
			f.setUrgency(2);
			f.setDueAt(LocalDateTime.ofInstant(missed.at(), this.zone)
				.plusDays(30)
				.withHour(18)
				.withMinute(0)
				.withSecond(0)
				.withNano(0));
			WorkItemView item = this.items.create(TYPE, f);
			insert(item.id(), NonconformityView.Source.INDICATOR, spec.code(), missed.period(), spec.clause(), null);
			return item;
		});
	}

	private static String plain(java.math.BigDecimal v) {
		return (v == null) ? "—" : v.stripTrailingZeros().toPlainString();
	}

	/**
	 * Every nonconformity has its row from the moment it is raised, however it is raised.
	 */
	@EventListener
	void raised(org.yunwei.workitem.WorkItemCreated event) {
		if (TYPE.equals(event.type())) {
			this.jdbc.update(
					"insert into gov_nonconformity (item_id, version, source, created_at) values (:id, 0,"
							+ " 'OTHER', :at)",
					new MapSqlParameterSource("id", event.id()).addValue("at", Timestamps.utc(this.clock.instant())));
		}
	}

	private void insert(long itemId, NonconformityView.Source source, String code, String period, String clause,
			Long department) {
		this.jdbc.update(
				"update gov_nonconformity set source = :source, indicator_code = :code, indicator_period ="
						+ " :period, clause = :clause, department_id = :department where item_id = :id",
				new MapSqlParameterSource("id", itemId).addValue("source", source.name())
					.addValue("code", code)
					.addValue("period", period)
					.addValue("clause", clause)
					.addValue("department", department));
	}

	/** The nonconformity raised for an indicator's value of a period, if any. */
	@Transactional(readOnly = true)
	public Optional<String> forIndicator(String code, String period) {
		List<Long> ids = this.jdbc.queryForList(
				"select item_id from gov_nonconformity where indicator_code = :code and indicator_period = :period",
				new MapSqlParameterSource("code", code).addValue("period", period), Long.class);
		return ids.isEmpty() ? Optional.empty() : this.items.brief(ids.get(0)).map(WorkItemBrief::number);
	}

	@Transactional(readOnly = true)
	public NonconformityView get(String number) {
		WorkItemView item = this.items.get(number);
		if (!TYPE.equals(item.type())) {
			throw NotFound.of("nonconformity", number);
		}
		return view(item);
	}

	private NonconformityView view(WorkItemView item) {
		List<Map<String, Object>> rows = this.jdbc.queryForList("select * from gov_nonconformity where item_id = :id",
				new MapSqlParameterSource("id", item.id()));
		Map<String, Object> r = rows.isEmpty() ? Map.of("version", 0, "source", "OTHER") : rows.get(0);
		List<WorkItemBrief> actions = this.items.children(item.id(), ACTION_TYPE);
		Long department = (r.get("department_id") == null) ? null : ((Number) r.get("department_id")).longValue();
		Long verifier = (r.get("verified_by") == null) ? null : ((Number) r.get("verified_by")).longValue();
		return new NonconformityView(item.id(), item.number(), ((Number) r.get("version")).intValue(),
				NonconformityView.Source.valueOf((String) r.get("source")), (String) r.get("indicator_code"),
				(String) r.get("indicator_period"), (String) r.get("clause"), (String) r.get("cause"),
				(String) r.get("correction"), (String) r.get("corrective_action"), (String) r.get("preventive_action"),
				department,
				(department == null) ? null : this.directory.departmentNames(List.of(department)).get(department),
				actions, Timestamps.instant(r.get("first_verified_at")), (Boolean) r.get("first_effective"),
				(verifier == null) ? null : this.directory.userNames(List.of(verifier)).get(verifier),
				Timestamps.instant(r.get("verified_at")), (String) r.get("verification"), (Boolean) r.get("effective"));
	}

	/** The analysis as it is written. */
	public record Analysis(String clause, String cause, String correction, String correctiveAction,
			String preventiveAction, Long departmentId, Integer version) {
	}

	/**
	 * Saves the analysis (its version guards a stale edit); while not yet verified
	 * closed.
	 */
	public NonconformityView saveAnalysis(String number, Analysis a) {
		WorkItemView item = this.items.get(number);
		NonconformityView nc = view(requireType(item));
		requireWorker(item);
		if (a.version() == null || a.version() != nc.version()) {
			throw Conflict.staleVersion("nonconformity", number);
		}
		if (a.clause() != null && !a.clause().isBlank() && !this.clauses.exists(a.clause())) {
			throw new ValidationFailed("clause", "document.error.unknownClause", a.clause());
		}
		for (String[] field : new String[][] { { "cause", a.cause() }, { "correction", a.correction() },
				{ "correctiveAction", a.correctiveAction() }, { "preventiveAction", a.preventiveAction() } }) {
			if (field[1] != null && field[1].length() > 4000) {
				throw new ValidationFailed(field[0], "nonconformity.error.tooLong", 4000);
			}
		}
		this.jdbc.update(
				"update gov_nonconformity set version = version + 1, clause = :clause, cause = :cause,"
						+ " correction = :correction, corrective_action = :corrective, preventive_action = :preventive,"
						+ " department_id = :department where item_id = :id",
				new MapSqlParameterSource("id", item.id())
					.addValue("clause", Texts.blank(a.clause()) ? null : a.clause().strip())
					.addValue("cause", Texts.stripped(a.cause()))
					.addValue("correction", Texts.stripped(a.correction()))
					.addValue("corrective", Texts.stripped(a.correctiveAction()))
					.addValue("preventive", Texts.stripped(a.preventiveAction()))
					.addValue("department", a.departmentId()));
		return view(item);
	}

	/**
	 * Raises a corrective or preventive action, with its owner and deadline, under the
	 * nonconformity.
	 */
	public WorkItemBrief addAction(String number, String title, Long assigneeId, LocalDateTime dueAt) {
		WorkItemView item = this.items.get(number);
		requireType(item);
		requireWorker(item);
		List<Violation> v = new ArrayList<>();
		if (Texts.blank(title)) {
			v.add(new Violation("title", "nonconformity.error.actionTitle", List.of()));
		}
		if (assigneeId == null) {
			v.add(new Violation("assigneeId", "nonconformity.error.actionOwner", List.of()));
		}
		if (dueAt == null) {
			v.add(new Violation("dueAt", "nonconformity.error.actionDue", List.of()));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		WorkItemFormData f = new WorkItemFormData();
		f.setTitle(title.strip());
		f.setDescription(this.texts.stored("nonconformity.actionOf", item.number(), item.title()));
		f.setAssigneeId(assigneeId);
		f.setDueAt(dueAt);
		f.setImpact(item.impact());
		f.setUrgency(item.urgency());
		WorkItemView action = this.items.create(ACTION_TYPE, f);
		this.items.link(item.id(), LinkKind.PARENT_OF, action.number());
		return this.items.brief(action.id()).orElseThrow();
	}

	/**
	 * {@code ncAnalysed}: the cause and the corrective action written, an action raised.
	 */
	void analysed(TransitionContext context) {
		NonconformityView nc = view(context.item());
		List<String> missing = new ArrayList<>();
		if (Texts.blank(nc.cause())) {
			missing.add(this.texts.shown("nonconformity.element.cause"));
		}
		if (Texts.blank(nc.correctiveAction())) {
			missing.add(this.texts.shown("nonconformity.element.correctiveAction"));
		}
		if (nc.actions().isEmpty()) {
			missing.add(this.texts.shown("nonconformity.element.actions"));
		}
		if (!missing.isEmpty()) {
			throw new Conflict("nonconformity.error.analysis", String.join(", ", missing));
		}
	}

	/** {@code ncActionsDone}: at least one action done (the others done or cancelled). */
	void actionsDone(TransitionContext context) {
		NonconformityView nc = view(context.item());
		if (nc.actions().stream().noneMatch((a) -> a.category() == org.yunwei.workitem.StateCategory.DONE)) {
			throw new Conflict("nonconformity.error.noActionDone", nc.number());
		}
	}

	/**
	 * {@code ncVerified}: records the verification — effective or not, by whom, the
	 * transition's comment as what was checked; the first verification is kept for
	 * 10.1-2.
	 */
	void verified(TransitionContext context, boolean effective) {
		long by = context.actor().map(CurrentUser::id).orElse(0L);
		if (context.item().assignee() != null && by == context.item().assignee().id()) {
			// the person who answers for the actions does not verify them
			throw new Conflict("nonconformity.error.selfVerify", context.item().number());
		}
		Instant now = context.now();
		this.jdbc.update("update gov_nonconformity set version = version + 1, first_verified_at = coalesce("
				+ "first_verified_at, :at), first_effective = coalesce(first_effective, :effective), verified_by = :by,"
				+ " verified_at = :at, verification = :note, effective = :effective where item_id = :id",
				new MapSqlParameterSource("id", context.item().id()).addValue("at", Timestamps.utc(now))
					.addValue("effective", effective)
					.addValue("by", by)
					.addValue("note", context.comment()));
	}

	private WorkItemView requireType(WorkItemView item) {
		if (!TYPE.equals(item.type())) {
			throw NotFound.of("nonconformity", item.number());
		}
		return item;
	}

	private void requireWorker(WorkItemView item) {
		if (!this.items.canWork(item.id())) {
			throw org.yunwei.platform.Forbidden.missing("improvement:write");
		}
	}

}
