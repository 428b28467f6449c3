package org.yunwei.e2e;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.SelectOption;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * In a real browser, against a real IMAP server (GreenMail): the desk's lead fetches the
 * service mailbox; a department user's mail is a new ticket, raised by them through the
 * e-mail channel; their reply to the acknowledgement is added to that ticket; a mail from
 * an unknown address waits under "not imported" with its reason until the lead imports it
 * naming the requester.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=mail-flow", "yunwei.service-desk.group=SD-MAILFLOW",
		"yunwei.mail.intake.interval=PT10H", "yunwei.notification.interval=PT10H",
		"yunwei.notification.initial-delay=PT10H" })
class MailFlowIT {

	static final String DESK = "desk@example.gov.cn";

	static GreenMail mail;

	static GreenMailUser desk;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@BeforeAll
	static void servers() {
		mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
		mail.start();
		desk = mail.setUser(DESK, DESK, "Desk-Flow-2026");
	}

	@AfterAll
	static void stop() {
		mail.stop();
	}

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		registry.add("yunwei.mail.intake.host", () -> "127.0.0.1");
		registry.add("yunwei.mail.intake.protocol", () -> "imap");
		registry.add("yunwei.mail.intake.port", () -> mail.getImap().getPort());
		registry.add("yunwei.mail.intake.username", () -> DESK);
		registry.add("yunwei.mail.intake.password", () -> "Desk-Flow-2026");
	}

	@Test
	void aMailBecomesATicketAndItsReplyIsAddedToIt() throws Exception {
		TestUsers people = new TestUsers(this.context);
		Person lead = people.create("mflead", null, "OM_MANAGER");
		Person user = people.create("mfuser", null, "DEPARTMENT_USER");
		people.joinGroup("SD-MAILFLOW", "服务台", lead);
		deliver(user.username() + "@example.gov.cn", "数据库连接超时", "财务系统从早上开始报数据库连接超时。");
		deliver("someone@partner.example", "打印机坏了", "二楼打印机不出纸。");
		String base = "http://127.0.0.1:" + this.port;
		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright);
				BrowserContext context = browser.newContext(Browser.context())) {
			Page page = Browser.signIn(context, base, lead.username(), TestUsers.PASSWORD);
			page.click("a.yw-nav-link:has-text('服务邮箱')");
			assertThat(page.locator("#mailbox-address")).containsText(DESK);
			page.click("#mail-poll");
			assertThat(page.locator(".alert-success")).containsText("2 封新邮件");
			assertThat(page.locator("#mails")).containsText("打印机坏了");
			assertThat(page.locator("#mails")).containsText("发件人地址不在通讯录中");
			page.click("#view-IMPORTED");
			assertThat(page.locator("#mails")).containsText("数据库连接超时");
			page.click("#mails a.yw-mono");
			assertThat(page.locator("#item-title")).hasText("数据库连接超时");
			assertThat(page.locator("#ticket-channel")).hasText("电子邮件");
			String number = page.locator("#item-number").textContent().strip();

			// the user replies to the acknowledgement
			deliver(user.username() + "@example.gov.cn", "回复：【已受理】" + number + " 数据库连接超时",
					"补充：只有报表模块受影响。\n\n-----原始邮件-----\n您的工单已收到");
			page.navigate(base + "/desk/mail");
			page.click("#mail-poll");
			page.click("#view-THREADED");
			assertThat(page.locator("#mails")).containsText(number);
			page.navigate(base + "/work/incident/" + number);
			assertThat(page.locator("#journal")).containsText("只有报表模块受影响");
			assertThat(page.locator("#journal")).not().containsText("原始邮件");

			// the unknown sender's mail, imported for a named requester
			page.navigate(base + "/desk/mail");
			page.click("#mails a:has-text('打印机坏了')");
			assertThat(page.locator("#mail-reason")).hasText("发件人地址不在通讯录中");
			assertThat(page.locator("#mail-text")).containsText("二楼打印机不出纸");
			page.selectOption("#retry-requester", new SelectOption().setValue(String.valueOf(user.id())));
			page.click("#retry-submit");
			assertThat(page.locator(".alert-success")).containsText("邮件已导入");
			assertThat(page.locator("#mail-status")).hasText("新工单");
			page.click("#mail-ticket");
			assertThat(page).hasURL(Pattern.compile(".*/work/incident/INC-.*"));
			assertThat(page.locator("#item-title")).hasText("打印机坏了");
		}
	}

	private static void deliver(String from, String subject, String text) throws Exception {
		String raw = "Message-ID: <" + System.nanoTime() + "@client.example>\r\nFrom: " + from + "\r\nTo: " + DESK
				+ "\r\nSubject: =?UTF-8?B?"
				+ Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8))
				+ "?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
				+ "Content-Transfer-Encoding: base64\r\n\r\n"
				+ Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\r\n";
		desk.deliver(new MimeMessage(Session.getInstance(new java.util.Properties()),
				new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));
	}

}
