package org.yunwei.platform.identity;

import java.util.Set;

/**
 * A permission a module contributes, such as {@code incident:write}. Its label is the
 * message key {@code permission.<code>}. A permission that belongs to one of the three
 * administrators names it; {@code defaultRoles} are the built-in role codes that receive
 * it when it first appears.
 */
public record PermissionDefinition(String code, String area, AdminKind adminKind, Set<String> defaultRoles) {

	public String messageKey() {
		return "permission." + this.code;
	}

	public String areaKey() {
		return "permission.area." + this.area;
	}

}
