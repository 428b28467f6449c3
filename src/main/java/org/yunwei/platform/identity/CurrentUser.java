package org.yunwei.platform.identity;

import java.util.Map;
import java.util.Set;

/**
 * The signed-in user with what they may do: each permission they hold and the broadest
 * record scope any of their roles gives it.
 */
public record CurrentUser(long id, String username, String displayName, Long departmentId, Set<Long> groupIds,
		Map<String, RecordScope> permissions, Set<String> roles, AdminKind adminKind, String locale, String timeZone) {

	public boolean has(String permission) {
		return this.permissions.containsKey(permission);
	}

	/** The scope of a permission, or null when the user does not hold it. */
	public RecordScope scope(String permission) {
		return this.permissions.get(permission);
	}

}
