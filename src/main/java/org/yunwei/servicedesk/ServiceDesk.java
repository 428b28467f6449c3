package org.yunwei.servicedesk;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.fields.CustomFields;
import org.yunwei.fields.FieldDefinition;
import org.yunwei.platform.Forbidden;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.platform.web.Formats;
import org.yunwei.servicedesk.internal.CatalogueItem;
import org.yunwei.workitem.TransitionRequest;
import org.yunwei.workitem.WorkItemFilter;
import org.yunwei.workitem.WorkItemFormData;
import org.yunwei.workitem.WorkItemRow;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;
import org.yunwei.workitem.Workflows;

/**
 * The service desk's requester side: raise a ticket on the portal (routed to the
 * service-desk group), follow one's tickets, accept the result with a rating, send it
 * back with the reason, or withdraw it. The work itself is done on the kernel's records
 * by the people who handle them; this facade adds no second way of doing it, only the
 * channel and the satisfaction the kernel does not keep.
 */
@Service
@Transactional
public class ServiceDesk {

	/** The workflow transitions the portal takes for the requester. */
	public static final String ACCEPT = "accept";

	public static final String REJECT = "reject";

	public static final String CANCEL = "cancel";

	private final WorkItems items;

	private final Directory directory;

	private final AccessControl access;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final String deskGroup;

	private final Catalogue catalogue;

	private final CustomFields fields;

	private final Formats formats;

	private final org.yunwei.notification.Notifications notifications;

	ServiceDesk(WorkItems items, Directory directory, AccessControl access, NamedParameterJdbcTemplate jdbc,
			Clock clock, @Value("${yunwei.service-desk.group:SERVICE-DESK}") String deskGroup, Catalogue catalogue,
			CustomFields fields, Formats formats, org.yunwei.notification.Notifications notifications) {
		this.notifications = notifications;
		this.catalogue = catalogue;
		this.fields = fields;
		this.formats = formats;
		this.items = items;
		this.directory = directory;
		this.access = access;
		this.jdbc = jdbc;
		this.clock = clock;
		this.deskGroup = deskGroup;
	}

	/**
	 * Raises a ticket for oneself through a channel. A request for a catalogue item
	 * starts on the item's fulfilment workflow with the answers to its form, for the
	 * item's service, and goes to the item's group; anything else goes to the
	 * service-desk group ({@code yunwei.service-desk.group}) when one by that code
	 * exists. Nothing is stored unless everything is valid.
	 */
	public WorkItemView raise(TicketFormData form, Channel channel) {
		CatalogueItem asked = null;
		if (form.getCatalogueItem() != null && !form.getCatalogueItem().isBlank()) {
			if (form.getKind() != TicketKind.REQUEST) {
				throw new ValidationFailed("catalogueItem", "catalogue.error.requestOnly");
			}
			asked = this.catalogue.active(form.getCatalogueItem().strip());
			List<ValidationFailed.Violation> problems = this.fields.check(Catalogue.fieldScope(asked.getCode()), null,
					form.getCustomFields());
			if (!problems.isEmpty()) {
				throw new ValidationFailed(problems);
			}
		}
		WorkItemFormData f = new WorkItemFormData();
		f.setTitle(form.getTitle());
		f.setDescription(form.getDescription());
		f.setUrgency(form.getUrgency());
		f.setServiceId((form.getServiceId() == null && asked != null) ? asked.getServiceId() : form.getServiceId());
		if (form.getRequesterId() != null || form.getImpact() != null || !form.getCiIds().isEmpty()) {
			// only those who handle tickets raise them for someone else or judge the
			// impact
			if (!this.items.canWrite(form.getKind().type())) {
				throw Forbidden.missing(form.getKind().type() + ":write");
			}
			if (form.getRequesterId() != null && !this.directory.isActiveUser(form.getRequesterId())) {
				throw new ValidationFailed("requesterId", "workitem.error.unknownUser", form.getRequesterId());
			}
			f.setRequesterId(form.getRequesterId());
			if (form.getImpact() != null) {
				f.setImpact(form.getImpact());
			}
			f.setCiIds(new ArrayList<>(form.getCiIds()));
		}
		Optional<Long> group = (asked != null && asked.getGroupId() != null) ? Optional.of(asked.getGroupId())
				: this.directory.findGroup(this.deskGroup);
		String reason = (asked != null) ? "服务目录：" + asked.getNameZh() : "服务台受理（" + channel.name() + "）";
		WorkItemView item = this.items.create(form.getKind().type(), (asked != null) ? asked.getCode() : Workflows.OWN,
				f, group.map((g) -> new WorkItems.Routing(g, reason)).orElse(null));
		if (asked != null) {
			this.fields.write(Catalogue.fieldScope(asked.getCode()), item.id(), form.getCustomFields(), true);
		}
		this.jdbc.update("insert into sd_ticket (item_id, channel, catalogue_item_id) values (:id, :channel, :ci)",
				new MapSqlParameterSource("id", item.id()).addValue("channel", channel.name())
					.addValue("ci", (asked != null) ? asked.getId() : null));
		if ((channel == Channel.EMAIL || channel == Channel.PHONE) && item.requester() != null) {
			// the requester did not see it on a screen: tell them it was received, and
			// its number
			this.notifications.tell(org.yunwei.notification.NotificationEvent.TICKET_RECEIVED, item.id(),
					java.util.Set.of(item.requester().id()),
					Map.of("channel.zh", (channel == Channel.EMAIL) ? "电子邮件" : "电话", "channel.en",
							(channel == Channel.EMAIL) ? "e-mail" : "phone"));
		}
		return item;
	}

