package org.yunwei.servicedesk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.yunwei.platform.DomainException;
import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.files.FileStore;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.CurrentUser;
import org.yunwei.platform.identity.Directory;
import org.yunwei.servicedesk.internal.MailIntakeSettings;
import org.yunwei.servicedesk.internal.MailParser;
import org.yunwei.workitem.WorkItemTypes;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * E-mail to ticket (7.8, 8.4.2 a): the service mailbox is polled over IMAP; each mail is
 * kept (its raw message in the file store, a row in {@code sd_mail}) before anything is
 * done with it, then becomes a ticket raised by its sender, or — when its subject holds a
 * ticket's number — a comment on that ticket, its files attached either way. Automatic
 * messages (out-of-office, bounces, our own notifications, a mailbox talking to itself, a
 * flood from one sender) are kept and ignored; a mail that cannot become a ticket
 * (unknown sender, a ticket the sender may not see …) is kept with the reason in the "not
 * imported" list, where the desk's lead retries it (optionally naming the requester) or
 * discards it saying why. Nothing read from the mailbox is dropped: a message is marked
 * read in the mailbox only after it is kept, and fetching it does not mark it.
 */
@Service
public class MailIntake {

	private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

	/**
	 * Look after the service mailbox: the not-imported list, retry, discard, poll now.
	 */
	public static final String MANAGE = DeskTemplates.MANAGE;

	private final MailIntakeSettings settings;

	private final NamedParameterJdbcTemplate jdbc;

	private final FileStore files;

	private final TransactionTemplate tx;

	private final AccessControl access;

	private final Directory directory;

	private final WorkItems items;

	private final WorkItemTypes types;

	private final ServiceDesk desk;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Clock clock;

	private final AtomicReference<PollResult> last = new AtomicReference<>();

	MailIntake(MailIntakeSettings settings, NamedParameterJdbcTemplate jdbc, FileStore files,
			PlatformTransactionManager transactions, AccessControl access, Directory directory, WorkItems items,
			WorkItemTypes types, ServiceDesk desk, AuditTrail audit, MessageSource messages, Clock clock) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.files = files;
		this.tx = new TransactionTemplate(transactions);
		this.access = access;
		this.directory = directory;
		this.items = items;
		this.types = types;
		this.desk = desk;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** What a poll did: when, how many mails it read, and the error that stopped it. */
	public record PollResult(Instant at, int read, String error) {
	}

	/** The mailbox as the page shows it (never its password). */
	public record Mailbox(boolean configured, String address, String kind, String interval, PollResult lastPoll,
			Map<MailStatus, Integer> counts) {
	}

	// ---- polling

	/**
	 * Reads the unread mails of the service mailbox, keeps and processes each, then marks
	 * it read; also processes mails kept by an interrupted earlier poll.
	 */
	public PollResult poll() {
		if (!this.settings.configured()) {
			return new PollResult(this.clock.instant(), 0, "not configured");
		}
		int read = 0;
		String error = null;
		Properties p = new Properties();
		String protocol = this.settings.protocol();
		p.setProperty("mail.store.protocol", protocol);
		p.setProperty("mail." + protocol + ".peek", "true");
		p.setProperty("mail." + protocol + ".connectiontimeout", "20000");
		p.setProperty("mail." + protocol + ".timeout", "60000");
		Session session = Session.getInstance(p);
		try (Store store = session.getStore(protocol)) {
			store.connect(this.settings.host(), this.settings.effectivePort(), this.settings.username(),
					this.settings.password());
			Folder folder = store.getFolder(this.settings.folder());
			folder.open(Folder.READ_WRITE);
			try {
				Message[] unread = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
				for (int i = 0; i < unread.length && i < this.settings.maxPerPoll(); i++) {
					ByteArrayOutputStream out = new ByteArrayOutputStream();
					unread[i].writeTo(out);
					accept(out.toByteArray());
					unread[i].setFlag(Flags.Flag.SEEN, true);
					read++;
				}
			}
			finally {
				folder.close(false);
			}
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			log.warn("Polling the service mailbox {} failed: {}", this.settings.mailbox(), error);
		}
		for (Long pending : this.jdbc.queryForList("select id from sd_mail where status = 'RECEIVED' order by id",
				new MapSqlParameterSource(), Long.class)) {
			handle(pending, null, false, null);
		}
		PollResult result = new PollResult(this.clock.instant(), read, error);
		this.last.set(result);
		return result;
	}

