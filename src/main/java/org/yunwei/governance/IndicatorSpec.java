package org.yunwei.governance;

import java.math.BigDecimal;

/**
 * A key indicator as the catalogue ships it: its code (the clause holding both the 要求 and
 * the 关键指标, a hyphen, its position in the list), its name exactly as the standard has it
 * with an English rendering, its unit ({@code %}, {@code count} or {@code h}), the period
 * it is reported for, which direction is better, the default target, the formula in words
 * and where the data comes from.
 */
public record IndicatorSpec(String code, String clause, String section, int position, String nameZh, String nameEn,
		String unit, Period period, Direction direction, BigDecimal defaultTarget, String formulaZh, String formulaEn,
		String sourceZh, String sourceEn) {

	/** How often an indicator is reported. */
	public enum Period {

		MONTH, QUARTER, YEAR;

		public String messageKey() {
			return "governance.period." + name();
		}

	}

	/** Which way is better. */
	public enum Direction {

		HIGHER, LOWER;

		/**
		 * Whether a value meets a target in this direction (null when there is no value).
		 */
		public Boolean meets(BigDecimal value, BigDecimal target) {
			if (value == null || target == null) {
				return null;
			}
			int c = value.compareTo(target);
			return (this == HIGHER) ? c >= 0 : c <= 0;
		}

		public String messageKey() {
			return "governance.direction." + name();
		}

	}

	public String name(String language) {
		return "en".equals(language) ? this.nameEn : this.nameZh;
	}

}
