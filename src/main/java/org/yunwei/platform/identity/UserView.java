package org.yunwei.platform.identity;

import java.time.Instant;
import java.util.List;

/** A user as lists and detail pages show them. */
public record UserView(long id, String username, String displayName, String email, String mobile, Long departmentId,
		String departmentName, boolean active, String locale, String timeZone, String authSource,
		boolean mustChangePassword, Instant lockedUntil, Instant lastLoginAt, Instant createdAt, List<String> roles,
		List<String> groups, int version) {

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
