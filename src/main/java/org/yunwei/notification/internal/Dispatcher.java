package org.yunwei.notification.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import org.yunwei.notification.Channel;
import org.yunwei.notification.NotificationEvent;
import org.yunwei.notification.TemplateView;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.servicelevel.ClockKind;
import org.yunwei.servicelevel.SlaBreached;
import org.yunwei.servicelevel.SlaWarned;
import org.yunwei.workitem.ApprovalDelegations;
import org.yunwei.workitem.ApprovalRequested;
import org.yunwei.workitem.WorkItemBrief;
import org.yunwei.workitem.WorkItemChanged;
import org.yunwei.workitem.WorkItemCreated;
import org.yunwei.workitem.WorkItems;

/**
 * Turns what happens into notifications, inside the transaction that made it happen: an
 * entry in each person's inbox, an e-mail for those who want one, and a message to every
 * endpoint that subscribed to the event. Who is told: on an SLA warning the assignee (or,
 * unassigned, the group); on a breach the assignee and the group; on an assignment the
 * new assignee, unless they assigned it to themselves.
 */
@Component
public class Dispatcher {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Outbox outbox;

	private final Templates templates;

	private final EndpointRepository endpoints;

	/** Lazily: the kernel's workflow validation needs this module's actions first. */
	private final org.springframework.beans.factory.ObjectProvider<WorkItems> workItems;

	private final Directory directory;

	private final AccessControl access;

	private final NamedParameterJdbcTemplate jdbc;

	private final String baseUrl;

	private final ZoneId zone;

	private final ApprovalLinks links;

	private final org.springframework.beans.factory.ObjectProvider<ApprovalDelegations> delegations;

	Dispatcher(ApprovalLinks links, org.springframework.beans.factory.ObjectProvider<ApprovalDelegations> delegations,
			Outbox outbox, Templates templates, EndpointRepository endpoints,
			org.springframework.beans.factory.ObjectProvider<WorkItems> workItems, Directory directory,
			AccessControl access, NamedParameterJdbcTemplate jdbc,
			@Value("${yunwei.base-url:http://localhost:8080}") String baseUrl,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.links = links;
		this.delegations = delegations;
		this.outbox = outbox;
		this.templates = templates;
		this.endpoints = endpoints;
		this.workItems = workItems;
		this.directory = directory;
		this.access = access;
		this.jdbc = jdbc;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.zone = ZoneId.of(zone);
	}

	@EventListener
	void on(SlaWarned e) {
		sla(NotificationEvent.SLA_WARNING, e.itemId(), e.kind(), e.dueAt(), false);
	}

	@EventListener
	void on(SlaBreached e) {
		sla(NotificationEvent.SLA_BREACH, e.itemId(), e.kind(), e.breachedAt(), true);
	}

	@EventListener
	void on(WorkItemChanged e) {
		if (e.changed("assignee")) {
			assigned(e.id());
		}
	}

	/**
	 * An approval is someone's turn: they (and, while they are away, their delegate) get
	 * a personal signed link to decide from the e-mail; chat groups get the record's
	 * link.
	 */
	@EventListener
	void on(ApprovalRequested e) {
		this.workItems.getObject().brief(e.itemId()).ifPresent((item) -> {
			Long actor = this.access.current().map(CurrentUser::id).orElse(null);
			Map<String, String> values = values(item);
			values.put("by", (actor == null) ? "—" : this.directory.userNames(List.of(actor)).get(actor));
			long hours = this.links.validity().toHours();
			values.put("validity.zh", (hours % 24 == 0) ? (hours / 24) + " 天" : hours + " 小时");
			values.put("validity.en", (hours % 24 == 0) ? (hours / 24) + " days" : hours + " hours");
			String approverName = this.directory.userNames(List.of(e.approverId())).get(e.approverId());
			Map<String, String> own = new HashMap<>(values);
			own.put("behalf.zh", "");
			own.put("behalf.en", "");
			own.put("decideLink",
					this.baseUrl + "/public/approvals?token=" + this.links.token(e.stepId(), e.approverId()));
			notifyPeople(NotificationEvent.APPROVAL_REQUESTED, item, own, Set.of(e.approverId()));
			this.delegations.getObject().delegateOf(e.approverId()).ifPresent((delegate) -> {
				Map<String, String> forDelegate = new HashMap<>(values);
				forDelegate.put("behalf.zh", "（代 " + approverName + "）");
				forDelegate.put("behalf.en", " (for " + approverName + ")");
				forDelegate.put("decideLink",
						this.baseUrl + "/public/approvals?token=" + this.links.token(e.stepId(), delegate));
				notifyPeople(NotificationEvent.APPROVAL_REQUESTED, item, forDelegate, Set.of(delegate));
			});
			Map<String, String> shared = new HashMap<>(values);
			shared.put("behalf.zh", "");
			shared.put("behalf.en", "");
			shared.put("decideLink", values.get("link"));
			notifyEndpoints(NotificationEvent.APPROVAL_REQUESTED, shared);
		});
	}

