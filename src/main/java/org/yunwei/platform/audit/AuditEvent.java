package org.yunwei.platform.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event to put in the audit trail. The actor and source address are taken from the
 * current request unless given (a failed login names the username that was tried).
 *
 * @param changes field name → [before, after]; secrets must already be masked
 */
public record AuditEvent(AuditAction action, String recordType, String recordId, String summary,
		Map<String, Change> changes, String actor, Long actorId) {

	/** One changed field: its value before and after, as text. */
	public record Change(String before, String after) {
	}

	public static AuditEvent of(AuditAction action, String recordType, Object recordId, String summary) {
		return new AuditEvent(action, recordType, recordId == null ? null : String.valueOf(recordId), summary, Map.of(),
				null, null);
	}

	public AuditEvent withChange(String field, Object before, Object after) {
		Map<String, Change> all = new LinkedHashMap<>(this.changes);
		all.put(field, new Change(before == null ? null : String.valueOf(before),
				after == null ? null : String.valueOf(after)));
		return new AuditEvent(this.action, this.recordType, this.recordId, this.summary, all, this.actor, this.actorId);
	}

	public AuditEvent byActor(String actor, Long actorId) {
		return new AuditEvent(this.action, this.recordType, this.recordId, this.summary, this.changes, actor, actorId);
	}

}