	/** Polls now, for the desk's lead (the page's button, REST). */
	public PollResult pollNow() {
		this.access.require(MANAGE);
		return poll();
	}

	/**
	 * Keeps one mail (as read from the mailbox, or handed over by another system) and
	 * processes it; a mail already kept (same Message-ID) is not processed again.
	 */
	public MailView accept(byte[] raw) {
		MailParser.Mail mail;
		try {
			mail = MailParser.parse(raw, this.settings.ownAddresses());
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			mail = null;
		}
		String messageId = (mail != null && mail.messageId() != null && !mail.messageId().isBlank())
				? abbreviate(mail.messageId(), 500) : "<sha256:" + sha256(raw) + ">";
		Optional<Long> known = idOf(messageId);
		if (known.isPresent()) {
			return view(known.get());
		}
		MailParser.Mail parsed = mail;
		Long id;
		try {
			id = this.tx.execute((s) -> {
				FileStore.Stored stored = this.files.storeInTransaction("mail.eml", raw);
				return insert(messageId, parsed, stored.key(), raw.length);
			});
		}
		catch (DuplicateKeyException ex) {
			return view(idOf(messageId).orElseThrow());
		}
		catch (ValidationFailed ex) {
			// too large for the file store: recorded, and left unread in the mailbox
			id = this.tx.execute((s) -> insert(messageId, parsed, null, raw.length));
			finish(id, MailStatus.FAILED, "notStored", text(ex), null, null);
			return view(id);
		}
		if (parsed == null) {
			finish(id, MailStatus.FAILED, "unreadable", null, null, null);
			return view(id);
		}
		handle(id, parsed, null, false, null);
		return view(id);
	}

	/**
	 * A mail handed over by another system (a mail gateway), for the desk's lead's token.
	 */
	public MailView handOver(byte[] raw) {
		this.access.require(MANAGE);
		if (raw == null || raw.length == 0) {
			throw new ValidationFailed("mail", "mail.error.empty");
		}
		return accept(raw);
	}

	// ---- the list

	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public KeysetPage<MailView> list(MailStatus status, boolean attention, String after, Integer size) {
		this.access.require(MANAGE);
		int pageSize = KeysetPage.size(size);
		MapSqlParameterSource p = new MapSqlParameterSource();
		StringBuilder sql = new StringBuilder(SELECT + " where 1 = 1");
		if (status != null) {
			sql.append(" and m.status = :status");
			p.addValue("status", status.name());
		}
		else if (attention) {
			sql.append(" and m.status in ('RECEIVED', 'FAILED')");
		}
		Long cursor = KeysetPage.decodeId(after);
		if (cursor != null) {
			sql.append(" and m.id < :after");
			p.addValue("after", cursor);
		}
		sql.append(" order by m.id desc fetch first ").append(pageSize + 1).append(" rows only");
		List<Row> rows = this.jdbc.query(sql.toString(), p, MailIntake::row);
		return KeysetPage.of(views(rows), pageSize, (v) -> String.valueOf(v.id()));
	}

	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public MailView get(long id) {
		this.access.require(MANAGE);
		return view(id);
	}

	/** The mail as received ({@code .eml}), to read it in a mail client. */
	public InputStream raw(long id) throws IOException {
		this.access.require(MANAGE);
		String key = this.jdbc
			.queryForList("select raw_key from sd_mail where id = :id", new MapSqlParameterSource("id", id),
					String.class)
			.stream()
			.findFirst()
			.orElseThrow(() -> NotFound.of("mail", id));
		if (key == null) {
			throw NotFound.of("mail", id);
		}
		return this.files.open(key);
	}

	/** The mail's text and files as read, for the desk's lead to judge it. */
	public MailParser.Mail content(long id) {
		this.access.require(MANAGE);
		try (InputStream in = raw(id)) {
			return MailParser.parse(in.readAllBytes(), this.settings.ownAddresses());
		}
		catch (IOException | MessagingException ex) {
			throw new ValidationFailed("mail", "mail.reason.unreadable");
		}
	}

