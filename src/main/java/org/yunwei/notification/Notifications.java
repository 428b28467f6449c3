package org.yunwei.notification;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.notification.internal.Endpoint;
import org.yunwei.notification.internal.EndpointRepository;
import org.yunwei.notification.internal.Outbox;
import org.yunwei.notification.internal.Templates;
import org.yunwei.platform.Conflict;
import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.web.InboxContributor;

/**
 * Notifications as people use them: their inbox (the bell) and channel choices, and for
 * administrators ({@link #ADMIN}) the chat and webhook endpoints, the message templates,
 * and the delivery log with retry. {@link #deliverDue} is the outbox job's work.
 */
@Service
@Transactional
public class Notifications implements InboxContributor {

	public static final String ADMIN = "notification:admin";

	private final EndpointRepository endpoints;

	private final Templates templates;

	private final Outbox outbox;

	private final AccessControl access;

	private final NamedParameterJdbcTemplate jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final org.springframework.beans.factory.ObjectProvider<org.yunwei.notification.internal.Dispatcher> dispatcher;

	Notifications(EndpointRepository endpoints, Templates templates, Outbox outbox, AccessControl access,
			NamedParameterJdbcTemplate jdbc, AuditTrail audit, Clock clock,
			org.springframework.beans.factory.ObjectProvider<org.yunwei.notification.internal.Dispatcher> dispatcher) {
		this.dispatcher = dispatcher;
		this.endpoints = endpoints;
		this.templates = templates;
		this.outbox = outbox;
		this.access = access;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Tells people of an event about a record, through their channels and the chat groups
	 * that subscribe to it (for a module's own key steps, e.g. a ticket received by
	 * e-mail); {@code values} fill the event's own placeholders ({@code key.zh} /
	 * {@code key.en} per language); a {@code path} among them is where the notification
	 * points instead of the record's page (a survey's questionnaire).
	 */
	public void tell(NotificationEvent event, long itemId, java.util.Set<Long> people,
			java.util.Map<String, String> values) {
		this.dispatcher.getObject().tell(event, itemId, people, values);
	}

	// ---- my inbox

	/** The signed-in person's notifications, newest first (keyset paging). */
	@Transactional(readOnly = true)
	public KeysetPage<InboxEntry> inbox(boolean unreadOnly, String after, Integer size) {
		CurrentUser me = this.access.user();
		int pageSize = KeysetPage.size(size);
		MapSqlParameterSource p = new MapSqlParameterSource("u", me.id());
		StringBuilder sql = new StringBuilder(
				"select id, event, title, body, link, created_at, read_at from nt_inbox where user_id = :u");
		if (unreadOnly) {
			sql.append(" and read_at is null");
		}
		Long afterId = KeysetPage.decodeId(after);
		if (afterId != null) {
			sql.append(" and id < :after");
			p.addValue("after", afterId);
		}
		sql.append(" order by id desc fetch first ").append(pageSize + 1).append(" rows only");
		List<InboxEntry> rows = this.jdbc.query(sql.toString(), p,
				(rs, n) -> new InboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), instant(rs.getObject(6, OffsetDateTime.class)),
						instant(rs.getObject(7, OffsetDateTime.class))));
		return KeysetPage.of(rows, pageSize, (e) -> String.valueOf(e.id()));
	}

	@Transactional(readOnly = true)
	public long unread() {
		Long n = this.jdbc.queryForObject("select count(*) from nt_inbox where user_id = :u and read_at is null",
				new MapSqlParameterSource("u", this.access.user().id()), Long.class);
		return (n == null) ? 0 : n;
	}

	/** Marks one notification read (only one's own). */
	public void markRead(long id) {
		int n = this.jdbc.update(
				"update nt_inbox set read_at = :now where id = :id and user_id = :u and read_at is null",
				new MapSqlParameterSource("id", id).addValue("u", this.access.user().id())
					.addValue("now", utc(this.clock.instant())));
		if (n == 0) {
			Integer mine = this.jdbc.queryForObject("select count(*) from nt_inbox where id = :id and user_id = :u",
					new MapSqlParameterSource("id", id).addValue("u", this.access.user().id()), Integer.class);
			if (mine == null || mine == 0) {
				throw NotFound.of("notification", id);
			}
		}
	}

	/** Marks one's own notification read and returns where it points. */
	public String open(long id) {
		markRead(id);
		String link = this.jdbc.queryForObject("select link from nt_inbox where id = :id",
				new MapSqlParameterSource("id", id), String.class);
		return (link == null || !link.startsWith("/") || link.startsWith("//")) ? "/notifications" : link;
	}

	public int markAllRead() {
		return this.jdbc.update("update nt_inbox set read_at = :now where user_id = :u and read_at is null",
				new MapSqlParameterSource("u", this.access.user().id()).addValue("now", utc(this.clock.instant())));
	}

	@Override
	@Transactional(readOnly = true)
	public Inbox inbox(long userId, int limit) {
		Long unread = this.jdbc.queryForObject("select count(*) from nt_inbox where user_id = :u and read_at is null",
				new MapSqlParameterSource("u", userId), Long.class);
		List<Entry> latest = this.jdbc.query(
				"select title, id, created_at, read_at from nt_inbox where user_id = :u order by id desc fetch first "
						+ limit + " rows only",
				new MapSqlParameterSource("u", userId),
				(rs, n) -> new Entry(rs.getString(1), "/notifications/" + rs.getLong(2),
						instant(rs.getObject(3, OffsetDateTime.class)), rs.getObject(4) == null));
		return new Inbox((unread == null) ? 0 : unread, latest);
	}

	// ---- my channels

	/** The person's channels and whether each is on (all are, unless switched off). */
	@Transactional(readOnly = true)
	public Map<Channel, Boolean> preferences() {
		Map<Channel, Boolean> prefs = new EnumMap<>(Channel.class);
		prefs.put(Channel.IN_APP, true);
		prefs.put(Channel.EMAIL, true);
		this.jdbc.query("select channel, enabled from nt_preference where user_id = :u",
				new MapSqlParameterSource("u", this.access.user().id()), (rs) -> {
					prefs.put(Channel.valueOf(rs.getString(1)), rs.getBoolean(2));
				});
		return prefs;
	}

	public void savePreferences(Map<Channel, Boolean> choices) {
		CurrentUser me = this.access.user();
		Map<Channel, Boolean> before = preferences();
		for (Map.Entry<Channel, Boolean> c : choices.entrySet()) {
			if (c.getKey().endpoint() || c.getValue() == null) {
				throw new ValidationFailed("channel", "notification.error.personalChannel", c.getKey());
			}
			MapSqlParameterSource p = new MapSqlParameterSource("u", me.id()).addValue("c", c.getKey().name())
				.addValue("e", c.getValue());
			if (this.jdbc.update("update nt_preference set enabled = :e where user_id = :u and channel = :c", p) == 0) {
				this.jdbc.update("insert into nt_preference (user_id, channel, enabled) values (:u, :c, :e)", p);
			}
		}
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "notificationPreference", me.id(), me.displayName())
			.withChange("channels", before, preferences()));
	}

	// ---- endpoints

	@Transactional(readOnly = true)
	public List<EndpointView> endpoints() {
		this.access.require(ADMIN);
		return this.endpoints.findAllByOrderByIdAsc().stream().map(Notifications::view).toList();
	}

	@Transactional(readOnly = true)
	public EndpointView endpoint(long id) {
		this.access.require(ADMIN);
		return view(find(id));
	}

	public EndpointView createEndpoint(EndpointFormData form) {
		this.access.require(ADMIN);
		if (form.getUrl() == null || form.getUrl().isBlank()) {
			throw new ValidationFailed("url", "notification.error.urlRequired");
		}
		Endpoint e = new Endpoint(this.clock.instant());
		apply(e, form);
		return view(this.endpoints.saveAndFlush(e));
	}

	public EndpointView updateEndpoint(long id, EndpointFormData form) {
		this.access.require(ADMIN);
		Endpoint e = find(id);
		if (form.getVersion() == null || form.getVersion() != e.getVersion()) {
			throw Conflict.staleVersion("notificationEndpoint", e.getName());
		}
		apply(e, form);
		e.touch(this.clock.instant());
		this.endpoints.flush();
		return view(e);
	}

	public void deleteEndpoint(long id) {
		this.access.require(ADMIN);
		this.endpoints.delete(find(id));
	}

	/**
	 * Queues a test message to an endpoint (sent within seconds); its delivery shows how
	 * it went.
	 */
	public DeliveryView test(long id) {
		this.access.require(ADMIN);
		Endpoint e = find(id);
		CurrentUser me = this.access.user();
		boolean zh = "zh".equals(e.getLanguage());
		long delivery = this.outbox.enqueue("test", e.getKind(), null, e.getId(), e.getName(), e.getLanguage(),
				zh ? "【测试】运维平台通知" : "[Test] Yunwei notification",
				zh ? me.displayName() + " 发送的测试消息。" : "A test message sent by " + me.displayName() + ".", null);
		return delivery(delivery);
	}

	private void apply(Endpoint e, EndpointFormData form) {
		if (form.getKind() == null || !form.getKind().endpoint()) {
			throw new ValidationFailed("kind", "notification.error.kind");
		}
		for (String event : form.getEvents()) {
			if (!"*".equals(event)) {
				try {
					NotificationEvent.of(event);
				}
				catch (NotFound ex) {
					throw new ValidationFailed("events", "notification.error.event", event);
				}
			}
		}
		if (form.getEvents().isEmpty()) {
			throw new ValidationFailed("events", "notification.error.noEvents");
		}
		e.setName(form.getName().strip());
		e.setKind(form.getKind());
		if (form.getUrl() != null && !form.getUrl().isBlank()) {
			try {
				URI uri = URI.create(form.getUrl().strip());
				if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
					throw new IllegalArgumentException();
				}
			}
			catch (IllegalArgumentException ex) {
				throw new ValidationFailed("url", "notification.error.url");
			}
			e.setUrl(form.getUrl().strip());
		}
		if (form.isClearSecret()) {
			e.setSecret(null);
		}
		else if (form.getSecret() != null && !form.getSecret().isBlank()) {
			e.setSecret(form.getSecret().strip());
		}
		e.setEvents(String.join(",", form.getEvents()));
		e.setLanguage(form.getLanguage());
		e.setActive(form.isActive());
	}

	private static EndpointView view(Endpoint e) {
		String shown;
		try {
			URI uri = URI.create(e.getUrl());
			shown = uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() > 0) ? ":" + uri.getPort() : "") + "/…";
		}
		catch (IllegalArgumentException ex) {
			shown = "…";
		}
		return new EndpointView(e.getId(), e.getVersion(), e.getName(), e.getKind(), shown,
				e.getSecret() != null && !e.getSecret().isBlank(), List.of(e.getEvents().split(",")), e.getLanguage(),
				e.isActive());
	}

	private Endpoint find(long id) {
		return this.endpoints.findById(id).orElseThrow(() -> NotFound.of("notificationEndpoint", id));
	}

	// ---- templates

	@Transactional(readOnly = true)
	public List<TemplateView> templates() {
		this.access.require(ADMIN);
		return this.templates.all();
	}

	public TemplateView saveTemplate(NotificationEvent event, String language, String subject, String body) {
		this.access.require(ADMIN);
		if (!Templates.LANGUAGES.contains(language)) {
			throw new ValidationFailed("language", "notification.error.language", language);
		}
		if (subject == null || subject.isBlank() || subject.length() > 300) {
			throw new ValidationFailed("subject", "notification.error.subject");
		}
		if (body == null || body.isBlank() || body.length() > 4000) {
			throw new ValidationFailed("body", "notification.error.body");
		}
		TemplateView before = this.templates.save(event, language, subject.strip(), body.strip());
		this.audit.record(
				AuditEvent.of(AuditAction.UPDATE, "notificationTemplate", event.code() + "/" + language, event.code())
					.withChange("subject", before.subject(), subject.strip())
					.withChange("body", before.body(), body.strip()));
		return this.templates.get(event, language);
	}

	// ---- delivery log

	@Transactional(readOnly = true)
	public KeysetPage<DeliveryView> deliveries(DeliveryStatus status, String after, Integer size) {
		this.access.require(ADMIN);
		int pageSize = KeysetPage.size(size);
		MapSqlParameterSource p = new MapSqlParameterSource();
		StringBuilder sql = new StringBuilder(DELIVERY_COLUMNS + " where 1 = 1");
		if (status != null) {
			sql.append(" and status = :status");
			p.addValue("status", status.name());
		}
		Long afterId = KeysetPage.decodeId(after);
		if (afterId != null) {
			sql.append(" and id < :after");
			p.addValue("after", afterId);
		}
		sql.append(" order by id desc fetch first ").append(pageSize + 1).append(" rows only");
		List<DeliveryView> rows = this.jdbc.query(sql.toString(), p, (rs, n) -> delivery(rs, List.of()));
		return KeysetPage.of(rows, pageSize, (d) -> String.valueOf(d.id()));
	}

	@Transactional(readOnly = true)
	public DeliveryView delivery(long id) {
		this.access.require(ADMIN);
		List<DeliveryView.Attempt> log = this.jdbc.query(
				"select attempted_at, ok, detail from nt_attempt where delivery_id = :id order by id",
				new MapSqlParameterSource("id", id),
				(rs, n) -> new DeliveryView.Attempt(instant(rs.getObject(1, OffsetDateTime.class)), rs.getBoolean(2),
						rs.getString(3)));
		List<DeliveryView> found = this.jdbc.query(DELIVERY_COLUMNS + " where id = :id",
				new MapSqlParameterSource("id", id), (rs, n) -> delivery(rs, log));
		if (found.isEmpty()) {
			throw NotFound.of("notificationDelivery", id);
		}
		return found.get(0);
	}

	/** Puts a failed delivery back in the queue. */
	public DeliveryView retry(long id) {
		this.access.require(ADMIN);
		if (!this.outbox.retry(id)) {
			throw new Conflict("notification.error.notFailed", id);
		}
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "notificationDelivery", id, "retry"));
		return delivery(id);
	}

	private static final String DELIVERY_COLUMNS = "select id, event, channel, address, subject, status, attempts,"
			+ " next_attempt_at, last_error, created_at, sent_at from nt_delivery";

	private static DeliveryView delivery(java.sql.ResultSet rs, List<DeliveryView.Attempt> log)
			throws java.sql.SQLException {
		return new DeliveryView(rs.getLong(1), rs.getString(2), Channel.valueOf(rs.getString(3)), rs.getString(4),
				rs.getString(5), DeliveryStatus.valueOf(rs.getString(6)), rs.getInt(7),
				instant(rs.getObject(8, OffsetDateTime.class)), rs.getString(9),
				instant(rs.getObject(10, OffsetDateTime.class)), instant(rs.getObject(11, OffsetDateTime.class)), log);
	}

	// ---- the outbox job

	/**
	 * Sends every delivery that is due (the job calls this each few seconds; each result
	 * is committed on its own). Returns how many were sent.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public int deliverDue() {
		int sent = 0;
		for (Long id : this.outbox.due(this.clock.instant(), 100)) {
			if (this.outbox.attempt(id)) {
				sent++;
			}
		}
		return sent;
	}

	/** How many deliveries wait, by status (for the admin screen). */
	@Transactional(readOnly = true)
	public Map<DeliveryStatus, Long> counts() {
		this.access.require(ADMIN);
		Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
		for (DeliveryStatus s : DeliveryStatus.values()) {
			counts.put(s, 0L);
		}
		this.jdbc.query("select status, count(*) from nt_delivery group by status", (rs) -> {
			counts.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getLong(2));
		});
		return counts;
	}

	private static Instant instant(OffsetDateTime t) {
		return (t == null) ? null : t.toInstant();
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

}
