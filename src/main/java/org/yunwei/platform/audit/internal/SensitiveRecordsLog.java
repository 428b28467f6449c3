package org.yunwei.platform.audit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.audit.DataAccessLog;

/**
 * The data-access log. Which record types and records are sensitive is read from
 * {@code pf_sensitive_record} and kept for a few seconds (every read asks).
 */
@Component
class SensitiveRecordsLog implements DataAccessLog {

	private static final Duration REFRESH = Duration.ofSeconds(5);

	private final JdbcTemplate jdbc;

	private final AuditTrail trail;

	private volatile Set<String> marked = Set.of();

	private volatile Instant loadedAt = Instant.EPOCH;

	SensitiveRecordsLog(JdbcTemplate jdbc, AuditTrail trail) {
		this.jdbc = jdbc;
		this.trail = trail;
	}

	@Override
	public void read(String recordType, Object recordId, String summary) {
		if (isSensitive(recordType, recordId)) {
			this.trail.record(AuditEvent.of(AuditAction.READ, recordType, recordId, summary));
		}
	}

	@Override
	public boolean isSensitive(String recordType, Object recordId) {
		Set<String> current = marks();
		return current.contains(recordType + "/*") || current.contains(recordType + "/" + recordId);
	}

	/** Forgets the cached marks (after a change). */
	void reload() {
		this.loadedAt = Instant.EPOCH;
	}

	private Set<String> marks() {
		if (Instant.now().isAfter(this.loadedAt.plus(REFRESH))) {
			Set<String> fresh = new HashSet<>();
			this.jdbc.query("select record_type, record_id from pf_sensitive_record", (rs) -> {
				fresh.add(rs.getString(1) + "/" + rs.getString(2));
			});
			this.marked = Set.copyOf(fresh);
			this.loadedAt = Instant.now();
		}
		return this.marked;
	}

}