	/** A ticket raised once for an idempotency key, and whether this call replayed it. */
	public record Raised(WorkItemView item, boolean replayed) {
	}

	/**
	 * Raises a ticket at most once per caller and {@code key} (another system retrying a
	 * call it did not see answered): the same request again returns the record the first
	 * created; a different request with the same key is refused. Two calls racing with
	 * one key: the second fails on the key's uniqueness and, called again, replays.
	 */
	public Raised raiseOnce(String key, TicketFormData form, Channel channel) {
		CurrentUser me = this.access.user();
		if (key.isBlank() || key.length() > 200 || !key.chars().allMatch((c) -> c > 32 && c < 127)) {
			throw new ValidationFailed("Idempotency-Key", "servicedesk.error.idempotencyKey");
		}
		String hash = requestHash(form);
		Optional<Raised> earlier = replay(me.id(), key, hash);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		WorkItemView item = raise(form, channel);
		this.jdbc.update(
				"insert into sd_idempotency (user_id, idem_key, request_hash, item_id, created_at)"
						+ " values (:u, :k, :h, :i, :at)",
				new MapSqlParameterSource("u", me.id()).addValue("k", key)
					.addValue("h", hash)
					.addValue("i", item.id())
					.addValue("at", this.clock.instant().atOffset(ZoneOffset.UTC)));
		return new Raised(item, false);
	}

