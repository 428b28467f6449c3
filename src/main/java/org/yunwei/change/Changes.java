package org.yunwei.change;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.cmdb.CiRef;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.platform.Conflict;
import org.yunwei.platform.Forbidden;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.workitem.ApprovalMode;
import org.yunwei.workitem.LinkKind;
import org.yunwei.workitem.LinkView;
import org.yunwei.workitem.TransitionContext;
import org.yunwei.workitem.WorkItemBrief;
import org.yunwei.workitem.WorkItemCreated;
import org.yunwei.workitem.WorkItemRow;
import org.yunwei.workitem.WorkItemTransitioned;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;
import org.yunwei.workitem.WorkflowDefinition;

/**
 * Change management (8.3.6). A change is a work item of type {@code change} on the
 * workflow of its change type; this service keeps what change management adds: the type,
 * category and template, the risk questionnaire and the risk it gives, the plans and
 * window, the services the CMDB finds above its CIs, approval, outcome and the
 * post-implementation review; the calendar with its freeze windows and conflicts; the
 * implementation tasks; the workflow guards the change workflows call
 * ({@code changeReady}, {@code changeApproval}, {@code changeApproved},
 * {@code changeRefused}, {@code changeStarted}, {@code changeImplemented},
 * {@code changeReviewed}).
 */
@Service
@Transactional
public class Changes {

	public static final String TYPE = "change";

	public static final String TASK_TYPE = "changetask";

	public static final String READ = "change:read";

	public static final String WRITE = "change:write";

	/** Templates and freeze windows. */
	public static final String MANAGE = "change:manage";

	private static final int PLAN_MAX = 20000;

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessControl access;

	private final WorkItems items;

	private final ConfigurationItems cis;

