package org.yunwei.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A process owner checks the working calendar in a real browser: the official National
 * Day arrangement is there, a later year is empty until imported, a file with a bad row
 * imports nothing and says which row, a good one imports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarFlowIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aProcessOwnerKeepsTheCalendarUpToDate() {
		Person owner = new TestUsers(this.context).create("owner", null, "OM_MANAGER");
		String base = "http://127.0.0.1:" + this.port;
		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright);
				BrowserContext context = browser.newContext(Browser.context())) {
			Page page = Browser.signIn(context, base, owner.username(), TestUsers.PASSWORD);
			page.click("text=工作日历");
			page.click("#calendar-cn-workdays");
			String calendar = page.url();
			page.navigate(calendar + "?year=2026");
			assertThat(page.locator("#days-table tr[data-date='2026-10-10']")).containsText("调休上班");
			assertThat(page.locator("#days-table tr[data-date='2026-10-01']")).containsText("国庆节");
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/calendar.png")));

			page.click("a[aria-label='下一年']");
			assertThat(page.locator("#calendar-year")).hasText("2027");
			assertThat(page.locator("#days")).containsText("还没有 2027 年的节假日数据");

			String bad = "# 测试通知\ndate,kind,name_zh,name_en\n2029-01-01,HOLIDAY,元旦,New Year's Day\n2029-13-01,HOLIDAY,错,Bad\n";
			page.setInputFiles("#import-file",
					new FilePayload("2029.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)));
			page.click("#import-submit");
			assertThat(page.locator("#import-errors")).containsText("row 4: date");
			page.navigate(calendar + "?year=2029");
			assertThat(page.locator("#days")).containsText("还没有 2029 年的节假日数据");

			String good = bad.replace("2029-13-01,HOLIDAY,错,Bad",
					"2029-02-10,WORKDAY,春节（调休上班）,Spring Festival (make-up working day)");
			page.setInputFiles("#import-file",
					new FilePayload("2029.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)));
			page.click("#import-submit");
			assertThat(page.locator(".alert-success")).containsText("已导入 2 天");
		}
	}

}
