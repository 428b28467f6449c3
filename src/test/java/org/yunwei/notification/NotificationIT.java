package org.yunwei.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.yunwei.servicelevel.internal.SlaEngine;
import org.yunwei.support.Api;
import org.yunwei.support.Api.Response;
import org.yunwei.support.MovableClock;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A routine task waiting on a vendor pauses its SLA clock; once it runs past its target
 * the breach escalates it and tells people: an entry in the assignee's bell, an e-mail
 * received by a real SMTP server (GreenMail), and a DingTalk robot message received by a
 * local HTTP endpoint that checks the 加签 signature and the payload DingTalk documents. A
 * webhook that keeps failing is retried on its schedule and given up, without touching
 * the record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=notify", "yunwei.test.schema-suffix=_notify",
		"yunwei.sla.interval=PT10H", "yunwei.sla.initial-delay=PT10H", "yunwei.notification.interval=PT10H",
		"yunwei.notification.initial-delay=PT10H", "yunwei.base-url=https://yunwei.example.gov.cn" })
class NotificationIT {

	static final Instant MONDAY_NINE = Instant.parse("2026-11-23T01:00:00Z");

	static final String DINGTALK_SECRET = "SEC0123456789abcdef";

	static GreenMail smtp;

	static HttpServer chat;

	static final List<Received> received = new CopyOnWriteArrayList<>();

	/** A request the local chat endpoint received. */
	record Received(String path, Map<String, String> query, String body, String signature) {
	}

