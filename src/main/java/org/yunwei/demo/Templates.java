package org.yunwei.demo;

import java.util.List;
import java.util.Map;

import org.yunwei.incident.ResolutionCode;
import org.yunwei.problem.CauseCategory;

/**
 * What the demo's users report and ask for, and how the desk answers: the raw material of
 * the year of history.
 */
final class Templates {

	private Templates() {
	}

	/**
	 * A kind of fault: its category, the words of the report and of the resolution, its
	 * impact, whether it names a room, and the article it may become.
	 */
	record Fault(String category, String title, String description, String resolution, int impact, ResolutionCode code,
			boolean located, String article, String keywords, boolean publicArticle) {
	}

	record Request(String title, String description, String fulfilment) {
	}

	record Major(String title, String description, String reason, List<String> updates, String resolution,
			String[] review) {
	}

	record Problem(String title, CauseCategory cause, String[] whys, String rootCause, String workaround, String fix) {
	}

	// @formatter:off
	static final Fault[] FAULTS = {
		new Fault("hw.printer", "打印机卡纸", "打印机一直提示卡纸，取出纸后还是报错。", "关机冷却后从后盖取出残留纸屑，更换受潮纸张，测试打印正常。", 3, ResolutionCode.FIXED, true, "打印机反复卡纸的处理", "卡纸 打印机 夹纸", true),
		new Fault("hw.printer", "打印机无法打印", "点了打印没有反应，打印队列里任务一直在等待。", "打印后台处理服务卡死，重启 Print Spooler 服务并清空队列后恢复。", 3, ResolutionCode.FIXED, true, "打印任务卡在队列中的处理", "打印队列 Spooler 无法打印", true),
		new Fault("hw.printer", "复印机扫描到邮箱失败", "复印机扫描后提示发送失败，收不到邮件。", "复印机的 SMTP 密码随邮箱密码策略过期，已在复印机管理页面更新。", 3, ResolutionCode.FIXED, true, "复印机扫描发送邮件失败", "扫描 复印机 邮件 SMTP", false),
		new Fault("hw.printer", "打印出来有黑色条纹", "打印的文件每页都有竖向黑色条纹。", "硒鼓磨损，已更换新硒鼓并登记耗材领用。", 3, ResolutionCode.FIXED, true, null, null, false),
		new Fault("hw.pc", "电脑开机蓝屏", "电脑开机进入桌面前蓝屏，重启几次都一样。", "最近一次显卡驱动更新导致，进入安全模式回退驱动后恢复。", 2, ResolutionCode.FIXED, true, "开机蓝屏的排查", "蓝屏 驱动 安全模式", false),
		new Fault("hw.pc", "电脑运行很慢", "电脑开机和打开文件都特别慢。", "C 盘剩余不足 2 GB，清理临时文件并将用户资料迁移到 D 盘，禁用多余的开机启动项。", 3, ResolutionCode.FIXED, true, "电脑运行缓慢的自查与处理", "电脑慢 卡顿 磁盘空间", true),
		new Fault("hw.pc", "显示器不亮", "主机开着，显示器没有信号。", "显示器数据线松动，重新插紧 HDMI 线后恢复。", 3, ResolutionCode.USER_RESOLVED, true, null, null, false),
		new Fault("hw.pc", "笔记本电池无法充电", "笔记本插上电源显示“已接通电源，未充电”。", "电池老化损耗超过 60%，已申请更换电池。", 3, ResolutionCode.VENDOR, false, null, null, false),
		new Fault("hw.server", "虚拟机无法启动", "OA 测试环境的虚拟机重启后启动失败。", "宿主机存储快照占满数据存储，清理过期快照后虚拟机正常启动。", 2, ResolutionCode.FIXED, false, "虚拟机因快照占满存储无法启动", "虚拟机 快照 数据存储", false),
		new Fault("hw.server", "服务器硬盘告警", "监控提示服务器 RAID 中一块硬盘故障。", "联系厂商在保修期内更换故障硬盘，RAID 重建完成。", 2, ResolutionCode.VENDOR, false, "服务器硬盘故障的更换流程", "RAID 硬盘 告警 更换", false),
		new Fault("hw.storage", "共享盘空间不足", "处室共享文件夹提示空间不足，无法保存文件。", "为该共享卷扩容 200 GB，并提醒处室清理重复文件。", 3, ResolutionCode.FIXED, false, "共享文件夹空间不足的处理", "共享盘 空间 配额", true),
		new Fault("sw.os", "Windows 更新后无法登录", "昨晚自动更新后，输入密码登录转圈进不去。", "卸载有问题的累积更新，已将该补丁在 WSUS 中暂停推送。", 2, ResolutionCode.WORKAROUND, false, "更新后无法登录的处理", "更新 登录 补丁 卸载", true),
		new Fault("sw.os", "电脑提示系统未激活", "桌面右下角提示 Windows 未激活。", "电脑长期未连内网导致 KMS 激活过期，连接内网后执行激活命令恢复。", 3, ResolutionCode.FIXED, false, "Windows 提示未激活的处理", "激活 KMS Windows", true),
		new Fault("sw.office", "Excel 打开文件报错", "打开上报的 Excel 表格提示文件已损坏。", "文件由旧版 WPS 保存，用“打开并修复”恢复内容后另存为 xlsx。", 3, ResolutionCode.WORKAROUND, false, "Excel 提示文件损坏的修复", "Excel 损坏 修复 WPS", true),
		new Fault("sw.office", "Office 提示未激活", "Word 顶部提示产品未激活，很多功能不能用。", "连接内网后在“账户”中重新激活，已恢复。", 3, ResolutionCode.FIXED, false, "Office 产品未激活的处理", "Office 激活 许可", true),
		new Fault("sw.office", "公文模板字体缺失", "用公文模板排版，标题字体显示不对。", "安装单位标准字体包（方正小标宋_GBK 等）后显示正常。", 3, ResolutionCode.FIXED, false, "公文字体缺失的处理", "字体 公文 方正小标宋", true),
		new Fault("sw.app", "OA 系统登录后白屏", "OA 登录后页面一片空白。", "浏览器缓存了旧版本脚本，清除缓存后恢复；已请开发在发布时加版本号。", 3, ResolutionCode.WORKAROUND, false, "OA 登录后白屏的处理", "OA 白屏 缓存 浏览器", true),
		new Fault("sw.app", "财务系统查询很慢", "财务系统查询凭证要等一两分钟。", "月结批处理与日间查询争用数据库，已将批处理调整到晚间执行。", 2, ResolutionCode.WORKAROUND, false, "财务系统月底查询缓慢", "财务系统 慢 月结 批处理", false),
		new Fault("sw.app", "公文系统无法上传附件", "公文系统上传附件一直转圈失败。", "附件超过 50 MB 的限制，指导用户压缩后上传。", 3, ResolutionCode.NO_FAULT, false, "公文系统附件上传失败", "附件 上传 公文 大小限制", true),
		new Fault("sw.app", "政务服务平台办件提交报错", "大厅窗口提交办件时提示“系统异常”。", "接口证书过期导致与省平台对接失败，已更新证书。", 1, ResolutionCode.FIXED, false, "政务服务平台接口证书过期", "证书 过期 接口 政务服务", false),
		new Fault("sw.mail", "收不到外部邮件", "这两天收不到外单位发来的邮件。", "反垃圾网关误判对方域名，已加入白名单并补收隔离区邮件。", 2, ResolutionCode.FIXED, false, "收不到外部邮件的排查", "邮件 收不到 反垃圾 白名单", false),
		new Fault("sw.mail", "邮箱已满无法发送", "发邮件时提示邮箱已满。", "协助用户归档一年前的邮件并清空已删除邮件，空间恢复。", 3, ResolutionCode.USER_RESOLVED, false, "邮箱已满的处理", "邮箱 满 归档 空间", true),
		new Fault("sw.mail", "手机收不到邮件", "手机上的单位邮箱不再同步。", "修改密码后手机未更新，重新输入密码后同步恢复。", 3, ResolutionCode.USER_RESOLVED, false, "手机邮箱不同步的处理", "手机 邮箱 同步 密码", true),
		new Fault("net.lan", "网络时断时续", "办公室电脑上网时断时续，别的房间正常。", "楼层接入交换机端口故障，已将该房间调整到备用端口。", 2, ResolutionCode.FIXED, true, "办公室网络时断时续的排查", "网络 断网 交换机 端口", false),
		new Fault("net.lan", "电脑获取不到 IP 地址", "网线插上后提示“无 Internet”，获取不到地址。", "该网段地址池耗尽，已扩大 DHCP 地址池并清理过期租约。", 2, ResolutionCode.FIXED, true, "获取不到 IP 地址的处理", "DHCP IP 地址池 无法上网", false),
		new Fault("net.wifi", "无线网络连不上", "笔记本连办公无线一直提示无法连接。", "无线认证证书更新后客户端未信任新证书，删除旧配置重新连接恢复。", 3, ResolutionCode.FIXED, true, "办公无线连不上的处理", "无线 WiFi 证书 认证", true),
		new Fault("net.wifi", "会议室无线信号差", "大会议室开会时无线网很卡。", "会议室 AP 接入人数过多，已增加一台 AP 并调整信道。", 3, ResolutionCode.FIXED, false, null, null, false),
		new Fault("net.vpn", "VPN 连接失败", "在家连 VPN 一直提示认证失败。", "用户动态口令令牌时间不同步，重新同步令牌后连接成功。", 3, ResolutionCode.FIXED, false, "VPN 认证失败的处理", "VPN 令牌 认证失败 动态口令", true),
		new Fault("net.vpn", "VPN 连上后打不开 OA", "VPN 显示已连接，但打不开 OA。", "家庭路由器网段与单位网段冲突，指导用户修改家庭路由器地址段。", 3, ResolutionCode.WORKAROUND, false, "VPN 已连接但访问不了内网", "VPN 网段冲突 路由", true),
		new Fault("net.internet", "访问外网很慢", "打开外部网站非常慢，视频会议也卡。", "出口带宽被个别终端的下载占满，已对非业务流量限速。", 2, ResolutionCode.WORKAROUND, false, "互联网访问缓慢的处置", "外网 慢 带宽 限速", false),
		new Fault("acct", "账号被锁定", "输错几次密码后账号被锁定，登录不了。", "核实身份后解锁账号，并提醒用户检查手机上保存的旧密码。", 3, ResolutionCode.FIXED, false, "账号被锁定的处理", "锁定 解锁 密码", true),
		new Fault("acct", "忘记密码", "忘记了电脑登录密码。", "核实身份后重置密码，临时密码已短信发送。", 3, ResolutionCode.FIXED, false, "忘记密码的重置流程", "密码 重置 忘记", true),
		new Fault("acct", "看不到处室共享文件夹", "调岗后打不开新处室的共享文件夹。", "按人事处调岗通知把用户加入新处室的共享权限组。", 3, ResolutionCode.FIXED, false, "调岗后共享文件夹权限", "权限 共享 调岗", false),
		new Fault("db", "业务系统报数据库连接超时", "数据共享平台报 “connection timeout”。", "数据库连接池耗尽，重启应用释放连接，并将连接池上限调整到 200。", 2, ResolutionCode.WORKAROUND, false, "数据库连接池耗尽的处理", "数据库 连接池 超时", false),
		new Fault("db", "数据库表空间告警", "监控提示数据库表空间使用率 92%。", "清理过期日志表数据，并在变更窗口内扩容表空间。", 2, ResolutionCode.FIXED, false, "表空间告警的处理", "表空间 告警 扩容", false),
		new Fault("sec.virus", "电脑弹出大量广告", "电脑右下角不停弹出广告窗口。", "用户安装的免费软件捆绑了广告插件，卸载并全盘查杀后恢复。", 3, ResolutionCode.FIXED, true, "电脑弹广告的处理", "弹窗 广告 插件 查杀", true),
		new Fault("sec.virus", "收到可疑邮件", "收到一封冒充财务处的邮件，让下载工资表附件。", "确认为钓鱼邮件，已在邮件网关拦截同类邮件并全员提醒。", 2, ResolutionCode.NO_FAULT, false, "钓鱼邮件的识别与上报", "钓鱼 可疑邮件 诈骗", true),
		new Fault("sec.breach", "防火墙告警异常外联", "安全设备告警一台终端频繁连接境外地址。", "隔离该终端，查杀出远控木马，重装系统并重置相关账号密码。", 1, ResolutionCode.FIXED, false, "终端异常外联的处置", "外联 木马 隔离 告警", false),
	};

