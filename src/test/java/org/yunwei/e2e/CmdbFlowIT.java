package org.yunwei.e2e;

import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.yunwei.support.Api;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real browser, the CMDB: the configuration manager defines a class with an
 * identifying attribute, records a CI of it (a bad number is named inline), relates it to
 * a database server and edits it with a reason; the server's page shows the services
 * above it and draws the impact graph; an agent names the CI on an incident from the
 * record's panel and the CI lists the incident.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=portal-flow", "yunwei.service-desk.group=SD-FLOW" })
class CmdbFlowIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aClassACiItsRelationsImpactHistoryAndAnIncidentNamingIt() {
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("cfmanager", null, "OM_MANAGER");
		Person agent = people.create("cfagent", null, "SERVICE_DESK_AGENT");
		Person user = people.create("cfuser", null, "DEPARTMENT_USER");
		people.joinGroup("SD-FLOW", "服务台", agent);
		String base = "http://127.0.0.1:" + this.port;
		String tag = String.valueOf(manager.id());
		String cls = "ups_" + tag;

		// a chain below a service, recorded over REST as a discovery tool would
		Api api = new Api(this.port);
		String token = api.token(manager.username(), TestUsers.PASSWORD);
		String server = post(api, token, "server", "db-srv-" + tag, Map.of("serial_number", "CF-" + tag));
		String database = post(api, token, "database", "hisdb-" + tag,
				Map.of("instance_name", "hisdb" + tag, "engine", "达梦 DM"));
		String application = post(api, token, "application", "医保结算系统 " + tag, Map.of("system_code", "HIS" + tag));
		String service = post(api, token, "service", "医保结算服务 " + tag, Map.of());
		relate(api, token, database, "runs_on", server);
		relate(api, token, application, "depends_on", database);
		relate(api, token, service, "depends_on", application);
		String incident = api
			.post("/api/v1/tickets", api.token(user.username(), TestUsers.PASSWORD),
					Api.json(Map.of("kind", "INCIDENT", "title", "机房 UPS 告警 " + tag, "description", "UPS 面板显示电池故障。")))
			.json()
			.get("number")
			.asString();

		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
			String ups;
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, manager.username(), TestUsers.PASSWORD);
				// a class, defined as data
				page.navigate(base + "/cmdb/classes?class=hardware");
				page.fill("#new-class-code", cls);
				page.fill("#new-class-zh", "UPS 电源 " + tag);
				page.fill("#new-class-en", "UPS " + tag);
				page.selectOption("#new-class-parent", "hardware");
				page.click("#new-class-go");
				assertThat(page.locator(".alert-success")).containsText("UPS 电源 " + tag);
				page.fill("#attr-code", "ups_serial");
				page.fill("#attr-zh", "UPS 序列号");
				page.fill("#attr-en", "UPS serial");
				page.check("#attr-identifying");
				page.check("#attr-required");
				page.click("#attribute-add");
				assertThat(page.locator("#attribute-table tr[data-attribute=ups_serial]")).containsText("UPS 序列号");
				assertThat(page.locator("#attribute-table tr[data-attribute=manufacturer]"))
					.containsText("继承自 hardware");
				page.fill("#attr-code", "capacity_kva");
				page.fill("#attr-zh", "容量 (kVA)");
				page.fill("#attr-en", "Capacity (kVA)");
				page.selectOption("#attr-type", "NUMBER");
				page.click("#attribute-add");
				assertThat(page.locator("#attribute-table tr[data-attribute=capacity_kva]")).containsText("数值");

				// CIs of it from a file: a bad row stops the import and is named; fixed,
				// all come in
				page.navigate(base + "/cmdb");
				page.click("#open-import");
				page.selectOption("#import-class", cls);
				String csv = "名称,UPS 序列号,容量 (kVA),状态\n" + "UPS-B1-" + tag + ",B1-" + tag + ",40,运行中\n" + "UPS-B2-" + tag
						+ ",B2-" + tag + ",很大,运行中\n" + "UPS-B3-" + tag + ",B3-" + tag + ",40,备用\n";
				page.setInputFiles("#import-file", new com.microsoft.playwright.options.FilePayload("ups.csv",
						"text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
				page.click("#import-preview");
				assertThat(page.locator("#import-rows tr.table-danger")).hasCount(1);
				assertThat(page.locator("#import-rows tr[data-line='3']")).containsText("不是数值");
				assertThat(page.locator("#import-confirm")).isDisabled();
				page.selectOption("#import-class", cls);
				page.setInputFiles("#import-file", new com.microsoft.playwright.options.FilePayload("ups.csv",
						"text/csv", csv.replace("很大", "80").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
				page.click("#import-preview");
				assertThat(page.locator("#import-rows tr.table-danger")).hasCount(0);
				page.click("#import-confirm");
				assertThat(page.locator("#import-result")).containsText("新建 3");
				page.navigate(base + "/cmdb?class=" + cls);
				assertThat(page.locator("#ci-table tbody tr")).hasCount(3);

				// a baseline of the class; an out-of-band edit; the audit reports it
				page.navigate(base + "/cmdb/audits");
				page.fill("#baseline-name", "UPS 基线 " + tag);
				page.selectOption("#baseline-class", cls);
				page.click("#baseline-take");
				assertThat(page.locator(".alert-success")).containsText("UPS 基线 " + tag);
				page.navigate(base + "/cmdb?class=" + cls);
				page.click("#ci-table a:has-text('UPS-B1-" + tag + "')");
				page.click("#edit-ci");
				page.fill("#attr-capacity_kva", "60");
				page.click("#save-ci");
				assertThat(page.locator("#ci-attributes dd[data-attribute=capacity_kva]")).hasText("60");
				page.navigate(base + "/cmdb/audits");
				page.click("#baseline-table tr[data-baseline='UPS 基线 " + tag + "'] .yw-run-audit");
				assertThat(page.locator("#audit-checked")).hasText("3");
				assertThat(page.locator("#audit-unauthorised")).hasText("1");
				assertThat(page.locator("#finding-table tr.table-danger")).containsText("UPS-B1-" + tag);
				assertThat(page.locator("#finding-table tr.table-danger")).containsText("未经授权的变更");
				assertThat(page.locator("#finding-table tr.table-danger")).containsText("容量 (kVA)");

				// a CI of it: bad values named inline, then recorded
				page.navigate(base + "/cmdb/new?class=" + cls);
				page.fill("#name", "UPS-A1-" + tag);
				page.fill("#attr-capacity_kva", "六十");
				page.click("#save-ci");
				assertThat(
						page.locator("#attr-capacity_kva + .invalid-feedback, #attr-capacity_kva ~ .invalid-feedback"))
					.containsText("不是数值");
				assertThat(page.locator("#attr-ups_serial ~ .invalid-feedback")).containsText("必填");
				page.fill("#attr-capacity_kva", "60");
				page.fill("#attr-ups_serial", "UPS-SN-" + tag);
				page.click("#save-ci");
				assertThat(page.locator(".alert-success")).containsText("已登记");
				assertThat(page.locator("#ci-attributes dd[data-attribute=capacity_kva]")).hasText("60");
				ups = page.url().substring(page.url().lastIndexOf('/') + 1);

				// the server depends on the UPS
				page.navigate(base + "/cmdb/" + server);
				page.selectOption("#relation-type", "depends_on");
				page.fill("#relation-target", ups);
				page.click("#relate-go");
				assertThat(page.locator(".alert-success")).containsText(ups);
				assertThat(page.locator("#relation-table")).containsText("UPS-A1-" + tag);
				// what fails with the server: the database, the application, the service
				assertThat(page.locator("#impacted-list li[data-number=" + service + "]")).containsText("医保结算服务");
				assertThat(page.locator("#impacted-list li[data-number=" + application + "]")).isVisible();
				assertThat(page.locator("#dependency-list li[data-number=" + ups + "]")).isVisible();
				assertThat(page.locator("#impact-chart canvas")).hasCount(1);
				assertThat(page.locator("#impact-chart")).hasAttribute("data-loaded", "5");
				page.selectOption("#impact-direction", "UP");
				assertThat(page.locator("#impact-chart")).hasAttribute("data-loaded", "4");

				// an edit with its reason, in the history
				page.navigate(base + "/cmdb/" + ups);
				page.click("#edit-ci");
				page.selectOption("#state", "MAINTENANCE");
				page.fill("#attr-capacity_kva", "80");
				page.fill("#reason", "更换电池模块并扩容");
				page.click("#save-ci");
				assertThat(page.locator("#ci-state")).hasText("维护中");
				assertThat(page.locator("#history-table tr[data-field='attr:capacity_kva']")).containsText("更换电池模块并扩容");
				assertThat(page.locator("#history-table tr[data-field='attr:capacity_kva']")).containsText("60");
				assertThat(page.locator("#history-table tr[data-field='attr:capacity_kva']")).containsText("80");
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, agent.username(), TestUsers.PASSWORD);
				page.navigate(base + "/work/incident/" + incident);
				page.fill("#add-ci", ups);
				page.click("#add-ci-go");
				assertThat(page.locator(".alert-success")).containsText(ups);
				assertThat(page.locator("#record-cis li[data-number=" + ups + "]")).containsText("UPS-A1-" + tag);
				page.navigate(base + "/cmdb/" + ups);
				assertThat(page.locator("#ci-records")).containsText(incident);
				assertThat(page.locator("#edit-ci")).hasCount(0);
			}
		}
	}

	private static String post(Api api, String token, String cls, String name, Map<String, String> attributes) {
		Api.Response r = api.post("/api/v1/cmdb/cis", token,
				Api.json(Map.of("classCode", cls, "name", name, "state", "IN_SERVICE", "attributes", attributes)));
		org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	private static void relate(Api api, String token, String source, String type, String target) {
		Api.Response r = api.post("/api/v1/cmdb/cis/" + source + "/relations", token,
				Api.json(Map.of("type", type, "target", target)));
		org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(201);
	}

}
