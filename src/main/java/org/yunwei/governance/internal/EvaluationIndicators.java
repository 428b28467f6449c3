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
 * The indicators of internal audit (9.2) and management review (9.4).
 * <ul>
 * <li>9.2-1 内部审核覆盖范围的完整性、适宜性: the objects of the year's audit programme (leaf clauses;
 * all of them when the year has no programme) in the scope of an internal audit completed
 * in the period, over all the objects.</li>
 * <li>9.2-2 不符合项记录及纠正措施的完整性、适宜性: audit findings (nonconformities of source AUDIT) raised
 * in the period whose record has its department, owner, deadline, cause and corrective
 * action.</li>
 * <li>9.3-1 运行维护工作合规率: in the compliance self-checks completed in the period, the
 * checklist points — one per policy or procedure in effect — found conforming (recorded
 * done and not abnormal).</li>
 * <li>9.3-2 合规风险事件数量: compliance risk events reported in the period (those cancelled as
 * not being one listed, not counted).</li>
 * <li>9.4-1 管理评审过程记录的完整性、准确性: reviews held in the period whose record has every element —
 * planned and held dates, a chair, the attendees, the input period, the conclusions on
 * suitability, adequacy and effectiveness, the resolutions.</li>
 * <li>9.4-2 管理评审提出的问题记录及纠正、预防措施的完整性、适宜性: problems raised by reviews (nonconformities of
 * source REVIEW) in the period whose record has its department, owner, deadline, cause
 * and corrective action.</li>
 * </ul>
 */
@Component
@Transactional(readOnly = true)
class EvaluationIndicators implements IndicatorSource {

	private final NamedParameterJdbcTemplate jdbc;

	private final WorkItems items;

	private final ZoneId zone;

	private final org.yunwei.governance.StandardCatalogue catalogue;

	private final org.yunwei.workitem.Checklists checklists;

	private final org.yunwei.governance.AuditProgrammes programmes;

	EvaluationIndicators(NamedParameterJdbcTemplate jdbc, WorkItems items,
			org.yunwei.governance.StandardCatalogue catalogue, org.yunwei.workitem.Checklists checklists,
			org.yunwei.governance.AuditProgrammes programmes, @Value("${yunwei.time-zone:Asia/Shanghai}") String zone) {
		this.catalogue = catalogue;
		this.checklists = checklists;
		this.programmes = programmes;
		this.jdbc = jdbc;
		this.items = items;
		this.zone = ZoneId.of(zone);
	}

	@Override
	public List<IndicatorDefinition> indicators() {
		return List.of(new IndicatorDefinition("9.2-1", "内部审核覆盖范围的完整性、适宜性",
				"年度内部审核方案的审核对象（末级条款；未制定方案时为全部末级条款）中，被期内完成的内部审核覆盖的数量 ÷ 审核对象总数",
				"Objects of the year's internal audit programme (leaf clauses; all of them without a programme) in"
						+ " the scope of an internal audit completed in the period ÷ all its objects",
				"%"),
				new IndicatorDefinition("9.2-2", "不符合项记录及纠正措施的完整性、适宜性",
						"期内内部审核发现的不符合项中，责任部门、责任人、完成期限、原因分析和纠正措施齐全的数量 ÷ 期内审核发现的不符合项数",
						"Internal audit findings raised in the period with their department, owner, deadline, cause"
								+ " analysis and corrective action ÷ findings raised",
						"%"),
				new IndicatorDefinition("9.3-1", "运行维护工作合规率", "期内完成的合规自检中，检查项（每项对应一份现行制度或程序）判定为符合（已完成且无异常）的数量 ÷ 检查项总数",
						"Checklist points of the compliance self-checks completed in the period (one per policy or"
								+ " procedure in effect) found conforming — done and not abnormal — ÷ all their points",
						"%"),
				new IndicatorDefinition("9.3-2", "合规风险事件数量", "期内报告的合规风险事件数（撤销为非合规风险事件的列出但不计入）",
						"Compliance risk events reported in the period (those cancelled as not being one are listed, not"
								+ " counted)",
						"count"),
				new IndicatorDefinition("9.4-1", "管理评审过程记录的完整性、准确性",
						"期内召开的管理评审中，记录要素齐全（计划日期、召开日期、主持人、参加人员、输入材料期间、对适宜性、充分性和有效性的结论、正式决议）的数量 ÷ 期内召开的管理评审数",
						"Management reviews held in the period whose record has every element (planned and held dates, chair,"
								+ " attendees, input period, conclusions on suitability, adequacy and effectiveness,"
								+ " resolutions) ÷ reviews held in the period",
						"%"),
				new IndicatorDefinition("9.4-2", "管理评审提出的问题记录及纠正、预防措施的完整性、适宜性",
						"期内管理评审提出的问题（来源为管理评审的不符合项）中，责任部门、责任人、完成期限、原因分析和纠正措施齐全的数量 ÷ 期内提出的问题数",
						"Problems raised by management reviews in the period (nonconformities of source review) with their"
								+ " department, owner, deadline, cause analysis and corrective action ÷ problems raised",
						"%"));
	}

	@Override
	public IndicatorValue compute(String code, ReportingPeriod period) {
		return switch (code) {
			case "9.2-1" -> coverage(code, period);
			case "9.2-2" -> problems(code, period, "AUDIT");
			case "9.3-1" -> compliance(code, period);
			case "9.3-2" -> riskEvents(code, period);
			case "9.4-1" -> reviews(code, period);
			case "9.4-2" -> problems(code, period, "REVIEW");
			default -> throw NotFound.of("indicator", code);
		};
	}

