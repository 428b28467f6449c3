package org.yunwei.servicelevel.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
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
import org.yunwei.servicelevel.EscalationRuleFormData;
import org.yunwei.servicelevel.EscalationTrigger;
import org.yunwei.servicelevel.OlaFormData;
import org.yunwei.servicelevel.ServiceCatalogue;
import org.yunwei.servicelevel.ServiceFormData;
import org.yunwei.servicelevel.ServiceLevelFormData;
import org.yunwei.servicelevel.ServiceLevels;
import org.yunwei.servicelevel.ServiceView;

/**
 * The demo organisation's service catalogue ({@code YUNWEI_DEMO=true}): three services
 * with their level agreements, operational levels for two groups, two escalation rules
 * and a quarterly service-level review. Loaded before the routine tasks so they can name
 * their service.
 */
@Component
@Order(55)
class ServiceLevelDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ServiceLevelDemo.class);

	private final boolean enabled;

	private final Directory directory;

	private final AccessControl access;

	private final ServiceCatalogue catalogue;

	private final ServiceLevels levels;

	private final RecurringWork recurring;

	private final java.time.Clock clock;

	ServiceLevelDemo(@Value("${yunwei.demo:false}") boolean enabled, Directory directory, AccessControl access,
			ServiceCatalogue catalogue, ServiceLevels levels, RecurringWork recurring, java.time.Clock clock) {
		this.enabled = enabled;
		this.directory = directory;
		this.access = access;
		this.catalogue = catalogue;
		this.levels = levels;
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
			if (!this.catalogue.list().isEmpty()) {
				return null;
			}
			List<Long> departments = this.directory.activeDepartments().stream().map(Directory.Entry::id).toList();
			Map<String, Long> groups = this.directory.activeGroups()
				.stream()
				.collect(Collectors.toMap(Directory.Entry::detail, Directory.Entry::id));
			service("INFRA", "机房基础设施服务", "机房供配电、空调、消防、门禁与综合布线的运行维护。", manager, departments, "保障机房基础设施全年稳定运行，支撑各业务系统。",
					"本单位主机房及各楼层弱电间。", "7×24 小时监控；工作日 09:00–17:30 现场处理。", "巡检、故障处理、计划性维护、容量与能耗报告。",
					"基础设施可用率不低于 99.9%；P1 故障 4 个工作小时内解决。", "机房出入须登记和授权；外来维护人员全程陪同。");
			service("NET", "网络服务", "局域网、广域网、互联网出口和无线网络。", manager, departments, "为各部门提供稳定、安全的网络接入。",
					"办公网、业务专网、互联网出口、无线网络。", "工作日 09:00–17:30；重大故障 7×24 响应。", "接入开通、故障处理、配置变更、网络安全策略维护。",
					"网络可用率不低于 99.5%；P2 故障 8 个工作小时内解决。", "设备配置变更须审批并留存配置备份；访问控制策略每季度复核。");
			service("DESKTOP", "桌面与终端服务", "办公电脑、打印复印设备、办公软件和账号的支持。", manager, departments, "让每位员工的办公终端好用、可用。",
					"全体员工的办公电脑、打印机、复印机、办公软件与账号。", "工作日 08:30–17:30。", "故障处理、软件安装、账号与权限、耗材更换。",
					"P3 故障 1 个工作日内解决；满意度不低于 90%。", "终端须安装防病毒软件并按月更新补丁。");
			service("APPS", "业务应用系统服务", "OA、公文、财务、政务服务平台等业务系统的运行支持。", manager, departments, "保障业务系统稳定运行、问题及时解决。",
					"OA、公文系统、财务系统、政务服务平台、数据共享平台及其数据库。", "工作日 08:30–17:30；政务服务平台办件时间内 7×24 响应。",
					"故障处理、数据修正、权限配置、版本发布支持。", "业务系统可用率不低于 99.5%；P2 故障 8 个工作小时内解决。", "生产数据修改须审批并留痕；账号按岗位授权。");
			ServiceView mail = service("MAIL", "邮件服务", "单位电子邮件系统的账号、收发、反垃圾与归档。", manager, departments, "保障公务邮件安全、及时收发。",
					"全体在编人员的单位邮箱。", "工作日 09:00–17:30。", "账号开通与注销、收发故障处理、垃圾邮件治理、邮件归档。",
					"邮件投递成功率不低于 99.9%；P3 请求 2 个工作日内解决。", "邮件系统访问须双因素认证；涉密信息不得通过邮件传输。");
			if (groups.containsKey("SYSTEMS")) {
				ola(groups.get("SYSTEMS"), 120, 240, 480, 960);
			}
			if (groups.containsKey("NETWORK")) {
				ola(groups.get("NETWORK"), 120, 240, 480, 960);
			}
			EscalationRuleFormData raise = new EscalationRuleFormData();
			raise.setName("解决超时提升优先级");
			raise.setOnEvent(EscalationTrigger.BREACH);
			raise.setClockKind(org.yunwei.servicelevel.ClockKind.RESOLUTION);
			raise.setRaisePriority(true);
			this.levels.createRule(raise);
			if (groups.containsKey("SYSTEMS")) {
				EscalationRuleFormData move = new EscalationRuleFormData();
				move.setName("P1/P2 即将超时转系统组");
				move.setOnEvent(EscalationTrigger.WARNING);
				move.setMaxPriority(2);
				move.setReassignTo(groups.get("SYSTEMS"));
				this.levels.createRule(move);
			}
			RecurringActivityFormData review = new RecurringActivityFormData();
			review.setType(ServiceLevelSetup.REVIEW.code());
			review.setTitle("邮件服务级别季度评审");
			review.setDescription("对照服务级别协议检查上季度达成情况、用户反馈和改进项，形成评审记录。");
			review.setRrule("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1");
			review.setStartDate(LocalDate.now(this.clock.withZone(ZoneId.of("Asia/Shanghai"))).plusDays(1));
			review.setStartTime(LocalTime.of(10, 0));
			review.setPolicy(NonWorkingDayPolicy.NEXT_WORKING_DAY);
			review.setDueMinutes(2100);
			review.setServiceId(mail.id());
			this.recurring.create(review);
			log.info("Yunwei demo: service catalogue, service levels and escalation rules loaded.");
			return null;
		});
	}

	private ServiceView service(String code, String name, String description, long owner, List<Long> departments,
			String objective, String scope, String hours, String content, String effect, String security) {
		ServiceFormData f = new ServiceFormData();
		f.setCode(code);
		f.setName(name);
		f.setDescription(description);
		f.setOwnerId(owner);
		f.setDepartmentIds(departments);
		ServiceView s = this.catalogue.create(f);
		ServiceLevelFormData l = new ServiceLevelFormData();
		l.setObjective(objective);
		l.setScope(scope);
		l.setServiceHours(hours);
		l.setContent(content);
		l.setEffect(effect);
		l.setSecurity(security);
		l.setAvailabilityTarget(new java.math.BigDecimal("99.9"));
		l.setTargets(List.of(new ServiceLevelFormData.Target(1, 15, 240), new ServiceLevelFormData.Target(2, 30, 480),
				new ServiceLevelFormData.Target(3, 60, 960), new ServiceLevelFormData.Target(4, 120, 2400)));
		return this.catalogue.saveLevel(s.id(), l);
	}

	private void ola(long group, int p1, int p2, int p3, int p4) {
		OlaFormData f = new OlaFormData();
		f.setP1(p1);
		f.setP2(p2);
		f.setP3(p3);
		f.setP4(p4);
		this.catalogue.saveOla(group, f);
	}

}
