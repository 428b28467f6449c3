package org.yunwei.e2e;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
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
import tools.jackson.databind.JsonNode;

import org.yunwei.support.Api;
import org.yunwei.support.Api.Response;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real browser, a normal change on a database server (8.3.6): raised, the server
 * named, the service above it shown; the risk questionnaire gives "high" and the change
 * goes to the CAB; a second change on the same server in an overlapping window is flagged
 * on the calendar and on both pages; implemented, the new OS version recorded on the
 * server through the change; the outcome recorded and the change closed after its
 * post-implementation review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=portal-flow", "yunwei.service-desk.group=SD-FLOW" })
class ChangeFlowIT {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aHighRiskChangeThroughTheCabTheCalendarAndTheCmdb() {
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("cgmanager", null, "OM_MANAGER");
		Person engineer = people.create("cgengineer", null, "ENGINEER");
		Person head = people.create("cghead", null, "OM_HEAD");
		Person architect = people.create("cgarchitect", null, "ENGINEER");
		people.joinGroup("CAB", "变更咨询委员会", head, architect);
		String base = "http://127.0.0.1:" + this.port;
		String tag = String.valueOf(engineer.id());
		long group = people.group("CG-" + tag, "系统组 " + tag, engineer, manager);

		Api api = new Api(this.port);
		String token = api.token(engineer.username(), TestUsers.PASSWORD);
		String server = post(api, token, "server", "db-cg-" + tag, group,
				Map.of("serial_number", "CG-" + tag, "os_version", "V10 SP2"));
		String database = post(api, token, "database", "cgdb-" + tag, group,
				Map.of("instance_name", "cgdb" + tag, "engine", "达梦 DM"));
		String application = post(api, token, "application", "不动产登记系统 " + tag, group,
				Map.of("system_code", "CG" + tag));
		String service = post(api, token, "service", "不动产登记服务 " + tag, group, Map.of());
		relate(api, token, database, "runs_on", server);
		relate(api, token, application, "depends_on", database);
		relate(api, token, service, "depends_on", application);
		LocalDate day = LocalDate.now(ZONE).plusDays(8);
		LocalDateTime start = day.atTime(21, 0);

		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
			String first;
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, engineer.username(), TestUsers.PASSWORD);
				// raised from the change list's button, on the change form
				page.navigate(base + "/work/change");
				page.click("#new-item");
				assertThat(page.locator("#change-types")).containsText("紧急变更");
				page.fill("#title", "不动产数据库服务器操作系统升级 " + tag);
				page.selectOption("#category", "SOFTWARE");
				page.fill("#plannedStart", start.toString());
				page.fill("#plannedEnd", start.plusHours(3).toString());
				page.selectOption("#groupId", String.valueOf(group));
				page.click("#change-save");
				assertThat(page.locator(".alert-success")).containsText("CHG-");
				first = page.locator("#item-number").textContent().strip();

				// the server named: the service above it is what the change affects
				page.fill("#add-ci", server);
				page.click("#add-ci-go");
				assertThat(page.locator("#affected-services")).containsText("不动产登记服务 " + tag);
				assertThat(page.locator("#change-missing")).containsText("回退计划");
				assertThat(page.locator("#change-risk")).hasAttribute("data-risk", "");

				// assessed: the questionnaire says high
				page.click("#transition-assess");
				page.click("#edit-plan");
				page.fill("#impactAssessment", "升级期间不动产登记服务暂停");
				page.fill("#implementationPlan", "1. 停库 2. 快照 3. 升级内核 4. 启库自检");
				page.fill("#backoutPlan", "从快照恢复系统盘");
				page.fill("#testPlan", "核对内核版本，业务抽测");
				for (Map.Entry<String, Integer> a : Map
					.of("scope", 3, "outage", 2, "complexity", 2, "backout", 1, "experience", 1, "timing", 0)
					.entrySet()) {
					page.check("#a-" + a.getKey() + "-" + a.getValue());
				}
				page.click("#plan-save");
				assertThat(page.locator("#change-risk")).hasAttribute("data-risk", "HIGH");
				assertThat(page.locator("#change-missing")).hasCount(0);
				assertThat(page.locator("#show-implementationPlan")).containsText("快照");

