package org.yunwei.governance;

import java.math.BigDecimal;

/**
 * A key indicator as the organisation sees it: the catalogue's definition, whether a
 * module computes it from records or a person assesses it, the target in force (the
 * shipped default unless the organisation set one) and the latest stored value.
 */
public record IndicatorView(String code, String clause, String nameZh, String nameEn, Method method, String unit,
		IndicatorSpec.Period period, IndicatorSpec.Direction direction, BigDecimal target, BigDecimal defaultTarget,
		String formulaZh, String formulaEn, String sourceZh, String sourceEn, Latest latest) {

	/** How a value comes about. */
	public enum Method {

		COMPUTED, ASSESSED;

		public String messageKey() {
			return "governance.method." + name();
		}

	}

	/** The most recent stored value (of any period). */
	public record Latest(String period, BigDecimal value, Boolean met) {
	}

	public String name(String language) {
		return "en".equals(language) ? this.nameEn : this.nameZh;
	}

	public String formula(String language) {
		return "en".equals(language) ? this.formulaEn : this.formulaZh;
	}

}
