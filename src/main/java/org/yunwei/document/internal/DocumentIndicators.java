package org.yunwei.document.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;
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
 * The indicators of controlled documents.
 * <ul>
 * <li>8.4.1-2 例行操作SOP的数量: the SOPs for routine operations (documents of type SOP linked
 * to clause 8.4.1) with an approved version in effect at the end of the period. The SOPs
 * not in effect then (drafts, awaiting approval, withdrawn) are listed beside them as not
 * counted.</li>
 * <li>6-1 运维计划的完整性, 6-2 质量管理计划的完整性, 6-3 资源管理计划的覆盖度: over the plans of that kind with a
 * version in effect at the end of the period, the share of the sections their kind
 * requires that the version in effect has written. Each section of each plan is a record
 * of the drill-down; with no plan in effect the value is 0 over the kind's sections.</li>
 * </ul>
 */
@Component
@Transactional(readOnly = true)
class DocumentIndicators implements IndicatorSource {

	static final String SOP_COUNT = "8.4.1-2";

	private final NamedParameterJdbcTemplate jdbc;

	private final ZoneId zone;

	private final org.springframework.context.MessageSource messages;

	DocumentIndicators(NamedParameterJdbcTemplate jdbc, org.springframework.context.MessageSource messages,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.zone = ZoneId.of(zone);
	}

	private static final String IN_EFFECT = "v.state in ('EFFECTIVE', 'SUPERSEDED') and v.effective_on < :endDay"
			+ " and v.approved_at < :end and (v.superseded_at is null or v.superseded_at >= :end)";

	@Override
	public List<IndicatorDefinition> indicators() {
		return List.of(plan(org.yunwei.document.PlanKind.OPERATIONS, "运维计划的完整性", "运维计划", "O&M plan",
				"运维体系总体设计、服务目录与服务级别、团队与岗位、保障资源、网络安全、过程管理与职责协作、关键指标、内部审核与管理评审、外包管理（6.1 a–i）",
				"overall design, service catalogue and levels, teams and posts, support resources, cyber security, process"
						+ " management, key indicators, internal audit and management review, outsourcing (6.1 a–i)"),
				plan(org.yunwei.document.PlanKind.QUALITY, "质量管理计划的完整性", "质量管理计划", "quality management plan",
						"质量目标、质量指标与测量方法、监测与评价、内部审核、用户满意度调查、合规自检、管理评审、不符合与纠正预防措施、持续改进（第 9、10 章）",
						"quality objectives, measures, monitoring and evaluation, internal audit, user satisfaction surveys,"
								+ " compliance self-check, management review, nonconformity and corrective action,"
								+ " continual improvement (chapters 9 and 10)"),
				plan(org.yunwei.document.PlanKind.RESOURCES, "资源管理计划的覆盖度", "资源管理计划", "resource management plan",
						"资金、人力、技术、工具、备件库、知识库、资产、服务台（第 7 章）",
						"funding, people, technology, tools, spare parts, knowledge, assets, service desk (chapter 7)"),
				new IndicatorDefinition("9.1-3", "分析与评价报告内容完整度",
						"期内批准的分析与评价报告（类型为报告、种类为分析与评价报告的受控文件）中，已填写的章节数 ÷ 应有章节数；应有章节：运维目标及指标完成情况、服务级别协议执行情况、运维制度规范执行情况、运维支持及实施结果与目标的适宜性、考核评价（9.1.1 a–e）。期内无报告时为 0。",
						"Sections written ÷ sections required over the analysis-and-evaluation reports approved in the"
								+ " period (controlled documents of type report, of that kind); required sections: objectives"
								+ " and indicators, SLA execution, policies followed, suitability of results, appraisal"
								+ " (9.1.1 a–e). With no report the value is 0.",
						"%"),
				new IndicatorDefinition(SOP_COUNT, "例行操作SOP的数量",
						"期末处于生效状态（已批准且生效日期不晚于期末、未被替代或废止）的、关联条款 8.4.1 的 SOP 文件数",
						"SOP documents linked to clause 8.4.1 with an approved version in effect at the end of the period "
								+ "(effective on or before it, not superseded or withdrawn by then)",
						"count"));
	}

