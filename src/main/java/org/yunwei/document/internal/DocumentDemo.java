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

	private final Directory directory;

	private final AccessControl access;

	private final DocumentManagement documents;

	private final WorkItems items;

	DocumentDemo(@Value("${yunwei.demo:false}") boolean enabled, Directory directory, AccessControl access,
			DocumentManagement documents, WorkItems items) {
		this.enabled = enabled;
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
			document(manager, DocumentType.PLAN, "2027 年度运维服务计划", List.of("6"), """
					# 年度目标
					重要业务系统可用性不低于 99.9%，事件服务级别达成率不低于 95%。
					""", null);
			DocumentFormData change = form(manager, DocumentType.PROCEDURE, "变更管理流程", List.of("8.3.6"),
					"# 变更分类\n标准变更、一般变更、紧急变更。", null);
			this.documents.create(change);
			log.info("Yunwei demo: controlled documents loaded.");
			return null;
		});
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
