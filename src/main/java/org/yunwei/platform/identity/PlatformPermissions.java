package org.yunwei.platform.identity;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/** The kernel's own permissions and the built-in roles that receive them. */
@Component
class PlatformPermissions implements PermissionContributor {

	static final String SYSTEM_ADMIN = "SYSTEM_ADMIN";

	static final String SECURITY_ADMIN = "SECURITY_ADMIN";

	static final String AUDIT_ADMIN = "AUDIT_ADMIN";

	private static final Set<String> EVERYONE_READS = Set.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN,
			"TOP_MANAGEMENT", "MANAGEMENT_REP", "OM_HEAD", "OM_MANAGER", "SERVICE_DESK_AGENT", "ENGINEER");

	@Override
	public List<PermissionDefinition> permissions() {
		return List.of(read("user:read"), system("user:write"), read("department:read"), system("department:write"),
				read("group:read"), system("group:write"),
				new PermissionDefinition("role:read", "identity", null,
						Set.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN, "OM_HEAD")),
				security("role:write"), security("role:grant"), security("user:unlock"),
				security("user:password-reset"), security("policy:write"), security("sensitive:write"),
				new PermissionDefinition("audit:read", "audit", AdminKind.AUDIT, Set.of(AUDIT_ADMIN)),
				new PermissionDefinition("search:manage", "search", AdminKind.SYSTEM, Set.of(SYSTEM_ADMIN)));
	}

	private static PermissionDefinition read(String code) {
		return new PermissionDefinition(code, "identity", null, EVERYONE_READS);
	}

	private static PermissionDefinition system(String code) {
		return new PermissionDefinition(code, "identity", AdminKind.SYSTEM, Set.of(SYSTEM_ADMIN));
	}

	private static PermissionDefinition security(String code) {
		return new PermissionDefinition(code, "security", AdminKind.SECURITY, Set.of(SECURITY_ADMIN));
	}

}
