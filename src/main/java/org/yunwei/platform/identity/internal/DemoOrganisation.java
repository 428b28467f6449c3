package org.yunwei.platform.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import org.yunwei.platform.identity.UserManagement;

/**
 * The demo organisation of {@code YUNWEI_DEMO=true}: the IT department of a municipal
 * data bureau, its sister departments, about thirty people, the assignment groups of its
 * O&M team and the demo accounts {@code manager}, {@code agent} and {@code user}. Later
 * modules add their own demo records on top.
 */
@Component
class DemoOrganisation {

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

	/** code, name, parent code. */
	private static final String[][] DEPARTMENTS = { { "BUREAU", "市数据资源管理局", null }, { "OFFICE", "办公室", "BUREAU" },
			{ "IT", "信息技术处", "BUREAU" }, { "IT-OPS", "运行维护科", "IT" }, { "IT-SEC", "网络安全科", "IT" },
			{ "IT-APP", "应用开发科", "IT" }, { "FIN", "计划财务处", "BUREAU" }, { "HR", "人事处", "BUREAU" },
			{ "GOV", "政务服务处", "BUREAU" }, { "DATA", "数据资源处", "BUREAU" } };

	/** username, name, department, roles (comma separated), e-mail local part. */
	private static final String[][] PEOPLE = { { "director", "王建国", "BUREAU", "TOP_MANAGEMENT" },
			{ "deputy", "李文华", "IT", "MANAGEMENT_REP" }, { "ithead", "陈志强", "IT", "OM_HEAD" },
			{ "manager", "赵敏", "IT-OPS", "OM_MANAGER" }, { "agent", "刘洋", "IT-OPS", "SERVICE_DESK_AGENT" },
			{ "user", "孙丽", "GOV", "DEPARTMENT_USER" }, { "zhoujie", "周杰", "IT-OPS", "SERVICE_DESK_AGENT" },
			{ "wufang", "吴芳", "IT-OPS", "SERVICE_DESK_AGENT" }, { "zhengwei", "郑伟", "IT-OPS", "ENGINEER" },
			{ "wanglei", "王磊", "IT-OPS", "ENGINEER" }, { "fengtao", "冯涛", "IT-OPS", "ENGINEER" },
			{ "chenjing", "陈静", "IT-OPS", "ENGINEER" }, { "chuming", "褚明", "IT-OPS", "ENGINEER" },
			{ "weixin", "卫鑫", "IT-SEC", "ENGINEER" }, { "jiangtao", "蒋涛", "IT-SEC", "ENGINEER" },
			{ "shenyan", "沈燕", "IT-APP", "ENGINEER" }, { "hanbing", "韩冰", "IT-APP", "ENGINEER" },
			{ "yangfan", "杨帆", "IT-APP", "ENGINEER" }, { "zhuli", "朱莉", "OFFICE", "DEPARTMENT_USER" },
			{ "qinhai", "秦海", "OFFICE", "DEPARTMENT_USER" }, { "youjia", "尤佳", "FIN", "DEPARTMENT_USER" },
			{ "xuqiang", "许强", "FIN", "DEPARTMENT_USER" }, { "hexue", "何雪", "HR", "DEPARTMENT_USER" },
			{ "lvbo", "吕波", "HR", "DEPARTMENT_USER" }, { "shiyu", "施雨", "GOV", "DEPARTMENT_USER" },
			{ "zhanghui", "张辉", "GOV", "DEPARTMENT_USER" }, { "kongling", "孔玲", "DATA", "DEPARTMENT_USER" },
			{ "caolin", "曹林", "DATA", "DEPARTMENT_USER" }, { "yanjun", "严军", "DATA", "DEPARTMENT_USER" },
			{ "huahong", "华红", "GOV", "DEPARTMENT_USER" } };

