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
 * In a real browser, knowledge from an incident: the agent resolves a fault, drafts an
 * article from it in one click, makes it public and submits it; the O&amp;M manager
 * approves the review; a department user finds the article by a Chinese word of its body
 * from the portal, sees it suggested while describing the same fault again, and says it
 * helped; the agent sees it suggested on the new incident and applies it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=portal-flow", "yunwei.service-desk.group=SD-FLOW" })
class KnowledgeFlowIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void anArticleDraftedFromAnIncidentIsApprovedFoundSuggestedAndApplied() {
		TestUsers people = new TestUsers(this.context);
		Person user = people.create("kfuser", null, "DEPARTMENT_USER");
		Person agent = people.create("kfagent", null, "SERVICE_DESK_AGENT");
		Person manager = people.create("kfmanager", null, "OM_MANAGER");
		people.joinGroup("SD-FLOW", "服务台", agent);
		String base = "http://127.0.0.1:" + this.port;
		String tag = "kf" + agent.id();
		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
			String incident;
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, user.username(), TestUsers.PASSWORD);
				page.navigate(base + "/portal/new?kind=INCIDENT");
				page.fill("#title", "会议室投影仪无信号 " + tag);
				page.fill("#description", "笔记本通过 HDMI 连接投影仪后一直显示无信号。");
				page.click("#ticket-submit");
				incident = page.locator("#ticket-number").textContent().strip();
			}
			String article;
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, agent.username(), TestUsers.PASSWORD);
				page.navigate(base + "/work/incident/" + incident);
				page.click("#transition-take");
				page.fill("#transition-comment", "在笔记本上按 Win+P 选择“复制”，投影仪切换到 HDMI1 信号源后恢复。");
				page.click("#transition-resolve");
				assertThat(page.locator("#item-state")).hasText("已解决，待用户确认");
				page.click("#draft-article");
				assertThat(page.locator(".alert-success")).containsText("起草");
				assertThat(page.locator("#body")).containsText("Win+P");
				page.fill("#title", "投影仪显示无信号的处理 " + tag);
				page.check("#visibility1");
				page.click("#article-save-submit");
				assertThat(page.locator(".alert-success")).containsText("已提交审核");
				assertThat(page.locator("#draft-note")).containsText("正在审核");
				article = page.locator("#article-number").textContent().strip();
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, manager.username(), TestUsers.PASSWORD);
				page.navigate(base + "/knowledge/" + article);
				page.click("#draft-note a:has-text('打开审核单')");
				assertThat(page.locator("#knowledge-approval-panel")).containsText("Win+P");
				page.fill("#approval-comment", "步骤清楚");
				page.click("#approval-approve");
				assertThat(page.locator("#item-state")).hasText("已发布");
				page.navigate(base + "/knowledge/" + article);
				assertThat(page.locator("#article-state")).hasText("已发布");
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, user.username(), TestUsers.PASSWORD);
				page.navigate(base + "/portal");
				page.fill("#portal-q", "投影仪 " + tag);
				page.click("#portal-knowledge-search button[type=submit]");
				Browser.waitUntil(page, () -> {
					if (page.locator("#knowledge-results [data-number='" + article + "']").count() > 0) {
						return true;
					}
					page.reload();
					return false;
				});
				assertThat(page.locator("#knowledge-results mark").first()).hasText("投影仪");
				page.click("#knowledge-results [data-number='" + article + "']");
				assertThat(page.locator("#article-body")).containsText("Win+P");
				page.click("#helpful-yes");
				assertThat(page.locator("#helpful-counts")).containsText("有帮助 1");
				// describing the same fault again, the article is suggested while typing
				page.navigate(base + "/portal/new?kind=INCIDENT");
				page.fill("#title", "投影仪没有信号");
				page.locator("#title").press("End");
				page.locator("#title").type(" " + tag);
				assertThat(page.locator("#suggestions [data-number='" + article + "']")).isVisible();
				page.screenshot(
						new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/knowledge-suggested.png"))
							.setFullPage(true));
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, agent.username(), TestUsers.PASSWORD);
				page.navigate(base + "/work/incident/new");
				page.fill("#title", "三楼投影仪无信号 " + tag);
				page.fill("#description", "投影仪显示无信号");
				page.click("#item-save");
				assertThat(page.locator("#knowledge-panel")).containsText(article);
				page.click("#suggested-articles [data-number='" + article + "'] .yw-use");
				assertThat(page.locator(".alert-success")).containsText(article);
				assertThat(page.locator("#applied-articles")).containsText(article);
				// the global search box finds the ticket and the article by a word of
				// their text
				page.fill(".yw-search input[name=q]", "投影仪 " + tag);
				page.press(".yw-search input[name=q]", "Enter");
				assertThat(page.locator("#search-results [data-number='" + article + "']")).isVisible();
				assertThat(page.locator("#search-results [data-number='" + incident + "']")).isVisible();
				page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/search.png"))
					.setFullPage(true));
			}
		}
	}

}
