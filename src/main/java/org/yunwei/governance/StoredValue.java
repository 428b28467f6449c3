package org.yunwei.governance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.yunwei.platform.indicator.IndicatorValue;

/**
 * An indicator's value for a period as it was stored: numerator, denominator and sample,
 * the value against the target in force then, and — when read one at a time — the records
 * behind it and its breakdown, so that a person can reproduce the figure by hand.
 */
public record StoredValue(String code, String period, LocalDate from, LocalDate to, IndicatorView.Method method,
		long numerator, Long denominator, long sample, BigDecimal value, String unit, BigDecimal target,
		IndicatorSpec.Direction direction, Boolean met, String note, Instant computedAt,
		List<IndicatorValue.RecordRef> records, List<IndicatorValue.Part> parts) {
}
