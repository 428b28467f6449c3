package org.yunwei.platform.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Inserts audit entries with plain JDBC on the connection it is given (insert only,
 * batched).
 */
final class AuditWriter {

	private static final String INSERT = "insert into pf_audit_entry (occurred_at, actor, actor_id, source_ip, action,"
			+ " record_type, record_id, summary, changes, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private AuditWriter() {
	}

	static void insert(Connection connection, List<AuditRecord> records) throws SQLException {
		try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
			for (AuditRecord r : records) {
				ps.setObject(1, r.occurredAt().atOffset(ZoneOffset.UTC));
				ps.setString(2, r.actor());
				if (r.actorId() == null) {
					ps.setNull(3, Types.BIGINT);
				}
				else {
					ps.setLong(3, r.actorId());
				}
				ps.setString(4, r.sourceIp());
				ps.setString(5, r.action());
				ps.setString(6, r.recordType());
				ps.setString(7, r.recordId());
				ps.setString(8, r.summary());
				ps.setString(9, r.changes());
				ps.setString(10, AuditHashing.entryHash(r));
				ps.addBatch();
			}
			ps.executeBatch();
		}
	}

}
