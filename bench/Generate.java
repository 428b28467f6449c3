import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.postgresql.PGConnection;

/**
 * Fills a Yunwei database, migrated and seeded by one start of the application, with a
 * large realistic dataset through COPY: departments, people and groups, services with
 * their service levels, incident categories, configuration items, incidents and service
 * requests over three years (journal, state history, SLA clocks, channel and rating,
 * category and resolution), changes and published knowledge articles; then moves every
 * sequence past what it wrote and analyses the tables.
 *
 * <pre>
 * java -cp postgresql.jar bench/Generate.java jdbc:postgresql://127.0.0.1:5432/yunwei_bench [scale] [seed]
 * </pre>
 *
 * {@code scale} 1 = 1,000,000 incidents and requests, 20,000 CIs, 50,000 changes, 5,000
 * articles. The bench user {@code benchhead} (head of O&M) gets sysadmin's password.
 */
public class Generate {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssX").withZone(ZoneOffset.UTC);

	static final Random R = new Random(20261206);

	public static void main(String[] args) throws Exception {
		String url = args[0];
		double scale = (args.length > 1) ? Double.parseDouble(args[1]) : 1.0;
		if (args.length > 2) {
			R.setSeed(Long.parseLong(args[2]));
		}
		long started = System.nanoTime();
		try (Connection c = DriverManager.getConnection(url, System.getProperty("user", "postgres"), "")) {
			c.setAutoCommit(false);
			Generate g = new Generate(c, scale);
			g.run();
		}
		System.out.printf("generated in %.1f s%n", (System.nanoTime() - started) / 1e9);
	}

	final Connection c;

	final double scale;

	final Instant now = Instant.now();

	final Instant start = this.now.minus(Duration.ofDays(3 * 365));

	Generate(Connection c, double scale) {
		this.c = c;
		this.scale = scale;
	}

	// ---- reference data read from the seeded database

	long calendar;

	Map<String, Long> workflows = new HashMap<>();

	Map<String, Long> roles = new HashMap<>();

	Map<String, Long> classes = new HashMap<>();

	String adminHash;

	// ---- what the generator created

	long[] departments;

	long[] requesters;

	long[] requesterDept;

	String[] requesterName;

	long[] groups;

	long[][] members;

	Map<Long, String> names = new HashMap<>();

	long[] services;

	int[][] targets; // per service: response, resolution minutes per priority 1..4 (index

	// 0..7)

	long[] categories;

	long[] cis;

	void run() throws Exception {
		readReference();
		long t = System.nanoTime();
		organisation();
		servicesAndLevels();
		categories();
		step("organisation, services, categories", t);
		t = System.nanoTime();
		configurationItems((int) Math.round(20_000 * this.scale));
		step("configuration items", t);
		t = System.nanoTime();
		tickets((int) Math.round(1_000_000 * this.scale));
		step("incidents and requests", t);
		t = System.nanoTime();
		changes((int) Math.round(50_000 * this.scale));
		step("changes", t);
		t = System.nanoTime();
		articles((int) Math.round(5_000 * this.scale));
		step("knowledge articles", t);
		t = System.nanoTime();
		load();
		try (Statement st = this.c.createStatement()) {
			// an article and its published version point at each other
			st.execute("update kb_article a set current_version_id = v.id from kb_version v"
					+ " where v.article_id = a.id and a.current_version_id is null");
		}
		step("loaded", t);
		t = System.nanoTime();
		sequences();
		this.c.commit();
		this.c.setAutoCommit(true);
		try (Statement s = this.c.createStatement()) {
			s.execute("analyze");
		}
		step("sequences and analyze", t);
	}

	static void step(String what, long since) {
		System.out.printf("  %-40s %6.1f s%n", what, (System.nanoTime() - since) / 1e9);
	}

	void readReference() throws SQLException {
		this.calendar = one("select id from cal_calendar where code = 'cn-workdays'");
		for (String type : List.of("incident", "request", "change")) {
			this.workflows.put(type, one("select id from wi_workflow where type_code = '" + type
					+ "' and variant = '' and active order by wf_version desc fetch first 1 rows only"));
		}
		try (Statement s = this.c.createStatement(); ResultSet rs = s.executeQuery("select code, id from pf_role")) {
			while (rs.next()) {
				this.roles.put(rs.getString(1), rs.getLong(2));
			}
		}
		try (Statement s = this.c.createStatement(); ResultSet rs = s.executeQuery("select code, id from cm_class")) {
			while (rs.next()) {
				this.classes.put(rs.getString(1), rs.getLong(2));
			}
		}
		try (Statement s = this.c.createStatement();
				ResultSet rs = s.executeQuery("select password_hash from pf_user where username = 'sysadmin'")) {
			rs.next();
			this.adminHash = rs.getString(1);
		}
		if (one("select count(*) from wi_item") > 0) {
			throw new IllegalStateException("the database already holds work items: generate into a fresh one");
		}
	}