	/** code, name, description, leader, members. */
	private static final String[][] GROUPS = {
			{ "SERVICE-DESK", "服务台", "一线受理：电话、门户、邮件", "agent", "agent,zhoujie,wufang" },
			{ "SYSTEMS", "系统组", "服务器、存储、虚拟化", "zhengwei", "zhengwei,wanglei,chenjing" },
			{ "NETWORK", "网络组", "园区网、专线、电子政务外网", "fengtao", "fengtao,chuming" },
			{ "DATABASE", "数据库组", "数据库与中间件", "chenjing", "chenjing,wanglei" },
			{ "APP-SUPPORT", "应用支持组", "业务应用系统二线支持", "shenyan", "shenyan,hanbing,yangfan" },
			{ "SECURITY", "安全组", "安全设备、漏洞与安全事件", "weixin", "weixin,jiangtao" },
			{ "CAB", "变更咨询委员会", "评审并批准高风险变更", "ithead", "ithead,manager,zhengwei,shenyan" },
			{ "ECAB", "紧急变更委员会", "事后追认紧急变更", "ithead", "ithead,manager" } };

	private final DepartmentRepository departments;

	private final UserRepository users;

	private final GroupRepository groups;

	private final RoleRepository roles;

	private final PolicyRepository policies;

	private final PasswordEncoder encoder;

	private final Clock clock;

	DemoOrganisation(DepartmentRepository departments, UserRepository users, GroupRepository groups,
			RoleRepository roles, PolicyRepository policies, PasswordEncoder encoder, Clock clock) {
		this.departments = departments;
		this.users = users;
		this.groups = groups;
		this.roles = roles;
		this.policies = policies;
		this.encoder = encoder;
		this.clock = clock;
	}

	void loadIfEmpty(String chosenPassword) {
		if (this.departments.count() > 0 || this.users.existsByUsernameIgnoreCase("manager")) {
			return;
		}
		Instant now = this.clock.instant();
		String password = (chosenPassword != null) ? chosenPassword
				: UserManagement.generatePassword(this.policies.findById(1L).orElseThrow().toPolicy());
		String hash = this.encoder.encode(password);
		Map<String, Long> deptIds = new HashMap<>();
		int order = 0;
		for (String[] d : DEPARTMENTS) {
			Department dept = new Department(d[0], d[1], d[2] == null ? null : deptIds.get(d[2]), now);
			dept.setSortOrder(order++);
			deptIds.put(d[0], this.departments.save(dept).getId());
		}
		Map<String, Long> roleIds = new HashMap<>();
		this.roles.findAll().forEach((r) -> roleIds.put(r.getCode(), r.getId()));
		Map<String, Long> userIds = new HashMap<>();
		for (String[] p : PEOPLE) {
			UserAccount u = new UserAccount(p[0], p[1], now);
			u.setDepartmentId(deptIds.get(p[2]));
			u.setEmail(p[0] + "@sjj.example.gov.cn");
			u.setMobile("1380571" + String.format("%04d", userIds.size() + 1));
			u.setPasswordHash(hash, now);
			u.setMustChangePassword(chosenPassword == null);
			for (String role : p[3].split(",")) {
				u.getRoleIds().add(roleIds.get(role));
			}
			userIds.put(p[0], this.users.save(u).getId());
		}
		for (String[] g : GROUPS) {
			AssignmentGroup group = new AssignmentGroup(g[0], g[1], now);
			group.setDescription(g[2]);
			group.setLeaderId(userIds.get(g[3]));
			for (String member : g[4].split(",")) {
				group.getMemberIds().add(userIds.get(member));
			}
			this.groups.save(group);
		}
		this.users.flush();
		if (chosenPassword == null) {
			log.warn("\n\n  Yunwei demo organisation loaded: {} people. The demo accounts (manager, agent, user, …)"
					+ " share this one-time password, shown only now: {}\n", PEOPLE.length, password);
		}
		else {
			log.info("Yunwei demo organisation loaded: {} people; demo accounts use YUNWEI_ADMIN_PASSWORD.",
					PEOPLE.length);
		}
	}

}