	private IndicatorValue reviews(String code, ReportingPeriod period) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select * from gov_review where held_on >= :from and" + " held_on < :to order by held_on, item_id",
				new MapSqlParameterSource("from", period.from()).addValue("to", period.to()));
		Map<Long, WorkItemBrief> briefs = this.items
			.briefs(rows.stream().map((r) -> ((Number) r.get("item_id")).longValue()).toList());
		List<RecordRef> records = new ArrayList<>();
		long n = 0;
		for (Map<String, Object> r : rows) {
			long id = ((Number) r.get("item_id")).longValue();
			boolean ok = r.get("planned_on") != null && r.get("chair_id") != null && filled(r.get("attendees"))
					&& filled(r.get("input_period")) && filled(r.get("suitability")) && filled(r.get("adequacy"))
					&& filled(r.get("effectiveness")) && filled(r.get("resolutions"));
			n += ok ? 1 : 0;
			records.add(new RecordRef("workItem", id, label(briefs.get(id), id), ok));
		}
		return IndicatorValue.share(code, period.label(), n, rows.size(), records);
	}

	private IndicatorValue compliance(String code, ReportingPeriod period) {
		List<WorkItems.Lifecycle> closed = this.items
			.lifecycles("selfcheck", WorkItems.Milestone.CLOSED, period.start(this.zone), period.end(this.zone))
			.stream()
			.filter((l) -> l.category() == org.yunwei.workitem.StateCategory.DONE)
			.toList();
		Map<Long, String> numbers = new java.util.HashMap<>();
		closed.forEach((l) -> numbers.put(l.id(), l.number()));
		List<RecordRef> records = new ArrayList<>();
		long n = 0;
		for (org.yunwei.workitem.Checklists.PointFact p : this.checklists.facts(numbers.keySet())) {
			boolean ok = p.done() && !p.anomaly();
			n += ok ? 1 : 0;
			records.add(new RecordRef("workItem", p.itemId(), numbers.get(p.itemId()) + " · " + p.text(), ok));
		}
		return IndicatorValue.share(code, period.label(), n, records.size(), records);
	}

	private IndicatorValue riskEvents(String code, ReportingPeriod period) {
		List<RecordRef> records = this.items
			.lifecycles("riskevent", WorkItems.Milestone.OPENED, period.start(this.zone), period.end(this.zone))
			.stream()
			.map((l) -> new RecordRef("workItem", l.id(), l.number(),
					l.category() != org.yunwei.workitem.StateCategory.CANCELLED))
			.toList();
		return IndicatorValue.count(code, period.label(), records);
	}

	private IndicatorValue coverage(String code, ReportingPeriod period) {
		List<Long> closed = this.items
			.lifecycles(org.yunwei.governance.InternalAudits.TYPE, WorkItems.Milestone.CLOSED, period.start(this.zone),
					period.end(this.zone))
			.stream()
			.filter((l) -> l.category() == org.yunwei.workitem.StateCategory.DONE)
			.map(WorkItems.Lifecycle::id)
			.toList();
		java.util.Set<String> covered = new java.util.HashSet<>();
		if (!closed.isEmpty()) {
			this.jdbc
				.queryForList("select clauses from gov_audit where clauses is not null and item_id in (:ids)",
						new MapSqlParameterSource("ids", closed), String.class)
				.forEach((c) -> covered.addAll(java.util.Arrays.asList(c.split(","))));
		}
		List<org.yunwei.platform.standard.Clause> leaves = this.programmes.scope(period.from().getYear())
			.orElseGet(this.catalogue::leaves);
		List<RecordRef> records = new ArrayList<>();
		long n = 0;
		for (org.yunwei.platform.standard.Clause c : leaves) {
			boolean in = covered.contains(c.number());
			n += in ? 1 : 0;
			records.add(new RecordRef("clause", this.catalogue.clauses().position(c.number()),
					c.number() + " " + c.titleZh(), in));
		}
		return IndicatorValue.share(code, period.label(), n, leaves.size(), records);
	}

	private IndicatorValue problems(String code, ReportingPeriod period, String source) {
		Instant from = period.start(this.zone);
		Instant to = period.end(this.zone);
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select * from gov_nonconformity where source = :source"
						+ " and created_at >= :from and created_at < :to order by created_at, item_id",
				new MapSqlParameterSource("from", Timestamps.utc(from)).addValue("to", Timestamps.utc(to))
					.addValue("source", source));
		List<Long> ids = rows.stream().map((r) -> ((Number) r.get("item_id")).longValue()).toList();
		Map<Long, WorkItemBrief> briefs = this.items.briefs(ids);
		Map<Long, Instant> dues = this.items.dueOf(ids);
		List<RecordRef> records = new ArrayList<>();
		long n = 0;
		for (Map<String, Object> r : rows) {
			long id = ((Number) r.get("item_id")).longValue();
			WorkItemBrief b = briefs.get(id);
			boolean ok = r.get("department_id") != null && b != null && b.assigneeId() != null && dues.get(id) != null
					&& filled(r.get("cause")) && filled(r.get("corrective_action"));
			n += ok ? 1 : 0;
			records.add(new RecordRef("workItem", id, label(b, id), ok));
		}
		return IndicatorValue.share(code, period.label(), n, rows.size(), records);
	}

	private static String label(WorkItemBrief b, long id) {
		return (b == null) ? String.valueOf(id) : b.number() + " " + b.title();
	}

	private static boolean filled(Object s) {
		return s instanceof String t && !t.isBlank();
	}

}
