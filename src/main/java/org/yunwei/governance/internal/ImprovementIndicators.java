package org.yunwei.governance.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.yunwei.governance.Nonconformities;
import org.yunwei.platform.NotFound;
import org.yunwei.platform.ReportingPeriod;
import org.yunwei.platform.Timestamps;
import org.yunwei.platform.indicator.IndicatorDefinition;
import org.yunwei.platform.indicator.IndicatorSource;
import org.yunwei.platform.indicator.IndicatorValue;
import org.yunwei.platform.indicator.IndicatorValue.RecordRef;
import org.yunwei.workitem.WorkItemBrief;
import org.yunwei.workitem.WorkItems;

/**
 * The indicators of improvement (10.1, 10.2), from the nonconformities and their actions.
 * <ul>
 * <li>10.1-1 不符合纠正完成率: nonconformities due in the period (not cancelled) that were closed
 * — verified effective — by their due time.</li>
 * <li>10.1-2 不符合纠正有效度: nonconformities first verified in the period that the first
 * verification found effective.</li>
 * <li>10.2-1 持续改进计划完成度: corrective and preventive actions due in the period (not
 * cancelled) done by their due time.</li>
 * <li>10.2-2 持续改进记录完整性: nonconformities closed in the period whose record has every
 * element — clause, cause, corrective action, department, owner, deadline, at least one
 * action, the verification.</li>
 * </ul>
 */
@Component
@Transactional(readOnly = true)
class ImprovementIndicators implements IndicatorSource {

	private final NamedParameterJdbcTemplate jdbc;

	private final WorkItems items;

	private final ZoneId zone;