				// submitted: the whole CAB is asked
				page.click("#transition-submit");
				assertThat(page.locator("#approvals")).containsText(head.username().substring("cghead".length()));
				assertThat(page.locator("#approval-route")).containsText("group:CAB");
			}
			for (JsonNode step : api.get("/api/v1/work-items/" + first + "/approvals", token)
				.json()
				.get(0)
				.get("steps")) {
				String approver = (step.get("approverId").asLong() == head.id()) ? head.username()
						: architect.username();
				Response decided = api.post(
						"/api/v1/work-items/approval-steps/" + step.get("id").asLong() + "/decision",
						api.token(approver, TestUsers.PASSWORD), Api.json(Map.of("approve", true)));
				org.assertj.core.api.Assertions.assertThat(decided.status()).as(decided.body()).isEqualTo(200);
			}

			// a second change on the same server, overlapping
			Map<String, Object> second = new HashMap<>();
			second.put("changeType", "NORMAL");
			second.put("title", "不动产数据库参数调整 " + tag);
			second.put("groupId", group);
			second.put("ciIds", List.of(api.get("/api/v1/cmdb/cis/" + server, token).json().get("id").asLong()));
			second.put("plannedStart", start.plusHours(2).toString());
			second.put("plannedEnd", start.plusHours(5).toString());
			String other = api.post("/api/v1/changes", token, Api.json(second)).json().get("number").asString();

			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, engineer.username(), TestUsers.PASSWORD);
				page.navigate(base + "/changes/calendar?view=week&date=" + day);
				assertThat(page.locator("#cal-conflicts")).isVisible();
				assertThat(page.locator(".yw-cal-entry[data-number='" + first + "']").first())
					.hasAttribute("data-conflict", "true");
				assertThat(page.locator(".yw-cal-entry[data-number='" + other + "']").first())
					.hasAttribute("data-conflict", "true");
				page.click(".yw-cal-entry[data-number='" + other + "']");
				assertThat(page.locator("#change-conflicts")).containsText(first);
				assertThat(page.locator("#change-conflicts")).containsText("db-cg-" + tag);

				// implemented: the new version recorded on the server through the change
				page.navigate(base + "/work/change/" + first);
				assertThat(page.locator("#change-conflicts")).containsText(other);
				page.click("#transition-start");
				page.click(".yw-update-ci[data-number='" + server + "']");
				assertThat(page.locator("#changeNumber")).hasValue(first);
				page.fill("#attr-os_version", "V10 SP3");
				page.click("#save-ci");
				assertThat(page.locator("#ci-attributes dd[data-attribute=os_version]")).hasText("V10 SP3");
				page.navigate(base + "/work/change/" + first);
				assertThat(page.locator("#cmdb-updates")).containsText("V10 SP3");
				page.click("#transition-implemented");
				assertThat(page.locator(".alert-danger[role=alert]")).containsText("实施结果");
				page.selectOption("#outcome", "SUCCESSFUL");
				page.fill("#outcome-notes", "升级完成，业务抽测正常");
				page.click("#outcome-save");
				page.click("#transition-implemented");
				page.check("#met-yes");
				page.fill("#review-text", "按计划完成，未影响登记业务。");
				page.click("#review-save");
				assertThat(page.locator("#review-recorded")).containsText("按计划完成");
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, manager.username(), TestUsers.PASSWORD);
				page.navigate(base + "/work/change/" + first);
				page.click("#transition-close");
				assertThat(page.locator("#outcome-recorded")).containsText("成功");
				assertThat(page.locator("#item-state")).hasText("已关闭");
			}
		}
	}

	private static String post(Api api, String token, String cls, String name, long group,
			Map<String, String> attributes) {
		Response r = api.post("/api/v1/cmdb/cis", token, Api.json(Map.of("classCode", cls, "name", name, "state",
				"IN_SERVICE", "groupId", group, "attributes", attributes)));
		org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	private static void relate(Api api, String token, String source, String type, String target) {
		Response r = api.post("/api/v1/cmdb/cis/" + source + "/relations", token,
				Api.json(Map.of("type", type, "target", target)));
		org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(201);
	}

}
