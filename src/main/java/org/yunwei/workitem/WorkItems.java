package org.yunwei.workitem;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.Forbidden;
import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.IdChunks;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.ValidationFailed.Violation;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.identity.RecordScope;
import org.yunwei.workitem.WorkflowDefinition.State;
import org.yunwei.workitem.WorkflowDefinition.Transition;
import org.yunwei.workitem.internal.JournalEntry;
import org.yunwei.workitem.internal.JournalRepository;
import org.yunwei.workitem.internal.Link;
import org.yunwei.workitem.internal.LinkRepository;
import org.yunwei.workitem.internal.WorkItem;
import org.yunwei.workitem.internal.WorkItemNumbers;
import org.yunwei.workitem.internal.WorkItemRepository;

/**
 * The work-item kernel's facade: create, read, update and list work items of any type;
 * take workflow transitions; write the journal; link and watch. Every call checks the
 * type's permission and the caller's record scope; every change is journalled and
 * audited.
 */
@Service
@Transactional
public class WorkItems {

	private static final String RECORD_TYPE = "workItem";

	private final WorkItemRepository items;

	private final JournalRepository journal;

	private final LinkRepository links;

	private final WorkItemNumbers numbers;

	private final WorkItemTypes types;

	private final Workflows workflows;

	private final AccessControl access;

	private final Directory directory;

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final org.yunwei.platform.search.Search search;

	private final Clock clock;

	private final Map<String, WorkflowActionHandler> handlers;

	private final org.yunwei.workitem.internal.ApprovalRepository approvals;

	private final org.yunwei.workitem.internal.ApprovalStepRepository approvalSteps;

	private final org.yunwei.workitem.internal.ApprovalEngine approvalEngine;

	private final org.yunwei.workitem.internal.AttachmentRepository attachments;

	private final org.yunwei.platform.files.FileStore attachmentStore;

	private final org.yunwei.platform.web.Formats formats;

	private final org.springframework.beans.factory.ObjectProvider<ServiceOptions> services;

	private final org.springframework.beans.factory.ObjectProvider<ConfigurationItemNames> ciNames;

	private final ApprovalDelegations delegations;

	private final org.yunwei.fields.CustomFields fields;

	/** The priority matrix by impact × 10 + urgency. */
	private final org.yunwei.platform.ReadCache<Integer, Integer> priorityMatrix = new org.yunwei.platform.ReadCache<>();

	/** The kind under which work items are found by the kernel's search. */
	public static final String SEARCH_KIND = "workitem";

	/** The custom-field scope of a work-item type. */
	public static String fieldScope(String type) {
		return "workItem:" + type;
	}

	WorkItems(WorkItemRepository items, JournalRepository journal, LinkRepository links, WorkItemNumbers numbers,
			WorkItemTypes types, Workflows workflows, AccessControl access, Directory directory,
			NamedParameterJdbcTemplate jdbc, JsonMapper json, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock, List<WorkflowActionHandler> handlers,
			org.yunwei.workitem.internal.ApprovalRepository approvals,
			org.yunwei.workitem.internal.ApprovalStepRepository approvalSteps,
			org.yunwei.workitem.internal.ApprovalEngine approvalEngine,
			org.yunwei.workitem.internal.AttachmentRepository attachments,
			org.yunwei.platform.files.FileStore attachmentStore, org.yunwei.platform.web.Formats formats,
			org.springframework.beans.factory.ObjectProvider<ServiceOptions> services, ApprovalDelegations delegations,
			org.yunwei.fields.CustomFields fields, org.yunwei.platform.search.Search search,
			org.springframework.beans.factory.ObjectProvider<ConfigurationItemNames> ciNames) {
		this.search = search;
		this.ciNames = ciNames;
		this.fields = fields;
		this.delegations = delegations;
		this.formats = formats;
		this.services = services;
		this.attachments = attachments;
		this.attachmentStore = attachmentStore;
		this.approvals = approvals;
		this.approvalSteps = approvalSteps;
		this.approvalEngine = approvalEngine;
		this.items = items;
		this.journal = journal;
		this.links = links;
		this.numbers = numbers;
		this.types = types;
		this.workflows = workflows;
		this.access = access;
		this.directory = directory;
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.handlers = new HashMap<>();
		handlers.forEach((h) -> this.handlers.put(h.type(), h));
	}

	// ---- create, read, update

	/**
	 * Creates a record. Someone who may only submit records of the type (not work on
	 * them) raises it for themselves: they say what, how urgent and about which service;
	 * who handles it and its impact are left to the people who work on it.
	 */
	public WorkItemView create(String type, WorkItemFormData form) {
		return create(type, Workflows.OWN, form);
	}

	/**
	 * Creates a record that starts on a variant of its type's workflow (a catalogue
	 * item's fulfilment workflow), or on the type's own when the variant has none.
	 */
	public WorkItemView create(String type, String variant, WorkItemFormData form) {
		return create(type, variant, form, null);
	}

	/**
	 * Where a channel sends a record it raises (the service desk's queue, a catalogue
	 * item's group) unless the record names a group itself, and why (for the journal).
	 */
	public record Routing(long groupId, String reason) {
	}

	/**
	 * Creates a record that a module raises through one of its channels (the portal,
	 * e-mail): without a group of its own it starts in {@code routing}'s, with a system
	 * change in the journal naming the reason.
	 */
	public WorkItemView create(String type, String variant, WorkItemFormData form, Routing routing) {
		WorkItemType t = this.types.get(type);
		CurrentUser me = (!this.access.has(t.writePermission()) && this.access.has(t.submitPermission()))
				? this.access.user() : this.access.require(t.writePermission());
		if (!me.has(t.writePermission())) {
			form.setRequesterId(null);
			form.setAssigneeId(null);
			form.setGroupId(null);
			form.setDueAt(null);
			form.setImpact(3);
			form.getTags().clear();
		}
		return insert(t, variant, form, me, routing);
	}

	/** Creates the record as {@code me}, whose right to do so has been checked. */
	private WorkItemView insert(WorkItemType t, String variant, WorkItemFormData form, CurrentUser me,
			Routing routing) {
		String type = t.code();
		Instant now = this.clock.instant();
		Long requester = (form.getRequesterId() != null) ? form.getRequesterId() : me.id();
		checkReferences(requester, form.getAssigneeId(), form.getGroupId());
		long workflowId = this.workflows.activeId(type, variant);
		WorkflowDefinition def = this.workflows.definition(workflowId);
		State initial = def.initialState();
		WorkItem item = new WorkItem(t.code(), this.numbers.next(t.code(), t.prefix(), now), workflowId, initial.code(),
				initial.category(), now, me.id());
		apply(item, form, requester);
		checkService(item.getServiceId(), null);
		Map<String, JournalEntryView.FieldChange> routed = null;
		if (routing != null && item.getGroupId() == null && this.directory.isActiveGroup(routing.groupId())) {
			item.setGroupId(routing.groupId());
			routed = new LinkedHashMap<>();
			routed.put("routing", new JournalEntryView.FieldChange("routing", null, routing.reason()));
			routed.put("group", new JournalEntryView.FieldChange("group", null,
					this.directory.groupNames(List.of(routing.groupId())).get(routing.groupId())));
		}
		item = this.items.saveAndFlush(item);
		this.fields.write(fieldScope(type), item.getId(), form.getCustomFields(), true);
		history(item.getId(), null, null, initial.code(), me.id(), now);
		Context context = new Context(item, def.creation(), me, now, def);
		for (WorkflowDefinition.Action action : def.onCreate()) {
			handler(action).apply(action, context);
		}
		this.items.flush();
		this.journal.save(new JournalEntry(item.getId(), JournalKind.SYSTEM, null,
				changesJson(Map.of("state", new JournalEntryView.FieldChange("state", null, initial.label("zh")))),
				me.id(), me.displayName(), now));
		if (routed != null) {
			this.journal
				.save(new JournalEntry(item.getId(), JournalKind.SYSTEM, null, changesJson(routed), null, "系统", now));
		}
		this.events.publishEvent(new WorkItemCreated(item.getId(), type, item.getNumber(), item.getAssigneeId()));
		this.search.changed(SEARCH_KIND, item.getId());
		return view(item, def);
	}

	@Transactional(readOnly = true)
	public WorkItemView get(String idOrNumber) {
		WorkItem item = find(idOrNumber);
		requireVisible(item, false);
		return view(item, this.workflows.definition(item.getWorkflowId()));
	}

	public WorkItemView update(long id, WorkItemFormData form) {
		WorkItem item = find(String.valueOf(id));
		CurrentUser me = requireVisible(item, true);
		if (form.getVersion() == null || form.getVersion() != item.getVersion()) {
			throw Conflict.staleVersion(RECORD_TYPE, item.getNumber());
		}
		Long requester = (form.getRequesterId() != null) ? form.getRequesterId() : item.getRequesterId();
		checkReferences(requester, form.getAssigneeId(), form.getGroupId());
		Map<String, String> before = snapshot(item);
		Long serviceBefore = item.getServiceId();
		apply(item, form, requester);
		checkService(item.getServiceId(), serviceBefore);
		Map<String, String> after = snapshot(item);
		Map<String, JournalEntryView.FieldChange> changes = diff(before, after);
		this.fields.write(fieldScope(item.getTypeCode()), item.getId(), form.getCustomFields(), false)
			.forEach((label, values) -> changes.put("custom:" + label,
					new JournalEntryView.FieldChange("custom:" + label, values[0], values[1])));
		if (!changes.isEmpty()) {
			Instant now = this.clock.instant();
			item.touch(now);
			this.journal.save(new JournalEntry(item.getId(), JournalKind.SYSTEM, null, changesJson(changes), me.id(),
					me.displayName(), now));
		}
		this.items.flush();
		changed(item, changes.keySet());
		return view(item, this.workflows.definition(item.getWorkflowId()));
	}

	/**
	 * Moves a record to a group and/or person (a bulk action or a quick assignment), with
	 * the change in its journal; a person not in the group is refused like on the form.
	 */
	public WorkItemView assign(long id, Long assigneeId, Long groupId) {
		WorkItem item = find(String.valueOf(id));
		CurrentUser me = requireVisible(item, true);
		checkReferences(null, assigneeId, groupId);
		Map<String, String> before = snapshot(item);
		if (groupId != null) {
			item.setGroupId(groupId);
		}
		if (assigneeId != null) {
			item.setAssigneeId(assigneeId);
		}
		Map<String, JournalEntryView.FieldChange> changes = diff(before, snapshot(item));
		if (!changes.isEmpty()) {
			Instant now = this.clock.instant();
			item.touch(now);
			this.journal.save(new JournalEntry(item.getId(), JournalKind.SYSTEM, null, changesJson(changes), me.id(),
					me.displayName(), now));
			this.items.flush();
			changed(item, changes.keySet());
		}
		return view(item, this.workflows.definition(item.getWorkflowId()));
	}

	// ---- lists

