package org.yunwei.platform.identity;

/**
 * Filters of the user list; every field optional. {@code q} matches username, name,
 * e-mail or mobile.
 */
public record UserFilter(String q, Long departmentId, Boolean active, String role, Long groupId) {

	public static UserFilter none() {
		return new UserFilter(null, null, null, null, null);
	}

}
