package org.yunwei.notification.internal;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import org.yunwei.notification.Channel;
import org.yunwei.notification.DeliveryStatus;

/**
 * The outbox: deliveries are written inside the business transaction (so they exist
 * exactly when the change does) and sent afterwards, one by one, each result recorded in
 * its own transaction with the attempt in the delivery log. A failed attempt is retried
 * after 1, 5, 15, 60 and 240 minutes, then given up.
 */
@Component
public class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	/** Minutes to wait after the n-th failed attempt. */
	static final int[] BACKOFF_MINUTES = { 1, 5, 15, 60, 240 };

	public static final int MAX_ATTEMPTS = BACKOFF_MINUTES.length + 1;

	private final NamedParameterJdbcTemplate jdbc;

	private final EndpointRepository endpoints;

	private final ObjectProvider<JavaMailSender> mail;

	private final JsonMapper json;

	private final TransactionTemplate own;

	private final Clock clock;

	private final String from;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	Outbox(NamedParameterJdbcTemplate jdbc, EndpointRepository endpoints, ObjectProvider<JavaMailSender> mail,
			JsonMapper json, PlatformTransactionManager transactions, Clock clock,
			@Value("${yunwei.mail.from:yunwei@localhost}") String from) {
		this.jdbc = jdbc;
		this.endpoints = endpoints;
		this.mail = mail;
		this.json = json;
		this.own = new TransactionTemplate(transactions);
		this.clock = clock;
		this.from = from;
	}

	/** Puts a notification in a person's inbox (the bell). */
	public void inbox(long userId, String event, String title, String body, String link) {
		this.jdbc.update(
				"insert into nt_inbox (user_id, event, title, body, link, created_at)"
						+ " values (:u, :e, :t, :b, :l, :at)",
				new MapSqlParameterSource("u", userId).addValue("e", event)
					.addValue("t", abbreviate(title, 300))
					.addValue("b", body)
					.addValue("l", link)
					.addValue("at", utc(this.clock.instant())));
	}

	/** Writes a delivery to send after the transaction commits; returns its id. */
	public long enqueue(String event, Channel channel, Long userId, Long endpointId, String address, String language,
			String subject, String body, String link) {
		boolean skipped = channel == Channel.EMAIL && this.mail.getIfAvailable() == null;
		Instant now = this.clock.instant();
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update(
				"insert into nt_delivery (event, channel, user_id, endpoint_id, address, language, subject,"
						+ " body, link, status, attempts, next_attempt_at, last_error, created_at)"
						+ " values (:e, :c, :u, :ep, :a, :lang, :s, :b, :l, :st, 0, :next, :err, :at)",
				new MapSqlParameterSource("e", event).addValue("c", channel.name())
					.addValue("u", userId)
					.addValue("ep", endpointId)
					.addValue("a", address)
					.addValue("lang", language)
					.addValue("s", abbreviate(subject, 300))
					.addValue("b", body)
					.addValue("l", link)
					.addValue("st", (skipped ? DeliveryStatus.SKIPPED : DeliveryStatus.PENDING).name())
					.addValue("next", skipped ? null : utc(now))
					.addValue("err", skipped ? "SMTP is not configured (spring.mail.host)" : null)
					.addValue("at", utc(now)),
				key, new String[] { "id" });
		return key.getKey().longValue();
	}

	/** The deliveries whose (next) attempt is due. */
	public List<Long> due(Instant now, int limit) {
		return this.jdbc.queryForList(
				"select id from nt_delivery where status = 'PENDING' and next_attempt_at <= :now order by next_attempt_at, id"
						+ " fetch first " + limit + " rows only",
				new MapSqlParameterSource("now", utc(now)), Long.class);
	}

	/** A delivery to send, as stored. */
	record Pending(long id, String event, Channel channel, Long endpointId, String address, String subject, String body,
			String link, int attempts) {
	}

	/**
	 * Tries to send one delivery and records the result; never throws.
	 * @return whether it was sent
	 */
	public boolean attempt(long id) {
		List<Pending> found = this.jdbc.query(
				"select id, event, channel, endpoint_id, address, subject, body, link, attempts from nt_delivery"
						+ " where id = :id and status = 'PENDING'",
				new MapSqlParameterSource("id", id),
				(rs, n) -> new Pending(rs.getLong(1), rs.getString(2), Channel.valueOf(rs.getString(3)),
						rs.getObject(4, Long.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
						rs.getInt(9)));
		if (found.isEmpty()) {
			return false;
		}
		Pending d = found.get(0);
		String error;
		try {
			error = send(d);
		}
		catch (Exception ex) {
			error = ex.getClass().getSimpleName() + ": " + String.valueOf(ex.getMessage());
		}
		record(d, error);
		return error == null;
	}

	/** Sends; returns null when the receiver took it, else why not. */
	private String send(Pending d) throws Exception {
		if (d.channel() == Channel.EMAIL) {
			JavaMailSender sender = this.mail.getIfAvailable();
			if (sender == null) {
				return "SMTP is not configured (spring.mail.host)";
			}
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
			helper.setFrom(this.from);
			helper.setTo(d.address());
			helper.setSubject(d.subject());
			helper.setText(d.body() + ((d.link() != null) ? "\n\n" + d.link() : ""));
			// an automatic message (RFC 3834): out-of-office replies are not sent back to
			// it,
			// and the service mailbox recognises its own messages
			message.setHeader("Auto-Submitted", "auto-generated");
			message.setHeader("X-Auto-Response-Suppress", "All");
			sender.send(message);
			return null;
		}
		Endpoint endpoint = (d.endpointId() == null) ? null : this.endpoints.findById(d.endpointId()).orElse(null);
		if (endpoint == null || !endpoint.isActive()) {
			return "the endpoint was removed or switched off";
		}
		ChatMessages.Request request = ChatMessages.build(this.json, d.channel(), endpoint.getUrl(),
				endpoint.getSecret(), d.event(), d.subject(), d.body(), d.link(), this.clock.instant());
		HttpRequest.Builder http = HttpRequest.newBuilder(request.uri())
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
		request.headers().forEach(http::header);
		HttpResponse<String> response = this.http.send(http.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() / 100 != 2) {
			return "HTTP " + response.statusCode() + ": " + ChatMessages.abbreviate(response.body());
		}
		return ChatMessages.refusal(this.json, d.channel(), response.body());
	}

	private void record(Pending d, String error) {
		Instant now = this.clock.instant();
		int attempts = d.attempts() + 1;
		this.own.executeWithoutResult((s) -> {
			MapSqlParameterSource p = new MapSqlParameterSource("id", d.id()).addValue("n", attempts)
				.addValue("at", utc(now));
			if (error == null) {
				this.jdbc.update("update nt_delivery set status = 'SENT', attempts = :n, sent_at = :at,"
						+ " next_attempt_at = null, last_error = null where id = :id", p);
			}
			else {
				boolean giveUp = attempts >= MAX_ATTEMPTS;
				p.addValue("status", giveUp ? DeliveryStatus.FAILED.name() : DeliveryStatus.PENDING.name())
					.addValue("next", giveUp ? null : utc(now.plus(Duration.ofMinutes(BACKOFF_MINUTES[attempts - 1]))))
					.addValue("err", abbreviate(error, 1000));
				this.jdbc.update("update nt_delivery set status = :status, attempts = :n, next_attempt_at = :next,"
						+ " last_error = :err where id = :id", p);
			}
			this.jdbc.update(
					"insert into nt_attempt (delivery_id, attempted_at, ok, detail) values (:id, :at, :ok, :d)",
					new MapSqlParameterSource("id", d.id()).addValue("at", utc(now))
						.addValue("ok", error == null)
						.addValue("d", (error == null) ? null : abbreviate(error, 1000)));
		});
		if (error != null) {
			log.warn("Notification {} on {} failed (attempt {}): {}", d.id(), d.channel(), attempts, error);
		}
	}

	/** Puts a failed delivery back in the queue, due now. */
	public boolean retry(long id) {
		return this.jdbc.update(
				"update nt_delivery set status = 'PENDING', next_attempt_at = :now, attempts = 0"
						+ " where id = :id and status = 'FAILED'",
				new MapSqlParameterSource("id", id).addValue("now", utc(this.clock.instant()))) == 1;
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

	static String abbreviate(String s, int max) {
		return (s == null || s.length() <= max) ? s : s.substring(0, max - 1) + "…";
	}

}
