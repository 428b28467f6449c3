package org.yunwei.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A calendar as its screen shows it: weekly hours as text per weekday, and special days.
 */
public record CalendarView(long id, String code, String nameZh, String nameEn, String zone, boolean isDefault,
		int version, Map<Integer, String> hours, List<Day> days) {

	/** A special day. */
	public record Day(long id, LocalDate date, DayKind kind, String nameZh, String nameEn, String source) {
	}

	public String name(String language) {
		return "en".equals(language) ? this.nameEn : this.nameZh;
	}

}