	static final Request[] REQUESTS = {
		new Request("申请开通 VPN", "因出差需要在外访问 OA，申请开通 VPN 账号。", "已开通 VPN 账号并发放动态口令令牌，使用说明见知识库。"),
		new Request("申请安装软件", "工作需要安装 PDF 编辑软件。", "已从正版软件库安装并登记授权。"),
		new Request("申请共享文件夹权限", "需要访问计划财务处的预算共享文件夹。", "经处室负责人同意，已授予只读权限。"),
		new Request("新员工电脑配置", "下周一有新同事入职，需要准备电脑和账号。", "电脑已按标准镜像安装，域账号、邮箱、OA 账号均已开通。"),
		new Request("申请增加邮箱容量", "邮箱经常满，申请扩容。", "已将邮箱容量调整为 10 GB。"),
		new Request("视频会议保障", "周三下午在大会议室召开视频会议，需要技术保障。", "会前已调试设备，会议期间工程师现场值守，会议顺利。"),
		new Request("申请外网访问白名单", "需要访问省厅业务网站，目前被拦截。", "经安全组核实后已加入访问白名单。"),
		new Request("更换鼠标键盘", "键盘几个键失灵，申请更换。", "已更换新的键盘鼠标，旧设备回收。"),
		new Request("申请调整 OA 审批权限", "岗位调整，需要 OA 中的处室审批权限。", "按人事处通知调整了 OA 角色。"),
	};

