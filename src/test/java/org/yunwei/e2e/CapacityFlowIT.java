package org.yunwei.e2e;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import org.yunwei.support.Api;
import org.yunwei.support.Api.Response;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real browser, a capacity record (8.3.8): defined on a storage CI from the capacity
 * page (a missing threshold named inline); with twelve months of history, its page draws
 * the history and the forecast line and says the day the threshold is reached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=portal-flow", "yunwei.service-desk.group=SD-FLOW" })
class CapacityFlowIT {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void twelveMonthsOfHistoryShowAForecastLineAndTheDayTheThresholdIsCrossed() {
		TestUsers people = new TestUsers(this.context);
		Person engineer = people.create("kfengineer", null, "ENGINEER");
		String tag = String.valueOf(engineer.id());
		long group = people.group("KF-" + tag, "存储组 " + tag, engineer);
		String base = "http://127.0.0.1:" + this.port;
		Api api = new Api(this.port);
		String token = api.token(engineer.username(), TestUsers.PASSWORD);
		Response san = api.post("/api/v1/cmdb/cis", token,
				Api.json(Map.of("classCode", "storage", "name", "SAN-KF-" + tag, "state", "IN_SERVICE", "groupId",
						group, "attributes", Map.of("serial_number", "KF" + tag))));
		org.assertj.core.api.Assertions.assertThat(san.status()).as(san.body()).isEqualTo(201);
		String ci = san.json().get("number").asString();
		LocalDate today = LocalDate.now(ZONE);

		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright);
				BrowserContext context = browser.newContext(Browser.context())) {
			Page page = Browser.signIn(context, base, engineer.username(), TestUsers.PASSWORD);
			page.navigate(base + "/capacity");
			page.click("#open-metric-new");
			page.fill("#name", "存储已用容量 " + tag);
			page.fill("#unit", "TB");
			page.fill("#ciNumber", ci);
			page.click("#metric-save");
			assertThat(page.locator("#threshold")).hasClass(java.util.regex.Pattern.compile(".*is-invalid.*"));
			page.fill("#threshold", "250");
			page.click("#metric-save");
			assertThat(page.locator("h1")).hasText("存储已用容量 " + tag);
			long metric = Long.parseLong(page.url().replaceAll(".*/metrics/(\\d+).*", "$1"));
			assertThat(page.locator("#crossing-date")).hasText("预测期内不会达到");

			// twelve months, as monitoring would post them: ten more TB every thirty days
			List<Map<String, Object>> history = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				history.add(Map.of("on", today.minusDays(30L * (11 - i)).toString(), "value", 100 + 10 * i));
			}
			Response posted = api.post("/api/v1/capacity/metrics/" + metric + "/measurements", token,
					Api.json(history));
			org.assertj.core.api.Assertions.assertThat(posted.status()).as(posted.body()).isEqualTo(200);
			page.reload();
			assertThat(page.locator("#capacity-chart")).hasAttribute("data-loaded", "12");
			assertThat(page.locator("#capacity-chart")).hasAttribute("data-forecast", "true");
			assertThat(page.locator("#crossing-date")).hasText(today.plusDays(120).toString());
			assertThat(page.locator("#metric-slope")).containsText("10 TB");
			assertThat(page.locator("#measurement-table tr")).hasCount(12);

			// on the list, the record and its crossing
			page.navigate(base + "/capacity");
			assertThat(page.locator("#metric-table tr[data-metric='" + metric + "']"))
				.containsText(today.plusDays(120).toString());
		}
	}

}
