package org.yunwei.release.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.indicator.IndicatorDefinition;
import org.yunwei.platform.indicator.IndicatorSource;
import org.yunwei.platform.indicator.IndicatorValue;
import org.yunwei.platform.indicator.IndicatorValue.RecordRef;

/**
 * Release management's key indicators (8.3.7.2): 8.3.7-1 发布成功率 — releases deployed to
 * production in the period whose production deployment succeeded without the rollback;
 * 8.3.7-2 未经测试的发布数量及占比 — releases deployed in the period that, before the deployment, had
 * passed no test at all, or not in every environment their policy requires.
 */
@Component
@Transactional(readOnly = true)
class ReleaseIndicators implements IndicatorSource {

	private final NamedParameterJdbcTemplate jdbc;

	private final ZoneId zone;

	ReleaseIndicators(NamedParameterJdbcTemplate jdbc, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public List<IndicatorDefinition> indicators() {
		return List.of(
				new IndicatorDefinition("8.3.7-1", "发布成功率", "期间内部署到生产环境的发布中，生产部署成功且未使用回退的发布数 ÷ 期间内部署的发布数",
						"Releases deployed to production in the period whose production deployment succeeded without "
								+ "using the rollback ÷ releases deployed in the period",
						"%"),
				new IndicatorDefinition("8.3.7-2", "未经测试的发布数量及占比",
						"期间内部署的发布中，部署前没有任何测试通过、或未在发布策略要求的每个环境测试通过的发布数 ÷ 期间内部署的发布数",
						"Releases deployed in the period that, before the deployment, had passed no test at all or not "
								+ "in every environment their release policy requires ÷ releases deployed in the period",
						"%"));
	}

	@Override
	public IndicatorValue compute(String code, ReportingPeriod period) {
		MapSqlParameterSource p = new MapSqlParameterSource("from", Timestamps.utc(period.start(this.zone)))
			.addValue("to", Timestamps.utc(period.end(this.zone)));
		List<RecordRef> records = new ArrayList<>();
		long[] counts = new long[2];
		this.jdbc.query(
				"select item_id, number, deployment_outcome, rollback_used, tested_before from rel_release"
						+ " where deployed_at >= :from and deployed_at < :to order by deployed_at, item_id",
				p, (rs) -> {
					boolean counted = "8.3.7-1".equals(code) ? "SUCCEEDED".equals(rs.getString(3)) && !rs.getBoolean(4)
							: !rs.getBoolean(5);
					counts[0] += counted ? 1 : 0;
					counts[1]++;
					records.add(new RecordRef(
							"release", rs.getLong(1), rs.getString(2) + " " + rs.getString(3)
									+ (rs.getBoolean(4) ? " rollback" : "") + (rs.getBoolean(5) ? "" : " untested"),
							counted));
				});
		return IndicatorValue.share(code, period.label(), counts[0], counts[1], records);
	}

}
