package org.yunwei.change.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.yunwei.change.ChangeCategory;
import org.yunwei.change.ChangeFormData;
import org.yunwei.change.ChangeOutcome;
import org.yunwei.change.ChangePlanFormData;
import org.yunwei.change.ChangeType;
import org.yunwei.change.Changes;
import org.yunwei.change.FreezeFormData;
import org.yunwei.change.OutcomeFormData;
import org.yunwei.change.ReviewFormData;
import org.yunwei.change.TemplateFormData;
import org.yunwei.cmdb.ChangeSource;
import org.yunwei.cmdb.CiFormData;
import org.yunwei.cmdb.CiRef;
import org.yunwei.cmdb.CiView;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.platform.HistoryClock;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.workitem.ApprovalView;
import org.yunwei.workitem.TransitionRequest;
import org.yunwei.workitem.WorkItemView;
import org.yunwei.workitem.WorkItems;

/**
 * The demo's year of changes ({@code YUNWEI_DEMO=true}), consistent with the demo CMDB:
 * the standard-change templates the bureau uses; about three changes a week on its
 * application systems, databases, servers and network — standard ones from the templates,
 * normal ones assessed and approved by risk (the high ones by the whole CAB), a few
 * emergencies ratified by the ECAB; most successful, some failed or backed out, some
 * rejected or withdrawn; each implemented change recording the new version on its CI
 * through the change. And what lies ahead: the coming weeks' changes on the calendar, two
 * of them in conflict, and the year-end freeze. Everything through the product's own
 * services, each step at its moment ({@link HistoryClock}).
 */
