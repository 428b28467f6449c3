package org.yunwei.e2e;

import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An O&M manager's day with routine tasks, in a real browser: create a task, work it
 * through its workflow (a required comment refused, then given), write a work note, find
 * it in the list, and edit the workflow (a broken one refused, a good one saved as a new
 * version).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutineTaskFlowIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aManagerWorksARoutineTaskAndItsWorkflow() {
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("mgr", null, "OM_MANAGER");
		String groupName = "机房组 " + manager.username();
		people.group(groupName, manager);
		String base = "http://127.0.0.1:" + this.port;
		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright);
				BrowserContext context = browser.newContext(Browser.context())) {
			Page page = Browser.signIn(context, base, manager.username(), TestUsers.PASSWORD);

			page.click("text=例行任务");
			assertThat(page).hasURL(base + "/work/routine");
			page.click("#new-item");
			page.fill("#title", "机房日常巡检 " + manager.username());
			page.fill("#description", "检查**温湿度**、UPS 和空调\n\n- 温度 < 25℃\n- 湿度 40%–60%");
			page.selectOption("#impact", "2");
			page.selectOption("#urgency", "1");
			page.selectOption("#groupId", new SelectOption().setLabel(groupName));
			page.click("#item-save");
			assertThat(page.locator(".alert-success")).containsText("已创建");
			String number = page.locator("#item-number").textContent().trim();
			assertThat(page.locator("#item-state")).hasText("待处理");
			assertThat(page.locator("#item-description strong")).hasText("温湿度");
			assertThat(page.locator(".yw-prio")).hasText("P2");

			page.click("#transition-start");
			assertThat(page.locator("#item-state")).hasText("处理中");
			assertThat(page.locator("#item-assignee")).containsText("mgr");

			page.click("#transition-wait");
			assertThat(page.locator(".alert-danger")).containsText("必须填写说明");
			assertThat(page.locator("#item-state")).hasText("处理中");
			page.fill("#transition-comment", "等待厂商更换空调风扇");
			page.click("#transition-wait");
			assertThat(page.locator("#item-state")).hasText("等待中");
			assertThat(page.locator("#diagram .yw-wf-current")).hasAttribute("data-state", "waiting");
			assertThat(page.locator("#journal")).containsText("等待厂商更换空调风扇");

			page.fill("#comment-body", "厂商工程师**明早 9 点**到场");
			page.check("#comment-internal");
			page.click("#comment-add");
			assertThat(page.locator("#journal .yw-journal-work_note")).containsText("明早 9 点到场");

			page.setInputFiles("#attachment-file", new com.microsoft.playwright.options.FilePayload("巡检记录.txt",
					"text/plain", "温度 23℃，湿度 45%".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			page.click("#attachment-upload");
			assertThat(page.locator("#attachments")).containsText("巡检记录.txt");
			page.setInputFiles("#attachment-file", new com.microsoft.playwright.options.FilePayload("tool.exe",
					"application/octet-stream", new byte[] { 'M', 'Z', 0, 0 }));
			page.click("#attachment-upload");
			assertThat(page.locator(".alert-danger")).containsText("不能附加“exe”类型的文件");
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/routine-detail.png"))
				.setFullPage(true));

			// on a phone the record page stacks its cards and nothing scrolls sideways
			page.setViewportSize(375, 812);
			page.reload();
			assertThat(page.locator("#item-state")).isVisible();
			org.assertj.core.api.Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
				.isLessThanOrEqualTo(375);
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/routine-375.png")));
			page.setViewportSize(1280, 900);

			page.navigate(base + "/");
			assertThat(page.locator("#my-work")).containsText(number);
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/home.png")));

			page.navigate(base + "/work/routine");
			assertThat(page.locator("#item-rows")).containsText(number);
			assertThat(page.locator("#item-rows")).containsText("等待中");
			page.fill("#item-q", number);
			assertThat(page.locator("#item-rows tr")).hasCount(1);
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/routine-list.png")));
			com.microsoft.playwright.Download csv = page.waitForDownload(() -> page.click("#export-csv"));
			org.assertj.core.api.Assertions.assertThat(csv.suggestedFilename()).startsWith("routine-").endsWith(".csv");
			try (java.io.InputStream in = csv.createReadStream()) {
				org.assertj.core.api.Assertions
					.assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
					.contains(number)
					.contains("机房日常巡检");
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}

			page.navigate(base + "/admin/workflows");
			assertThat(page.locator(".yw-diagram svg").first()).isVisible();
			page.click("#edit-routine");
			String good = page.locator("#definition").inputValue();
			page.fill("#definition", good.replace("\"to\": \"waiting\"", "\"to\": \"nowhere\""));
			page.click("#workflow-preview");
			assertThat(page.locator("#workflow-errors")).containsText("nowhere");
			page.click("#workflow-save");
			assertThat(page.locator("#workflow-errors")).containsText("nowhere");
			page.fill("#definition", good.replace("\"开始处理\"", "\"开始巡检\""));
			page.click("#workflow-preview");
			assertThat(page.locator("#preview .alert-success")).isVisible();
			assertThat(page.locator("#preview svg")).containsText("开始巡检");
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/workflow-editor.png"))
				.setFullPage(true));
			page.click("#workflow-save");
			assertThat(page.locator(".alert-success")).containsText("已保存");
		}
	}

}
