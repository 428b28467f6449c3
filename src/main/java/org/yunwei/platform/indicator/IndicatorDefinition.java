package org.yunwei.platform.indicator;

/**
 * How an indicator is computed: its code, its name exactly as the standard has it, the
 * formula in words (zh, en), and its unit ({@code %} or a count).
 */
public record IndicatorDefinition(String code, String nameZh, String formulaZh, String formulaEn, String unit) {
}