	static final String[] NOTES = { "已远程查看，先观察一下。", "需要厂商配合，已电话联系。", "同类问题本周第三次，留意是否需要提问题单。",
			"用户不在座位，约了下午上门。" };

	static final String[] PRAISE = { "处理很及时，谢谢！", "问题解决了，服务态度很好。", "很快就好了。", "谢谢工程师耐心讲解。", "满意。" };

	static final Major[] MAJORS = {
		new Major("核心交换机故障，全局网络中断", "上午九点多起整栋楼无法访问内网和外网。", "全楼网络中断，影响所有业务系统",
				List.of("已确认为核心交换机主控板故障，正在切换到备用主控。", "备用主控已接管，楼层逐步恢复，请各处室重启电脑网络。"),
				"核心交换机主控板故障，已切换备用主控并联系厂商更换故障板卡，网络全面恢复。",
				new String[] { "核心交换机主控板故障导致全楼网络中断约 70 分钟。", "主控板硬件故障，主备切换未能自动完成。", "更换故障板卡；修正主备切换配置；每季度演练一次切换。", "关键设备的主备切换必须定期演练。" }),
		new Major("电子邮件系统无法使用", "全员无法收发邮件，网页邮箱也打不开。", "邮件系统全局不可用",
				List.of("邮件服务器存储卷只读，正在检查存储。", "存储链路已恢复，邮件服务正在启动，队列中的邮件将陆续投递。"),
				"存储多路径链路故障导致邮件数据卷只读，恢复链路后服务正常，积压邮件已投递。",
				new String[] { "邮件系统中断 2 小时。", "存储多路径配置缺少一条冗余链路。", "补齐冗余链路；增加存储链路监控告警。", "监控要覆盖到存储链路级别。" }),
		new Major("政务服务大厅系统全部窗口无法办件", "大厅各窗口提交办件全部失败。", "对外服务中断，影响群众办事",
				List.of("已定位为数据库主库故障，正在切换到备库。", "已切换到备库，窗口逐个验证中。"),
				"数据库主库宕机，切换备库后恢复办件；主库已修复并重新同步。",
				new String[] { "大厅办件中断 55 分钟，期间启用纸质登记。", "数据库主机内存故障。", "更换内存；把主备切换做成自动；完善纸质应急登记流程。", "对外服务系统需要自动切换能力。" }),
		new Major("勒索病毒感染多台终端", "办公室多台电脑文件被加密，弹出勒索提示。", "信息安全事件，存在扩散风险",
				List.of("已断开办公室网段，正在排查感染范围。", "共 6 台终端受感染，已隔离；服务器未受影响。"),
				"隔离感染终端并重装系统，从备份恢复文件，封禁 445 端口横向传播。",
				new String[] { "6 台终端感染勒索病毒，无服务器受影响，数据从备份恢复。", "一台终端长期未打补丁，用户打开了带毒附件。", "补丁合规检查纳入月度巡检；全员安全意识培训。", "终端补丁合规必须有检查和考核。" }),
	};

