package org.yunwei.e2e;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real browser, problem management: three incidents of one category are proposed in
 * the recurring-incident view; the manager raises the problem from them; the engineer
 * writes the root-cause analysis and the workaround and records the known error; the
 * agent finds it in the known-error list, and on each incident's page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=portal-flow", "yunwei.service-desk.group=SD-FLOW" })
class ProblemFlowIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void recurringIncidentsAreProposedRaisedAsAProblemAndItsWorkaroundIsKnown() {
		TestUsers people = new TestUsers(this.context);
		Person user = people.create("pfuser", null, "DEPARTMENT_USER");
		Person agent = people.create("pfagent", null, "SERVICE_DESK_AGENT");
		Person engineer = people.create("pfengineer", null, "ENGINEER");
		Person manager = people.create("pfmanager", null, "OM_MANAGER");
		people.joinGroup("SD-FLOW", "服务台", agent, engineer);
		String base = "http://127.0.0.1:" + this.port;
		String category = "数据库" + manager.id();
		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
			List<String> incidents = new java.util.ArrayList<>();
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, manager.username(), TestUsers.PASSWORD);
				page.navigate(base + "/incidents/categories");
				page.fill("#code", "pf-db-" + manager.id());
				page.fill("#nameZh", category);
				page.fill("#nameEn", "Databases");
				page.click("#category-save");
				assertThat(page.locator(".alert-success")).isVisible();
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, user.username(), TestUsers.PASSWORD);
				for (String title : List.of("财务系统报数据库连接超时", "OA 提示数据库繁忙", "报表查询数据库超时")) {
					page.navigate(base + "/portal/new?kind=INCIDENT");
					page.fill("#title", title);
					page.fill("#description", title + "，请处理。");
					page.click("#ticket-submit");
					incidents.add(page.locator("#ticket-number").textContent().strip());
				}
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, agent.username(), TestUsers.PASSWORD);
				for (String n : incidents) {
					page.navigate(base + "/work/incident/" + n);
					page.selectOption("#incident-category", new SelectOption().setLabel(category));
					page.click("#details-save");
					assertThat(page.locator(".alert-success")).isVisible();
				}
			}
			String problem;
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, manager.username(), TestUsers.PASSWORD);
				page.click("a.yw-nav-link:has-text('重复事件')");
				assertThat(page.locator("body")).containsText(category);
				page.locator(".card:has-text('" + category + "') button:has-text('提出问题')").click();
				assertThat(page.locator(".alert-success")).containsText("已提出问题");
				problem = page.locator("#item-number").textContent().strip();
				assertThat(page.locator("#item-title")).containsText(category);
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, engineer.username(), TestUsers.PASSWORD);
				page.navigate(base + "/work/problem/" + problem);
				page.click("button:has-text('开始分析')");
				assertThat(page.locator(".alert-success")).isVisible();
				page.selectOption("#cause-category", "CAPACITY");
				page.fill("#why1", "连接超时");
				page.fill("#why2", "数据库连接池耗尽");
				page.fill("#why3", "报表查询长时间占用连接");
				page.fill("#root-cause", "报表查询未走只读副本");
				page.fill("#problem-workaround", "重启报表服务释放连接；高峰期暂停大报表");
				page.click("#analysis-save");
				assertThat(page.locator(".alert-success")).containsText("分析已保存");
				page.click("button:has-text('登记为已知错误')");
				assertThat(page.locator("#known-error-badge")).isVisible();
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, agent.username(), TestUsers.PASSWORD);
				page.click("a.yw-nav-link:has-text('已知错误')");
				assertThat(page.locator("#known-" + problem)).containsText("重启报表服务释放连接");
				page.navigate(base + "/work/incident/" + incidents.get(1));
				assertThat(page.locator("#tied-problems")).containsText(problem);
			}
		}
	}

}
