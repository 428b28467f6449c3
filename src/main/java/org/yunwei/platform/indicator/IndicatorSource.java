package org.yunwei.platform.indicator;

import java.util.List;

import org.yunwei.platform.ReportingPeriod;

/**
 * A module's computation of the key indicators of its records. Codes are the standard's:
 * the clause holding the 关键指标 list, a hyphen, the position in it ({@code 8.4.1-1}).
 */
public interface IndicatorSource {

	/** The indicators this module computes, with how. */
	List<IndicatorDefinition> indicators();

	/** The value of one of them for a period (read in the organisation's time zone). */
	IndicatorValue compute(String code, ReportingPeriod period);

}