@Component
@Order(58)
class ChangeDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ChangeDemo.class);

	/** code, name, category, implementation, back-out, test. */
	private static final String[][] TEMPLATES = {
			{ "OS-PATCH", "服务器操作系统月度安全补丁", "SOFTWARE", "1. 确认快照\n2. 按补丁清单安装\n3. 重启并核对内核版本", "回滚至补丁前快照",
					"核对补丁版本与服务状态，业务抽测" },
			{ "FW-RULE", "防火墙访问策略开通", "SECURITY", "按审批的访问需求在防火墙上新增策略，限定源、目的与端口", "删除新增策略", "由申请人验证访问连通，安全组核对策略最小化" },
			{ "CERT-RENEW", "SSL 证书更新", "APPLICATION", "在负载均衡与 Nginx 上替换到期证书并重载配置", "恢复原证书并重载", "浏览器与监控核对证书有效期" },
			{ "VM-RESIZE", "虚拟机扩容（CPU / 内存）", "HARDWARE", "关机后调整虚拟机规格，开机", "恢复原规格", "核对规格与应用启动" },
			{ "DB-ACCOUNT", "数据库只读账号开通", "DATABASE", "按审批创建只读账号并授予指定视图的查询权限", "删除该账号", "以新账号登录并查询验证" } };

	/** application name, what is done, category. */
	private static final String[][] NORMAL = { { "协同办公系统", "版本升级", "APPLICATION" },
			{ "财务核算系统", "年度结转功能上线", "APPLICATION" }, { "政务服务平台", "版本升级", "APPLICATION" },
			{ "数据共享交换平台", "接口扩容", "APPLICATION" }, { "统一身份认证系统", "单点登录协议升级", "APPLICATION" },
			{ "12345 热线系统", "话务模块升级", "APPLICATION" }, { "电子档案管理系统", "存储迁移", "HARDWARE" },
			{ "门户网站", "改版上线", "APPLICATION" }, { "人事管理系统", "薪酬模块调整", "APPLICATION" },
			{ "电子邮件系统", "反垃圾网关升级", "SECURITY" } };

	private final boolean enabled;

	private final int days;

	private final ZoneId zone;

	private final Directory directory;

	private final AccessControl access;

	private final Changes changes;

	private final WorkItems items;

	private final ConfigurationItems cis;

	private final Random random = new Random(20261203L);

	private final Map<String, Long> users = new HashMap<>();

	private final Map<String, Long> groups = new HashMap<>();

	private int count;

	ChangeDemo(@Value("${yunwei.demo:false}") boolean enabled, @Value("${yunwei.demo.history-days:365}") int days,
			@Value("${yunwei.time-zone:Asia/Shanghai}") String zone, Directory directory, AccessControl access,
			Changes changes, WorkItems items, ConfigurationItems cis) {
		this.enabled = enabled;
		this.days = Math.max(7, Math.min(days, 730));
		this.zone = ZoneId.of(zone);
		this.directory = directory;
		this.access = access;
		this.changes = changes;
		this.items = items;
		this.cis = cis;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<Long> manager = this.directory.userId("manager");
		if (!this.enabled || manager.isEmpty()) {
			return;
		}
		for (String u : List.of("manager", "ithead", "zhengwei", "fengtao", "chenjing", "shenyan", "weixin")) {
			this.directory.userId(u).ifPresent((id) -> this.users.put(u, id));
		}
		for (String g : List.of("SYSTEMS", "NETWORK", "DATABASE", "APP-SUPPORT", "SECURITY")) {
			this.directory.findGroup(g).ifPresent((id) -> this.groups.put(g, id));
		}
		boolean done = as("manager", () -> !this.changes.templates(false).isEmpty());
		if (done || this.users.size() < 7) {
			return;
		}
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(this.zone);
		at(today.minusDays(this.days).atTime(9, 0), () -> as("manager", () -> {
			for (String[] t : TEMPLATES) {
				TemplateFormData f = new TemplateFormData();
				f.setCode(t[0]);
				f.setName(t[1]);
				f.setCategory(ChangeCategory.valueOf(t[2]));
				f.setImplementationPlan(t[3]);
				f.setBackoutPlan(t[4]);
				f.setTestPlan(t[5]);
				this.changes.saveTemplate(f);
			}
			return null;
		}));
		for (LocalDate day = today.minusDays(this.days - 1); day.isBefore(today.minusDays(2)); day = day.plusDays(1)) {
			if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
				continue;
			}
			if (this.random.nextInt(5) < 3) {
				past(day);
			}
		}
		upcoming(today);
		log.info("Demo changes: {} in {} s", this.count, (System.nanoTime() - started) / 1_000_000_000);
	}

	/** A change raised on a working day, carried through to its end. */
	private void past(LocalDate day) {
		int roll = this.random.nextInt(20);
		if (roll < 10) {
			standard(day, TEMPLATES[this.random.nextInt(TEMPLATES.length)][0], true);
		}
		else if (roll < 18) {
			normal(day, NORMAL[this.random.nextInt(NORMAL.length)], true);
		}
		else {
			emergency(day);
		}
	}

	private void standard(LocalDate day, String template, boolean finish) {
		CiRef ci = switch (template) {
			case "FW-RULE" -> any("DC-A-FW", "network_device");
			case "CERT-RENEW" -> any("nginx", "middleware");
			case "DB-ACCOUNT" -> any("db", "database");
			case "VM-RESIZE" -> any("vm-a", "virtual_machine");
			default -> any("esxi", "server");
		};
		if (ci == null) {
			return;
		}
		String engineer = engineerFor(template);
		LocalDateTime raised = day.atTime(9 + this.random.nextInt(3), this.random.nextInt(60));
		LocalDateTime start = day.plusDays(1 + this.random.nextInt(2)).atTime(20, 0);
		String number = at(raised, () -> as(engineer, () -> {
			ChangeFormData f = form(ChangeType.STANDARD, null, ci, start, start.plusHours(1));
			f.setTemplateCode(template);
			f.setTitle(this.changes.template(template).name() + "：" + ci.name());
			f.setGroupId(this.groups.get(groupOf(engineer)));
			String n = this.changes.raise(f).number();
			take(n, "schedule", null);
			return n;
		}));
		this.count++;
		if (finish) {
			implement(number, engineer, start, ChangeOutcome.SUCCESSFUL, null, ci);
			review(number, "manager", start.plusDays(1), true);
		}
	}

	private void normal(LocalDate day, String[] what, boolean finish) {
		CiRef app = any(what[0], "application");
		if (app == null) {
			return;
		}
		String engineer = "shenyan";
		LocalDateTime raised = day.atTime(10, this.random.nextInt(60));
		LocalDateTime start = day.plusDays(5 + this.random.nextInt(5)).atTime(21, 0);
		int shape = this.random.nextInt(20);
		Map<String, Integer> answers = answers(shape % 10);
		String number = at(raised, () -> as(engineer, () -> {
			ChangeFormData f = form(ChangeType.NORMAL, ChangeCategory.valueOf(what[2]), app, start, start.plusHours(3));
			f.setTitle(what[0] + what[1]);
			f.setDescription(what[0] + what[1] + "，详见实施计划。");
			f.setGroupId(this.groups.get("APP-SUPPORT"));
			String n = this.changes.raise(f).number();
			take(n, "assess", null);
			plan(n, start, start.plusHours(3), answers, what);
			take(n, "submit", null);
			return n;
		}));
		this.count++;
		boolean reject = shape == 19;
		LocalDateTime decided = raised.plusDays(1);
		at(decided, () -> {
			decide(number, !reject);
			return null;
		});
		if (reject) {
			return;
		}
		if (!finish) {
			return;
		}
		if (shape == 18) {
			at(decided.plusHours(3), () -> as(engineer, () -> {
				take(number, "cancel", "业务部门要求推迟至下季度，本变更撤销");
				return null;
			}));
			return;
		}
		ChangeOutcome outcome = (shape == 17) ? ChangeOutcome.BACKED_OUT
				: (shape == 16) ? ChangeOutcome.FAILED : ChangeOutcome.SUCCESSFUL;
		String note = (outcome == ChangeOutcome.BACKED_OUT) ? "升级后接口超时，按回退计划恢复旧版本"
				: (outcome == ChangeOutcome.FAILED) ? "部分功能异常，已修复后重新发布，另行提出变更" : null;
		implement(number, engineer, start, outcome, note, app);
		review(number, "manager", start.plusDays(2), outcome == ChangeOutcome.SUCCESSFUL);
	}

	private void emergency(LocalDate day) {
		CiRef db = any("db", "database");
		if (db == null) {
			return;
		}
		String engineer = "chenjing";
		LocalDateTime raised = day.atTime(14, this.random.nextInt(60));
		String number = at(raised, () -> as(engineer, () -> {
			ChangeFormData f = form(ChangeType.EMERGENCY, ChangeCategory.DATABASE, db, raised.plusMinutes(10),
					raised.plusHours(2));
			f.setTitle(db.name() + " 紧急处置：表空间不足");
			f.setImpact(1);
			f.setUrgency(1);
			f.setGroupId(this.groups.get("DATABASE"));
			String n = this.changes.raise(f).number();
			ChangePlanFormData p = ChangePlanFormData.of(this.changes.get(n), this.zone);
			p.setImplementationPlan("扩展表空间数据文件，清理归档日志");
			p.setBackoutPlan("删除新增数据文件");
			p.setImpactAssessment("处置期间写入可能短暂变慢");
			p.setAnswers(Map.of("scope", 2, "outage", 1, "complexity", 1, "backout", 1, "experience", 0, "timing", 2));
			this.changes.savePlan(n, p);
			return n;
		}));
		at(raised.plusMinutes(10), () -> as("manager", () -> {
			take(number, "expedite", "生产库表空间告警 98%，立即处置");
			return null;
		}));
		this.count++;
		implement(number, engineer, raised.plusMinutes(10), ChangeOutcome.SUCCESSFUL, null, null);
		at(raised.plusHours(20), () -> {
			decide(number, true);
			return null;
		});
		review(number, "manager", raised.plusDays(2), true);
	}

	/**
	 * What lies ahead: changes scheduled in the coming weeks, two in conflict, a freeze.
	 */
	private void upcoming(LocalDate today) {
		LocalDate closing = today.withDayOfMonth(1).plusMonths(1).minusDays(4);
		if (!closing.isAfter(today)) {
			closing = closing.plusMonths(1);
		}
		LocalDate freezeStart = closing;
		at(today.minusDays(10).atTime(10, 0), () -> as("manager", () -> {
			FreezeFormData f = new FreezeFormData();
			f.setName("年终结账封网");
			f.setStartsAt(freezeStart.atStartOfDay());
			f.setEndsAt(freezeStart.plusDays(6).atStartOfDay());
			f.setReason("财务年终结账与元旦保障期间，除紧急变更外不安排变更");
			this.changes.addFreeze(f);
			return null;
		}));
		// two changes on the financial system the same night: a conflict
		LocalDateTime night = today.plusDays(4).atTime(21, 0);
		for (int i = 0; i < 2; i++) {
			String[] what = (i == 0) ? new String[] { "财务核算系统", "年度结转功能上线", "APPLICATION" }
					: new String[] { "财务核算系统", "数据库参数调整", "DATABASE" };
			LocalDateTime start = night.plusHours(i);
			at(today.minusDays(1).atTime(10 + i, 0), () -> as("shenyan", () -> {
				CiRef app = any(what[0], "application");
				if (app == null) {
					return null;
				}
				ChangeFormData f = form(ChangeType.NORMAL, ChangeCategory.valueOf(what[2]), app, start,
						start.plusHours(3));
				f.setTitle(what[0] + what[1]);
				f.setGroupId(this.groups.get("APP-SUPPORT"));
				String n = this.changes.raise(f).number();
				take(n, "assess", null);
				plan(n, start, start.plusHours(3), answers(2), what);
				this.count++;
				return n;
			}));
		}
		for (int i = 1; i <= 3; i++) {
			standard(today.plusDays(2 * i - 1), TEMPLATES[i][0], false);
		}
		normal(today.minusDays(2), NORMAL[2], false);
	}

	// ---- steps

	private ChangeFormData form(ChangeType type, ChangeCategory category, CiRef ci, LocalDateTime start,
			LocalDateTime end) {
		ChangeFormData f = new ChangeFormData();
		f.setChangeType(type);
		f.setCategory(category);
		f.setPlannedStart(start);
		f.setPlannedEnd(end);
		if (ci != null) {
			f.getCiIds().add(ci.id());
		}
		return f;
	}

	private void plan(String number, LocalDateTime start, LocalDateTime end, Map<String, Integer> answers,
			String[] what) {
		ChangePlanFormData p = ChangePlanFormData.of(this.changes.get(number), this.zone);
		p.setPlannedStart(start);
		p.setPlannedEnd(end);
		p.setImpactAssessment(what[0] + "在窗口内停止服务，已提前通知业务部门");
		p.setImplementationPlan("1. 备份应用与数据库\n2. 停止应用服务\n3. 部署" + what[1] + "\n4. 启动并自检");
		p.setBackoutPlan("恢复备份的应用包与数据库，重启服务");
		p.setTestPlan("运维自检后由业务部门抽测核心流程");
		p.setAnswers(answers);
		this.changes.savePlan(number, p);
	}

	/** Answers giving low, medium or high risk. */
	private static Map<String, Integer> answers(int shape) {
		if (shape < 4) {
			return Map.of("scope", 1, "outage", 1, "complexity", 1, "backout", 0, "experience", 0, "timing", 0);
		}
		if (shape < 7) {
			return Map.of("scope", 2, "outage", 1, "complexity", 1, "backout", 1, "experience", 1, "timing", 0);
		}
		return Map.of("scope", 3, "outage", 2, "complexity", 2, "backout", 1, "experience", 1, "timing", 1);
	}

	/** Every open approval step of the change, decided by its approver. */
	private void decide(String number, boolean approve) {
		WorkItemView item = as("manager", () -> this.items.get(number));
		// one open step at a time, read afresh: the approval may be decided by any one
		for (int guard = 0; guard < 20; guard++) {
			List<ApprovalView> approvals = as("manager", () -> this.items.approvals(item.id()));
			if (approvals.isEmpty() || !"PENDING".equals(approvals.get(0).state())) {
				return;
			}
			Optional<ApprovalView.Step> open = approvals.get(0)
				.steps()
				.stream()
				.filter((s) -> s.decision() == null && s.active())
				.findFirst();
			if (open.isEmpty()) {
				return;
			}
			ApprovalView.Step s = open.get();
			this.access.runAs(s.approverId(),
					() -> this.items.decide(s.id(), approve, approve ? "同意" : "窗口与月末业务高峰冲突，且回退方案未经演练，不予批准"));
		}
	}

	private void implement(String number, String engineer, LocalDateTime start, ChangeOutcome outcome, String notes,
			CiRef versioned) {
		at(start, () -> as(engineer, () -> {
			if (!"implementing".equals(this.changes.get(number).state())) {
				take(number, "start", null);
			}
			return null;
		}));
		at(start.plusMinutes(50), () -> as(engineer, () -> {
			if (versioned != null && outcome == ChangeOutcome.SUCCESSFUL) {
				recordVersion(versioned, number);
			}
			OutcomeFormData o = new OutcomeFormData();
			o.setOutcome(outcome);
			o.setNotes(notes);
			this.changes.recordOutcome(number, o);
			take(number, "implemented", null);
			return null;
		}));
	}

	/** The implemented change's new version, recorded on its CI through the change. */
	private void recordVersion(CiRef ref, String number) {
		CiView ci = this.cis.get(ref.number());
		String attribute = switch (ci.ciClass().code()) {
			case "application" -> "app_version";
			case "database" -> "db_version";
			case "middleware" -> "mw_version";
			case "network_device" -> "firmware_version";
			case "server", "virtual_machine" -> "os_version";
			default -> null;
		};
		if (attribute == null || !this.cis.mayWrite(ci)) {
			return;
		}
		String current = ci.value(attribute);
		CiFormData f = CiFormData.of(ci);
		f.getAttributes().put(attribute, bump(current));
		f.setReason("变更实施后更新版本");
		f.setChangeNumber(number);
		this.cis.update(ci.number(), f, ChangeSource.UI);
	}

	private static String bump(String version) {
		if (version == null || version.isBlank()) {
			return "1.0";
		}
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(?!.*\\d)").matcher(version);
		if (!m.find()) {
			return version + ".1";
		}
		int next = Integer.parseInt(m.group(1)) + 1;
		return version.substring(0, m.start(1)) + next + version.substring(m.end(1));
	}

	private void review(String number, String reviewer, LocalDateTime at, boolean met) {
		at(at, () -> as("manager", () -> {
			ReviewFormData r = new ReviewFormData();
			r.setObjectivesMet(met);
			r.setReview(met ? "按计划完成，业务验证通过，未影响服务。" : "未完全达成目标：回退方案有效，需补充预发布环境验证后重新提出。");
			this.changes.review(number, r);
			take(number, "close", null);
			return null;
		}));
	}

	private void take(String number, String transition, String comment) {
		WorkItemView item = this.items.get(number);
		this.items.take(item.id(), transition, new TransitionRequest(comment, null, null, null, null));
	}

	private CiRef any(String q, String classCode) {
		List<CiRef> found = as("manager", () -> this.cis.pick(q, classCode, 20));
		return found.isEmpty() ? null : found.get(this.random.nextInt(found.size()));
	}

	private String engineerFor(String template) {
		return switch (template) {
			case "FW-RULE" -> "weixin";
			case "CERT-RENEW" -> "shenyan";
			case "DB-ACCOUNT" -> "chenjing";
			default -> "zhengwei";
		};
	}

	private static String groupOf(String engineer) {
		return switch (engineer) {
			case "weixin" -> "SECURITY";
			case "shenyan" -> "APP-SUPPORT";
			case "chenjing" -> "DATABASE";
			case "fengtao" -> "NETWORK";
			default -> "SYSTEMS";
		};
	}

	private <T> T as(String username, Supplier<T> action) {
		return this.access.runAs(this.users.get(username), action::get);
	}

	private <T> T at(LocalDateTime moment, Supplier<T> action) {
		Instant when = moment.atZone(this.zone).toInstant();
		return HistoryClock.at(when, action);
	}

}
