package org.yunwei.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.yunwei.calendar.BusinessCalendar.Period;
import org.yunwei.support.ChinaCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.yunwei.support.ChinaCalendar.at;
import static org.yunwei.support.ChinaCalendar.read;

/**
 * Business-time arithmetic on the shipped China calendar (09:00–12:00, 13:30–17:30 on
 * weekdays, the official 2025 and 2026 arrangements): weekends, holidays, 调休 Saturdays,
 * lunch breaks, nights, and calendars in two time zones.
 */
class BusinessCalendarTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final BusinessCalendar china = ChinaCalendar.standard();

	@Test
	void theShippedArrangementsHaveEveryDayOfTheNotices() {
		assertThat(ChinaCalendar.SHIPPED).isEqualTo(Calendars.SHIPPED);
		String y2025 = read("calendar/CN-2025.csv");
		String y2026 = read("calendar/CN-2026.csv");
		assertThat(y2025).startsWith("# 国务院办公厅关于2025年部分节假日安排的通知");
		assertThat(y2026).startsWith("# 国务院办公厅关于2026年部分节假日安排的通知");
		assertThat(y2025.lines().filter((l) -> l.contains(",HOLIDAY,"))).hasSize(28);
		assertThat(y2025.lines().filter((l) -> l.contains(",WORKDAY,"))).hasSize(5);
		assertThat(y2026.lines().filter((l) -> l.contains(",HOLIDAY,"))).hasSize(33);
		assertThat(y2026.lines().filter((l) -> l.contains(",WORKDAY,"))).hasSize(6);
		for (String line : (y2025 + "\n" + y2026).split("\n")) {
			if (line.contains(",WORKDAY,")) {
				DayOfWeek d = LocalDate.parse(line.substring(0, 10)).getDayOfWeek();
				assertThat(d).as(line).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
			}
		}
	}

	@Test
	void anHourOnTheEveOfNationalDayEndsAfterTheHoliday() {
		// 30 minutes left on Wed 30 Sep, then 1–7 Oct off; Thu 8 Oct is a working day
		assertThat(this.china.addMinutes(at("2026-09-30T17:00"), 60)).isEqualTo(at("2026-10-08T09:30"));
	}

	@Test
	void aMakeUpSaturdayIsWorkedWithMondaysHours() {
		assertThat(this.china.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
		assertThat(this.china.addMinutes(at("2026-10-09T17:00"), 120)).isEqualTo(at("2026-10-10T10:30"));
		assertThat(this.china.isWorkingDay(LocalDate.of(2026, 10, 17))).isFalse();
	}

	@Test
	void weekendsAndLunchBreaksDoNotCount() {
		assertThat(this.china.addMinutes(at("2026-11-27T17:00"), 60)).isEqualTo(at("2026-11-30T09:30"));
		assertThat(this.china.addMinutes(at("2026-11-25T11:30"), 60)).isEqualTo(at("2026-11-25T14:00"));
		assertThat(this.china.addMinutes(at("2026-11-25T09:00"), 420)).isEqualTo(at("2026-11-25T17:30"));
	}

	@Test
	void aClockPausedOverNightCountsOnlyWorkingMinutes() {
		assertThat(this.china.minutesBetween(at("2026-11-25T17:00"), at("2026-11-26T10:00"))).isEqualTo(90);
		assertThat(this.china.minutesBetween(at("2026-10-01T08:00"), at("2026-10-07T20:00"))).isZero();
		assertThat(this.china.minutesBetween(at("2026-11-27T12:00"), at("2026-11-30T09:00"))).isEqualTo(240);
	}

	@Test
	void workOpenedOutsideHoursStartsAtTheNextWorkingMinute() {
		assertThat(this.china.nextWorkingMinute(at("2026-11-25T20:15"))).isEqualTo(at("2026-11-26T09:00"));
		assertThat(this.china.nextWorkingMinute(at("2026-11-25T12:40"))).isEqualTo(at("2026-11-25T13:30"));
		assertThat(this.china.nextWorkingMinute(at("2026-11-25T10:05"))).isEqualTo(at("2026-11-25T10:05"));
		assertThat(this.china.nextWorkingDay(LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(this.china.nextWorkingDay(LocalDate.of(2026, 2, 14))).isEqualTo(LocalDate.of(2026, 2, 14));
	}

	@Test
	void instantsFromAnotherTimeZoneAreReadInTheCalendarsZone() {
		// 01:00 UTC is 09:00 in Shanghai
		Instant utc = Instant.parse("2026-11-25T01:00:00Z");
		assertThat(this.china.addMinutes(utc, 30)).isEqualTo(Instant.parse("2026-11-25T01:30:00Z"));
		// a London 24x7 desk across the spring clock change: 00:00–03:00 local is two
		// hours
		ZoneId london = ZoneId.of("Europe/London");
		Map<DayOfWeek, List<Period>> always = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek d : DayOfWeek.values()) {
			always.put(d, List.of(new Period(LocalTime.MIN, LocalTime.MAX)));
		}
		BusinessCalendar desk = new BusinessCalendar(2, "London 24x7", london, always, Map.of());
		Instant midnight = LocalDateTime.parse("2026-03-29T00:00").atZone(london).toInstant();
		Instant three = LocalDateTime.parse("2026-03-29T03:00").atZone(london).toInstant();
		assertThat(desk.minutesBetween(midnight, three)).isEqualTo(120);
		assertThat(desk.addMinutes(LocalDateTime.parse("2026-11-25T23:30").atZone(london).toInstant(), 60))
			.isEqualTo(LocalDateTime.parse("2026-11-26T00:30").atZone(london).toInstant());
	}

	@Test
	void workingHoursAreReadFromText() {
		assertThat(Calendars.parsePeriods("13:30-17:30, 9:00-12:00")).containsExactly(
				new Period(LocalTime.of(9, 0), LocalTime.of(12, 0)),
				new Period(LocalTime.of(13, 30), LocalTime.of(17, 30)));
		assertThat(Calendars.parsePeriods("00:00-24:00")).containsExactly(new Period(LocalTime.MIN, LocalTime.MAX));
		assertThat(Calendars.parsePeriods("")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> Calendars.parsePeriods("09:00-12:00, 11:00-13:00"));
		assertThatIllegalArgumentException().isThrownBy(() -> Calendars.parsePeriods("12:00-09:00"));
		assertThat(Calendars.formatPeriods(Calendars.parsePeriods("09:00-12:00,13:30-24:00")))
			.isEqualTo("09:00-12:00, 13:30-24:00");
	}

}
