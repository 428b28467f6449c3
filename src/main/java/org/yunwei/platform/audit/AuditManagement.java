package org.yunwei.platform.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.KeysetPage;
import org.yunwei.platform.audit.internal.AuditVerifier;
import org.yunwei.platform.identity.AccessControl;

/**
 * The audit administrator's side of the audit trail: search, export and integrity check.
 * Only {@code audit:read} reaches it; nothing here changes an entry (nothing anywhere
 * does).
 */
@Service
@Transactional(readOnly = true)
public class AuditManagement {

	/** The most entries one export writes. */
	public static final int EXPORT_LIMIT = 100_000;

	private static final RowMapper<AuditEntryView> ROW = (rs, i) -> new AuditEntryView(rs.getLong("id"),
			rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
			rs.getString("source_ip"), action(rs.getString("action")), rs.getString("record_type"),
			rs.getString("record_id"), rs.getString("summary"), rs.getString("changes"));

	private final NamedParameterJdbcTemplate jdbc;

	private final AccessControl access;

	private final AuditVerifier verifier;

	private final AuditTrail trail;

	AuditManagement(NamedParameterJdbcTemplate jdbc, AccessControl access, AuditVerifier verifier, AuditTrail trail) {
		this.jdbc = jdbc;
		this.access = access;
		this.verifier = verifier;
		this.trail = trail;
	}

	public KeysetPage<AuditEntryView> search(AuditQuery query, String after, Integer size) {
		this.access.require("audit:read");
		int pageSize = KeysetPage.size(size);
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder sql = where(query, params);
		Long afterId = KeysetPage.decodeId(after);
		if (afterId != null) {
			sql.append(" and id < :after");
			params.addValue("after", afterId);
		}
		sql.append(" order by id desc fetch first ").append(pageSize + 1).append(" rows only");
		List<AuditEntryView> rows = this.jdbc.query(sql.toString(), params, ROW);
		return KeysetPage.of(rows, pageSize, (e) -> String.valueOf(e.id()));
	}

	/**
	 * Streams the matching entries (newest first, at most {@link #EXPORT_LIMIT}); the
	 * export is itself audited.
	 */
	public void export(AuditQuery query, String format, Consumer<AuditEntryView> sink) {
		this.access.require("audit:read");
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder sql = where(query, params);
		sql.append(" order by id desc fetch first ").append(EXPORT_LIMIT).append(" rows only");
		this.jdbc.query(sql.toString(), params, (rs) -> {
			sink.accept(ROW.mapRow(rs, 0));
		});
		this.trail.record(AuditEvent.of(AuditAction.EXPORT, "audit", null, "audit trail exported as " + format)
			.withChange("filter", null, describe(query)));
	}

	public AuditVerification verify() {
		this.access.require("audit:read");
		return this.verifier.verify();
	}

	/**
	 * The signed-in user's own recent sign-ins and failed attempts (anyone may see their
	 * own).
	 */
	public List<AuditEntryView> mySignIns(int limit) {
		String username = this.access.user().username();
		MapSqlParameterSource params = new MapSqlParameterSource("actor", username);
		return this.jdbc
			.query("select * from pf_audit_entry where actor = :actor and action in ('LOGIN', 'LOGIN_FAILED',"
					+ " 'LOCKED') order by id desc fetch first " + Math.min(limit, 50) + " rows only", params, ROW);
	}

	/** The data-access log: every read of a sensitive record. */
	public KeysetPage<AuditEntryView> reads(String after, Integer size) {
		return search(new AuditQuery(null, AuditAction.READ, null, null, null, null), after, size);
	}

	private static StringBuilder where(AuditQuery q, MapSqlParameterSource params) {
		StringBuilder sql = new StringBuilder("select * from pf_audit_entry where 1 = 1");
		if (q.actor() != null && !q.actor().isBlank()) {
			sql.append(" and actor = :actor");
			params.addValue("actor", q.actor().trim().toLowerCase());
		}
		if (q.action() != null) {
			sql.append(" and action = :action");
			params.addValue("action", q.action().name());
		}
		if (q.recordType() != null && !q.recordType().isBlank()) {
			sql.append(" and record_type = :recordType");
			params.addValue("recordType", q.recordType().trim());
		}
		if (q.recordId() != null && !q.recordId().isBlank()) {
			sql.append(" and record_id = :recordId");
			params.addValue("recordId", q.recordId().trim());
		}
		if (q.from() != null) {
			sql.append(" and occurred_at >= :from");
			params.addValue("from", q.from().atOffset(ZoneOffset.UTC));
		}
		if (q.to() != null) {
			sql.append(" and occurred_at < :to");
			params.addValue("to", q.to().atOffset(ZoneOffset.UTC));
		}
		return sql;
	}

	private static String describe(AuditQuery q) {
		List<String> parts = new ArrayList<>();
		if (q.actor() != null) {
			parts.add("actor=" + q.actor());
		}
		if (q.action() != null) {
			parts.add("action=" + q.action());
		}
		if (q.recordType() != null) {
			parts.add("recordType=" + q.recordType());
		}
		if (q.recordId() != null) {
			parts.add("recordId=" + q.recordId());
		}
		if (q.from() != null) {
			parts.add("from=" + q.from());
		}
		if (q.to() != null) {
			parts.add("to=" + q.to());
		}
		return String.join(" ", parts);
	}

	private static AuditAction action(String name) {
		try {
			return AuditAction.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