	private final Directory directory;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Changes(NamedParameterJdbcTemplate jdbc, AccessControl access, WorkItems items, ConfigurationItems cis,
			Directory directory, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.items = items;
		this.cis = cis;
		this.directory = directory;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The calendar of a period: the changes whose windows fall in it, and freezes. */
	public record Calendar(Instant from, Instant to, List<CalendarEntry> entries, List<FreezeView> freezes) {
	}

	// ---- raising

	/**
	 * Raises a change of its type; a standard change takes its category and plans from
	 * its template, and the low risk the template was approved at.
	 */
	public WorkItemView raise(ChangeFormData form) {
		this.access.require(WRITE);
		ChangeType type = (form.getChangeType() == null) ? ChangeType.NORMAL : form.getChangeType();
		TemplateView template = null;
		if (type == ChangeType.STANDARD) {
			String code = blank(form.getTemplateCode());
			if (code == null) {
				throw new ValidationFailed("templateCode", "change.error.templateRequired");
			}
			template = findTemplate(code).filter(TemplateView::active)
				.orElseThrow(() -> new ValidationFailed("templateCode", "change.error.unknownTemplate", code));
			if (blank(form.getDescription()) == null) {
				form.setDescription(template.description());
			}
		}
		ZoneId zone = this.items.zone();
		Instant start = instant(form.getPlannedStart(), zone);
		Instant end = instant(form.getPlannedEnd(), zone);
		checkWindow(start, end, "plannedEnd");
		WorkItemView item = this.items.create(TYPE, type.variant(), form);
		ChangeCategory category = (form.getCategory() != null) ? form.getCategory()
				: (template != null) ? template.category() : ChangeCategory.OTHER;
		this.jdbc.update(
				"update chg_change set change_type = :type, category = :category, template_id = :template,"
						+ " implementation_plan = :impl, backout_plan = :backout, test_plan = :test, risk = :risk,"
						+ " planned_start = :start, planned_end = :end where item_id = :id",
				new MapSqlParameterSource("id", item.id()).addValue("type", type.name())
					.addValue("category", category.name())
					.addValue("template", (template == null) ? null : template.id())
					.addValue("impl", (template == null) ? null : template.implementationPlan())
					.addValue("backout", (template == null) ? null : template.backoutPlan())
					.addValue("test", (template == null) ? null : template.testPlan())
					.addValue("risk", (template == null) ? null : RiskLevel.LOW.name())
					.addValue("start", Timestamps.utc(start))
					.addValue("end", Timestamps.utc(end)));
		return item;
	}

	/** Every change gets its row when it is created, however it is created. */
	@EventListener
	void created(WorkItemCreated event) {
		if (!TYPE.equals(event.type())) {
			return;
		}
		WorkItemView item = this.items.get(String.valueOf(event.id()));
		this.jdbc.update(
				"insert into chg_change (item_id, number, version, change_type, category, state, state_category,"
						+ " raised_at, updated_at) values (:id, :number, 0, 'NORMAL', 'OTHER', :state, :category,"
						+ " :at, :at)",
				new MapSqlParameterSource("id", item.id()).addValue("number", item.number())
					.addValue("state", item.state())
					.addValue("category", item.stateCategory().name())
					.addValue("at", Timestamps.utc(item.openedAt())));
	}

	/**
	 * The change's state, mirrored on every transition for the calendar and indicators.
	 */
	@EventListener
	void transitioned(WorkItemTransitioned event) {
		if (!TYPE.equals(event.type())) {
			return;
		}
		this.jdbc.update(
				"update chg_change set state = :state, state_category = :category, updated_at = :at"
						+ " where item_id = :id",
				new MapSqlParameterSource("id", event.id()).addValue("state", event.to())
					.addValue("category", event.toCategory().name())
					.addValue("at", Timestamps.utc(this.clock.instant())));
	}

	// ---- reading

	@Transactional(readOnly = true)
	public ChangeView get(String number) {
		return view(change(number));
	}

	/** The services above CIs in the CMDB graph, for the impact assessment. */
	@Transactional(readOnly = true)
	public List<CiRef> servicesAbove(List<Long> ciIds) {
		return ciIds.isEmpty() ? List.of() : this.cis.servicesAbove(ciIds);
	}

	/** The CIs a change names, for its page. */
	@Transactional(readOnly = true)
	public List<CiRef> cis(List<Long> ciIds) {
		return ciIds.isEmpty() ? List.of() : this.cis.refs(ciIds);
	}

	private ChangeView view(WorkItemView item) {
		Map<String, Object> r = row(item.id());
		Map<String, Integer> answers = new LinkedHashMap<>();
		this.jdbc.query("select question, answer from chg_answer where item_id = :id",
				new MapSqlParameterSource("id", item.id()), (rs) -> {
					answers.put(rs.getString(1), rs.getInt(2));
				});
		Instant submitted = Timestamps.instant(r.get("submitted_at"));
		List<CiRef> affected;
		if (submitted != null) {
			affected = this.cis.refs(this.jdbc.queryForList("select ci_id from chg_affected where item_id = :id",
					new MapSqlParameterSource("id", item.id()), Long.class));
		}
		else {
			affected = servicesAbove(item.ciIds());
		}
		Set<Long> people = new HashSet<>();
		Long outcomeBy = longOrNull(r.get("outcome_by"));
		Long pirBy = longOrNull(r.get("pir_by"));
		if (outcomeBy != null) {
			people.add(outcomeBy);
		}
		if (pirBy != null) {
			people.add(pirBy);
		}
		Map<Long, String> names = people.isEmpty() ? Map.of() : this.directory.userNames(people);
		return new ChangeView(item.id(), item.number(), item.title(), ((Number) r.get("version")).intValue(),
				ChangeType.valueOf((String) r.get("change_type")), ChangeCategory.valueOf((String) r.get("category")),
				(String) r.get("template_code"), (String) r.get("template_name"), item.state(), item.stateCategory(),
				Timestamps.instant(r.get("raised_at")), enumOrNull(RiskLevel.class, r.get("risk")),
				(r.get("risk_score") == null) ? null : ((Number) r.get("risk_score")).intValue(), answers,
				(String) r.get("impact_assessment"), (String) r.get("implementation_plan"),
				(String) r.get("backout_plan"), (String) r.get("test_plan"), Timestamps.instant(r.get("planned_start")),
				Timestamps.instant(r.get("planned_end")), submitted, (String) r.get("approval_route"),
				Timestamps.instant(r.get("approved_at")), (String) r.get("ratification"),
				Timestamps.instant(r.get("actual_start")), Timestamps.instant(r.get("actual_end")),
				enumOrNull(ChangeOutcome.class, r.get("outcome")), (String) r.get("outcome_notes"),
				(outcomeBy == null) ? null : names.get(outcomeBy), Timestamps.instant(r.get("outcome_at")),
				(Boolean) r.get("pir_objectives_met"), (String) r.get("pir"), (pirBy == null) ? null : names.get(pirBy),
				Timestamps.instant(r.get("pir_at")), item.ciIds(), affected);
	}

	private Map<String, Object> row(long itemId) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select c.*, t.code as template_code, t.name as template_name from chg_change c"
						+ " left join chg_template t on t.id = c.template_id where c.item_id = :id",
				new MapSqlParameterSource("id", itemId));
		if (rows.isEmpty()) {
			throw NotFound.of(TYPE, itemId);
		}
		return rows.get(0);
	}

	// ---- planning

	/**
	 * Saves the plan: category, window, impact assessment, plans and the questionnaire's
	 * answers, from which the risk is worked out. Refused once the change is approved or
	 * under way, and when someone saved since the form was read.
	 */
	public ChangeView savePlan(String number, ChangePlanFormData form) {
		WorkItemView item = change(number);
		requireWork(item);
		ChangeView c = view(item);
		if (form.getVersion() == null || form.getVersion() != c.version()) {
			throw Conflict.staleVersion(TYPE, c.number());
		}
		if (!c.planEditable()) {
			throw new Conflict("change.error.planLocked", c.number());
		}
		ZoneId zone = this.items.zone();
		Instant start = instant(form.getPlannedStart(), zone);
		Instant end = instant(form.getPlannedEnd(), zone);
		List<Violation> violations = new ArrayList<>();
		if (start != null && end != null && !end.isAfter(start)) {
			violations.add(new Violation("plannedEnd", "change.error.windowOrder", List.of()));
		}
		Map<String, Integer> answers = new LinkedHashMap<>();
		Set<String> known = new HashSet<>();
		RiskQuestionnaire.QUESTIONS.forEach((q) -> known.add(q.code()));
		form.getAnswers().forEach((code, score) -> {
			if (score == null) {
				return;
			}
			if (!known.contains(code) || !RiskQuestionnaire.valid(score)) {
				violations
					.add(new Violation("answers[" + code + "]", "change.error.answer", List.of(String.valueOf(score))));
			}
			else {
				answers.put(code, score);
			}
		});
		if (!violations.isEmpty()) {
			throw new ValidationFailed(violations);
		}
		boolean standard = c.type() == ChangeType.STANDARD;
		RiskLevel risk = standard ? RiskLevel.LOW : RiskQuestionnaire.level(answers);
		this.jdbc.update(
				"update chg_change set version = version + 1, category = :category, planned_start = :start,"
						+ " planned_end = :end, impact_assessment = :impact, implementation_plan = :impl,"
						+ " backout_plan = :backout, test_plan = :test, risk = :risk, risk_score = :score,"
						+ " updated_at = :at where item_id = :id",
				new MapSqlParameterSource("id", item.id())
					.addValue("category", ((form.getCategory() != null) ? form.getCategory() : c.category()).name())
					.addValue("start", Timestamps.utc(start))
					.addValue("end", Timestamps.utc(end))
					.addValue("impact", cut(form.getImpactAssessment()))
					.addValue("impl", standard ? c.implementationPlan() : cut(form.getImplementationPlan()))
					.addValue("backout", standard ? c.backoutPlan() : cut(form.getBackoutPlan()))
					.addValue("test", standard ? c.testPlan() : cut(form.getTestPlan()))
					.addValue("risk", (risk == null) ? null : risk.name())
					.addValue("score", standard ? null : RiskQuestionnaire.score(answers))
					.addValue("at", Timestamps.utc(this.clock.instant())));
		this.jdbc.update("delete from chg_answer where item_id = :id", new MapSqlParameterSource("id", item.id()));
		if (!standard) {
			for (Map.Entry<String, Integer> a : answers.entrySet()) {
				this.jdbc.update("insert into chg_answer (item_id, question, answer) values (:id, :q, :a)",
						new MapSqlParameterSource("id", item.id()).addValue("q", a.getKey())
							.addValue("a", a.getValue()));
			}
		}
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "changePlan", item.id(),
				c.number() + ((risk == null) ? "" : " risk " + risk.name())));
		return view(item);
	}

	/** Records the outcome of the implementation under way. */
	public ChangeView recordOutcome(String number, OutcomeFormData form) {
		WorkItemView item = change(number);
		requireWork(item);
		ChangeView c = view(item);
		if (!c.outcomeOpen()) {
			throw new Conflict("change.error.notImplementing", c.number());
		}
		if (form.getOutcome() == null) {
			throw new ValidationFailed("outcome", "change.error.outcomeRequired");
		}
		ZoneId zone = this.items.zone();
		Instant start = (form.getActualStart() != null) ? instant(form.getActualStart(), zone) : c.actualStart();
		Instant end = instant(form.getActualEnd(), zone);
		checkWindow(start, end, "actualEnd");
		if (form.getOutcome() != ChangeOutcome.SUCCESSFUL && blank(form.getNotes()) == null) {
			throw new ValidationFailed("notes", "change.error.outcomeNotes");
		}
		CurrentUser me = this.access.user();
		this.jdbc.update(
				"update chg_change set version = version + 1, outcome = :outcome, outcome_notes = :notes,"
						+ " outcome_by = :me, outcome_at = :at, actual_start = :start, actual_end = :end,"
						+ " updated_at = :at where item_id = :id",
				new MapSqlParameterSource("id", item.id()).addValue("outcome", form.getOutcome().name())
					.addValue("notes", cut(form.getNotes()))
					.addValue("me", me.id())
					.addValue("at", Timestamps.utc(this.clock.instant()))
					.addValue("start", Timestamps.utc(start))
					.addValue("end", Timestamps.utc(end)));
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "changeOutcome", item.id(),
				c.number() + " " + form.getOutcome().name()));
		return view(item);
	}

	/** Writes the post-implementation review. */
	public ChangeView review(String number, ReviewFormData form) {
		WorkItemView item = change(number);
		requireWork(item);
		ChangeView c = view(item);
		if (!c.reviewOpen()) {
			throw new Conflict("change.error.notInReview", c.number());
		}
		if (form.getObjectivesMet() == null) {
			throw new ValidationFailed("objectivesMet", "change.error.objectivesRequired");
		}
		if (blank(form.getReview()) == null) {
			throw new ValidationFailed("review", "change.error.reviewRequired");
		}
		CurrentUser me = this.access.user();
		this.jdbc.update(
				"update chg_change set version = version + 1, pir_objectives_met = :met, pir = :pir, pir_by = :me,"
						+ " pir_at = :at, updated_at = :at where item_id = :id",
				new MapSqlParameterSource("id", item.id()).addValue("met", form.getObjectivesMet())
					.addValue("pir", cut(form.getReview()))
					.addValue("me", me.id())
					.addValue("at", Timestamps.utc(this.clock.instant())));
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "changeReview", item.id(), c.number()));
		return view(item);
	}

	// ---- workflow guards and effects

	/**
	 * {@code changeReady}: before a change goes ahead (submitted, scheduled, or started
	 * in an emergency) it has its window, plans, risk and scope, and a standard or normal
	 * change is not in a freeze window; the services above its CIs are frozen with it.
	 */
	void ready(TransitionContext context) {
		WorkItemView item = context.item();
		ChangeView c = view(item);
		List<Violation> v = readiness(c, item);
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		this.jdbc.update("delete from chg_affected where item_id = :id", new MapSqlParameterSource("id", item.id()));
		for (CiRef s : c.affectedServices()) {
			this.jdbc.update("insert into chg_affected (item_id, ci_id) values (:id, :ci)",
					new MapSqlParameterSource("id", item.id()).addValue("ci", s.id()));
		}
		this.jdbc.update("update chg_change set submitted_at = :at, version = version + 1 where item_id = :id",
				new MapSqlParameterSource("id", item.id()).addValue("at", Timestamps.utc(context.now())));
	}

	/**
	 * What the change still lacks before it may go ahead (submitted, scheduled, or
	 * started in an emergency); empty when it is ready.
	 */
	@Transactional(readOnly = true)
	public List<Violation> readiness(String number) {
		WorkItemView item = change(number);
		return readiness(view(item), item);
	}

	private List<Violation> readiness(ChangeView c, WorkItemView item) {
		List<Violation> v = new ArrayList<>();
		if (c.plannedStart() == null || c.plannedEnd() == null) {
			v.add(new Violation("plannedStart", "change.error.windowRequired", List.of()));
		}
		else if (!c.plannedEnd().isAfter(c.plannedStart())) {
			v.add(new Violation("plannedEnd", "change.error.windowOrder", List.of()));
		}
		if (blank(c.implementationPlan()) == null) {
			v.add(new Violation("implementationPlan", "change.error.implementationPlanRequired", List.of()));
		}
		if (blank(c.backoutPlan()) == null) {
			v.add(new Violation("backoutPlan", "change.error.backoutPlanRequired", List.of()));
		}
		if (c.type() != ChangeType.EMERGENCY && blank(c.testPlan()) == null) {
			v.add(new Violation("testPlan", "change.error.testPlanRequired", List.of()));
		}
		if (c.risk() == null) {
			v.add(new Violation("answers", "change.error.riskRequired", List.of()));
		}
		if (item.ciIds().isEmpty() && item.serviceId() == null) {
			v.add(new Violation("ciIds", "change.error.scopeRequired", List.of()));
		}
		if (c.type() != ChangeType.EMERGENCY && c.plannedStart() != null && c.plannedEnd() != null) {
			for (FreezeView f : freezesBetween(c.plannedStart(), c.plannedEnd())) {
				v.add(new Violation("plannedStart", "change.error.inFreeze", List.of(f.name())));
			}
		}
		return v;
	}

	/**
	 * {@code changeApproval}: asks the approvers the change's risk calls for
	 * ({@code low}, {@code medium}, {@code high} name them; {@code highMode} is how the
	 * board decides).
	 */
	void requestApproval(WorkflowDefinition.Action action, TransitionContext context) {
		ChangeView c = view(context.item());
		RiskLevel risk = (c.risk() != null) ? c.risk() : RiskLevel.HIGH;
		String approvers = action.param(risk.name().toLowerCase(java.util.Locale.ROOT));
		String mode = (risk == RiskLevel.HIGH && action.param("highMode") != null) ? action.param("highMode")
				: action.param("mode");
		context.requestApproval(ApprovalMode.valueOf(mode), approvers, action.param("approve"), action.param("reject"));
		this.jdbc.update("update chg_change set approval_route = :route where item_id = :id",
				new MapSqlParameterSource("id", c.itemId()).addValue("route", risk.name() + " → " + approvers));
	}

	/**
	 * {@code changeApproved}: the change is approved (an emergency one ratified);
	 * monitoring hears of it.
	 */
	void approved(TransitionContext context) {
		ChangeView c = view(context.item());
		boolean ratifying = c.type() == ChangeType.EMERGENCY;
		this.jdbc.update("update chg_change set approved_at = :at, ratification = :ratification,"
				+ " approval_route = coalesce(approval_route, :route), version = version + 1 where item_id = :id",
				new MapSqlParameterSource("id", c.itemId()).addValue("at", Timestamps.utc(context.now()))
					.addValue("ratification", ratifying ? "RATIFIED" : null)
					.addValue("route", (c.type() == ChangeType.STANDARD) ? "template " + c.templateCode() : null));
		this.events.publishEvent(
				new ChangeApproved(c.itemId(), c.number(), c.type(), c.ciIds(), c.plannedStart(), c.plannedEnd()));
	}

	/** {@code changeRefused}: the emergency board did not ratify what was done. */
	void refused(TransitionContext context) {
		this.jdbc.update("update chg_change set ratification = 'REFUSED', version = version + 1 where item_id = :id",
				new MapSqlParameterSource("id", context.item().id()));
	}

	/** {@code changeStarted}: the implementation starts now. */
	void started(TransitionContext context) {
		this.jdbc.update(
				"update chg_change set actual_start = coalesce(actual_start, :at), version = version + 1"
						+ " where item_id = :id",
				new MapSqlParameterSource("id", context.item().id()).addValue("at", Timestamps.utc(context.now())));
	}

	/** {@code changeImplemented}: finished only with its outcome recorded. */
	void implemented(TransitionContext context) {
		ChangeView c = view(context.item());
		if (c.outcome() == null) {
			throw new Conflict("change.error.outcomeFirst", c.number());
		}
		Instant end = (c.actualEnd() != null) ? c.actualEnd() : context.now();
		this.jdbc.update("update chg_change set actual_end = :end, version = version + 1 where item_id = :id",
				new MapSqlParameterSource("id", c.itemId()).addValue("end", Timestamps.utc(end)));
		this.events.publishEvent(
				new ChangeImplemented(c.itemId(), c.number(), c.type(), c.outcome(), c.ciIds(), c.actualStart(), end));
	}

	/**
	 * {@code changeReviewed}: closed only with its post-implementation review written.
	 */
	void reviewed(TransitionContext context) {
		ChangeView c = view(context.item());
		if (c.pir() == null) {
			throw new Conflict("change.error.reviewFirst", c.number());
		}
	}

	// ---- conflicts and the calendar

	/**
	 * What the change collides with: other changes in overlapping windows that touch the
	 * same CIs or services, and the freeze windows it falls in.
	 */
	@Transactional(readOnly = true)
	public List<ChangeConflict> conflicts(String number) {
		WorkItemView item = change(number);
		ChangeView c = view(item);
		List<ChangeConflict> out = new ArrayList<>();
		if (c.plannedStart() == null || c.plannedEnd() == null) {
			return out;
		}
		for (FreezeView f : freezesBetween(c.plannedStart(), c.plannedEnd())) {
			out.add(new ChangeConflict(null, null, null, f.startsAt(), f.endsAt(), List.of(), f.name()));
		}
		List<Window> windows = windows(c.plannedStart(), c.plannedEnd());
		Window mine = windows.stream().filter((w) -> w.itemId == item.id()).findFirst().orElse(null);
		if (mine == null) {
			return out;
		}
		List<Window> others = windows.stream().filter((w) -> w.itemId != item.id() && w.overlaps(mine)).toList();
		if (others.isEmpty()) {
			return out;
		}
		Map<Long, WorkItemRow> rows = new HashMap<>();
		this.items.rows(TYPE, others.stream().map((w) -> w.itemId).toList()).forEach((r) -> rows.put(r.id(), r));
		Set<Long> ciIds = new HashSet<>();
		Set<Long> serviceIds = new HashSet<>();
		Map<Long, List<Long>> sharedCis = new HashMap<>();
		Map<Long, List<Long>> sharedServices = new HashMap<>();
		for (Window w : others) {
			List<Long> cisShared = w.cis.stream().filter(mine.cis::contains).toList();
			List<Long> servicesShared = w.services.stream().filter(mine.services::contains).toList();
			if (!cisShared.isEmpty() || !servicesShared.isEmpty()) {
				sharedCis.put(w.itemId, cisShared);
				sharedServices.put(w.itemId, servicesShared);
				ciIds.addAll(cisShared);
				serviceIds.addAll(servicesShared);
			}
		}
		Map<Long, String> ciNames = new HashMap<>();
		this.cis.refs(ciIds).forEach((r) -> ciNames.put(r.id(), r.number() + " " + r.name()));
		Map<Long, String> serviceNames = this.items.serviceNames(serviceIds);
		for (Window w : others) {
			WorkItemRow r = rows.get(w.itemId);
			if (r == null || !sharedCis.containsKey(w.itemId)) {
				continue;
			}
			List<String> shared = new ArrayList<>();
			sharedCis.get(w.itemId).forEach((id) -> shared.add(ciNames.getOrDefault(id, "#" + id)));
			sharedServices.get(w.itemId).forEach((id) -> shared.add(serviceNames.getOrDefault(id, "#" + id)));
			out.add(new ChangeConflict(r.number(), r.title(), r.state(), w.start, w.end, shared, null));
		}
		return out;
	}

	/**
	 * The changes whose windows fall in {@code [from, to)} (cancelled and rejected ones
	 * left out), each flagged when it conflicts with another or falls in a freeze window;
	 * and the freeze windows of the period.
	 */
	@Transactional(readOnly = true)
	public Calendar calendar(Instant from, Instant to) {
		this.access.require(READ);
		if (!to.isAfter(from) || to.isAfter(from.plus(java.time.Duration.ofDays(93)))) {
			throw new ValidationFailed("to", "change.error.calendarRange");
		}
		List<Window> windows = windows(from, to);
		List<FreezeView> freezes = freezesBetween(from, to);
		Map<Long, WorkItemRow> rows = new HashMap<>();
		this.items.rows(TYPE, windows.stream().map((w) -> w.itemId).toList()).forEach((r) -> rows.put(r.id(), r));
		List<CalendarEntry> entries = new ArrayList<>();
		for (Window w : windows) {
			WorkItemRow r = rows.get(w.itemId);
			if (r == null) {
				continue;
			}
			boolean conflict = windows.stream().anyMatch((o) -> o != w && o.overlaps(w) && o.touches(w));
			boolean inFreeze = w.type != ChangeType.EMERGENCY
					&& freezes.stream().anyMatch((f) -> f.overlaps(w.start, w.end));
			entries.add(new CalendarEntry(w.itemId, r.number(), r.title(), w.type, w.risk, w.state, r.state(), w.start,
					w.end, conflict, inFreeze));
		}
		entries.sort(java.util.Comparator.comparing(CalendarEntry::start).thenComparing(CalendarEntry::number));
		return new Calendar(from, to, entries, freezes);
	}

	/** A change's window and what it touches. */
	private static final class Window {

		final long itemId;

		final Instant start;

		final Instant end;

		final ChangeType type;

		final RiskLevel risk;

		final String state;

		final Set<Long> cis = new HashSet<>();

		final Set<Long> services = new HashSet<>();

		Window(long itemId, Instant start, Instant end, ChangeType type, RiskLevel risk, String state) {
			this.itemId = itemId;
			this.start = start;
			this.end = end;
			this.type = type;
			this.risk = risk;
			this.state = state;
		}

		boolean overlaps(Window o) {
			return this.start.isBefore(o.end) && o.start.isBefore(this.end);
		}

		boolean touches(Window o) {
			return this.cis.stream().anyMatch(o.cis::contains) || this.services.stream().anyMatch(o.services::contains);
		}

	}

	/**
	 * The windows of the changes overlapping {@code [from, to)}, not cancelled nor
	 * rejected, with their CIs (named and the services above them, frozen at submission)
	 * and catalogue services (at most 2,000).
	 */
	private List<Window> windows(Instant from, Instant to) {
		List<Window> windows = new ArrayList<>();
		this.jdbc.query(
				"select item_id, planned_start, planned_end, change_type, risk, state from chg_change"
						+ " where planned_start < :to and planned_end > :from and state_category <> 'CANCELLED'"
						+ " order by planned_start, item_id fetch first 2000 rows only",
				new MapSqlParameterSource("from", Timestamps.utc(from)).addValue("to", Timestamps.utc(to)), (rs) -> {
					windows.add(new Window(rs.getLong(1), Timestamps.instant(rs.getObject(2)),
							Timestamps.instant(rs.getObject(3)), ChangeType.valueOf(rs.getString(4)),
							enumOrNull(RiskLevel.class, rs.getString(5)), rs.getString(6)));
				});
		if (windows.isEmpty()) {
			return windows;
		}
		Map<Long, Window> byId = new HashMap<>();
		windows.forEach((w) -> byId.put(w.itemId, w));
		this.items.ciIdsOf(byId.keySet()).forEach((id, cis) -> byId.get(id).cis.addAll(cis));
		org.yunwei.platform.IdChunks.each(byId.keySet(),
				(ids) -> this.jdbc.query("select item_id, ci_id from chg_affected where item_id in (:ids)",
						new MapSqlParameterSource("ids", ids), (rs) -> {
							byId.get(rs.getLong(1)).cis.add(rs.getLong(2));
						}));
		for (WorkItemBrief b : this.items.briefs(byId.keySet()).values()) {
			if (b.serviceId() != null) {
				byId.get(b.id()).services.add(b.serviceId());
			}
		}
		return windows;
	}

	// ---- freeze windows

	@Transactional(readOnly = true)
	public List<FreezeView> freezes(Instant from, Instant to) {
		this.access.require(READ);
		return freezesBetween(from, to);
	}

	/** The freeze windows from now on (and the last 30 days), for their page. */
	@Transactional(readOnly = true)
	public List<FreezeView> upcomingFreezes() {
		this.access.require(READ);
		Instant now = this.clock.instant();
		return freezesBetween(now.minus(java.time.Duration.ofDays(30)), now.plus(java.time.Duration.ofDays(3660)));
	}

	private List<FreezeView> freezesBetween(Instant from, Instant to) {
		return this.jdbc.query(
				"select f.*, u.display_name from chg_freeze f left join pf_user u on u.id = f.created_by"
						+ " where f.starts_at < :to and f.ends_at > :from order by f.starts_at, f.id",
				new MapSqlParameterSource("from", Timestamps.utc(from)).addValue("to", Timestamps.utc(to)),
				(rs, n) -> new FreezeView(rs.getLong("id"), rs.getString("name"),
						Timestamps.instant(rs.getObject("starts_at")), Timestamps.instant(rs.getObject("ends_at")),
						rs.getString("reason"), rs.getString("display_name")));
	}

	public FreezeView addFreeze(FreezeFormData form) {
		CurrentUser me = this.access.require(MANAGE);
		ZoneId zone = this.items.zone();
		Instant start = instant(form.getStartsAt(), zone);
		Instant end = instant(form.getEndsAt(), zone);
		if (blank(form.getName()) == null) {
			throw new ValidationFailed("name", "change.error.freezeName");
		}
		if (start == null || end == null) {
			throw new ValidationFailed("startsAt", "change.error.windowRequired");
		}
		checkWindow(start, end, "endsAt");
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update(
				"insert into chg_freeze (name, starts_at, ends_at, reason, created_by, created_at)"
						+ " values (:name, :start, :end, :reason, :me, :at)",
				new MapSqlParameterSource("name", form.getName().strip()).addValue("start", Timestamps.utc(start))
					.addValue("end", Timestamps.utc(end))
					.addValue("reason", blank(form.getReason()))
					.addValue("me", me.id())
					.addValue("at", Timestamps.utc(this.clock.instant())),
				keys, new String[] { "id" });
		long id = keys.getKey().longValue();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "changeFreeze", id, form.getName().strip()));
		return new FreezeView(id, form.getName().strip(), start, end, blank(form.getReason()), me.displayName());
	}

	public void removeFreeze(long id) {
		this.access.require(MANAGE);
		int n = this.jdbc.update("delete from chg_freeze where id = :id", new MapSqlParameterSource("id", id));
		if (n == 0) {
			throw NotFound.of("changeFreeze", id);
		}
		this.audit.record(AuditEvent.of(AuditAction.DELETE, "changeFreeze", id, null));
	}

	// ---- standard-change templates

	@Transactional(readOnly = true)
	public List<TemplateView> templates(boolean activeOnly) {
		this.access.require(READ);
		return this.jdbc.query(
				"select t.*, u.display_name from chg_template t left join pf_user u on u.id = t.approved_by"
						+ (activeOnly ? " where t.active = true" : "") + " order by t.name, t.id",
				new MapSqlParameterSource(), (rs, n) -> template(rs));
	}

	@Transactional(readOnly = true)
	public TemplateView template(String code) {
		this.access.require(READ);
		return findTemplate(code).orElseThrow(() -> NotFound.of("changeTemplate", code));
	}

	private java.util.Optional<TemplateView> findTemplate(String code) {
		return this.jdbc
			.query("select t.*, u.display_name from chg_template t left join pf_user u on u.id = t.approved_by"
					+ " where t.code = :code", new MapSqlParameterSource("code", code), (rs, n) -> template(rs))
			.stream()
			.findFirst();
	}

	private static TemplateView template(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new TemplateView(rs.getLong("id"), rs.getInt("version"), rs.getString("code"), rs.getString("name"),
				rs.getString("description"), ChangeCategory.valueOf(rs.getString("category")),
				rs.getString("implementation_plan"), rs.getString("backout_plan"), rs.getString("test_plan"),
				rs.getBoolean("active"), rs.getString("display_name"), Timestamps.instant(rs.getObject("approved_at")));
	}

	/**
	 * Writes a template (a new code creates one): the manager who saves it pre-approves
	 * it, so each save is a new approval.
	 */
	public TemplateView saveTemplate(TemplateFormData form) {
		CurrentUser me = this.access.require(MANAGE);
		String code = blank(form.getCode());
		if (code == null || !code.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,39}")) {
			throw new ValidationFailed("code", "change.error.templateCode");
		}
		List<Violation> v = new ArrayList<>();
		for (String[] f : new String[][] { { "name", form.getName() },
				{ "implementationPlan", form.getImplementationPlan() }, { "backoutPlan", form.getBackoutPlan() },
				{ "testPlan", form.getTestPlan() } }) {
			if (blank(f[1]) == null) {
				v.add(new Violation(f[0], "change.error.templateField", List.of()));
			}
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
		MapSqlParameterSource p = new MapSqlParameterSource("code", code).addValue("name", form.getName().strip())
			.addValue("description", blank(form.getDescription()))
			.addValue("category", ((form.getCategory() == null) ? ChangeCategory.OTHER : form.getCategory()).name())
			.addValue("impl", cut(form.getImplementationPlan()))
			.addValue("backout", cut(form.getBackoutPlan()))
			.addValue("test", cut(form.getTestPlan()))
			.addValue("active", form.isActive())
			.addValue("me", me.id())
			.addValue("at", Timestamps.utc(this.clock.instant()));
		java.util.Optional<TemplateView> existing = findTemplate(code);
		if (existing.isEmpty()) {
			this.jdbc.update("insert into chg_template (version, code, name, description, category,"
					+ " implementation_plan, backout_plan, test_plan, active, approved_by, approved_at) values (0,"
					+ " :code, :name, :description, :category, :impl, :backout, :test, :active, :me, :at)", p);
			this.audit.record(AuditEvent.of(AuditAction.CREATE, "changeTemplate", code, form.getName().strip()));
		}
		else {
			if (form.getVersion() == null || form.getVersion() != existing.get().version()) {
				throw Conflict.staleVersion("changeTemplate", code);
			}
			this.jdbc.update("update chg_template set version = version + 1, name = :name, description = :description,"
					+ " category = :category, implementation_plan = :impl, backout_plan = :backout, test_plan = :test,"
					+ " active = :active, approved_by = :me, approved_at = :at where code = :code", p);
			this.audit.record(AuditEvent.of(AuditAction.UPDATE, "changeTemplate", code, form.getName().strip()));
		}
		return findTemplate(code).orElseThrow();
	}

	// ---- implementation tasks

	/** The change's implementation tasks. */
	@Transactional(readOnly = true)
	public List<WorkItemRow> tasks(String number) {
		WorkItemView item = change(number);
		List<Long> ids = this.items.links(item.id())
			.stream()
			.filter((l) -> l.kind() == LinkKind.PARENT_OF && l.outgoing())
			.map(LinkView::otherId)
			.toList();
		return ids.isEmpty() ? List.of() : this.items.rows(TASK_TYPE, ids);
	}

	/** Adds an implementation task (for the change's group, until someone takes it). */
	public WorkItemView addTask(String number, String title) {
		WorkItemView item = change(number);
		requireWork(item);
		if (blank(title) == null) {
			throw new ValidationFailed("title", "change.error.taskTitle");
		}
		if (item.stateCategory().isEnd()) {
			throw new Conflict("change.error.finished", item.number());
		}
		return this.items.followUp(item.id(), TASK_TYPE, cutTitle(title.strip()), LinkKind.PARENT_OF);
	}

	// ---- for the CMDB

	/**
	 * Null when the change may record CMDB updates now: approved and not finished (an
	 * emergency one while it is implemented); else why not.
	 */
	@Transactional(readOnly = true)
	String cmdbRefusal(String number) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select change_type, state, approved_at from chg_change where number = :n",
				new MapSqlParameterSource("n", number.strip()));
		if (rows.isEmpty()) {
			return "change.error.unknownChange";
		}
		Map<String, Object> r = rows.get(0);
		String state = (String) r.get("state");
		boolean emergency = ChangeType.EMERGENCY.name().equals(r.get("change_type"));
		boolean approved = r.get("approved_at") != null;
		if ((approved && ("scheduled".equals(state) || "implementing".equals(state)))
				|| (emergency && "implementing".equals(state))) {
			return null;
		}
		return "change.error.notOpenForCmdb";
	}

	@Transactional(readOnly = true)
	boolean cmdbApproved(String number) {
		return !this.jdbc
			.queryForList("select item_id from chg_change where number = :n and approved_at is not null",
					new MapSqlParameterSource("n", number.strip()), Long.class)
			.isEmpty();
	}

	/** The CMDB updates recorded against the change. */
	@Transactional(readOnly = true)
	public List<ConfigurationItems.RecordedUpdate> cmdbUpdates(String number) {
		return this.cis.recordedAgainst(change(number).number());
	}

	// ---- helpers

	private WorkItemView change(String number) {
		WorkItemView item = this.items.get(number);
		if (!TYPE.equals(item.type())) {
			throw NotFound.of(TYPE, number);
		}
		return item;
	}

	private void requireWork(WorkItemView item) {
		if (!this.items.canWork(item.id())) {
			throw Forbidden.missing(WRITE);
		}
	}

	/** Whether the signed-in person may work on the change. */
	@Transactional(readOnly = true)
	public boolean canWork(long itemId) {
		return this.items.canWork(itemId);
	}

	/** Whether the signed-in person may manage templates and freeze windows. */
	public boolean canManage() {
		return this.access.user().has(MANAGE);
	}

	private static void checkWindow(Instant start, Instant end, String field) {
		if (start != null && end != null && !end.isAfter(start)) {
			throw new ValidationFailed(field, "change.error.windowOrder");
		}
	}

	private static Instant instant(LocalDateTime t, ZoneId zone) {
		return (t == null) ? null : t.atZone(zone).toInstant();
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	private static String cut(String s) {
		String b = blank(s);
		return (b == null || b.length() <= PLAN_MAX) ? b : b.substring(0, PLAN_MAX);
	}

	private static String cutTitle(String s) {
		return (s.length() <= 200) ? s : s.substring(0, 200);
	}

	private static Long longOrNull(Object o) {
		return (o == null) ? null : ((Number) o).longValue();
	}

	private static <E extends Enum<E>> E enumOrNull(Class<E> type, Object o) {
		return (o == null) ? null : Enum.valueOf(type, (String) o);
	}

}
