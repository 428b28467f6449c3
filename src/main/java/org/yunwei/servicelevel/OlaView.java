package org.yunwei.servicelevel;

import java.util.Map;

/**
 * The operational level of one assignment group: how many working minutes it may hold a
 * record of each priority, on a calendar.
 */
public record OlaView(long groupId, String groupName, long calendarId, String calendarName, int warnPercent,
		Map<Integer, Integer> minutes) {

	public Integer minutes(int priority) {
		return this.minutes.get(priority);
	}

}
