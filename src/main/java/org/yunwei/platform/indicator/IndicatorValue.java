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
		String unit, List<RecordRef> records, List<Part> parts) {

	public IndicatorValue {
		parts = (parts == null) ? List.of() : List.copyOf(parts);
	}

	/**
	 * One part of a breakdown the indicator asks for ("不同类型的变更数量及占比": the number and
	 * share of each type), its share of the denominator in percent.
	 */
	public record Part(String key, String labelZh, String labelEn, long count, BigDecimal share) {
	}

	/** The value with its breakdown: each part's count and share of the denominator. */
	public IndicatorValue withParts(List<Part> parts) {
		return new IndicatorValue(this.code, this.period, this.numerator, this.denominator, this.value, this.unit,
				this.records, parts);
	}

	/** A part of {@code total}: its count and share in percent (null when total is 0). */
	public static Part part(String key, String labelZh, String labelEn, long count, long total) {
		return new Part(key, labelZh, labelEn, count, percent(count, total));
	}

	private static BigDecimal percent(long numerator, long denominator) {
		return (denominator == 0) ? null
				: BigDecimal.valueOf(numerator * 100L).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
	}

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
		return new IndicatorValue(code, period, numerator, denominator, percent(numerator, denominator), "%",
				cap(records), null);
	}

	/**
	 * A mean: {@code total} over {@code count} records (the value in its unit, null when
	 * nothing to measure), e.g. minutes to resolve shown in hours.
	 */
	public static IndicatorValue mean(String code, String period, long total, long count, BigDecimal value, String unit,
			List<RecordRef> records) {
		return new IndicatorValue(code, period, total, count, value, unit, cap(records), null);
	}

	/**
	 * A count: the records that count for it (the others are listed too, for the
	 * drill-down).
	 */
	public static IndicatorValue count(String code, String period, List<RecordRef> records) {
		long n = records.stream().filter(RecordRef::counted).count();
		return new IndicatorValue(code, period, n, null, BigDecimal.valueOf(n), "count", cap(records), null);
	}

	private static List<RecordRef> cap(List<RecordRef> records) {
		return (records.size() > MAX_RECORDS) ? List.copyOf(records.subList(0, MAX_RECORDS)) : List.copyOf(records);
	}

}
