package org.yunwei.incident.internal;

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

import org.yunwei.incident.CategoryFormData;
import org.yunwei.incident.CategoryView;
import org.yunwei.incident.Incidents;
import org.yunwei.platform.identity.AccessControl;
import org.yunwei.platform.identity.Directory;

/**
 * The demo organisation's incident category tree ({@code YUNWEI_DEMO=true}): hardware,
 * software, network, accounts, databases and security, each with its usual subcategories.
 */
@Component
@Order(59)
class IncidentDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(IncidentDemo.class);

	// @formatter:off
	private static final String[][] TREE = {
		{ "hw", null, "硬件", "Hardware" },
		{ "hw.pc", "hw", "台式机/笔记本", "Desktops and laptops" },
		{ "hw.printer", "hw", "打印机/复印机", "Printers and copiers" },
		{ "hw.server", "hw", "服务器", "Servers" },
		{ "hw.storage", "hw", "存储", "Storage" },
		{ "sw", null, "软件", "Software" },
		{ "sw.os", "sw", "操作系统", "Operating systems" },
		{ "sw.office", "sw", "办公软件", "Office software" },
		{ "sw.app", "sw", "业务系统", "Business applications" },
		{ "sw.mail", "sw", "电子邮件", "E-mail" },
		{ "net", null, "网络", "Network" },
		{ "net.lan", "net", "内网/有线", "LAN" },
		{ "net.wifi", "net", "无线网络", "Wi-Fi" },
		{ "net.vpn", "net", "VPN 远程接入", "VPN" },
		{ "net.internet", "net", "互联网出口", "Internet access" },
		{ "acct", null, "账号与权限", "Accounts and access" },
		{ "db", null, "数据库", "Databases" },
		{ "sec", null, "信息安全", "Security" },
		{ "sec.virus", "sec", "病毒/恶意软件", "Malware" },
		{ "sec.breach", "sec", "入侵/数据泄露", "Intrusion / data leak" },
	};
	// @formatter:on

	private final boolean enabled;

	private final Directory directory;

	private final AccessControl access;

	private final Incidents incidents;

	IncidentDemo(@Value("${yunwei.demo:false}") boolean enabled, Directory directory, AccessControl access,
			Incidents incidents) {
		this.enabled = enabled;
		this.directory = directory;
		this.access = access;
		this.incidents = incidents;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<Long> manager = this.directory.userId("manager");
		if (!this.enabled || manager.isEmpty()) {
			return;
		}
		this.access.runAs(manager.get(), () -> {
			if (!this.incidents.categories().isEmpty()) {
				return null;
			}
			Map<String, Long> ids = new HashMap<>();
			int order = 10;
			for (String[] c : TREE) {
				CategoryFormData f = new CategoryFormData();
				f.setCode(c[0]);
				f.setParentId((c[1] == null) ? null : ids.get(c[1]));
				f.setNameZh(c[2]);
				f.setNameEn(c[3]);
				f.setSortOrder(order);
				order += 10;
				CategoryView created = this.incidents.createCategory(f);
				ids.put(c[0], created.id());
			}
			log.info("Demo incident categories: {}", TREE.length);
			return null;
		});
	}

}
