package org.yunwei.platform.audit.internal;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals the audit trail. Writers never wait on the chain: they insert entries with their
 * own hash. Every few seconds one node (ShedLock) takes the entries after the last seal
 * up to the newest one stamped at least {@code yunwei.audit.seal-grace} ago, and writes a
 * seal chaining the previous seal's hash with those entries' ids and hashes. Ids inside
 * the range that are absent (rolled-back transactions) are recorded as gaps, so an entry
 * that commits into a sealed range later is recognised and reported rather than silently
 * absorbed.
 */
@Component
class AuditSealer {

	static final String GENESIS = "0".repeat(64);

	private final JdbcTemplate jdbc;

	private final Duration grace;

	private final Clock clock;

	AuditSealer(JdbcTemplate jdbc, @Value("${yunwei.audit.seal-grace:PT5S}") Duration grace) {
		this.jdbc = jdbc;
		this.grace = grace;
		this.clock = Clock.systemUTC();
	}

	@Scheduled(fixedDelayString = "${yunwei.audit.seal-interval:PT10S}", initialDelayString = "PT5S")
	@SchedulerLock(name = "audit-sealer", lockAtMostFor = "PT5M")
	public void scheduled() {
		sealPending();
	}

	/**
	 * Writes at most one seal covering everything old enough; returns the number of
	 * entries sealed.
	 */
	@Transactional
	public int sealPending() {
		List<Object[]> last = this.jdbc.query(
				"select to_entry_id, seal_hash from pf_audit_seal order by id desc fetch first 1 rows only",
				(rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) });
		long from = last.isEmpty() ? 1 : ((Long) last.get(0)[0]) + 1;
		String previous = last.isEmpty() ? GENESIS : (String) last.get(0)[1];
		Instant cutoff = this.clock.instant().minus(this.grace);
		Long to = this.jdbc.queryForObject("select max(id) from pf_audit_entry where id >= ? and occurred_at < ?",
				Long.class, from, cutoff.atOffset(ZoneOffset.UTC));
		if (to == null) {
			return 0;
		}
		MessageDigest digest = AuditHashing.sealDigest(previous);
		List<Long> gaps = new ArrayList<>();
		long[] expected = { from };
		int[] count = { 0 };
		this.jdbc.query("select id, entry_hash from pf_audit_entry where id between ? and ? order by id", (rs) -> {
			long id = rs.getLong(1);
			for (long missing = expected[0]; missing < id; missing++) {
				gaps.add(missing);
			}
			expected[0] = id + 1;
			AuditHashing.addToSeal(digest, id, rs.getString(2));
			count[0]++;
		}, from, to);
		for (long missing = expected[0]; missing <= to; missing++) {
			gaps.add(missing);
		}
		this.jdbc.update(
				"insert into pf_audit_seal (from_entry_id, to_entry_id, entry_count, cutoff_at, gap_ids, previous_hash,"
						+ " seal_hash, sealed_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
				from, to, count[0], cutoff.atOffset(ZoneOffset.UTC), Gaps.encode(gaps), previous,
				AuditHashing.hex(digest), OffsetDateTime.now(this.clock));
		return count[0];
	}

}
