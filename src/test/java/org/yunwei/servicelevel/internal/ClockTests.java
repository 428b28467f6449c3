package org.yunwei.servicelevel.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.yunwei.calendar.BusinessCalendar;
import org.yunwei.servicelevel.ClockKind;
import org.yunwei.servicelevel.ClockState;
import org.yunwei.support.ChinaCalendar;
import org.yunwei.workitem.SlaStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunwei.support.ChinaCalendar.at;

/**
 * SLA clocks counted in working minutes on the shipped China calendar (09:00–12:00,
 * 13:30–17:30): starts outside working hours, weekends, public holidays, 调休 Saturdays,
 * pauses across nights, and the same clock on calendars in two time zones.
 */
class ClockTests {

	private final BusinessCalendar china = ChinaCalendar.standard();

	private static Clock clock(int targetMinutes) {
		return new Clock(1, "routine", ClockKind.RESOLUTION, 1L, null, null, 3, 1, targetMinutes, 75, Instant.EPOCH);
	}

	@Test
	void aRecordOpenedOnSaturdayStartsCountingAtNineOnMonday() {
		Clock c = clock(240);
		c.run(this.china, at("2026-11-28T10:00"));
		assertThat(c.getDueAt()).isEqualTo(at("2026-11-30T14:30"));
		assertThat(c.getWarnAt()).isEqualTo(at("2026-11-30T12:00"));
		assertThat(c.elapsed(this.china, at("2026-11-29T23:59"))).isZero();
		assertThat(c.elapsed(this.china, at("2026-11-30T09:01"))).isEqualTo(1);
	}

	@Test
	void aMakeUpSaturdayIsAWorkingDay() {
		Clock c = clock(120);
		c.run(this.china, at("2026-02-27T16:30"));
		assertThat(c.getDueAt()).isEqualTo(at("2026-02-28T10:00"));
	}

	@Test
	void theNationalDayHolidayDoesNotCount() {
		Clock c = clock(60);
		c.run(this.china, at("2026-09-30T17:00"));
		assertThat(c.getDueAt()).isEqualTo(at("2026-10-08T09:30"));
		assertThat(c.elapsed(this.china, at("2026-10-05T12:00"))).isEqualTo(30);
	}

	@Test
	void aPauseOverTheNightKeepsTheMinutesCountedBeforeIt() {
		Clock c = clock(240);
		c.run(this.china, at("2026-11-23T16:00"));
		c.hold(this.china, at("2026-11-23T17:00"), ClockState.PAUSED);
		assertThat(c.status()).isEqualTo(SlaStatus.PAUSED);
		assertThat(c.getDueAt()).isNull();
		assertThat(c.elapsed(this.china, at("2026-11-24T09:45"))).isEqualTo(60);

		c.run(this.china, at("2026-11-24T10:00"));
		assertThat(c.elapsed(this.china, at("2026-11-24T11:00"))).isEqualTo(120);
		assertThat(c.getDueAt()).isEqualTo(at("2026-11-24T14:30"));
	}

	@Test
	void aRunningClockDoesNotCountTheNight() {
		Clock c = clock(240);
		c.run(this.china, at("2026-11-23T16:00"));
		assertThat(c.elapsed(this.china, at("2026-11-24T10:00"))).isEqualTo(150);
	}

	@Test
	void theSameClockOnACalendarInAnotherZoneCountsThatZonesHours() {
		BusinessCalendar london = ChinaCalendar.of(ZoneId.of("Europe/London"), "09:00-17:00");
		Instant start = Instant.parse("2026-11-23T08:00:00Z");
		Clock inLondon = clock(60);
		inLondon.run(london, start);
		assertThat(inLondon.getDueAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
		Clock inBeijing = clock(60);
		inBeijing.run(this.china, start);
		assertThat(inBeijing.getDueAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
	}

	@Test
	void stoppingWithinTheTargetMeetsItAndAfterItBreachesIt() {
		Clock met = clock(60);
		met.run(this.china, at("2026-11-23T09:00"));
		met.stop(this.china, at("2026-11-23T10:00"));
		assertThat(met.getOutcome()).isEqualTo(SlaStatus.MET);
		assertThat(met.getBreachedAt()).isNull();

		Clock late = clock(60);
		late.run(this.china, at("2026-11-23T11:30"));
		late.stop(this.china, at("2026-11-23T14:01"));
		assertThat(late.getElapsedMinutes()).isEqualTo(61);
		assertThat(late.getOutcome()).isEqualTo(SlaStatus.BREACHED);
		assertThat(late.getBreachedAt()).isEqualTo(at("2026-11-23T14:01"));
	}

	@Test
	void aNewTargetClearsAWarningThatNoLongerHoldsAndMovesTheDeadline() {
		Clock c = clock(240);
		c.run(this.china, at("2026-11-23T09:00"));
		c.warned(c.getWarnAt());
		Instant now = at("2026-11-23T14:50");
		assertThat(c.elapsed(this.china, now)).isEqualTo(260);

		c.retarget(this.china, 480, 75, now);
		assertThat(c.getWarnedAt()).isNull();
		assertThat(c.status()).isEqualTo(SlaStatus.ON_TRACK);
		assertThat(c.getDueAt()).isEqualTo(at("2026-11-24T10:00"));

		c.retarget(this.china, 120, 75, now);
		assertThat(c.getDueAt()).isBefore(now);
	}

	@Test
	void aRecordsStatusIsTheWorstOfItsClocks() {
		Clock running = clock(240);
		running.run(this.china, at("2026-11-23T09:00"));
		Clock paused = clock(240);
		paused.run(this.china, at("2026-11-23T09:00"));
		paused.hold(this.china, at("2026-11-23T10:00"), ClockState.PAUSED);
		Clock met = clock(60);
		met.run(this.china, at("2026-11-23T09:00"));
		met.stop(this.china, at("2026-11-23T09:10"));
		Clock breached = clock(60);
		breached.run(this.china, at("2026-11-23T09:00"));
		breached.breached(at("2026-11-23T10:00"));

		assertThat(SlaEngine.summary(List.of())).isNull();
		assertThat(SlaEngine.summary(List.of(met))).isEqualTo(SlaStatus.MET);
		assertThat(SlaEngine.summary(List.of(met, paused))).isEqualTo(SlaStatus.PAUSED);
		assertThat(SlaEngine.summary(List.of(met, paused, running))).isEqualTo(SlaStatus.ON_TRACK);
		assertThat(SlaEngine.summary(List.of(met, running, breached))).isEqualTo(SlaStatus.BREACHED);
	}

}
