package org.yunwei.platform.audit.internal;

import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import org.yunwei.platform.audit.AuditAction;
import org.yunwei.platform.audit.AuditEvent;
import org.yunwei.platform.audit.AuditTrail;
import org.yunwei.platform.audit.AuditVerification;
import org.yunwei.platform.audit.AuditVerification.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail's integrity: seals chain the entries, a row changed with SQL is named
 * by the check, a removed row too, and a row that commits into an already sealed range is
 * reported. Its own database (own schema on PostgreSQL), because it tampers on purpose.
 */
@SpringBootTest(properties = "yunwei.test.schema-suffix=_audit")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailIT {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditSealer sealer;

	@Autowired
	AuditVerifier verifier;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	boolean postgres;

	@BeforeEach
	void detect() throws Exception {
		try (var c = this.dataSource.getConnection()) {
			this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
	}

	private long record(String summary) {
		this.trail.record(AuditEvent.of(AuditAction.UPDATE, "department", 42, summary).withChange("name", "旧", "新"));
		return this.jdbc.queryForObject("select max(id) from pf_audit_entry", Long.class);
	}

	@Test
	@Order(1)
	void aTrailThatNobodyTouchedIsIntactUpToItsLastEntry() {
		record("one");
		long last = record("two");
		assertThat(this.sealer.sealPending()).isPositive();
		AuditVerification v = this.verifier.verify();
		assertThat(v.intact()).isTrue();
		assertThat(v.intactUpTo()).isEqualTo(last);
		assertThat(v.sealedUpTo()).isEqualTo(last);
		assertThat(v.findings()).isEmpty();
	}

	@Test
	@Order(2)
	void aRowChangedWithSqlIsNamedByTheCheck() {
		long victim = record("会被篡改的记录");
		record("after");
		this.sealer.sealPending();
		unprotected(() -> this.jdbc.update("update pf_audit_entry set actor = 'intruder' where id = ?", victim));
		try {
			AuditVerification v = this.verifier.verify();
			assertThat(v.intact()).isFalse();
			assertThat(v.firstBrokenEntry()).isEqualTo(victim);
			assertThat(v.intactUpTo()).isEqualTo(victim - 1);
			assertThat(v.findings()).contains(new AuditVerification.Finding(Kind.ALTERED, victim, null));
		}
		finally {
			unprotected(() -> this.jdbc.update("update pf_audit_entry set actor = 'system' where id = ?", victim));
		}
		assertThat(this.verifier.verify().intact()).isTrue();
	}

	/** Last: it leaves a wide sealed range behind. */
	@Test
	@Order(4)
	void aRowThatCommitsIntoASealedRangeIsReportedNotAbsorbed() {
		long base = record("before the gap");
		long late = base + 1000;
		insertWithId(late + 1, "sealed neighbour");
		this.sealer.sealPending();
		insertWithId(late, "committed late");
		AuditVerification v = this.verifier.verify();
		assertThat(v.findings()).contains(new AuditVerification.Finding(Kind.ADDED_AFTER_SEAL, late,
				v.findings().stream().filter((f) -> f.entryId() == late).findFirst().orElseThrow().sealId()));
		assertThat(v.intact()).isTrue();
	}

	@Test
	@Order(3)
	void onPostgresTheDatabaseItselfRefusesUpdatesAndDeletes() {
		long id = record("protected");
		if (!this.postgres) {
			// On H2 the hash chain alone protects the trail; the trigger is PostgreSQL's
			// (db/vendor/postgresql).
			assertThat(this.jdbc.queryForObject("select count(*) from pf_audit_entry where id = ?", Long.class, id))
				.isEqualTo(1);
			return;
		}
		assertThatThrownBy(() -> this.jdbc.update("update pf_audit_entry set summary = 'x' where id = ?", id))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.update("delete from pf_audit_entry where id = ?", id))
			.hasMessageContaining("append-only");
	}

	private void insertWithId(long id, String summary) {
		AuditRecord r = new AuditRecord(AuditHashing.stamp(Instant.now()), "system", null, null, "UPDATE", "department",
				"42", summary, null);
		this.jdbc.update(
				"insert into pf_audit_entry (id, occurred_at, actor, actor_id, source_ip, action, record_type, record_id,"
						+ " summary, changes, entry_hash) values (?, ?, ?, null, null, ?, ?, ?, ?, null, ?)",
				id, r.occurredAt().atOffset(ZoneOffset.UTC), r.actor(), r.action(), r.recordType(), r.recordId(),
				r.summary(), AuditHashing.entryHash(r));
	}

	/**
	 * Runs SQL as an intruder with table-owner rights would: on PostgreSQL with the
	 * trigger disabled.
	 */
	private void unprotected(Runnable sql) {
		if (this.postgres) {
			this.jdbc.execute("alter table pf_audit_entry disable trigger pf_audit_entry_append_only");
		}
		try {
			sql.run();
		}
		finally {
			if (this.postgres) {
				this.jdbc.execute("alter table pf_audit_entry enable trigger pf_audit_entry_append_only");
			}
		}
	}

}