	private Optional<Raised> replay(long userId, String key, String hash) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select request_hash, item_id from sd_idempotency where user_id = :u and idem_key = :k",
				new MapSqlParameterSource("u", userId).addValue("k", key));
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		if (!hash.equals(rows.get(0).get("request_hash"))) {
			throw new ValidationFailed("Idempotency-Key", "servicedesk.error.idempotencyReused", key);
		}
		long id = ((Number) rows.get(0).get("item_id")).longValue();
		return Optional.of(new Raised(this.items.get(String.valueOf(id)), true));
	}

	private static String requestHash(TicketFormData f) {
		String canonical = String.join("\u0000", String.valueOf(f.getKind()), String.valueOf(f.getTitle()),
				String.valueOf(f.getDescription()), String.valueOf(f.getUrgency()), String.valueOf(f.getImpact()),
				String.valueOf(f.getServiceId()), String.valueOf(f.getRequesterId()), String.valueOf(f.getCiIds()),
				String.valueOf(f.getCatalogueItem()), String.valueOf(f.getCustomFields()));
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The caller's own tickets (as requester), open ones first, newest first. */
	@Transactional(readOnly = true)
	public List<WorkItemRow> mine(int limit) {
		CurrentUser me = this.access.user();
		List<WorkItemRow> rows = new ArrayList<>();
		for (TicketKind kind : TicketKind.values()) {
			if (!me.has(kind.type() + ":read")) {
				continue;
			}
			WorkItemFilter filter = new WorkItemFilter(kind.type(), null, null, null, null, me.id(), null, null, null,
					null, null, null);
			rows.addAll(this.items.list(filter, null, limit).items());
		}
		rows.sort(Comparator.comparing((WorkItemRow r) -> r.stateCategory().isEnd())
			.thenComparing(WorkItemRow::openedAt, Comparator.reverseOrder()));
		return rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows;
	}

	/** A ticket as its requester (or anyone who may read it) follows it. */
	@Transactional(readOnly = true)
	public TicketView ticket(String number) {
		WorkItemView item = this.items.get(number);
		TicketKind kind = TicketKind.ofType(item.type());
		Optional<CatalogueItemView> asked = catalogueItem(item.id());
		return new TicketView(kind, item,
				this.items.journal(item.id())
					.stream()
					.filter((e) -> e.kind() != org.yunwei.workitem.JournalKind.WORK_NOTE)
					.toList(),
				this.items.transitions(item.id()), channel(item.id()), satisfaction(item.id()).orElse(null),
				asked.orElse(null), asked.map((c) -> answers(c, item.id())).orElse(List.of()));
	}

	/** The catalogue item a request was raised from, if it was. */
	@Transactional(readOnly = true)
	public Optional<CatalogueItemView> catalogueItem(long itemId) {
		List<Long> ids = this.jdbc.queryForList(
				"select catalogue_item_id from sd_ticket where item_id = :id and catalogue_item_id is not null",
				new MapSqlParameterSource("id", itemId), Long.class);
		return ids.isEmpty() ? Optional.empty() : Optional.of(this.catalogue.view(ids.get(0)));
	}

	/** The answers given on a catalogue item's form, in the form's order. */
	@Transactional(readOnly = true)
	public List<TicketView.Answer> answers(CatalogueItemView asked, long itemId) {
		String language = this.formats.language();
		Map<String, Object> values = this.fields.values(asked.fieldScope(), itemId);
		List<TicketView.Answer> answers = new ArrayList<>();
		for (FieldDefinition f : asked.fields()) {
			if (values.containsKey(f.code())) {
				answers.add(new TicketView.Answer(f.code(), f.label(language),
						this.fields.display(f, values.get(f.code()), language)));
			}
		}
		return answers;
	}

	/**
	 * The requester accepts the result: the ticket closes through the workflow's
	 * {@code accept} transition and their rating is kept with it.
	 */
	public TicketView accept(String number, Acceptance acceptance) {
		WorkItemView item = requireMine(number);
		String comment = (acceptance.comment() == null || acceptance.comment().isBlank()) ? null
				: acceptance.comment().strip();
		this.items.take(item.id(), ACCEPT, new TransitionRequest(comment, false, null, null, acceptance.version()));
		CurrentUser me = this.access.user();
		MapSqlParameterSource p = new MapSqlParameterSource("id", item.id()).addValue("rating", acceptance.rating())
			.addValue("comment", comment)
			.addValue("by", me.id())
			.addValue("at", this.clock.instant().atOffset(ZoneOffset.UTC));
		if (this.jdbc.update("update sd_ticket set rating = :rating, rating_comment = :comment, rated_by = :by,"
				+ " rated_at = :at where item_id = :id", p) == 0) {
			this.jdbc.update("insert into sd_ticket (item_id, channel, rating, rating_comment, rated_by, rated_at)"
					+ " values (:id, 'AGENT', :rating, :comment, :by, :at)", p);
		}
		return ticket(item.number());
	}

	/** The requester sends the ticket back to be worked on, saying why. */
	public TicketView reject(String number, Rejection rejection) {
		WorkItemView item = requireMine(number);
		this.items.take(item.id(), REJECT,
				new TransitionRequest(rejection.reason(), false, null, null, rejection.version()));
		return ticket(item.number());
	}

	/** The channel a ticket came in through (tickets raised by staff: {@code AGENT}). */
	@Transactional(readOnly = true)
	public Channel channel(long itemId) {
		List<String> c = this.jdbc.queryForList("select channel from sd_ticket where item_id = :id",
				new MapSqlParameterSource("id", itemId), String.class);
		return c.isEmpty() ? Channel.AGENT : Channel.valueOf(c.get(0));
	}

	@Transactional(readOnly = true)
	public Optional<Satisfaction> satisfaction(long itemId) {
		List<Satisfaction> s = this.jdbc
			.query("select rating, rating_comment, rated_by, rated_at from sd_ticket where item_id = :id"
					+ " and rating is not null", new MapSqlParameterSource("id", itemId), (rs, n) -> {
						Long by = rs.getObject(3, Long.class);
						Map<Long, String> names = this.directory.userNames((by == null) ? List.of() : List.of(by));
						OffsetDateTime at = rs.getObject(4, OffsetDateTime.class);
						return new Satisfaction(rs.getInt(1), rs.getString(2), names.get(by),
								(at == null) ? null : at.toInstant());
					});
		return s.stream().findFirst();
	}

	private WorkItemView requireMine(String number) {
		WorkItemView item = this.items.get(number);
		TicketKind.ofType(item.type());
		if (item.requester() == null || item.requester().id() != this.access.user().id()) {
			throw new Forbidden("servicedesk.error.notYourTicket", item.number());
		}
		return item;
	}

}