	static final Map<String, Problem> PROBLEMS = Map.of(
		"hw.printer", new Problem("打印机频繁故障", CauseCategory.HARDWARE,
				new String[] { "为什么频繁卡纸？纸张受潮。", "为什么纸张受潮？库房没有除湿。", "为什么没有除湿？耗材库房无环境要求。" },
				"耗材库房湿度过高，纸张受潮导致卡纸。", "使用前检查纸张，受潮纸张不上机。", "库房加装除湿机并纳入巡检。"),
		"net.lan", new Problem("楼层网络频繁中断", CauseCategory.HARDWARE,
				new String[] { "为什么断网？接入交换机重启。", "为什么重启？电源模块过热。", "为什么过热？弱电间通风不良。" },
				"三楼弱电间温度过高，接入交换机电源模块过热重启。", "临时将受影响房间调整到其他交换机端口。", "弱电间加装空调，更换老化电源模块。"),
		"sw.app", new Problem("OA 白屏反复出现", CauseCategory.SOFTWARE,
				new String[] { "为什么白屏？浏览器加载了旧脚本。", "为什么是旧脚本？发布时未更新版本号。", "为什么未更新？发布流程缺少检查项。" },
				"OA 发布流程未给静态资源加版本号，浏览器使用旧缓存。", "清除浏览器缓存即可恢复。", "发布流程增加静态资源版本号检查。"),
		"db", new Problem("数据库连接池频繁耗尽", CauseCategory.CAPACITY,
				new String[] { "为什么连接耗尽？连接未释放。", "为什么未释放？报表查询超时占用。", "为什么超时？报表与交易共用主库。" },
				"报表查询与交易共用主库，长查询占满连接池。", "临时重启应用释放连接，调大连接池。", "报表查询迁移到只读备库。"),
		"acct", new Problem("账号频繁被锁定", CauseCategory.HUMAN,
				new String[] { "为什么被锁？旧密码反复尝试。", "为什么旧密码？手机邮件保存了旧密码。", "为什么没更新？改密码时没有提醒。" },
				"修改密码后手机等设备仍用旧密码反复登录导致锁定。", "解锁后提醒用户更新手机中的密码。", "密码到期通知中加入“更新手机邮箱密码”的提示。"),
		"net.vpn", new Problem("VPN 认证失败集中出现", CauseCategory.CONFIGURATION,
				new String[] { "为什么认证失败？令牌时间偏差。", "为什么偏差？认证服务器时间不准。", "为什么不准？未配置时间同步。" },
				"VPN 认证服务器未配置 NTP，时间漂移导致动态口令校验失败。", "为用户重新同步令牌。", "认证服务器配置 NTP 并加入监控。"),
		"sw.mail", new Problem("外部邮件被误拦截", CauseCategory.CONFIGURATION,
				new String[] { "为什么收不到？网关拦截。", "为什么拦截？评分阈值过低。", "为什么过低？升级后恢复了默认值。" },
				"反垃圾网关升级后评分阈值恢复默认，误判率升高。", "把对方域名加入白名单，补收隔离邮件。", "把网关配置纳入基线，升级后核对。"));
	// @formatter:on

}
