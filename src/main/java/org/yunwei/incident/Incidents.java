package org.yunwei.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.notification.NotificationEvent;
import org.yunwei.notification.Notifications;
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
import org.yunwei.workitem.WorkItemFormData;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * Incident management (8.3.3) beyond the kernel's record: the category tree, an
 * incident's category, resolution code and workaround, and the major-incident procedure —
 * declared with a reason (highest impact and urgency, the stakeholders told through their
 * channels), a communication log whose every update reaches them, and a post-incident
 * review without which the incident does not close (the workflow's
 * {@code majorIncidentReview} guard on its closing transitions).
 */
@Service
@Transactional
public class Incidents {

	/** Maintain the category tree and complete post-incident reviews. */
	public static final String MANAGE = "incident:manage";

	/** Declare a major incident and post its updates. */
	public static final String MAJOR = "incident:major";

	static final String TYPE = "incident";

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessControl access;

	private final WorkItems items;

	private final Directory directory;

	private final Notifications notifications;

	private final AuditTrail audit;

	private final org.yunwei.platform.Texts texts;

	private final Clock clock;

	private final List<String> stakeholders;

	Incidents(NamedParameterJdbcTemplate jdbc, AccessControl access, WorkItems items, Directory directory,
			Notifications notifications, AuditTrail audit, org.yunwei.platform.Texts texts, Clock clock,
			@Value("${yunwei.incident.major-stakeholders:role:OM_HEAD,role:MANAGEMENT_REP,group,requester,watchers}") String stakeholders) {
		this.jdbc = jdbc;
		this.access = access;
		this.items = items;
		this.directory = directory;
		this.notifications = notifications;
		this.audit = audit;
		this.texts = texts;
		this.clock = clock;
		this.stakeholders = List.of(stakeholders.split(",")).stream().map(String::strip).toList();
	}

	// ---- categories

	/** The whole tree in order (parents before their children), withdrawn ones too. */
	@Transactional(readOnly = true)
	public List<CategoryView> categories() {
		this.access.user();
		List<Map<String, Object>> rows = this.jdbc
			.queryForList("select id, version, parent_id, code, name_zh, name_en, sort_order, active from inc_category"
					+ " order by sort_order, code", new MapSqlParameterSource());
		Map<Long, List<Map<String, Object>>> children = new HashMap<>();
		for (Map<String, Object> r : rows) {
			children.computeIfAbsent((Long) number(r.get("parent_id")), (k) -> new ArrayList<>()).add(r);
		}
		List<CategoryView> out = new ArrayList<>();
		walk(children, null, 0, "", "", out);
		return out;
	}

	private static void walk(Map<Long, List<Map<String, Object>>> children, Long parent, int depth, String zh,
			String en, List<CategoryView> out) {
		for (Map<String, Object> r : children.getOrDefault(parent, List.of())) {
			long id = number(r.get("id"));
			String pathZh = zh.isEmpty() ? (String) r.get("name_zh") : zh + " / " + r.get("name_zh");
			String pathEn = en.isEmpty() ? (String) r.get("name_en") : en + " / " + r.get("name_en");
			out.add(new CategoryView(id, ((Number) r.get("version")).intValue(), parent, (String) r.get("code"),
					(String) r.get("name_zh"), (String) r.get("name_en"), ((Number) r.get("sort_order")).intValue(),
					Boolean.TRUE.equals(r.get("active")), depth, pathZh, pathEn));
			walk(children, id, depth + 1, pathZh, pathEn, out);
		}
	}

	private static Long number(Object o) {
		return (o == null) ? null : ((Number) o).longValue();
	}

