package org.yunwei.e2e;

import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
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
 * In a real browser: a department user reports a fault on the portal; the service-desk
 * agent takes and resolves it; the user sends it back, the agent resolves it again, and
 * the user confirms it with five stars, which the agent then sees on the record. And a
 * catalogue manager adds a catalogue item with an approval and its own form field; a
 * department user asks for it on the portal, answering the form; the head of O&M approves
 * it on the record, where the answers are shown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=portal-flow", "yunwei.service-desk.group=SD-FLOW" })
class PortalFlowIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aFaultIsReportedSentBackAndConfirmedWithARating() {
		TestUsers people = new TestUsers(this.context);
		Person user = people.create("pfuser", null, "DEPARTMENT_USER");
		Person agent = people.create("pfagent", null, "SERVICE_DESK_AGENT");
		people.joinGroup("SD-FLOW", "服务台", agent);
		String base = "http://127.0.0.1:" + this.port;
		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
			String number;
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, user.username(), TestUsers.PASSWORD);
				page.click("text=自助服务台");
				page.click("#report-fault");
				page.click("#ticket-submit");
				assertThat(page.locator("#title")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
				page.fill("#title", "三楼打印机无法打印");
				page.fill("#description", "打印任务一直排队，已重启打印机。");
				page.selectOption("#urgency", "2");
				page.click("#ticket-submit");
				assertThat(page.locator(".alert-success")).containsText("已提交");
				number = page.locator("#ticket-number").textContent().strip();
				assertThat(page.locator("#ticket-state")).hasText("待受理");
				assertThat(page.locator("#decision")).hasCount(0);
			}
			agentResolves(browser, base, agent, number, "已清理打印队列并重装驱动");
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, user.username(), TestUsers.PASSWORD);
				page.click("text=自助服务台");
				page.click("#ticket-" + number + " a");
				assertThat(page.locator("#progress")).containsText("已清理打印队列并重装驱动");
				page.fill("#reject-reason", "彩色打印仍然失败");
				page.click("#reject");
				assertThat(page.locator(".alert-success")).containsText("退回");
				assertThat(page.locator("#ticket-state")).hasText("处理中");
			}
			agentResolves(browser, base, agent, number, "更换了彩色硒鼓");
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, user.username(), TestUsers.PASSWORD);
				page.navigate(base + "/portal/tickets/" + number);
				page.click("#accept");
				assertThat(page.locator("#ticket-state")).not().hasText("已关闭");
				page.click("label[for=rating-5]");
				page.fill("#accept-comment", "处理及时，谢谢");
				page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/portal-ticket.png")));
				page.click("#accept");
				assertThat(page.locator("#ticket-state")).hasText("已关闭");
				assertThat(page.locator("#my-rating")).containsText("★★★★★");
				assertThat(page.locator("#decision")).hasCount(0);
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, agent.username(), TestUsers.PASSWORD);
				page.navigate(base + "/work/incident/" + number);
				assertThat(page.locator("#ticket-satisfaction")).containsText("5/5");
				assertThat(page.locator("#ticket-satisfaction")).containsText("处理及时，谢谢");
				assertThat(page.locator("#ticket-channel")).hasText("自助服务门户");
			}
		}
	}

	@Test
	void aCatalogueItemIsAddedThenAskedForWithItsFormAndApproved() {
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("pfmanager", null, "OM_MANAGER");
		Person head = people.create("pfhead", null, "OM_HEAD");
		Person user = people.create("pfasker", null, "DEPARTMENT_USER");
		String base = "http://127.0.0.1:" + this.port;
		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, manager.username(), TestUsers.PASSWORD);
				page.click("text=请求目录");
				page.click("#new-catalogue-item");
				page.fill("#code", "pf-vpn");
				page.fill("#nameZh", "VPN 远程接入");
				page.fill("#nameEn", "VPN access");
				page.fill("#descriptionZh", "出差期间远程访问内网。");
				page.fill("#categoryZh", "账号与权限");
				page.fill("#categoryEn", "Accounts and access");
				page.fill("#icon", "shield-lock");
				page.check("#approval1");
				page.click("#catalogue-save");
				assertThat(page.locator(".alert-success")).containsText("VPN 远程接入");
				page.click("#edit-fields");
				assertThat(page.locator("#field-scope-title")).containsText("VPN 远程接入");
				page.fill("#code", "until");
				page.fill("#labelZh", "使用截止日期");
				page.fill("#labelEn", "Needed until");
				page.selectOption("#kind", "DATE");
				page.check("#required1");
				page.click("#field-save");
				assertThat(page.locator("#field-table")).containsText("使用截止日期");
				page.navigate(base + "/catalogue");
				assertThat(page.locator("#catalogue-pf-vpn")).containsText("v1");
			}
			String number;
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, user.username(), TestUsers.PASSWORD);
				page.click("text=自助服务台");
				page.click("#ask-pf-vpn");
				assertThat(page.locator("#title")).hasValue("VPN 远程接入");
				page.fill("#description", "下周去省厅出差三天，需要访问内网办公系统。");
				page.click("#ticket-submit");
				assertThat(page.locator("#ticket-errors")).containsText("使用截止日期");
				assertThat(page.locator("#description")).hasValue("下周去省厅出差三天，需要访问内网办公系统。");
				page.fill("#cf-until", "2026-12-31");
				page.screenshot(
						new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/portal-catalogue.png")));
				page.click("#ticket-submit");
				assertThat(page.locator("#ticket-state")).hasText("待审批");
				assertThat(page.locator("#answer-until")).hasText("2026-12-31");
				number = page.locator("#ticket-number").textContent().strip();
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, head.username(), TestUsers.PASSWORD);
				page.navigate(base + "/work/request/" + number);
				assertThat(page.locator("#ticket-catalogue-item")).hasText("VPN 远程接入");
				assertThat(page.locator("#answer-until")).hasText("2026-12-31");
				page.click("#approval-approve");
				assertThat(page.locator("#item-state")).hasText("待受理");
			}
		}
	}

	private static void agentResolves(com.microsoft.playwright.Browser browser, String base, Person agent,
			String number, String how) {
		try (BrowserContext context = browser.newContext(Browser.context())) {
			Page page = Browser.signIn(context, base, agent.username(), TestUsers.PASSWORD);
			page.navigate(base + "/work/incident/" + number);
			if (page.locator("#transition-take").count() > 0) {
				page.click("#transition-take");
				assertThat(page.locator("#item-state")).hasText("处理中");
			}
			page.fill("#transition-comment", how);
			page.click("#transition-resolve");
			assertThat(page.locator("#item-state")).hasText("已解决，待用户确认");
		}
	}

}
