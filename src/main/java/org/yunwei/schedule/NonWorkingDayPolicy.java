package org.yunwei.schedule;

/** What happens to an occurrence that falls on a non-working day of the calendar. */
public enum NonWorkingDayPolicy {

	/** It happens anyway (24×7 work). */
	KEEP,
	/**
	 * It does not happen (daily inspections on working days only; 调休 Saturdays count).
	 */
	SKIP,
	/** It moves to the next working day, at the same time. */
	NEXT_WORKING_DAY;

	public String messageKey() {
		return "schedule.policy." + name();
	}

}
