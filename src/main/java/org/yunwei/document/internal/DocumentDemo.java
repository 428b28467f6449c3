package org.yunwei.document.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.yunwei.document.DocumentFilter;
import org.yunwei.document.DocumentFormData;
import org.yunwei.document.DocumentManagement;
import org.yunwei.document.DocumentType;
import org.yunwei.document.DocumentView;
import org.yunwei.document.VersionView;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.workitem.ApprovalView;
import org.yunwei.workitem.WorkItems;

/**
 * The demo organisation's controlled documents ({@code YUNWEI_DEMO=true}): two SOPs of
 * routine operations and the O&M management policy in effect (approved by the head of
 * O&M), next year's O&M plan awaiting his approval, and a change procedure in draft.
 */
@Component
@Order(57)
class DocumentDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DocumentDemo.class);

	private final boolean enabled;

	private final int days;

	private final Directory directory;

	private final AccessControl access;

	private final DocumentManagement documents;

	private final WorkItems items;

	DocumentDemo(@Value("${yunwei.demo:false}") boolean enabled, @Value("${yunwei.demo.history-days:365}") int days,
			Directory directory, AccessControl access, DocumentManagement documents, WorkItems items) {
		this.enabled = enabled;
		this.days = days;
		this.directory = directory;
		this.access = access;
		this.documents = documents;
		this.items = items;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			return;
		}
		Long manager = this.directory.userId("manager").orElse(null);
		Long head = this.directory.userId("ithead").orElse(null);
		if (manager == null || head == null) {
			return;
		}
		this.access.runAs(manager, () -> {
			if (!this.documents.list(DocumentFilter.all(), null, 1).items().isEmpty()) {
				return null;
			}
			// the SOPs, the policy, the plans of clause 6 and the change procedure, in
			// effect since the start of the demo's history: the quality plan lacks its
			// compliance self-check section (6-2)
			java.time.Instant since = java.time.Instant.now().minus(java.time.Duration.ofDays(this.days + 2));
			org.yunwei.platform.HistoryClock.at(since, () -> {
				String inspection = document(manager, DocumentType.SOP, "机房日常巡检作业指导书", List.of("8.4.1", "8.7.2"), """
						# 目的
						规范机房日常巡检的内容、方法和记录，及时发现环境和设备隐患。

						# 适用范围
						本局主机房和网络机房，每个工作日 08:30 前完成。

						# 职责
						- 系统运维组值班工程师执行巡检并填写记录；
						- 运维经理每周抽查巡检记录。

						# 异常处理
						任一检查项异常，在任务中记录异常并创建跟进任务；影响业务的，立即按事件管理流程报告。
						""", """
						查看动环监控告警，确认无未处理告警
						检查机房温度（18–27 °C）和湿度（35%–65%）
						检查 UPS 负载率和电池电压
						检查精密空调运行状态和漏水检测
						检查消防气瓶压力和门禁记录
						""");
				String backup = document(manager, DocumentType.SOP, "数据库备份检查作业指导书", List.of("8.4.1", "8.6.3"), """
						# 目的
						确认前一日各业务系统数据库备份全部成功、可用。

						# 方法
						在备份平台核对每个作业的结果、耗时和备份量；失败的作业当日重做并记录原因。
						""", """
						核对各数据库备份作业结果
						核对备份文件大小与上次相比无异常波动
						失败作业重做并记录原因
						""");
				String policy = document(manager, DocumentType.POLICY, "运维服务管理制度", List.of("5.3", "6", "8.3"), """
						# 总则
						为规范本局信息系统运行维护工作，保障业务连续、稳定运行，制定本制度。

						# 组织与职责
						运维服务主责部门负责运维服务能力体系的建设、运转和持续改进。
						""", null);
				this.access.runAs(head, () -> {
					for (String number : List.of(inspection, backup, policy)) {
						approve(head, number);
					}
					return null;
				});
				String operations = plan(manager, org.yunwei.document.PlanKind.OPERATIONS, "年度运维服务计划", OPERATIONS_PLAN,
						List.of());
				String quality = plan(manager, org.yunwei.document.PlanKind.QUALITY, "运维质量管理计划", QUALITY_PLAN,
						List.of("compliance"));
				String resources = plan(manager, org.yunwei.document.PlanKind.RESOURCES, "运维资源管理计划", RESOURCES_PLAN,
						List.of());
				String procedure = document(manager, DocumentType.PROCEDURE, "变更管理程序", List.of("8.3.6"), """
						# 目的
						规范变更的申请、风险评估、审批、实施、验证和回顾，控制变更对服务的影响。

						# 变更分类
						标准变更（预先批准的模板）、一般变更（按风险由运维经理或变更咨询委员会 CAB 审批）、
						紧急变更（由紧急变更委员会 ECAB 审批，事后补充评审）。

						# 审批与实施
						变更实施前须完成风险问卷、实施计划、回退计划和测试计划；冻结期内不安排一般变更。

						# 回顾
						每项变更实施后记录结果；失败或回退的变更须进行变更回顾。
						""", null);
				this.access.runAs(head, () -> {
					for (String number : List.of(operations, quality, resources, procedure)) {
						approve(head, number);
					}
					return null;
				});
				return null;
			});
			document(manager, DocumentType.PLAN, "2027 年度运维服务计划", List.of("6"), """
					# 年度目标
					重要业务系统可用性不低于 99.9%，事件服务级别达成率不低于 95%。
					""", null);
			log.info("Yunwei demo: controlled documents loaded.");
			return null;
		});
	}

	private static final java.util.Map<String, String> OPERATIONS_PLAN = java.util.Map.of("design",
			"以服务目录为中心，建立服务台、事件、问题、变更、发布、配置管理流程，运维工具统一由 Yunwei 平台承载。", "catalogue",
			"服务目录覆盖办公、网络、业务应用、数据库、机房五类服务，与各用户部门签订服务级别协议。", "teams", "设服务台组、系统运维组、网络组、应用支持组、数据库组；关键岗位 A/B 角。",
			"resources", "监控平台、Yunwei 过程管理平台、备件库（两级）、知识库、资产库；年度预算单列。", "security", "按等级保护三级要求建立安全管理制度、安全运维岗位和安全事件响应流程。",
			"processes", "各流程由流程经理负责，跨部门事项经运维例会协调，外包服务商按合同和服务级别参与。", "indicators",
			"采用标准规定的关键指标，按月计算并在运维例会通报，未达标指标形成改进项。", "review", "每年一次内部审核，每年一次管理评审，由管理者代表主持。", "outsourcing",
			"机房基础设施和部分应用运维外包，按服务级别考核服务商，每季度评估。");

	private static final java.util.Map<String, String> QUALITY_PLAN = java.util.Map.of("objectives",
			"事件服务级别达成率 ≥ 95%，变更成功率 ≥ 95%，服务台满意度 ≥ 90%。", "measures", "质量指标按标准关键指标的定义计算，数据取自 Yunwei 平台记录，可追溯到每条记录。",
			"monitoring", "监测计划规定每月计算的指标、负责人和报告对象；每季度形成分析与评价报告。", "audit", "年度内审方案覆盖全部条款和运维团队，采用滚动式审核。", "satisfaction",
			"每季度开展用户满意度调查，形成满意度调查报告。", "review", "管理评审每年至少一次，输入包括指标、内审结果和改进情况。", "corrective",
			"不符合项须分析原因、制定纠正措施并验证有效性后关闭。", "improvement", "未达标指标形成调查记录和改进计划，按月跟踪完成情况。");

	private static final java.util.Map<String, String> RESOURCES_PLAN = java.util.Map.of("funding",
			"运维经费纳入年度预算，按合同节点支付。", "people", "运维人员 14 人，关键岗位储备率 100%，年度培训不少于 40 学时/人。", "technology",
			"建设统一监控和自动化运维能力，技术方案经评审后实施。", "tools", "监控、过程管理、资产管理、决策支撑工具统一规划。", "spares", "核心网络和服务器设备按两级备件储备，每季度检测。",
			"knowledge", "知识库按事件和问题积累，软件版本和补丁统一管理。", "assets", "资产全生命周期管理，每年两次盘点。", "serviceDesk",
			"服务台 7×24 小时受理，电话、邮件和门户多渠道。");

	/**
	 * Registers a plan of a kind with its sections (all but {@code missing} written) and
	 * submits it; returns its number.
	 */
	private String plan(long owner, org.yunwei.document.PlanKind kind, String title, java.util.Map<String, String> text,
			List<String> missing) {
		DocumentFormData f = form(owner, DocumentType.PLAN, title, List.of("6"),
				"# " + title + "\n\n本计划按标准第 6 章编写，各章节见下。", null);
		f.setPlanKind(kind);
		DocumentView d = this.documents.create(f);
		org.yunwei.document.VersionFormData v = org.yunwei.document.VersionFormData.of(d.pending());
		java.util.Map<String, String> sections = new java.util.LinkedHashMap<>();
		kind.sections().stream().filter((k) -> !missing.contains(k)).forEach((k) -> sections.put(k, text.get(k)));
		v.setSections(sections);
		this.documents.saveDraft(d.id(), v);
		this.documents.submit(d.id());
		return d.number();
	}

	/** Registers a document and submits its first version; returns its number. */
	private String document(long owner, DocumentType type, String title, List<String> clauses, String content,
			String steps) {
		DocumentView d = this.documents.create(form(owner, type, title, clauses, content, steps));
		this.documents.submit(d.id());
		return d.number();
	}

	private static DocumentFormData form(long owner, DocumentType type, String title, List<String> clauses,
			String content, String steps) {
		DocumentFormData f = new DocumentFormData();
		f.setType(type);
		f.setTitle(title);
		f.setOwnerId(owner);
		f.setClauses(new java.util.ArrayList<>(clauses));
		f.setContent(content);
		f.setSteps(steps);
		return f;
	}

	private void approve(long head, String number) {
		VersionView v = this.documents.get(number).pending();
		long item = this.items.get(v.approvalNumber()).id();
		for (ApprovalView a : this.items.approvals(item)) {
			ApprovalView.Step step = a.openStepOfAny(List.of(head));
			if (step != null) {
				this.items.decide(step.id(), true, "同意发布");
				return;
			}
		}
	}

}
