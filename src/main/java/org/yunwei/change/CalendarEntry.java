package org.yunwei.change;

import java.time.Instant;

/**
 * A change on the calendar: its window, type, risk and state, and whether it conflicts
 * with another change or falls in a freeze window.
 */
public record CalendarEntry(long itemId, String number, String title, ChangeType type, RiskLevel risk, String state,
		String stateName, Instant start, Instant end, boolean conflict, boolean inFreeze) {
}
