package org.yunwei.governance.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.yunwei.governance.ClauseStatus;
import org.yunwei.governance.Conformance;
import org.yunwei.governance.Governance;
import org.yunwei.governance.Nonconformities;
import org.yunwei.governance.NonconformityView;
import org.yunwei.governance.StoredValue;
import org.yunwei.platform.HistoryClock;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.workitem.TransitionRequest;
import org.yunwei.workitem.WorkItemBrief;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * The demo's conformance engine ({@code YUNWEI_DEMO=true}), after every other module's
 * demo and the service desk's history (order 70): the documents for most clauses, the
 * monitoring plan, the key indicators computed at the end of each of the last three
 * months, as the period-end job would have (each value below target raising its
 * investigation then); the oldest investigation of the change indicators taken through
 * analysis, action and verification to closure, another one under way; the management
 * representative's assessments of the organisational clauses of chapters 4 and 5; last
 * month's management review with its resolutions and a problem it raised; today's chapter
 * scores.
 */
@Component
@Order(90)
class GovernanceDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(GovernanceDemo.class);

	private final boolean enabled;

	private final ZoneId zone;

	private final Directory directory;

	private final AccessControl access;

	private final Governance governance;

	private final Conformance conformance;

	private final Nonconformities nonconformities;

	private final WorkItems items;

	private final org.yunwei.governance.StandardCatalogue catalogue;

	private final org.yunwei.governance.Monitoring monitoring;

	private final org.yunwei.governance.ManagementReviews reviews;

	private final org.yunwei.governance.InternalAudits audits;

	private final org.yunwei.workitem.Checklists checklists;

	private final org.yunwei.governance.AuditProgrammes programmes;

	private final org.yunwei.governance.Surveys surveys;

	private final org.yunwei.governance.Compliance compliance;

	private final org.yunwei.document.DocumentManagement documents;

	GovernanceDemo(@Value("${yunwei.demo:false}") boolean enabled,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone, Directory directory, AccessControl access,
			Governance governance, Conformance conformance, Nonconformities nonconformities, WorkItems items,
			org.yunwei.governance.StandardCatalogue catalogue, org.yunwei.document.DocumentManagement documents,
			org.yunwei.governance.Monitoring monitoring, org.yunwei.governance.ManagementReviews reviews,
			org.yunwei.governance.InternalAudits audits, org.yunwei.workitem.Checklists checklists,
			org.yunwei.governance.AuditProgrammes programmes, org.yunwei.governance.Surveys surveys,
			org.yunwei.governance.Compliance compliance) {
		this.compliance = compliance;
		this.programmes = programmes;
		this.surveys = surveys;
		this.audits = audits;
		this.checklists = checklists;
		this.catalogue = catalogue;
		this.monitoring = monitoring;
		this.reviews = reviews;
		this.documents = documents;
		this.enabled = enabled;
		this.zone = ZoneId.of(zone);
		this.directory = directory;
		this.access = access;
		this.governance = governance;
		this.conformance = conformance;
		this.nonconformities = nonconformities;
		this.items = items;
	}

	@Override
	public void run(ApplicationArguments args) {
		Long head = this.directory.userId("ithead").orElse(null);
		Long rep = this.directory.userId("deputy").orElse(null);
		Long manager = this.directory.userId("manager").orElse(null);
		if (!this.enabled || head == null || rep == null || manager == null) {
			return;
		}
		YearMonth current = YearMonth.from(LocalDate.now(this.zone));
		if (!this.access.runAs(head, () -> this.governance.period(current.minusMonths(1).toString())).isEmpty()) {
			return;
		}
		long started = System.currentTimeMillis();
		int documented = documents(head, manager);
		// the monitoring plan, since the start of the year: every computed indicator each
		// month, by the O&M manager
		at(LocalDate.now(this.zone).withDayOfYear(1).atTime(9, 0), () -> this.access.runAs(head, () -> {
			for (org.yunwei.governance.IndicatorSpec spec : this.catalogue.indicators()) {
				if (this.governance.isComputed(spec.code())) {
					this.monitoring.save(spec.code(), org.yunwei.governance.IndicatorSpec.Period.MONTH, manager);
				}
			}
			return null;
		}));
		// the year's audit programme: rolling, every leaf clause, the management
		// representative responsible
		at(LocalDate.now(this.zone).withDayOfYear(1).atTime(10, 0),
				() -> this.access.runAs(head,
						() -> this.programmes.save(current.getYear(),
								new org.yunwei.governance.AuditProgrammes.Programme(
										org.yunwei.governance.AuditProgrammes.Method.ROLLING, List.of(),
										"每年对运行维护服务能力体系的全部末级条款至少审核一次；按季度滚动安排，重点关注变更、事件和配置管理。", rep, 0))));
		audit(rep, manager, current.minusMonths(2));
		// the next audit of the programme, for evaluation and improvement
		LocalDateTime due = LocalDate.now(this.zone).plusDays(20).atTime(17, 0);
		LocalDateTime next = (due.getYear() == current.getYear()) ? due
				: LocalDate.of(current.getYear(), 12, 28).atTime(17, 0);
		this.access.runAs(rep,
				() -> this.programmes.plan(current.getYear(),
						new org.yunwei.governance.AuditProgrammes.PlannedAudit(current.getYear() + " 年内部审核：绩效评价与改进",
								List.of("9.1", "9.2", "9.3", "9.4", "10.1", "10.2"), rep,
								this.directory.departments(List.of(manager)).get(manager), next)));
		selfCheck(rep, manager, current.minusMonths(1));
		survey(rep, current.minusMonths(1));
		compliance(head, rep, manager, current);
		review(rep, manager, current.minusMonths(1));
		int values = 0;
		for (int back = 3; back >= 1; back--) {
			YearMonth month = current.minusMonths(back);
			List<StoredValue> stored = at(month.plusMonths(1).atDay(1).atTime(2, 0),
					() -> this.access.runAs(head, () -> this.governance.compute(month.toString())));
			values += stored.size();
		}
		// the oldest investigation of a change indicator, worked to verified closure
		YearMonth first = current.minusMonths(3);
		for (String code : List.of("8.3.6-3", "8.3.6-2", "8.3.6-1", "8.3.5-2", "7.8-1")) {
			String number = this.access.runAs(head, () -> this.nonconformities.forIndicator(code, first.toString()))
				.orElse(null);
			if (number != null) {
				close(number, manager, head, rep, first.plusMonths(1).atDay(3).atTime(9, 30));
				break;
			}
		}
		// the management representative's assessments of chapters 4 and 5
		this.access.runAs(rep, () -> {
			assess("4.1", ClauseStatus.MET, "查阅《运维服务能力体系建设方案》（2026 年 1 月经局长办公会审议），明确了目标、原则、组织架构和相关方职责。");
			assess("4.2", ClauseStatus.MET, "年度运维目标已写入运维服务计划，覆盖业务连续性、上级与监管要求和持续改进。");
			assess("4.3", ClauseStatus.PARTLY, "体系建设与单位发展战略一致；在相关方中的宣贯记录仅覆盖信息中心内部。");
			assess("5.1", ClauseStatus.MET, "局长签发管理者代表任命文件并主持年度管理评审；运维经费列入年度预算。");
			assess("5.2", ClauseStatus.MET, "管理者代表任命文件明确职责和权限，组织了年度管理评审。");
			assess("5.6", ClauseStatus.PARTLY, "已建立与用户部门的沟通渠道；与服务商的定期评估记录不完整。");
			return null;
		});
		this.access.runAs(head, () -> {
			this.conformance.refreshScores();
			return null;
		});
		log.info("Yunwei demo: {} controlled documents for the clauses, key indicators of the last three months"
				+ " computed ({} values), investigations raised, one closed, chapter 4–5 assessments recorded, in {} s",
				documented, values, (System.currentTimeMillis() - started) / 1000);
	}

	/**
	 * The department's other controlled documents: for about three in four of the
	 * catalogue's document rules not yet met, an approved document of that type serving
	 * the clause, in effect since the start of the year — the rest are the gaps the
	 * clause tree shows.
	 */
	private int documents(long head, long manager) {
		java.util.Set<String> have = new java.util.HashSet<>();
		this.access.runAs(head, () -> this.documents.inEffect())
			.forEach((d) -> d.clauses().forEach((c) -> have.add(d.type().name() + "@" + c)));
		LocalDateTime since = LocalDate.now(this.zone).withDayOfYear(1).atTime(10, 0);
		int n = 0;
		int i = 0;
		for (org.yunwei.governance.EvidenceRule rule : this.catalogue.rules()) {
			if (rule.kind() != org.yunwei.governance.EvidenceRule.Kind.DOC
					|| have.contains(rule.argument() + "@" + rule.clause()) || (i++ % 4) == 3) {
				continue;
			}
			org.yunwei.document.DocumentType type = org.yunwei.document.DocumentType.valueOf(rule.argument());
			LocalDateTime when = since.plusHours(n);
			String number = at(when, () -> this.access.runAs(manager, () -> {
				org.yunwei.document.DocumentFormData f = new org.yunwei.document.DocumentFormData();
				f.setType(type);
				f.setTitle(rule.labelZh().replaceFirst("^(现行的|经批准的|已批准并现行的)", ""));
				f.setOwnerId(manager);
				f.setClauses(new java.util.ArrayList<>(List.of(rule.clause())));
				f.setReviewMonths(12);
				f.setContent("# " + f.getTitle() + "\n\n本文件落实标准条款 " + rule.clause() + " 的要求，由运维服务主责部门编制，经运维负责人批准后执行。");
				org.yunwei.document.DocumentView d = this.documents.create(f);
				return this.documents.submit(d.id()).approvalNumber();
			}));
			at(when.plusMinutes(30), () -> this.access.runAs(head, () -> {
				long item = this.items.get(number).id();
				for (org.yunwei.workitem.ApprovalView a : this.items.approvals(item)) {
					org.yunwei.workitem.ApprovalView.Step step = a.openStepOfAny(List.of(head));
					if (step != null) {
						this.items.decide(step.id(), true, "同意发布");
					}
				}
				return null;
			}));
			n++;
		}
		return n;
	}

	/**
	 * Analysis by the O&amp;M manager, an action done, verified effective by the head.
	 */
	private void close(String number, long manager, long head, long rep, LocalDateTime when) {
		WorkItemView item = at(when, () -> this.access.runAs(head, () -> {
			WorkItemView nc = this.items.get(number);
			org.yunwei.workitem.WorkItemFormData f = org.yunwei.workitem.WorkItemFormData.of(nc, this.zone);
			f.setAssigneeId(manager);
			return this.items.update(nc.id(), f);
		}));
		at(when.plusHours(1), () -> this.access.runAs(manager, () -> {
			this.items.take(item.id(), "analyse", new TransitionRequest(null, false, null, null, null));
			NonconformityView nc = this.nonconformities.get(number);
			this.nonconformities.saveAnalysis(number,
					new Nonconformities.Analysis(nc.clause(), "紧急变更比例偏高：部分变更未提前规划，计划外需求直接以紧急变更提交；未获批准的变更在提交前缺少风险评估的预审。",
							"变更申请时由变更经理预审风险问卷，计划外需求先行评估是否确属紧急。", "每月变更例会复核紧急变更的理由。", "建立变更预审机制并纳入变更管理程序。",
							this.directory.departments(List.of(manager)).get(manager), nc.version()));
			WorkItemBrief action = this.nonconformities.addAction(number, "修订变更管理程序：增加预审环节", manager,
					when.plusDays(10));
			this.items.take(item.id(), "act", new TransitionRequest(null, false, null, null, null));
			return action;
		}));
		WorkItemBrief action = this.access.runAs(manager, () -> this.nonconformities.get(number).actions().get(0));
		at(when.plusDays(6), () -> this.access.runAs(manager, () -> {
			this.items.take(action.id(), "done", new TransitionRequest("程序已修订并经运维负责人批准发布。", false, null, null, null));
			return this.items.take(item.id(), "verify", new TransitionRequest(null, false, null, null, null));
		}));
		at(when.plusDays(20), () -> this.access.runAs(head, () -> this.items.take(item.id(), "effective",
				new TransitionRequest("抽查此后两周的 9 项变更，均经预审，无未获批准即实施的变更；措施有效。", false, null, null, null))));
	}

	/**
	 * Last month's management review: planned, held and chaired by the director with its
	 * input pack, its conclusions and resolutions, one problem raised and being followed.
	 */
	private void review(long rep, long manager, YearMonth month) {
		Long director = this.directory.userId("director").orElse(rep);
		LocalDateTime planned = month.atDay(1).atTime(9, 0);
		LocalDateTime held = month.atDay(20).atTime(14, 30);
		WorkItemView item = at(planned, () -> this.access.runAs(rep, () -> {
			org.yunwei.workitem.WorkItemFormData f = new org.yunwei.workitem.WorkItemFormData();
			f.setTitle(month.getYear() + " 年度管理评审");
			f.setDescription("按年度评审计划召开的运行维护管理体系评审（9.4）。");
			f.setAssigneeId(rep);
			f.setDueAt(held.plusDays(60));
			return this.items.create(org.yunwei.governance.ManagementReviews.TYPE, f);
		}));
		at(held.plusHours(3), () -> this.access.runAs(rep, () -> {
			org.yunwei.governance.ManagementReviews.ReviewView r = this.reviews.get(item.number());
			this.reviews.save(item.number(),
					new org.yunwei.governance.ManagementReviews.Minutes(planned.toLocalDate(), held.toLocalDate(),
							director, "王建国（主持）、李文华、陈志强、赵敏、各运维组组长", month.minusMonths(1).toString(),
							"内外部环境未发生重大变化，现有运维服务能力体系的目标和管理体系仍然适宜。", "体系基本充分；监测计划尚未覆盖由评估人评估的指标，合规自检机制需补充。",
							"体系得到有效实施：事件服务级别达成率、变更成功率保持达标；紧急变更比例偏高。",
							"一、批准本年度运维目标调整；二、第一季度完成合规自检机制建设；三、降低紧急变更比例，由运维负责人牵头，一个月内提出措施。", r.version()));
			this.items.take(item.id(), "hold", new TransitionRequest(null, false, null, null, null));
			this.items.take(item.id(), "resolve", new TransitionRequest(null, false, null, null, null));
			Long department = this.directory.departments(List.of(manager)).get(manager);
			this.reviews.raise(item.number(), "紧急变更比例偏高，需提出降低措施", "8.3.6", department, manager, held.plusDays(30));
			return null;
		}));
	}

	/**
	 * An internal audit of the service-desk processes two months ago: scoped, checked
	 * point by point, one finding raised, reported and completed.
	 */
	private void audit(long rep, long manager, YearMonth month) {
		LocalDateTime start = month.atDay(10).atTime(9, 0);
		at(start, () -> this.access.runAs(rep, () -> {
			org.yunwei.workitem.WorkItemFormData f = new org.yunwei.workitem.WorkItemFormData();
			f.setTitle(month + " 内部审核：事件、配置与变更管理");
			f.setDescription("滚动式内部审核（9.2）：本次覆盖 8.3.3、8.3.5、8.3.6。");
			f.setAssigneeId(rep);
			f.setDueAt(start.plusDays(14));
			WorkItemView item = this.items.create(org.yunwei.governance.InternalAudits.TYPE, f);
			org.yunwei.governance.InternalAudits.AuditView a = this.audits.get(item.number());
			Long department = this.directory.departments(List.of(manager)).get(manager);
			a = this.audits.save(item.number(), new org.yunwei.governance.InternalAudits.Plan(
					List.of("8.3.3", "8.3.5", "8.3.6"), department, null, a.version()));
			this.items.take(item.id(), "start", new TransitionRequest(null, false, null, null, null));
			for (org.yunwei.workitem.ChecklistPoint p : this.checklists.points(item.id())) {
				this.checklists.record(item.id(), p.seq(), true, "抽查近一个月记录 5 条，符合要求", false);
			}
			this.audits.finding(item.number(), "抽查 5 条一般变更，2 条缺少回退计划的验证记录", "8.3.6", department, manager,
					start.plusDays(40));
			this.items.take(item.id(), "report", new TransitionRequest(null, false, null, null, null));
			this.audits.save(item.number(),
					new org.yunwei.governance.InternalAudits.Plan(List.of("8.3.3", "8.3.5", "8.3.6"), department,
							"审核结论：事件管理、配置管理符合要求；变更管理发现 1 项不符合（回退计划验证记录缺失），已登记并跟踪纠正措施。本报告作为年度管理评审的输入。",
							this.audits.get(item.number()).version()));
			return this.items.take(item.id(), "close", new TransitionRequest(null, false, null, null, null));
		}));
	}

	/**
	 * The compliance posts set up at the start of the year and two compliance-risk
	 * trainings since.
	 */
	private void compliance(long head, long rep, long manager, YearMonth current) {
		LocalDate start = LocalDate.now(this.zone).withDayOfYear(1);
		at(start.atTime(11, 0), () -> this.access.runAs(head, () -> {
			this.compliance.savePost(null,
					new org.yunwei.governance.Compliance.Post("合规管理员",
							"组织识别适用的法律法规和合规义务并维护清单；制定并实施合规自检计划；登记和跟踪合规风险事件；组织合规风险防范培训。", rep, start,
							"信息中心〔" + start.getYear() + "〕1 号任命通知", true, null));
			return this.compliance.savePost(null,
					new org.yunwei.governance.Compliance.Post("信息安全合规专员", "检查等级保护、数据安全和外包人员管理要求的落实情况，参与合规自检。", manager,
							start, "信息中心〔" + start.getYear() + "〕1 号任命通知", true, null));
		}));
		List<Long> people = this.directory.activeUsers().stream().map(Directory.Entry::id).limit(14).toList();
		for (int back : new int[] { 4, 1 }) {
			LocalDate held = current.minusMonths(back).atDay(18);
			if (held.isBefore(start)) {
				continue;
			}
			at(held.atTime(16, 0),
					() -> this.access.runAs(rep,
							() -> this.compliance.recordTraining(new org.yunwei.governance.Compliance.Training(
									(back == 4) ? "运维合规风险防范培训：账号与权限管理" : "运维合规风险防范培训：数据安全与外包人员管理", held,
									java.math.BigDecimal.valueOf(2), "李文华",
									(back == 4) ? "共享账号、越权操作和特权账号审计的合规要求及典型案例。" : "数据分类分级、外包驻场人员账号管理和保密要求；结合合规风险事件复盘。",
									(back == 4) ? people : people.subList(0, Math.min(10, people.size()))))));
		}
	}

	/**
	 * Last month's user-satisfaction survey: five questions to everyone, answered by
	 * about two in three (ratings skewed to satisfied, the fault handling lowest),
	 * closed, reported and completed.
	 */
	private void survey(long rep, YearMonth month) {
		LocalDateTime start = month.atDay(2).atTime(9, 0);
		String number = at(start, () -> this.access.runAs(rep, () -> {
			org.yunwei.workitem.WorkItemFormData f = new org.yunwei.workitem.WorkItemFormData();
			f.setTitle(month + " 运维服务用户满意度调查");
			f.setDescription("按用户满意度管理制度，每季度对全体用户开展一次满意度调查（9.2 c）。");
			f.setAssigneeId(rep);
			WorkItemView item = this.items.create(org.yunwei.governance.Surveys.TYPE, f);
			org.yunwei.governance.Surveys.SurveyView s = this.surveys.get(item.number());
			this.surveys.save(item.number(),
					new org.yunwei.governance.Surveys.Draft(
							List.of("服务台受理和响应速度", "故障处理的及时性和质量", "服务请求办理结果", "运维人员的服务态度", "信息系统运行的稳定性"), List.of(),
							month.atDay(20), null, s.version()));
			this.items.take(item.id(), "open", new TransitionRequest(null, false, null, null, null));
			return item.number();
		}));
		List<Long> people = this.directory.activeUsers().stream().map(Directory.Entry::id).toList();
		java.util.Random random = new java.util.Random(92);
		String[] comments = { "故障报修后响应很快，感谢！", "希望夜间也能有人及时处理打印机和网络问题。", "服务请求的审批环节偏多，建议简化。", "工程师很耐心。",
				"系统升级前希望提前通知。" };
		for (int k = 0; k < people.size(); k++) {
			if (random.nextInt(3) == 0) {
				continue;
			}
			long person = people.get(k);
			java.util.Map<Integer, Integer> ratings = new java.util.HashMap<>();
			for (int q = 1; q <= 5; q++) {
				int r = 3 + random.nextInt(3) - ((q == 2 && random.nextInt(3) == 0) ? 2 : 0);
				ratings.put(q, Math.max(1, Math.min(5, r)));
			}
			String comment = (random.nextInt(3) == 0) ? comments[random.nextInt(comments.length)] : null;
			at(start.plusDays(1 + random.nextInt(14)).plusHours(random.nextInt(8)), () -> this.access.runAs(person,
					() -> this.surveys.answer(number, new org.yunwei.governance.Surveys.Answers(ratings, comment))));
		}
		at(month.atDay(21).atTime(9, 0), () -> this.access.runAs(rep, () -> {
			long id = this.surveys.get(number).itemId();
			this.items.take(id, "close", new TransitionRequest(null, false, null, null, null));
			org.yunwei.governance.Surveys.SurveyView s = this.surveys.get(number);
			this.surveys.save(number,
					new org.yunwei.governance.Surveys.Draft(
							s.questions().stream().map(org.yunwei.governance.Surveys.Question::text).toList(),
							List.of(), s.closesOn(),
							"本次调查回收率 " + s.results().responseRate() + "%，总体满意率 " + s.results().satisfiedShare()
									+ "%。故障处理的及时性和质量得分最低，主要反映夜间响应慢；改进措施：自下月起夜间值班增加一名桌面工程师，并对超时工单逐单回访（责任人：运维经理）。",
							s.version()));
			return this.items.take(id, "complete", new TransitionRequest(null, false, null, null, null));
		}));
	}

	/**
	 * Last month's compliance self-check against every policy and procedure in effect
	 * (one found not followed), a compliance risk event, and the quarter's
	 * analysis-and-evaluation report approved.
	 */
	private void selfCheck(long rep, long manager, YearMonth month) {
		Long head = this.directory.userId("ithead").orElse(rep);
		LocalDateTime start = month.atDay(15).atTime(9, 0);
		at(start, () -> this.access.runAs(rep, () -> {
			org.yunwei.workitem.WorkItemFormData f = new org.yunwei.workitem.WorkItemFormData();
			f.setTitle(month + " 合规自检");
			f.setDescription("按合规自检计划，逐项检查运维工作是否按现行制度和程序执行（9.3）。");
			f.setAssigneeId(rep);
			WorkItemView item = this.items.create("selfcheck", f);
			this.items.take(item.id(), "start", new TransitionRequest(null, false, null, null, null));
			List<org.yunwei.workitem.ChecklistPoint> points = this.checklists.points(item.id());
			for (int k = 0; k < points.size(); k++) {
				boolean anomaly = k == 2;
				this.checklists.record(item.id(), points.get(k).seq(), !anomaly, anomaly ? "抽查发现两次季度演练未按制度记录" : "符合",
						anomaly);
			}
			this.items.take(item.id(), "complete",
					new TransitionRequest("自检完成：" + points.size() + " 项中 1 项不符合，已登记整改。", false, null, null, null));
			org.yunwei.workitem.WorkItemFormData e = new org.yunwei.workitem.WorkItemFormData();
			e.setTitle("外包驻场人员借用他人账号登录运维平台");
			e.setDescription("合规自检中发现，已收回账号并对相关人员进行合规培训。");
			e.setAssigneeId(manager);
			return this.items.create("riskevent", e);
		}));
		at(month.plusMonths(1).atDay(3).atTime(10, 0), () -> this.access.runAs(manager, () -> {
			org.yunwei.document.DocumentFormData f = new org.yunwei.document.DocumentFormData();
			f.setType(org.yunwei.document.DocumentType.REPORT);
			f.setPlanKind(org.yunwei.document.PlanKind.EVALUATION);
			f.setTitle(month + " 运维分析与评价报告");
			f.setOwnerId(manager);
			f.setClauses(new java.util.ArrayList<>(List.of("9.1")));
			f.setContent("# " + month + " 运维分析与评价报告");
			org.yunwei.document.DocumentView d = this.documents.create(f);
			org.yunwei.document.VersionFormData v = org.yunwei.document.VersionFormData.of(d.pending());
			v.setSections(java.util.Map.of("objectives", "主要运维目标达成；事件服务级别达成率、变更成功率达标。", "sla",
					"各服务的服务级别协议按月评审，1 项服务响应时限未达标。", "policies", "合规自检 1 项不符合，已整改。", "suitability",
					"运维支持资源与目标基本适宜，数据库组人员偏紧。", "appraisal", "按考核制度完成月度考核。"));
			this.documents.saveDraft(d.id(), v);
			String approval = this.documents.submit(d.id()).approvalNumber();
			this.access.runAs(head, () -> {
				long id = this.items.get(approval).id();
				for (org.yunwei.workitem.ApprovalView a : this.items.approvals(id)) {
					org.yunwei.workitem.ApprovalView.Step step = a.openStepOfAny(List.of(head));
					if (step != null) {
						this.items.decide(step.id(), true, "同意");
					}
				}
				return null;
			});
			return null;
		}));
	}

	private void assess(String clause, ClauseStatus verdict, String evidence) {
		this.conformance.assess(clause, verdict, evidence);
	}

	private <T> T at(LocalDateTime moment, Supplier<T> action) {
		return HistoryClock.at(moment.atZone(this.zone).toInstant(), action);
	}

}
