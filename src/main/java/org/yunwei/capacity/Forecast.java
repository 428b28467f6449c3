package org.yunwei.capacity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * A linear trend fitted by least squares to a metric's history: the value it predicts on
 * a day, its slope, and the first day it reaches the threshold (in the direction the
 * metric grows towards it), when it does within ten years. Needs two or more measurements
 * on different days.
 */
public record Forecast(double slopePerDay, double valueAtEpoch, int points, LocalDate lastMeasured,
		LocalDate crossing) {

	/** A measurement: the day and the value. */
	public record Point(LocalDate on, BigDecimal value) {
	}

	private static final int HORIZON_DAYS = 3650;

	/**
	 * The trend of the points, or null when there are fewer than two days to fit. The
	 * crossing is the first day from the last measurement on that the trend is at or
	 * beyond the threshold ({@code rising}: at or above; else at or below); the last
	 * measured day itself when the latest value already is.
	 */
	public static Forecast fit(List<Point> points, BigDecimal threshold, boolean rising) {
		if (points.size() < 2) {
			return null;
		}
		double n = points.size();
		double sx = 0;
		double sy = 0;
		double sxx = 0;
		double sxy = 0;
		LocalDate last = points.get(0).on();
		for (Point p : points) {
			double x = p.on().toEpochDay();
			double y = p.value().doubleValue();
			sx += x;
			sy += y;
			sxx += x * x;
			sxy += x * y;
			if (p.on().isAfter(last)) {
				last = p.on();
			}
		}
		double denominator = n * sxx - sx * sx;
		if (Math.abs(denominator) < 1e-9) {
			return null;
		}
		double slope = (n * sxy - sx * sy) / denominator;
		double intercept = (sy - slope * sx) / n;
		Forecast f = new Forecast(slope, intercept, points.size(), last, null);
		return new Forecast(slope, intercept, points.size(), last, f.crossingOf(threshold.doubleValue(), rising));
	}

	/** The trend's value on a day. */
	public double at(LocalDate day) {
		return this.valueAtEpoch + this.slopePerDay * day.toEpochDay();
	}

	/** The trend's value on a day, rounded to four places as measurements are kept. */
	public BigDecimal valueOn(LocalDate day) {
		return BigDecimal.valueOf(at(day)).setScale(4, RoundingMode.HALF_UP);
	}

	/** The change per 30 days. */
	public BigDecimal slopePerMonth() {
		return BigDecimal.valueOf(this.slopePerDay * 30).setScale(2, RoundingMode.HALF_UP);
	}

	private LocalDate crossingOf(double threshold, boolean rising) {
		double now = at(this.lastMeasured);
		if (rising ? now >= threshold : now <= threshold) {
			return this.lastMeasured;
		}
		if (rising ? this.slopePerDay <= 0 : this.slopePerDay >= 0) {
			return null;
		}
		double day = (threshold - this.valueAtEpoch) / this.slopePerDay;
		long first = (long) Math.ceil(day - 1e-9);
		if (first - this.lastMeasured.toEpochDay() > HORIZON_DAYS) {
			return null;
		}
		return LocalDate.ofEpochDay(Math.max(first, this.lastMeasured.toEpochDay()));
	}

}
