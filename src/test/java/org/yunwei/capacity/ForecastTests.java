package org.yunwei.capacity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The linear forecast: its trend, and the day it reaches the threshold. */
class ForecastTests {

	private static final LocalDate START = LocalDate.of(2026, 1, 1);

	/** Twelve points thirty days apart, growing ten per thirty days from 100. */
	private static List<Forecast.Point> growing() {
		List<Forecast.Point> points = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			points.add(new Forecast.Point(START.plusDays(30L * i), BigDecimal.valueOf(100 + 10 * i)));
		}
		return points;
	}

	@Test
	void aGrowingHistoryCrossesTheThresholdOnTheDayTheLineReachesIt() {
		Forecast f = Forecast.fit(growing(), BigDecimal.valueOf(250), true);
		assertThat(f.slopePerMonth()).isEqualByComparingTo("10");
		assertThat(f.valueOn(START)).isEqualByComparingTo("100");
		// 150 more at 10 per 30 days: 450 days after the start
		assertThat(f.crossing()).isEqualTo(START.plusDays(450));
		assertThat(f.lastMeasured()).isEqualTo(START.plusDays(330));
	}

	@Test
	void aThresholdAlreadyReachedIsReachedOnTheLastMeasurement() {
		Forecast f = Forecast.fit(growing(), BigDecimal.valueOf(150), true);
		assertThat(f.crossing()).isEqualTo(START.plusDays(330));
	}

	@Test
	void aTrendMovingAwayFromTheThresholdNeverCrossesIt() {
		assertThat(Forecast.fit(growing(), BigDecimal.valueOf(50), false).crossing()).isNull();
		List<Forecast.Point> flat = List.of(new Forecast.Point(START, BigDecimal.TEN),
				new Forecast.Point(START.plusDays(10), BigDecimal.TEN));
		assertThat(Forecast.fit(flat, BigDecimal.valueOf(20), true).crossing()).isNull();
	}

	@Test
	void aFallingFreeSpaceCrossesItsFloor() {
		List<Forecast.Point> free = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			free.add(new Forecast.Point(START.plusDays(10L * i), BigDecimal.valueOf(500 - 20 * i)));
		}
		// 2 per day down from 500 to 100: day 200
		assertThat(Forecast.fit(free, BigDecimal.valueOf(100), false).crossing()).isEqualTo(START.plusDays(200));
	}

	@Test
	void oneMeasurementIsNoTrend() {
		assertThat(Forecast.fit(List.of(new Forecast.Point(START, BigDecimal.ONE)), BigDecimal.TEN, true)).isNull();
		assertThat(Forecast.fit(
				List.of(new Forecast.Point(START, BigDecimal.ONE), new Forecast.Point(START, BigDecimal.valueOf(2))),
				BigDecimal.TEN, true))
			.isNull();
	}

}
