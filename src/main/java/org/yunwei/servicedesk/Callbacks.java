package org.yunwei.servicedesk;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.workitem.LinkKind;
import org.yunwei.workitem.TransitionContext;
import org.yunwei.workitem.TransitionRequest;
import org.yunwei.workitem.TransitionView;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * Callbacks (回访, 8.4.2 h): when a ticket is resolved and a rule matches it, the service
 * desk is given a callback task ({@code CB-…}) linked to it; the result recorded there
 * (satisfied, not satisfied, unreachable) closes the ticket on the requester's word,
 * reopens it, or closes it on the desk's recorded decision — each through the ticket's
 * own workflow, in the name of whoever made the call.
 */
@Service
@Transactional
public class Callbacks {

	/** The work-item type of a callback task. */
	public static final String TYPE = "callback";

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessControl access;

	private final Directory directory;

	private final WorkItems items;

	private final AuditTrail audit;

	private final Clock clock;

	private final String deskGroup;

	Callbacks(NamedParameterJdbcTemplate jdbc, AccessControl access, Directory directory, WorkItems items,
			AuditTrail audit, Clock clock, @Value("${yunwei.service-desk.group:SERVICE-DESK}") String deskGroup) {
		this.jdbc = jdbc;
		this.access = access;
		this.directory = directory;
		this.items = items;
		this.audit = audit;
		this.clock = clock;
		this.deskGroup = deskGroup;
	}

	@Transactional(readOnly = true)
	public List<CallbackRule> rules() {
		this.access.require(Catalogue.MANAGE);
		return allRules();
	}