	ImprovementIndicators(NamedParameterJdbcTemplate jdbc, WorkItems items,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.items = items;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public List<IndicatorDefinition> indicators() {
		return List.of(
				new IndicatorDefinition("10.1-1", "不符合纠正完成率", "期内到期（未撤销）的不符合项中，在到期前已验证有效并关闭的数量 ÷ 期内到期的不符合项数",
						"Nonconformities due in the period (not cancelled) closed — verified effective — by their due"
								+ " time ÷ nonconformities due in the period",
						"%"),
				new IndicatorDefinition("10.1-2", "不符合纠正有效度", "期内首次验证的不符合项中，首次验证即判定措施有效的数量 ÷ 期内首次验证的不符合项数",
						"Nonconformities first verified in the period whose first verification found the actions"
								+ " effective ÷ nonconformities first verified in the period",
						"%"),
				new IndicatorDefinition("10.2-1", "持续改进计划完成度", "期内到期（未撤销）的纠正、预防措施中按期完成的数量 ÷ 期内到期的措施数",
						"Corrective and preventive actions due in the period (not cancelled) done by their due time ÷"
								+ " actions due in the period",
						"%"),
				new IndicatorDefinition("10.2-2", "持续改进记录完整性",
						"期内关闭的不符合项中，记录要素齐全（对应条款、原因、纠正措施、责任部门、责任人、期限、至少一项措施、验证结论）的数量 ÷ 期内关闭的不符合项数",
						"Nonconformities closed in the period whose record has every element (clause, cause, corrective"
								+ " action, department, owner, deadline, at least one action, the verification) ÷"
								+ " nonconformities closed in the period",
						"%"));
	}

	@Override
	public IndicatorValue compute(String code, ReportingPeriod period) {
		Instant from = period.start(this.zone);
		Instant to = period.end(this.zone);
		return switch (code) {
			case "10.1-1" -> dueOnTime(code, period, Nonconformities.TYPE, from, to, true);
			case "10.2-1" -> dueOnTime(code, period, Nonconformities.ACTION_TYPE, from, to, false);
			case "10.1-2" -> effectiveness(code, period, from, to);
			case "10.2-2" -> completeness(code, period, from, to);
			default -> throw NotFound.of("indicator", code);
		};
	}

	private IndicatorValue dueOnTime(String code, ReportingPeriod period, String type, Instant from, Instant to,
			boolean mustBeEffective) {
		List<WorkItems.DueRecord> due = this.items.dueBetween(type, from, to);
		Map<Long, Instant> verified = new java.util.HashMap<>();
		if (mustBeEffective && !due.isEmpty()) {
			this.jdbc.query(
					"select item_id, verified_at from gov_nonconformity where effective = true and item_id in"
							+ " (:ids)",
					new MapSqlParameterSource("ids", due.stream().map(WorkItems.DueRecord::id).toList()), (rs) -> {
						verified.put(rs.getLong(1), Timestamps.instant(rs.getObject(2)));
					});
		}
		List<RecordRef> records = new ArrayList<>();
		long n = 0;
		for (WorkItems.DueRecord d : due) {
			boolean ok;
			if (mustBeEffective) {
				Instant closed = verified.get(d.id());
				ok = closed != null && !closed.isAfter(d.dueAt());
			}
			else {
				ok = d.onTime();
			}
			n += ok ? 1 : 0;
			records.add(new RecordRef("workItem", d.id(), d.number(), ok));
		}
		return IndicatorValue.share(code, period.label(), n, due.size(), records);
	}

	private IndicatorValue effectiveness(String code, ReportingPeriod period, Instant from, Instant to) {
		List<Object[]> rows = this.jdbc.query(
				"select item_id, first_effective from gov_nonconformity where"
						+ " first_verified_at >= :from and first_verified_at < :to order by first_verified_at, item_id",
				new MapSqlParameterSource("from", Timestamps.utc(from)).addValue("to", Timestamps.utc(to)),
				(rs, i) -> new Object[] { rs.getLong(1), rs.getBoolean(2) });
		Map<Long, WorkItemBrief> briefs = this.items.briefs(rows.stream().map((r) -> (Long) r[0]).toList());
		List<RecordRef> records = new ArrayList<>();
		long n = 0;
		for (Object[] r : rows) {
			boolean ok = (Boolean) r[1];
			n += ok ? 1 : 0;
			WorkItemBrief b = briefs.get((Long) r[0]);
			records.add(new RecordRef("workItem", (Long) r[0], (b == null) ? String.valueOf(r[0]) : b.number(), ok));
		}
		return IndicatorValue.share(code, period.label(), n, rows.size(), records);
	}

	private IndicatorValue completeness(String code, ReportingPeriod period, Instant from, Instant to) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select * from gov_nonconformity where effective ="
						+ " true and verified_at >= :from and verified_at < :to order by verified_at, item_id",
				new MapSqlParameterSource("from", Timestamps.utc(from)).addValue("to", Timestamps.utc(to)));
		List<Long> ids = rows.stream().map((r) -> ((Number) r.get("item_id")).longValue()).toList();
		Map<Long, WorkItemBrief> briefs = this.items.briefs(ids);
		Map<Long, Instant> dues = new java.util.HashMap<>();
		this.items.dueOf(ids).forEach(dues::put);
		Map<Long, Integer> actions = new java.util.HashMap<>();
		this.items.linkCounts(ids, org.yunwei.workitem.LinkKind.PARENT_OF, Nonconformities.ACTION_TYPE)
			.forEach(actions::put);
		List<RecordRef> records = new ArrayList<>();
		long n = 0;
		for (Map<String, Object> r : rows) {
			long id = ((Number) r.get("item_id")).longValue();
			WorkItemBrief b = briefs.get(id);
			boolean ok = r.get("clause") != null && filled(r.get("cause")) && filled(r.get("corrective_action"))
					&& r.get("department_id") != null && b != null && b.assigneeId() != null && dues.get(id) != null
					&& actions.getOrDefault(id, 0) > 0 && filled(r.get("verification"));
			n += ok ? 1 : 0;
			records.add(new RecordRef("workItem", id, (b == null) ? String.valueOf(id) : b.number(), ok));
		}
		return IndicatorValue.share(code, period.label(), n, rows.size(), records);
	}

	private static boolean filled(Object s) {
		return s instanceof String t && !t.isBlank();
	}

}
