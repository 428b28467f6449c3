package org.yunwei.e2e;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import org.yunwei.notification.Notifications;
import org.yunwei.support.Api;
import org.yunwei.support.Api.Response;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Approving from the e-mail, and delegation while away, in a real browser: the head of
 * O&M is away and has named a deputy; a task submitted for approval sends both of them a
 * personal signed link (GreenMail receives the mails); the deputy opens theirs without
 * signing in, must give a reason to reject, approves, and the record moves on with the
 * decision "on behalf of" the head; the head's link then only says it is decided, and a
 * tampered link is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=approval-mail", "yunwei.notification.interval=PT10H",
		"yunwei.notification.initial-delay=PT10H" })
class ApprovalByMailFlowIT {

	static GreenMail smtp;

	@BeforeAll
	static void mailServer() {
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Notifications notifications;

	private static String link(MimeMessage mail) throws Exception {
		Matcher m = Pattern.compile("(https?://\\S+/public/approvals\\?token=[\\w.-]+)")
			.matcher((String) mail.getContent());
		assertThat(m.find()).as("a decision link in %s", mail.getContent()).isTrue();
		return m.group(1);
	}

	@Test
	void theDeputyOfAnAbsentHeadApprovesFromTheEmail() throws Exception {
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("mailmgr", null, "OM_MANAGER");
		Person head = people.create("mailhead", null, "OM_HEAD");
		Person deputy = people.create("maildep", null, "OM_HEAD");
		String base = "http://127.0.0.1:" + this.port;
		Api api = new Api(this.port);
		String headToken = api.token(head.username(), TestUsers.PASSWORD);
		String managerToken = api.token(manager.username(), TestUsers.PASSWORD);

		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Response away = api.post("/api/v1/delegations", headToken, Api.json(Map.of("delegateId", deputy.id(),
				"startsOn", today.toString(), "endsOn", today.plusDays(2).toString())));
		assertThat(away.status()).as(away.body()).isEqualTo(201);
		assertThat(api
			.post("/api/v1/delegations", headToken, Api.json(Map.of("delegateId", manager.id(), "startsOn",
					today.plusDays(1).toString(), "endsOn", today.plusDays(5).toString())))
			.status()).as("one delegation at a time").isEqualTo(409);

		String workflow = new ClassPathResource("workflows/routine-with-approval.json")
			.getContentAsString(StandardCharsets.UTF_8)
			.replace("\"SEQUENTIAL\"", "\"ANY\"")
			.replace("users:__A__,__B__", "users:" + head.username());
		Response saved = api.put("/api/v1/workflows/routine", managerToken, workflow);
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		Response created = api.post("/api/v1/work-items", managerToken,
				Api.json(Map.of("type", "routine", "fields", Map.of("title", "核心交换机版本升级"))));
		String number = created.json().get("number").asString();
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/submit", managerToken, "{}").status())
			.isEqualTo(200);
		this.notifications.deliverDue();

		MimeMessage toHead = null;
		MimeMessage toDeputy = null;
		for (MimeMessage m : smtp.getReceivedMessages()) {
			if (!m.getSubject().startsWith("【待审批】" + number)) {
				continue;
			}
			String to = m.getAllRecipients()[0].toString();
			if (to.startsWith(head.username())) {
				toHead = m;
			}
			else if (to.startsWith(deputy.username())) {
				toDeputy = m;
			}
		}
		assertThat(toHead).isNotNull();
		assertThat(toDeputy).isNotNull();
		assertThat((String) toDeputy.getContent()).contains("代 mailhead");

		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = context.newPage();
				page.navigate(link(toDeputy).replaceFirst("^https?://[^/]+", base));
				assertThat(page.locator("#approval-item-title")).hasText("核心交换机版本升级");
				page.click("#approval-reject");
				assertThat(page.locator("#approval-link-error")).isVisible();
				page.fill("#approval-comment", "同意升级，注意在维护窗口内进行");
				page.click("#approval-approve");
				assertThat(page.locator("#approval-link-done")).isVisible();

				page.navigate(link(toHead).replaceFirst("^https?://[^/]+", base));
				assertThat(page.locator("#approval-link-closed")).isVisible();
				page.navigate(link(toHead).replaceFirst("^https?://[^/]+", base).replaceFirst("\\.[^.]+$", ".AAAA"));
				assertThat(page.locator("#approval-link-invalid")).isVisible();
			}
		}
		JsonNode item = api.get("/api/v1/work-items/" + number, managerToken).json();
		assertThat(item.get("state").asString()).isEqualTo("inProgress");
		JsonNode journal = api.get("/api/v1/work-items/" + number + "/journal", managerToken).json();
		assertThat(journal.toString()).contains("onBehalfOf").contains(head.username().substring(8));
	}

}
