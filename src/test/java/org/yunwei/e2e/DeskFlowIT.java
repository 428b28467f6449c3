package org.yunwei.e2e;

import java.util.regex.Pattern;

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
 * In a real browser, the agent console: the desk's lead adds a ticket template and a
 * canned reply; an agent takes a call — finds the caller, sees their earlier ticket,
 * fills the form from the template, registers it; the ticket is in the desk's queue,
 * where another agent takes it from; on the ticket the canned reply goes into the comment
 * with the caller's name; the caller's earlier report of the same fault is merged into it
 * as a duplicate; and a request that is really a fault is turned into an incident.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=portal-flow", "yunwei.service-desk.group=SD-FLOW" })
class DeskFlowIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aCallIsTakenFromTheQueueAnsweredMergedAndConverted() {
		TestUsers people = new TestUsers(this.context);
		Person lead = people.create("dflead", null, "OM_MANAGER");
		Person agent = people.create("dfagent", null, "SERVICE_DESK_AGENT");
		Person second = people.create("dfsecond", null, "SERVICE_DESK_AGENT");
		Person caller = people.create("dfcaller", null, "DEPARTMENT_USER");
		long desk = people.joinGroup("SD-FLOW", "服务台", agent, second);
		String base = "http://127.0.0.1:" + this.port;
		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
			String earlier;
			String request;
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, caller.username(), TestUsers.PASSWORD);
				earlier = report(page, base, "INCIDENT", "打印机又坏了");
				request = report(page, base, "REQUEST", "请帮忙修一下财务系统报错");
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, lead.username(), TestUsers.PASSWORD);
				page.click("text=模板与常用回复");
				page.click("#new-ticket");
				page.fill("#name", "打印机故障");
				page.selectOption("#ticketKind", "INCIDENT");
				page.fill("#title", "打印机无法打印");
				page.fill("#body", "打印机位置：\n现象：");
				page.selectOption("#urgency", "2");
				page.click("#template-save");
				assertThat(page.locator(".alert-success")).containsText("打印机故障");
				page.click("#new-reply");
				page.fill("#name", "已派工程师");
				page.fill("#body", "{requester}，您好：{number} 已安排工程师上门。");
				page.click("#template-save");
				page.click("#new-reply");
				page.fill("#name", "已派工程师");
				page.fill("#body", "重复的名称");
				page.click("#template-save");
				assertThat(page.locator("#name")).hasClass(Pattern.compile("is-invalid"));
			}
			String number;
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, agent.username(), TestUsers.PASSWORD);
				page.click("text=电话受理");
				page.fill("#caller-q", caller.username());
				page.click("#caller-find");
				page.click("#caller-" + caller.username());
				assertThat(page.locator("#caller-card")).containsText(earlier);
				page.selectOption("#template", new com.microsoft.playwright.options.SelectOption().setLabel("打印机故障"));
				page.click("#template-use");
				assertThat(page.locator("#title")).hasValue("打印机无法打印");
				page.fill("#description", "三楼东侧打印机卡纸，影响整个科室。");
				page.uncheck("#take-now");
				page.click("#phone-submit");
				assertThat(page.locator(".alert-success")).containsText("已为来电人登记工单");
				number = page.locator("#item-number").textContent().strip();
				assertThat(page.locator("#ticket-channel")).hasText("电话");
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, second.username(), TestUsers.PASSWORD);
				page.click("text=服务台工作台");
				page.click("#queue-" + desk);
				assertThat(page.locator("#row-" + number)).containsText("打印机无法打印");
				page.click("#take-" + number);
				assertThat(page.locator(".alert-success")).containsText(number);
				assertThat(page.locator("#take-" + number)).hasCount(0);
				page.click("#queue-mine");
				page.click("#row-" + number + " a");
				assertThat(page.locator("#item-assignee"))
					.containsText(second.username().substring("dfsecond".length()));
				// the caller at a glance, a canned reply with their name
				assertThat(page.locator("#agent-panel")).containsText(earlier);
				page.selectOption("#canned-reply",
						new com.microsoft.playwright.options.SelectOption().setLabel("已派工程师"));
				assertThat(page.locator("#comment-body")).hasValue(Pattern.compile(".*" + number + " 已安排工程师上门。"));
				page.click("#comment-add");
				assertThat(page.locator("#journal")).containsText("已安排工程师上门");
				// the caller's earlier report is the same fault
				page.navigate(base + "/work/incident/" + earlier);
				page.onceDialog((d) -> d.accept());
				page.fill("#merge-into", number);
				page.click("#merge-submit");
				assertThat(page.locator(".alert-success")).containsText("已合并到");
				assertThat(page).hasURL(Pattern.compile(".*/work/incident/" + number));
				assertThat(page.locator("#journal")).containsText(earlier);
				// the request is really a fault
				page.navigate(base + "/work/request/" + request);
				page.onceDialog((d) -> d.accept());
				page.click("#convert-submit");
				assertThat(page.locator(".alert-success")).containsText("已转为");
				assertThat(page).hasURL(Pattern.compile(".*/work/incident/INC-.*"));
				assertThat(page.locator("#item-title")).hasText("请帮忙修一下财务系统报错");
			}
		}
	}

	private static String report(Page page, String base, String kind, String title) {
		page.navigate(base + "/portal/new?kind=" + kind);
		page.fill("#title", title);
		page.fill("#description", title + "，麻烦尽快。");
		page.click("#ticket-submit");
		assertThat(page.locator(".alert-success")).containsText("已提交");
		return page.locator("#ticket-number").textContent().strip();
	}

}