	@EventListener
	void on(WorkItemCreated e) {
		if (e.assigneeId() != null) {
			assigned(e.id());
		}
	}

	private void assigned(long itemId) {
		this.workItems.getObject().brief(itemId).ifPresent((item) -> {
			Long actor = this.access.current().map(CurrentUser::id).orElse(null);
			if (item.assigneeId() == null || item.assigneeId().equals(actor)) {
				return;
			}
			Map<String, String> values = values(item);
			values.put("by", (actor == null) ? "SLA" : this.directory.userNames(List.of(actor)).get(actor));
			notify(NotificationEvent.ASSIGNED, item, values, Set.of(item.assigneeId()));
		});
	}

	private void sla(NotificationEvent event, long itemId, ClockKind kind, Instant due, boolean wholeGroup) {
		this.workItems.getObject().brief(itemId).ifPresent((item) -> {
			Set<Long> people = new LinkedHashSet<>();
			if (item.assigneeId() != null) {
				people.add(item.assigneeId());
			}
			if (item.groupId() != null && (wholeGroup || people.isEmpty())) {
				people.addAll(this.directory.members(item.groupId()));
			}
			Map<String, String> values = values(item);
			values.put("due", (due == null) ? null : TIME.format(due.atZone(this.zone)));
			values.put("clock.zh", kind.label("zh"));
			values.put("clock.en", kind.label("en"));
			notify(event, item, values, people);
		});
	}

	private Map<String, String> values(WorkItemBrief item) {
		Map<String, String> v = new HashMap<>();
		v.put("number", item.number());
		v.put("title", item.title());
		v.put("link", this.baseUrl + item.path());
		v.put("priority", "P" + item.priority());
		v.put("assignee", (item.assigneeId() == null) ? null
				: this.directory.userNames(List.of(item.assigneeId())).get(item.assigneeId()));
		v.put("group", (item.groupId() == null) ? null
				: this.directory.groupNames(List.of(item.groupId())).get(item.groupId()));
		return v;
	}

	/**
	 * A workflow's {@code notify} action: tells the people named by {@code to}
	 * ({@code assignee}, {@code requester}, {@code group}, {@code watchers},
	 * {@code role:CODE}), never the person taking the transition.
	 */
	void transition(long itemId, Map<String, String> action, Long actor, List<String> to) {
		this.workItems.getObject().brief(itemId).ifPresent((item) -> {
			Set<Long> people = new LinkedHashSet<>();
			for (String target : to) {
				String t = target.strip();
				if (t.equals("assignee") && item.assigneeId() != null) {
					people.add(item.assigneeId());
				}
				else if (t.equals("requester") && item.requesterId() != null) {
					people.add(item.requesterId());
				}
				else if (t.equals("group") && item.groupId() != null) {
					people.addAll(this.directory.members(item.groupId()));
				}
				else if (t.equals("watchers")) {
					people.addAll(this.workItems.getObject().watcherIds(itemId));
				}
				else if (t.startsWith("role:")) {
					people.addAll(this.directory.usersWithRole(t.substring(5)));
				}
			}
			if (actor != null) {
				people.remove(actor);
			}
			notify(NotificationEvent.TRANSITIONED, item, transitionValues(item, action, actor), people);
		});
	}

