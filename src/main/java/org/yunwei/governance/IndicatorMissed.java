package org.yunwei.governance;

import java.math.BigDecimal;
import java.time.Instant;

/** An indicator's stored value for a period is below its target (event). */
public record IndicatorMissed(String code, String period, BigDecimal value, BigDecimal target, Long computedBy,
		Instant at) {
}
