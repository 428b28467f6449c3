package org.yunwei.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.schedule.NonWorkingDayPolicy;
import org.yunwei.schedule.RecurringActivityFormData;
import org.yunwei.schedule.RecurringWork;
import org.yunwei.workitem.ServiceOptions;
import org.yunwei.workitem.TransitionRequest;
import org.yunwei.workitem.WorkItemFilter;
import org.yunwei.workitem.WorkItemFormData;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * The routine operations of the demo organisation ({@code YUNWEI_DEMO=true}): the O&M
 * manager's recurring inspections (the machine-room one following its SOP), checks and
 * reports, and a few routine tasks in progress, waiting on a vendor and done.
 */
@Component
@Order(60)
class OperationsDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OperationsDemo.class);

	private final boolean enabled;

	private final Directory directory;

	private final AccessControl access;

	private final WorkItems items;

	private final RecurringWork recurring;

	private final Clock clock;

	private final org.yunwei.document.DocumentManagement documents;

	OperationsDemo(@Value("${yunwei.demo:false}") boolean enabled, Directory directory, AccessControl access,
			WorkItems items, RecurringWork recurring, Clock clock, org.yunwei.document.DocumentManagement documents) {
		this.documents = documents;
		this.enabled = enabled;
		this.directory = directory;
		this.access = access;
		this.items = items;
		this.recurring = recurring;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			return;
		}
		Long manager = this.directory.userId("manager").orElse(null);
		if (manager == null) {
			return;
		}
		this.access.runAs(manager, () -> {
			if (!this.items.list(WorkItemFilter.of(OperationsConfiguration.ROUTINE.code()), null, 1)
				.items()
				.isEmpty()) {
				return null;
			}
			Map<String, Long> groups = this.directory.activeGroups()
				.stream()
				.collect(Collectors.toMap(Directory.Entry::detail, Directory.Entry::id));
			Map<String, Long> sops = this.documents.sops()
				.stream()
				.collect(Collectors.toMap(org.yunwei.document.Sop::title, org.yunwei.document.Sop::documentId));
			LocalDate tomorrow = LocalDate.now(this.clock.withZone(ZoneId.of("Asia/Shanghai"))).plusDays(1);
			activity("机房日常巡检", "检查机房温湿度、UPS、空调、消防和门禁，填写巡检记录。", "FREQ=DAILY", tomorrow, "08:30",
					NonWorkingDayPolicy.SKIP, 120, groups.get("SYSTEMS"), sops.get("机房日常巡检作业指导书"));
			activity("备份作业检查", "核对前一日各系统备份作业的结果，失败的作业立即重做并记录原因。", "FREQ=DAILY", tomorrow, "09:00",
					NonWorkingDayPolicy.SKIP, 60, groups.get("DATABASE"), sops.get("数据库备份检查作业指导书"));
			activity("网络设备配置备份", "导出核心、汇聚交换机和防火墙配置，存档并比对变化。", "FREQ=WEEKLY;BYDAY=FR", tomorrow, "16:00",
					NonWorkingDayPolicy.NEXT_WORKING_DAY, 90, groups.get("NETWORK"), null);
			activity("季度发布回顾", "回顾上季度的发布：部署与成功情况、测试与验收中发现的问题，在“发布回顾”中记录发现与改进措施（8.3.7 h）。",
					"FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5", tomorrow, "15:00", NonWorkingDayPolicy.NEXT_WORKING_DAY,
					480, groups.get("APP-SUPPORT"), null);
			activity("季度变更评审", "评审上季度变更活动的有效性：变更成功率、紧急变更占比、未获批准和撤销的变更、配置审计发现的未经授权变更，形成改进措施（8.3.6 e）。",
					"FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=8", tomorrow, "15:00", NonWorkingDayPolicy.NEXT_WORKING_DAY,
					480, null, null);
			activity("月度运维报告", "汇总上月服务请求、事件、变更和例行工作的执行情况，提交运维主责部门负责人。", "FREQ=MONTHLY;BYMONTHDAY=1", tomorrow, "10:00",
					NonWorkingDayPolicy.NEXT_WORKING_DAY, 960, null, null);

			Map<String, Long> services = this.items.serviceOptions()
				.stream()
				.collect(Collectors.toMap(ServiceOptions.Option::code, ServiceOptions.Option::id));
			WorkItemView ups = task("UPS 电池组更换", "2 号 UPS 电池组内阻超标，需厂商上门更换。", 2, 2, groups.get("SYSTEMS"),
					services.get("INFRA"));
			this.items.take(ups.id(), "start", new TransitionRequest(null, null, null, null, null));
			this.items.take(ups.id(), "wait", new TransitionRequest("已联系厂商，备件预计周五到货。", null, null, null, null));
			WorkItemView ios = task("核心交换机软件版本评估", "评估核心交换机当前版本的已知漏洞和升级路径。", 2, 3, groups.get("NETWORK"),
					services.get("NET"));
			this.items.take(ios.id(), "start", new TransitionRequest(null, null, null, null, null));
			WorkItemView ac = task("机房空调季度保养", "按保养计划清洗滤网、检查冷媒压力。", 3, 3, groups.get("SYSTEMS"), services.get("INFRA"));
			this.items.take(ac.id(), "start", new TransitionRequest(null, null, null, null, null));
			this.items.take(ac.id(), "complete", new TransitionRequest("保养完成，两台空调运行正常。", null, null, null, null));
			task("机房门禁授权复核", "复核本季度机房门禁授权名单，清理离职和调岗人员。", 3, 2, groups.get("SECURITY"), services.get("INFRA"));
			log.info("Yunwei demo: recurring routine work and routine tasks loaded.");
			return null;
		});
	}

	private void activity(String title, String description, String rule, LocalDate start, String time,
			NonWorkingDayPolicy policy, int dueMinutes, Long group, Long sop) {
		RecurringActivityFormData f = new RecurringActivityFormData();
		f.setType(OperationsConfiguration.ROUTINE.code());
		f.setTitle(title);
		f.setDescription(description);
		f.setRrule(rule);
		f.setStartDate(start);
		f.setStartTime(LocalTime.parse(time));
		f.setPolicy(policy);
		f.setDueMinutes(dueMinutes);
		f.setGroupId(group);
		f.setSopDocumentId(sop);
		this.recurring.create(f);
	}

	private WorkItemView task(String title, String description, int impact, int urgency, Long group, Long service) {
		WorkItemFormData f = new WorkItemFormData();
		f.setTitle(title);
		f.setDescription(description);
		f.setImpact(impact);
		f.setUrgency(urgency);
		f.setGroupId(group);
		f.setServiceId(service);
		return this.items.create(OperationsConfiguration.ROUTINE.code(), f);
	}

}