	@Transactional(readOnly = true)
	public KeysetPage<WorkItemRow> list(WorkItemFilter filter, String after, Integer size) {
		WorkItemType t = this.types.get(filter.type());
		CurrentUser me = this.access.require(t.readPermission());
		int pageSize = KeysetPage.size(size);
		MapSqlParameterSource p = new MapSqlParameterSource("type", t.code()).addValue("farFuture", FAR_FUTURE);
		// The type and the SLA status are written into the statement, not bound: both
		// come
		// from fixed sets (type codes are checked when registered), and with a bound SLA
		// status PostgreSQL's generic plan for the reused statement guessed the same
		// share
		// of rows for every value and walked the primary key backwards (11 ms instead of
		// 1 ms at a million records).
		StringBuilder sql = new StringBuilder(ROW_COLUMNS + " from wi_item i where i.type_code = '" + t.code() + "'");
		scope(sql, p, me, me.scope(t.readPermission()));
		if (filter.category() != null) {
			sql.append(" and i.state_category = :category");
			p.addValue("category", filter.category().name());
		}
		if (Boolean.TRUE.equals(filter.open())) {
			sql.append(" and i.state_category in ('NEW', 'ACTIVE', 'WAITING')");
		}
		if (filter.state() != null && !filter.state().isBlank()) {
			sql.append(" and i.state = :state");
			p.addValue("state", filter.state());
		}
		if (filter.assigneeId() != null) {
			sql.append(" and i.assignee_id = :assignee");
			p.addValue("assignee", filter.assigneeId());
		}
		if (filter.groupId() != null) {
			sql.append(" and i.group_id = :group");
			p.addValue("group", filter.groupId());
		}
		if (filter.requesterId() != null) {
			sql.append(" and i.requester_id = :requester");
			p.addValue("requester", filter.requesterId());
		}
		if (filter.priority() != null) {
			sql.append(" and i.priority = :priority");
			p.addValue("priority", filter.priority());
		}
		if (Boolean.TRUE.equals(filter.overdue())) {
			sql.append(" and i.due_at < :now and i.state_category in ('NEW', 'ACTIVE', 'WAITING')");
			p.addValue("now", this.clock.instant().atOffset(java.time.ZoneOffset.UTC));
		}
		if (filter.sla() != null) {
			sql.append(" and i.sla_status = '").append(filter.sla().name()).append("'");
		}
		if (Boolean.TRUE.equals(filter.mine())) {
			sql.append(" and (i.assignee_id = :me");
			if (!me.groupIds().isEmpty()) {
				sql.append(" or (i.assignee_id is null and i.group_id in (:myGroups))");
				p.addValue("myGroups", me.groupIds());
			}
			sql.append(")");
			p.addValue("me", me.id());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			sql.append(" and (upper(i.number) like :q or upper(i.title) like :q)");
			p.addValue("q", "%" + filter.q().trim().toUpperCase(java.util.Locale.ROOT) + "%");
		}
		this.fields.filter(fieldScope(t.code()), filter.custom(), "i.id", sql, p);
		ZoneId zone = zone();
		range(sql, p, "i.opened_at", "opened", filter.openedFrom(), filter.openedTo(), zone);
		range(sql, p, "i.due_at", "due", filter.dueFrom(), filter.dueTo(), zone);
		String cursor = KeysetPage.decode(after);
		if (filter.sortField() != null && !filter.sortField().isBlank()) {
			return listByField(t.code(), filter.sortField(), sql, p, cursor, pageSize);
		}
		WorkItemSort sort = (filter.sort() == null) ? WorkItemSort.NEWEST : filter.sort();
		if (cursor != null) {
			after(sql, p, sort, cursor);
		}
		sql.append(ORDER.get(sort)).append(" fetch first ").append(pageSize + 1).append(" rows only");
		List<WorkItemRow> rows = rows(sql.toString(), p);
		return KeysetPage.of(rows, pageSize, (row) -> cursor(sort, row));
	}

	/**
	 * A list ordered by a custom field's value (records without one last, then by id),
	 * paged by keyset on (has no value, value, id); the same on H2 and PostgreSQL.
	 */
	private KeysetPage<WorkItemRow> listByField(String type, String code, StringBuilder sql, MapSqlParameterSource p,
			String cursor, int pageSize) {
		org.yunwei.fields.CustomFields.SortKey key = this.fields.sortKey(fieldScope(type), code);
		String value = key.expression("i.id", "sortField");
		p.addValue("sortField", key.fieldId());
		if (cursor != null) {
			String[] parts = cursor.split("\\|", 3);
			try {
				p.addValue("afterId", Long.parseLong(parts[1]));
				if ("1".equals(parts[0])) {
					sql.append(" and ").append(value).append(" is null and i.id > :afterId");
				}
				else {
					p.addValue("afterValue", key.parse(parts[2]));
					sql.append(" and (")
						.append(value)
						.append(" is null or ")
						.append(value)
						.append(" > :afterValue or (")
						.append(value)
						.append(" = :afterValue and i.id > :afterId))");
				}
			}
			catch (RuntimeException ex) {
				throw new ValidationFailed("after", "error.cursor");
			}
		}
		sql.append(" order by case when ")
			.append(value)
			.append(" is null then 1 else 0 end, ")
			.append(value)
			.append(", i.id fetch first ")
			.append(pageSize + 1)
			.append(" rows only");
		List<WorkItemRow> rows = rows(sql.toString(), p);
		if (rows.size() <= pageSize) {
			return KeysetPage.of(rows, pageSize, (row) -> "");
		}
		WorkItemRow last = rows.get(pageSize - 1);
		Object raw = this.fields.values(fieldScope(type), List.of(last.id()))
			.getOrDefault(last.id(), Map.of())
			.get(code);
		String lastKey = (raw == null) ? "1|" + last.id() + "|" : "0|" + last.id() + "|"
				+ ((raw instanceof java.math.BigDecimal n) ? n.toPlainString() : raw.toString());
		return KeysetPage.of(rows, pageSize, (row) -> lastKey);
	}

	private static final Map<WorkItemSort, String> ORDER = Map.of(WorkItemSort.NEWEST, " order by i.id desc",
			WorkItemSort.PRIORITY, " order by i.priority, i.id desc", WorkItemSort.DUE,
			" order by coalesce(i.due_at, :farFuture), i.id", WorkItemSort.UPDATED,
			" order by i.updated_at desc, i.id desc");

	private static final java.time.OffsetDateTime FAR_FUTURE = java.time.OffsetDateTime.parse("9999-12-31T00:00:00Z");

	/** The keyset condition of the page after the row a cursor names. */
	private static void after(StringBuilder sql, MapSqlParameterSource p, WorkItemSort sort, String cursor) {
		String[] parts = cursor.split("\\|");
		try {
			long id = Long.parseLong(parts[parts.length - 1]);
			p.addValue("afterId", id);
			switch (sort) {
				case PRIORITY:
					sql.append(" and (i.priority > :afterKey or (i.priority = :afterKey and i.id < :afterId))");
					p.addValue("afterKey", Integer.parseInt(parts[0]));
					break;
				case DUE:
					sql.append(" and (coalesce(i.due_at, :farFuture) > :afterKey"
							+ " or (coalesce(i.due_at, :farFuture) = :afterKey and i.id > :afterId))");
					p.addValue("afterKey", Instant.ofEpochMilli(Long.parseLong(parts[0])).atOffset(ZoneOffset.UTC));
					break;
				case UPDATED:
					sql.append(" and (i.updated_at < :afterKey or (i.updated_at = :afterKey and i.id < :afterId))");
					p.addValue("afterKey", Instant.ofEpochMilli(Long.parseLong(parts[0])).atOffset(ZoneOffset.UTC));
					break;
				default:
					sql.append(" and i.id < :afterId");
			}
		}
		catch (RuntimeException ex) {
			throw new ValidationFailed("after", "error.cursor");
		}
	}

	private static String cursor(WorkItemSort sort, WorkItemRow row) {
		switch (sort) {
			case PRIORITY:
				return row.priority() + "|" + row.id();
			case DUE:
				return ((row.dueAt() == null) ? FAR_FUTURE.toInstant() : row.dueAt()).toEpochMilli() + "|" + row.id();
			case UPDATED:
				return row.updatedAt().toEpochMilli() + "|" + row.id();
			default:
				return String.valueOf(row.id());
		}
	}

