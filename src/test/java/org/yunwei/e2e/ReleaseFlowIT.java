package org.yunwei.e2e;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
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
 * In a real browser, a release of two changes (8.3.7): planned, built and tested; with a
 * failed test result it cannot be authorised, and the page says why; after a passing test
 * the O&amp;M head authorises it; it is deployed, the deployment logged, and early-life
 * support begins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=portal-flow", "yunwei.service-desk.group=SD-FLOW" })
class ReleaseFlowIT {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aFailedTestStopsTheAuthorisationAPassingOneLetsTheReleaseBeDeployed() {
		TestUsers people = new TestUsers(this.context);
		Person engineer = people.create("rfengineer", null, "ENGINEER");
		Person head = people.create("rfhead", null, "OM_HEAD");
		String tag = String.valueOf(engineer.id());
		long group = people.group("RF-" + tag, "应用组 " + tag, engineer);
		String base = "http://127.0.0.1:" + this.port;
		Api api = new Api(this.port);
		String token = api.token(engineer.username(), TestUsers.PASSWORD);
		LocalDateTime night = LocalDateTime.now(ZONE).plusDays(5).withHour(22).withMinute(0).withSecond(0).withNano(0);
		String first = change(api, token, "协同办公流程引擎升级 " + tag, group, night);
		String second = change(api, token, "协同办公移动端适配 " + tag, group, night.plusHours(1));

		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
			String release;
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, engineer.username(), TestUsers.PASSWORD);
				page.navigate(base + "/work/release");
				page.click("#new-item");
				assertThat(page.locator("#release-types")).containsText("重大发布");
				page.fill("#title", "协同办公系统 V5.2 发布 " + tag);
				page.fill("#releaseVersion", "V5.2.0");
				page.fill("#plannedDeployAt", night.toString());
				page.selectOption("#groupId", String.valueOf(group));
				page.click("#release-save");
				release = page.locator("#item-number").textContent().strip();
				assertThat(page.locator("#release-type")).hasText("次要发布");

				// two changes, then the plans
				for (String c : new String[] { first, second }) {
					page.fill("#release-change", c);
					page.click("#release-change-add");
					assertThat(page.locator("#release-changes li[data-number='" + c + "']")).isVisible();
				}
				page.click("#edit-release-plan");
				page.fill("#releasePlan", "周五晚发布，应用组实施");
				page.fill("#buildPlan", "流水线构建 release/5.2");
				page.fill("#testPlan", "测试环境回归测试");
				page.fill("#acceptanceCriteria", "流程发起、审批、归档正常");
				page.fill("#rollbackPlan", "回滚至 V5.1 镜像");
				page.click("#release-plan-save");
				assertThat(page.locator("#show-rollbackPlan")).containsText("V5.1");

				// a failed test: no authorisation
				page.click("#transition-build");
				page.selectOption("#test-environment", "TEST");
				page.selectOption("#test-result", "FAILED");
				page.fill("#test-summary", "审批节点回退时报错");
				page.click("#test-save");
				assertThat(page.locator("#test-table tr[data-result=FAILED]")).containsText("测试环境");
				assertThat(page.locator("#release-missing")).containsText("最近一次未通过");
				page.click("#transition-submit");
				assertThat(page.locator(".alert-danger[role=alert]")).containsText("测试环境");
				assertThat(page.locator("#item-state")).hasText("构建与测试");

				// fixed and passing: asked for authorisation
				page.selectOption("#test-environment", "TEST");
				page.selectOption("#test-result", "PASSED");
				page.fill("#test-summary", "修复后回归测试 214 项通过");
				page.click("#test-save");
				assertThat(page.locator("#release-missing")).hasCount(0);
				page.click("#transition-submit");
				assertThat(page.locator("#item-state")).hasText("待授权");
			}
			for (JsonNode s : api.get("/api/v1/work-items/" + release + "/approvals", token)
				.json()
				.get(0)
				.get("steps")) {
				if (s.get("approverId").asLong() == head.id()) {
					Response r = api.post("/api/v1/work-items/approval-steps/" + s.get("id").asLong() + "/decision",
							api.token(head.username(), TestUsers.PASSWORD), Api.json(Map.of("approve", true)));
					org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(200);
				}
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, engineer.username(), TestUsers.PASSWORD);
				page.navigate(base + "/work/release/" + release);
				assertThat(page.locator("#item-state")).hasText("已授权，部署中");
				page.selectOption("#deployment-environment", "PRODUCTION");
				page.selectOption("#deployment-outcome", "SUCCEEDED");
				page.fill("#deployment-log", "22:00 停止旧版本；22:15 启动 V5.2；22:30 冒烟测试通过");
				page.click("#deployment-save");
				assertThat(page.locator("#deployment-table tr[data-env=PRODUCTION]")).containsText("冒烟测试通过");
				page.click("#transition-deployed");
				assertThat(page.locator("#item-state")).hasText("早期支持");
				assertThat(page.locator("#release-deployed")).containsText("成功");
				assertThat(page.locator("#release-deployed")).containsText("早期支持至");
			}
		}
	}

	private static String change(Api api, String token, String title, long group, LocalDateTime start) {
		Map<String, Object> form = new HashMap<>();
		form.put("changeType", "NORMAL");
		form.put("title", title);
		form.put("groupId", group);
		form.put("plannedStart", start.toString());
		form.put("plannedEnd", start.plusHours(1).toString());
		Response r = api.post("/api/v1/changes", token, Api.json(form));
		org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

}
