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
 * In a real browser: the O&M manager registers an SOP with its steps and submits it; the
 * head of O&M reads it on its approval record and approves it, and it is in effect; the
 * manager drafts version 1.1, the head rejects it with a reason, and the manager sees the
 * reason on the document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=document-flow", "yunwei.documents.initial-delay=PT10H" })
class DocumentFlowIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void anSopIsWrittenApprovedAndItsRevisionRejected() {
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("docflow", null, "OM_MANAGER");
		Person head = people.create("docboss", null, "OM_HEAD");
		String base = "http://127.0.0.1:" + this.port;
		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
			String number;
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, manager.username(), TestUsers.PASSWORD);
				page.click("text=受控文件");
				page.click("#new-document");
				page.click("#new-sop");
				page.fill("#title", "机房日常巡检作业指导书");
				page.fill("#content", "# 目的\n规范机房日常巡检。");
				page.fill("#steps", "检查机房温湿度\n检查 UPS 负载和电池电压");
				page.click("#document-save");
				assertThat(page.locator(".alert-success")).containsText("已登记");
				number = page.locator("h1 + .yw-mono").textContent().strip();
				assertThat(page.locator("#steps")).hasValue("检查机房温湿度\n检查 UPS 负载和电池电压");
				page.click("#draft-submit");
				assertThat(page.locator(".alert-success")).containsText("已提交审批");
				assertThat(page.locator("#pending-state")).hasText("审批中");
				assertThat(page.locator("#document-clauses")).containsText("8.4.1 例行操作");
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, head.username(), TestUsers.PASSWORD);
				page.navigate(base + "/documents/" + number);
				page.click("#approval-link");
				assertThat(page.locator("#document-panel")).containsText("规范机房日常巡检");
				assertThat(page.locator("#document-panel")).containsText("检查 UPS 负载和电池电压");
				page.fill("#approval-comment", "同意发布");
				page.click("#approval-approve");
				assertThat(page.locator("#approvals")).containsText("同意发布");
				page.navigate(base + "/documents/" + number);
				assertThat(page.locator("#document-state")).hasText("生效中");
				assertThat(page.locator("#document-steps li")).hasCount(2);
				assertThat(page.locator("#version-card")).containsText("批准");
				page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/document.png")));
			}
			String approval;
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, manager.username(), TestUsers.PASSWORD);
				page.navigate(base + "/documents/" + number);
				page.click("#new-draft");
				assertThat(page.locator("#label")).hasValue("1.1");
				page.fill("#steps", "检查机房温湿度\n检查 UPS 负载和电池电压\n检查消防气瓶压力");
				page.fill("#changeNote", "增加消防检查");
				page.click("#draft-submit");
				approval = page.locator("#approval-link").textContent().strip();
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, head.username(), TestUsers.PASSWORD);
				page.navigate(base + "/work/docapproval/" + approval);
				assertThat(page.locator("#document-panel")).containsText("增加消防检查");
				page.fill("#approval-comment", "气瓶压力的正常范围要写明");
				page.click("#approval-reject");
				assertThat(page.locator("#approvals")).containsText("气瓶压力的正常范围要写明");
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, manager.username(), TestUsers.PASSWORD);
				page.navigate(base + "/documents/" + number);
				assertThat(page.locator("#rejected-reason")).containsText("气瓶压力的正常范围要写明");
				assertThat(page.locator("#shown-label")).hasText("v1.0");
				page.click("#edit-draft");
				assertThat(page.locator("#rejected-reason")).containsText("气瓶压力的正常范围要写明");
			}
		}
	}

}