	/** Days from and to (both included) read in the reader's zone. */
	private static void range(StringBuilder sql, MapSqlParameterSource p, String column, String name,
			java.time.LocalDate from, java.time.LocalDate to, ZoneId zone) {
		if (from != null) {
			sql.append(" and ").append(column).append(" >= :").append(name).append("From");
			p.addValue(name + "From", from.atStartOfDay(zone).toOffsetDateTime());
		}
		if (to != null) {
			sql.append(" and ").append(column).append(" < :").append(name).append("To");
			p.addValue(name + "To", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
		}
	}

	/** The most rows one export writes. */
	public static final int EXPORT_LIMIT = 100_000;

	/**
	 * Every row of a filtered list, page by page (keyset, constant memory), up to
	 * {@link #EXPORT_LIMIT}; the export is audited.
	 */
	@Transactional(readOnly = true)
	public void export(WorkItemFilter filter, java.util.function.Consumer<WorkItemRow> sink) {
		String after = null;
		int total = 0;
		do {
			KeysetPage<WorkItemRow> page = list(filter, after, KeysetPage.MAX_SIZE);
			page.items().forEach(sink);
			total += page.items().size();
			after = page.next();
		}
		while (after != null && total < EXPORT_LIMIT);
		this.audit.record(AuditEvent.of(AuditAction.EXPORT, RECORD_TYPE, null,
				total + " " + filter.type() + " work items exported"));
	}

	/**
	 * Open records of every type the caller may read that are assigned to them, or wait
	 * unassigned in one of their groups: most urgent first.
	 */
	@Transactional(readOnly = true)
	public List<WorkItemRow> mine(int limit) {
		CurrentUser me = this.access.user();
		List<String> own = new ArrayList<>();
		List<String> grouped = new ArrayList<>();
		for (WorkItemType t : this.types.all()) {
			RecordScope scope = me.scope(t.readPermission());
			if (scope != null) {
				own.add(t.code());
				if (scope != RecordScope.OWN) {
					grouped.add(t.code());
				}
			}
		}
		if (own.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource p = new MapSqlParameterSource("me", me.id()).addValue("own", own);
		StringBuilder sql = new StringBuilder(ROW_COLUMNS + " from wi_item i"
				+ " where i.state_category in ('NEW', 'ACTIVE', 'WAITING') and ((i.assignee_id = :me and i.type_code in (:own))");
		if (!grouped.isEmpty() && !me.groupIds().isEmpty()) {
			sql.append(" or (i.assignee_id is null and i.group_id in (:groups) and i.type_code in (:grouped))");
			p.addValue("groups", me.groupIds()).addValue("grouped", grouped);
		}
		sql.append(") order by i.priority, i.due_at, i.id fetch first ")
			.append(Math.max(1, Math.min(limit, 100)))
			.append(" rows only");
		return rows(sql.toString(), p);
	}

	/**
	 * Rows of one type by id, as far as the caller may read them (for modules' own
	 * screens).
	 */
	@Transactional(readOnly = true)
	public List<WorkItemRow> rows(String type, java.util.Collection<Long> ids) {
		WorkItemType t = this.types.get(type);
		CurrentUser me = this.access.require(t.readPermission());
		if (ids.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource p = new MapSqlParameterSource("type", t.code()).addValue("ids", ids);
		StringBuilder sql = new StringBuilder(
				ROW_COLUMNS + " from wi_item i where i.type_code = :type and i.id in (:ids)");
		scope(sql, p, me, me.scope(t.readPermission()));
		return rows(sql.toString(), p);
	}

	/**
	 * The CIs each of the records names, in one query (read by the system: the caller has
	 * checked its right to the records).
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<Long>> ciIdsOf(java.util.Collection<Long> itemIds) {
		Map<Long, List<Long>> out = new HashMap<>();
		if (itemIds.isEmpty()) {
			return out;
		}
		IdChunks.each(itemIds.stream().sorted().toList(),
				(chunk) -> this.jdbc.query(
						"select item_id, ci_id from wi_item_ci where item_id in (:ids) order by item_id, ci_id",
						new MapSqlParameterSource("ids", chunk), (rs) -> {
							out.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getLong(2));
						}));
		return out;
	}

	/**
	 * The records of every type the caller may read that name one of these configuration
	 * items, open ones first, newest first.
	 */
	@Transactional(readOnly = true)
	public List<WorkItemRow> linkedToCis(java.util.Collection<Long> ciIds, int limit) {
		CurrentUser me = this.access.user();
		if (ciIds.isEmpty()) {
			return List.of();
		}
		Map<RecordScope, List<String>> byScope = new java.util.EnumMap<>(RecordScope.class);
		for (WorkItemType t : this.types.all()) {
			RecordScope scope = me.scope(t.readPermission());
			if (scope != null) {
				byScope.computeIfAbsent(scope, (s) -> new ArrayList<>()).add(t.code());
			}
		}
		if (byScope.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource p = new MapSqlParameterSource("cis", ciIds);
		StringBuilder sql = new StringBuilder(ROW_COLUMNS + " from wi_item i where exists (select 1 from wi_item_ci c"
				+ " where c.item_id = i.id and c.ci_id in (:cis)) and (");
		int n = 0;
		for (Map.Entry<RecordScope, List<String>> e : byScope.entrySet()) {
			sql.append((n > 0) ? " or " : "").append("(i.type_code in (:types").append(n).append(")");
			p.addValue("types" + n, e.getValue());
			scope(sql, p, me, e.getKey());
			sql.append(')');
			n++;
		}
		sql.append(") order by case when i.state_category in ('NEW', 'ACTIVE', 'WAITING') then 0 else 1 end,"
				+ " i.opened_at desc, i.id desc fetch first ")
			.append(Math.max(1, Math.min(limit, 200)))
			.append(" rows only");
		return rows(sql.toString(), p);
	}

	private static final String ROW_COLUMNS = "select i.id, i.type_code, i.number, i.title, i.state, i.state_category,"
			+ " i.priority, i.assignee_id, i.group_id, i.requester_id, i.due_at, i.opened_at, i.updated_at, i.workflow_id,"
			+ " i.resolved_at, i.sla_status, i.sla_due_at";

	/**
	 * Reads list rows with the names of people and groups in two more queries (no N+1).
	 */
	private List<WorkItemRow> rows(String sql, MapSqlParameterSource p) {
		List<Object[]> raw = new ArrayList<>();
		Set<Long> people = new HashSet<>();
		Set<Long> groups = new HashSet<>();
		this.jdbc.query(sql, p, (rs) -> {
			Object[] row = { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getInt(7), rs.getObject(8, Long.class), rs.getObject(9, Long.class),
					rs.getObject(10, Long.class), instant(rs.getObject(11, java.time.OffsetDateTime.class)),
					instant(rs.getObject(12, java.time.OffsetDateTime.class)),
					instant(rs.getObject(13, java.time.OffsetDateTime.class)), rs.getLong(14),
					instant(rs.getObject(15, java.time.OffsetDateTime.class)), rs.getString(16),
					instant(rs.getObject(17, java.time.OffsetDateTime.class)) };
			raw.add(row);
			addIfPresent(people, (Long) row[7]);
			addIfPresent(people, (Long) row[9]);
			addIfPresent(groups, (Long) row[8]);
		});
		Map<Long, String> userNames = this.directory.userNames(people);
		Map<Long, String> groupNames = this.directory.groupNames(groups);
		String language = language();
		Map<Long, Map<String, String>> custom = customDisplay(raw, language);
		List<WorkItemRow> rows = new ArrayList<>();
		for (Object[] r : raw) {
			WorkflowDefinition def = this.workflows.definition((Long) r[13]);
			String stateName = def.state((String) r[4]).map((s) -> s.label(language)).orElse((String) r[4]);
			rows.add(new WorkItemRow((Long) r[0], (String) r[1], (String) r[2], (String) r[3], stateName,
					StateCategory.valueOf((String) r[5]), (Integer) r[6], userNames.get(r[7]), groupNames.get(r[8]),
					userNames.get(r[9]), (Instant) r[10], (Instant) r[11], (Instant) r[12], (Instant) r[14],
					(r[15] == null) ? null : SlaStatus.valueOf((String) r[15]), (Instant) r[16],
					custom.getOrDefault((Long) r[0], Map.of())));
		}
		return rows;
	}

	/**
	 * The custom field values of list rows as people read them, read per type in one
	 * query.
	 */
	private Map<Long, Map<String, String>> customDisplay(List<Object[]> raw, String language) {
		Map<String, List<Long>> byType = new HashMap<>();
		raw.forEach((r) -> byType.computeIfAbsent((String) r[1], (t) -> new ArrayList<>()).add((Long) r[0]));
		Map<Long, Map<String, String>> result = new HashMap<>();
		byType.forEach((type, ids) -> {
			List<org.yunwei.fields.FieldDefinition> defs = this.fields.active(fieldScope(type));
			if (defs.isEmpty()) {
				return;
			}
			this.fields.values(defs, ids).forEach((id, values) -> {
				Map<String, String> shown = new LinkedHashMap<>();
				for (org.yunwei.fields.FieldDefinition d : defs) {
					if (values.containsKey(d.code())) {
						shown.put(d.code(), this.fields.display(d, values.get(d.code()), language));
					}
				}
				result.put(id, shown);
			});
		});
		return result;
	}

	/**
	 * The problems custom values would have (an import's preview); no record id for a new
	 * one.
	 */
	@Transactional(readOnly = true)
	public List<Violation> checkCustomFields(String type, Long id, Map<String, ?> values) {
		return this.fields.check(fieldScope(type), id, values);
	}

	/** The custom fields of a type in use, for forms, lists and exports. */
	@Transactional(readOnly = true)
	public List<org.yunwei.fields.FieldDefinition> customFields(String type) {
		this.types.get(type);
		return this.fields.active(fieldScope(type));
	}

	// ---- workflow

	/** The transitions the caller may take now. */
	@Transactional(readOnly = true)
	public List<TransitionView> transitions(long id) {
		WorkItem item = find(String.valueOf(id));
		CurrentUser me = this.access.user();
		boolean worker = me.has(this.types.get(item.getTypeCode()).writePermission()) && visible(me, item, true);
		if (!worker) {
			requireVisible(item, false);
			if (!Objects.equals(item.getRequesterId(), me.id())) {
				return List.of();
			}
		}
		WorkflowDefinition def = this.workflows.definition(item.getWorkflowId());
		String language = language();
		List<TransitionView> result = new ArrayList<>();
		for (Transition t : def.from(item.getState())) {
			if (worker ? allowed(t, item, me) : forRequester(t)) {
				State to = def.state(t.to()).orElseThrow();
				result.add(new TransitionView(t.name(), t.label(language), to.code(), to.label(language), to.category(),
						t.needsComment(), t.requiredFields()));
			}
		}
		return result;
	}

	/**
	 * Takes a transition. People who work on the record take those the workflow allows
	 * them; its requester, without working on it, takes those the workflow allows the
	 * requester (confirm a resolution, reject it, withdraw), with a public comment and
	 * nothing else.
	 */
	public WorkItemView take(long id, String transitionName, TransitionRequest request) {
		WorkItem item = find(String.valueOf(id));
		CurrentUser me = this.access.user();
		boolean worker = me.has(this.types.get(item.getTypeCode()).writePermission()) && visible(me, item, true);
		if (!worker) {
			me = requireVisible(item, false);
			if (!Objects.equals(item.getRequesterId(), me.id())) {
				me = requireVisible(item, true);
			}
			else {
				Transition t = this.workflows.definition(item.getWorkflowId())
					.transition(transitionName)
					.orElseThrow(() -> new Conflict("workitem.error.transitionNotAvailable", transitionName,
							item.getState()));
				if (!forRequester(t)) {
					throw new Forbidden("workitem.error.transitionNotAllowed", t.label(language()));
				}
				request = new TransitionRequest(request.comment(), false, null, null, request.version());
			}
		}
		if (request.version() != null && request.version() != item.getVersion()) {
			throw Conflict.staleVersion(RECORD_TYPE, item.getNumber());
		}
		return take(item, me, transitionName, request, true);
	}

	/** Whether the workflow lets the requester take this transition. */
	private static boolean forRequester(Transition t) {
		return t.allowed() != null && Boolean.TRUE.equals(t.allowed().requester());
	}

	/**
	 * Takes a transition; {@code checkAllowed} is false when the workflow itself takes it
	 * (an approval decided), on behalf of the person whose decision caused it.
	 */
	private WorkItemView take(WorkItem item, CurrentUser me, String transitionName, TransitionRequest request,
			boolean checkAllowed) {
		WorkflowDefinition def = this.workflows.definition(item.getWorkflowId());
		Transition t = def.transition(transitionName)
			.filter((x) -> x.from().contains(item.getState()))
			.orElseThrow(() -> new Conflict("workitem.error.transitionNotAvailable", transitionName, item.getState()));
		if (checkAllowed && !allowed(t, item, me)) {
			throw new Forbidden("workitem.error.transitionNotAllowed", t.label(language()));
		}
		Instant now = this.clock.instant();
		Map<String, String> before = snapshot(item);
		if (request.assigneeId() != null || request.groupId() != null) {
			checkReferences(null, request.assigneeId(), request.groupId());
			if (request.assigneeId() != null) {
				item.setAssigneeId(request.assigneeId());
			}
			if (request.groupId() != null) {
				item.setGroupId(request.groupId());
			}
		}
		String comment = (request.comment() == null || request.comment().isBlank()) ? null : request.comment().strip();
		if (t.needsComment() && comment == null) {
			throw new ValidationFailed("comment", "workitem.error.commentRequired", t.label(language()));
		}
		Context context = new Context(item, t, me, now, def, comment);
		for (WorkflowDefinition.Action action : t.actions()) {
			handler(action).apply(action, context);
		}
		List<Violation> missing = new ArrayList<>();
		for (String field : t.requiredFields()) {
			if (isBlank(item, field)) {
				missing.add(new Violation(field, "workitem.error.fieldRequired", List.of(t.label(language()))));
			}
		}
		if (!missing.isEmpty()) {
			throw new ValidationFailed(missing);
		}
		String from = item.getState();
		State to = def.state(t.to()).orElseThrow();
		item.enter(to.code(), to.category(), def.resolves(to), def.closes(to), now);
		Map<String, JournalEntryView.FieldChange> changes = new LinkedHashMap<>();
		changes.put("state", new JournalEntryView.FieldChange("state",
				def.state(from).map((s) -> s.label("zh")).orElse(from), to.label("zh")));
		changes.putAll(diff(before, snapshot(item)));
		changes.remove("stateCode");
		this.journal.save(new JournalEntry(item.getId(), JournalKind.SYSTEM, "transition:" + t.name(),
				changesJson(changes), me.id(), me.displayName(), now));
		if (comment != null) {
			addComment(item, me, comment, Boolean.TRUE.equals(request.internal()), now);
		}
		history(item.getId(), t.name(), from, to.code(), me.id(), now);
		this.items.flush();
		Set<String> fields = new HashSet<>(changes.keySet());
		fields.remove("state");
		changed(item, fields);
		this.events.publishEvent(new WorkItemTransitioned(item.getId(), item.getTypeCode(), item.getNumber(), t.name(),
				from, to.code(), to.category()));
		return view(item, def);
	}

	/** The states a record has been in and the transitions it took, for its diagram. */
	@Transactional(readOnly = true)
	public Path path(long id) {
		WorkItem item = find(String.valueOf(id));
		requireVisible(item, false);
		Set<String> states = new LinkedHashSet<>();
		Set<String> transitions = new LinkedHashSet<>();
		this.jdbc.query("select transition, to_state from wi_state_history where item_id = :id order by id",
				new MapSqlParameterSource("id", id), (rs) -> {
					states.add(rs.getString(2));
					if (rs.getString(1) != null) {
						transitions.add(rs.getString(1));
					}
				});
		return new Path(states, transitions);
	}

	/** The path a record took: states visited and transitions taken. */
	public record Path(Set<String> states, Set<String> transitions) {
	}

	/** The record's workflow drawn with its path and current state. */
	@Transactional(readOnly = true)
	public String diagram(long id, String language) {
		WorkItem item = find(String.valueOf(id));
		Path path = path(id);
		return this.workflows.diagram(this.workflows.definition(item.getWorkflowId()), language, item.getState(),
				path.states(), path.transitions());
	}

	// ---- approvals

	/** The approvals of a record, newest first. */
	@Transactional(readOnly = true)
	public List<ApprovalView> approvals(long id) {
		WorkItem item = find(String.valueOf(id));
		requireVisible(item, false);
		List<org.yunwei.workitem.internal.Approval> all = this.approvals.findByItemIdOrderByIdDesc(id);
		return approvalViews(all);
	}

	/** The approvals waiting for the caller's decision, oldest first. */
	@Transactional(readOnly = true)
	public List<WorkItemRow> awaitingMyApproval(int limit) {
		CurrentUser me = this.access.user();
		List<Long> itemIds = this.jdbc.queryForList(
				"select distinct a.item_id from wi_approval_step s"
						+ " join wi_approval a on a.id = s.approval_id where s.approver_id in (:me) and s.active = true"
						+ " and s.decision is null and a.state = 'PENDING'",
				new MapSqlParameterSource("me", actingFor(me.id())), Long.class);
		if (itemIds.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource p = new MapSqlParameterSource("ids", itemIds);
		return rows(ROW_COLUMNS + " from wi_item i where i.id in (:ids) order by i.id fetch first "
				+ Math.max(1, Math.min(limit, 100)) + " rows only", p);
	}

	/**
	 * Approves or rejects as the approver of a step (a rejection needs a reason). When
	 * this decides the approval, the workflow takes its approve or reject transition.
	 */
	public WorkItemView decide(long stepId, boolean approve, String comment) {
		CurrentUser me = this.access.user();
		org.yunwei.workitem.internal.ApprovalStep step = this.approvalSteps.findById(stepId)
			.orElseThrow(() -> NotFound.of("approvalStep", stepId));
		org.yunwei.workitem.internal.Approval approval = this.approvals.findById(step.getApprovalId()).orElseThrow();
		WorkItem item = find(String.valueOf(approval.getItemId()));
		boolean forSomeoneElse = step.getApproverId() != me.id();
		if (forSomeoneElse && !this.delegations.delegatorsOf(me.id()).contains(step.getApproverId())) {
			throw new Forbidden("approval.error.notYours");
		}
		if (!"PENDING".equals(approval.getState()) || !step.isActive() || step.getDecision() != null) {
			throw new Conflict("approval.error.decided");
		}
		String reason = (comment == null || comment.isBlank()) ? null : comment.strip();
		if (!approve && reason == null) {
			throw new ValidationFailed("comment", "approval.error.reasonRequired");
		}
		Instant now = this.clock.instant();
		String outcome = this.approvalEngine.decide(approval, step, approve, reason, now,
				forSomeoneElse ? me.id() : null);
		Map<String, JournalEntryView.FieldChange> changes = new LinkedHashMap<>();
		changes.put("approval", new JournalEntryView.FieldChange("approval", null, approve ? "APPROVED" : "REJECTED"));
		if (forSomeoneElse) {
			changes.put("onBehalfOf", new JournalEntryView.FieldChange("onBehalfOf", null,
					this.directory.userNames(List.of(step.getApproverId())).get(step.getApproverId())));
		}
		this.journal.save(new JournalEntry(item.getId(), JournalKind.APPROVAL, reason, changesJson(changes), me.id(),
				me.displayName(), now));
		item.touch(now);
		this.items.flush();
		if (outcome != null) {
			return take(item, me, outcome, new TransitionRequest(null, null, null, null, null), false);
		}
		return view(item, this.workflows.definition(item.getWorkflowId()));
	}

	private List<ApprovalView> approvalViews(List<org.yunwei.workitem.internal.Approval> all) {
		if (all.isEmpty()) {
			return List.of();
		}
		Map<Long, List<org.yunwei.workitem.internal.ApprovalStep>> byApproval = new HashMap<>();
		Set<Long> people = new HashSet<>();
		for (org.yunwei.workitem.internal.ApprovalStep s : this.approvalSteps
			.findByApprovalIdInOrderBySeqAsc(all.stream().map(org.yunwei.workitem.internal.Approval::getId).toList())) {
			byApproval.computeIfAbsent(s.getApprovalId(), (k) -> new ArrayList<>()).add(s);
			people.add(s.getApproverId());
		}
		Map<Long, String> names = this.directory.userNames(people);
		List<ApprovalView> views = new ArrayList<>();
		for (org.yunwei.workitem.internal.Approval a : all) {
			List<ApprovalView.Step> steps = byApproval.getOrDefault(a.getId(), List.of())
				.stream()
				.map((s) -> new ApprovalView.Step(s.getId(), s.getSeq(), s.getApproverId(),
						names.getOrDefault(s.getApproverId(), "#" + s.getApproverId()), s.isActive(), s.getDecision(),
						s.getComment(), s.getDecidedAt()))
				.toList();
			views.add(new ApprovalView(a.getId(), a.getItemId(), a.getMode(), a.getState(), a.getRequestedBy(),
					a.getCreatedAt(), a.getDecidedAt(), steps));
		}
		return views;
	}

	// ---- attachments

	@Transactional(readOnly = true)
	public List<AttachmentView> attachments(long id) {
		WorkItem item = find(String.valueOf(id));
		requireVisible(item, false);
		List<org.yunwei.workitem.internal.Attachment> all = this.attachments.findByItemIdOrderByIdAsc(id);
		Set<Long> people = new HashSet<>();
		all.forEach((a) -> addIfPresent(people, a.getUploadedBy()));
		Map<Long, String> names = this.directory.userNames(people);
		return all.stream().map((a) -> attachmentView(a, names)).toList();
	}

	/**
	 * Attaches a file (anyone who may read the record may add to it, as with a comment);
	 * the file is checked by the store and removed again if the transaction rolls back.
	 */
	public AttachmentView attach(long id, String fileName, byte[] bytes) {
		WorkItem item = find(String.valueOf(id));
		CurrentUser me = requireVisible(item, false);
		org.yunwei.platform.files.FileStore.Stored stored = this.attachmentStore.storeInTransaction(fileName, bytes);
		Instant now = this.clock.instant();
		org.yunwei.workitem.internal.Attachment a = this.attachments
			.saveAndFlush(new org.yunwei.workitem.internal.Attachment(id, stored.fileName(), stored.contentType(),
					stored.size(), stored.sha256(), stored.key(), me.id(), now));
		Map<String, JournalEntryView.FieldChange> changes = Map.of("attachment",
				new JournalEntryView.FieldChange("attachment", null, stored.fileName()));
		this.journal
			.save(new JournalEntry(id, JournalKind.SYSTEM, null, changesJson(changes), me.id(), me.displayName(), now));
		item.touch(now);
		this.items.flush();
		return attachmentView(a, Map.of(me.id(), me.displayName()));
	}

	/** An attachment to download, after the record's read check. */
	@Transactional(readOnly = true)
	public AttachmentView attachment(long id, long attachmentId) {
		WorkItem item = find(String.valueOf(id));
		requireVisible(item, false);
		org.yunwei.workitem.internal.Attachment a = this.attachments.findById(attachmentId)
			.filter((x) -> x.getItemId() == id)
			.orElseThrow(() -> NotFound.of("attachment", attachmentId));
		return attachmentView(a,
				this.directory.userNames(a.getUploadedBy() == null ? List.of() : List.of(a.getUploadedBy())));
	}

	/** The bytes of an attachment checked by {@link #attachment}. */
	public java.io.InputStream content(long id, long attachmentId) throws java.io.IOException {
		AttachmentView view = attachment(id, attachmentId);
		String key = this.attachments.findById(view.id()).orElseThrow().getStorageKey();
		return this.attachmentStore.open(key);
	}

	/** Removes an attachment: its uploader, or whoever may work on the record. */
	public void detach(long id, long attachmentId) {
		WorkItem item = find(String.valueOf(id));
		CurrentUser me = requireVisible(item, false);
		org.yunwei.workitem.internal.Attachment a = this.attachments.findById(attachmentId)
			.filter((x) -> x.getItemId() == id)
			.orElseThrow(() -> NotFound.of("attachment", attachmentId));
		boolean worker = me.has(this.types.get(item.getTypeCode()).writePermission()) && visible(me, item, true);
		if (!worker && !Objects.equals(a.getUploadedBy(), me.id())) {
			throw new Forbidden("attachment.error.notYours");
		}
		String key = a.getStorageKey();
		this.attachments.delete(a);
		Instant now = this.clock.instant();
		Map<String, JournalEntryView.FieldChange> changes = Map.of("attachment",
				new JournalEntryView.FieldChange("attachment", a.getFileName(), null));
		this.journal
			.save(new JournalEntry(id, JournalKind.SYSTEM, null, changesJson(changes), me.id(), me.displayName(), now));
		item.touch(now);
		this.items.flush();
		this.attachmentStore.deleteAfterCommit(key);
	}

	private static AttachmentView attachmentView(org.yunwei.workitem.internal.Attachment a, Map<Long, String> names) {
		return new AttachmentView(a.getId(), a.getItemId(), a.getFileName(), a.getContentType(), a.getSize(),
				a.getSha256(), (a.getUploadedBy() == null) ? null : names.get(a.getUploadedBy()), a.getUploadedAt());
	}

	// ---- journal

	public JournalEntryView comment(long id, String body, boolean internal) {
		WorkItem item = find(String.valueOf(id));
		CurrentUser me = requireVisible(item, internal);
		if (body == null || body.isBlank()) {
			throw new ValidationFailed("body", "workitem.error.emptyComment");
		}
		if (body.length() > 20000) {
			throw new ValidationFailed("body", "workitem.error.commentTooLong", 20000);
		}
		Instant now = this.clock.instant();
		JournalEntry entry = addComment(item, me, body.strip(), internal, now);
		item.touch(now);
		this.items.flush();
		return view(entry);
	}

	/**
	 * The journal, oldest first; internal work notes only for those who may work on the
	 * record.
	 */
	@Transactional(readOnly = true)
	public List<JournalEntryView> journal(long id) {
		WorkItem item = find(String.valueOf(id));
		CurrentUser me = requireVisible(item, false);
		boolean worker = me.has(this.types.get(item.getTypeCode()).writePermission()) && visible(me, item, true);
		return this.journal.findByItemIdOrderByIdAsc(id)
			.stream()
			.filter((e) -> worker || e.getKind() != JournalKind.WORK_NOTE)
			.map(this::view)
			.toList();
	}

	// ---- links and watchers

	public LinkView link(long id, LinkKind kind, String otherNumber) {
		WorkItem item = find(String.valueOf(id));
		CurrentUser me = requireVisible(item, true);
		WorkItem other = find(otherNumber);
		requireVisible(other, false);
		if (other.getId().equals(item.getId())) {
			throw new ValidationFailed("number", "workitem.error.linkSelf");
		}
		if (this.links.existsByFromTypeAndFromIdAndKindAndToTypeAndToId(RECORD_TYPE, item.getId(), kind, RECORD_TYPE,
				other.getId())) {
			throw new Conflict("workitem.error.linkExists", item.getNumber(), other.getNumber());
		}
		Link link = this.links.saveAndFlush(
				new Link(RECORD_TYPE, item.getId(), kind, RECORD_TYPE, other.getId(), me.id(), this.clock.instant()));
		return new LinkView(link.getId(), kind, true, RECORD_TYPE, other.getId(), other.getNumber(), other.getTitle(),
				stateName(other));
	}

	public void unlink(long id, long linkId) {
		WorkItem item = find(String.valueOf(id));
		requireVisible(item, true);
		Link link = this.links.findById(linkId)
			.filter((l) -> (l.getFromId() == item.getId() && RECORD_TYPE.equals(l.getFromType()))
					|| (l.getToId() == item.getId() && RECORD_TYPE.equals(l.getToType())))
			.orElseThrow(() -> NotFound.of("link", linkId));
		this.links.delete(link);
	}

	@Transactional(readOnly = true)
	public List<LinkView> links(long id) {
		WorkItem item = find(String.valueOf(id));
		CurrentUser me = requireVisible(item, false);
		List<Link> all = this.links.involving(RECORD_TYPE, id);
		Set<Long> others = new HashSet<>();
		for (Link l : all) {
			others.add((l.getFromId() == id && RECORD_TYPE.equals(l.getFromType())) ? l.getToId() : l.getFromId());
		}
		Map<Long, WorkItem> byId = new HashMap<>();
		this.items.findAllById(others).forEach((w) -> byId.put(w.getId(), w));
		List<LinkView> result = new ArrayList<>();
		for (Link l : all) {
			boolean outgoing = l.getFromId() == id && RECORD_TYPE.equals(l.getFromType());
			WorkItem other = byId.get(outgoing ? l.getToId() : l.getFromId());
			if (other == null || !visible(me, other, false)) {
				continue;
			}
			result.add(new LinkView(l.getId(), l.getKind(), outgoing, RECORD_TYPE, other.getId(), other.getNumber(),
					other.getTitle(), stateName(other)));
		}
		return result;
	}

	public void watch(long id, boolean watching) {
		WorkItem item = find(String.valueOf(id));
		CurrentUser me = requireVisible(item, false);
		MapSqlParameterSource p = new MapSqlParameterSource("item", id).addValue("user", me.id());
		boolean now = isWatching(id, me.id());
		if (watching && !now) {
			this.jdbc.update("insert into wi_watcher (item_id, user_id) values (:item, :user)", p);
			this.audit.record(AuditEvent.of(AuditAction.CREATE, "watcher", id, item.getNumber() + " " + me.username()));
		}
		else if (!watching && now) {
			this.jdbc.update("delete from wi_watcher where item_id = :item and user_id = :user", p);
			this.audit.record(AuditEvent.of(AuditAction.DELETE, "watcher", id, item.getNumber() + " " + me.username()));
		}
	}

	/**
	 * Adds someone else as a watcher (a merged duplicate's requester keeps being told
	 * about the record it was merged into); for those who may work on the record.
	 */
	public void addWatcher(long id, long userId) {
		WorkItem item = find(String.valueOf(id));
		requireVisible(item, true);
		if (!isWatching(id, userId)) {
			this.jdbc.update("insert into wi_watcher (item_id, user_id) values (:item, :user)",
					new MapSqlParameterSource("item", id).addValue("user", userId));
			this.audit.record(AuditEvent.of(AuditAction.CREATE, "watcher", id, item.getNumber() + " #" + userId));
		}
	}

	/**
	 * How many open records of a group: all, without an assignee, past their due time.
	 */
	public record QueueCount(long groupId, int open, int unassigned, int overdue) {
	}

	/**
	 * The open records of a type in each of some groups (a service desk's queues), as far
	 * as the reader may see them; groups with none are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, QueueCount> queueCounts(String type, java.util.Collection<Long> groupIds) {
		WorkItemType t = this.types.get(type);
		CurrentUser me = this.access.require(t.readPermission());
		if (groupIds.isEmpty()) {
			return Map.of();
		}
		MapSqlParameterSource p = new MapSqlParameterSource("type", t.code()).addValue("groups", groupIds)
			.addValue("now", this.clock.instant().atOffset(ZoneOffset.UTC));
		StringBuilder sql = new StringBuilder(
				"select i.group_id, count(*)," + " sum(case when i.assignee_id is null then 1 else 0 end),"
						+ " sum(case when i.due_at < :now then 1 else 0 end) from wi_item i where i.type_code = :type"
						+ " and i.state_category in ('NEW', 'ACTIVE', 'WAITING') and i.group_id in (:groups)");
		scope(sql, p, me, me.scope(t.readPermission()));
		sql.append(" group by i.group_id");
		Map<Long, QueueCount> counts = new HashMap<>();
		this.jdbc.query(sql.toString(), p, (rs) -> {
			counts.put(rs.getLong(1), new QueueCount(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
		});
		return counts;
	}

	@Transactional(readOnly = true)
	public List<String> watchers(long id) {
		WorkItem item = find(String.valueOf(id));
		requireVisible(item, false);
		List<Long> ids = this.jdbc.queryForList("select user_id from wi_watcher where item_id = :id",
				new MapSqlParameterSource("id", id), Long.class);
		return this.directory.userNames(ids).values().stream().sorted().toList();
	}

	@Transactional(readOnly = true)
	public boolean isWatching(long id) {
		return isWatching(id, this.access.user().id());
	}

	private boolean isWatching(long id, long userId) {
		Integer n = this.jdbc.queryForObject(
				"select count(*) from wi_watcher where item_id = :item and user_id = :user",
				new MapSqlParameterSource("item", id).addValue("user", userId), Integer.class);
		return n != null && n > 0;
	}

	/** Whether the signed-in person may create and work on records of a type. */
	@Transactional(readOnly = true)
	public boolean canWrite(String type) {
		return this.access.user().has(this.types.get(type).writePermission());
	}

	/** Whether the caller may edit the record and take its transitions. */
	@Transactional(readOnly = true)
	public boolean canWork(long id) {
		WorkItem item = find(String.valueOf(id));
		CurrentUser me = this.access.user();
		return me.has(this.types.get(item.getTypeCode()).writePermission()) && visible(me, item, true);
	}

	/**
	 * The priority impact and urgency give. The matrix is fixed by the migrations, so it
	 * is read once.
	 */
	@Transactional(readOnly = true)
	public int priority(int impact, int urgency) {
		Integer p = this.priorityMatrix.get(impact * 10 + urgency,
				(cell) -> this.jdbc
					.queryForList("select priority from wi_priority_matrix where impact = :i and urgency = :u",
							new MapSqlParameterSource("i", impact).addValue("u", urgency), Integer.class)
					.stream()
					.findFirst()
					.orElse(null));
		return (p != null) ? p : 4;
	}

	// ---- internals

	private WorkItem find(String idOrNumber) {
		Optional<WorkItem> found = idOrNumber.chars().allMatch(Character::isDigit)
				? this.items.findById(Long.valueOf(idOrNumber)) : this.items.findByNumber(idOrNumber.toUpperCase());
		return found.orElseThrow(() -> NotFound.of(RECORD_TYPE, idOrNumber));
	}

	/**
	 * The caller, when they may read (or, with {@code write}, work on) the record; a
	 * record outside their scope is "not found", not "forbidden", so its existence does
	 * not leak.
	 */
	private CurrentUser requireVisible(WorkItem item, boolean write) {
		WorkItemType t = this.types.get(item.getTypeCode());
		CurrentUser me = this.access.require(write ? t.writePermission() : t.readPermission());
		if (!visible(me, item, write) && (write || !isApprover(me.id(), item.getId()))) {
			throw NotFound.of(RECORD_TYPE, item.getNumber());
		}
		return me;
	}

	/**
	 * Whether the user is (or was) asked to approve the record: approvers may read it.
	 */
	/** The signed-in person and the people whose approvals they decide today. */
	@Transactional(readOnly = true)
	public List<Long> actingForMe() {
		return actingFor(this.access.user().id());
	}

	/** Someone and the people whose approvals they decide today. */
	public List<Long> actingFor(long userId) {
		List<Long> ids = new ArrayList<>();
		ids.add(userId);
		ids.addAll(this.delegations.delegatorsOf(userId));
		return ids;
	}

	private boolean isApprover(long userId, long itemId) {
		Integer n = this.jdbc.queryForObject(
				"select count(*) from wi_approval_step s join wi_approval a"
						+ " on a.id = s.approval_id where a.item_id = :item and s.approver_id in (:user)",
				new MapSqlParameterSource("item", itemId).addValue("user", actingFor(userId)), Integer.class);
		return n != null && n > 0;
	}

	private boolean visible(CurrentUser me, WorkItem item, boolean write) {
		WorkItemType t = this.types.get(item.getTypeCode());
		RecordScope scope = me.scope(write ? t.writePermission() : t.readPermission());
		if (scope == null) {
			return false;
		}
		boolean own = Objects.equals(item.getRequesterId(), me.id()) || Objects.equals(item.getAssigneeId(), me.id())
				|| Objects.equals(item.getCreatedBy(), me.id());
		switch (scope) {
			case ALL:
				return true;
			case DEPARTMENT:
				return own || (me.departmentId() != null && me.departmentId().equals(item.getDepartmentId()));
			case GROUP:
				return own || (item.getGroupId() != null && me.groupIds().contains(item.getGroupId()));
			default:
				return own;
		}
	}

	private void scope(StringBuilder sql, MapSqlParameterSource p, CurrentUser me, RecordScope scope) {
		if (scope == RecordScope.ALL) {
			return;
		}
		p.addValue("scopeMe", me.id());
		String own = "(i.requester_id = :scopeMe or i.assignee_id = :scopeMe or i.created_by = :scopeMe)";
		if (scope == RecordScope.DEPARTMENT && me.departmentId() != null) {
			sql.append(" and (").append(own).append(" or i.department_id = :scopeDept)");
			p.addValue("scopeDept", me.departmentId());
		}
		else if (scope == RecordScope.GROUP && !me.groupIds().isEmpty()) {
			sql.append(" and (").append(own).append(" or i.group_id in (:scopeGroups))");
			p.addValue("scopeGroups", me.groupIds());
		}
		else {
			sql.append(" and ").append(own);
		}
	}

	private boolean allowed(Transition t, WorkItem item, CurrentUser me) {
		WorkflowDefinition.Allowed a = t.allowed();
		if (a == null) {
			return true;
		}
		if (a.roles().stream().anyMatch(me.roles()::contains)) {
			return true;
		}
		if (Boolean.TRUE.equals(a.assignee()) && Objects.equals(item.getAssigneeId(), me.id())) {
			return true;
		}
		if (Boolean.TRUE.equals(a.requester()) && Objects.equals(item.getRequesterId(), me.id())) {
			return true;
		}
		return Boolean.TRUE.equals(a.group()) && item.getGroupId() != null && me.groupIds().contains(item.getGroupId());
	}

	private String ciNames(java.util.Collection<Long> ids) {
		ConfigurationItemNames names = this.ciNames.getIfAvailable();
		if (names == null) {
			return ids.toString();
		}
		Map<Long, String> known = names.names(ids);
		return String.join(", ", ids.stream().map((id) -> known.getOrDefault(id, "#" + id)).toList());
	}

	/** The CIs named on a record must exist (when a CMDB is there to ask). */
	private void checkCis(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		ConfigurationItemNames names = this.ciNames.getIfAvailable();
		if (names == null) {
			return;
		}
		if (ids.stream().anyMatch(Objects::isNull)) {
			throw new ValidationFailed("ciIds", "workitem.error.unknownCi", "null");
		}
		Map<Long, String> known = names.names(ids);
		for (Long id : ids) {
			if (!known.containsKey(id)) {
				throw new ValidationFailed("ciIds", "workitem.error.unknownCi", id);
			}
		}
	}

	private void checkReferences(Long requester, Long assignee, Long group) {
		List<Violation> v = new ArrayList<>();
		if (requester != null && !this.directory.isActiveUser(requester)) {
			v.add(new Violation("requesterId", "workitem.error.unknownUser", List.of(requester)));
		}
		if (assignee != null && !this.directory.isActiveUser(assignee)) {
			v.add(new Violation("assigneeId", "workitem.error.unknownUser", List.of(assignee)));
		}
		if (group != null && !this.directory.isActiveGroup(group)) {
			v.add(new Violation("groupId", "workitem.error.unknownGroup", List.of(group)));
		}
		if (!v.isEmpty()) {
			throw new ValidationFailed(v);
		}
	}

	private void apply(WorkItem item, WorkItemFormData form, Long requester) {
		checkCis(form.getCiIds());
		item.setTitle(form.getTitle().strip());
		item.setDescription((form.getDescription() == null || form.getDescription().isBlank()) ? null
				: form.getDescription().strip());
		item.setImpact(form.getImpact());
		item.setUrgency(form.getUrgency());
		item.setPriority(priority(form.getImpact(), form.getUrgency()));
		item.setRequesterId(requester);
		item.setDepartmentId(
				(requester != null) ? this.directory.departments(List.of(requester)).get(requester) : null);
		item.setAssigneeId(form.getAssigneeId());
		item.setGroupId(form.getGroupId());
		item.setServiceId(form.getServiceId());
		item.setDueAt((form.getDueAt() != null) ? form.getDueAt().atZone(zone()).toInstant() : null);
		item.getCiIds().clear();
		item.getCiIds().addAll(form.getCiIds());
		item.getTags().clear();
		form.getTags().stream().map(String::strip).filter((s) -> !s.isEmpty()).forEach(item.getTags()::add);
	}

	/** The fields as the journal shows them (names, not ids). */
	private Map<String, String> snapshot(WorkItem item) {
		Set<Long> people = new HashSet<>();
		addIfPresent(people, item.getAssigneeId());
		addIfPresent(people, item.getRequesterId());
		Map<Long, String> names = this.directory.userNames(people);
		Map<String, String> s = new LinkedHashMap<>();
		s.put("title", item.getTitle());
		s.put("description", item.getDescription());
		s.put("impact", String.valueOf(item.getImpact()));
		s.put("urgency", String.valueOf(item.getUrgency()));
		s.put("priority", "P" + item.getPriority());
		s.put("requester", names.get(item.getRequesterId()));
		s.put("assignee", names.get(item.getAssigneeId()));
		s.put("group", (item.getGroupId() == null) ? null
				: this.directory.groupNames(List.of(item.getGroupId())).get(item.getGroupId()));
		s.put("service", serviceName(item.getServiceId()));
		s.put("dueAt",
				(item.getDueAt() == null) ? null : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
					.format(item.getDueAt().atZone(zone())));
		s.put("ciIds", item.getCiIds().isEmpty() ? null : ciNames(item.getCiIds()));
		s.put("tags", item.getTags().isEmpty() ? null : String.join(", ", item.getTags()));
		return s;
	}

	private static Map<String, JournalEntryView.FieldChange> diff(Map<String, String> before,
			Map<String, String> after) {
		Map<String, JournalEntryView.FieldChange> changes = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : after.entrySet()) {
			String old = before.get(e.getKey());
			if (!Objects.equals(old, e.getValue())) {
				String shownOld = old;
				String shownNew = e.getValue();
				if ("description".equals(e.getKey())) {
					shownOld = null;
					shownNew = null;
				}
				changes.put(e.getKey(), new JournalEntryView.FieldChange(e.getKey(), shownOld, shownNew));
			}
		}
		return changes;
	}

	private boolean isBlank(WorkItem item, String field) {
		switch (field) {
			case "assignee":
				return item.getAssigneeId() == null;
			case "group":
				return item.getGroupId() == null;
			case "description":
				return item.getDescription() == null;
			case "dueAt":
				return item.getDueAt() == null;
			case "service":
				return item.getServiceId() == null;
			case "requester":
				return item.getRequesterId() == null;
			default:
				return false;
		}
	}

	private JournalEntry addComment(WorkItem item, CurrentUser me, String body, boolean internal, Instant now) {
		this.search.changed(SEARCH_KIND, item.getId());
		if (!internal && !Objects.equals(item.getRequesterId(), me.id())) {
			item.responded(now);
		}
		return this.journal.save(new JournalEntry(item.getId(), internal ? JournalKind.WORK_NOTE : JournalKind.COMMENT,
				body, null, me.id(), me.displayName(), now));
	}

	private void history(long itemId, String transition, String from, String to, Long actor, Instant now) {
		this.jdbc.update(
				"insert into wi_state_history (item_id, transition, from_state, to_state, actor_id, occurred_at)"
						+ " values (:item, :transition, :from, :to, :actor, :at)",
				new MapSqlParameterSource("item", itemId).addValue("transition", transition)
					.addValue("from", from)
					.addValue("to", to)
					.addValue("actor", actor)
					.addValue("at", now.atOffset(java.time.ZoneOffset.UTC)));
	}

	private String changesJson(Map<String, JournalEntryView.FieldChange> changes) {
		Map<String, Map<String, String>> out = new LinkedHashMap<>();
		changes.forEach((k, c) -> {
			Map<String, String> pair = new LinkedHashMap<>();
			pair.put("before", c.before());
			pair.put("after", c.after());
			out.put(k, pair);
		});
		return this.json.writeValueAsString(out);
	}

	private JournalEntryView view(JournalEntry e) {
		List<JournalEntryView.FieldChange> changes = new ArrayList<>();
		if (e.getChanges() != null) {
			Map<String, Map<String, String>> parsed = this.json.readValue(e.getChanges(),
					new TypeReference<Map<String, Map<String, String>>>() {
					});
			parsed.forEach((k, v) -> changes.add(new JournalEntryView.FieldChange(k, v.get("before"), v.get("after"))));
		}
		return new JournalEntryView(e.getId(), e.getKind(), e.getBody(), changes, e.getAuthorId(), e.getAuthorName(),
				e.getCreatedAt());
	}

	private WorkItemView view(WorkItem item, WorkflowDefinition def) {
		Set<Long> people = new HashSet<>();
		addIfPresent(people, item.getAssigneeId());
		addIfPresent(people, item.getRequesterId());
		Map<Long, String> names = this.directory.userNames(people);
		String groupName = (item.getGroupId() == null) ? null
				: this.directory.groupNames(List.of(item.getGroupId())).get(item.getGroupId());
		String stateName = def.state(item.getState()).map((s) -> s.label(language())).orElse(item.getState());
		return new WorkItemView(item.getId(), item.getVersion(), item.getTypeCode(), item.getNumber(), item.getTitle(),
				item.getDescription(), item.getState(), stateName, item.getStateCategory(), item.getImpact(),
				item.getUrgency(), item.getPriority(), ref(item.getRequesterId(), names), item.getDepartmentId(),
				ref(item.getAssigneeId(), names),
				(item.getGroupId() == null) ? null : new WorkItemView.Ref(item.getGroupId(), groupName),
				item.getServiceId(), List.copyOf(item.getCiIds()), List.copyOf(item.getTags()), item.getDueAt(),
				item.getOpenedAt(), item.getFirstResponseAt(), item.getResolvedAt(), item.getClosedAt(),
				item.getUpdatedAt(), this.workflows.versionNumber(item.getWorkflowId()),
				this.fields.values(fieldScope(item.getTypeCode()), item.getId()));
	}

	private String stateName(WorkItem item) {
		return this.workflows.definition(item.getWorkflowId())
			.state(item.getState())
			.map((s) -> s.label(language()))
			.orElse(item.getState());
	}

	private static WorkItemView.Ref ref(Long id, Map<Long, String> names) {
		return (id == null) ? null : new WorkItemView.Ref(id, names.getOrDefault(id, "#" + id));
	}

	private static void addIfPresent(Set<Long> ids, Long id) {
		if (id != null) {
			ids.add(id);
		}
	}

	private static Instant instant(java.time.OffsetDateTime t) {
		return (t == null) ? null : t.toInstant();
	}

	/**
	 * The time zone local date-times of the caller are read in: theirs, else the
	 * organisation's.
	 */
	public ZoneId zone() {
		return this.formats.zone();
	}

	private String language() {
		return this.formats.language();
	}

	// ---- service levels

	/**
	 * Records the SLA engine's summary of a record's clocks, for lists to filter and sort
	 * on (the engine's own call; no journal entry, no new version).
	 */
	public void recordSla(long id, SlaStatus status, Instant dueAt) {
		this.jdbc.update("update wi_item set sla_status = :status, sla_due_at = :due where id = :id",
				new MapSqlParameterSource("id", id).addValue("status", (status == null) ? null : status.name())
					.addValue("due", (dueAt == null) ? null : dueAt.atOffset(java.time.ZoneOffset.UTC)));
	}

	/**
	 * An escalation by the system (an SLA warning or breach): moves the record to another
	 * group (clearing its assignee) and/or raises its priority by one, with a journal
	 * entry naming the reason. Does nothing to a record that has ended.
	 * @return whether anything changed
	 */
	public boolean escalate(long id, Long groupId, boolean raisePriority, String reason) {
		WorkItem item = this.items.findById(id).orElseThrow(() -> NotFound.of(RECORD_TYPE, id));
		return systemMove(item, groupId, raisePriority, "sla", reason, "SLA");
	}

	/**
	 * A change the system makes by itself: another group (clearing the assignee) and/or
	 * one priority higher, journaled under {@code field} with the reason.
	 */
	private boolean systemMove(WorkItem item, Long groupId, boolean raisePriority, String field, String reason,
			String author) {
		if (item.getStateCategory().isEnd()) {
			return false;
		}
		Map<String, String> before = snapshot(item);
		if (groupId != null && !groupId.equals(item.getGroupId()) && this.directory.isActiveGroup(groupId)) {
			item.setGroupId(groupId);
			item.setAssigneeId(null);
		}
		if (raisePriority && item.getPriority() > 1) {
			item.setPriority(item.getPriority() - 1);
		}
		Map<String, JournalEntryView.FieldChange> changes = diff(before, snapshot(item));
		Instant now = this.clock.instant();
		Map<String, JournalEntryView.FieldChange> entry = new LinkedHashMap<>();
		entry.put(field, new JournalEntryView.FieldChange(field, null, reason));
		entry.putAll(changes);
		if (!changes.isEmpty()) {
			item.touch(now);
		}
		this.journal
			.save(new JournalEntry(item.getId(), JournalKind.SYSTEM, null, changesJson(entry), null, author, now));
		this.items.flush();
		changed(item, changes.keySet());
		return !changes.isEmpty();
	}

	/**
	 * A record as notifications describe it, read by the system without a permission
	 * check (the notifications themselves go only to people who may see the record).
	 */
	@Transactional(readOnly = true)
	public Optional<WorkItemBrief> brief(long id) {
		return this.items.findById(id)
			.map((i) -> new WorkItemBrief(i.getId(), i.getTypeCode(), i.getNumber(), i.getTitle(), i.getPriority(),
					i.getAssigneeId(), i.getGroupId(), i.getServiceId(), i.getStateCategory(), i.getRequesterId()));
	}

	/** The records of a type opened since a moment (read by the system), oldest first. */
	@Transactional(readOnly = true)
	public List<Long> openedSince(String type, Instant since) {
		return this.jdbc.queryForList(
				"select id from wi_item where type_code = :type and opened_at >= :since order by opened_at, id",
				new MapSqlParameterSource("type", type).addValue("since", since.atOffset(ZoneOffset.UTC)), Long.class);
	}

	/** Which of these records are resolved (read by the system). */
	@Transactional(readOnly = true)
	public Set<Long> resolvedAmong(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		Set<Long> out = new java.util.HashSet<>();
		IdChunks
			.each(ids,
					(chunk) -> out.addAll(this.jdbc.queryForList(
							"select id from wi_item where resolved_at is not null and id in (:ids)",
							new MapSqlParameterSource("ids", chunk), Long.class)));
		return Set.copyOf(out);
	}

	/**
	 * Which of these records link to some other record with that kind (e.g. CAUSED_BY).
	 */
	@Transactional(readOnly = true)
	public Set<Long> linkingWith(java.util.Collection<Long> ids, LinkKind kind) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		Set<Long> out = new java.util.HashSet<>();
		IdChunks.each(ids,
				(chunk) -> out.addAll(this.jdbc.queryForList(
						"select distinct from_id from wi_link where from_type = :t and kind = :k and from_id in (:ids)",
						new MapSqlParameterSource("t", RECORD_TYPE).addValue("k", kind.name()).addValue("ids", chunk),
						Long.class)));
		return Set.copyOf(out);
	}

	/** Which moment of a record's life a period is about. */
	public enum Milestone {

		OPENED("opened_at"), RESOLVED("resolved_at"), CLOSED("closed_at");

		private final String column;

		Milestone(String column) {
			this.column = column;
		}

	}

	/**
	 * When a record was opened, resolved and closed, and where it stands: for indicators.
	 */
	public record Lifecycle(long id, String number, Instant openedAt, Instant resolvedAt, Instant closedAt,
			StateCategory category) {
	}

	/**
	 * The records of a type whose milestone falls in {@code [from, to)}, oldest first
	 * (read by the system: a module computing its indicators).
	 */
	@Transactional(readOnly = true)
	public List<Lifecycle> lifecycles(String type, Milestone by, Instant from, Instant to) {
		return this.jdbc.query(
				"select id, number, opened_at, resolved_at, closed_at, state_category from wi_item"
						+ " where type_code = :type and " + by.column + " >= :from and " + by.column
						+ " < :to order by " + by.column + ", id",
				new MapSqlParameterSource("type", type).addValue("from", from.atOffset(ZoneOffset.UTC))
					.addValue("to", to.atOffset(ZoneOffset.UTC)),
				(rs, n) -> new Lifecycle(rs.getLong(1), rs.getString(2),
						org.yunwei.platform.Timestamps.instant(rs.getObject(3, java.time.OffsetDateTime.class)),
						org.yunwei.platform.Timestamps.instant(rs.getObject(4, java.time.OffsetDateTime.class)),
						org.yunwei.platform.Timestamps.instant(rs.getObject(5, java.time.OffsetDateTime.class)),
						StateCategory.valueOf(rs.getString(6))));
	}

	/**
	 * How many records of a type were opened in {@code [from, to)} (read by the system:
	 * the conformance engine's evidence that a process is used).
	 */
	@Transactional(readOnly = true)
	public long countOpened(String type, Instant from, Instant to) {
		Long n = this.jdbc.queryForObject(
				"select count(*) from wi_item where type_code = :type and opened_at >= :from and opened_at < :to",
				new MapSqlParameterSource("type", type).addValue("from", from.atOffset(ZoneOffset.UTC))
					.addValue("to", to.atOffset(ZoneOffset.UTC)),
				Long.class);
		return (n == null) ? 0 : n;
	}

	/** The due times of records (those with one; read by the system for indicators). */
	@Transactional(readOnly = true)
	public Map<Long, Instant> dueOf(java.util.Collection<Long> ids) {
		Map<Long, Instant> out = new java.util.HashMap<>();
		IdChunks.each(ids,
				(chunk) -> this.jdbc.query("select id, due_at from wi_item where due_at is not null and id in (:ids)",
						new MapSqlParameterSource("ids", chunk), (rs) -> {
							out.put(rs.getLong(1), instant(rs.getObject(2, java.time.OffsetDateTime.class)));
						}));
		return out;
	}

	/**
	 * How many records of a type each record links to with a kind (read by the system for
	 * indicators: a nonconformity's actions).
	 */
	@Transactional(readOnly = true)
	public Map<Long, Integer> linkCounts(java.util.Collection<Long> ids, LinkKind kind, String otherType) {
		Map<Long, Integer> out = new java.util.HashMap<>();
		IdChunks.each(ids, (chunk) -> this.jdbc
			.query("select l.from_id, count(*) from wi_link l join wi_item i on i.id = l.to_id where"
					+ " l.from_type = :rt and l.kind = :kind and l.to_type = :rt and i.type_code = :to and l.from_id in"
					+ " (:ids) group by l.from_id",
					new MapSqlParameterSource("ids", chunk).addValue("rt", RECORD_TYPE)
						.addValue("kind", kind.name())
						.addValue("to", otherType),
					(rs) -> {
						out.put(rs.getLong(1), rs.getInt(2));
					}));
		return out;
	}

	/** A record closed in a period: for sampling its records (read by the system). */
	public record ClosedRecord(long id, String number, String title, Instant closedAt) {
	}

	/**
	 * The records of a type that were closed (DONE) in {@code [from, to)}, oldest first.
	 */
	@Transactional(readOnly = true)
	public List<ClosedRecord> closedBetween(String type, Instant from, Instant to) {
		return this.jdbc.query(
				"select id, number, title, closed_at from wi_item where type_code = :type and state_category = 'DONE'"
						+ " and closed_at >= :from and closed_at < :to order by closed_at, id",
				new MapSqlParameterSource("type", type).addValue("from", from.atOffset(ZoneOffset.UTC))
					.addValue("to", to.atOffset(ZoneOffset.UTC)),
				(rs, n) -> new ClosedRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, java.time.OffsetDateTime.class).toInstant()));
	}

	/**
	 * The records of a type a record is the parent of (its outgoing {@code PARENT_OF}
	 * links), in link order: a nonconformity's actions, a review's problems, an audit's
	 * findings.
	 */
	@Transactional(readOnly = true)
	public List<WorkItemBrief> children(long id, String type) {
		List<Long> linked = links(id).stream()
			.filter((l) -> l.kind() == LinkKind.PARENT_OF && l.outgoing())
			.map(LinkView::otherId)
			.toList();
		Map<Long, WorkItemBrief> found = briefs(linked);
		return linked.stream().map(found::get).filter((b) -> b != null && type.equals(b.type())).toList();
	}

	/** Several records' briefs in one query (read by the system, like {@link #brief}). */
	@Transactional(readOnly = true)
	public Map<Long, WorkItemBrief> briefs(java.util.Collection<Long> ids) {
		Map<Long, WorkItemBrief> result = new HashMap<>();
		if (!ids.isEmpty()) {
			List<WorkItem> found = new ArrayList<>();
			IdChunks.each(ids, (chunk) -> found.addAll(this.items.findAllById(chunk)));
			found.forEach((i) -> result.put(i.getId(),
					new WorkItemBrief(i.getId(), i.getTypeCode(), i.getNumber(), i.getTitle(), i.getPriority(),
							i.getAssigneeId(), i.getGroupId(), i.getServiceId(), i.getStateCategory(),
							i.getRequesterId())));
		}
		return result;
	}

	/** An approval step as its e-mailed link shows it. */
	public record StepBrief(long stepId, long approverId, String approverName, boolean open, WorkItemBrief item,
			String description) {
	}

	/**
	 * An approval step and its record, read by the system for a signed link that named
	 * this step (the link is the permission to see this much).
	 */
	@Transactional(readOnly = true)
	public Optional<StepBrief> approvalStep(long stepId) {
		return this.approvalSteps.findById(stepId).flatMap((step) -> {
			org.yunwei.workitem.internal.Approval approval = this.approvals.findById(step.getApprovalId())
				.orElseThrow();
			boolean open = "PENDING".equals(approval.getState()) && step.isActive() && step.getDecision() == null;
			String name = this.directory.userNames(List.of(step.getApproverId())).get(step.getApproverId());
			return brief(approval.getItemId()).map((item) -> new StepBrief(step.getId(), step.getApproverId(), name,
					open, item, this.items.findById(item.id()).map(WorkItem::getDescription).orElse(null)));
		});
	}

	/** A record due in a period, and when it was resolved (for on-time indicators). */
	public record DueRecord(long id, String number, Instant dueAt, Instant resolvedAt) {

		public boolean onTime() {
			return this.resolvedAt != null && !this.resolvedAt.isAfter(this.dueAt);
		}

	}

	/**
	 * The records of a type due in [from, to), cancelled ones left out, read by the
	 * system for indicators (the owning module computes them; no permission check).
	 */
	@Transactional(readOnly = true)
	public List<DueRecord> dueBetween(String type, Instant from, Instant to) {
		return this.jdbc.query(
				"select id, number, due_at, resolved_at from wi_item where type_code = :t and due_at >= :from"
						+ " and due_at < :to and state_category <> 'CANCELLED' order by due_at, id",
				new MapSqlParameterSource("t", type).addValue("from", from.atOffset(ZoneOffset.UTC))
					.addValue("to", to.atOffset(ZoneOffset.UTC)),
				(rs, n) -> new DueRecord(rs.getLong(1), rs.getString(2),
						instant(rs.getObject(3, java.time.OffsetDateTime.class)),
						instant(rs.getObject(4, java.time.OffsetDateTime.class))));
	}

	/**
	 * Opens a follow-up record (an anomaly found on an inspection, a problem's change …)
	 * for the same service, group and urgency, linked from this one; {@code {number}} and
	 * {@code {title}} in the title are this record's.
	 */
	public WorkItemView followUp(long id, String type, String title, LinkKind kind) {
		WorkItem item = find(String.valueOf(id));
		CurrentUser me = requireVisible(item, true);
		return followUp(item, type, title, kind, null, me, this.clock.instant(), false);
	}

	/**
	 * A record created from this one and linked to it; {@code byWorkflow} when the
	 * workflow creates it (its definition is the permission), else as a person who must
	 * be allowed to create records of that type.
	 */
	private WorkItemView followUp(WorkItem item, String type, String title, LinkKind kind, Long groupId,
			CurrentUser actor, Instant now, boolean byWorkflow) {
		WorkItemFormData form = new WorkItemFormData();
		String t = title.replace("{number}", item.getNumber()).replace("{title}", item.getTitle());
		form.setTitle((t.length() > 200) ? t.substring(0, 200) : t);
		form.setImpact(item.getImpact());
		form.setUrgency(item.getUrgency());
		form.setGroupId((groupId != null) ? groupId : item.getGroupId());
		form.setServiceId(item.getServiceId());
		form.setRequesterId(item.getRequesterId());
		WorkItemView created = byWorkflow ? insert(this.types.get(type), Workflows.OWN, form, actor, null)
				: create(type, form);
		this.links.saveAndFlush(new Link(RECORD_TYPE, item.getId(), kind, RECORD_TYPE, created.id(),
				(actor != null) ? actor.id() : null, now));
		return created;
	}

	/** The people watching a record, read by the system (for notifications). */
	@Transactional(readOnly = true)
	public List<Long> watcherIds(long id) {
		return this.jdbc.queryForList("select user_id from wi_watcher where item_id = :id order by user_id",
				new MapSqlParameterSource("id", id), Long.class);
	}

	private void changed(WorkItem item, Set<String> fields) {
		if (fields.isEmpty()) {
			return;
		}
		this.search.changed(SEARCH_KIND, item.getId());
		this.events.publishEvent(new WorkItemChanged(item.getId(), item.getTypeCode(), item.getNumber(),
				Set.copyOf(fields), item.getServiceId(), item.getDepartmentId(), item.getGroupId(), item.getPriority(),
				item.getStateCategory()));
	}

	/**
	 * Refuses a service that is not in the catalogue (one already on the record may
	 * stay).
	 */
	private void checkService(Long serviceId, Long current) {
		if (serviceId == null || serviceId.equals(current)) {
			return;
		}
		if (!serviceInUse(serviceId)) {
			throw new ValidationFailed("serviceId", "workitem.error.unknownService", serviceId);
		}
	}

	/** Whether a service is in use in the catalogue (a work item may be about it). */
	@Transactional(readOnly = true)
	public boolean serviceInUse(long serviceId) {
		ServiceOptions options = this.services.getIfAvailable();
		return options != null && options.isActive(serviceId);
	}

	/**
	 * The names of services by id (unknown ids left out; looking up null finds nothing).
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> serviceNames(java.util.Collection<Long> ids) {
		ServiceOptions options = this.services.getIfAvailable();
		return (options == null || ids.isEmpty()) ? new HashMap<>() : new HashMap<>(options.names(ids));
	}

	private String serviceName(Long serviceId) {
		if (serviceId == null) {
			return null;
		}
		ServiceOptions options = this.services.getIfAvailable();
		String name = (options != null) ? options.names(List.of(serviceId)).get(serviceId) : null;
		return (name != null) ? name : String.valueOf(serviceId);
	}

	/** The services a record may be about, for forms. */
	@Transactional(readOnly = true)
	public List<ServiceOptions.Option> serviceOptions() {
		ServiceOptions options = this.services.getIfAvailable();
		return (options != null) ? options.activeServices() : List.of();
	}

	private WorkflowActionHandler handler(WorkflowDefinition.Action action) {
		WorkflowActionHandler handler = this.handlers.get(action.type());
		if (handler == null) {
			throw new IllegalStateException("no handler for workflow action " + action.type());
		}
		return handler;
	}

	/**
	 * The people an approver specification names (see {@link ApprovalMode#isApprovers}).
	 */
	private List<Long> approvers(String spec) {
		if (!ApprovalMode.isApprovers(spec)) {
			throw new ValidationFailed(null, "approval.error.approvers", spec);
		}
		String[] parts = spec.split(":", 2);
		switch (parts[0]) {
			case "role":
				return this.directory.usersWithRole(parts[1]);
			case "group":
				return this.directory.groupMembers(parts[1]);
			default:
				Set<Long> ids = new java.util.LinkedHashSet<>();
				for (String username : parts[1].split(",")) {
					this.directory.userId(username.strip()).ifPresent(ids::add);
				}
				return new ArrayList<>(ids);
		}
	}

	/** The transition context handed to workflow actions. */
	private final class Context implements TransitionContext {

		private final WorkItem item;

		private final Transition transition;

		private final CurrentUser actor;

		private final Instant now;

		private final WorkflowDefinition def;

		private final String comment;

		Context(WorkItem item, Transition transition, CurrentUser actor, Instant now, WorkflowDefinition def) {
			this(item, transition, actor, now, def, null);
		}

		Context(WorkItem item, Transition transition, CurrentUser actor, Instant now, WorkflowDefinition def,
				String comment) {
			this.comment = comment;
			this.item = item;
			this.transition = transition;
			this.actor = actor;
			this.now = now;
			this.def = def;
		}

		/**
		 * The record as the actions see it, built once until an action changes a field.
		 */
		private WorkItemView view;

		@Override
		public WorkItemView item() {
			if (this.view == null) {
				this.view = view(this.item, this.def);
			}
			return this.view;
		}

		@Override
		public Transition transition() {
			return this.transition;
		}

		@Override
		public Optional<CurrentUser> actor() {
			return Optional.ofNullable(this.actor);
		}

		@Override
		public Instant now() {
			return this.now;
		}

		@Override
		public void setField(String field, String value) {
			this.view = null;
			String v = (value == null || value.isBlank()) ? null : value.strip();
			switch (field) {
				case "assignee":
					this.item.setAssigneeId(userValue(v));
					break;
				case "group":
					Long g = (v == null) ? null : Long.valueOf(v);
					if (g != null && !WorkItems.this.directory.isActiveGroup(g)) {
						throw new ValidationFailed("groupId", "workitem.error.unknownGroup", g);
					}
					this.item.setGroupId(g);
					break;
				case "impact":
					this.item.setImpact(Integer.parseInt(v));
					this.item.setPriority(priority(this.item.getImpact(), this.item.getUrgency()));
					break;
				case "urgency":
					this.item.setUrgency(Integer.parseInt(v));
					this.item.setPriority(priority(this.item.getImpact(), this.item.getUrgency()));
					break;
				case "dueAt":
					this.item.setDueAt((v == null) ? null : Instant.parse(v));
					break;
				default:
					throw new IllegalArgumentException("field " + field + " cannot be set by a workflow");
			}
		}

		@Override
		public String comment() {
			return this.comment;
		}

		@Override
		public String createLinked(String type, String title, LinkKind kind, Long groupId) {
			if (this.actor == null) {
				throw new IllegalStateException("a linked record is created on someone's behalf");
			}
			return followUp(this.item, type, title, kind, groupId, this.actor, this.now, true).number();
		}

		@Override
		public void requestApproval(ApprovalMode mode, String approvers, String approve, String reject) {
			List<Long> who = approvers(approvers);
			if (who.isEmpty()) {
				throw new ValidationFailed(null, "approval.error.noApprovers", approvers);
			}
			WorkItems.this.approvalEngine.request(this.item.getId(),
					(this.actor != null) ? this.actor.username() : "system", mode, who, approve, reject, this.now);
		}

		@Override
		public List<String> openLinked(LinkKind kind) {
			return WorkItems.this.jdbc.queryForList(
					"select i.number from wi_link l join wi_item i on i.id = l.to_id where l.from_type = :t"
							+ " and l.from_id = :id and l.kind = :kind and l.to_type = :t"
							+ " and i.state_category not in ('DONE', 'CANCELLED') order by i.number",
					new MapSqlParameterSource("t", RECORD_TYPE).addValue("id", this.item.getId())
						.addValue("kind", kind.name()),
					String.class);
		}

		private Long userValue(String v) {
			if (v == null) {
				return null;
			}
			if ("me".equals(v)) {
				return (this.actor != null) ? this.actor.id() : null;
			}
			if ("requester".equals(v)) {
				return this.item.getRequesterId();
			}
			Long id = Long.valueOf(v);
			if (!WorkItems.this.directory.isActiveUser(id)) {
				throw new ValidationFailed("assigneeId", "workitem.error.unknownUser", id);
			}
			return id;
		}

	}

}