	long one(String sql) throws SQLException {
		try (Statement s = this.c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	long nextId(String table) throws SQLException {
		return one("select coalesce(max(id), 0) + 1 from " + table);
	}

	// ---- organisation

	static final String[] SURNAMES = "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹".split(" ");

	static final String[] GIVEN = "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 刚 桂英 华 建华 文 斌 宇 浩 凯 欣 雪 琳 晨 博 鑫"
		.split(" ");

	static final String[] DEPARTMENTS = "办公室 财务处 人事处 法规处 规划处 审计处 机关党委 信息中心 档案馆 后勤服务中心 政策研究室 综合处 监督处 统计处 宣传处 国际合作处 科技处 安全处 培训中心 离退休干部处"
		.split(" ");

	static final String[][] GROUPS = { { "SERVICE-DESK", "服务台" }, { "DESKTOP", "桌面运维组" }, { "NETWORK", "网络组" },
			{ "SERVER", "服务器组" }, { "DATABASE", "数据库组" }, { "APP-OA", "办公应用组" }, { "APP-BIZ", "业务系统组" },
			{ "SECURITY", "安全组" }, { "STORAGE", "存储备份组" }, { "FACILITY", "机房动力组" }, { "VENDOR", "厂商驻场组" },
			{ "MIDDLEWARE", "中间件组" } };

	/** How much of the work each group gets (skewed: the desk and desktop most). */
	static final double[] GROUP_WEIGHT = { 30, 25, 10, 8, 5, 8, 6, 3, 2, 1, 1, 1 };

	void organisation() throws Exception {
		Instant at = this.start.minus(Duration.ofDays(30));
		String ts = TS.format(at);
		long dept = nextId("pf_department");
		this.departments = new long[DEPARTMENTS.length];
		try (Copy copy = copy("pf_department (id, version, code, name, sort_order, active, created_at, updated_at)")) {
			for (int i = 0; i < DEPARTMENTS.length; i++) {
				this.departments[i] = dept + i;
				copy.row(dept + i, 0, "BD" + (i + 1), DEPARTMENTS[i], i, true, ts, ts);
			}
		}
		int nRequesters = (int) Math.max(200, Math.round(3000 * Math.min(1, this.scale * 2)));
		int perGroup = 10;
		long user = nextId("pf_user");
		this.requesters = new long[nRequesters];
		this.requesterDept = new long[nRequesters];
		this.requesterName = new String[nRequesters];
		this.groups = new long[GROUPS.length];
		this.members = new long[GROUPS.length][perGroup];
		long group = nextId("pf_group");
		try (Copy copy = copy("pf_user (id, version, username, display_name, email, department_id, active, auth_source,"
				+ " password_hash, must_change_password, failed_attempts, created_at, updated_at)")) {
			copy.row(user, 0, "benchhead", "基准测试运维负责人", "benchhead@bench.example", this.departments[7], true, "LOCAL",
					this.adminHash, false, 0, ts, ts);
			this.names.put(user, "基准测试运维负责人");
			long head = user++;
			for (int i = 0; i < nRequesters; i++) {
				String name = name();
				this.requesters[i] = user;
				this.requesterDept[i] = this.departments[(int) Math.min(DEPARTMENTS.length - 1,
						Math.floor(Math.pow(R.nextDouble(), 1.6) * DEPARTMENTS.length))];
				this.requesterName[i] = name;
				this.names.put(user, name);
				copy.row(user, 0, "u" + (i + 1), name, "u" + (i + 1) + "@bench.example", this.requesterDept[i], true,
						"LOCAL", null, false, 0, ts, ts);
				user++;
			}
			for (int g = 0; g < GROUPS.length; g++) {
				this.groups[g] = group + g;
				for (int m = 0; m < perGroup; m++) {
					String name = name();
					this.members[g][m] = user;
					this.names.put(user, name);
					copy.row(user, 0, "e" + (g + 1) + "_" + (m + 1), name, "e" + (g + 1) + "_" + (m + 1) + "@bench.example",
							this.departments[7], true, "LOCAL", this.adminHash, false, 0, ts, ts);
					user++;
				}
			}
			this.benchHead = head;
		}
		try (Copy copy = copy("pf_group (id, version, code, name, active, created_at, updated_at)")) {
			for (int g = 0; g < GROUPS.length; g++) {
				copy.row(this.groups[g], 0, GROUPS[g][0], GROUPS[g][1], true, ts, ts);
			}
		}
		try (Copy copy = copy("pf_group_member (group_id, user_id)")) {
			for (int g = 0; g < GROUPS.length; g++) {
				for (long m : this.members[g]) {
					copy.row(this.groups[g], m);
				}
			}
		}
		try (Copy copy = copy("pf_user_role (user_id, role_id)")) {
			copy.row(this.benchHead, this.roles.get("OM_HEAD"));
			for (long r : this.requesters) {
				copy.row(r, this.roles.get("DEPARTMENT_USER"));
			}
			for (int g = 0; g < GROUPS.length; g++) {
				for (long m : this.members[g]) {
					copy.row(m, this.roles.get((g == 0) ? "SERVICE_DESK_AGENT" : "ENGINEER"));
				}
			}
		}
	}

	long benchHead;

	static String name() {
		return SURNAMES[R.nextInt(SURNAMES.length)] + GIVEN[R.nextInt(GIVEN.length)];
	}

	// ---- services and levels

	static final String[] SERVICES = "办公自动化 电子邮件 门户网站 财务系统 人事系统 档案系统 视频会议 网络接入 桌面终端 打印服务 数据备份 信息安全 业务审批系统 移动办公 统一身份认证"
		.split(" ");

	static final int[][] TARGETS = { { 15, 240 }, { 30, 480 }, { 60, 1440 }, { 240, 4320 } };

	void servicesAndLevels() throws Exception {
		String ts = TS.format(this.start.minus(Duration.ofDays(30)));
		long id = nextId("sl_service");
		this.services = new long[SERVICES.length];
		try (Copy copy = copy("sl_service (id, version, code, name, description, active, created_at, updated_at)")) {
			for (int i = 0; i < SERVICES.length; i++) {
				this.services[i] = id + i;
				copy.row(id + i, 0, "SVC-" + (i + 1), SERVICES[i], SERVICES[i] + "服务", true, ts, ts);
			}
		}
		long level = nextId("sl_level");
		try (Copy copy = copy("sl_level (id, version, service_id, calendar_id, objective, scope, service_hours, content,"
				+ " effect, security, availability_target, warn_percent, effective_from, updated_at)")) {
			for (int i = 0; i < SERVICES.length; i++) {
				copy.row(level + i, 0, this.services[i], this.calendar, "保障" + SERVICES[i] + "稳定运行", "全体用户",
						"工作日 9:00-17:30", SERVICES[i] + "的受理、处理和保障", "响应和解决时限按优先级执行", "按等级保护要求", "99.5", 75,
						"2023-01-01", ts);
			}
		}
		try (Copy copy = copy("sl_target (level_id, priority, response_minutes, resolution_minutes)")) {
			for (int i = 0; i < SERVICES.length; i++) {
				for (int p = 1; p <= 4; p++) {
					copy.row(level + i, p, TARGETS[p - 1][0], TARGETS[p - 1][1]);
				}
			}
		}
	}

	// ---- incident categories

	static final String[][] CATEGORIES = { { "硬件", "台式机", "笔记本", "打印机", "显示器" }, { "软件", "办公软件", "浏览器", "操作系统" },
			{ "网络", "有线网络", "无线网络", "VPN" }, { "账号权限", "密码重置", "权限申请", "账号锁定" }, { "业务系统", "OA", "财务系统", "人事系统", "门户网站" },
			{ "邮件", "收发故障", "邮箱容量" }, { "安全", "病毒木马", "安全告警" }, { "机房", "电力", "空调" },
			{ "数据库", "性能", "备份恢复" }, { "其他", "咨询", "投诉建议" } };

	void categories() throws Exception {
		String ts = TS.format(this.start.minus(Duration.ofDays(30)));
		long id = nextId("inc_category");
		List<Long> leaves = new ArrayList<>();
		try (Copy copy = copy(
				"inc_category (id, version, parent_id, code, name_zh, name_en, sort_order, active, created_at, updated_at)")) {
			long next = id;
			for (int i = 0; i < CATEGORIES.length; i++) {
				long parent = next++;
				copy.row(parent, 0, null, "BC" + (i + 1), CATEGORIES[i][0], "Category " + (i + 1), i, true, ts, ts);
				for (int j = 1; j < CATEGORIES[i].length; j++) {
					copy.row(next, 0, parent, "BC" + (i + 1) + "-" + j, CATEGORIES[i][j], "Category " + (i + 1) + "." + j,
							j, true, ts, ts);
					leaves.add(next++);
				}
			}
		}
		this.categories = leaves.stream().mapToLong(Long::longValue).toArray();
	}

	// ---- configuration items

	static final String[] CI_CLASSES = { "server", "virtual_machine", "application", "database", "network_device",
			"terminal", "storage" };

	static final double[] CI_WEIGHT = { 10, 30, 5, 5, 10, 38, 2 };

	void configurationItems(int n) throws Exception {
		long id = nextId("cm_ci");
		this.cis = new long[n];
		try (Copy copy = copy("cm_ci (id, version, number, class_id, name, state, group_id, service_id, description,"
				+ " identity_key, created_at, updated_at)")) {
			for (int i = 0; i < n; i++) {
				String cls = CI_CLASSES[pick(CI_WEIGHT)];
				String name = cls.toUpperCase().replace('_', '-') + "-" + String.format("%05d", i + 1);
				Instant at = this.start.plus(Duration.ofMinutes(R.nextInt(3 * 365 * 24 * 60)));
				this.cis[i] = id + i;
				copy.row(id + i, 0, String.format("CI-%06d", i + 1), this.classes.getOrDefault(cls, this.classes.get("server")),
						name, (R.nextInt(20) == 0) ? "RETIRED" : "IN_SERVICE", this.groups[1 + R.nextInt(GROUPS.length - 1)],
						this.services[R.nextInt(this.services.length)], "基准测试配置项 " + name, "name:" + name.toLowerCase(),
						TS.format(at), TS.format(at));
			}
		}
		this.ciCount = n;
	}

	int ciCount;

	// ---- incidents and requests

	static final String[] FAULTS = { "三楼彩色打印机卡纸", "OA 系统登录缓慢", "VPN 无法连接", "邮箱无法接收外部邮件", "电脑开机蓝屏", "财务系统报表导出失败", "会议室投影无信号",
			"无线网络频繁掉线", "人事系统页面打不开", "门户网站访问报错 502", "账号被锁定无法登录", "U 盘无法识别", "杀毒软件提示发现病毒", "视频会议无声音",
			"共享盘访问被拒绝", "网页打开很慢", "打印机脱机", "显示器闪屏", "档案系统检索无结果", "审批流程卡在财务环节", "Printer on floor 3 offline",
			"Cannot log in to the OA portal", "Outlook keeps asking for password", "Laptop battery not charging" };

	static final String[] REQUESTS = { "申请开通 VPN 账号", "新员工入职电脑配置", "申请增加邮箱容量", "申请安装专业软件", "申请开通共享文件夹权限", "申请会议室视频会议保障",
			"申请更换显示器", "申请重置系统密码", "申请开通门户网站栏目编辑权限", "申请领用笔记本电脑", "Request a new VPN account",
			"Request access to the finance reports" };

	static final String[] DETAILS = { "上午开始出现，已重启仍不能解决。", "影响本处室多名同事办公，请尽快处理。", "昨天下午还正常，今天突然不行了。", "提示错误代码，截图已发群里。",
			"领导明天开会要用，比较急。", "换了一台电脑也一样。", "Started this morning; restarting did not help.", "Please help as soon as possible." };

	static final String[] COMMENTS = { "已远程协助处理，请确认是否恢复。", "已联系厂商工程师上门维修。", "已更换硒鼓，打印恢复正常。", "已重置密码并告知用户。",
			"网络设备端口已复位，恢复连接。", "已为用户开通权限。", "已清理缓存并升级浏览器。", "系统侧已扩容，访问恢复。", "Fixed remotely; please confirm." };

	static final String[] NOTES = { "内部备注：疑似交换机端口老化，建议列入变更计划。", "内部备注：同类问题本周第三次，考虑提问题单。", "内部备注：厂商答复需更换定影器。",
			"内部备注：用户电脑未装补丁，已安排统一推送。" };

	static final String[] CHANNELS = { "PORTAL", "PHONE", "EMAIL", "API", "AGENT" };

	static final double[] CHANNEL_WEIGHT = { 40, 35, 12, 3, 10 };

	static final String[] RESOLUTIONS = { "FIXED", "WORKAROUND", "VENDOR", "USER_RESOLVED", "NOT_REPRODUCIBLE",
			"NO_FAULT" };

	static final double[] RESOLUTION_WEIGHT = { 70, 8, 8, 8, 3, 3 };

	Map<String, Integer> lastNumber = new TreeMap<>();

	int pick(double[] weights) {
		double sum = 0;
		for (double w : weights) {
			sum += w;
		}
		double x = R.nextDouble() * sum;
		for (int i = 0; i < weights.length; i++) {
			x -= weights[i];
			if (x < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/** A Zipf-like index into n: a few are picked very often. */
	int skewed(int n) {
		return (int) Math.min(n - 1, Math.floor(Math.pow(R.nextDouble(), 2.2) * n));
	}

	String number(String prefix, String type, Instant at) {
		int year = at.atZone(ZONE).getYear();
		String key = type + "_" + year;
		int next = this.lastNumber.merge(key, 1, Integer::sum);
		return String.format("%s-%d-%06d", prefix, year, next);
	}

	long nextItem;

	long nextJournal;

	long nextHistory;

	void tickets(int n) throws Exception {
		long id = nextId("wi_item");
		long journal = nextId("wi_journal");
		long history = nextId("wi_state_history");
		long clock = nextId("sl_clock");
		long segment = nextId("sl_clock_segment");
		long spanSeconds = Duration.between(this.start, this.now).getSeconds() - 3600;
		// ids follow opened_at: draw the opening times, sort them
		long[] offsets = new long[n];
		for (int i = 0; i < n; i++) {
			// more on working days and hours, and growing over the years
			long s;
			do {
				s = (long) (Math.sqrt(R.nextDouble()) * spanSeconds);
				Instant at = this.start.plusSeconds(s);
				var z = at.atZone(ZONE);
				int dow = z.getDayOfWeek().getValue();
				int hour = z.getHour();
				boolean work = dow <= 5 && hour >= 8 && hour < 18;
				if (work || R.nextInt(8) == 0) {
					break;
				}
			}
			while (true);
			offsets[i] = s;
		}
		java.util.Arrays.sort(offsets);
		try (Copy items = copy("wi_item (id, version, type_code, number, title, description, workflow_id, state,"
				+ " state_category, impact, urgency, priority, requester_id, department_id, assignee_id, group_id,"
				+ " service_id, due_at, opened_at, first_response_at, resolved_at, closed_at, created_by, updated_at,"
				+ " sla_status, sla_due_at)");
				Copy journals = copy(
						"wi_journal (id, item_id, kind, body, changes, author_id, author_name, created_at)");
				Copy histories = copy(
						"wi_state_history (id, item_id, transition, from_state, to_state, actor_id, occurred_at)");
				Copy clocks = copy("sl_clock (id, version, item_id, item_type, kind, service_id, department_id,"
						+ " group_id, priority, calendar_id, target_minutes, warn_percent, state, elapsed_minutes,"
						+ " running_since, started_at, warn_at, due_at, warned_at, breached_at, stopped_at, outcome)");
				Copy segments = copy("sl_clock_segment (id, clock_id, started_at, ended_at)");
				Copy tickets = copy("sd_ticket (item_id, channel, rating, rating_comment, rated_by, rated_at)");
				Copy incidents = copy("inc_incident (item_id, version, category_id, resolution_code, major, updated_at)");
				Copy links = copy("wi_item_ci (item_id, ci_id)")) {
			for (int i = 0; i < n; i++) {
				long item = id + i;
				boolean incident = R.nextInt(10) < 7;
				String type = incident ? "incident" : "request";
				Instant opened = this.start.plusSeconds(offsets[i]);
				int impact = 1 + pick(new double[] { 5, 25, 70 });
				int urgency = 1 + pick(new double[] { 5, 30, 65 });
				int priority = PRIORITY[impact - 1][urgency - 1];
				int r = skewed(this.requesters.length);
				long requester = this.requesters[r];
				int g = pick(GROUP_WEIGHT);
				long group = this.groups[g];
				long assignee = this.members[g][skewed(this.members[g].length)];
				int svc = skewed(this.services.length);
				long service = this.services[svc];
				String title = incident ? FAULTS[skewed(FAULTS.length)] : REQUESTS[skewed(REQUESTS.length)];
				String description = title + "。" + DETAILS[R.nextInt(DETAILS.length)] + " 联系人：" + this.requesterName[r]
						+ "，分机 " + (6000 + R.nextInt(4000)) + "。";
				String number = number(incident ? "INC" : "REQ", type, opened);
				// how far it got: old ones are done; the last days' ones still open
				long ageHours = Duration.between(opened, this.now).toHours();
				int responseTarget = TARGETS[priority - 1][0];
				int resolutionTarget = TARGETS[priority - 1][1];
				long responded = (long) (responseTarget * 60 * Math.min(6, -Math.log(1 - R.nextDouble()) * 0.45));
				long resolvedIn = responded
						+ (long) (resolutionTarget * 60 * Math.min(5, -Math.log(1 - R.nextDouble()) * 0.4));
				long closedIn = resolvedIn + (long) (3600 * (4 + R.nextInt(72)));
				String state;
				boolean cancelled = R.nextInt(40) == 0;
				Instant take = opened.plusSeconds(responded);
				Instant resolved = opened.plusSeconds(resolvedIn);
				Instant closed = opened.plusSeconds(closedIn);
				if (cancelled && take.isBefore(this.now)) {
					state = "cancelled";
				}
				else if (!closed.isAfter(this.now)) {
					state = "closed";
				}
				else if (!resolved.isAfter(this.now)) {
					state = "resolved";
				}
				else if (!take.isAfter(this.now)) {
					state = (R.nextInt(5) == 0) ? "waiting" : "inProgress";
				}
				else {
					state = "new";
				}
				String category = switch (state) {
					case "new" -> "NEW";
					case "inProgress" -> "ACTIVE";
					case "waiting", "resolved" -> "WAITING";
					case "closed" -> "DONE";
					default -> "CANCELLED";
				};
				boolean takenYet = !"new".equals(state);
				boolean resolvedYet = "resolved".equals(state) || "closed".equals(state);
				boolean closedYet = "closed".equals(state) || "cancelled".equals(state);
				Instant cancelledAt = take;
				Instant updated = closedYet ? ("cancelled".equals(state) ? cancelledAt : closed)
						: resolvedYet ? resolved : takenYet ? take : opened;
				// SLA: response and resolution clocks against the service's targets
				long responseElapsed = takenYet ? responded / 60 : 0;
				boolean responseBreached = takenYet ? responseElapsed > responseTarget
						: Duration.between(opened, this.now).toMinutes() > responseTarget;
				long resolutionElapsed = resolvedYet ? resolvedIn / 60 : Duration.between(opened, this.now).toMinutes();
				boolean resolutionBreached = resolutionElapsed > resolutionTarget;
				String slaStatus;
				Instant slaDue = null;
				boolean running = !resolvedYet && !"cancelled".equals(state) && !"waiting".equals(state);
				if ("cancelled".equals(state)) {
					slaStatus = null;
				}
				else if (resolvedYet) {
					slaStatus = (responseBreached || resolutionBreached) ? "BREACHED" : "MET";
				}
				else if (responseBreached || resolutionBreached) {
					slaStatus = "BREACHED";
				}
				else if ("waiting".equals(state)) {
					slaStatus = "PAUSED";
				}
				else {
					boolean warned = resolutionElapsed > resolutionTarget * 75 / 100;
					slaStatus = warned ? "WARNING" : "ON_TRACK";
					slaDue = opened.plus(Duration.ofMinutes(takenYet ? resolutionTarget : responseTarget));
				}
				items.row(item, 0, type, number, title, description, this.workflows.get(type), state, category, impact,
						urgency, priority, requester, this.requesterDept[r], takenYet ? assignee : null, group, service,
						null, ts(opened), takenYet ? ts(take) : null, resolvedYet ? ts(resolved) : null,
						closedYet ? ts("cancelled".equals(state) ? cancelledAt : closed) : null, requester, ts(updated),
						slaStatus, slaDue == null ? null : ts(slaDue));
				// journal and state history
				String newLabel = "待受理";
				journals.row(journal++, item, "SYSTEM", null, "{\"state\":{\"before\":null,\"after\":\"" + newLabel + "\"}}",
						requester, this.requesterName[r], ts(opened));
				histories.row(history++, item, null, null, "new", requester, ts(opened));
				String assigneeName = this.names.get(assignee);
				if ("cancelled".equals(state)) {
					journals.row(journal++, item, "SYSTEM", "transition:cancel",
							"{\"state\":{\"before\":\"待受理\",\"after\":\"已撤销\"}}", assignee, assigneeName, ts(cancelledAt));
					journals.row(journal++, item, "COMMENT", "重复报修，已合并处理。", null, assignee, assigneeName, ts(cancelledAt));
					histories.row(history++, item, "cancel", "new", "cancelled", assignee, ts(cancelledAt));
				}
				if (takenYet && !"cancelled".equals(state)) {
					journals.row(journal++, item, "SYSTEM", "transition:take",
							"{\"state\":{\"before\":\"待受理\",\"after\":\"处理中\"},\"assignee\":{\"before\":null,\"after\":\""
									+ assigneeName + "\"}}",
							assignee, assigneeName, ts(take));
					histories.row(history++, item, "take", "new", "inProgress", assignee, ts(take));
					Instant mid = take.plusSeconds(Math.max(60, (resolvedIn - responded) / 2));
					if (mid.isBefore(this.now)) {
						journals.row(journal++, item, "COMMENT", COMMENTS[R.nextInt(COMMENTS.length)], null, assignee,
								assigneeName, ts(mid));
						if (R.nextInt(4) == 0) {
							journals.row(journal++, item, "WORK_NOTE", NOTES[R.nextInt(NOTES.length)], null, assignee,
									assigneeName, ts(mid.plusSeconds(60)));
						}
					}
				}
				String resolvedLabel = incident ? "已解决，待用户确认" : "已完成，待用户确认";
				if ("waiting".equals(state)) {
					journals.row(journal++, item, "SYSTEM", "transition:wait",
							"{\"state\":{\"before\":\"处理中\",\"after\":\"挂起（等待用户/厂商）\"}}", assignee, assigneeName,
							ts(take.plusSeconds(120)));
					histories.row(history++, item, "wait", "inProgress", "waiting", assignee, ts(take.plusSeconds(120)));
				}
				if (resolvedYet) {
					journals.row(journal++, item, "SYSTEM", "transition:resolve",
							"{\"state\":{\"before\":\"处理中\",\"after\":\"" + resolvedLabel + "\"}}", assignee, assigneeName,
							ts(resolved));
					histories.row(history++, item, "resolve", "inProgress", "resolved", assignee, ts(resolved));
				}
				if ("closed".equals(state)) {
					journals.row(journal++, item, "SYSTEM", "transition:accept",
							"{\"state\":{\"before\":\"" + resolvedLabel + "\",\"after\":\"已关闭\"}}", requester,
							this.requesterName[r], ts(closed));
					histories.row(history++, item, "accept", "resolved", "closed", requester, ts(closed));
				}
				// clocks
				if (!"cancelled".equals(state)) {
					long rc = clock++;
					Instant rDue = opened.plus(Duration.ofMinutes(responseTarget));
					Instant rWarn = opened.plus(Duration.ofMinutes(responseTarget * 75L / 100));
					if (takenYet) {
						clocks.row(rc, 0, item, type, "RESPONSE", service, this.requesterDept[r], group, priority,
								this.calendar, responseTarget, 75, "STOPPED", responseElapsed, null, ts(opened), null, null,
								(responseElapsed >= responseTarget * 75L / 100) ? ts(rWarn) : null,
								responseBreached ? ts(rDue) : null, ts(take), responseBreached ? "BREACHED" : "MET");
						segments.row(segment++, rc, ts(opened), ts(take));
					}
					else {
						clocks.row(rc, 0, item, type, "RESPONSE", service, this.requesterDept[r], group, priority,
								this.calendar, responseTarget, 75, "RUNNING", 0, ts(opened), ts(opened), ts(rWarn), ts(rDue),
								rWarn.isBefore(this.now) ? ts(rWarn) : null, rDue.isBefore(this.now) ? ts(rDue) : null, null,
								null);
						segments.row(segment++, rc, ts(opened), null);
					}
					long sc = clock++;
					Instant sDue = opened.plus(Duration.ofMinutes(resolutionTarget));
					Instant sWarn = opened.plus(Duration.ofMinutes(resolutionTarget * 75L / 100));
					if (resolvedYet) {
						clocks.row(sc, 0, item, type, "RESOLUTION", service, this.requesterDept[r], group, priority,
								this.calendar, resolutionTarget, 75, "STOPPED", resolutionElapsed, null, ts(opened), null,
								null, (resolutionElapsed >= resolutionTarget * 75L / 100) ? ts(sWarn) : null,
								resolutionBreached ? ts(sDue) : null, ts(resolved),
								resolutionBreached ? "BREACHED" : "MET");
						segments.row(segment++, sc, ts(opened), ts(resolved));
					}
					else if ("waiting".equals(state)) {
						long before = Duration.between(opened, take.plusSeconds(120)).toMinutes();
						clocks.row(sc, 0, item, type, "RESOLUTION", service, this.requesterDept[r], group, priority,
								this.calendar, resolutionTarget, 75, "PAUSED", before, null, ts(opened), null, null,
								(before >= resolutionTarget * 75L / 100) ? ts(sWarn) : null,
								(before > resolutionTarget) ? ts(sDue) : null, null, null);
						segments.row(segment++, sc, ts(opened), ts(take.plusSeconds(120)));
					}
					else {
						clocks.row(sc, 0, item, type, "RESOLUTION", service, this.requesterDept[r], group, priority,
								this.calendar, resolutionTarget, 75, "RUNNING", 0, ts(opened), ts(opened), ts(sWarn),
								ts(sDue), sWarn.isBefore(this.now) ? ts(sWarn) : null,
								sDue.isBefore(this.now) ? ts(sDue) : null, null, null);
						segments.row(segment++, sc, ts(opened), null);
					}
				}
				// the ticket's channel and, for some closed ones, the requester's rating
				boolean rated = "closed".equals(state) && R.nextInt(10) < 4;
				int rating = 1 + pick(new double[] { 2, 3, 8, 30, 57 });
				tickets.row(item, CHANNELS[pick(CHANNEL_WEIGHT)], rated ? rating : null,
						(rated && rating <= 2) ? "处理太慢" : null, rated ? requester : null, rated ? ts(closed) : null);
				if (incident) {
					incidents.row(item, 0, this.categories[skewed(this.categories.length)],
							resolvedYet ? RESOLUTIONS[pick(RESOLUTION_WEIGHT)] : null, R.nextInt(2000) == 0, ts(updated));
				}
				if (this.ciCount > 0 && R.nextInt(3) == 0) {
					links.row(item, this.cis[skewed(this.ciCount)]);
				}
				if (i > 0 && i % 200_000 == 0) {
					System.out.printf("    %,d work items%n", i);
				}
			}
		}
		this.nextItem = id + n;
		this.nextJournal = journal;
		this.nextHistory = history;
	}

	static final int[][] PRIORITY = { { 1, 2, 3 }, { 2, 3, 4 }, { 3, 4, 4 } };

	static String ts(Instant at) {
		return TS.format(at);
	}

	// ---- changes

	static final String[] CHANGE_TITLES = { "核心交换机固件升级", "OA 系统版本发布", "数据库补丁安装", "防火墙策略调整", "新增虚拟机", "存储扩容", "邮件系统证书更换",
			"门户网站栏目调整", "机房 UPS 电池更换", "备份策略调整", "Upgrade the VPN gateway", "Patch the finance database" };

	void changes(int n) throws Exception {
		long id = this.nextItem;
		long journal = this.nextJournal;
		long history = this.nextHistory;
		long spanSeconds = Duration.between(this.start, this.now).getSeconds() - 86400 * 10L;
		long[] offsets = new long[n];
		for (int i = 0; i < n; i++) {
			offsets[i] = (long) (R.nextDouble() * spanSeconds);
		}
		java.util.Arrays.sort(offsets);
		String[] types = { "STANDARD", "NORMAL", "EMERGENCY" };
		String[] categories = { "HARDWARE", "SOFTWARE", "NETWORK", "APPLICATION", "DATABASE", "SECURITY", "FACILITY",
				"OTHER" };
		try (Copy items = copy("wi_item (id, version, type_code, number, title, description, workflow_id, state,"
				+ " state_category, impact, urgency, priority, requester_id, department_id, assignee_id, group_id,"
				+ " service_id, opened_at, first_response_at, resolved_at, closed_at, created_by, updated_at)");
				Copy changes = copy("chg_change (item_id, number, version, change_type, category, state, state_category,"
						+ " raised_at, risk, planned_start, planned_end, approved_at, outcome, outcome_at, updated_at)");
				Copy journals = copy(
						"wi_journal (id, item_id, kind, body, changes, author_id, author_name, created_at)");
				Copy histories = copy(
						"wi_state_history (id, item_id, transition, from_state, to_state, actor_id, occurred_at)")) {
			for (int i = 0; i < n; i++) {
				long item = id + i;
				Instant raised = this.start.plusSeconds(offsets[i]);
				int g = 1 + R.nextInt(GROUPS.length - 1);
				long owner = this.members[g][R.nextInt(this.members[g].length)];
				String number = number("CHG", "change", raised);
				Instant start = raised.plus(Duration.ofDays(2 + R.nextInt(10)));
				Instant end = start.plus(Duration.ofHours(2));
				boolean done = end.isBefore(this.now);
				String outcome = done ? new String[] { "SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL",
						"SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL",
						"SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL", "FAILED",
						"BACKED_OUT" }[R.nextInt(20)] : null;
				String state = done ? "closed" : "scheduled";
				String category = done ? "DONE" : "ACTIVE";
				String title = CHANGE_TITLES[R.nextInt(CHANGE_TITLES.length)];
				items.row(item, 0, "change", number, title, title + "（基准测试数据）", this.workflows.get("change"), state,
						category, 2, 2, 3, owner, this.departments[7], owner, this.groups[g],
						this.services[R.nextInt(this.services.length)], ts(raised), ts(raised.plusSeconds(3600)),
						done ? ts(end) : null, done ? ts(end.plusSeconds(86400)) : null, owner,
						ts(done ? end.plusSeconds(86400) : raised));
				changes.row(item, number, 0, types[pick(new double[] { 30, 60, 10 })],
						categories[R.nextInt(categories.length)], state, category, ts(raised),
						new String[] { "LOW", "MEDIUM", "HIGH" }[pick(new double[] { 60, 30, 10 })], ts(start), ts(end),
						ts(raised.plusSeconds(86400)), outcome, done ? ts(end) : null, ts(done ? end : raised));
				String ownerName = this.names.get(owner);
				journals.row(journal++, item, "SYSTEM", null, "{\"state\":{\"before\":null,\"after\":\"草稿\"}}", owner,
						ownerName, ts(raised));
				histories.row(history++, item, null, null, "draft", owner, ts(raised));
				if (done) {
					histories.row(history++, item, "close", "review", "closed", owner, ts(end.plusSeconds(86400)));
				}
			}
		}
	}

	// ---- knowledge

	void articles(int n) throws Exception {
		long id = nextId("kb_article");
		long version = nextId("kb_version");
		try (Copy articles = copy("kb_article (id, version, number, state, category_id, visibility, owner_id,"
				+ " review_months, next_review_on, views, helpful_yes, helpful_no, created_by,"
				+ " created_at, updated_at)")) {
			for (int i = 0; i < n; i++) {
				Instant at = this.start.plus(Duration.ofMinutes(R.nextInt(3 * 365 * 24 * 60)));
				long author = this.members[1 + R.nextInt(GROUPS.length - 1)][0];
				articles.row(id + i, 0, String.format("KB-%05d", i + 1), "PUBLISHED",
						this.categories[R.nextInt(this.categories.length)], "PUBLIC", author, 12,
						at.plus(Duration.ofDays(365)).atZone(ZONE).toLocalDate().toString(), R.nextInt(500),
						R.nextInt(50), R.nextInt(5), author, ts(at), ts(at));
			}
		}
		try (Copy versions = copy("kb_version (id, article_id, label, state, title, body, keywords, created_by,"
				+ " created_at, updated_at, published_by, published_at)")) {
			for (int i = 0; i < n; i++) {
				Instant at = this.start.plus(Duration.ofMinutes(R.nextInt(3 * 365 * 24 * 60)));
				String fault = FAULTS[R.nextInt(FAULTS.length)];
				long author = this.members[1 + R.nextInt(GROUPS.length - 1)][0];
				versions.row(version + i, id + i, 1, "PUBLISHED", "如何处理：" + fault + "（" + (i + 1) + "）",
						"## 现象\n\n" + fault + "。\n\n## 处理步骤\n\n1. " + COMMENTS[R.nextInt(COMMENTS.length)] + "\n2. "
								+ COMMENTS[R.nextInt(COMMENTS.length)] + "\n\n## 注意事项\n\n如仍不能解决，请联系服务台。",
						fault, author, ts(at), ts(at), author, ts(at));
			}
		}
		this.articleCount = n;
	}

	int articleCount;

	// ---- sequences

	void sequences() throws SQLException {
		try (Statement s = this.c.createStatement()) {
			for (var e : this.lastNumber.entrySet()) {
				s.execute("create sequence if not exists wi_seq_" + e.getKey() + " start with 1");
				s.execute("select setval('wi_seq_" + e.getKey() + "', " + e.getValue() + ")");
			}
			if (this.ciCount > 0) {
				s.execute("select setval('cm_ci_seq', " + this.ciCount + ")");
			}
			if (this.articleCount > 0) {
				s.execute("select setval('kb_article_seq', " + this.articleCount + ")");
			}
			for (String table : List.of("pf_department", "pf_user", "pf_group", "sl_service", "sl_level", "inc_category",
					"cm_ci", "wi_item", "wi_journal", "wi_state_history", "sl_clock", "sl_clock_segment", "kb_article",
					"kb_version")) {
				s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table
						+ "))");
			}
		}
	}

	// ---- COPY: rows are written to files first (one COPY at a time per connection), then
	// loaded in the order their tables were opened, which is the order of their foreign keys

	final List<Copy> pending = new ArrayList<>();

	Copy copy(String target) throws IOException {
		Copy copy = new Copy(target, java.nio.file.Files.createTempFile("yunwei-bench-", ".copy"));
		this.pending.add(copy);
		return copy;
	}

	void load() throws Exception {
		org.postgresql.copy.CopyManager api = this.c.unwrap(PGConnection.class).getCopyAPI();
		for (Copy copy : this.pending) {
			long t = System.nanoTime();
			long rows;
			try (java.io.InputStream in = java.nio.file.Files.newInputStream(copy.file)) {
				rows = api.copyIn("copy " + copy.target + " from stdin", in, 1 << 16);
			}
			java.nio.file.Files.delete(copy.file);
			System.out.printf("    %-18s %,11d rows %6.1f s%n", copy.target.substring(0, copy.target.indexOf(' ')), rows,
					(System.nanoTime() - t) / 1e9);
		}
		this.pending.clear();
	}

	/** Rows in COPY's text format, kept in a file until they are loaded. */
	static final class Copy implements AutoCloseable {

		final String target;

		final java.nio.file.Path file;

		private final java.io.Writer out;

		private final StringBuilder buffer = new StringBuilder(1 << 16);

		Copy(String target, java.nio.file.Path file) throws IOException {
			this.target = target;
			this.file = file;
			this.out = java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8);
		}

		void row(Object... values) throws IOException {
			StringBuilder b = this.buffer;
			b.setLength(0);
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					b.append('\t');
				}
				Object v = values[i];
				if (v == null) {
					b.append("\\N");
				}
				else if (v instanceof Boolean bool) {
					b.append(bool ? 't' : 'f');
				}
				else {
					String s = v.toString();
					for (int k = 0; k < s.length(); k++) {
						char ch = s.charAt(k);
						switch (ch) {
							case '\\' -> b.append("\\\\");
							case '\t' -> b.append("\\t");
							case '\n' -> b.append("\\n");
							case '\r' -> b.append("\\r");
							default -> b.append(ch);
						}
					}
				}
			}
			b.append('\n');
			this.out.append(b);
		}

		@Override
		public void close() throws IOException {
			this.out.close();
		}

	}

}
