package org.yunwei.servicelevel.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.platform.NotFound;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.indicator.IndicatorDefinition;
import org.yunwei.platform.indicator.IndicatorSource;
import org.yunwei.platform.indicator.IndicatorValue;
import org.yunwei.platform.indicator.IndicatorValue.RecordRef;

/**
 * 8.3.1-1 服务目录的完整性: of the services in use, the share whose catalogue entry is complete
 * (an owner, the departments served, and a level agreement stating objective, scope,
 * service hours, content, measurable effect and security requirements with at least one
 * resolution target). 8.3.1-2 服务级别达标率: of the response and resolution clocks that stopped
 * in the period, the share that met their target.
 */
@Component
@Transactional(readOnly = true)
class ServiceLevelIndicators implements IndicatorSource {

	private final NamedParameterJdbcTemplate jdbc;

	private final ZoneId zone;

	ServiceLevelIndicators(NamedParameterJdbcTemplate jdbc, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public List<IndicatorDefinition> indicators() {
		return List.of(new IndicatorDefinition("8.3.1-1", "服务目录的完整性",
				"在用服务中目录信息完整（负责人、服务部门、服务级别的目标、范围、时间、内容、可量化效果、安全要求及至少一项解决时限）的数量 ÷ 在用服务数（期末状态）",
				"Services in use whose entry is complete (owner, departments served, level agreement with "
						+ "objective, scope, hours, content, measurable effect, security and a resolution target) "
						+ "÷ services in use (as at the end of the period)",
				"%"),
				new IndicatorDefinition("8.3.1-2", "服务级别达标率", "期间内停止的响应与解决计时中达到时限的数量 ÷ 期间内停止的响应与解决计时数（已取消的不计）",
						"Response and resolution clocks stopped in the period within their target ÷ those stopped in "
								+ "the period (cancelled ones left out)",
						"%"),
				new IndicatorDefinition("8.4.2-1", "响应及时率", "期间内停止的事件和服务请求响应计时中在时限内的数量 ÷ 期间内停止的事件和服务请求响应计时数",
						"Response clocks of incidents and requests stopped in the period within their target ÷ "
								+ "those stopped in the period",
						"%"),
				new IndicatorDefinition("8.4.2-2", "解决及时率", "期间内停止的事件和服务请求解决计时中在时限内的数量 ÷ 期间内停止的事件和服务请求解决计时数",
						"Resolution clocks of incidents and requests stopped in the period within their target ÷ "
								+ "those stopped in the period",
						"%"),
				new IndicatorDefinition("8.3.3-1", "事件服务级别的达成率", "期间内解决计时停止的事件中，响应和解决计时均达标的事件数 ÷ 期间内解决计时停止的事件数",
						"Incidents whose resolution clock stopped in the period with both their response and resolution "
								+ "clocks within target ÷ incidents whose resolution clock stopped in the period",
						"%"));
	}

	@Override
	public IndicatorValue compute(String code, ReportingPeriod period) {
		if ("8.3.1-1".equals(code)) {
			return catalogue(period);
		}
		if ("8.3.1-2".equals(code)) {
			return attainment(period);
		}
		if ("8.4.2-1".equals(code)) {
			return timeliness(code, "RESPONSE", period);
		}
		if ("8.4.2-2".equals(code)) {
			return timeliness(code, "RESOLUTION", period);
		}
		if ("8.3.3-1".equals(code)) {
			return incidentAttainment(period);
		}
		throw NotFound.of("indicator", code);
	}

	private IndicatorValue catalogue(ReportingPeriod period) {
		List<RecordRef> records = this.jdbc.query("select s.id, s.name, case when s.owner_id is not null"
				+ " and exists (select 1 from sl_service_department d where d.service_id = s.id)"
				+ " and l.objective is not null and l.scope is not null and l.service_hours is not null"
				+ " and l.content is not null and l.effect is not null and l.security is not null"
				+ " and exists (select 1 from sl_target t where t.level_id = l.id and t.resolution_minutes is not null)"
				+ " then 1 else 0 end from sl_service s left join sl_level l on l.service_id = s.id"
				+ " where s.active = true order by s.code", new MapSqlParameterSource(),
				(rs, n) -> new RecordRef("service", rs.getLong(1), rs.getString(2), rs.getInt(3) == 1));
		return IndicatorValue.share("8.3.1-1", period.label(), records.stream().filter(RecordRef::counted).count(),
				records.size(), records);
	}

	private IndicatorValue attainment(ReportingPeriod period) {
		MapSqlParameterSource p = new MapSqlParameterSource("from", period.start(this.zone).atOffset(ZoneOffset.UTC))
			.addValue("to", period.end(this.zone).atOffset(ZoneOffset.UTC));
		List<RecordRef> records = new ArrayList<>(this.jdbc.query(
				"select item_id, kind, outcome from sl_clock where kind <> 'OLA' and outcome is not null"
						+ " and stopped_at >= :from and stopped_at < :to order by id",
				p,
				(rs, n) -> new RecordRef("workItem", rs.getLong(1), rs.getString(2), "MET".equals(rs.getString(3)))));
		return IndicatorValue.share("8.3.1-2", period.label(), records.stream().filter(RecordRef::counted).count(),
				records.size(), records);
	}

	/**
	 * Clocks of one kind of incidents and requests stopped in the period: the share met.
	 */
	private IndicatorValue timeliness(String code, String kind, ReportingPeriod period) {
		List<RecordRef> records = this.jdbc.query(
				"select item_id, kind, outcome from sl_clock where kind = :kind and item_type in ('incident', 'request')"
						+ " and outcome in ('MET', 'BREACHED') and stopped_at >= :from and stopped_at < :to order by id",
				range(period).addValue("kind", kind),
				(rs, n) -> new RecordRef("workItem", rs.getLong(1), rs.getString(2), "MET".equals(rs.getString(3))));
		return IndicatorValue.share(code, period.label(), records.stream().filter(RecordRef::counted).count(),
				records.size(), records);
	}

	/** Incidents resolved in the period: the share whose every clock met its target. */
	private IndicatorValue incidentAttainment(ReportingPeriod period) {
		List<RecordRef> records = this.jdbc.query("select r.item_id, case when exists (select 1 from sl_clock b"
				+ " where b.item_id = r.item_id and b.kind in ('RESPONSE', 'RESOLUTION') and b.outcome = 'BREACHED')"
				+ " then 0 else 1 end from sl_clock r where r.item_type = 'incident' and r.kind = 'RESOLUTION'"
				+ " and r.outcome in ('MET', 'BREACHED') and r.stopped_at >= :from and r.stopped_at < :to order by r.id",
				range(period), (rs, n) -> new RecordRef("workItem", rs.getLong(1), "incident", rs.getInt(2) == 1));
		return IndicatorValue.share("8.3.3-1", period.label(), records.stream().filter(RecordRef::counted).count(),
				records.size(), records);
	}

	private MapSqlParameterSource range(ReportingPeriod period) {
		return new MapSqlParameterSource("from", period.start(this.zone).atOffset(ZoneOffset.UTC)).addValue("to",
				period.end(this.zone).atOffset(ZoneOffset.UTC));
	}

}
