package org.yunwei.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.yunwei.calendar.BusinessCalendar;
import org.yunwei.support.ChinaCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunwei.support.ChinaCalendar.at;

/**
 * Recurrence rules on the China working calendar: a daily inspection on working days
 * skips the National Day holiday and falls on the 调休 Saturday; a monthly task moved to
 * the next working day; a rule kept on weekends.
 */
class RecurrenceTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final BusinessCalendar china = ChinaCalendar.of(SHANGHAI, "09:00-17:30");

	private static List<LocalDate> dates(List<Instant> instants) {
		return instants.stream().map((i) -> i.atZone(SHANGHAI).toLocalDate()).toList();
	}

	@Test
	void aDailyInspectionOnWorkingDaysSkipsNationalDayAndFallsOnTheMakeUpSaturday() {
		Recurrence daily = new Recurrence("FREQ=DAILY", LocalDateTime.parse("2026-09-01T08:30"), this.china,
				NonWorkingDayPolicy.SKIP);
		List<Instant> occurrences = daily.between(at("2026-09-27T00:00"), at("2026-10-12T23:59"));
		assertThat(dates(occurrences)).containsExactly(LocalDate.parse("2026-09-28"), LocalDate.parse("2026-09-29"),
				LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-08"), LocalDate.parse("2026-10-09"),
				LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-12"));
		assertThat(occurrences.get(0)).isEqualTo(at("2026-09-28T08:30"));
	}

	@Test
	void aMonthlyTaskOnAHolidayMovesToTheNextWorkingDay() {
		Recurrence monthly = new Recurrence("RRULE:FREQ=MONTHLY;BYMONTHDAY=1", LocalDateTime.parse("2026-01-01T09:00"),
				this.china, NonWorkingDayPolicy.NEXT_WORKING_DAY);
		List<Instant> occurrences = monthly.between(at("2025-12-31T00:00"), at("2026-10-31T00:00"));
		assertThat(dates(occurrences)).startsWith(LocalDate.parse("2026-01-04"), LocalDate.parse("2026-02-02"),
				LocalDate.parse("2026-03-02"));
		assertThat(dates(occurrences)).contains(LocalDate.parse("2026-10-08"))
			.doesNotContain(LocalDate.parse("2026-10-01"));
	}

	@Test
	void aRuleKeptOnNonWorkingDaysIgnoresTheCalendar() {
		Recurrence saturdays = new Recurrence("FREQ=WEEKLY;BYDAY=SA", LocalDateTime.parse("2026-09-05T22:00"),
				this.china, NonWorkingDayPolicy.KEEP);
		assertThat(dates(saturdays.between(at("2026-09-30T00:00"), at("2026-10-18T00:00")))).containsExactly(
				LocalDate.parse("2026-10-03"), LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-17"));
	}

	@Test
	void theWindowIsExclusiveBeforeAndInclusiveAfterSoNothingRunsTwice() {
		Recurrence daily = new Recurrence("FREQ=DAILY", LocalDateTime.parse("2026-11-02T09:00"), this.china,
				NonWorkingDayPolicy.SKIP);
		List<Instant> first = daily.between(at("2026-11-20T00:00"), at("2026-11-24T09:00"));
		List<Instant> second = daily.between(at("2026-11-24T09:00"), at("2026-11-26T09:00"));
		assertThat(dates(first)).containsExactly(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-23"),
				LocalDate.parse("2026-11-24"));
		assertThat(dates(second)).containsExactly(LocalDate.parse("2026-11-25"), LocalDate.parse("2026-11-26"));
	}

	@Test
	void badRulesAreRecognised() {
		assertThat(Recurrence.isValid("FREQ=DAILY;INTERVAL=2")).isTrue();
		assertThat(Recurrence.isValid("FREQ=SOMETIMES")).isFalse();
		assertThat(Recurrence.isValid("")).isFalse();
	}

}