	@BeforeAll
	static void servers() throws IOException {
		chat = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		chat.createContext("/", (exchange) -> {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			Map<String, String> query = new HashMap<>();
			String raw = exchange.getRequestURI().getRawQuery();
			if (raw != null) {
				for (String pair : raw.split("&")) {
					String[] kv = pair.split("=", 2);
					query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
				}
			}
			String path = exchange.getRequestURI().getPath();
			received.add(new Received(path, query, body, exchange.getRequestHeaders().getFirst("X-Yunwei-Signature")));
			boolean broken = path.startsWith("/broken");
			String ok = path.startsWith("/open-apis") ? "{\"code\":0,\"msg\":\"success\"}"
					: "{\"errcode\":0,\"errmsg\":\"ok\"}";
			byte[] answer = (broken ? "down for maintenance" : ok).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(broken ? 503 : 200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		chat.start();
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
	}

	@AfterAll
	static void stop() {
		chat.stop(0);
		smtp.stop();
	}

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("yunwei.mail.from", () -> "yunwei@example.gov.cn");
	}

	@TestConfiguration
	static class Time {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(MONDAY_NINE);
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
	JsonMapper json;

	private String chatUrl(String path) {
		return "http://127.0.0.1:" + chat.getAddress().getPort() + path;
	}

	@Test
	void aBreachAfterAWaitEscalatesAndReachesEmailDingTalkAndTheBell() throws Exception {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("ntmgr", null, "OM_MANAGER");
		Person engineer = people.create("nteng", null, "ENGINEER");
		long group = people.group("机房组 " + engineer.username(), engineer);
		String token = api.token(manager.username(), TestUsers.PASSWORD);
		String engineerToken = api.token(engineer.username(), TestUsers.PASSWORD);

		Response dingtalk = api.post("/api/v1/notification-endpoints", token,
				Api.json(Map.of("name", "运维值班群", "kind", "DINGTALK", "url", chatUrl("/robot/send?access_token=T0KEN"),
						"secret", DINGTALK_SECRET, "events", List.of("sla.breach"), "language", "zh")));
		assertThat(dingtalk.status()).as(dingtalk.body()).isEqualTo(201);
		assertThat(dingtalk.body()).doesNotContain("T0KEN").doesNotContain(DINGTALK_SECRET);
		Response broken = api.post("/api/v1/notification-endpoints", token, Api.json(Map.of("name", "工单系统", "kind",
				"WEBHOOK", "url", chatUrl("/broken/hook"), "events", List.of("sla.breach"), "language", "en")));
		assertThat(broken.status()).as(broken.body()).isEqualTo(201);

		Response calendars = api.get("/api/v1/calendars", token);
		long allDay = calendars.json()
			.valueStream()
			.filter((c) -> c.get("code").asString().equals("24x7"))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		Response service = api.post("/api/v1/services", token, Api.json(Map.of("code", "NT-" + engineer.username(),
				"name", "机房服务 " + engineer.username(), "ownerId", manager.id())));
		long serviceId = service.json().get("id").asLong();
		Response level = api.put("/api/v1/services/" + serviceId + "/level", token, Api.json(Map.of("calendarId",
				allDay, "warnPercent", 80, "targets", List.of(Map.of("priority", 3, "resolutionMinutes", 60)))));
		assertThat(level.status()).as(level.body()).isEqualTo(200);
		Response rule = api.post("/api/v1/escalation-rules", token, Api
			.json(Map.of("name", "超时提升优先级", "onEvent", "BREACH", "serviceId", serviceId, "raisePriority", true)));
		assertThat(rule.status()).as(rule.body()).isEqualTo(201);

		Response created = api.post("/api/v1/work-items", token, Api.json(Map.of("type", "routine", "fields",
				Map.of("title", "UPS 电池更换", "impact", 2, "urgency", 2, "groupId", group, "serviceId", serviceId))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String number = created.json().get("number").asString();
		long id = created.json().get("id").asLong();

		this.clock.advance(Duration.ofMinutes(10));
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/start", engineerToken, "{}").status())
			.isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(20));
		assertThat(api
			.post("/api/v1/work-items/" + number + "/transitions/wait", engineerToken,
					Api.json(Map.of("comment", "等厂商送电池")))
			.status()).isEqualTo(200);
		this.clock.advance(Duration.ofHours(20));
		tick();
		engineerToken = api.token(engineer.username(), TestUsers.PASSWORD);
		token = api.token(manager.username(), TestUsers.PASSWORD);
		JsonNode paused = api.get("/api/v1/work-items/" + id + "/sla-clocks", engineerToken).json().get(0);
		assertThat(paused.get("state").asString()).isEqualTo("PAUSED");
		assertThat(paused.get("remainingMinutes").asLong()).isEqualTo(30);
		assertThat(this.notifications.deliverDue()).isZero();

		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/resume", engineerToken, "{}").status())
			.isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(19));
		tick();
		assertThat(this.notifications.deliverDue()).as("the warning e-mail to the assignee").isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(12));
		tick();
		assertThat(api.get("/api/v1/work-items/" + number, token).json().get("priority").asInt()).isEqualTo(2);
		assertThat(this.notifications.deliverDue()).as("the breach e-mail and the DingTalk message").isEqualTo(2);

		List<MimeMessage> mails = mailsTo(engineer);
		assertThat(mails).hasSize(2);
		assertThat(mails.get(0).getSubject()).isEqualTo("【SLA 预警】" + number + " UPS 电池更换");
		MimeMessage breach = mails.get(1);
		assertThat(breach.getAllRecipients()[0].toString()).isEqualTo(engineer.username() + "@example.gov.cn");
		assertThat(breach.getSubject()).isEqualTo("【SLA 超时】" + number + " UPS 电池更换");
		assertThat(((String) breach.getContent())).contains("解决时限已超时")
			.contains("https://yunwei.example.gov.cn/work/routine/" + number);

		Received robot = received.stream().filter((r) -> r.path().equals("/robot/send")).findFirst().orElseThrow();
		assertThat(robot.query().get("access_token")).isEqualTo("T0KEN");
		String timestamp = robot.query().get("timestamp");
		assertThat(Long.parseLong(timestamp)).isEqualTo(this.clock.instant().toEpochMilli());
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(DINGTALK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = Base64.getEncoder()
			.encodeToString(mac.doFinal((timestamp + "\n" + DINGTALK_SECRET).getBytes(StandardCharsets.UTF_8)));
		assertThat(robot.query().get("sign")).isEqualTo(expected);
		JsonNode message = this.json.readTree(robot.body());
		assertThat(message.get("msgtype").asString()).isEqualTo("markdown");
		assertThat(message.get("markdown").get("title").asString()).contains(number);
		assertThat(message.get("markdown").get("text").asString()).contains("解决时限已超时");

		JsonNode bell = api.get("/api/v1/notifications?unread=true", engineerToken).json().get("items");
		assertThat(bell.valueStream().map((n) -> n.get("title").asString()))
			.contains("【SLA 超时】" + number + " UPS 电池更换");
		long entry = bell.get(0).get("id").asLong();
		assertThat(api.post("/api/v1/notifications/" + entry + "/read", token, "{}").status())
			.as("nobody marks another person's notification")
			.isEqualTo(404);
		assertThat(api.post("/api/v1/notifications/" + entry + "/read", engineerToken, "{}").status()).isEqualTo(204);

		// the failing webhook is retried after 1, 5, 15, 60 and 240 minutes, then given
		// up
		JsonNode failing = api.get("/api/v1/notification-deliveries?status=PENDING", token)
			.json()
			.get("items")
			.valueStream()
			.filter((d) -> d.get("channel").asString().equals("WEBHOOK"))
			.findFirst()
			.orElseThrow();
		assertThat(failing.get("attempts").asInt()).isEqualTo(1);
		assertThat(failing.get("lastError").asString()).startsWith("HTTP 503");
		for (int minutes : new int[] { 1, 5, 15, 60, 240 }) {
			this.clock.advance(Duration.ofMinutes(minutes));
			this.notifications.deliverDue();
		}
		token = api.token(manager.username(), TestUsers.PASSWORD);
		JsonNode given = api.get("/api/v1/notification-deliveries/" + failing.get("id").asLong(), token).json();
		assertThat(given.get("status").asString()).isEqualTo("FAILED");
		assertThat(given.get("log")).hasSize(6);
		assertThat(received.stream().filter((r) -> r.path().startsWith("/broken"))).hasSize(6);
		assertThat(api.post("/api/v1/notification-deliveries/" + failing.get("id").asLong() + "/retry", token, "{}")
			.json()
			.get("status")
			.asString()).isEqualTo("PENDING");
	}

	@Test
	void someoneWhoSwitchedEmailOffGetsNoEmail() throws Exception {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("ntmgr", null, "OM_MANAGER");
		Person engineer = people.create("nteng", null, "ENGINEER");
		String token = api.token(manager.username(), TestUsers.PASSWORD);
		String engineerToken = api.token(engineer.username(), TestUsers.PASSWORD);
		Response off = api.put("/api/v1/notifications/preferences", engineerToken, Api.json(Map.of("EMAIL", false)));
		assertThat(off.status()).as(off.body()).isEqualTo(200);
		assertThat(off.json().get("EMAIL").asBoolean()).isFalse();

		Response created = api.post("/api/v1/work-items", token,
				Api.json(Map.of("type", "routine", "fields", Map.of("title", "交换机巡检", "assigneeId", engineer.id()))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Response reassigned = api.post("/api/v1/work-items", token,
				Api.json(Map.of("type", "routine", "fields", Map.of("title", "防火墙策略复核"))));
		String number = reassigned.json().get("number").asString();
		JsonNode item = reassigned.json();
		Response assign = api.patch("/api/v1/work-items/" + number, token,
				Api.json(Map.of("version", item.get("version").asInt(), "assigneeId", engineer.id())));
		assertThat(assign.status()).as(assign.body()).isIn(200, 204);
		this.notifications.deliverDue();
		assertThat(mailsTo(engineer)).isEmpty();
		JsonNode bell = api.get("/api/v1/notifications", engineerToken).json().get("items");
		assertThat(bell.valueStream().map((n) -> n.get("title").asString()))
			.contains("【待处理】" + created.json().get("number").asString() + " 交换机巡检", "【待处理】" + number + " 防火墙策略复核");
	}

	@Test
	void aWorkflowNotifiesTheRequesterCallsAWebhookAndOpensAFollowUp() throws Exception {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("ntmgr", null, "OM_MANAGER");
		Person engineer = people.create("nteng", null, "ENGINEER");
		Person requester = people.create("ntreq", null, "ENGINEER");
		String token = api.token(manager.username(), TestUsers.PASSWORD);
		String engineerToken = api.token(engineer.username(), TestUsers.PASSWORD);
		String endpoint = "CMDB " + engineer.username();
		assertThat(api
			.post("/api/v1/notification-endpoints", token,
					Api.json(Map.of("name", endpoint, "kind", "WEBHOOK", "url", chatUrl("/hooks/cmdb"), "secret",
							"whsec", "events", List.of("workitem.transitioned"), "language", "en")))
			.status()).isEqualTo(201);

		String routine = new String(
				getClass().getClassLoader().getResourceAsStream("workflows/routine.json").readAllBytes(),
				StandardCharsets.UTF_8);
		String completeActions = "{\"type\": \"notify\", \"params\": {\"to\": \"requester,watchers\"}}]";
		assertThat(routine).contains(completeActions);
		String extended = routine
			.replace(completeActions, "{\"type\": \"notify\", \"params\": {\"to\": \"requester,watchers\"}},"
					+ " {\"type\": \"callWebhook\", \"params\": {\"endpoint\": \"" + endpoint + "\"}},"
					+ " {\"type\": \"createLinked\", \"params\": {\"itemType\": \"routine\", \"title\": \"复查：{title}\","
					+ " \"link\": \"PARENT_OF\"}}]");
		Response bad = api.put("/api/v1/workflows/routine", token,
				extended.replace("requester,watchers", "requester,everybody"));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("everybody");
		Response saved = api.put("/api/v1/workflows/routine", token, extended);
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);

		Response created = api.post("/api/v1/work-items", token, Api.json(Map.of("type", "routine", "fields",
				Map.of("title", "核心交换机巡检", "requesterId", requester.id(), "assigneeId", engineer.id()))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String number = created.json().get("number").asString();
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/start", engineerToken, "{}").status())
			.isEqualTo(200);
		Response done = api.post("/api/v1/work-items/" + number + "/transitions/complete", engineerToken,
				Api.json(Map.of("comment", "巡检正常")));
		assertThat(done.status()).as(done.body()).isEqualTo(200);

		String requesterToken = api.token(requester.username(), TestUsers.PASSWORD);
		JsonNode bell = api.get("/api/v1/notifications", requesterToken).json().get("items");
		assertThat(bell.valueStream().map((n) -> n.get("title").asString())).contains("【进展】" + number + " 核心交换机巡检");
		assertThat(bell.valueStream().map((n) -> n.get("body").asString()))
			.anySatisfy((b) -> assertThat(b).contains("执行了“完成”"));

		JsonNode links = api.get("/api/v1/work-items/" + number + "/links", token).json();
		assertThat(links.valueStream().map((l) -> l.get("otherTitle").asString())).contains("复查：核心交换机巡检");

		this.notifications.deliverDue();
		Received hook = received.stream().filter((r) -> r.path().equals("/hooks/cmdb")).findFirst().orElseThrow();
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec("whsec".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		assertThat(hook.signature()).isEqualTo("sha256="
				+ java.util.HexFormat.of().formatHex(mac.doFinal(hook.body().getBytes(StandardCharsets.UTF_8))));
		JsonNode payload = this.json.readTree(hook.body());
		assertThat(payload.get("event").asString()).isEqualTo("workitem.transitioned");
		assertThat(payload.get("subject").asString()).isEqualTo("[Update] " + number + " 核心交换机巡检");
		assertThat(payload.get("body").asString()).contains("Complete");
		assertThat(payload.get("link").asString()).isEqualTo("https://yunwei.example.gov.cn/work/routine/" + number);
	}

	@Test
	void weComAndFeishuRobotsReceiveWhatTheirPlatformsDocument() throws Exception {
		Api api = new Api(this.port);
		Person manager = new TestUsers(this.context).create("ntbot", null, "OM_MANAGER");
		String token = api.token(manager.username(), TestUsers.PASSWORD);
		String tag = manager.username().substring(5);
		long wecom = api.post("/api/v1/notification-endpoints", token,
				Api.json(Map.of("name", "企业微信 " + tag, "kind", "WECOM", "url",
						chatUrl("/cgi-bin/webhook/send?key=" + tag), "events", List.of("approval.requested"),
						"language", "zh")))
			.json()
			.get("id")
			.asLong();
		long feishu = api.post("/api/v1/notification-endpoints", token,
				Api.json(Map.of("name", "飞书 " + tag, "kind", "FEISHU", "url", chatUrl("/open-apis/bot/v2/hook/" + tag),
						"secret", "fs" + tag, "events", List.of("approval.requested"), "language", "en")))
			.json()
			.get("id")
			.asLong();
		assertThat(api.post("/api/v1/notification-endpoints/" + wecom + "/test", token, "{}").status()).isEqualTo(200);
		assertThat(api.post("/api/v1/notification-endpoints/" + feishu + "/test", token, "{}").status()).isEqualTo(200);
		this.notifications.deliverDue();

		Received we = received.stream()
			.filter((r) -> r.path().equals("/cgi-bin/webhook/send") && tag.equals(r.query().get("key")))
			.findFirst()
			.orElseThrow();
		JsonNode weBody = this.json.readTree(we.body());
		assertThat(weBody.get("msgtype").asString()).isEqualTo("markdown");
		assertThat(weBody.get("markdown").get("content").asString()).startsWith("### 【测试】运维平台通知");

		Received fs = received.stream()
			.filter((r) -> r.path().equals("/open-apis/bot/v2/hook/" + tag))
			.findFirst()
			.orElseThrow();
		JsonNode fsBody = this.json.readTree(fs.body());
		String timestamp = fsBody.get("timestamp").asString();
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec((timestamp + "\n" + "fs" + tag).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		assertThat(fsBody.get("sign").asString())
			.isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal(new byte[0])));
		assertThat(fsBody.get("msg_type").asString()).isEqualTo("text");
		assertThat(fsBody.get("content").get("text").asString()).startsWith("[Test] Yunwei notification");
		JsonNode log = api.get("/api/v1/notification-deliveries?status=SENT", token).json().get("items");
		assertThat(log.valueStream().map((d) -> d.get("recipient").asString())).contains("企业微信 " + tag, "飞书 " + tag);
	}

	private static List<MimeMessage> mailsTo(Person person) throws Exception {
		List<MimeMessage> mails = new java.util.ArrayList<>();
		for (MimeMessage m : smtp.getReceivedMessages()) {
			if (m.getAllRecipients()[0].toString().equals(person.username() + "@example.gov.cn")) {
				mails.add(m);
			}
		}
		return mails;
	}

	private void tick() {
		new TransactionTemplate(this.transactions).executeWithoutResult((s) -> this.engine.tick(this.clock.instant()));
	}

}
