package org.yunwei.servicelevel;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.yunwei.workitem.SlaStatus;

/**
 * A clock as a record shows it: its target and how much of it is used, in working
 * minutes, as of {@code asOf}; {@code dueAt} is when it breaches if it keeps running.
 */
public record SlaClockView(long id, ClockKind kind, ClockState state, SlaStatus status, Long groupId, String groupName,
		String calendarName, int targetMinutes, long elapsedMinutes, Instant startedAt, Instant dueAt, Instant warnedAt,
		Instant breachedAt, Instant stoppedAt, Instant asOf) {

	/** Working minutes left (negative once breached). */
	@JsonProperty
	public long remainingMinutes() {
		return this.targetMinutes - this.elapsedMinutes;
	}

	/** The share of the target used, in percent (0 to 100, capped). */
	@JsonProperty
	public int usedPercent() {
		if (this.targetMinutes <= 0) {
			return 100;
		}
		return (int) Math.min(100, this.elapsedMinutes * 100 / this.targetMinutes);
	}

}
