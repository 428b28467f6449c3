package org.yunwei.platform.audit.internal;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.yunwei.platform.audit.AuditVerification;
import org.yunwei.platform.audit.AuditVerification.Finding;
import org.yunwei.platform.audit.AuditVerification.Kind;

/**
 * Recomputes every entry's hash and every seal's chain in one pass over the trail in id
 * order (streamed, so the trail may be large).
 */
@Component
public class AuditVerifier {

	private static final int MAX_FINDINGS = 200;

	private final JdbcTemplate jdbc;

	AuditVerifier(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public AuditVerification verify() {
		List<Seal> seals = this.jdbc.query(
				"select id, from_entry_id, to_entry_id, entry_count, gap_ids, previous_hash, seal_hash"
						+ " from pf_audit_seal order by id",
				(rs, i) -> new Seal(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
						Gaps.decode(rs.getString(5)), rs.getString(6), rs.getString(7)));
		Pass pass = new Pass(seals);
		this.jdbc.query("select id, occurred_at, actor, actor_id, source_ip, action, record_type, record_id, summary,"
				+ " changes, entry_hash from pf_audit_entry order by id", (rs) -> {
					Long actorId = (rs.getObject(4) == null) ? null : rs.getLong(4);
					AuditRecord record = new AuditRecord(rs.getObject(2, OffsetDateTime.class).toInstant(),
							rs.getString(3), actorId, rs.getString(5), rs.getString(6), rs.getString(7),
							rs.getString(8), rs.getString(9), rs.getString(10));
					pass.entry(rs.getLong(1), record, rs.getString(11));
				});
		return pass.finish();
	}

	private record Seal(long id, long from, long to, int count, List<long[]> gaps, String previousHash,
			String sealHash) {
	}

	private static final class Pass {

		private final List<Seal> seals;

		private final List<Finding> findings = new ArrayList<>();

		private int sealIndex;

		private MessageDigest digest;

		private long expected;

		private int counted;

		private String chainHash = AuditSealer.GENESIS;

		private long entries;

		private long lastId;

		private Long firstBroken;

		Pass(List<Seal> seals) {
			this.seals = seals;
			openSeal();
		}

		void entry(long id, AuditRecord record, String storedHash) {
			while (this.sealIndex < this.seals.size() && id > seal().to()) {
				closeSeal();
			}
			this.entries++;
			this.lastId = id;
			if (!AuditHashing.entryHash(record).equals(storedHash)) {
				add(Kind.ALTERED, id, null);
			}
			if (this.sealIndex < this.seals.size() && id >= seal().from()) {
				if (Gaps.contains(seal().gaps(), id)) {
					add(Kind.ADDED_AFTER_SEAL, id, seal().id());
					return;
				}
				missingUpTo(id - 1);
				this.expected = id + 1;
				AuditHashing.addToSeal(this.digest, id, storedHash);
				this.counted++;
			}
		}

		AuditVerification finish() {
			while (this.sealIndex < this.seals.size()) {
				closeSeal();
			}
			long sealedUpTo = this.seals.isEmpty() ? 0 : this.seals.get(this.seals.size() - 1).to();
			long intactUpTo = (this.firstBroken == null) ? Math.max(this.lastId, sealedUpTo) : this.firstBroken - 1;
			return new AuditVerification(this.firstBroken == null, intactUpTo, sealedUpTo, this.entries,
					this.seals.size(), this.firstBroken, List.copyOf(this.findings), Instant.now());
		}

		private Seal seal() {
			return this.seals.get(this.sealIndex);
		}

		private void openSeal() {
			if (this.sealIndex < this.seals.size()) {
				this.digest = AuditHashing.sealDigest(seal().previousHash());
				this.expected = seal().from();
				this.counted = 0;
			}
		}

		private void closeSeal() {
			Seal seal = seal();
			missingUpTo(seal.to());
			boolean linked = seal.previousHash().equals(this.chainHash);
			boolean matches = AuditHashing.hex(this.digest).equals(seal.sealHash()) && this.counted == seal.count();
			if (!linked || !matches) {
				add(Kind.SEAL_BROKEN, seal.from(), seal.id());
			}
			this.chainHash = seal.sealHash();
			this.sealIndex++;
			openSeal();
		}

		private void missingUpTo(long last) {
			for (long id = this.expected; id <= last; id++) {
				if (!Gaps.contains(seal().gaps(), id)) {
					add(Kind.MISSING, id, seal().id());
				}
			}
			this.expected = last + 1;
		}

		private void add(Kind kind, long entryId, Long sealId) {
			if (kind.breaksIntegrity() && (this.firstBroken == null || entryId < this.firstBroken)) {
				this.firstBroken = entryId;
			}
			if (this.findings.size() < MAX_FINDINGS) {
				this.findings.add(new Finding(kind, entryId, sealId));
			}
		}

	}

}
