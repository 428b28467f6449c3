package org.yunwei.platform.audit;

import java.time.Instant;

/** Filters of the audit search; every field is optional. Newest entries come first. */
public record AuditQuery(String actor, AuditAction action, String recordType, String recordId, Instant from,
		Instant to) {

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null, null);
	}

}
