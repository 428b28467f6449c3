package org.yunwei.platform.identity;

import java.time.Instant;

/**
 * An API token as its owner sees it: never the token itself, only its first characters.
 */
public record ApiTokenView(long id, String name, String hint, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
		Instant revokedAt) {

	public String status(Instant now) {
		if (this.revokedAt != null) {
			return "REVOKED";
		}
		return this.expiresAt.isAfter(now) ? "ACTIVE" : "EXPIRED";
	}

}
