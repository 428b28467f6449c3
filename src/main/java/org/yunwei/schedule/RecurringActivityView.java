package org.yunwei.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** A recurring activity with what it will do next and what it has done. */
public record RecurringActivityView(long id, int version, String type, String title, String description, String rrule,
		LocalDateTime start, long calendarId, String calendarName, NonWorkingDayPolicy policy, int dueMinutes,
		Long groupId, Long assigneeId, int impact, int urgency, boolean active, String ownerName, List<Instant> next,
		List<Occurrence> occurrences, Long serviceId, String checklist, Long sopDocumentId, String sopName) {

	/** One occurrence: when, its work item, and whether it was done on time. */
	public record Occurrence(Instant occursAt, Instant dueAt, String number, String error, Boolean onTime) {
	}

}
