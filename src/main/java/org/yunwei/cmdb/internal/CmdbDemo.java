package org.yunwei.cmdb.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yunwei.cmdb.ChangeSource;
import org.yunwei.cmdb.CiFilter;
import org.yunwei.cmdb.CiFormData;
import org.yunwei.cmdb.CiState;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;
import org.yunwei.workitem.ServiceOptions;

/**
 * The demo CMDB ({@code YUNWEI_DEMO=true}): a city bureau's two machine rooms with their
 * racks, network, storage, virtualisation hosts and virtual machines, a dozen application
 * systems with their middleware, databases (standbys in the disaster-recovery room) and
 * business services, the office terminals and the software in use — about two thousand
 * CIs, related so that the impact graph of a database server reaches the services above
 * it. Recorded through the same service as any CI ({@code yunwei.demo.cmdb-scale} shrinks
 * it for tests).
 */
@Component
@Order(56)
class CmdbDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CmdbDemo.class);

	// @formatter:off
	/** code, name, engine, protection level, service code, business owner. */
	static final String[][] APPLICATIONS = {
		{ "OA", "协同办公系统", "达梦 DM", "三级", "APPS", "办公室" },
		{ "DOC", "公文交换系统", "人大金仓 KingbaseES", "三级", "APPS", "办公室" },
		{ "FIN", "财务核算系统", "Oracle", "三级", "APPS", "计划财务处" },
		{ "GOVSVC", "政务服务平台", "达梦 DM", "三级", "APPS", "政务服务处" },
		{ "DATAX", "数据共享交换平台", "PostgreSQL", "三级", "APPS", "数据资源处" },
		{ "HR", "人事管理系统", "MySQL", "二级", "APPS", "人事处" },
		{ "PORTAL", "门户网站", "MySQL", "二级", "APPS", "办公室" },
		{ "VIDEO", "视频会议系统", "PostgreSQL", "二级", "APPS", "办公室" },
		{ "ARCH", "电子档案管理系统", "人大金仓 KingbaseES", "二级", "APPS", "办公室" },
		{ "IAM", "统一身份认证系统", "PostgreSQL", "三级", "APPS", "信息技术处" },
		{ "MAIL", "电子邮件系统", "PostgreSQL", "二级", "MAIL", "信息技术处" },
		{ "HOTLINE", "12345 热线系统", "达梦 DM", "三级", "APPS", "政务服务处" } };

	/** name, vendor, version. */
	static final String[][] SOFTWARE = {
		{ "银河麒麟高级服务器操作系统", "麒麟软件", "V10 SP3" }, { "统信 UOS 服务器版", "统信软件", "20 1070" },
		{ "Windows Server", "Microsoft", "2019" }, { "CentOS", "CentOS Project", "7.9" },
		{ "达梦数据库 DM8", "达梦数据", "8.1.3" }, { "人大金仓 KingbaseES", "中电科金仓", "V8R6" },
		{ "Oracle Database", "Oracle", "19c" }, { "PostgreSQL", "PostgreSQL 社区", "15.6" },
		{ "MySQL", "Oracle", "8.0.36" }, { "东方通 TongWeb", "东方通", "7.0.4" }, { "Apache Tomcat", "Apache", "9.0.85" },
		{ "Nginx", "F5", "1.24" }, { "Redis", "Redis", "7.2" }, { "VMware vSphere", "VMware", "7.0 U3" },
		{ "奇安信天擎终端安全", "奇安信", "10.0" }, { "WPS Office", "金山办公", "2023 专业版" },
		{ "Microsoft Office", "Microsoft", "LTSC 2021" }, { "Veeam Backup", "Veeam", "12" } };
	// @formatter:on

	private final boolean enabled;

	private final double scale;

	private final Directory directory;

	private final AccessControl access;

	private final ConfigurationItems cis;

	private final ServiceOptions services;

	private final Random random = new Random(20261203L);

	private final Map<String, Long> groups = new HashMap<>();

	private final Map<String, Long> people = new HashMap<>();

	private int serial = 1000;

	CmdbDemo(@Value("${yunwei.demo:false}") boolean enabled, @Value("${yunwei.demo.cmdb-scale:1}") double scale,
			Directory directory, AccessControl access, ConfigurationItems cis, ServiceOptions services) {
		this.enabled = enabled;
		this.scale = Math.max(0.02, Math.min(scale, 5));
		this.directory = directory;
		this.access = access;
		this.cis = cis;
		this.services = services;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<Long> manager = this.directory.userId("manager");
		if (!this.enabled || manager.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		int count = this.access.runAs(manager.get(), () -> {
			if (!this.cis.list(CiFilter.all(), null, 1).items().isEmpty()) {
				return 0;
			}
			return load();
		});
		if (count > 0) {
			log.info("Demo CMDB: {} configuration items in {} s", count, (System.nanoTime() - started) / 1_000_000_000);
		}
	}

	private int load() {
		for (String g : List.of("SYSTEMS", "NETWORK", "DATABASE", "APP-SUPPORT", "SECURITY", "SERVICE-DESK")) {
			this.directory.findGroup(g).ifPresent((id) -> this.groups.put(g, id));
		}
		for (String u : List.of("zhengwei", "fengtao", "chenjing", "shenyan", "weixin", "agent", "wanglei")) {
			this.directory.userId(u).ifPresent((id) -> this.people.put(u, id));
		}
		Map<String, Long> serviceIds = new HashMap<>();
		this.services.activeServices().forEach((s) -> serviceIds.put(s.code(), s.id()));
		int[] n = { 0 };

		// where things are
		String campus = ci(n, "location", "市政务服务园区", "SYSTEMS", "zhengwei", null, null,
				attrs("location_code", "CAMPUS", "location_kind", "园区", "address", "市行政中心路 1 号"));
		String b1 = ci(n, "location", "1 号楼", "SYSTEMS", "zhengwei", campus, null,
				attrs("location_code", "B1", "location_kind", "楼宇"));
		String b2 = ci(n, "location", "2 号楼", "SYSTEMS", "zhengwei", campus, null,
				attrs("location_code", "B2", "location_kind", "楼宇"));
		String roomA = ci(n, "location", "主机房（1 号楼 3 层）", "SYSTEMS", "zhengwei", b1, serviceIds.get("INFRA"),
				attrs("location_code", "DC-A", "location_kind", "机房"));
		String roomB = ci(n, "location", "灾备机房（2 号楼 B1 层）", "SYSTEMS", "zhengwei", b2, serviceIds.get("INFRA"),
				attrs("location_code", "DC-B", "location_kind", "机房"));
		List<String> offices = new ArrayList<>();
		for (int f = 2; f <= 9; f++) {
			offices.add(ci(n, "location", ((f <= 5) ? "1 号楼 " : "2 号楼 ") + f + " 层办公区", "SERVICE-DESK", "agent",
					(f <= 5) ? b1 : b2, null, attrs("location_code", "OFF-" + f, "location_kind", "办公室")));
		}
		List<String> racksA = racks(n, "A", scaled(20, 6), roomA);
		List<String> racksB = racks(n, "B", scaled(10, 4), roomB);

		// network
		String coreA1 = net(n, "DC-A-CORE-01", "核心交换机", "华为", "CE12808", roomA, serviceIds.get("NET"));
		String coreA2 = net(n, "DC-A-CORE-02", "核心交换机", "华为", "CE12808", roomA, serviceIds.get("NET"));
		String fwA = net(n, "DC-A-FW-01", "防火墙", "奇安信", "NSG-9000", roomA, serviceIds.get("NET"));
		String fwA2 = net(n, "DC-A-FW-02", "防火墙", "奇安信", "NSG-9000", roomA, serviceIds.get("NET"));
		String lbA = net(n, "DC-A-LB-01", "负载均衡", "深信服", "AD-1000", roomA, serviceIds.get("NET"));
		String router = net(n, "WAN-RT-01", "路由器", "华为", "NE40E", roomA, serviceIds.get("NET"));
		String coreB = net(n, "DC-B-CORE-01", "核心交换机", "华为", "CE6881", roomB, serviceIds.get("NET"));
		String fwB = net(n, "DC-B-FW-01", "防火墙", "奇安信", "NSG-5000", roomB, serviceIds.get("NET"));
		for (String core : List.of(coreA1, coreA2)) {
			relate(core, "connects_to", router);
			relate(fwA, "connects_to", core);
			relate(fwA2, "connects_to", core);
			relate(lbA, "connects_to", core);
		}
		relate(coreB, "connects_to", router);
		relate(fwB, "connects_to", coreB);
		Map<String, String> torOf = new HashMap<>();
		for (String rack : racksA) {
			String tor = net(n, "DC-A-TOR-" + rack.substring(rack.length() - 2), "接入交换机", "华为", "CE6857", rack, null);
			relate(tor, "connects_to", coreA1);
			relate(tor, "connects_to", coreA2);
			torOf.put(rack, tor);
		}
		for (String rack : racksB) {
			String tor = net(n, "DC-B-TOR-" + rack.substring(rack.length() - 2), "接入交换机", "华为", "CE6857", rack, null);
			relate(tor, "connects_to", coreB);
			torOf.put(rack, tor);
		}
		for (int f = 0; f < offices.size(); f++) {
			String sw = net(n, "OFF-SW-" + (f + 2) + "F", "接入交换机", "华为", "S5735", offices.get(f),
					serviceIds.get("NET"));
			relate(sw, "connects_to", coreA1);
		}

		// storage and hosts
		List<String> storageA = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			storageA.add(ci(n, "storage", "DC-A-SAN-0" + i, "SYSTEMS", "zhengwei", racksA.get(i - 1),
					serviceIds.get("INFRA"), attrs("serial_number", sn("ST"), "manufacturer", "华为", "model",
							"OceanStor 5510", "capacity_tb", "200")));
		}
		List<String> storageB = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			storageB.add(ci(n, "storage", "DC-B-SAN-0" + i, "SYSTEMS", "zhengwei", racksB.get(i - 1),
					serviceIds.get("INFRA"), attrs("serial_number", sn("ST"), "manufacturer", "华为", "model",
							"OceanStor 5310", "capacity_tb", "120")));
		}
		List<String> hostsA = hosts(n, "A", racksA, scaled(6, 1), torOf, storageA);
		List<String> hostsB = hosts(n, "B", racksB, scaled(4, 1), torOf, storageB);

		// applications, their middleware and databases, and the services they deliver
		int vmNumber = 1;
		for (String[] app : APPLICATIONS) {
			String code = app[0];
			String appCi = ci(n, "application", app[1], "APP-SUPPORT", "shenyan", null, serviceIds.get(app[4]),
					attrs("system_code", code, "app_version",
							"V" + (2 + this.random.nextInt(4)) + "." + this.random.nextInt(10), "protection_level",
							app[3], "business_owner", app[5], "url",
							"https://" + code.toLowerCase() + ".example.gov.cn"));
			String service = ci(n, "service", app[1].replace("系统", "").replace("平台", "") + "服务", "APP-SUPPORT",
					"shenyan", null, serviceIds.get(app[4]), attrs("service_hours",
							"GOVSVC".equals(code) || "HOTLINE".equals(code) ? "7×24" : "工作日 08:30–17:30"));
			relate(service, "depends_on", appCi);
			int servers = "GOVSVC".equals(code) || "OA".equals(code) ? 4 : 2;
			String nginxVm = vm(n, code, vmNumber++, hostsA, "DATABASE");
			String nginx = ci(n, "middleware", code.toLowerCase() + "-nginx", "DATABASE", "chenjing", null,
					serviceIds.get(app[4]), attrs("instance_name", code.toLowerCase() + "-nginx", "product", "Nginx",
							"mw_version", "1.24", "port", "443"));
			relate(nginx, "runs_on", nginxVm);
			relate(appCi, "depends_on", nginx);
			relate(nginx, "depends_on", lbA);
			for (int i = 1; i <= servers; i++) {
				String vm = vm(n, code, vmNumber++, hostsA, "DATABASE");
				boolean tongweb = "OA".equals(code) || "DOC".equals(code) || "GOVSVC".equals(code)
						|| "HOTLINE".equals(code);
				String mw = ci(n, "middleware", code.toLowerCase() + "-app-0" + i, "DATABASE", "chenjing", null,
						serviceIds.get(app[4]),
						attrs("instance_name", code.toLowerCase() + "-app-0" + i, "product",
								tongweb ? "东方通 TongWeb" : "Tomcat", "mw_version", tongweb ? "7.0.4" : "9.0.85", "port",
								"8080"));
				relate(mw, "runs_on", vm);
				relate(appCi, "depends_on", mw);
			}
			String dbHost = host(n, "A", "db-" + code.toLowerCase() + "-01",
					racksA.get(this.random.nextInt(racksA.size())), torOf, storageA);
			String db = ci(n, "database", code.toLowerCase() + "db", "DATABASE", "chenjing", null,
					serviceIds.get(app[4]), attrs("instance_name", code.toLowerCase() + "db", "engine", app[2],
							"db_version", version(app[2]), "port", port(app[2])));
			relate(db, "runs_on", dbHost);
			relate(appCi, "depends_on", db);
			if ("三级".equals(app[3])) {
				String standbyHost = host(n, "B", "db-" + code.toLowerCase() + "-02",
						racksB.get(this.random.nextInt(racksB.size())), torOf, storageB);
				String standby = ci(n, "database", code.toLowerCase() + "db-standby", "DATABASE", "chenjing", null,
						serviceIds.get(app[4]), attrs("instance_name", code.toLowerCase() + "db-standby", "engine",
								app[2], "db_version", version(app[2]), "port", port(app[2])));
				relate(standby, "runs_on", standbyHost);
				relate(standby, "backs_up", db);
			}
			if ("GOVSVC".equals(code) || "OA".equals(code) || "IAM".equals(code)) {
				String cacheVm = vm(n, code, vmNumber++, hostsA, "DATABASE");
				String redis = ci(n, "middleware", code.toLowerCase() + "-redis", "DATABASE", "chenjing", null,
						serviceIds.get(app[4]), attrs("instance_name", code.toLowerCase() + "-redis", "product",
								"Redis", "mw_version", "7.2", "port", "6379"));
				relate(redis, "runs_on", cacheVm);
				relate(appCi, "depends_on", redis);
			}
		}
		// the infrastructure services
		String netService = ci(n, "service", "网络接入服务", "NETWORK", "fengtao", null, serviceIds.get("NET"),
				attrs("service_hours", "7×24"));
		relate(netService, "depends_on", coreA1);
		relate(netService, "depends_on", fwA);
		String roomService = ci(n, "service", "机房基础设施服务", "SYSTEMS", "zhengwei", null, serviceIds.get("INFRA"),
				attrs("service_hours", "7×24"));
		relate(roomService, "depends_on", roomA);
		relate(roomService, "depends_on", roomB);

		// the rest of the virtual estate
		int vms = (int) Math.round(1080 * this.scale);
		String[] roles = { "文件服务", "域控", "监控", "日志", "备份", "堡垒机", "测试", "开发", "中间库", "报表" };
		for (int i = 0; i < vms; i++) {
			boolean inB = this.random.nextInt(5) == 0;
			List<String> pool = inB ? hostsB : hostsA;
			String role = roles[this.random.nextInt(roles.length)];
			String name = "vm-" + (inB ? "b" : "a") + String.format("%04d", i + 1);
			String vm = ci(n, "virtual_machine", name + "（" + role + "）", "SYSTEMS", "wanglei", null, null,
					attrs("hostname", name, "ip_address", ip(inB ? 20 : 10), "vcpu",
							String.valueOf(2 << this.random.nextInt(3)), "memory_gb",
							String.valueOf(4 << this.random.nextInt(4)), "os", os(), "os_version", "V10 SP3"));
			relate(vm, "runs_on", pool.get(this.random.nextInt(pool.size())));
		}

		// software in use
		for (String[] s : SOFTWARE) {
			ci(n, "software", s[0] + " " + s[2], "SYSTEMS", "wanglei", null, null,
					attrs("vendor", s[1], "software_version", s[2], "licence", "正版授权"));
		}

		// office terminals: the people we know get theirs, the rest are shared
		List<Directory.Entry> users = this.directory.activeUsers();
		int t = 0;
		for (Directory.Entry u : users) {
			String office = offices.get(t % offices.size());
			CiFormData f = form("terminal", "PC-" + String.format("%05d", ++t) + "（" + u.name() + "）", "SERVICE-DESK",
					null, office,
					this.services.activeServices()
						.stream()
						.filter((s) -> "DESKTOP".equals(s.code()))
						.findFirst()
						.map(ServiceOptions.Option::id)
						.orElse(null),
					attrs("serial_number", sn("PC"), "terminal_kind", "台式机", "manufacturer", "联想", "model", "开天 M90z",
							"asset_tag", "ZC-2024-" + String.format("%05d", t)));
			f.setOwnerId(u.id());
			record(n, f);
		}
		int terminals = (int) Math.round(360 * this.scale);
		for (int i = 0; i < terminals; i++) {
			boolean printer = i % 10 == 0;
			String office = offices.get(this.random.nextInt(offices.size()));
			t++;
			ci(n, "terminal", (printer ? "PRN-" : "PC-") + String.format("%05d", t), "SERVICE-DESK", "agent", office,
					serviceIds.get("DESKTOP"),
					attrs("serial_number", sn(printer ? "PR" : "PC"), "terminal_kind",
							printer ? "打印机" : (i % 4 == 0 ? "笔记本" : "台式机"), "manufacturer", printer ? "奔图" : "联想",
							"model", printer ? "M7300DW" : "开天 M90z", "asset_tag",
							"ZC-2024-" + String.format("%05d", t)));
		}

		// documents
		ci(n, "document", "全局网络拓扑图", "NETWORK", "fengtao", null, serviceIds.get("NET"),
				attrs("document_number", "DOC-NET-001", "document_version", "2026.3"));
		ci(n, "document", "主机房机柜布局图", "SYSTEMS", "zhengwei", roomA, serviceIds.get("INFRA"),
				attrs("document_number", "DOC-DC-001", "document_version", "2026.1"));
		for (String[] app : APPLICATIONS) {
			ci(n, "document", app[1] + "部署架构说明", "APP-SUPPORT", "shenyan", null, serviceIds.get(app[4]),
					attrs("document_number", "DOC-APP-" + app[0], "document_version", "1." + this.random.nextInt(5)));
		}
		return n[0];
	}

	/**
	 * A count of the full-size estate, shrunk by the scale but never below {@code least}.
	 */
	private int scaled(int full, int least) {
		return Math.max(least, (int) Math.round(full * this.scale));
	}

	private List<String> racks(int[] n, String room, int count, String location) {
		List<String> racks = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			String code = String.format("%s%02d", room, i);
			racks.add(ci(n, "location", "机柜 " + code, "SYSTEMS", "zhengwei", location, null,
					attrs("location_code", "RACK-" + code, "location_kind", "机柜")));
		}
		return racks;
	}

	private String net(int[] n, String name, String role, String vendor, String model, String location, Long service) {
		String group = "防火墙".equals(role) ? "SECURITY" : "NETWORK";
		return ci(n, "network_device", name, group, "防火墙".equals(role) ? "weixin" : "fengtao", location, service,
				attrs("serial_number", sn("NW"), "device_role", role, "manufacturer", vendor, "model", model,
						"management_ip", ip(254), "firmware_version", "V200R022"));
	}

	private List<String> hosts(int[] n, String room, List<String> racks, int perRack, Map<String, String> torOf,
			List<String> storage) {
		List<String> hosts = new ArrayList<>();
		int i = 1;
		for (String rack : racks) {
			for (int k = 0; k < perRack; k++) {
				hosts.add(host(n, room, String.format("esxi-%s%03d", room.toLowerCase(), i++), rack, torOf, storage));
			}
		}
		return hosts;
	}

	private String host(int[] n, String room, String name, String rack, Map<String, String> torOf,
			List<String> storage) {
		String host = ci(n, "server", name, "SYSTEMS", "zhengwei", rack, null,
				attrs("serial_number", sn("SV"), "manufacturer", this.random.nextBoolean() ? "华为" : "浪潮", "model",
						this.random.nextBoolean() ? "TaiShan 200" : "NF5280M6", "ip_address",
						ip("A".equals(room) ? 1 : 2), "cpu_cores", "64", "memory_gb", "512", "os",
						name.startsWith("esxi") ? "VMware ESXi" : os(), "os_version",
						name.startsWith("esxi") ? "7.0 U3" : "V10 SP3"));
		relate(host, "connects_to", torOf.get(rack));
		relate(host, "depends_on", storage.get(this.random.nextInt(storage.size())));
		return host;
	}

	private String vm(int[] n, String app, int number, List<String> hosts, String group) {
		String name = String.format("%s-vm%02d", app.toLowerCase(), number);
		String vm = ci(n, "virtual_machine", name, "SYSTEMS", "wanglei", null, null, attrs("hostname", name,
				"ip_address", ip(10), "vcpu", "8", "memory_gb", "16", "os", os(), "os_version", "V10 SP3"));
		relate(vm, "runs_on", hosts.get(this.random.nextInt(hosts.size())));
		return vm;
	}

	private String os() {
		return switch (this.random.nextInt(4)) {
			case 0 -> "统信 UOS";
			case 1 -> "CentOS";
			default -> "银河麒麟";
		};
	}

	private static String version(String engine) {
		return switch (engine) {
			case "Oracle" -> "19c";
			case "MySQL" -> "8.0.36";
			case "PostgreSQL" -> "15.6";
			case "达梦 DM" -> "DM8";
			default -> "V8R6";
		};
	}

	private static String port(String engine) {
		return switch (engine) {
			case "Oracle" -> "1521";
			case "MySQL" -> "3306";
			case "PostgreSQL" -> "5432";
			case "达梦 DM" -> "5236";
			default -> "54321";
		};
	}

	private String sn(String prefix) {
		return prefix + "2024" + String.format("%06d", ++this.serial);
	}

	private int ipCounter = 10;

	private String ip(int subnet) {
		this.ipCounter++;
		return "10." + subnet + "." + (this.ipCounter / 250) + "." + (this.ipCounter % 250 + 2);
	}

	private static Map<String, String> attrs(String... pairs) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			m.put(pairs[i], pairs[i + 1]);
		}
		return m;
	}

	private CiFormData form(String cls, String name, String group, String owner, String location, Long service,
			Map<String, String> attributes) {
		CiFormData f = new CiFormData();
		f.setClassCode(cls);
		f.setName(name);
		f.setState(CiState.IN_SERVICE);
		f.setGroupId(this.groups.get(group));
		f.setOwnerId((owner == null) ? null : this.people.get(owner));
		f.setLocationId((location == null) ? null : this.cis.get(location).id());
		f.setServiceId(service);
		f.setAttributes(attributes);
		return f;
	}

	private String ci(int[] n, String cls, String name, String group, String owner, String location, Long service,
			Map<String, String> attributes) {
		return record(n, form(cls, name, group, owner, location, service, attributes));
	}

	private String record(int[] n, CiFormData form) {
		n[0]++;
		return this.cis.create(form, ChangeSource.DISCOVERY).number();
	}

	private void relate(String source, String type, String target) {
		this.cis.relate(source, type, target, null, null, ChangeSource.DISCOVERY);
	}

}
