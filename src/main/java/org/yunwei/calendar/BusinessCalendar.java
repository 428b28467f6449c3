package org.yunwei.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A business calendar as a value: its time zone, working periods per weekday, and special
 * days. A holiday has no working time; a make-up working day (调休) has the working periods
 * of a normal Monday. All arithmetic is exact to the minute and walks day by day, so it
 * is right across nights, weekends, holidays and changes of offset.
 */
public final class BusinessCalendar {

	/**
	 * A working period within a day, e.g. 09:00–12:00 ({@code end} 24:00 is
	 * {@link LocalTime#MAX}).
	 */
	public record Period(LocalTime start, LocalTime end) {

		public Period {
			if (!end.isAfter(start)) {
				throw new IllegalArgumentException("a period must end after it starts: " + start + "–" + end);
			}
		}

	}

	/**
	 * The longest a walk looks ahead for working time (a calendar with none would loop).
	 */
	private static final int MAX_DAYS = 3660;

	private final long id;

	private final String name;

	private final ZoneId zone;

	private final Map<DayOfWeek, List<Period>> week;

	private final Map<LocalDate, DayKind> days;

	public BusinessCalendar(long id, String name, ZoneId zone, Map<DayOfWeek, List<Period>> week,
			Map<LocalDate, DayKind> days) {
		this.id = id;
		this.name = name;
		this.zone = zone;
		this.week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek d : DayOfWeek.values()) {
			List<Period> periods = new ArrayList<>(week.getOrDefault(d, List.of()));
			periods.sort((a, b) -> a.start().compareTo(b.start()));
			this.week.put(d, List.copyOf(periods));
		}
		this.days = Map.copyOf(days);
	}

	public long id() {
		return this.id;
	}

	public String name() {
		return this.name;
	}

	public ZoneId zone() {
		return this.zone;
	}

	/** Whether any work happens on the date. */
	public boolean isWorkingDay(LocalDate date) {
		return !periods(date).isEmpty();
	}

	/** The working periods of a date, holidays and make-up days applied. */
	public List<Period> periods(LocalDate date) {
		DayKind special = this.days.get(date);
		if (special == DayKind.HOLIDAY) {
			return List.of();
		}
		List<Period> regular = this.week.get(date.getDayOfWeek());
		if (special == DayKind.WORKDAY && regular.isEmpty()) {
			return this.week.get(DayOfWeek.MONDAY);
		}
		return regular;
	}

	/** The date itself when it is a working day, else the next one. */
	public LocalDate nextWorkingDay(LocalDate date) {
		LocalDate d = date;
		for (int i = 0; i < MAX_DAYS; i++) {
			if (isWorkingDay(d)) {
				return d;
			}
			d = d.plusDays(1);
		}
		throw new IllegalStateException("calendar " + this.name + " has no working day");
	}

	/**
	 * The instant itself when it is within working time, else the start of the next
	 * period.
	 */
	public Instant nextWorkingMinute(Instant from) {
		return addMinutes(from, 0);
	}

	/**
	 * The instant {@code minutes} of working time after {@code from} (a start outside
	 * working time begins at the next working minute).
	 */
	public Instant addMinutes(Instant from, long minutes) {
		if (minutes < 0) {
			throw new IllegalArgumentException("minutes must not be negative");
		}
		ZonedDateTime at = from.atZone(this.zone);
		LocalDate day = at.toLocalDate();
		LocalTime time = at.toLocalTime();
		long left = minutes;
		for (int i = 0; i < MAX_DAYS; i++) {
			for (Period p : periods(day)) {
				if (!p.end().equals(LocalTime.MAX) && !time.isBefore(p.end())) {
					continue;
				}
				LocalTime start = time.isAfter(p.start()) ? time : p.start();
				long available = minutesBetween(start, p.end());
				if (left < available) {
					return day.atTime(start).plusMinutes(left).atZone(this.zone).toInstant();
				}
				if (left == available) {
					return end(day, p);
				}
				left -= available;
			}
			day = day.plusDays(1);
			time = LocalTime.MIN;
		}
		throw new IllegalStateException("calendar " + this.name + " has no working time");
	}

	/**
	 * The working time between two instants, in whole minutes (0 when {@code to} is not
	 * after {@code from}).
	 */
	public long minutesBetween(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return 0;
		}
		ZonedDateTime a = from.atZone(this.zone);
		ZonedDateTime b = to.atZone(this.zone);
		long total = 0;
		LocalDate day = a.toLocalDate();
		LocalDate last = b.toLocalDate();
		while (!day.isAfter(last)) {
			for (Period p : periods(day)) {
				Instant ps = day.atTime(p.start()).atZone(this.zone).toInstant();
				Instant pe = end(day, p);
				Instant s = ps.isAfter(from) ? ps : from;
				Instant e = pe.isBefore(to) ? pe : to;
				if (e.isAfter(s)) {
					total += Duration.between(s, e).toMinutes();
				}
			}
			day = day.plusDays(1);
		}
		return total;
	}

	private Instant end(LocalDate day, Period p) {
		return p.end().equals(LocalTime.MAX) ? day.plusDays(1).atStartOfDay(this.zone).toInstant()
				: day.atTime(p.end()).atZone(this.zone).toInstant();
	}

	private static long minutesBetween(LocalTime start, LocalTime end) {
		long m = Duration.between(start, end).toMinutes();
		return end.equals(LocalTime.MAX) ? m + 1 : m;
	}

}
