package org.yunwei.calendar;

/** A special day: a holiday (no work) or a make-up working day on a weekend (调休上班). */
public enum DayKind {

	HOLIDAY, WORKDAY;

	public String messageKey() {
		return "calendar.kind." + name();
	}

}
