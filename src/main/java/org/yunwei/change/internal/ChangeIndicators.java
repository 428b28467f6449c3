package org.yunwei.change.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.change.ChangeType;
import org.yunwei.cmdb.ConfigurationAudits;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.indicator.IndicatorDefinition;
import org.yunwei.platform.indicator.IndicatorSource;
import org.yunwei.platform.indicator.IndicatorValue;
import org.yunwei.platform.indicator.IndicatorValue.RecordRef;

/**
 * Change management's key indicators (8.3.6.2): 8.3.6-1 变更成功率 (changes whose outcome was
 * recorded in the period that succeeded); 8.3.6-2 不同类型的变更数量及占比 (the changes raised in the
 * period by type: the value is the emergency share, the breakdown every type's count and
 * share); 8.3.6-3 未经批准和取消的变更数量及占比 (changes raised in the period that were not approved,
 * cancelled or, for emergencies, not ratified, together with the unauthorised changes the
 * configuration audits of the period found, over both).
 */
@Component
@Transactional(readOnly = true)
class ChangeIndicators implements IndicatorSource {

	private final NamedParameterJdbcTemplate jdbc;

	private final ConfigurationAudits audits;

	private final ZoneId zone;

	ChangeIndicators(NamedParameterJdbcTemplate jdbc, ConfigurationAudits audits,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.audits = audits;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public List<IndicatorDefinition> indicators() {
		return List.of(new IndicatorDefinition("8.3.6-1", "变更成功率",
				"期间内记录了实施结果的变更中，结果为“成功”的变更数 ÷ 记录了实施结果的变更数（成功、失败、已回退）",
				"Changes whose implementation outcome was recorded in the period that succeeded ÷ changes whose "
						+ "outcome was recorded (successful, failed, backed out)",
				"%"),
				new IndicatorDefinition("8.3.6-2", "不同类型的变更数量及占比", "期间内提出的变更按类型（标准、一般、紧急）计数及占比；指标值为紧急变更数 ÷ 期间内提出的变更数",
						"Changes raised in the period counted by type (standard, normal, emergency) with each "
								+ "type's share; the value is emergency changes ÷ changes raised",
						"%"),
				new IndicatorDefinition("8.3.6-3", "未经批准和取消的变更数量及占比",
						"（期间内提出的变更中未获批准、已撤销或紧急变更未获追认的变更数 + 期间内配置审计发现的未经授权变更数）÷（期间内提出的变更数 + 未经授权变更数）",
						"(Changes raised in the period that were not approved, were cancelled, or as emergencies were "
								+ "not ratified + unauthorised changes found by the configuration audits of the period) ÷ "
								+ "(changes raised in the period + those unauthorised changes)",
						"%"));
	}

	@Override
	public IndicatorValue compute(String code, ReportingPeriod period) {
		Instant from = period.start(this.zone);
		Instant to = period.end(this.zone);
		MapSqlParameterSource p = new MapSqlParameterSource("from", Timestamps.utc(from)).addValue("to",
				Timestamps.utc(to));
		if ("8.3.6-1".equals(code)) {
			List<RecordRef> records = new ArrayList<>();
			long[] counts = new long[2];
			this.jdbc.query("select item_id, number, outcome from chg_change where outcome_at >= :from"
					+ " and outcome_at < :to order by outcome_at, item_id", p, (rs) -> {
						boolean ok = "SUCCESSFUL".equals(rs.getString(3));
						counts[0] += ok ? 1 : 0;
						counts[1]++;
						records
							.add(new RecordRef("change", rs.getLong(1), rs.getString(2) + " " + rs.getString(3), ok));
					});
			return IndicatorValue.share(code, period.label(), counts[0], counts[1], records);
		}
		List<RecordRef> records = new ArrayList<>();
		Map<ChangeType, Long> byType = new EnumMap<>(ChangeType.class);
		long[] counts = new long[2];
		this.jdbc.query("select item_id, number, change_type, state, ratification from chg_change"
				+ " where raised_at >= :from and raised_at < :to order by raised_at, item_id", p, (rs) -> {
					ChangeType type = ChangeType.valueOf(rs.getString(3));
					byType.merge(type, 1L, Long::sum);
					counts[1]++;
					boolean counted;
					String label = rs.getString(2) + " " + type.name();
					if ("8.3.6-2".equals(code)) {
						counted = type == ChangeType.EMERGENCY;
					}
					else {
						String state = rs.getString(4);
						counted = "rejected".equals(state) || "cancelled".equals(state)
								|| "REFUSED".equals(rs.getString(5));
						label = label + " " + state + ((rs.getString(5) == null) ? "" : " " + rs.getString(5));
					}
					counts[0] += counted ? 1 : 0;
					records.add(new RecordRef("change", rs.getLong(1), label, counted));
				});
		if ("8.3.6-2".equals(code)) {
			List<IndicatorValue.Part> parts = new ArrayList<>();
			for (ChangeType t : ChangeType.values()) {
				parts.add(IndicatorValue.part(t.name(), typeZh(t), typeEn(t), byType.getOrDefault(t, 0L), counts[1]));
			}
			return IndicatorValue.share(code, period.label(), counts[0], counts[1], records).withParts(parts);
		}
		long unauthorised = 0;
		for (ConfigurationAudits.AuditSummary a : this.audits.performedBetween(from, to)) {
			unauthorised += a.unauthorised();
			records.add(new RecordRef("ciAudit", a.id(), a.baselineName() + " · " + a.unauthorised(),
					a.unauthorised() > 0));
		}
		return IndicatorValue.share(code, period.label(), counts[0] + unauthorised, counts[1] + unauthorised, records);
	}

	private static String typeZh(ChangeType t) {
		return switch (t) {
			case STANDARD -> "标准变更";
			case NORMAL -> "一般变更";
			case EMERGENCY -> "紧急变更";
		};
	}

	private static String typeEn(ChangeType t) {
		return switch (t) {
			case STANDARD -> "Standard";
			case NORMAL -> "Normal";
			case EMERGENCY -> "Emergency";
		};
	}

}
