package org.yunwei.servicedesk.internal;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.yunwei.fields.CustomFields;
import org.yunwei.fields.FieldFormData;
import org.yunwei.fields.FieldKind;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.servicedesk.CallbackRuleFormData;
import org.yunwei.servicedesk.Callbacks;
import org.yunwei.servicedesk.Catalogue;
import org.yunwei.servicedesk.CatalogueItemFormData;
import org.yunwei.servicedesk.DeskTemplateFormData;
import org.yunwei.servicedesk.DeskTemplates;
import org.yunwei.servicedesk.TemplateKind;
import org.yunwei.servicedesk.TicketKind;
import org.yunwei.workitem.ServiceOptions;
import org.yunwei.workitem.WorkItems;
import org.yunwei.workitem.Workflows;

/**
 * The demo organisation's request catalogue ({@code YUNWEI_DEMO=true}): accounts, access,
 * password resets, software, VPN and office computers, some approved by the head of O&M
 * first, the computer also prepared by the systems group as a task; and the desk's canned
 * replies and ticket templates.
 */
@Component
@Order(58)
class CatalogueDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CatalogueDemo.class);

	private final boolean enabled;

	private final Directory directory;

	private final AccessControl access;

	private final Catalogue catalogue;

	private final CustomFields fields;

	private final Workflows workflows;

	private final WorkItems items;

	private final Callbacks callbacks;

	private final DeskTemplates templates;

	private final org.yunwei.servicedesk.DutyRoster duty;

	CatalogueDemo(@Value("${yunwei.demo:false}") boolean enabled, Directory directory, AccessControl access,
			Catalogue catalogue, CustomFields fields, Workflows workflows, WorkItems items, Callbacks callbacks,
			DeskTemplates templates, org.yunwei.servicedesk.DutyRoster duty) {
		this.duty = duty;
		this.callbacks = callbacks;
		this.templates = templates;
		this.enabled = enabled;
		this.directory = directory;
		this.access = access;
		this.catalogue = catalogue;
		this.fields = fields;
		this.workflows = workflows;
		this.items = items;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<Long> manager = this.directory.userId("manager");
		if (!this.enabled || manager.isEmpty()) {
			return;
		}
		this.access.runAs(manager.get(), () -> {
			if (!this.catalogue.list(true).isEmpty()) {
				return null;
			}
			Map<String, Long> services = new java.util.HashMap<>();
			for (ServiceOptions.Option s : this.items.serviceOptions()) {
				services.put(s.code(), s.id());
			}
			Long desk = this.directory.findGroup("SERVICE-DESK").orElse(null);
			Long network = this.directory.findGroup("NETWORK").orElse(desk);
			String[] access = { "账号与权限", "Accounts and access" };
			String[] devices = { "设备与软件", "Devices and software" };
			item("account", "新员工账号开通", "New staff accounts", "为新入职人员开通办公系统、邮箱等账号。",
					"Accounts in the office systems and mail for a new member of staff.", access, "person-plus",
					services.get("MAIL"), desk, false, 10);
			select("account", "systems", "需要开通的系统", "Systems", true, true,
					"oa|办公自动化系统|Office automation\nmail|电子邮件|E-mail\nvpn|VPN 远程接入|VPN\nfile|共享文件|File shares");
			field("account", "startOn", "入职日期", "Start date", FieldKind.DATE, true, null);
			item("access", "业务系统权限申请", "Access to a business system", "申请业务系统的角色或数据权限，需经运维负责人审批。",
					"A role or data access in a business system, approved by the head of O&M.", access, "key", null,
					desk, true, 20);
			field("access", "system", "业务系统", "System", FieldKind.TEXT, true, null);
			field("access", "role", "所需角色或权限", "Role or access needed", FieldKind.TEXT, true, null);
			item("password", "密码重置", "Password reset", "忘记密码或账号被锁定。", "A forgotten password or a locked account.",
					access, "unlock", services.get("MAIL"), desk, false, 30);
			select("password", "system", "哪个系统", "Which system", true, false,
					"oa|办公自动化系统|Office automation\nmail|电子邮件|E-mail\nvpn|VPN 远程接入|VPN");
			item("vpn", "VPN 远程接入", "VPN remote access", "出差或居家办公期间远程访问内网，需经审批。",
					"Remote access to the internal network while travelling or working from home; approved first.",
					access, "shield-lock", services.get("NET"), network, true, 40);
			field("vpn", "until", "使用截止日期", "Needed until", FieldKind.DATE, true, null);
			item("laptop", "办公电脑申领", "Office computer", "新配或更换办公电脑，审批后由系统组准备镜像、服务台交付。",
					"A new or replacement office computer: approved, prepared by the systems group, delivered by the desk.",
					devices, "laptop", null, desk, true, 10);
			select("laptop", "model", "机型", "Model", true, false,
					"standard|标准办公型|Standard office\nperformance|高性能型|Performance");
			field("laptop", "reason", "申领原因", "Reason", FieldKind.TEXT, true, null);
			withTask("laptop", "SYSTEMS", "准备电脑镜像：{title}（{number}）");
			item("software", "软件安装", "Software installation", "安装正版授权的办公或专业软件。",
					"Installation of licensed office or specialist software.", devices, "box-seam", null, desk, false,
					20);
			field("software", "software", "软件名称及版本", "Software and version", FieldKind.TEXT, true, null);
			for (int priority : new int[] { 1, 2 }) {
				CallbackRuleFormData rule = new CallbackRuleFormData();
				rule.setKind(TicketKind.INCIDENT);
				rule.setPriority(priority);
				this.callbacks.addRule(rule);
			}
			CallbackRuleFormData mail = new CallbackRuleFormData();
			mail.setServiceId(services.get("MAIL"));
			if (mail.getServiceId() != null) {
				this.callbacks.addRule(mail);
			}
			reply("已重置密码", "{requester}，您好：\n\n您的密码已重置，临时密码已通过短信发送到您登记的手机，首次登录后请立即修改。\n\n服务台 {agent}");
			reply("请提供更多信息", "{requester}，您好：\n\n为尽快处理 {number}，请补充：出现问题的时间、具体报错（截图更好）、您的位置和联系电话。\n\n服务台 {agent}");
			reply("已派工程师上门", "{requester}，您好：\n\n关于“{title}”，我们已安排工程师上门处理，预计 30 分钟内到达，请保持电话畅通。\n\n服务台 {agent}");
			ticket("打印机卡纸/无法打印", TicketKind.INCIDENT, "打印机无法打印", "打印机型号/位置：\n现象（卡纸、报错、无反应）：\n影响人数：", 3, 3, null);
			ticket("邮箱无法收发", TicketKind.INCIDENT, "邮箱无法收发邮件", "客户端（网页/Outlook/手机）：\n报错信息：\n从何时开始：", 2, 2,
					services.get("MAIL"));
			ticket("密码重置（电话）", TicketKind.REQUEST, "密码重置", "系统：\n已核实身份的方式：", 3, 3, services.get("MAIL"));
			roster();
			log.info("Demo request catalogue: 6 items; callbacks for P1 and P2 incidents and the mail service;"
					+ " 3 canned replies and 3 ticket templates; a duty roster for the next two weeks");
			return null;
		});
	}

	/** Nights and weekends of the next two weeks, the systems group taking turns. */
	private void roster() {
		java.util.List<Long> people = this.directory.groupMembers("SYSTEMS");
		if (people.isEmpty()) {
			return;
		}
		// from yesterday, so that tonight (or this morning) someone is on duty
		java.time.LocalDate day = java.time.LocalDate.now(this.items.zone()).minusDays(1);
		for (int i = 0; i < 14; i++) {
			java.time.LocalDate d = day.plusDays(i);
			boolean weekend = d.getDayOfWeek().getValue() >= 6;
			org.yunwei.servicedesk.DutyRoster.DutyFormData f = new org.yunwei.servicedesk.DutyRoster.DutyFormData();
			f.setUserId(people.get(i % people.size()));
			f.setStartsAt(weekend ? d.atTime(8, 30) : d.atTime(17, 30));
			f.setEndsAt(d.plusDays(1).atTime(8, 30));
			f.setNote(weekend ? "周末值班" : "夜班");
			this.duty.add(f);
		}
	}

	private void reply(String name, String body) {
		DeskTemplateFormData f = new DeskTemplateFormData();
		f.setKind(TemplateKind.REPLY);
		f.setName(name);
		f.setBody(body);
		this.templates.create(f);
	}

	private void ticket(String name, TicketKind kind, String title, String body, int impact, int urgency,
			Long service) {
		DeskTemplateFormData f = new DeskTemplateFormData();
		f.setKind(TemplateKind.TICKET);
		f.setName(name);
		f.setTicketKind(kind);
		f.setTitle(title);
		f.setBody(body);
		f.setImpact(impact);
		f.setUrgency(urgency);
		f.setServiceId(service);
		this.templates.create(f);
	}

	private void item(String code, String zh, String en, String descriptionZh, String descriptionEn, String[] category,
			String icon, Long service, Long group, boolean approval, int order) {
		CatalogueItemFormData f = new CatalogueItemFormData();
		f.setCode(code);
		f.setNameZh(zh);
		f.setNameEn(en);
		f.setDescriptionZh(descriptionZh);
		f.setDescriptionEn(descriptionEn);
		f.setCategoryZh(category[0]);
		f.setCategoryEn(category[1]);
		f.setIcon(icon);
		f.setServiceId(service);
		f.setGroupId(group);
		f.setApproval(approval);
		f.setSortOrder(order);
		this.catalogue.create(f);
	}

	private void field(String item, String code, String zh, String en, FieldKind kind, boolean required,
			String options) {
		FieldFormData f = new FieldFormData();
		f.setCode(code);
		f.setLabelZh(zh);
		f.setLabelEn(en);
		f.setKind(kind);
		f.setRequired(required);
		f.setOptions(options);
		this.fields.define(Catalogue.fieldScope(item), f);
	}

	private void select(String item, String code, String zh, String en, boolean required, boolean multiple,
			String options) {
		field(item, code, zh, en, multiple ? FieldKind.MULTI_SELECT : FieldKind.SELECT, required, options);
	}

	/** After approval, the item's workflow also opens a task for another group. */
	private void withTask(String item, String group, String title) {
		String current = this.workflows.current(Catalogue.REQUEST_TYPE, item).json();
		String approved = "\"to\": \"new\", \"allowed\": {},\n     \"actions\": [";
		if (!current.contains(approved) || this.directory.findGroup(group).isEmpty()) {
			return;
		}
		this.workflows.save(Catalogue.REQUEST_TYPE, item,
				current.replace(approved,
						approved + "{\"type\": \"createLinked\", \"params\": {\"itemType\": \"sdtask\", \"title\": \""
								+ title + "\", \"link\": \"PARENT_OF\", \"group\": \"" + group + "\"}}, "));
	}

}
