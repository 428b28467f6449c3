package org.yunwei.servicedesk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
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
import tools.jackson.databind.JsonNode;

import org.yunwei.notification.Notifications;
import org.yunwei.support.Api;
import org.yunwei.support.Api.Response;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail to ticket against a real IMAP and SMTP server (GreenMail): a Chinese mail in
 * GB2312 with a file becomes a ticket raised by its sender, who is sent the
 * acknowledgement; their reply to it threads into the ticket; an out-of-office reply is
 * ignored; a mail from an unknown address is kept as not imported and imported on retry
 * naming the requester, another is discarded with a reason; a mail handed over twice is
 * processed once; every mail read is marked read in the mailbox only after it is kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=mail", "yunwei.test.schema-suffix=_mail",
		"yunwei.service-desk.group=SD-MAIL", "yunwei.mail.intake.interval=PT10H", "yunwei.notification.interval=PT10H",
		"yunwei.notification.initial-delay=PT10H" })
class MailIntakeIT {

	static final String DESK = "itsm@example.gov.cn";

	static final Charset GBK = Charset.forName("GBK");

	static GreenMail mail;

	static GreenMailUser desk;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Notifications notifications;

	@BeforeAll
	static void servers() {
		mail = new GreenMail(new ServerSetup[] { new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
				new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
		mail.start();
		desk = mail.setUser(DESK, DESK, "Desk-Mailbox-2026");
	}

	@AfterAll
	static void stop() {
		mail.stop();
	}

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> mail.getSmtp().getPort());
		registry.add("yunwei.mail.from", () -> DESK);
		registry.add("yunwei.mail.intake.host", () -> "127.0.0.1");
		registry.add("yunwei.mail.intake.protocol", () -> "imap");
		registry.add("yunwei.mail.intake.port", () -> mail.getImap().getPort());
		registry.add("yunwei.mail.intake.username", () -> DESK);
		registry.add("yunwei.mail.intake.password", () -> "Desk-Mailbox-2026");
	}

