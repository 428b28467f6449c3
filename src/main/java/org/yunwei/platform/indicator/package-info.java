/**
 * Key indicators (关键指标) computed from records: each module computes the indicators of the
 * records it owns behind {@link org.yunwei.platform.indicator.IndicatorSource}, so no
 * module reads another's tables; values carry numerator, denominator, sample size and the
 * records behind them for drill-down.
 */
@org.springframework.modulith.NamedInterface("indicator")
package org.yunwei.platform.indicator;
