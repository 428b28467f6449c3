package org.yunwei.platform.audit.internal;

import java.time.Instant;

/** An audit entry ready to be written (its hash computed from exactly these fields). */
record AuditRecord(Instant occurredAt, String actor, Long actorId, String sourceIp, String action, String recordType,
		String recordId, String summary, String changes) {

}
