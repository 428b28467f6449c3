package org.yunwei.platform.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.Conflict;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.audit.internal.SensitiveRecordsLog;
import org.yunwei.platform.identity.AccessControl;

/**
 * The security administrator marks record types or single records sensitive (8.6.1); from
 * then on every read of them is in the data-access log, which the audit administrator
 * searches. Marking and unmarking are themselves audited.
 */
@Service
@Transactional
public class SensitiveRecordManagement {

	static final String PERMISSION = "sensitive:write";

	private static final String RECORD_TYPE = "sensitiveRecord";

	private static final RowMapper<SensitiveRecord> ROW = (rs, i) -> new SensitiveRecord(rs.getLong("id"),
			rs.getString("record_type"), rs.getString("record_id"), rs.getString("reason"),
			rs.getObject("created_at", OffsetDateTime.class).toInstant());

	private final JdbcTemplate jdbc;

	private final AccessControl access;

	private final AuditTrail trail;

	private final SensitiveRecordsLog log;

	private final Clock clock;

	SensitiveRecordManagement(JdbcTemplate jdbc, AccessControl access, AuditTrail trail, SensitiveRecordsLog log,
			Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.trail = trail;
		this.log = log;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<SensitiveRecord> marks() {
		this.access.require(PERMISSION);
		return this.jdbc.query("select * from pf_sensitive_record order by record_type, record_id", ROW);
	}

	/** The record types that can be marked. */
	@Transactional(readOnly = true)
	public List<String> recordTypes() {
		this.access.require(PERMISSION);
		return this.log.recordTypes();
	}

	public SensitiveRecord mark(SensitiveRecordFormData form) {
		this.access.require(PERMISSION);
		String type = form.getRecordType().trim();
		String id = (form.getRecordId() == null || form.getRecordId().isBlank()) ? SensitiveRecord.ALL
				: form.getRecordId().trim();
		Integer existing = this.jdbc.queryForObject(
				"select count(*) from pf_sensitive_record where record_type = ? and record_id = ?", Integer.class, type,
				id);
		if (existing != null && existing > 0) {
			throw new Conflict("sensitive.exists", type, id);
		}
		String reason = (form.getReason() == null || form.getReason().isBlank()) ? null : form.getReason().trim();
		this.jdbc.update(
				"insert into pf_sensitive_record (record_type, record_id, reason, created_at) values (?, ?, ?, ?)",
				type, id, reason, Timestamp.from(this.clock.instant()));
		SensitiveRecord created = this.jdbc
			.queryForObject("select * from pf_sensitive_record where record_type = ? and record_id = ?", ROW, type, id);
		this.trail.record(AuditEvent.of(AuditAction.CREATE, RECORD_TYPE, created.id(), type + "/" + id)
			.withChange("recordType", null, type)
			.withChange("recordId", null, id)
			.withChange("reason", null, reason));
		this.log.forget();
		return created;
	}

	public void unmark(long markId) {
		this.access.require(PERMISSION);
		List<SensitiveRecord> found = this.jdbc.query("select * from pf_sensitive_record where id = ?", ROW, markId);
		if (found.isEmpty()) {
			throw new NotFound(RECORD_TYPE, markId);
		}
		SensitiveRecord mark = found.get(0);
		this.jdbc.update("delete from pf_sensitive_record where id = ?", markId);
		this.trail
			.record(AuditEvent.of(AuditAction.DELETE, RECORD_TYPE, markId, mark.recordType() + "/" + mark.recordId())
				.withChange("recordType", mark.recordType(), null)
				.withChange("recordId", mark.recordId(), null)
				.withChange("reason", mark.reason(), null));
		this.log.forget();
	}

}
