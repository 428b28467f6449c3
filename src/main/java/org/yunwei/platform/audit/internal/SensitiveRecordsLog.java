package org.yunwei.platform.audit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;
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
public class SensitiveRecordsLog implements DataAccessLog {

	private static final Duration REFRESH = Duration.ofSeconds(5);

	private final JdbcTemplate jdbc;

	private final AuditTrail trail;

	private volatile Set<String> marked = Set.of();

	private volatile Instant loadedAt = Instant.EPOCH;

	private final EntityManagerFactory entityManagerFactory;

	SensitiveRecordsLog(JdbcTemplate jdbc, AuditTrail trail, EntityManagerFactory entityManagerFactory) {
		this.jdbc = jdbc;
		this.trail = trail;
		this.entityManagerFactory = entityManagerFactory;
	}

	/**
	 * The record types the audit trail knows: one per entity, as the trail names them.
	 */
	public List<String> recordTypes() {
		return this.entityManagerFactory.getMetamodel()
			.getEntities()
			.stream()
			.map((e) -> EntityChangeAuditor.recordType(e.getJavaType()))
			.sorted()
			.toList();
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

	/** Forgets the cached marks (after a change), so the next read sees the change. */
	public void forget() {
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
