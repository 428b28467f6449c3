package org.yunwei.platform.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.yunwei.platform.identity.PasswordRules;
import org.yunwei.platform.identity.PermissionCatalog;
import org.yunwei.platform.identity.PermissionDefinition;
import org.yunwei.platform.identity.SecurityPolicy;
import org.yunwei.platform.identity.UserManagement;

/**
 * Runs at every start: creates the built-in roles that are missing, grants permissions
 * new to this release to their default roles (once — an administrator's later removal
 * sticks), and on the very first start creates the three administrators of 三员分立 and, with
 * {@code YUNWEI_DEMO=true}, the demo organisation.
 */
@Component
@Order(0)
public class PlatformBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PlatformBootstrap.class);

	/** The three administrators: username, display name, role. */
	static final List<String[]> ADMINISTRATORS = List.of(new String[] { "sysadmin", "系统管理员", "SYSTEM_ADMIN" },
			new String[] { "secadmin", "安全管理员", "SECURITY_ADMIN" },
			new String[] { "auditadmin", "审计管理员", "AUDIT_ADMIN" });

	private final RoleRepository roles;

	private final UserRepository users;

	private final PolicyRepository policies;

	private final PermissionCatalog catalog;

	private final PasswordEncoder encoder;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final DemoOrganisation demo;

	private final Clock clock;

	private final String adminPassword;

	private final boolean demoEnabled;

	PlatformBootstrap(RoleRepository roles, UserRepository users, PolicyRepository policies, PermissionCatalog catalog,
			PasswordEncoder encoder, JdbcTemplate jdbc, TransactionTemplate tx, DemoOrganisation demo, Clock clock,
			@Value("${yunwei.admin-password:}") String adminPassword,
			@Value("${yunwei.demo:false}") boolean demoEnabled) {
		this.roles = roles;
		this.users = users;
		this.policies = policies;
		this.catalog = catalog;
		this.encoder = encoder;
		this.jdbc = jdbc;
		this.tx = tx;
		this.demo = demo;
		this.clock = clock;
		this.adminPassword = adminPassword;
		this.demoEnabled = demoEnabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.tx.executeWithoutResult((status) -> {
			Instant now = this.clock.instant();
			Map<String, Role> byCode = ensureBuiltinRoles(now);
			grantNewPermissions(byCode, now);
			if (this.users.count() == 0) {
				createAdministrators(byCode, now);
			}
		});
		if (this.demoEnabled) {
			this.tx.executeWithoutResult((status) -> this.demo.loadIfEmpty(initialPassword()));
		}
	}

	private Map<String, Role> ensureBuiltinRoles(Instant now) {
		Map<String, Role> byCode = new java.util.HashMap<>();
		for (BuiltinRoles.Definition d : BuiltinRoles.ALL) {
			Role role = this.roles.findByCode(d.code()).orElseGet(() -> {
				Role r = new Role(d.code(), d.nameZh(), d.nameEn(), now);
				r.setScope(d.scope());
				r.setAdminKind(d.adminKind());
				r.setBuiltin(true);
				r.setDescription(d.description());
				return this.roles.save(r);
			});
			byCode.put(d.code(), role);
		}
		return byCode;
	}

	private void grantNewPermissions(Map<String, Role> byCode, Instant now) {
		Set<String> seen = new HashSet<>(this.jdbc.queryForList("select code from pf_permission", String.class));
		for (PermissionDefinition p : this.catalog.all()) {
			if (seen.contains(p.code())) {
				continue;
			}
			for (String roleCode : p.defaultRoles()) {
				Role role = byCode.get(roleCode);
				if (role != null && (role.getAdminKind() == null || role.getAdminKind() == p.adminKind()
						|| p.adminKind() == null)) {
					role.getPermissions().add(p.code());
				}
			}
			this.jdbc.update("insert into pf_permission (code, first_seen_at) values (?, ?)", p.code(),
					OffsetDateTime.now(this.clock));
		}
		this.roles.flush();
	}

	private void createAdministrators(Map<String, Role> byCode, Instant now) {
		SecurityPolicy policy = this.policies.findById(1L).orElseThrow().toPolicy();
		boolean chosen = !this.adminPassword.isBlank();
		if (chosen && !PasswordRules.check(this.adminPassword, null, policy).isEmpty()) {
			log.warn(
					"YUNWEI_ADMIN_PASSWORD does not meet the password policy (at least {} characters, {} character"
							+ " classes); the administrators must change it at first login.",
					policy.passwordMinLength(), policy.passwordMinClasses());
		}
		StringBuilder banner = new StringBuilder();
		for (String[] admin : ADMINISTRATORS) {
			String password = chosen ? this.adminPassword : UserManagement.generatePassword(policy);
			UserAccount user = new UserAccount(admin[0], admin[1], now);
			user.setPasswordHash(this.encoder.encode(password), now);
			user.setMustChangePassword(!chosen || !PasswordRules.check(password, admin[0], policy).isEmpty());
			user.getRoleIds().add(byCode.get(admin[2]).getId());
			this.users.save(user);
			if (!chosen) {
				banner.append(String.format("%n    %-11s %s", admin[0], password));
			}
		}
		this.users.flush();
		if (chosen) {
			log.info("Created the administrators sysadmin, secadmin and auditadmin with the password from"
					+ " YUNWEI_ADMIN_PASSWORD.");
		}
		else {
			// Printed once, on the very first start, so the operator can sign in; never
			// logged again.
			log.warn("{}{}{}", "\n\n  Yunwei first start: the three administrators (三员) were created with these"
					+ " one-time passwords.\n  Each must change it at first login. This is the only time they are shown:\n",
					banner, "\n");
		}
	}

	/**
	 * The demo accounts share the administrators' initial password when the operator
	 * chose one.
	 */
	private String initialPassword() {
		return this.adminPassword.isBlank() ? null : this.adminPassword;
	}

}
