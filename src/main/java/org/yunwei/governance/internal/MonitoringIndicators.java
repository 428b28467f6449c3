package org.yunwei.governance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.governance.IndicatorSpec;
import org.yunwei.governance.Monitoring;
import org.yunwei.governance.StandardCatalogue;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.indicator.IndicatorDefinition;
import org.yunwei.platform.indicator.IndicatorSource;
import org.yunwei.platform.indicator.IndicatorValue;
import org.yunwei.platform.indicator.IndicatorValue.RecordRef;

/**
 * The indicators of monitoring (9.1), from the monitoring plan and the stored values.
 * <ul>
 * <li>9.1-1 监测指标覆盖度: the key indicators on the monitoring plan at the end of the period,
 * over all 109.</li>
 * <li>9.1-2 监测计划完成度: of the values the plan asks for in the period — each planned
 * indicator for each of its months, quarters or years that ends in the period — those
 * stored (computed or assessed) within {@value Monitoring#GRACE_DAYS} days of that
 * end.</li>
 * </ul>
 */
@Component
@Transactional(readOnly = true)
class MonitoringIndicators implements IndicatorSource {

	private final NamedParameterJdbcTemplate jdbc;

	private final StandardCatalogue catalogue;

	private final ZoneId zone;

	MonitoringIndicators(NamedParameterJdbcTemplate jdbc, StandardCatalogue catalogue,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public List<IndicatorDefinition> indicators() {
		return List.of(
				new IndicatorDefinition("9.1-1", "监测指标覆盖度", "期末列入监测计划的关键指标数 ÷ 标准规定的关键指标总数（109）",
						"Key indicators on the monitoring plan at the end of the period ÷ the standard's key indicators"
								+ " (109)",
						"%"),
				new IndicatorDefinition("9.1-2", "监测计划完成度",
						"期内到期的监测项（监测计划中每个指标按其频度在期内结束的每个月、季度或年度）中，在该期结束后 " + Monitoring.GRACE_DAYS
								+ " 天内已计算或评估并保存数值的数量 ÷ 期内到期的监测项数",
						"Planned values due in the period (each planned indicator for each of its months, quarters or"
								+ " years ending in the period) stored — computed or assessed — within "
								+ Monitoring.GRACE_DAYS + " days of that end ÷ planned values due",
						"%"));
	}

	@Override
	public IndicatorValue compute(String code, ReportingPeriod period) {
		return switch (code) {
			case "9.1-1" -> coverage(code, period);
			case "9.1-2" -> completion(code, period);
			default -> throw NotFound.of("indicator", code);
		};
	}

	private Map<String, Object[]> plan(ReportingPeriod period) {
		Map<String, Object[]> out = new HashMap<>();
		this.jdbc.query("select code, frequency, added_on from gov_monitoring where added_on < :end",
				new MapSqlParameterSource("end", period.to()), (rs) -> {
					out.put(rs.getString(1), new Object[] { rs.getString(2), rs.getObject(3, LocalDate.class) });
				});
		return out;
	}

	private IndicatorValue coverage(String code, ReportingPeriod period) {
		Map<String, Object[]> plan = plan(period);
		List<IndicatorSpec> all = this.catalogue.indicators();
		List<RecordRef> records = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			IndicatorSpec s = all.get(i);
			records.add(new RecordRef("indicator", i, s.code() + " " + s.nameZh(), plan.containsKey(s.code())));
		}
		return IndicatorValue.share(code, period.label(), plan.size(), all.size(), records);
	}

	private IndicatorValue completion(String code, ReportingPeriod period) {
		Map<String, Object[]> plan = plan(period);
		Map<String, Instant> stored = new HashMap<>();
		this.jdbc.query(
				"select code, period, computed_at from gov_value where period_from >= :from and period_to <= :to",
				new MapSqlParameterSource("from", period.from()).addValue("to", period.to()), (rs) -> {
					stored.put(rs.getString(1) + "@" + rs.getString(2), Timestamps.instant(rs.getObject(3)));
				});
		List<IndicatorSpec> all = this.catalogue.indicators();
		List<RecordRef> records = new ArrayList<>();
		long done = 0;
		for (int i = 0; i < all.size(); i++) {
			IndicatorSpec s = all.get(i);
			Object[] entry = plan.get(s.code());
			if (entry == null) {
				continue;
			}
			for (ReportingPeriod due : due(period, IndicatorSpec.Period.valueOf((String) entry[0]))) {
				if (!due.to().isAfter((LocalDate) entry[1])) {
					continue;
				}
				Instant at = stored.get(s.code() + "@" + due.label());
				boolean ok = at != null
						&& !at.isAfter(due.end(this.zone).plus(java.time.Duration.ofDays(Monitoring.GRACE_DAYS)));
				done += ok ? 1 : 0;
				records.add(new RecordRef("indicator", i, s.code() + " @ " + due.label(), ok));
			}
		}
		return IndicatorValue.share(code, period.label(), done, records.size(), records);
	}

	/** The periods of a frequency that lie in a period. */
	static List<ReportingPeriod> due(ReportingPeriod period, IndicatorSpec.Period frequency) {
		List<ReportingPeriod> out = new ArrayList<>();
		for (YearMonth m = YearMonth.from(period.from()); m.atDay(1).isBefore(period.to()); m = m.plusMonths(1)) {
			ReportingPeriod p = switch (frequency) {
				case MONTH -> ReportingPeriod.parse(m.toString());
				case QUARTER -> (m.getMonthValue() % 3 == 0)
						? ReportingPeriod.parse(m.getYear() + "-Q" + (m.getMonthValue() / 3)) : null;
				case YEAR -> (m.getMonthValue() == 12) ? ReportingPeriod.parse(String.valueOf(m.getYear())) : null;
			};
			if (p != null && !p.from().isBefore(period.from()) && !p.to().isAfter(period.to())) {
				out.add(p);
			}
		}
		return out;
	}

}
