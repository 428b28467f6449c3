package org.yunwei.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.yunwei.notification.Notifications;
import org.yunwei.servicelevel.internal.SlaEngine;
import org.yunwei.support.MovableClock;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Done-when 3 of the work-item kernel in a real browser, on a clock the test moves: the
 * O&M manager puts a service in the catalogue with a one-hour resolution target, connects
 * the duty group's DingTalk robot, adds an escalation rule, and opens a routine task for
 * the service; waiting on a vendor pauses its clock (the record's SLA panel says so and
 * how much is left); after the wait the clock runs out, the breach escalates the task
 * (higher priority, a journal entry) and reaches the engineer's bell, their mailbox
 * (GreenMail) and the DingTalk group (a local endpoint).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
		properties = { "yunwei.test.context=sla-flow", "yunwei.sla.interval=PT10H", "yunwei.sla.initial-delay=PT10H",
				"yunwei.notification.interval=PT10H", "yunwei.notification.initial-delay=PT10H" })
class SlaFlowIT {

	static GreenMail smtp;

	static HttpServer dingtalk;

	static final List<String> robotMessages = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void servers() throws IOException {
		dingtalk = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		dingtalk.createContext("/robot/send", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				robotMessages.add(exchange.getRequestURI().getRawQuery() + " "
						+ new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			byte[] ok = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, ok.length);
			exchange.getResponseBody().write(ok);
			exchange.close();
		});
		dingtalk.start();
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
	}

	@AfterAll
	static void stop() {
		dingtalk.stop(0);
		smtp.stop();
	}

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@TestConfiguration
	static class Time {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(Instant.parse("2026-11-23T01:00:00Z"));
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MovableClock clock;

	@Autowired
	SlaEngine engine;

	@Autowired
	Notifications notifications;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aTaskWaitingOnAVendorPausesItsClockAndItsBreachIsEscalatedAndSent() throws Exception {
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("slamgr", null, "OM_MANAGER");
		Person engineer = people.create("slaeng", null, "ENGINEER");
		long group = people.group("机房值班组 " + engineer.username(), engineer);
		String allDay = String
			.valueOf(this.jdbc.queryForObject("select id from cal_calendar where code = '24x7'", Long.class));
		String base = "http://127.0.0.1:" + this.port;
		String code = "UPS-" + engineer.username().substring(6);
		String number;
		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, manager.username(), TestUsers.PASSWORD);

				// the service and its level: P3 resolved within 60 working minutes,
				// around the clock
				page.navigate(base + "/services/new");
				page.fill("#code", code);
				page.fill("#name", "机房供电服务");
				page.selectOption("#ownerId", String.valueOf(manager.id()));
				page.click("#service-save");
				assertThat(page.locator("#service-title")).hasText("机房供电服务");
				page.selectOption("#calendarId", allDay);
				page.fill("input[name='targets[2].resolutionMinutes']", "60");
				page.click("#level-save");
				assertThat(page.locator("#target-P3 .yw-reading").last()).hasText("= 1 h");

				// a breach of the resolution target raises the priority
				page.navigate(base + "/services/escalations/new");
				page.fill("#name", "解决超时提升优先级");
				page.selectOption("#onEvent", "BREACH");
				page.selectOption("#clockKind", "RESOLUTION");
				page.check("#raisePriority1");
				page.click("#escalation-save");
				assertThat(page.locator(".alert-success")).isVisible();

				// the duty group's DingTalk robot, signed
				page.navigate(base + "/admin/notifications/endpoints/new");
				page.fill("#name", "机房值班群");
				page.selectOption("#kind", "DINGTALK");
				page.fill("#url",
						"http://127.0.0.1:" + dingtalk.getAddress().getPort() + "/robot/send?access_token=DUTY");
				page.fill("#secret", "SECduty");
				page.click("#endpoint-save");
				assertThat(page.locator(".alert-success")).isVisible();
				page.navigate(base + "/admin/notifications");
				assertThat(page.locator("#endpoint-table")).containsText("机房值班群");
				assertThat(page.locator("#endpoint-table")).not().containsText("DUTY");

				// a routine task for the service, for the duty group
				page.navigate(base + "/work/routine/new");
				page.fill("#title", "2 号 UPS 电池更换");
				page.selectOption("#impact", "2");
				page.selectOption("#urgency", "2");
				page.selectOption("#groupId", String.valueOf(group));
				page.selectOption("#serviceId",
						new com.microsoft.playwright.options.SelectOption().setLabel("机房供电服务 (" + code + ")"));
				page.click("#item-save");
				number = page.locator("#item-number").textContent();
				assertThat(page.locator("#sla-clock-RESOLUTION")).containsText("正常");
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, engineer.username(), TestUsers.PASSWORD);
				page.navigate(base + "/work/routine/" + number);
				this.clock.advance(Duration.ofMinutes(20));
				page.click("#transition-start");
				page.waitForLoadState();
				this.clock.advance(Duration.ofMinutes(10));
				page.fill("#transition-comment", "等厂商送新电池，预计明天到货");
				page.click("#transition-wait");
				assertThat(page.locator("#item-state")).hasText("等待中");
				assertThat(page.locator("#sla-clock-RESOLUTION")).containsText("已暂停");
				assertThat(page.locator("#sla-clock-RESOLUTION .sla-remaining")).containsText("30 min");

				// overnight the clock stands still
				this.clock.advance(Duration.ofHours(16));
				tick();
				page.reload();
				assertThat(page.locator("#sla-clock-RESOLUTION .sla-remaining")).containsText("30 min");
				page.click("#transition-resume");
				page.waitForLoadState();

				this.clock.advance(Duration.ofMinutes(31));
				tick();
				this.notifications.deliverDue();
				page.reload();
				assertThat(page.locator("#sla-clock-RESOLUTION")).containsText("已超时");
				assertThat(page.locator(".yw-prio").first()).hasText("P2");
				assertThat(page.locator("#journal")).containsText("解决时限已超时");
				assertThat(page.locator("#bell-count")).isVisible();
				page.click("#bell");
				assertThat(page.locator(".yw-inbox-entry").first()).containsText("【SLA 超时】" + number);
				page.navigate(base + "/work/routine?view=all&sla=BREACHED");
				assertThat(page.locator("#item-table")).containsText(number);
			}
		}
		assertThat(smtp.getReceivedMessages())
			.anySatisfy((m) -> assertThat(m.getSubject()).isEqualTo("【SLA 超时】" + number + " 2 号 UPS 电池更换"));
		assertThat(robotMessages).anySatisfy((m) -> assertThat(m).contains("access_token=DUTY")
			.contains("sign=")
			.contains("\"msgtype\":\"markdown\"")
			.contains(number));
	}

	private void tick() {
		new TransactionTemplate(this.transactions).executeWithoutResult((s) -> this.engine.tick(this.clock.instant()));
	}

}
