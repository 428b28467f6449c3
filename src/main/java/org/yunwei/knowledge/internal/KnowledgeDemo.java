package org.yunwei.knowledge.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yunwei.incident.CategoryView;
import org.yunwei.incident.Incidents;
import org.yunwei.knowledge.ArticleFilter;
import org.yunwei.knowledge.ArticleFormData;
import org.yunwei.knowledge.ArticleView;
import org.yunwei.knowledge.Knowledge;
import org.yunwei.knowledge.Visibility;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.workitem.ApprovalView;
import org.yunwei.workitem.WorkItems;

/**
 * The demo knowledge base ({@code YUNWEI_DEMO=true}): articles an IT department keeps —
 * how-tos for users and fixes for the desk — written by the agent, reviewed and approved
 * by the O&amp;M manager through the same review work items as any article.
 */
@Component
@Order(62)
class KnowledgeDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeDemo.class);

	// @formatter:off
	/** Category code, visibility, title, keywords, text. */
	static final String[][] ARTICLES = {
		{ "hw.printer", "PUBLIC", "打印机卡纸的处理方法", "卡纸 夹纸 打印机",
			"## 现象\n\n打印机面板提示“卡纸”，无法继续打印。\n\n## 处理步骤\n\n1. 关闭打印机电源，等待定影器冷却约 5 分钟。\n2. 打开前盖和后盖，顺着走纸方向**缓慢**取出卡住的纸张，不要撕碎。\n3. 检查纸盒中纸张是否受潮、卷曲，必要时更换一包新纸。\n4. 合上盖板，开机后打印测试页。\n\n## 仍无法解决\n\n如多次卡纸或听到异响，请在自助服务台报告故障，注明打印机位置和资产编号。" },
		{ "hw.printer", "INTERNAL", "打印凭证出现乱码：重新安装厂商驱动", "乱码 驱动 PCL6 财务",
			"## 现象\n\n从财务系统打印凭证时，打印机输出成页乱码。\n\n## 原因\n\nWindows 更新把打印机驱动替换为通用驱动，财务系统发送的 PCL6 指令无法被正确解析。\n\n## 解决方法\n\n1. 在“设备和打印机”中删除该打印机。\n2. 从软件库安装厂商 PCL6 驱动（\\\\fs01\\drivers\\printer）。\n3. 在组策略中将该型号加入驱动更新排除列表。" },
		{ "hw.printer", "PUBLIC", "如何添加网络打印机", "添加打印机 网络打印机 共享打印机",
			"1. 打开“设置 → 蓝牙和其他设备 → 打印机和扫描仪”。\n2. 点击“添加设备”，选择“我需要的打印机不在列表中”。\n3. 输入打印服务器地址 `\\\\print01\\所在楼层-编号`，例如 `\\\\print01\\3F-01`。\n4. 按提示安装驱动后打印测试页。" },
		{ "hw.pc", "PUBLIC", "电脑开机很慢的自查步骤", "开机慢 电脑慢 卡顿",
			"1. 重启一次电脑（不是“睡眠”）。\n2. 打开任务管理器 → 启动，禁用不需要开机启动的程序。\n3. 检查 C 盘剩余空间，少于 10 GB 时请清理下载目录和回收站。\n4. 仍然很慢，请报告故障，工程师会远程检查硬盘健康状况。" },
		{ "hw.pc", "INTERNAL", "笔记本更换硬盘后的数据迁移", "硬盘 迁移 克隆 笔记本",
			"## 适用\n\n用户笔记本硬盘出现坏道、需要更换为新的固态硬盘。\n\n## 步骤\n\n1. 用 USB 硬盘盒连接新硬盘，使用镜像工具整盘克隆。\n2. 克隆完成后先在原机器上验证能从新盘启动。\n3. 旧硬盘按《存储介质销毁规定》登记后送信息中心统一消磁。" },
		{ "sw.os", "PUBLIC", "Windows 更新后无法登录的处理", "更新 登录 蓝屏 Windows",
			"1. 在登录界面按住 Shift 点击“重启”，进入“疑难解答 → 高级选项 → 卸载更新”。\n2. 卸载最近一次质量更新后重启。\n3. 登录后请勿立即再次安装更新，并联系服务台，我们会确认该补丁是否已被暂缓推送。" },
		{ "sw.os", "INTERNAL", "补丁批量推送失败的排查", "WSUS 补丁 推送 失败",
			"## 检查\n\n- 客户端 `Windows Update` 服务是否运行；\n- 组策略中 WSUS 地址是否为 `http://wsus01:8530`；\n- 客户端时间与域控偏差是否超过 5 分钟。\n\n## 处理\n\n在客户端执行 `wuauclt /resetauthorization /detectnow`，仍失败则清空 `SoftwareDistribution` 目录后重试。" },
		{ "sw.office", "PUBLIC", "Office 提示“产品未激活”", "激活 Office 未激活 许可",
			"单位的 Office 通过 KMS 自动激活，需要连接单位内网。\n\n1. 确认电脑已连上内网或 VPN。\n2. 打开任意 Office 程序，点击“文件 → 账户 → 激活产品”。\n3. 仍提示未激活，请报告故障并附上截图。" },
		{ "sw.office", "PUBLIC", "WPS 文档在 Office 中排版错乱", "WPS Office 排版 兼容",
			"1. 用 WPS 打开文档，“另存为”选择 `.docx` 格式。\n2. 字体缺失时，请安装单位标准字体包（方正仿宋_GBK、方正小标宋_GBK）。\n3. 公文请使用单位统一的公文模板。" },
		{ "sw.app", "PUBLIC", "OA 系统无法上传附件", "OA 附件 上传 失败",
			"OA 系统单个附件限制为 50 MB，支持 PDF、Office 文档和常见图片格式。\n\n- 文件过大：请压缩或拆分后上传；\n- 浏览器提示失败：请使用 Chrome 或 Edge 最新版，清除缓存后重试；\n- 仍失败：报告故障，注明时间和附件名称。" },
		{ "sw.app", "INTERNAL", "财务系统每月结账时响应缓慢", "财务系统 结账 慢 数据库",
			"## 现象\n\n每月最后两个工作日，财务系统查询和记账明显变慢。\n\n## 原因\n\n月结批处理与日间联机交易争用数据库 I/O。\n\n## 临时办法\n\n将月结批处理调度到 20:00 之后；必要时临时扩大数据库连接池至 200。\n\n## 根治\n\n问题单已提出，计划通过变更把报表查询迁移到只读备库。" },
		{ "sw.mail", "PUBLIC", "手机上配置单位邮箱", "邮箱 手机 配置 Exchange",
			"1. 打开手机自带“邮件”应用，选择“Exchange”。\n2. 邮箱地址填写 `工号@example.gov.cn`，服务器填写 `mail.example.gov.cn`。\n3. 用户名与电脑登录账号相同。\n4. 首次同步可能需要几分钟。" },
		{ "sw.mail", "PUBLIC", "邮箱空间已满怎么办", "邮箱 满 空间 归档",
			"每个邮箱容量为 5 GB。\n\n1. 清空“已删除邮件”和“垃圾邮件”。\n2. 在 Outlook 中使用“文件 → 工具 → 清理旧项目”把一年前的邮件归档到本地。\n3. 业务确需扩容的，请通过服务目录提交“邮箱扩容”申请。" },
		{ "net.lan", "PUBLIC", "网线已插好但提示“未识别的网络”", "网络 未识别 网线 上不了网",
			"1. 检查网线两端是否插紧，网口指示灯是否亮起。\n2. 换一个墙面网口或网线试试。\n3. 在命令提示符中执行 `ipconfig /renew`。\n4. 仍不行，请报告故障，注明房间号和墙面网口编号。" },
		{ "net.wifi", "PUBLIC", "连接办公无线网络", "无线 WiFi 连接 认证",
			"1. 选择无线网络 `GOV-OFFICE`。\n2. 用户名和密码与电脑登录账号相同。\n3. 首次连接时接受证书提示。\n\n访客请连接 `GOV-GUEST`，在前台领取临时密码。" },
		{ "net.vpn", "PUBLIC", "在家如何连接 VPN", "VPN 远程 在家 办公",
			"1. 安装客户端（软件中心 → “VPN 客户端”）。\n2. 服务器地址：`vpn.example.gov.cn`。\n3. 使用单位账号登录，并在手机令牌中输入动态口令。\n4. 连接后即可访问 OA、邮件等内网系统。" },
		{ "net.vpn", "INTERNAL", "VPN 连接后无法访问内网系统", "VPN 路由 DNS 内网",
			"## 检查\n\n- 客户端是否获取到 `10.200.x.x` 地址；\n- DNS 是否为 `10.1.1.10/11`；\n- 用户账号是否在 VPN 授权组中。\n\n## 常见原因\n\n家庭路由器网段与单位网段冲突（192.168.1.0/24），请用户修改家庭路由器网段。" },
		{ "net.internet", "INTERNAL", "互联网出口带宽跑满的处置", "带宽 出口 限速 流量",
			"1. 在流控设备上查看前十大流量用户和应用。\n2. 对非业务大流量（视频、下载）临时限速。\n3. 确认是否有终端中毒对外发包，必要时隔离。\n4. 持续高于 80% 超过一周时提交容量评估。" },
		{ "acct", "PUBLIC", "忘记密码或账号被锁定", "密码 忘记 锁定 解锁 重置",
			"账号连续输错密码 5 次会被锁定 30 分钟。\n\n- 等待 30 分钟后自动解锁；\n- 或致电服务台 8000，核对身份后为您重置密码；\n- 新密码至少 10 位，包含大小写字母、数字和符号中的三类。" },
		{ "acct", "INTERNAL", "新员工入职账号开通清单", "入职 账号 开通 权限",
			"按人事处的入职通知逐项开通：\n\n- [ ] 域账号（按工号）与邮箱\n- [ ] OA、公文系统账号\n- [ ] 所在处室的共享文件夹权限\n- [ ] VPN（需处室负责人审批）\n- [ ] 门禁卡与打印卡\n\n开通完成后在请求单中逐项确认并通知用户。" },
		{ "db", "INTERNAL", "数据库表空间不足告警的处理", "表空间 数据库 告警 扩容",
			"## 判断\n\n查询表空间使用率，超过 90% 需要处理。\n\n## 处理\n\n1. 确认是否有异常增长的表（日志表、临时表）。\n2. 清理过期日志数据前须经业务确认。\n3. 需要扩容时，按标准变更“表空间扩容”提交，窗口内执行。" },
		{ "db", "INTERNAL", "数据库主备切换步骤", "主备 切换 高可用 数据库",
			"1. 确认备库同步延迟为零。\n2. 通知业务系统负责人，进入变更窗口。\n3. 在主库执行切换命令，观察角色转换。\n4. 验证应用连接到新主库。\n5. 记录切换时间并更新配置项。" },
		{ "sec.virus", "PUBLIC", "收到可疑邮件怎么办", "钓鱼 可疑邮件 病毒 诈骗",
			"- **不要**点击邮件中的链接或打开附件；\n- 不要回复或转发给同事；\n- 在 Outlook 中点击“报告钓鱼邮件”，或转发给 `security@example.gov.cn`；\n- 如已点击或输入了密码，请立即致电服务台 8000 修改密码。" },
		{ "sec.virus", "INTERNAL", "终端感染勒索病毒的应急处置", "勒索 病毒 应急 隔离",
			"1. **立即断网**：拔掉网线、关闭无线，不要关机。\n2. 上报信息安全负责人，按重大事件程序宣布。\n3. 保留现场，拍照记录勒索提示。\n4. 排查同网段其他终端，封禁相关端口（445、3389）。\n5. 从备份恢复数据，恢复前确认备份未被感染。" },
	};
	// @formatter:on

	private final boolean enabled;

	private final Directory directory;

	private final AccessControl access;

	private final Knowledge knowledge;

	private final Incidents incidents;

	private final WorkItems items;

	KnowledgeDemo(@Value("${yunwei.demo:false}") boolean enabled, Directory directory, AccessControl access,
			Knowledge knowledge, Incidents incidents, WorkItems items) {
		this.enabled = enabled;
		this.directory = directory;
		this.access = access;
		this.knowledge = knowledge;
		this.incidents = incidents;
		this.items = items;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<Long> agent = this.directory.userId("agent");
		Optional<Long> manager = this.directory.userId("manager");
		if (!this.enabled || agent.isEmpty() || manager.isEmpty()) {
			return;
		}
		boolean empty = this.access.runAs(manager.get(),
				() -> this.knowledge.list(new ArticleFilter(null, null, false, false), null, 1).items().isEmpty());
		if (!empty) {
			return;
		}
		Map<String, Long> categories = new HashMap<>();
		this.access.runAs(manager.get(), () -> {
			for (CategoryView c : this.incidents.categories()) {
				categories.put(c.code(), c.id());
			}
			return null;
		});
		int count = 0;
		for (String[] a : ARTICLES) {
			ArticleFormData form = new ArticleFormData();
			form.setCategoryId(categories.get(a[0]));
			form.setVisibility(Visibility.valueOf(a[1]));
			form.setTitle(a[2]);
			form.setKeywords(a[3]);
			form.setBody(a[4]);
			form.setReviewMonths(12);
			ArticleView created = this.access.runAs(agent.get(), () -> {
				ArticleView draft = this.knowledge.create(form);
				return this.knowledge.submit(draft.number());
			});
			String approval = created.draft().approvalNumber();
			this.access.runAs(manager.get(), () -> {
				long itemId = this.items.get(approval).id();
				for (ApprovalView v : this.items.approvals(itemId)) {
					for (ApprovalView.Step s : v.steps()) {
						if (s.approverId() == manager.get() && s.decision() == null) {
							return this.items.decide(s.id(), true, "内容准确，同意发布");
						}
					}
				}
				return null;
			});
			count++;
		}
		log.info("Demo knowledge articles: {}", count);
	}

}
