package org.yunwei.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Done-when 1 of the work-item kernel, in a real browser (its own application context,
 * since it replaces the routine workflow): the O&M manager defines a routine workflow
 * with four states and an approval and sees it drawn; a task goes to approval; the head
 * of O&M finds it on their home page, must give a reason to reject, and approves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "yunwei.test.context=approval-flow")
class ApprovalFlowIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aManagerDefinesAnApprovalAndTheHeadOfOmDecides() throws IOException {
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("mgr", null, "OM_MANAGER");
		Person head = people.create("head", null, "OM_HEAD");
		String workflow = new ClassPathResource("workflows/routine-with-approval.json")
			.getContentAsString(StandardCharsets.UTF_8)
			.replace("\"SEQUENTIAL\"", "\"ANY\"")
			.replace("users:__A__,__B__", "users:" + head.username());
		String base = "http://127.0.0.1:" + this.port;
		String number;
		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, manager.username(), TestUsers.PASSWORD);
				page.navigate(base + "/admin/workflows/routine");
				page.fill("#definition", workflow.replace("\"approve\": \"approve\"", "\"approve\": \"nowhere\""));
				page.click("#workflow-save");
				assertThat(page.locator("#workflow-errors")).containsText("nowhere");
				page.fill("#definition", workflow);
				page.click("#workflow-preview");
				assertThat(page.locator("#preview .yw-wf-state")).hasCount(4);
				assertThat(page.locator("#preview svg")).containsText("提交审批");
				page.click("#workflow-save");
				assertThat(page.locator(".alert-success")).containsText("第 2 版已保存");
				page.screenshot(
						new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/approval-workflow.png"))
							.setFullPage(true));

				page.navigate(base + "/work/routine/new");
				page.fill("#title", "季度灾备切换演练");
				page.click("#item-save");
				number = page.locator("#item-number").textContent().trim();
				assertThat(page.locator("#transition-approve")).hasCount(0);
				page.click("#transition-submit");
				assertThat(page.locator("#item-state")).hasText("待审批");
				assertThat(page.locator("#approvals")).containsText(head.username().substring(4));
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, head.username(), TestUsers.PASSWORD);
				assertThat(page.locator("#my-work")).containsText(number);
				assertThat(page.locator("#my-work")).containsText("待您审批");
				page.click("#my-work a:has-text('" + number + "')");
				page.click("#approval-reject");
				assertThat(page.locator(".alert-danger")).containsText("请说明驳回理由");
				page.fill("#approval-comment", "同意，注意提前通知各业务部门");
				page.click("#approval-approve");
				assertThat(page.locator(".alert-success")).containsText("您已批准 " + number);
				assertThat(page.locator("#item-state")).hasText("执行中");
				assertThat(page.locator("#approvals")).containsText("注意提前通知各业务部门");
				page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/approval-decided.png"))
					.setFullPage(true));
			}
		}
	}

}
