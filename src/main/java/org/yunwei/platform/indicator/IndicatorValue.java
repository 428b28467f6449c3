package org.yunwei.platform.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * An indicator's value for a period: numerator over denominator (a share in percent, or a
 * count when the denominator is null), the sample it was computed on, and the records
 * behind it, each marked as counting for the numerator or not.
 */
public record IndicatorValue(String code, String period, long numerator, Long denominator, BigDecimal value,
		String unit, List<RecordRef> records) {

	/** A record behind a value (at most {@link #MAX_RECORDS} are listed). */
	public record RecordRef(String type, long id, String label, boolean counted) {
	}

	public static final int MAX_RECORDS = 1000;

	/**
	 * A share: numerator / denominator in percent, one decimal (null when nothing to
	 * measure).
	 */
	public static IndicatorValue share(String code, String period, long numerator, long denominator,
			List<RecordRef> records) {
		BigDecimal value = (denominator == 0) ? null
				: BigDecimal.valueOf(numerator * 100L).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
		return new IndicatorValue(code, period, numerator, denominator, value, "%", cap(records));
	}

	/**
	 * A mean: {@code total} over {@code count} records (the value in its unit, null when
	 * nothing to measure), e.g. minutes to resolve shown in hours.
	 */
	public static IndicatorValue mean(String code, String period, long total, long count, BigDecimal value, String unit,
			List<RecordRef> records) {
		return new IndicatorValue(code, period, total, count, value, unit, cap(records));
	}

	/**
	 * A count: the records that count for it (the others are listed too, for the
	 * drill-down).
	 */
	public static IndicatorValue count(String code, String period, List<RecordRef> records) {
		long n = records.stream().filter(RecordRef::counted).count();
		return new IndicatorValue(code, period, n, null, BigDecimal.valueOf(n), "count", cap(records));
	}

	private static List<RecordRef> cap(List<RecordRef> records) {
		return (records.size() > MAX_RECORDS) ? List.copyOf(records.subList(0, MAX_RECORDS)) : List.copyOf(records);
	}

}
