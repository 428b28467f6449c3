package org.yunwei.workitem.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Yearly numbers per type ({@code RT-2026-000123}) from one database sequence per type
 * and year. A sequence hands out each value once, whatever the concurrency, and never
 * waits on a lock; a creation that rolls back leaves a gap. The year is the
 * organisation's. Sequences for this year and the next are created at start and daily
 * (see {@link WorkflowInstaller}); one missing at the turn of a year is created on the
 * spot.
 */
@Component
public class WorkItemNumbers {

	private final JdbcTemplate jdbc;

	private final ZoneId zone;

	private final Set<String> known = ConcurrentHashMap.newKeySet();

	WorkItemNumbers(JdbcTemplate jdbc, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.zone = ZoneId.of(zone);
	}

	public String next(String typeCode, String prefix, Instant now) {
		int year = now.atZone(this.zone).getYear();
		String sequence = sequence(typeCode, year);
		if (!this.known.contains(sequence)) {
			create(sequence);
		}
		Long value = this.jdbc.queryForObject("select nextval('" + sequence + "')", Long.class);
		String digits = String.valueOf(value);
		return prefix + "-" + year + "-" + "0".repeat(Math.max(0, 6 - digits.length())) + digits;
	}

	/**
	 * Makes sure the sequences of this year and the next exist (outside any transaction).
	 */
	public void prepare(String typeCode, Instant now) {
		int year = now.atZone(this.zone).getYear();
		for (int y = year; y <= year + 1; y++) {
			try {
				create(sequence(typeCode, y));
			}
			catch (DataAccessException ex) {
				// another node created it at the same moment
				this.known.add(sequence(typeCode, y));
			}
		}
	}

	private void create(String sequence) {
		this.jdbc.execute("create sequence if not exists " + sequence + " start with 1");
		this.known.add(sequence);
	}

	private static String sequence(String typeCode, int year) {
		// type codes are checked to be letters and digits (WorkItemTypes), so this is
		// safe SQL
		return "wi_seq_" + typeCode.toLowerCase(java.util.Locale.ROOT) + "_" + year;
	}

}