	@Test
	void mailBecomesATicketAndTheReplyThreadsIntoIt() throws Exception {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person lead = people.create("mllead", null, "OM_MANAGER");
		Person agent = people.create("mlagent", null, "SERVICE_DESK_AGENT");
		Person sender = people.create("mlsender", null, "DEPARTMENT_USER");
		people.joinGroup("SD-MAIL", "服务台", agent);
		String leadToken = api.token(lead.username(), TestUsers.PASSWORD);
		String agentToken = api.token(agent.username(), TestUsers.PASSWORD);
		String senderToken = api.token(sender.username(), TestUsers.PASSWORD);
		String from = sender.username() + "@example.gov.cn";

		// a Chinese mail in GB2312 (using a GBK character), with a file
		deliver(multipart(from, "=?gb2312?B?" + b64("朱镕基路打印机无法打印".getBytes(GBK)) + "?=",
				"三楼东侧的打印机一直卡纸，影响整个科室。".getBytes(GBK), "gb2312", "=?GBK?B?" + b64("故障照片.png".getBytes(GBK)) + "?=",
				png()));
		assertThat(api.post("/api/v1/desk/mail/poll", senderToken, "{}").status()).isEqualTo(403);
		Response polled = api.post("/api/v1/desk/mail/poll", leadToken, "{}");
		assertThat(polled.status()).as(polled.body()).isEqualTo(200);
		assertThat(polled.json().get("read").asInt()).isEqualTo(1);
		assertThat(polled.json().get("error").isNull()).isTrue();

		JsonNode mine = api.get("/api/v1/tickets/mine", senderToken).json();
		assertThat(mine.size()).isEqualTo(1);
		String number = mine.get(0).get("number").asString();
		assertThat(mine.get(0).get("title").asString()).isEqualTo("朱镕基路打印机无法打印");
		JsonNode ticket = api.get("/api/v1/tickets/" + number, senderToken).json();
		assertThat(ticket.get("channel").asString()).isEqualTo("EMAIL");
		assertThat(ticket.get("item").get("description").asString()).isEqualTo("三楼东侧的打印机一直卡纸，影响整个科室。");
		assertThat(ticket.get("item").get("group").get("name").asString()).isEqualTo("服务台");
		assertThat(api.get("/api/v1/work-items/" + number + "/attachments", agentToken)
			.json()
			.valueStream()
			.map((a) -> a.get("fileName").asString())).containsExactly("故障照片.png");
		assertThat(unread()).as("marked read in the mailbox once kept").isZero();

		// the sender is told it was received, with the number in the subject
		this.notifications.deliverDue();
		MimeMessage ack = receivedBy(from).stream()
			.filter((m) -> subject(m).contains(number))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no acknowledgement to " + from));
		assertThat(subject(ack)).isEqualTo("【已受理】" + number + " 朱镕基路打印机无法打印");
		assertThat(ack.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");

		// the reply to the acknowledgement threads into the ticket
		deliver(plain(from, MimeUtility.encodeText("回复：" + subject(ack), "UTF-8", "B"),
				"补充一下：型号是 HP M403。\n\n-----原始邮件-----\n发件人：服务台\n您的工单已收到".getBytes(StandardCharsets.UTF_8), "utf-8",
				null));
		assertThat(api.post("/api/v1/desk/mail/poll", leadToken, "{}").json().get("read").asInt()).isEqualTo(1);
		JsonNode journal = api.get("/api/v1/tickets/" + number, senderToken).json().get("journal");
		assertThat(journal.valueStream().map((e) -> String.valueOf(e.get("body"))))
			.anyMatch((b) -> b.contains("型号是 HP M403") && !b.contains("原始邮件"));
		assertThat(api.get("/api/v1/tickets/mine", senderToken).json().size()).as("no second ticket").isEqualTo(1);

		// an out-of-office reply is kept and ignored
		deliver(plain(from, "=?utf-8?B?" + b64("自动回复：我正在休假".getBytes(StandardCharsets.UTF_8)) + "?=",
				"我12月7日返回。".getBytes(StandardCharsets.UTF_8), "utf-8", "Auto-Submitted: auto-replied"));
		// a mail from an address nobody in the directory has
		deliver(plain("stranger@elsewhere.example",
				"=?utf-8?B?" + b64("数据库连不上".getBytes(StandardCharsets.UTF_8)) + "?=",
				"财务系统报数据库连接失败。".getBytes(StandardCharsets.UTF_8), "utf-8", null));
		deliver(plain("spam@elsewhere.example", "Cheap printers", "buy".getBytes(StandardCharsets.UTF_8), "utf-8",
				null));
		assertThat(api.post("/api/v1/desk/mail/poll", leadToken, "{}").json().get("read").asInt()).isEqualTo(3);
		assertThat(api.get("/api/v1/tickets/mine", senderToken).json().size()).isEqualTo(1);
		JsonNode ignored = api.get("/api/v1/desk/mail?status=IGNORED", leadToken).json().get("items");
		assertThat(ignored.size()).isEqualTo(1);
		assertThat(ignored.get(0).get("reason").asString()).isEqualTo("autoSubmitted");
		JsonNode attention = api.get("/api/v1/desk/mail?attention=true", leadToken).json().get("items");
		assertThat(attention.valueStream().map((m) -> m.get("fromAddress").asString()))
			.containsExactlyInAnyOrder("stranger@elsewhere.example", "spam@elsewhere.example");
		assertThat(attention.valueStream().map((m) -> m.get("reason").asString())).containsOnly("unknownSender");
		assertThat(api.get("/api/v1/desk/mail?attention=true", agentToken).status()).isEqualTo(403);

		// retried naming the requester: a ticket for them, saying who wrote
		long stranger = id(attention, "stranger@elsewhere.example");
		Response retried = api.post("/api/v1/desk/mail/" + stranger + "/retry", leadToken,
				Api.json(Map.of("requesterId", sender.id())));
		assertThat(retried.status()).as(retried.body()).isEqualTo(200);
		assertThat(retried.json().get("status").asString()).isEqualTo("IMPORTED");
		String second = retried.json().get("itemNumber").asString();
		JsonNode forwarded = api.get("/api/v1/tickets/" + second, senderToken).json();
		assertThat(forwarded.get("item").get("title").asString()).isEqualTo("数据库连不上");
		assertThat(forwarded.get("item").get("description").asString()).contains("stranger@elsewhere.example")
			.contains("财务系统报数据库连接失败。");
		assertThat(api.post("/api/v1/desk/mail/" + stranger + "/retry", leadToken, "{}").status()).as("done once")
			.isEqualTo(409);

		// the other is discarded, with a reason
		long spam = id(attention, "spam@elsewhere.example");
		assertThat(
				api.post("/api/v1/desk/mail/" + spam + "/discard", leadToken, Api.json(Map.of("note", " "))).status())
			.isEqualTo(422);
		Response discarded = api.post("/api/v1/desk/mail/" + spam + "/discard", leadToken,
				Api.json(Map.of("note", "广告邮件")));
		assertThat(discarded.json().get("status").asString()).isEqualTo("DISCARDED");
		assertThat(discarded.json().get("detail").asString()).isEqualTo("广告邮件");
		assertThat(api.get("/api/v1/desk/mail?attention=true", leadToken).json().get("items").size()).isZero();

		// the same mail handed over again by a gateway is not processed twice
		ByteArrayOutputStream whole = new ByteArrayOutputStream();
		mailsIn().get(0).writeTo(whole);
		Response again = api
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/desk/mail"))
				.header("Content-Type", "message/rfc822")
				.POST(HttpRequest.BodyPublishers.ofByteArray(whole.toByteArray())), leadToken);
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(again.json().get("itemNumber").asString()).isEqualTo(number);
		assertThat(api.get("/api/v1/tickets/mine", senderToken).json().size()).isEqualTo(2);
		assertThat(api.get("/api/v1/desk/mail", leadToken).json().get("items").size()).isEqualTo(5);
		assertThat(api.post("/api/v1/desk/mail/poll", leadToken, "{}").json().get("read").asInt()).isZero();
	}

