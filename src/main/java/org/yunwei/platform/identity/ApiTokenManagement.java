package org.yunwei.platform.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.internal.ApiToken;
import org.yunwei.platform.identity.internal.ApiTokenRepository;
import org.yunwei.platform.identity.internal.UserAccount;
import org.yunwei.platform.identity.internal.UserRepository;

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

	private final UserRepository users;

	private final AccessControl access;

	private final AuditTrail audit;

	private final Clock clock;

	private final Duration loginTtl;

	ApiTokenManagement(ApiTokenRepository tokens, UserRepository users, AccessControl access, AuditTrail audit,
			Clock clock, @Value("${yunwei.security.token-ttl:PT24H}") Duration loginTtl) {
		this.tokens = tokens;
		this.users = users;
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
	public Optional<AuthenticatedUser> authenticate(String raw) {
		if (raw == null || !raw.startsWith(PREFIX) || raw.length() > 100) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Optional<ApiToken> found = this.tokens.findByTokenDigest(digest(raw)).filter((t) -> t.isUsable(now));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		ApiToken token = found.get();
		Optional<UserAccount> user = this.users.findById(token.getUserId())
			.filter((u) -> u.isActive() && !u.isLocked(now));
		if (user.isPresent() && (token.getLastUsedAt() == null
				|| token.getLastUsedAt().isBefore(now.minus(Duration.ofMinutes(1))))) {
			token.setLastUsedAt(now);
		}
		return user.map((u) -> new AuthenticatedUser(u.getId(), u.getUsername(), u.getDisplayName()));
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
