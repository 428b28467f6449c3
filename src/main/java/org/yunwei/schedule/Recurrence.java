package org.yunwei.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

import org.yunwei.calendar.BusinessCalendar;

/**
 * Expands a recurrence: an RFC 5545 rule from a local start, on a business calendar. The
 * rule is read in local time (09:00 stays 09:00 whatever the offset); the calendar's zone
 * turns each occurrence into an instant.
 */
public final class Recurrence {

	/** How far an expansion looks (a rule that never matches would otherwise loop). */
	private static final int MAX_INSTANCES = 20_000;

	private final RecurrenceRule rule;

	private final LocalDateTime start;

	private final BusinessCalendar calendar;

	private final NonWorkingDayPolicy policy;

	public Recurrence(String rrule, LocalDateTime start, BusinessCalendar calendar, NonWorkingDayPolicy policy) {
		this.rule = parse(rrule);
		this.start = start;
		this.calendar = calendar;
		this.policy = policy;
	}

	/**
	 * Whether a rule text is a valid RFC 5545 RRULE (without the {@code RRULE:} prefix).
	 */
	public static boolean isValid(String rrule) {
		try {
			parse(rrule);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static RecurrenceRule parse(String rrule) {
		if (rrule == null || rrule.isBlank()) {
			throw new IllegalArgumentException("empty rule");
		}
		String text = rrule.strip();
		if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
			text = text.substring(6);
		}
		try {
			return new RecurrenceRule(text);
		}
		catch (InvalidRecurrenceRuleException | RuntimeException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	/**
	 * The occurrences after {@code after} (exclusive) up to {@code until} (inclusive).
	 */
	public List<Instant> between(Instant after, Instant until) {
		List<Instant> result = new ArrayList<>();
		RecurrenceRuleIterator it = this.rule
			.iterator(new DateTime(this.start.getYear(), this.start.getMonthValue() - 1, this.start.getDayOfMonth(),
					this.start.getHour(), this.start.getMinute(), this.start.getSecond()));
		// skip the rule ahead to shortly before the window (a moved occurrence may come
		// from
		// a few weeks earlier, e.g. over the Spring Festival)
		LocalDateTime ahead = LocalDateTime.ofInstant(after, this.calendar.zone()).minusDays(40);
		if (ahead.isAfter(this.start)) {
			it.fastForward(new DateTime(ahead.getYear(), ahead.getMonthValue() - 1, ahead.getDayOfMonth(),
					ahead.getHour(), ahead.getMinute(), ahead.getSecond()));
		}
		Instant last = null;
		for (int i = 0; i < MAX_INSTANCES && it.hasNext(); i++) {
			DateTime next = it.nextDateTime();
			LocalDateTime local = LocalDateTime.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth(),
					next.getHours(), next.getMinutes(), next.getSeconds());
			Instant occurs = apply(local);
			if (occurs == null) {
				continue;
			}
			if (occurs.isAfter(until)) {
				// moved occurrences stay in order, so nothing later can fall inside the
				// window
				break;
			}
			if (occurs.isAfter(after) && !occurs.equals(last)) {
				result.add(occurs);
				last = occurs;
			}
		}
		return result;
	}

	/** The next {@code count} occurrences after an instant. */
	public List<Instant> next(Instant after, int count) {
		List<Instant> result = new ArrayList<>();
		Instant from = after;
		Instant until = after.plus(java.time.Duration.ofDays(400));
		for (Instant i : between(from, until)) {
			result.add(i);
			if (result.size() == count) {
				break;
			}
		}
		return result;
	}

	private Instant apply(LocalDateTime local) {
		LocalDate day = local.toLocalDate();
		LocalTime time = local.toLocalTime();
		switch (this.policy) {
			case SKIP:
				if (!this.calendar.isWorkingDay(day)) {
					return null;
				}
				break;
			case NEXT_WORKING_DAY:
				day = this.calendar.nextWorkingDay(day);
				break;
			default:
				break;
		}
		return day.atTime(time).atZone(this.calendar.zone()).toInstant();
	}

}