	public CallbackRule addRule(CallbackRuleFormData form) {
		CurrentUser me = this.access.require(Catalogue.MANAGE);
		if (form.getServiceId() != null && !this.items.serviceInUse(form.getServiceId())) {
			throw new ValidationFailed("serviceId", "workitem.error.unknownService", form.getServiceId());
		}
		if (allRules().stream()
			.anyMatch((r) -> r.kind() == form.getKind() && java.util.Objects.equals(r.priority(), form.getPriority())
					&& java.util.Objects.equals(r.serviceId(), form.getServiceId()))) {
			throw new ValidationFailed(null, "callback.error.duplicateRule");
		}
		org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.update(
				"insert into sd_callback_rule (kind, priority, service_id, created_by, created_at)"
						+ " values (:kind, :priority, :service, :by, :at)",
				new MapSqlParameterSource("kind", (form.getKind() == null) ? null : form.getKind().name())
					.addValue("priority", form.getPriority())
					.addValue("service", form.getServiceId())
					.addValue("by", me.id())
					.addValue("at", this.clock.instant().atOffset(ZoneOffset.UTC)),
				key, new String[] { "id" });
		long id = key.getKey().longValue();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "callbackRule", id, describe(form)));
		return allRules().stream().filter((r) -> r.id() == id).findFirst().orElseThrow();
	}

	public void removeRule(long id) {
		this.access.require(Catalogue.MANAGE);
		CallbackRule rule = allRules().stream()
			.filter((r) -> r.id() == id)
			.findFirst()
			.orElseThrow(() -> NotFound.of("callbackRule", id));
		this.jdbc.update("delete from sd_callback_rule where id = :id", new MapSqlParameterSource("id", id));
		CallbackRuleFormData f = new CallbackRuleFormData();
		f.setKind(rule.kind());
		f.setPriority(rule.priority());
		f.setServiceId(rule.serviceId());
		this.audit.record(AuditEvent.of(AuditAction.DELETE, "callbackRule", id, describe(f)));
	}

	/**
	 * The callback about a ticket, or the ticket a callback is about, with its result.
	 */
	public record Link(long callbackItemId, String callbackNumber, long ticketItemId, CallbackResult result,
			String decidedBy, java.time.Instant decidedAt) {
	}

	/**
	 * The callbacks about a ticket, or the one a callback task is ({@code itemId}
	 * either).
	 */
	@Transactional(readOnly = true)
	public List<Link> involving(long itemId) {
		List<Object[]> rows = this.jdbc.query(
				"select callback_item_id, ticket_item_id, result, decided_by, decided_at from sd_callback"
						+ " where ticket_item_id = :id or callback_item_id = :id order by callback_item_id",
				new MapSqlParameterSource("id", itemId),
				(rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, Long.class),
						rs.getObject(5, java.time.OffsetDateTime.class) });
		Map<Long, String> people = this.directory
			.userNames(rows.stream().map((r) -> (Long) r[3]).filter(java.util.Objects::nonNull).distinct().toList());
		return rows.stream().map((r) -> {
			long callback = (Long) r[0];
			java.time.OffsetDateTime at = (java.time.OffsetDateTime) r[4];
			return new Link(callback,
					this.items.brief(callback).map(org.yunwei.workitem.WorkItemBrief::number).orElse("?"), (Long) r[1],
					(r[2] == null) ? null : CallbackResult.valueOf((String) r[2]),
					(r[3] == null) ? null : people.get(r[3]), (at == null) ? null : at.toInstant());
		}).toList();
	}

	/**
	 * On resolving a ticket (the workflow action {@code callback}): opens a callback task
	 * for the service desk when a rule matches and none is open yet.
	 */
	void onResolved(TransitionContext context) {
		WorkItemView ticket = context.item();
		TicketKind kind = TicketKind.ofType(ticket.type());
		if (allRules().stream().noneMatch((r) -> r.matches(kind, ticket.priority(), ticket.serviceId()))) {
			return;
		}
		Integer open = this.jdbc.queryForObject(
				"select count(*) from sd_callback where ticket_item_id = :id and result is null",
				new MapSqlParameterSource("id", ticket.id()), Integer.class);
		if (open != null && open > 0) {
			return;
		}
		Long group = this.directory.findGroup(this.deskGroup).orElse(null);
		String number = context.createLinked(TYPE, "回访：{title}（{number}）", LinkKind.RELATES_TO, group);
		long callbackId = this.items.get(number).id();
		this.jdbc.update("insert into sd_callback (callback_item_id, ticket_item_id) values (:cb, :ticket)",
				new MapSqlParameterSource("cb", callbackId).addValue("ticket", ticket.id()));
	}

	/**
	 * On finishing a callback task (the workflow action {@code callbackResult}): records
	 * the result and, when the ticket still awaits its requester, takes the ticket's
	 * transition for it with the caller's note.
	 */
	void onResult(TransitionContext context, CallbackResult result) {
		long callbackId = context.item().id();
		List<Long> tickets = this.jdbc.queryForList(
				"select ticket_item_id from sd_callback where callback_item_id = :id",
				new MapSqlParameterSource("id", callbackId), Long.class);
		if (tickets.isEmpty()) {
			throw new ValidationFailed(null, "callback.error.noTicket", context.item().number());
		}
		long ticketId = tickets.get(0);
		String note = (context.comment() == null) ? "" : context.comment();
		this.jdbc.update(
				"update sd_callback set result = :result, decided_by = :by, decided_at = :at, note = :note"
						+ " where callback_item_id = :id",
				new MapSqlParameterSource("id", callbackId).addValue("result", result.name())
					.addValue("by", context.actor().map(CurrentUser::id).orElse(null))
					.addValue("at", context.now().atOffset(ZoneOffset.UTC))
					.addValue("note", (note.length() > 2000) ? note.substring(0, 2000) : note));
		Optional<TransitionView> next = this.items.transitions(ticketId)
			.stream()
			.filter((t) -> t.name().equals(result.ticketTransition()))
			.findFirst();
		String comment = "回访（" + context.item().number() + "）：" + note;
		if (next.isPresent()) {
			this.items.take(ticketId, next.get().name(), new TransitionRequest(comment, false, null, null, null));
		}
		else {
			this.items.comment(ticketId, comment, true);
		}
	}

	private List<CallbackRule> allRules() {
		List<Object[]> rows = this.jdbc.query(
				"select id, kind, priority, service_id, created_by, created_at from sd_callback_rule order by id",
				new MapSqlParameterSource(),
				(rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getObject(3, Integer.class),
						rs.getObject(4, Long.class), rs.getLong(5),
						rs.getObject(6, java.time.OffsetDateTime.class).toInstant() });
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, String> services = this.items
			.serviceNames(rows.stream().map((r) -> (Long) r[3]).filter(java.util.Objects::nonNull).distinct().toList());
		Map<Long, String> people = this.directory.userNames(rows.stream().map((r) -> (Long) r[4]).distinct().toList());
		return rows.stream()
			.map((r) -> new CallbackRule((Long) r[0], (r[1] == null) ? null : TicketKind.valueOf((String) r[1]),
					(Integer) r[2], (Long) r[3], services.get(r[3]), people.get(r[4]), (java.time.Instant) r[5]))
			.toList();
	}

	private static String describe(CallbackRuleFormData form) {
		return ((form.getKind() == null) ? "*" : form.getKind().name()) + " P"
				+ ((form.getPriority() == null) ? "*" : form.getPriority()) + " service "
				+ ((form.getServiceId() == null) ? "*" : form.getServiceId());
	}

}