	/**
	 * Processes a mail again (after the sender was added to the directory, or naming the
	 * requester for an unknown sender); an ignored automatic message is imported anyway.
	 */
	public MailView retry(long id, Long requesterId) {
		CurrentUser me = this.access.require(MANAGE);
		MailView mail = view(id);
		if (!(mail.status().needsAttention() || mail.status() == MailStatus.IGNORED)) {
			throw new org.yunwei.platform.Conflict("mail.error.done", mail.id());
		}
		if (requesterId != null && !this.directory.isActiveUser(requesterId)) {
			throw new ValidationFailed("requesterId", "workitem.error.unknownUser", requesterId);
		}
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "mail", id, "retry " + mail.messageId()));
		handle(id, requesterId, true, me.id());
		log.info("{} retried mail {}", me.username(), id);
		return view(id);
	}

	/** Decides a mail needs no ticket, saying why; it stays in the list. */
	public MailView discard(long id, String note) {
		CurrentUser me = this.access.require(MANAGE);
		if (note == null || note.isBlank()) {
			throw new ValidationFailed("note", "mail.error.noteRequired");
		}
		MailView mail = view(id);
		if (!(mail.status().needsAttention() || mail.status() == MailStatus.IGNORED)) {
			throw new org.yunwei.platform.Conflict("mail.error.done", mail.id());
		}
		this.tx.executeWithoutResult((s) -> {
			this.jdbc.update(
					"update sd_mail set status = 'DISCARDED', detail = :note, handled_by = :by,"
							+ " handled_at = :at where id = :id",
					new MapSqlParameterSource("id", id).addValue("note", abbreviate(note.strip(), 2000))
						.addValue("by", me.id())
						.addValue("at", Timestamps.utc(this.clock.instant())));
			this.audit.record(AuditEvent.of(AuditAction.UPDATE, "mail", id, "discard " + mail.messageId()));
		});
		return view(id);
	}

	/** The mailbox, the last poll and how many mails are in each state. */
	public Mailbox mailbox() {
		this.access.require(MANAGE);
		Map<MailStatus, Integer> counts = new java.util.EnumMap<>(MailStatus.class);
		this.jdbc.query("select status, count(*) from sd_mail group by status", (rs) -> {
			counts.put(MailStatus.valueOf(rs.getString(1)), rs.getInt(2));
		});
		return new Mailbox(this.settings.configured(), this.settings.mailbox(), this.settings.kind().name(),
				this.settings.interval().toString(), this.last.get(), counts);
	}

	// ---- processing

	private record Outcome(MailStatus status, String reason, String detail, Long itemId) {
	}

	/**
	 * Processes a kept mail: as its sender (or, naming a requester, as the desk's lead
	 * who retries it); the ticket and the mail's new state are written in one
	 * transaction.
	 */
	private void handle(long id, Long requesterId, boolean force, Long by) {
		MailParser.Mail mail;
		String key = this.jdbc.queryForObject("select raw_key from sd_mail where id = :id",
				new MapSqlParameterSource("id", id), String.class);
		try (InputStream in = this.files.open(key)) {
			mail = MailParser.parse(in.readAllBytes(), this.settings.ownAddresses());
		}
		catch (IOException | MessagingException | RuntimeException ex) {
			finish(id, MailStatus.FAILED, "unreadable", ex.getMessage(), null, by);
			return;
		}
		handle(id, mail, requesterId, force, by);
	}

	/** Processes a kept mail already read (a new one: parsed once, when it was kept). */
	private void handle(long id, MailParser.Mail mail, Long requesterId, boolean force, Long by) {
		if (!force && mail.automatic() != null) {
			finish(id, MailStatus.IGNORED, mail.automatic(), null, null, by);
			return;
		}
		if (!force && mail.fromAddress() != null && flood(mail.fromAddress(), id)) {
			finish(id, MailStatus.IGNORED, "flood", null, null, by);
			return;
		}
		Long sender = (mail.fromAddress() == null) ? null : this.directory.userByEmail(mail.fromAddress()).orElse(null);
		if (requesterId == null && sender == null) {
			finish(id, MailStatus.FAILED, "unknownSender", mail.fromAddress(), null, by);
			return;
		}
		Supplier<Outcome> work = () -> this.tx.execute((s) -> {
			Outcome o = process(mail, requesterId);
			update(id, o, by);
			return o;
		});
		try {
			if (requesterId == null) {
				this.access.runAs(sender, work);
			}
			else {
				work.get();
			}
		}
		catch (DomainException ex) {
			finish(id, MailStatus.FAILED, "refused", text(ex), null, by);
		}
	}

	private Outcome process(MailParser.Mail mail, Long requesterId) {
		String from = (mail.fromName() != null) ? mail.fromName() + " <" + mail.fromAddress() + ">"
				: String.valueOf(mail.fromAddress());
		Optional<String> number = ticketNumber(mail.subject());
		List<String> refused = new ArrayList<>();
		if (number.isPresent()) {
			WorkItemView ticket;
			try {
				ticket = this.items.get(number.get());
			}
			catch (NotFound ex) {
				return new Outcome(MailStatus.FAILED, "ticketNotFound", number.get(), null);
			}
			String reply = MailParser.newPart(mail.text());
			String body = (requesterId != null) ? text("mail.journal.forwarded", from) + "\n\n" + reply : reply;
			this.items.comment(ticket.id(), body.isBlank() ? text("mail.journal.noText") : body, false);
			attach(ticket.id(), mail, refused);
			return new Outcome(MailStatus.THREADED, null, refused.isEmpty() ? null : String.join("; ", refused),
					ticket.id());
		}
		TicketFormData form = new TicketFormData();
		form.setKind(this.settings.kind());
		form.setTitle(mail.subject().isBlank() ? text("mail.noSubject") : abbreviate(mail.subject(), 200));
		String description = mail.text().isBlank() ? text("mail.journal.noText") : mail.text();
		if (requesterId != null) {
			description = text("mail.journal.forwarded", from) + "\n\n" + description;
		}
		form.setDescription(abbreviate(description, 20000));
		form.setRequesterId(requesterId);
		WorkItemView ticket = this.desk.raise(form, Channel.EMAIL);
		attach(ticket.id(), mail, refused);
		return new Outcome(MailStatus.IMPORTED, null, refused.isEmpty() ? null : String.join("; ", refused),
				ticket.id());
	}

	/**
	 * Attaches the mail's files; one the file store refuses is named in the mail's
	 * detail.
	 */
	private void attach(long itemId, MailParser.Mail mail, List<String> refused) {
		for (MailParser.File f : mail.files()) {
			try {
				this.items.attach(itemId, f.name(), f.content());
			}
			catch (ValidationFailed ex) {
				refused.add(f.name() + ": " + text(ex));
			}
		}
	}

	/** A ticket number in a subject (the acknowledgement's, kept by the reply). */
	private Optional<String> ticketNumber(String subject) {
		StringBuilder prefixes = new StringBuilder();
		for (TicketKind k : TicketKind.values()) {
			prefixes.append(prefixes.isEmpty() ? "" : "|").append(Pattern.quote(this.types.get(k.type()).prefix()));
		}
		Matcher m = Pattern
			.compile("(?<![A-Za-z0-9])(" + prefixes + ")-\\d{4}-\\d{6}(?![0-9])", Pattern.CASE_INSENSITIVE)
			.matcher(subject);
		return m.find() ? Optional.of(m.group().toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
	}

	/** More mails from one sender in the last hour than the flood limit. */
	private boolean flood(String from, long id) {
		Integer n = this.jdbc.queryForObject(
				"select count(*) from sd_mail where from_address = :f and received_at > :since and id <> :id",
				new MapSqlParameterSource("f", from).addValue("id", id)
					.addValue("since", Timestamps.utc(this.clock.instant().minusSeconds(3600))),
				Integer.class);
		return n != null && n >= this.settings.floodLimit();
	}

	private Long insert(String messageId, MailParser.Mail mail, String key, long size) {
		org.springframework.jdbc.support.GeneratedKeyHolder holder = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.update("insert into sd_mail (message_id, from_address, from_name, subject, sent_at, received_at,"
				+ " raw_key, raw_size, status, attempts) values (:mid, :from, :name, :subject, :sent, :at, :key,"
				+ " :size, 'RECEIVED', 0)",
				new MapSqlParameterSource("mid", messageId)
					.addValue("from", (mail == null) ? null : abbreviate(mail.fromAddress(), 320))
					.addValue("name", (mail == null) ? null : abbreviate(mail.fromName(), 200))
					.addValue("subject", (mail == null) ? null : abbreviate(mail.subject(), 1000))
					.addValue("sent", (mail == null || mail.sentAt() == null) ? null : Timestamps.utc(mail.sentAt()))
					.addValue("at", Timestamps.utc(this.clock.instant()))
					.addValue("key", key)
					.addValue("size", size),
				holder, new String[] { "id" });
		return holder.getKey().longValue();
	}

	/**
	 * Records what became of a mail; {@code by}: the person who retried it, if one did.
	 */
	private void update(long id, Outcome o, Long by) {
		this.jdbc.update(
				"update sd_mail set status = :status, reason = :reason, detail = :detail, item_id = :item,"
						+ " attempts = attempts + 1, handled_by = :by, handled_at = :at where id = :id",
				new MapSqlParameterSource("id", id).addValue("status", o.status().name())
					.addValue("reason", o.reason())
					.addValue("detail", abbreviate(o.detail(), 2000))
					.addValue("item", o.itemId())
					.addValue("by", by)
					.addValue("at", Timestamps.utc(this.clock.instant())));
	}

	private void finish(long id, MailStatus status, String reason, String detail, Long itemId, Long by) {
		this.tx.executeWithoutResult((s) -> update(id, new Outcome(status, reason, detail, itemId), by));
	}

	private Optional<Long> idOf(String messageId) {
		return this.jdbc
			.queryForList("select id from sd_mail where message_id = :m", new MapSqlParameterSource("m", messageId),
					Long.class)
			.stream()
			.findFirst();
	}

	private static final String SELECT = "select m.id, m.message_id, m.from_address, m.from_name, m.subject,"
			+ " m.sent_at, m.received_at, m.raw_size, m.status, m.reason, m.detail, m.item_id, m.attempts,"
			+ " m.handled_by, m.handled_at from sd_mail m";

	private record Row(long id, String messageId, String from, String fromName, String subject, Instant sentAt,
			Instant receivedAt, long size, MailStatus status, String reason, String detail, Long itemId, int attempts,
			Long handledBy, Instant handledAt) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				Timestamps.instant(rs.getObject(6, OffsetDateTime.class)),
				Timestamps.instant(rs.getObject(7, OffsetDateTime.class)), rs.getLong(8),
				MailStatus.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getObject(12, Long.class),
				rs.getInt(13), rs.getObject(14, Long.class),
				Timestamps.instant(rs.getObject(15, OffsetDateTime.class)));
	}

	private MailView view(long id) {
		List<Row> rows = this.jdbc.query(SELECT + " where m.id = :id", new MapSqlParameterSource("id", id),
				MailIntake::row);
		if (rows.isEmpty()) {
			throw NotFound.of("mail", id);
		}
		return views(rows).get(0);
	}

	private List<MailView> views(List<Row> rows) {
		Map<Long, String> people = this.directory
			.userNames(rows.stream().map(Row::handledBy).filter(java.util.Objects::nonNull).toList());
		Map<Long, org.yunwei.workitem.WorkItemBrief> tickets = this.items
			.briefs(rows.stream().map(Row::itemId).filter(java.util.Objects::nonNull).toList());
		return rows.stream().map((r) -> {
			org.yunwei.workitem.WorkItemBrief b = tickets.get(r.itemId());
			return new MailView(r.id(), r.messageId(), r.from(), r.fromName(), r.subject(), r.sentAt(), r.receivedAt(),
					r.size(), r.status(), r.reason(), r.detail(), r.itemId(), (b == null) ? null : b.number(),
					(b == null) ? null : b.type(), r.attempts(), people.get(r.handledBy()), r.handledAt());
		}).toList();
	}

	private String text(DomainException ex) {
		return this.messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(),
				org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key,
				org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	private static String abbreviate(String s, int max) {
		return (s == null || s.length() <= max) ? s : s.substring(0, max - 1) + "…";
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