	private static long id(JsonNode mails, String from) {
		return mails.valueStream()
			.filter((m) -> m.get("fromAddress").asString().equals(from))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
	}

	private static void deliver(byte[] raw) throws Exception {
		desk.deliver(new MimeMessage(Session.getInstance(new java.util.Properties()), new ByteArrayInputStream(raw)));
	}

	private static List<MimeMessage> mailsIn() throws Exception {
		return List.of(mail.getReceivedMessagesForDomain(DESK));
	}

	private static List<MimeMessage> receivedBy(String address) {
		return List.of(mail.getReceivedMessagesForDomain(address));
	}

	/** Unread mails in the desk's inbox, as an IMAP client sees them. */
	private static int unread() throws Exception {
		java.util.Properties p = new java.util.Properties();
		try (jakarta.mail.Store store = Session.getInstance(p).getStore("imap")) {
			store.connect("127.0.0.1", mail.getImap().getPort(), DESK, "Desk-Mailbox-2026");
			jakarta.mail.Folder inbox = store.getFolder("INBOX");
			inbox.open(jakarta.mail.Folder.READ_ONLY);
			int n = inbox.getUnreadMessageCount();
			inbox.close(false);
			return n;
		}
	}

	private static String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] plain(String from, String subject, byte[] body, String charset, String extraHeader) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(("Message-ID: <" + System.nanoTime() + "@client.example>\r\nFrom: " + from + "\r\nTo: " + DESK
				+ "\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\n"
				+ ((extraHeader == null) ? "" : extraHeader + "\r\n") + "Content-Type: text/plain; charset=" + charset
				+ "\r\nContent-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(body)
				+ "\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	private static byte[] multipart(String from, String subject, byte[] body, String charset, String fileName,
			byte[] file) {
		String text = "Message-ID: <" + System.nanoTime() + "@client.example>\r\nFrom: " + from + "\r\nTo: " + DESK
				+ "\r\nSubject: " + subject
				+ "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"xx\"\r\n\r\n"
				+ "--xx\r\nContent-Type: text/plain; charset=" + charset
				+ "\r\nContent-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(body)
				+ "\r\n--xx\r\nContent-Type: image/png\r\n" + "Content-Disposition: attachment; filename=\"" + fileName
				+ "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(file)
				+ "\r\n--xx--\r\n";
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] png() {
		return new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0 };
	}

	private static String b64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

}
