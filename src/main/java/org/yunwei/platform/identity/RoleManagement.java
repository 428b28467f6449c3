package org.yunwei.platform.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.Forbidden;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ValidationFailed;
import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.identity.internal.Role;
import org.yunwei.platform.identity.internal.RoleRepository;
import org.yunwei.platform.identity.internal.UserAccount;
import org.yunwei.platform.identity.internal.UserRepository;

/**
 * Roles and their grants, with 三员分立 enforced here: only the security administrator
 * defines roles and grants them; nobody grants themselves; no account holds two of the
 * three administrator roles; the audit administrator holds no other role; a role never
 * mixes the permissions of two administrators; the last security administrator keeps the
 * role.
 */
@Service
@Transactional
public class RoleManagement {

	private final RoleRepository roles;

	private final UserRepository users;

	private final PermissionCatalog catalog;

	private final JdbcTemplate jdbc;

	private final AccessControl access;

	private final AuditTrail audit;

	private final Clock clock;

	RoleManagement(RoleRepository roles, UserRepository users, PermissionCatalog catalog, JdbcTemplate jdbc,
			AccessControl access, AuditTrail audit, Clock clock) {
		this.roles = roles;
		this.users = users;
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<RoleView> roles() {
		this.access.require("role:read");
		Map<Long, Long> holders = new HashMap<>();
		this.jdbc.query("select role_id, count(*) from pf_user_role group by role_id", (rs) -> {
			holders.put(rs.getLong(1), rs.getLong(2));
		});
		return this.roles.findAllByOrderByBuiltinDescIdAsc()
			.stream()
			.map((r) -> view(r, holders.getOrDefault(r.getId(), 0L)))
			.toList();
	}

	@Transactional(readOnly = true)
	public RoleView role(String idOrCode) {
		this.access.require("role:read");
		Role role = find(idOrCode);
		return view(role, this.users.countWithRole(role.getId()));
	}

	public RoleView create(RoleFormData form) {
		this.access.require("role:write");
		String code = form.getCode().trim();
		if (this.roles.existsByCodeIgnoreCase(code)) {
			throw new ValidationFailed("code", "error.codeTaken", code);
		}
		Role role = new Role(code, form.getNameZh().trim(), form.getNameEn().trim(), this.clock.instant());
		apply(role, form);
		this.roles.saveAndFlush(role);
		return view(role, 0);
	}

	public RoleView update(long id, RoleFormData form) {
		this.access.require("role:write");
		Role role = this.roles.findById(id).orElseThrow(() -> NotFound.of("role", id));
		OrganisationManagement.checkVersion("role", id, role.getVersion(), form.getVersion());
		if (!role.getCode().equals(form.getCode().trim())) {
			throw new ValidationFailed("code", "error.role.codeImmutable");
		}
		if (role.getAdminKind() != null && role.isBuiltin()
				&& (!role.getPermissions().equals(form.getPermissions()) || role.getScope() != form.getScope())) {
			throw new Forbidden("error.sod.builtinAdminRole");
		}
		apply(role, form);
		role.touch(this.clock.instant());
		this.roles.flush();
		return view(role, this.users.countWithRole(id));
	}

	public void delete(long id) {
		this.access.require("role:write");
		Role role = this.roles.findById(id).orElseThrow(() -> NotFound.of("role", id));
		if (role.isBuiltin()) {
			throw new Conflict("error.role.builtin");
		}
		if (this.users.countWithRole(id) > 0) {
			throw new Conflict("error.role.inUse", role.getCode());
		}
		this.roles.delete(role);
		this.roles.flush();
	}

	private void apply(Role role, RoleFormData form) {
		Set<AdminKind> kinds = EnumSet.noneOf(AdminKind.class);
		for (String p : form.getPermissions()) {
			PermissionDefinition def = this.catalog.find(p);
			if (def == null) {
				throw new ValidationFailed("permissions", "error.permission.unknown", p);
			}
			if (def.adminKind() != null) {
				kinds.add(def.adminKind());
			}
		}
		if (kinds.size() > 1) {
			throw new ValidationFailed("permissions", "error.sod.mixedRole");
		}
		if (!role.isBuiltin()) {
			role.setAdminKind(kinds.isEmpty() ? null : kinds.iterator().next());
		}
		else if (role.getAdminKind() == null && !kinds.isEmpty()) {
			throw new ValidationFailed("permissions", "error.sod.adminPermissionInOrdinaryRole");
		}
		List<String> before = new ArrayList<>(new TreeSet<>(role.getPermissions()));
		role.setNameZh(form.getNameZh().trim());
		role.setNameEn(form.getNameEn().trim());
		role.setDescription(form.getDescription());
		role.setScope(form.getScope());
		role.getPermissions().clear();
		role.getPermissions().addAll(form.getPermissions());
		List<String> after = new ArrayList<>(new TreeSet<>(form.getPermissions()));
		if (!before.equals(after)) {
			this.audit.record(AuditEvent.of(AuditAction.GRANT, "role", role.getCode(), role.auditSummary())
				.withChange("permissions", String.join(", ", before), String.join(", ", after)));
		}
	}

	/**
	 * Sets the roles a user holds. Every 三员分立 rule is checked here, whatever the caller
	 * is (UI, REST, a future import).
	 */
	public void grant(long userId, Collection<String> roleCodes, Integer version) {
		CurrentUser me = this.access.require("role:grant");
		UserAccount user = this.users.findById(userId).orElseThrow(() -> NotFound.of("user", userId));
		OrganisationManagement.checkVersion("user", userId, user.getVersion(), version);
		if (user.getId() == me.id()) {
			throw new Forbidden("error.sod.selfGrant");
		}
		List<Role> wanted = new ArrayList<>();
		for (String code : new TreeSet<>(roleCodes)) {
			wanted.add(this.roles.findByCode(code)
				.orElseThrow(() -> new ValidationFailed("roles", "error.role.unknown", code)));
		}
		checkSeparation(wanted);
		List<Role> current = this.roles.findAllById(user.getRoleIds());
		checkLastSecurityAdministrator(user, current, wanted);
		List<String> before = current.stream().map(Role::getCode).sorted().toList();
		List<String> after = wanted.stream().map(Role::getCode).sorted().toList();
		if (!before.equals(after)) {
			user.getRoleIds().clear();
			wanted.forEach((r) -> user.getRoleIds().add(r.getId()));
			user.touch(this.clock.instant());
			this.users.flush();
			this.audit.record(AuditEvent.of(AuditAction.GRANT, "user", user.getId(), user.auditSummary())
				.withChange("roles", String.join(", ", before), String.join(", ", after)));
		}
		this.access.refresh();
	}

	static void checkSeparation(List<Role> wanted) {
		Set<AdminKind> kinds = EnumSet.noneOf(AdminKind.class);
		for (Role r : wanted) {
			if (r.getAdminKind() != null) {
				kinds.add(r.getAdminKind());
			}
		}
		if (kinds.size() > 1) {
			List<DefaultMessageSourceResolvable> names = kinds.stream()
				.map((k) -> new DefaultMessageSourceResolvable(k.messageKey()))
				.toList();
			throw new ValidationFailed("roles", "error.sod.twoAdministrators", names.get(0), names.get(1));
		}
		if (kinds.contains(AdminKind.AUDIT) && wanted.size() > 1) {
			throw new ValidationFailed("roles", "error.sod.auditExclusive");
		}
	}

	private void checkLastSecurityAdministrator(UserAccount user, List<Role> current, List<Role> wanted) {
		Set<Long> losing = new HashSet<>();
		for (Role r : current) {
			if (r.getAdminKind() == AdminKind.SECURITY
					&& wanted.stream().noneMatch((w) -> w.getId().equals(r.getId()))) {
				losing.add(r.getId());
			}
		}
		for (Long roleId : losing) {
			if (user.isActive() && this.users.countActiveWithRole(roleId) <= 1) {
				throw new ValidationFailed("roles", "error.sod.lastSecurityAdministrator");
			}
		}
	}

	private Role find(String idOrCode) {
		if (idOrCode.chars().allMatch(Character::isDigit)) {
			return this.roles.findById(Long.valueOf(idOrCode)).orElseThrow(() -> NotFound.of("role", idOrCode));
		}
		return this.roles.findByCode(idOrCode).orElseThrow(() -> NotFound.of("role", idOrCode));
	}

	private static RoleView view(Role r, long users) {
		return new RoleView(r.getId(), r.getCode(), r.getNameZh(), r.getNameEn(), r.getDescription(), r.getScope(),
				r.getAdminKind(), r.isBuiltin(), Set.copyOf(r.getPermissions()), users, r.getVersion());
	}

}
