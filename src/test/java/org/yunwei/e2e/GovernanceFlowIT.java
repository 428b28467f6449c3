package org.yunwei.e2e;

import java.io.IOException;
import java.nio.file.Files;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * In a real browser, the conformance engine as the head of O&amp;M uses it: computing a
 * month fills the key indicators; one below target links to the nonconformity it raised,
 * whose cause and corrective action are written and whose action is raised on its page;
 * the clause tree shows each chapter's score and a clause's evidence rules; the
 * compliance self-check report downloads as a PDF in Chinese. As the management
 * representative: the year's audit programme set up and an audit planned from it for an
 * object not yet covered; a satisfaction survey drafted and sent on its page, answered by
 * the person asked under My surveys, the answer in its results.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=conformance", "yunwei.test.schema-suffix=_conformance" })
class GovernanceFlowIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aMonthIsComputedAMissedIndicatorIsInvestigatedAndTheSelfCheckReportDownloads() throws IOException {
		TestUsers people = new TestUsers(this.context);
		Person head = people.create("gfhead", null, "OM_HEAD");
		String base = "http://127.0.0.1:" + this.port;
		String month = "2025-02";

		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright);
				BrowserContext context = browser.newContext(Browser.context().setAcceptDownloads(true))) {
			Page page = Browser.signIn(context, base, head.username(), TestUsers.PASSWORD);

			// a month computed from the page: 6-1 has no O&M plan in effect, below target
			page.navigate(base + "/governance/indicators?period=" + month);
			assertThat(page.locator("#total")).hasText("109");
			page.click("#compute");
			assertThat(page.locator("tr[data-code='6-1'] .yw-met")).hasText("未达标");
			assertThat(page.locator("tr[data-code='6-1'] .yw-value")).hasText("0 %");
			page.click("tr[data-code='6-1'] td a");
			assertThat(page.locator("#fraction")).hasText("0 / 9");
			assertThat(page.locator("#value-status")).hasText("未达标");
			assertThat(page.locator("#indicator-chart")).hasAttribute("data-loaded",
					java.util.regex.Pattern.compile("\\d+"));

			// its investigation: cause, corrective action and an action with owner and
			// deadline
			page.click("#nonconformity-link a");
			assertThat(page.locator("#nc-source")).hasText("指标未达标");
			assertThat(page.locator("#nc-indicator")).containsText("6-1");
			page.fill("#nc-cause", "年度运维计划未按第 6 章分章节编写。");
			page.fill("#nc-corrective", "按运维计划的九个章节重写并批准。");
			page.click("#nc-analysis-save");
			assertThat(page.locator("#nc-cause")).hasValue("年度运维计划未按第 6 章分章节编写。");
			page.fill("#action-title", "编写 2026 年度运维计划");
			page.fill("#action-due", "2026-12-31T18:00");
			page.click("#action-add");
			assertThat(page.locator("#nc-actions tr[data-category]")).hasCount(1);
			assertThat(page.locator("#nc-actions")).containsText("编写 2026 年度运维计划");

			// the dashboard reads what is stored: last month computed, the head's default
			// widgets, one added
			String last = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
			page.navigate(base + "/governance/indicators?period=" + last);
			page.click("#compute");
			assertThat(page.locator("tr[data-code='6-1'] .yw-met")).hasText("未达标");
			page.navigate(base + "/governance/dashboard");
			assertThat(page.locator("[data-widget='status'] .yw-widget")).hasAttribute("data-loaded",
					java.util.regex.Pattern.compile("[1-9]\\d*"));
			page.selectOption("#widget-kind", "TREND");
			page.selectOption("#widget-code", "6-1");
			page.click("#widget-add");
			assertThat(page.locator("[data-widget='trend:6-1'] .yw-widget")).hasAttribute("data-loaded", "1");

			// the clause tree and a clause's evidence
			page.navigate(base + "/governance/conformance");
			assertThat(page.locator("#conformance-radar")).hasAttribute("data-loaded", "7");
			assertThat(page.locator("li[data-clause='8.3.6']")).hasCount(1);
			page.click("li[data-clause='8.3.6'] a");
			assertThat(page.locator("#rules tbody tr")).hasCount(5);
			assertThat(page.locator("#rules tr[data-kind='DOC'][data-argument='PROCEDURE']")).containsText("变更管理程序");

			// the compliance self-check report, as a PDF with Chinese text
			page.navigate(base + "/governance/reports?period=" + month);
			Download download = page.waitForDownload(() -> page.click("#self-check-pdf"));
			byte[] pdf = Files.readAllBytes(download.path());
			try (PDDocument doc = Loader.loadPDF(pdf)) {
				String text = new PDFTextStripper().getText(doc);
				org.assertj.core.api.Assertions.assertThat(text).contains("运行维护合规自检报告").contains(month);
			}
		}
	}

	@Test
	void anAuditIsPlannedFromTheProgrammeAndASurveyIsAnswered() {
		TestUsers people = new TestUsers(this.context);
		Person rep = people.create("gfrep", null, "MANAGEMENT_REP");
		Person user = people.create("gfuser", null, "DEPARTMENT_USER");
		String base = "http://127.0.0.1:" + this.port;
		// a year no other test sets a programme for
		int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + 2;

		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright);
				BrowserContext context = browser.newContext(Browser.context());
				BrowserContext other = browser.newContext(Browser.context())) {
			Page page = Browser.signIn(context, base, rep.username(), TestUsers.PASSWORD);

			// the year's programme set up, an audit planned for one object not yet
			// covered
			page.navigate(base + "/governance/audit-programme?year=" + year);
			assertThat(page.locator("#programme-none")).isVisible();
			page.selectOption("#programme-method", "ROLLING");
			page.click("#programme-save");
			assertThat(page.locator("#programme-objects")).hasText("59");
			assertThat(page.locator("#programme-uncovered")).hasText("59");
			page.check("[id='pick-8.3.6']");
			page.fill("#plan-title", year + " 年变更管理专项审核");
			page.fill("#plan-due", year + "-05-20T17:00");
			page.click("#plan-submit");
			assertThat(page.locator("#audit-panel")).containsText("8.3.6");
			page.navigate(base + "/governance/audit-programme?year=" + year);
			assertThat(page.locator("tr[data-clause='8.3.6']")).hasAttribute("data-coverage", "PLANNED");
			assertThat(page.locator("#programme-uncovered")).hasText("58");
			assertThat(page.locator("#programme-audits")).containsText(year + " 年变更管理专项审核");

			// a survey drafted and sent on its page
			page.navigate(base + "/work/survey/new");
			page.fill("#title", "运维服务满意度调查 " + user.username());
			page.selectOption("#assigneeId", String.valueOf(rep.id()));
			page.click("#item-save");
			page.fill("#survey-questions-text", "服务台响应速度\n故障处理质量");
			page.fill("#survey-closes", java.time.LocalDate.now().plusDays(5).toString());
			page.click("#survey-save");
			assertThat(page.locator("#survey-questions-text")).hasValue("服务台响应速度\n故障处理质量");
			page.click("#transition-open");
			assertThat(page.locator("#survey-invited")).not().hasText("0");
			String number = page.locator("#item-number").textContent().strip();

			// the person asked answers it under My surveys
			Page answering = Browser.signIn(other, base, user.username(), TestUsers.PASSWORD);
			answering.navigate(base + "/surveys");
			answering.click("#my-surveys a[data-number='" + number + "']");
			answering.click("label[for='q1-5']");
			answering.click("label[for='q2-3']");
			answering.fill("#survey-comment", "夜间报修响应慢");
			answering.click("#survey-submit");
			assertThat(answering.locator("#survey-thanks")).isVisible();

			page.reload();
			assertThat(page.locator("#survey-responded")).hasText("1");
			assertThat(page.locator("#survey-comments")).containsText("夜间报修响应慢");
		}
	}

}
