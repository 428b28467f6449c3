package org.yunwei.e2e;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An O&M manager schedules a daily inspection on working days in late September 2026
 * (this test's clock), in a real browser: the preview skips the National Day holiday and
 * includes the 调休 Saturday, and the saved activity shows the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScheduleFlowIT {

	@TestConfiguration
	static class September {

		@Bean
		@Primary
		Clock septemberClock() {
			return Clock.offset(Clock.systemUTC(),
					Duration.between(Instant.now(), Instant.parse("2026-09-25T02:00:00Z")));
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aManagerSchedulesADailyInspectionOnWorkingDays() {
		Person manager = new TestUsers(this.context).create("sched", null, "OM_MANAGER");
		String base = "http://127.0.0.1:" + this.port;
		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright);
				BrowserContext context = browser.newContext(Browser.context())) {
			Page page = Browser.signIn(context, base, manager.username(), TestUsers.PASSWORD);
			page.click("text=周期性工作");
			page.click("#new-schedule");
			// the preset select is wired by app.js: act once the page has loaded, as a
			// person would
			page.waitForLoadState();
			page.fill("#title", "机房日常巡检");
			page.selectOption("#preset", "FREQ=WEEKLY;BYDAY=MO");
			assertThat(page.locator("#rrule")).hasValue("FREQ=WEEKLY;BYDAY=MO");
			page.selectOption("#preset", "FREQ=DAILY");
			assertThat(page.locator("#rrule")).hasValue("FREQ=DAILY");
			page.fill("#startDate", "2026-09-01");
			page.fill("#startTime", "08:30");
			page.selectOption("#policy", "SKIP");
			page.click("#schedule-preview");
			assertThat(page.locator("#next-occurrences")).containsText("2026-09-28 08:30");
			assertThat(page.locator("#next-occurrences")).containsText("2026-10-08 08:30");
			assertThat(page.locator("#next-occurrences")).containsText("2026-10-10 08:30");
			assertThat(page.locator("#next-occurrences")).not().containsText("2026-10-01");

			page.fill("#rrule", "FREQ=NEVER");
			page.click("#schedule-preview");
			assertThat(page.locator("#preview-errors")).containsText("FREQ=NEVER");
			page.fill("#rrule", "FREQ=DAILY");
			page.click("#schedule-save");
			assertThat(page.locator(".alert-success")).containsText("已保存");
			assertThat(page.locator("#next-occurrences")).containsText("2026-10-10 08:30");
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/schedule.png")));
			page.navigate(base + "/schedules");
			assertThat(page.locator("#schedule-table")).containsText("机房日常巡检");
		}
	}

}
