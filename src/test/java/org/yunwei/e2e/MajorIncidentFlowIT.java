package org.yunwei.e2e;

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
 * In a real browser, a major incident: a department user reports a fault, and the same
 * outage again; the agent classifies the first, declares it a major incident, makes the
 * second part of it and posts an update; resolving it resolves the second; the head of
 * O&M finds both in the bell; the fault is resolved, but the user's confirmation is
 * refused until the manager completes the post-incident review, after which the user
 * confirms it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=portal-flow", "yunwei.service-desk.group=SD-FLOW" })
class MajorIncidentFlowIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aMajorIncidentIsDeclaredToldAndReviewedBeforeItCloses() {
		TestUsers people = new TestUsers(this.context);
		Person user = people.create("miuser", null, "DEPARTMENT_USER");
		Person agent = people.create("miagent", null, "SERVICE_DESK_AGENT");
		Person head = people.create("mihead", null, "OM_HEAD");
		Person manager = people.create("mimanager", null, "OM_MANAGER");
		people.joinGroup("SD-FLOW", "服务台", agent);
		String base = "http://127.0.0.1:" + this.port;
		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
			String number;
			String same;
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, manager.username(), TestUsers.PASSWORD);
				page.click("a.yw-nav-link:has-text('事件分类')");
				page.fill("#code", "mi-net-" + manager.id());
				page.fill("#nameZh", "网络");
				page.fill("#nameEn", "Network");
				page.click("#category-save");
				assertThat(page.locator(".alert-success")).containsText("分类已保存");
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, user.username(), TestUsers.PASSWORD);
				page.navigate(base + "/portal/new?kind=INCIDENT");
				page.fill("#title", "整栋楼断网");
				page.fill("#description", "所有电脑都无法上网，内网也打不开。");
				page.click("#ticket-submit");
				number = page.locator("#ticket-number").textContent().strip();
				page.navigate(base + "/portal/new?kind=INCIDENT");
				page.fill("#title", "三楼也上不了网");
				page.fill("#description", "三楼办公室电脑全部断网。");
				page.click("#ticket-submit");
				same = page.locator("#ticket-number").textContent().strip();
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, agent.username(), TestUsers.PASSWORD);
				page.navigate(base + "/work/incident/" + number);
				page.click("button:has-text('受理')");
				assertThat(page.locator(".alert-success")).isVisible();
				page.selectOption("#incident-category", new SelectOption().setLabel("网络"));
				page.selectOption("#resolution-code", "WORKAROUND");
				page.fill("#workaround", "临时启用 4G 备份链路");
				page.click("#details-save");
				assertThat(page.locator(".alert-success")).containsText("已保存");
				assertThat(page.locator("#incident-category option[selected]")).hasText("网络");
				page.onceDialog((d) -> d.accept());
				page.fill("#major-reason-input", "核心交换机故障，全楼网络中断");
				page.click("#declare-submit");
				assertThat(page.locator(".alert-success")).containsText("已宣布为重大事件");
				assertThat(page.locator("#major-panel")).containsText("核心交换机故障");
				assertThat(page.locator(".yw-page-head")).containsText("P1");
				// the same outage reported again: part of the major incident
				page.navigate(base + "/work/incident/" + same);
				page.fill("#parent-number", number);
				page.click("#parent-submit");
				assertThat(page.locator("#parent-link")).hasText(number);
				page.click("#parent-link");
				assertThat(page.locator("#children")).containsText(same);
				page.fill("#update-message", "已更换备用交换机，正在逐层恢复。");
				page.click("#update-submit");
				assertThat(page.locator("#major-updates")).containsText("已更换备用交换机");
				page.fill("#transition-comment", "备用交换机上线，网络恢复。");
				page.click("button:has-text('解决')");
				assertThat(page.locator(".alert-success")).isVisible();
				page.navigate(base + "/work/incident/" + same);
				assertThat(page.locator("#journal")).containsText("随批量事件 " + number + " 解决");
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, head.username(), TestUsers.PASSWORD);
				page.navigate(base + "/notifications");
				assertThat(page.locator("body")).containsText("【重大事件】" + number);
				assertThat(page.locator("body")).containsText("【重大事件通报】" + number);
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, user.username(), TestUsers.PASSWORD);
				page.navigate(base + "/portal/tickets/" + number);
				assertThat(page.locator("#progress")).containsText("已更换备用交换机");
				page.click("label[for=rating-4]");
				page.click("#accept");
				assertThat(page.locator(".alert-danger")).containsText("事后回顾");
				assertThat(page.locator("#ticket-state")).not().hasText("已关闭");
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, manager.username(), TestUsers.PASSWORD);
				page.navigate(base + "/work/incident/" + number);
				page.fill("#review-summary", "核心交换机电源模块故障，全楼断网 50 分钟");
				page.click("#review-complete");
				assertThat(page.locator(".alert-danger")).isVisible();
				page.fill("#review-summary", "核心交换机电源模块故障，全楼断网 50 分钟");
				page.fill("#review-cause", "电源模块老化，无冗余电源");
				page.fill("#review-actions", "加装冗余电源；备件库增加交换机电源模块");
				page.fill("#review-lessons", "核心设备须有冗余电源和备件");
				page.click("#review-complete");
				assertThat(page.locator("#review-done")).isVisible();
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, user.username(), TestUsers.PASSWORD);
				page.navigate(base + "/portal/tickets/" + number);
				page.click("label[for=rating-4]");
				page.click("#accept");
				assertThat(page.locator("#ticket-state")).hasText("已关闭");
			}
		}
	}

}