	public CategoryView createCategory(CategoryFormData form) {
		this.access.require(MANAGE);
		checkCategory(form, null);
		Instant now = this.clock.instant();
		this.jdbc.update(
				"insert into inc_category (version, parent_id, code, name_zh, name_en, sort_order, active,"
						+ " created_at, updated_at) values (0, :parent, :code, :zh, :en, :sort, :active, :at, :at)",
				categoryParams(form).addValue("at", Timestamps.utc(now)));
		CategoryView created = category(form.getCode().strip());
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "incidentCategory", created.id(), created.code()));
		return created;
	}

	public CategoryView updateCategory(long id, CategoryFormData form) {
		this.access.require(MANAGE);
		CategoryView current = categories().stream()
			.filter((c) -> c.id() == id)
			.findFirst()
			.orElseThrow(() -> NotFound.of("incidentCategory", id));
		if (form.getVersion() == null || form.getVersion() != current.version()) {
			throw Conflict.staleVersion("incidentCategory", id);
		}
		checkCategory(form, id);
		this.jdbc.update("update inc_category set version = version + 1, parent_id = :parent, code = :code,"
				+ " name_zh = :zh, name_en = :en, sort_order = :sort, active = :active, updated_at = :at where id = :id",
				categoryParams(form).addValue("at", Timestamps.utc(this.clock.instant())).addValue("id", id));
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "incidentCategory", id, form.getCode()));
		return category(form.getCode().strip());
	}

	private CategoryView category(String code) {
		return categories().stream()
			.filter((c) -> c.code().equals(code))
			.findFirst()
			.orElseThrow(() -> NotFound.of("incidentCategory", code));
	}

	private void checkCategory(CategoryFormData form, Long id) {
		List<CategoryView> all = categories();
		String code = form.getCode().strip();
		if (all.stream().anyMatch((c) -> c.code().equals(code) && !Objects.equals(c.id(), id))) {
			throw new ValidationFailed("code", "incident.error.categoryCodeTaken", code);
		}
		if (form.getParentId() != null) {
			Map<Long, CategoryView> byId = new HashMap<>();
			all.forEach((c) -> byId.put(c.id(), c));
			CategoryView parent = byId.get(form.getParentId());
			if (parent == null) {
				throw new ValidationFailed("parentId", "incident.error.unknownCategory", form.getParentId());
			}
			// no category under itself or one of its own descendants
			for (CategoryView p = parent; p != null; p = (p.parentId() == null) ? null : byId.get(p.parentId())) {
				if (id != null && p.id() == id) {
					throw new ValidationFailed("parentId", "incident.error.categoryCycle");
				}
			}
		}
	}

	private static MapSqlParameterSource categoryParams(CategoryFormData form) {
		return new MapSqlParameterSource("parent", form.getParentId()).addValue("code", form.getCode().strip())
			.addValue("zh", form.getNameZh().strip())
			.addValue("en", form.getNameEn().strip())
			.addValue("sort", form.getSortOrder())
			.addValue("active", form.isActive());
	}

	// ---- an incident's details

	/** An incident's details as whoever may read the incident sees them. */
	@Transactional(readOnly = true)
	public IncidentDetails details(String number) {
		WorkItemView item = incident(number);
		return details(item);
	}

	/** Sets an incident's category, resolution code and workaround. */
	public IncidentDetails saveDetails(String number, DetailsFormData form) {
		WorkItemView item = incident(number);
		requireWork(item);
		IncidentDetails current = details(item);
		if (exists(item.id()) && (form.getVersion() == null || form.getVersion() != current.version())) {
			throw Conflict.staleVersion("incident", item.number());
		}
		if (form.getCategoryId() != null && categories().stream()
			.noneMatch((c) -> c.id() == form.getCategoryId()
					&& (c.active() || (current.category() != null && current.category().id() == c.id())))) {
			throw new ValidationFailed("categoryId", "incident.error.unknownCategory", form.getCategoryId());
		}
		ensureRow(item.id());
		this.jdbc.update(
				"update inc_incident set version = version + 1, category_id = :c, resolution_code = :r,"
						+ " workaround = :w, updated_at = :at where item_id = :id",
				new MapSqlParameterSource("id", item.id()).addValue("c", form.getCategoryId())
					.addValue("r", (form.getResolutionCode() == null) ? null : form.getResolutionCode().name())
					.addValue("w", blankToNull(form.getWorkaround()))
					.addValue("at", Timestamps.utc(this.clock.instant())));
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "incidentDetails", item.id(), item.number()));
		return details(item);
	}

	// ---- major incidents

	/**
	 * Declares an incident a major incident: highest impact and urgency, the reason in
	 * its journal, and the stakeholders told at once.
	 */
	public IncidentDetails declareMajor(String number, String reason) {
		CurrentUser me = this.access.require(MAJOR);
		WorkItemView item = incident(number);
		requireWork(item);
		if (item.stateCategory().isEnd()) {
			throw new Conflict("incident.error.ended", item.number());
		}
		if (reason == null || reason.isBlank()) {
			throw new ValidationFailed("reason", "incident.error.reasonRequired");
		}
		if (details(item).major()) {
			throw new Conflict("incident.error.alreadyMajor", item.number());
		}
		ensureRow(item.id());
		Instant now = this.clock.instant();
		this.jdbc.update(
				"update inc_incident set version = version + 1, major = true, major_reason = :reason,"
						+ " major_declared_by = :by, major_declared_at = :at, updated_at = :at where item_id = :id",
				new MapSqlParameterSource("id", item.id()).addValue("reason", reason.strip())
					.addValue("by", me.id())
					.addValue("at", Timestamps.utc(now)));
		if (item.impact() != 1 || item.urgency() != 1) {
			WorkItemFormData f = WorkItemFormData.of(item, this.items.zone());
			f.setImpact(1);
			f.setUrgency(1);
			item = this.items.update(item.id(), f);
		}
		this.items.comment(item.id(), this.texts.shown("incident.journal.declared", reason.strip()), true);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "majorIncident", item.id(), item.number()));
		this.notifications.tell(NotificationEvent.MAJOR_INCIDENT, item.id(), stakeholders(item, me.id()),
				Map.of("by", me.displayName(), "reason", reason.strip()));
		return details(item);
	}

	/**
	 * Posts an update of a major incident: kept in its communication log, added to its
	 * journal for the requester, and sent to the stakeholders.
	 */
	public IncidentDetails postUpdate(String number, String message) {
		CurrentUser me = this.access.require(MAJOR);
		WorkItemView item = incident(number);
		requireWork(item);
		if (!details(item).major()) {
			throw new Conflict("incident.error.notMajor", item.number());
		}
		if (message == null || message.isBlank()) {
			throw new ValidationFailed("message", "incident.error.messageRequired");
		}
		Set<Long> people = stakeholders(item, me.id());
		this.jdbc.update(
				"insert into inc_major_update (item_id, message, notified, posted_by, posted_at)"
						+ " values (:id, :m, :n, :by, :at)",
				new MapSqlParameterSource("id", item.id()).addValue("m", message.strip())
					.addValue("n", people.size())
					.addValue("by", me.id())
					.addValue("at", Timestamps.utc(this.clock.instant())));
		this.items.comment(item.id(), this.texts.shown("incident.journal.update", message.strip()), false);
		this.notifications.tell(NotificationEvent.MAJOR_INCIDENT_UPDATE, item.id(), people,
				Map.of("by", me.displayName(), "message", message.strip()));
		return details(item);
	}

	/**
	 * Saves the post-incident review; {@code complete} (all four parts written) marks it
	 * done, after which it no longer changes and the incident may close.
	 */
	public IncidentDetails saveReview(String number, ReviewFormData form) {
		CurrentUser me = this.access.require(MANAGE);
		WorkItemView item = incident(number);
		IncidentDetails current = details(item);
		if (!current.major()) {
			throw new Conflict("incident.error.notMajor", item.number());
		}
		if (current.reviewDone()) {
			throw new Conflict("incident.error.reviewDone", item.number());
		}
		if (form.isComplete()) {
			List<ValidationFailed.Violation> missing = new ArrayList<>();
			Map<String, String> parts = new java.util.LinkedHashMap<>();
			parts.put("summary", form.getSummary());
			parts.put("cause", form.getCause());
			parts.put("actions", form.getActions());
			parts.put("lessons", form.getLessons());
			parts.forEach((k, v) -> {
				if (v == null || v.isBlank()) {
					missing.add(new ValidationFailed.Violation(k, "incident.error.reviewPart", List.of()));
				}
			});
			if (!missing.isEmpty()) {
				throw new ValidationFailed(missing);
			}
		}
		Instant now = this.clock.instant();
		this.jdbc.update("update inc_incident set version = version + 1, review_summary = :s, review_cause = :c,"
				+ " review_actions = :a, review_lessons = :l, reviewed_by = :by, reviewed_at = :at, updated_at = :now"
				+ " where item_id = :id",
				new MapSqlParameterSource("id", item.id()).addValue("s", blankToNull(form.getSummary()))
					.addValue("c", blankToNull(form.getCause()))
					.addValue("a", blankToNull(form.getActions()))
					.addValue("l", blankToNull(form.getLessons()))
					.addValue("by", form.isComplete() ? me.id() : null)
					.addValue("at", form.isComplete() ? Timestamps.utc(now) : null)
					.addValue("now", Timestamps.utc(now)));
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "majorIncidentReview", item.id(),
				item.number() + (form.isComplete() ? " completed" : "")));
		if (form.isComplete()) {
			this.items.comment(item.id(), this.texts.shown("incident.journal.reviewed"), true);
		}
		return details(item);
	}

	// ---- recurring incidents

	/** Incidents of one category opened within the window: a problem candidate. */
	public record Recurrence(CategoryView category, List<Long> incidentIds) {
	}

	/**
	 * Categories with at least {@code threshold} incidents opened in the last
	 * {@code days} days (leaving out those in {@code exclude}), most first: where a
	 * problem is likely.
	 */
	@Transactional(readOnly = true)
	public List<Recurrence> recurring(int days, int threshold, java.util.Collection<Long> exclude) {
		this.access.require(TYPE + ":write");
		List<Long> ids = new ArrayList<>(
				this.items.openedSince(TYPE, this.clock.instant().minus(java.time.Duration.ofDays(days))));
		ids.removeAll(exclude);
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Long>> byCategory = new java.util.LinkedHashMap<>();
		org.yunwei.platform.IdChunks.each(ids.stream().sorted().toList(),
				(chunk) -> this.jdbc.query(
						"select item_id, category_id from inc_incident where category_id is not null"
								+ " and item_id in (:ids) order by item_id",
						new MapSqlParameterSource("ids", chunk), (rs) -> {
							byCategory.computeIfAbsent(rs.getLong(2), (k) -> new ArrayList<>()).add(rs.getLong(1));
						}));
		Map<Long, CategoryView> categories = new HashMap<>();
		categories().forEach((c) -> categories.put(c.id(), c));
		return byCategory.entrySet()
			.stream()
			.filter((e) -> e.getValue().size() >= threshold && categories.containsKey(e.getKey()))
			.map((e) -> new Recurrence(categories.get(e.getKey()), e.getValue()))
			.sorted(java.util.Comparator.comparing((Recurrence r) -> -r.incidentIds().size()))
			.toList();
	}

	/**
	 * How many incidents opened since a moment fall in each category (read by the system,
	 * for reports such as the knowledge-gap report).
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> openedByCategory(Instant since) {
		List<Long> ids = this.items.openedSince(TYPE, since);
		Map<Long, Long> counts = new HashMap<>();
		org.yunwei.platform.IdChunks.each(ids,
				(chunk) -> this.jdbc.query(
						"select category_id, count(*) from inc_incident where category_id is not null"
								+ " and item_id in (:ids) group by category_id",
						new MapSqlParameterSource("ids", chunk), (rs) -> {
							counts.merge(rs.getLong(1), rs.getLong(2), Long::sum);
						}));
		return counts;
	}

	// ---- mass incidents: parent and children

	/**
	 * An incident's parent (a mass incident it is part of) and its own child incidents.
	 */
	public record Family(org.yunwei.workitem.LinkView parent, List<org.yunwei.workitem.LinkView> children) {
	}

	@Transactional(readOnly = true)
	public Family family(String number) {
		WorkItemView item = incident(number);
		org.yunwei.workitem.LinkView parent = null;
		List<org.yunwei.workitem.LinkView> children = new ArrayList<>();
		List<org.yunwei.workitem.LinkView> links = this.items.links(item.id())
			.stream()
			.filter((l) -> l.kind() == org.yunwei.workitem.LinkKind.PARENT_OF)
			.toList();
		Map<Long, org.yunwei.workitem.WorkItemBrief> others = this.items
			.briefs(links.stream().map(org.yunwei.workitem.LinkView::otherId).toList());
		for (org.yunwei.workitem.LinkView l : links) {
			if (others.containsKey(l.otherId()) && TYPE.equals(others.get(l.otherId()).type())) {
				if (l.outgoing()) {
					children.add(l);
				}
				else {
					parent = l;
				}
			}
		}
		return new Family(parent, children);
	}

	/**
	 * Makes an incident part of a mass incident: the parent's resolution resolves it (the
	 * {@code resolveChildren} workflow action), so each requester is told and confirms.
	 * One level: a parent is not itself a child.
	 */
	public Family attachToParent(String number, String parentNumber) {
		WorkItemView child = incident(number);
		requireWork(child);
		if (parentNumber == null || parentNumber.isBlank()) {
			throw new ValidationFailed("parent", "incident.error.parentRequired");
		}
		WorkItemView parent = incident(parentNumber.strip());
		if (parent.id() == child.id()) {
			throw new ValidationFailed("parent", "workitem.error.linkSelf");
		}
		if (parent.stateCategory().isEnd() || child.stateCategory().isEnd()) {
			throw new Conflict("incident.error.ended",
					parent.stateCategory().isEnd() ? parent.number() : child.number());
		}
		if (family(child.number()).parent() != null) {
			throw new Conflict("incident.error.hasParent", child.number());
		}
		if (family(parent.number()).parent() != null || !family(child.number()).children().isEmpty()) {
			throw new ValidationFailed("parent", "incident.error.oneLevel");
		}
		this.items.link(parent.id(), org.yunwei.workitem.LinkKind.PARENT_OF, child.number());
		this.items.comment(child.id(), this.texts.shown("incident.journal.childOf", parent.number()), false);
		return family(child.number());
	}

	/**
	 * The workflow action on a parent's resolution: each open child incident is taken up
	 * if it must be and resolved with the parent's comment.
	 */
	void resolveChildren(org.yunwei.workitem.TransitionContext context) {
		WorkItemView parent = context.item();
		String comment = this.texts.shown("incident.journal.resolvedWithParent", parent.number())
				+ ((context.comment() == null || context.comment().isBlank()) ? "" : "\n\n" + context.comment());
		for (String number : context.openLinked(org.yunwei.workitem.LinkKind.PARENT_OF)) {
			WorkItemView child = this.items.get(number);
			if (!TYPE.equals(child.type())) {
				continue;
			}
			for (String step : List.of("take", "resume", "resolve")) {
				boolean open = this.items.transitions(child.id()).stream().anyMatch((t) -> t.name().equals(step));
				if (!open) {
					continue;
				}
				if ("resolve".equals(step) && child.assignee() == null) {
					child = this.items.assign(child.id(), this.access.user().id(), null);
				}
				child = this.items.take(child.id(), step, new org.yunwei.workitem.TransitionRequest(
						"resolve".equals(step) ? comment : null, false, null, null, null));
			}
		}
	}

	/**
	 * The workflow guard: a major incident does not close before its post-incident review
	 * is completed.
	 */
	void requireReview(WorkItemView item) {
		IncidentDetails d = details(item);
		if (d.major() && !d.reviewDone()) {
			throw new Conflict("incident.error.reviewRequired", item.number());
		}
	}

	/**
	 * Whether the signed-in person may declare major incidents and post their updates.
	 */
	@Transactional(readOnly = true)
	public boolean canDeclare() {
		return this.access.has(MAJOR);
	}

	@Transactional(readOnly = true)
	public boolean canManage() {
		return this.access.has(MANAGE);
	}

	/** The people a major incident concerns (never the one telling them). */
	private Set<Long> stakeholders(WorkItemView item, long actor) {
		Set<Long> people = new LinkedHashSet<>();
		for (String s : this.stakeholders) {
			if (s.startsWith("role:")) {
				people.addAll(this.directory.usersWithRole(s.substring(5)));
			}
			else if (s.equals("group") && item.group() != null) {
				people.addAll(this.directory.members(item.group().id()));
			}
			else if (s.equals("requester") && item.requester() != null) {
				people.add(item.requester().id());
			}
			else if (s.equals("assignee") && item.assignee() != null) {
				people.add(item.assignee().id());
			}
			else if (s.equals("watchers")) {
				people.addAll(this.items.watcherIds(item.id()));
			}
		}
		people.remove(actor);
		return people;
	}

	private IncidentDetails details(WorkItemView item) {
		List<Map<String, Object>> rows = this.jdbc.queryForList("select * from inc_incident where item_id = :id",
				new MapSqlParameterSource("id", item.id()));
		if (rows.isEmpty()) {
			return new IncidentDetails(item.id(), 0, null, null, null, false, null, null, null, null, List.of());
		}
		Map<String, Object> r = rows.get(0);
		Long categoryId = number(r.get("category_id"));
		CategoryView category = (categoryId == null) ? null
				: categories().stream().filter((c) -> c.id() == categoryId).findFirst().orElse(null);
		List<Map<String, Object>> updates = this.jdbc.queryForList(
				"select id, message, notified, posted_by, posted_at from inc_major_update where item_id = :id order by id desc",
				new MapSqlParameterSource("id", item.id()));
		Set<Long> people = new java.util.HashSet<>();
		people.add(number(r.get("major_declared_by")));
		people.add(number(r.get("reviewed_by")));
		updates.forEach((u) -> people.add(number(u.get("posted_by"))));
		people.remove(null);
		Map<Long, String> names = this.directory.userNames(people);
		boolean major = Boolean.TRUE.equals(r.get("major"));
		IncidentDetails.Review review = major ? new IncidentDetails.Review((String) r.get("review_summary"),
				(String) r.get("review_cause"), (String) r.get("review_actions"), (String) r.get("review_lessons"),
				names.get(number(r.get("reviewed_by"))), Timestamps.instant(r.get("reviewed_at"))) : null;
		return new IncidentDetails(item.id(), ((Number) r.get("version")).intValue(), category,
				(r.get("resolution_code") == null) ? null : ResolutionCode.valueOf((String) r.get("resolution_code")),
				(String) r.get("workaround"), major, (String) r.get("major_reason"),
				names.get(number(r.get("major_declared_by"))), Timestamps.instant(r.get("major_declared_at")), review,
				updates.stream()
					.map((u) -> new IncidentDetails.Update(number(u.get("id")), (String) u.get("message"),
							((Number) u.get("notified")).intValue(), names.get(number(u.get("posted_by"))),
							Timestamps.instant(u.get("posted_at"))))
					.toList());
	}

	private boolean exists(long itemId) {
		Integer n = this.jdbc.queryForObject("select count(*) from inc_incident where item_id = :id",
				new MapSqlParameterSource("id", itemId), Integer.class);
		return n != null && n > 0;
	}

	private void ensureRow(long itemId) {
		if (!exists(itemId)) {
			this.jdbc.update(
					"insert into inc_incident (item_id, version, major, updated_at) values (:id, 0, false, :at)",
					new MapSqlParameterSource("id", itemId).addValue("at", Timestamps.utc(this.clock.instant())));
		}
	}

	private WorkItemView incident(String number) {
		WorkItemView item = this.items.get(number);
		if (!TYPE.equals(item.type())) {
			throw NotFound.of("incident", number);
		}
		return item;
	}

	private void requireWork(WorkItemView item) {
		if (!this.items.canWork(item.id())) {
			throw Forbidden.missing(TYPE + ":write");
		}
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
