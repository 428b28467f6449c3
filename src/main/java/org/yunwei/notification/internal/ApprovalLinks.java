package org.yunwei.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring links that let an approver decide from the e-mail without signing in:
 * {@code <step>.<approver>.<expires>.<signature>}, the signature an HMAC-SHA256 of the
 * rest with a key made once and kept in the database (every node shares it). A link is
 * good for one step, one person and a limited time; once the step is decided it does
 * nothing more.
 */
@Component
public class ApprovalLinks {

	private static final String KEY = "approval-links";

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final Duration validity;

	private volatile byte[] key;

	private final org.springframework.transaction.support.TransactionTemplate own;

	ApprovalLinks(NamedParameterJdbcTemplate jdbc, Clock clock,
			@Value("${yunwei.approval.link-validity:P3D}") Duration validity,
			org.springframework.transaction.PlatformTransactionManager transactions) {
		this.own = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.own.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.clock = clock;
		this.validity = validity;
	}

	/** What a valid link stands for. */
	public record Grant(long stepId, long approverId, Instant expiresAt) {
	}

	public String token(long stepId, long approverId) {
		long expires = this.clock.instant().plus(this.validity).getEpochSecond();
		String payload = stepId + "." + approverId + "." + expires;
		return payload + "." + sign(payload);
	}

	public Duration validity() {
		return this.validity;
	}

	/** The grant of a link whose signature holds and which has not expired. */
	public Optional<Grant> verify(String token) {
		if (token == null) {
			return Optional.empty();
		}
		String[] parts = token.split("\\.");
		if (parts.length != 4) {
			return Optional.empty();
		}
		String payload = parts[0] + "." + parts[1] + "." + parts[2];
		if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
				parts[3].getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		try {
			Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
			if (!expires.isAfter(this.clock.instant())) {
				return Optional.empty();
			}
			return Optional.of(new Grant(Long.parseLong(parts[0]), Long.parseLong(parts[1]), expires));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private String sign(String payload) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(ChatMessages.hmac(key(), payload.getBytes(StandardCharsets.UTF_8)));
	}

	private byte[] key() {
		byte[] k = this.key;
		if (k == null) {
			try {
				k = this.own.execute((status) -> load());
			}
			catch (DuplicateKeyException ex) {
				// another node made it at the same moment: use theirs
				k = this.own.execute((status) -> load());
			}
			this.key = k;
		}
		return k;
	}

	/** Reads the key, making it first if nobody has (in a transaction of its own). */
	private byte[] load() {
		MapSqlParameterSource name = new MapSqlParameterSource("n", KEY);
		List<String> stored = this.jdbc.queryForList("select secret from nt_key where name = :n", name, String.class);
		if (!stored.isEmpty()) {
			return Base64.getDecoder().decode(stored.get(0));
		}
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		this.jdbc.update("insert into nt_key (name, secret, created_at) values (:n, :s, :at)",
				name.addValue("s", Base64.getEncoder().encodeToString(fresh))
					.addValue("at", this.clock.instant().atOffset(java.time.ZoneOffset.UTC)));
		return fresh;
	}

}
