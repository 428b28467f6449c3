package org.yunwei.platform.audit;

import java.time.Instant;

/** One audit entry as the audit administrator reads it. */
public record AuditEntryView(long id, Instant occurredAt, String actor, String sourceIp, AuditAction action,
		String recordType, String recordId, String summary, String changes) {

}