	private static IndicatorDefinition plan(org.yunwei.document.PlanKind kind, String name, String planZh,
			String planEn, String sectionsZh, String sectionsEn) {
		return new IndicatorDefinition(kind.indicator(), name,
				"期末生效的" + planZh + "（类型为计划、计划种类为" + planZh + "的受控文件）中，现行版本已填写的章节数 ÷ 应有章节数；应有章节：" + sectionsZh
						+ "。期末无生效的" + planZh + "时为 0。",
				"Sections written in the version in effect at the end of the period ÷ sections required, over the "
						+ planEn + "s in effect then (controlled documents of type plan, of that plan kind); required"
						+ " sections: " + sectionsEn + ". With no " + planEn + " in effect the value is 0.",
				"%");
	}

	@Override
	public IndicatorValue compute(String code, ReportingPeriod period) {
		for (org.yunwei.document.PlanKind kind : org.yunwei.document.PlanKind.values()) {
			if (kind.indicator().equals(code)) {
				return plans(kind, period);
			}
		}
		if (!SOP_COUNT.equals(code)) {
			throw NotFound.of("indicator", code);
		}
		MapSqlParameterSource p = new MapSqlParameterSource("endDay", period.to())
			.addValue("end", period.end(this.zone).atOffset(ZoneOffset.UTC))
			.addValue("createdBy", period.end(this.zone).atOffset(ZoneOffset.UTC));
		List<RecordRef> records = this.jdbc.query("select d.id, d.number, d.title, case when exists (select 1"
				+ " from doc_version v where v.document_id = d.id and v.state in ('EFFECTIVE', 'SUPERSEDED')"
				+ " and v.effective_on < :endDay and v.approved_at < :end"
				+ " and (v.superseded_at is null or v.superseded_at >= :end)) then 1 else 0 end from doc_document d"
				+ " where d.type = 'SOP' and d.created_at < :createdBy"
				+ " and exists (select 1 from doc_clause c where c.document_id = d.id and c.clause = '8.4.1')"
				+ " order by d.number", p,
				(rs, n) -> new RecordRef("document", rs.getLong(1), rs.getString(2) + " " + rs.getString(3),
						rs.getInt(4) == 1));
		return IndicatorValue.count(code, period.label(), records);
	}

	private IndicatorValue plans(org.yunwei.document.PlanKind kind, ReportingPeriod period) {
		MapSqlParameterSource p = new MapSqlParameterSource("endDay", period.to())
			.addValue("end", period.end(this.zone).atOffset(ZoneOffset.UTC))
			.addValue("kind", kind.name());
		p.addValue("start", period.start(this.zone).atOffset(ZoneOffset.UTC)).addValue("type", kind.type().name());
		String when = kind.periodic()
				? "v.state in ('EFFECTIVE', 'SUPERSEDED') and v.approved_at >= :start and" + " v.approved_at < :end"
				: IN_EFFECT;
		List<java.util.Map<String, Object>> plans = this.jdbc.queryForList("select d.id, d.number, d.title, v.id as"
				+ " version_id, v.label from doc_document d join doc_version v on v.document_id = d.id where d.type ="
				+ " :type and d.plan_kind = :kind and " + when + " order by d.number", p);
		java.util.Map<Long, java.util.Set<String>> written = new java.util.HashMap<>();
		if (!plans.isEmpty()) {
			this.jdbc.query("select version_id, section_key from doc_version_section where version_id in (:ids)",
					new MapSqlParameterSource("ids", plans.stream().map((r) -> r.get("version_id")).toList()), (rs) -> {
						written.computeIfAbsent(rs.getLong(1), (k) -> new java.util.HashSet<>()).add(rs.getString(2));
					});
		}
		List<RecordRef> records = new java.util.ArrayList<>();
		long filled = 0;
		for (java.util.Map<String, Object> plan : plans) {
			long id = ((Number) plan.get("id")).longValue();
			java.util.Set<String> keys = written.getOrDefault(((Number) plan.get("version_id")).longValue(),
					java.util.Set.of());
			for (String section : kind.sections()) {
				boolean done = keys.contains(section);
				filled += done ? 1 : 0;
				records.add(new RecordRef("document", id,
						plan.get("number") + " v" + plan.get("label") + " " + plan.get("title") + " · " + this.messages
							.getMessage(kind.sectionKey(section), null, section, java.util.Locale.SIMPLIFIED_CHINESE),
						done));
			}
		}
		long required = (long) kind.sections().size() * Math.max(1, plans.size());
		return IndicatorValue.share(kind.indicator(), period.label(), filled, required, records);
	}

}
