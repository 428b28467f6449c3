package org.yunwei.platform.identity.internal;

import java.util.List;

import org.yunwei.platform.identity.AdminKind;
import org.yunwei.platform.identity.RecordScope;

/**
 * The roles every installation starts with: 三员, the management roles of clause 5, the O&M
 * roles.
 */
public final class BuiltinRoles {

	/** One built-in role. */
	public record Definition(String code, String nameZh, String nameEn, RecordScope scope, AdminKind adminKind,
			String description) {
	}

	public static final List<Definition> ALL = List.of(
			new Definition("SYSTEM_ADMIN", "系统管理员", "System administrator", RecordScope.ALL, AdminKind.SYSTEM,
					"三员之一：维护用户账号、部门、组和系统配置；不能授予角色，也不能查看审计日志。"),
			new Definition("SECURITY_ADMIN", "安全管理员", "Security administrator", RecordScope.ALL, AdminKind.SECURITY,
					"三员之一：定义角色和权限并授予用户，制定密码与锁定策略，解锁账号、重置密码。"),
			new Definition("AUDIT_ADMIN", "审计管理员", "Audit administrator", RecordScope.ALL, AdminKind.AUDIT,
					"三员之一：查阅、检索、导出审计日志并校验其完整性；不能修改任何其他数据。"),
			new Definition("TOP_MANAGEMENT", "最高管理者", "Top management", RecordScope.ALL, null,
					"5.1：对运维工作进行决策、指挥和控制，组织管理评审。"),
			new Definition("MANAGEMENT_REP", "管理者代表", "Management representative", RecordScope.ALL, null,
					"5.2：由最高管理者任命，确保运维服务能力体系得以建立、实施、保持和改进。"),
			new Definition("OM_HEAD", "运维主责部门负责人", "Head of the O&M department", RecordScope.ALL, null,
					"5.3：执行日常运维工作，规划能力、签订服务级别协议、管理服务商。"),
			new Definition("OM_MANAGER", "运维经理", "O&M manager", RecordScope.ALL, null, "可执行全部运维操作，可查看全部运维记录。"),
			new Definition("SERVICE_DESK_AGENT", "服务台坐席", "Service-desk agent", RecordScope.GROUP, null,
					"受理、记录、分派和跟踪服务请求与事件。"),
			new Definition("ENGINEER", "运维工程师", "O&M engineer", RecordScope.GROUP, null, "处理分派给本人或本组的工单，执行例行运维。"),
			new Definition("DEPARTMENT_USER", "部门用户", "Department user", RecordScope.OWN, null,
					"信息系统用户部门人员：提交请求、报告故障、查看本人工单。"));

	private BuiltinRoles() {
	}

}
