package org.yunwei.servicelevel;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Attainment of service levels in a period (8.3.1 d): of the clocks that stopped in the
 * period, how many met their target, per service, per department served and, for
 * operational levels, per assignment group.
 */
public record SlaAttainment(String period, Instant from, Instant to, Row total, List<Row> services,
		List<Row> departments, List<Row> groups, long openBreached) {

	/** One line: met and breached clocks, and the share met in percent (null if none). */
	public record Row(Long id, String name, long met, long breached) {

		@JsonProperty
		public long total() {
			return this.met + this.breached;
		}

		@JsonProperty
		public Double percent() {
			return (total() == 0) ? null : Math.round(this.met * 1000.0 / total()) / 10.0;
		}

	}

}
