package org.yunwei.workitem.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.yunwei.workitem.WorkItemTypes;

/**
 * The process tool's indicators (7.4.2.2): 7.4.2-1 过程管理流程的覆盖率 — of the O&M processes the
 * standard names, the share run in this tool with an active workflow; 7.4.2-2 过程记录的完整性 —
 * of the records of those processes completed in the period (not the approvals and
 * reviews of documents, which hold no assignee or group by nature), the share that name a
 * requester, an assignee and a group, say what was asked (a description) and record what
 * was done (a comment or a work note).
 */
@Component
@Transactional(readOnly = true)
class WorkItemIndicators implements IndicatorSource {

	/**
	 * The processes the standard names (7.4.2 b and chapter 8), by the type that runs
	 * each.
	 */
	static final Map<String, String> PROCESSES = new LinkedHashMap<>();

	static {
		PROCESSES.put("incident", "事件管理 (8.3.3)");
		PROCESSES.put("problem", "问题管理 (8.3.4)");
		PROCESSES.put("configuration", "配置管理 (8.3.5)");
		PROCESSES.put("change", "变更管理 (8.3.6)");
		PROCESSES.put("release", "发布管理 (8.3.7)");
		PROCESSES.put("knowledge", "知识管理 (7.6.1)");
		PROCESSES.put("request", "响应支持 (8.4.2)");
		PROCESSES.put("routine", "例行操作 (8.4.1)");
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final WorkItemTypes types;

	private final ZoneId zone;

	WorkItemIndicators(NamedParameterJdbcTemplate jdbc, WorkItemTypes types,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.types = types;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public List<IndicatorDefinition> indicators() {
		return List.of(new IndicatorDefinition("7.4.2-1", "过程管理流程的覆盖率",
				"已在本平台以启用的流程运行的运维过程数 ÷ 标准要求的运维过程数（事件、问题、配置、变更、发布、知识、响应支持、例行操作）",
				"Processes run in this tool with an active workflow ÷ the O&M processes the standard names "
						+ "(incident, problem, configuration, change, release, knowledge, response support, routine)",
				"%"),
				new IndicatorDefinition("7.4.2-2", "过程记录的完整性",
						"期间内完成的各运维过程记录中，请求人、处理人、处理组、描述和处理记录（评论或工作记录）齐全的记录数 ÷ 期间内完成的各运维过程记录数",
						"Records of the O&M processes completed in the period that name a requester, an assignee and a "
								+ "group, have a description and a comment or work note ÷ those records completed in the period",
						"%"));
	}

	@Override
	public IndicatorValue compute(String code, ReportingPeriod period) {
		if ("7.4.2-1".equals(code)) {
			return coverage(period);
		}
		if ("7.4.2-2".equals(code)) {
			return completeness(period);
		}
		throw NotFound.of("indicator", code);
	}

	private IndicatorValue coverage(ReportingPeriod period) {
		Set<String> active = Set
			.copyOf(this.jdbc.queryForList("select distinct type_code from wi_workflow where active = true",
					new MapSqlParameterSource(), String.class));
		List<RecordRef> records = new ArrayList<>();
		int covered = 0;
		int i = 0;
		for (Map.Entry<String, String> p : PROCESSES.entrySet()) {
			boolean runs = this.types.all().stream().anyMatch((t) -> t.code().equals(p.getKey()))
					&& active.contains(p.getKey());
			if (runs) {
				covered++;
			}
			records.add(new RecordRef("process", ++i, p.getValue(), runs));
		}
		return IndicatorValue.share("7.4.2-1", period.label(), covered, PROCESSES.size(), records);
	}

	private IndicatorValue completeness(ReportingPeriod period) {
		MapSqlParameterSource p = new MapSqlParameterSource("from",
				period.start(this.zone).atOffset(java.time.ZoneOffset.UTC))
			.addValue("to", period.end(this.zone).atOffset(java.time.ZoneOffset.UTC))
			.addValue("types", PROCESSES.keySet());
		List<RecordRef> records = this.jdbc.query("select i.id, i.number, case when i.requester_id is not null"
				+ " and i.assignee_id is not null and i.group_id is not null and i.description is not null"
				+ " and exists (select 1 from wi_journal j where j.item_id = i.id and j.kind in ('COMMENT', 'WORK_NOTE'))"
				+ " then 1 else 0 end from wi_item i where i.state_category = 'DONE' and i.type_code in (:types)"
				+ " and i.closed_at >= :from" + " and i.closed_at < :to order by i.id", p,
				(rs, n) -> new RecordRef("workItem", rs.getLong(1), rs.getString(2), rs.getInt(3) == 1));
		long complete = records.stream().filter(RecordRef::counted).count();
		return IndicatorValue.share("7.4.2-2", period.label(), complete, records.size(), records);
	}

}
