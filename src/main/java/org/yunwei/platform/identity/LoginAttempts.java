package org.yunwei.platform.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.ldap.authentication.LdapAuthenticator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.internal.Role;
import org.yunwei.platform.identity.internal.RoleRepository;
import org.yunwei.platform.identity.internal.UserAccount;
import org.yunwei.platform.identity.internal.UserRepository;

/**
 * Checks a username and password, counts failures and locks the account after too many,
 * and records every attempt in the audit trail. Results are returned, not thrown, so the
 * failure count and the audit entries commit even when the login fails. Local accounts
 * are checked against their BCrypt hash; directory accounts (and unknown usernames, when
 * LDAP is configured) by an LDAP bind, and a directory user is created locally on first
 * login.
 */
@Service
@Transactional
public class LoginAttempts {

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	private final UserRepository users;

	private final RoleRepository roles;

	private final PasswordEncoder encoder;

	private final SecurityPolicyManagement policies;

	private final AuditTrail audit;

	private final Clock clock;

	private final ObjectProvider<LdapAuthenticator> ldap;

	private final String ldapDefaultRole;

	private final String dummyHash;

	LoginAttempts(UserRepository users, RoleRepository roles, PasswordEncoder encoder,
			SecurityPolicyManagement policies, AuditTrail audit, Clock clock, ObjectProvider<LdapAuthenticator> ldap,
			@Value("${yunwei.ldap.default-role:DEPARTMENT_USER}") String ldapDefaultRole) {
		this.users = users;
		this.roles = roles;
		this.encoder = encoder;
		this.policies = policies;
		this.audit = audit;
		this.clock = clock;
		this.ldap = ldap;
		this.ldapDefaultRole = ldapDefaultRole;
		this.dummyHash = encoder.encode("timing-equaliser-" + System.nanoTime());
	}

	public LoginResult attempt(String rawUsername, String password) {
		String username = (rawUsername == null) ? "" : rawUsername.trim().toLowerCase();
		Instant now = this.clock.instant();
		UserAccount user = username.isEmpty() ? null : this.users.findByUsernameIgnoreCase(username).orElse(null);
		if (user != null && !user.isActive()) {
			failed(username, user, "login.failed.disabled");
			return new LoginResult.Disabled();
		}
		if (user != null && user.isLocked(now)) {
			failed(username, user, "login.failed.locked");
			return new LoginResult.Locked(user.getLockedUntil());
		}
		boolean ok;
		if (user == null || "LDAP".equals(user.getAuthSource())) {
			Optional<DirContextOperations> entry = ldapBind(username, password);
			ok = entry.isPresent();
			if (ok && user == null) {
				user = provision(username, entry.get(), now);
			}
			if (!ok && this.ldap.getIfAvailable() == null) {
				this.encoder.matches(password == null ? "" : password, this.dummyHash);
			}
		}
		else {
			ok = password != null && user.getPasswordHash() != null
					&& this.encoder.matches(password, user.getPasswordHash());
		}
		if (ok) {
			user.setFailedAttempts(0);
			user.setLastLoginAt(now);
			this.audit.record(AuditEvent.of(AuditAction.LOGIN, "user", user.getId(), user.auditSummary())
				.byActor(user.getUsername(), user.getId()));
			return new LoginResult.Success(
					new AuthenticatedUser(user.getId(), user.getUsername(), user.getDisplayName()),
					passwordChangeDue(user, now));
		}
		failed(username, user, "login.failed.password");
		if (user != null) {
			SecurityPolicy policy = this.policies.policy();
			user.setFailedAttempts(user.getFailedAttempts() + 1);
			if (user.getFailedAttempts() >= policy.lockoutThreshold()) {
				Instant until = now.plus(policy.lockoutMinutes(), ChronoUnit.MINUTES);
				user.setLockedUntil(until);
				user.setFailedAttempts(0);
				this.audit.record(AuditEvent.of(AuditAction.LOCKED, "user", user.getId(), user.auditSummary())
					.withChange("lockedUntil", null, until)
					.byActor(username, user.getId()));
				return new LoginResult.Locked(until);
			}
		}
		return new LoginResult.BadCredentials();
	}

	/**
	 * Whether the user must change their password before anything else (first login,
	 * reset, too old).
	 */
	@Transactional(readOnly = true)
	public boolean passwordChangeDue(long userId) {
		return this.users.findById(userId).map((u) -> passwordChangeDue(u, this.clock.instant())).orElse(false);
	}

	private boolean passwordChangeDue(UserAccount user, Instant now) {
		if (!"LOCAL".equals(user.getAuthSource())) {
			return false;
		}
		if (user.isMustChangePassword()) {
			return true;
		}
		int maxAge = this.policies.policy().passwordMaxAgeDays();
		return maxAge > 0 && user.getPasswordChangedAt() != null
				&& user.getPasswordChangedAt().plus(maxAge, ChronoUnit.DAYS).isBefore(now);
	}

	private void failed(String username, UserAccount user, String reason) {
		this.audit.record(new AuditEvent(AuditAction.LOGIN_FAILED, "user",
				user == null ? null : String.valueOf(user.getId()), reason, java.util.Map.of(),
				username.isEmpty() ? "?" : username, user == null ? null : user.getId()));
	}

	private Optional<DirContextOperations> ldapBind(String username, String password) {
		LdapAuthenticator authenticator = this.ldap.getIfAvailable();
		if (authenticator == null || username.isEmpty() || password == null || password.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(authenticator.authenticate(new UsernamePasswordAuthenticationToken(username, password)));
		}
		catch (AuthenticationException ex) {
			return Optional.empty();
		}
		catch (RuntimeException ex) {
			log.warn("LDAP login of {} failed: {}", username, ex.getMessage());
			return Optional.empty();
		}
	}

	private UserAccount provision(String username, DirContextOperations entry, Instant now) {
		String name = firstNonBlank(entry.getStringAttribute("displayName"), entry.getStringAttribute("cn"), username);
		UserAccount user = new UserAccount(username, name, now);
		user.setEmail(entry.getStringAttribute("mail"));
		user.setMobile(entry.getStringAttribute("mobile"));
		user.setAuthSource("LDAP");
		this.roles.findByCode(this.ldapDefaultRole).map(Role::getId).ifPresent(user.getRoleIds()::add);
		return this.users.saveAndFlush(user);
	}

	private static String firstNonBlank(String... values) {
		for (String v : values) {
			if (v != null && !v.isBlank()) {
				return v;
			}
		}
		return null;
	}

}
