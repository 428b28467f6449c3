package org.yunwei.platform.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;

/**
 * Writes explicit audit events. Within a transaction they are buffered and written just
 * before it commits, on its own connection, so they commit or roll back with the change
 * they describe and are stamped close to their commit (which the sealer relies on).
 */
@Component
class JdbcAuditTrail implements AuditTrail {

	private final DataSource dataSource;

	JdbcAuditTrail(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void record(AuditEvent event) {
		AuditRecord record = AuditContext.toRecord(event);
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive()) {
			buffer().add(record);
		}
		else {
			write(List.of(record));
		}
	}

	@SuppressWarnings("unchecked")
	private List<AuditRecord> buffer() {
		Object key = JdbcAuditTrail.class;
		List<AuditRecord> buffer = (List<AuditRecord>) TransactionSynchronizationManager.getResource(key);
		if (buffer == null) {
			List<AuditRecord> fresh = new ArrayList<>();
			TransactionSynchronizationManager.bindResource(key, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					if (readOnly) {
						// a read of a sensitive record, an export: the transaction's
						// connection
						// refuses writes (PostgreSQL does), so these go on a connection
						// of their own
						writeAlone(fresh);
					}
					else {
						write(fresh);
					}
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(key);
				}
			});
			buffer = fresh;
		}
		return buffer;
	}

	private void writeAlone(List<AuditRecord> records) {
		if (records.isEmpty()) {
			return;
		}
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			try {
				AuditWriter.insert(connection, records);
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("audit trail could not be written", ex);
		}
	}

	private void write(List<AuditRecord> records) {
		if (records.isEmpty()) {
			return;
		}
		var connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			AuditWriter.insert(connection, records);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("audit trail could not be written", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

}