	/** A workflow's {@code callWebhook} action: one message to one endpoint, by name. */
	boolean webhook(long itemId, Map<String, String> action, Long actor, String endpointName) {
		Endpoint endpoint = this.endpoints.findByActiveTrue()
			.stream()
			.filter((e) -> e.getName().equals(endpointName))
			.findFirst()
			.orElse(null);
		WorkItemBrief item = this.workItems.getObject().brief(itemId).orElse(null);
		if (endpoint == null || item == null) {
			return false;
		}
		String[] message = render(NotificationEvent.TRANSITIONED, endpoint.getLanguage(),
				transitionValues(item, action, actor));
		this.outbox.enqueue(NotificationEvent.TRANSITIONED.code(), endpoint.getKind(), null, endpoint.getId(),
				endpoint.getName(), endpoint.getLanguage(), message[0], message[1], this.baseUrl + item.path());
		return true;
	}

	private Map<String, String> transitionValues(WorkItemBrief item, Map<String, String> action, Long actor) {
		Map<String, String> values = values(item);
		action.forEach((language, label) -> values.put("action." + language, label));
		values.put("by", (actor == null) ? "—" : this.directory.userNames(List.of(actor)).get(actor));
		return values;
	}

	/**
	 * Tells people of an event about a record that a module (not a workflow step) decides
	 * on, e.g. that their ticket was received: the record's placeholders plus
	 * {@code values}.
	 */
	public void tell(NotificationEvent event, long itemId, Set<Long> people, Map<String, String> values) {
		this.workItems.getObject().brief(itemId).ifPresent((item) -> {
			Map<String, String> v = values(item);
			v.putAll(values);
			if (values.containsKey("path")) {
				v.put("link", this.baseUrl + values.get("path"));
			}
			notify(event, item, v, people);
		});
	}

	private void notify(NotificationEvent event, WorkItemBrief item, Map<String, String> values, Set<Long> people) {
		notifyPeople(event, item, values, people);
		notifyEndpoints(event, values);
	}

	private void notifyPeople(NotificationEvent event, WorkItemBrief item, Map<String, String> values,
			Set<Long> people) {
		String link = values.get("link");
		Map<Long, Directory.Contact> contacts = this.directory.contacts(people);
		Map<Long, Set<Channel>> off = switchedOff(people);
		for (Directory.Contact c : contacts.values()) {
			String[] message = render(event, c.language(), values);
			Set<Channel> disabled = off.getOrDefault(c.id(), Set.of());
			if (!disabled.contains(Channel.IN_APP)) {
				this.outbox.inbox(c.id(), event.code(), message[0], message[1],
						values.getOrDefault("path", item.path()));
			}
			if (!disabled.contains(Channel.EMAIL) && c.email() != null && !c.email().isBlank()) {
				this.outbox.enqueue(event.code(), Channel.EMAIL, c.id(), null, c.email(), c.language(), message[0],
						message[1], link);
			}
		}
	}

	private void notifyEndpoints(NotificationEvent event, Map<String, String> values) {
		String link = values.get("link");
		for (Endpoint endpoint : this.endpoints.findByActiveTrue()) {
			if (endpoint.wants(event.code())) {
				String[] message = render(event, endpoint.getLanguage(), values);
				this.outbox.enqueue(event.code(), endpoint.getKind(), null, endpoint.getId(), endpoint.getName(),
						endpoint.getLanguage(), message[0], message[1], link);
			}
		}
	}

	private String[] render(NotificationEvent event, String language, Map<String, String> values) {
		TemplateView t = this.templates.get(event, language);
		Map<String, String> v = new HashMap<>(values);
		String suffix = "." + t.language();
		values.forEach((key, value) -> {
			if (key.endsWith(suffix)) {
				v.put(key.substring(0, key.length() - suffix.length()), value);
			}
		});
		return new String[] { Templates.fill(t.subject(), v), Templates.fill(t.body(), v) };
	}

	/** The channels each person switched off (everything is on unless they did). */
	private Map<Long, Set<Channel>> switchedOff(Set<Long> people) {
		Map<Long, Set<Channel>> off = new HashMap<>();
		if (people.isEmpty()) {
			return off;
		}
		List<Object[]> rows = new ArrayList<>();
		this.jdbc.query("select user_id, channel from nt_preference where user_id in (:ids) and enabled = false",
				new MapSqlParameterSource("ids", people), (rs) -> {
					rows.add(new Object[] { rs.getLong(1), rs.getString(2) });
				});
		for (Object[] r : rows) {
			off.computeIfAbsent((Long) r[0], (k) -> new java.util.HashSet<>()).add(Channel.valueOf((String) r[1]));
		}
		return off;
	}

}
