package org.yunwei.cmdb.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.cmdb.ConfigurationAudits;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.indicator.IndicatorDefinition;
import org.yunwei.platform.indicator.IndicatorSource;
import org.yunwei.platform.indicator.IndicatorValue;
import org.yunwei.platform.indicator.IndicatorValue.RecordRef;
import org.yunwei.workitem.WorkItems;

/**
 * Configuration management's key indicators (8.3.5): 8.3.5-1 配置数据的准确率, from the
 * configuration audits performed in the period — CIs whose record matched the baseline or
 * whose every difference a change explains, over the CIs audited; 8.3.5-2 配置数据库数据覆盖率, the
 * share of incidents resolved in the period whose record names the configuration items
 * concerned (the O&amp;M objects the desk works on that the CMDB holds).
 */
@Component
@Transactional(readOnly = true)
class CmdbIndicators implements IndicatorSource {

	private final ConfigurationAudits audits;

	private final WorkItems items;

	private final NamedParameterJdbcTemplate jdbc;

	private final ZoneId zone;

	CmdbIndicators(ConfigurationAudits audits, WorkItems items, NamedParameterJdbcTemplate jdbc,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.audits = audits;
		this.items = items;
		this.jdbc = jdbc;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public List<IndicatorDefinition> indicators() {
		return List.of(new IndicatorDefinition("8.3.5-1", "配置数据的准确率", "期间内完成的配置审计中，记录与基线一致或全部差异均有变更说明的配置项数 ÷ 被审计的配置项数",
				"In the configuration audits performed in the period: CIs whose record matched the baseline or whose "
						+ "every difference a change explains ÷ CIs audited",
				"%"),
				new IndicatorDefinition("8.3.5-2", "配置数据库数据覆盖率", "期间内解决的事件中，关联了配置项的事件数 ÷ 期间内解决的事件数",
						"Incidents resolved in the period that name the configuration items concerned ÷ incidents "
								+ "resolved in the period",
						"%"));
	}

	@Override
	public IndicatorValue compute(String code, ReportingPeriod period) {
		Instant from = period.start(this.zone);
		Instant to = period.end(this.zone);
		if ("8.3.5-1".equals(code)) {
			long accurate = 0;
			long checked = 0;
			List<RecordRef> records = new ArrayList<>();
			for (ConfigurationAudits.AuditSummary a : this.audits.performedBetween(from, to)) {
				accurate += a.accurate();
				checked += a.checked();
				records.add(new RecordRef("ciAudit", a.id(),
						a.baselineName() + " · " + a.accurate() + "/" + a.checked(), a.unauthorised() == 0));
			}
			return IndicatorValue.share(code, period.label(), accurate, checked, records);
		}
		if ("8.3.5-2".equals(code)) {
			List<WorkItems.Lifecycle> resolved = this.items.lifecycles("incident", WorkItems.Milestone.RESOLVED, from,
					to);
			Set<Long> named = new HashSet<>();
			List<Long> ids = resolved.stream().map(WorkItems.Lifecycle::id).toList();
			for (int i = 0; i < ids.size(); i += 1000) {
				named.addAll(this.jdbc.queryForList("select distinct item_id from wi_item_ci where item_id in (:ids)",
						new MapSqlParameterSource("ids", ids.subList(i, Math.min(ids.size(), i + 1000))), Long.class));
			}
			List<RecordRef> records = resolved.stream()
				.map((l) -> new RecordRef("incident", l.id(), l.number(), named.contains(l.id())))
				.toList();
			return IndicatorValue.share(code, period.label(), named.size(), resolved.size(), records);
		}
		throw new IllegalArgumentException(code);
	}

}
