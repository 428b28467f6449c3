package org.yunwei.platform.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.internal.ApiToken;
import org.yunwei.platform.identity.internal.ApiTokenRepository;

/**
 * API tokens: named, expiring, revocable, shown once. Only a SHA-256 digest is stored: a
 * token is 256 random bits, so a fast digest is as safe as BCrypt and costs microseconds
 * per API call.
 */
@Service
@Transactional
public class ApiTokenManagement {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String PREFIX = "yw_";

	private static final Duration MAX_TTL = Duration.ofDays(366);

	private final ApiTokenRepository tokens;

	private final AccessControl access;

	private final AuditTrail audit;

	private final Clock clock;

	private final Duration loginTtl;

	private final NamedParameterJdbcTemplate jdbc;

	ApiTokenManagement(ApiTokenRepository tokens, AccessControl access, AuditTrail audit, Clock clock,
			@Value("${yunwei.security.token-ttl:PT24H}") Duration loginTtl, NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.loginTtl = loginTtl;
	}

	/** A token for the signed-in user, valid for the given number of days (1–366). */
	public IssuedToken issue(String name, int days) {
		CurrentUser me = this.access.user();
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new ValidationFailed("name", "error.token.name");
		}
		if (days < 1 || days > MAX_TTL.toDays()) {
			throw new ValidationFailed("days", "error.token.days", MAX_TTL.toDays());
		}
		return create(me.id(), name.trim(), Duration.ofDays(days));
	}

	/** The token of {@code POST /api/v1/auth/token}, after the password was checked. */
	public IssuedToken issueForLogin(AuthenticatedUser user) {
		return create(user.id(), "API login " + this.clock.instant().toString().substring(0, 16), this.loginTtl);
	}

	private IssuedToken create(long userId, String name, Duration ttl) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String raw = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant();
		ApiToken token = new ApiToken(userId, name, digest(raw), raw.substring(0, 8), now, now.plus(ttl));
		this.tokens.saveAndFlush(token);
		this.audit.record(AuditEvent.of(AuditAction.TOKEN_ISSUED, "apiToken", token.getId(), token.auditSummary()));
		return new IssuedToken(raw, token.getExpiresAt(), view(token));
	}

	@Transactional(readOnly = true)
	public List<ApiTokenView> mine() {
		CurrentUser me = this.access.user();
		return this.tokens.findByUserIdOrderByCreatedAtDesc(me.id()).stream().map(ApiTokenManagement::view).toList();
	}

	/**
	 * Revokes one of the signed-in user's tokens (the security administrator may revoke
	 * anyone's).
	 */
	public void revoke(long id) {
		CurrentUser me = this.access.user();
		ApiToken token = this.tokens.findById(id).orElseThrow(() -> NotFound.of("apiToken", id));
		if (token.getUserId() != me.id() && !me.has("user:unlock")) {
			throw NotFound.of("apiToken", id);
		}
		if (token.getRevokedAt() == null) {
			token.revoke(this.clock.instant());
			this.tokens.flush();
			this.audit
				.record(AuditEvent.of(AuditAction.TOKEN_REVOKED, "apiToken", token.getId(), token.auditSummary()));
		}
	}

	/**
	 * The user a bearer token belongs to, if the token is known, not revoked, not
	 * expired, and its user active and not locked. Runs on every API call: one indexed
	 * lookup.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Optional<AuthenticatedUser> authenticate(String raw) {
		if (raw == null || !raw.startsWith(PREFIX) || raw.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		// every API request: one plain query for the token and its user, no entities
		List<Object[]> found = this.jdbc
			.query("select t.id, t.last_used_at, u.id, u.username, u.display_name from pf_api_token t"
					+ " join pf_user u on u.id = t.user_id where t.token_digest = :digest and t.revoked_at is null"
					+ " and t.expires_at > :now and u.active = true and (u.locked_until is null or u.locked_until <= :now)",
					new MapSqlParameterSource("digest", digest(raw)).addValue("now", now.atOffset(ZoneOffset.UTC)),
					(rs, n) -> new Object[] { rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getLong(3),
							rs.getString(4), rs.getString(5) });
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Object[] row = found.get(0);
		OffsetDateTime lastUsed = (OffsetDateTime) row[1];
		if (lastUsed == null || lastUsed.toInstant().isBefore(now.minus(Duration.ofMinutes(1)))) {
			this.jdbc.update("update pf_api_token set last_used_at = :now where id = :id",
					new MapSqlParameterSource("id", row[0]).addValue("now", now.atOffset(ZoneOffset.UTC)));
		}
		return Optional.of(new AuthenticatedUser((Long) row[2], (String) row[3], (String) row[4]));
	}

	private static ApiTokenView view(ApiToken t) {
		return new ApiTokenView(t.getId(), t.getName(), t.getTokenHint(), t.getCreatedAt(), t.getExpiresAt(),
				t.getLastUsedAt(), t.getRevokedAt());
	}

	static String digest(String raw) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
