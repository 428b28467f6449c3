package org.yunwei.cmdb;

import java.time.Instant;

/**
 * One recorded change of a CI: a field, before and after, who, when, why and through
 * what.
 */
public record CiHistoryEntry(long id, Instant occurredAt, String actorName, String field, String before, String after,
		String reason, String changeNumber, ChangeSource source) {

	/** An attribute's field is {@code attr:<code>}. */
	public String attributeCode() {
		return this.field.startsWith("attr:") ? this.field.substring(5) : null;
	}

}
