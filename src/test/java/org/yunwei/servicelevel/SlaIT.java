package org.yunwei.servicelevel;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import org.yunwei.servicelevel.internal.SlaEngine;
import org.yunwei.support.Api;
import org.yunwei.support.Api.Response;
import org.yunwei.support.MovableClock;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA engine end to end over REST, on a clock the test moves: a routine task's
 * response, resolution and group (OLA) clocks start when it is opened, the response clock
 * stops when work starts, waiting on a vendor pauses every clock, the job marks the
 * warning and the breach, the breach escalates (another group, a higher priority), the
 * met / breached facts give the month's attainment, and a changed target rewrites nothing
 * until an explicit, audited recalculation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
		properties = { "yunwei.test.context=sla", "yunwei.sla.interval=PT10H", "yunwei.sla.initial-delay=PT10H" })
class SlaIT {

	/** Monday 23 November 2026, 09:00 in Beijing. */
	static final Instant MONDAY_NINE = Instant.parse("2026-11-23T01:00:00Z");

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
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	Api api;

	TestUsers people;

	Person manager;

	Person head;

	String token;

	@BeforeEach
	void setUp() {
		this.clock.set(MONDAY_NINE);
		this.api = new Api(this.port);
		this.people = new TestUsers(this.context);
		this.manager = this.people.create("slamgr", null, "OM_MANAGER");
		this.head = this.people.create("slahead", null, "OM_HEAD");
		this.token = this.api.token(this.manager.username(), TestUsers.PASSWORD);
	}

	private long calendar(String code) {
		Response r = this.api.get("/api/v1/calendars", this.token);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json()
			.valueStream()
			.filter((c) -> c.get("code").asString().equals(code))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
	}

	private long service(String name, long calendarId, List<Map<String, Object>> targets) {
		Response s = this.api.post("/api/v1/services", this.token, Api.json(Map.of("code",
				"SVC-" + System.nanoTime() % 1_000_000_000L, "name", name, "ownerId", this.manager.id())));
		assertThat(s.status()).as(s.body()).isEqualTo(201);
		long id = s.json().get("id").asLong();
		Map<String, Object> level = new HashMap<>();
		level.put("calendarId", calendarId);
		level.put("warnPercent", 75);
		level.put("objective", "邮件收发可用");
		level.put("targets", targets);
		Response l = this.api.put("/api/v1/services/" + id + "/level", this.token, Api.json(level));
		assertThat(l.status()).as(l.body()).isEqualTo(200);
		return id;
	}

	private JsonNode create(Map<String, Object> fields) {
		Response r = this.api.post("/api/v1/work-items", this.token,
				Api.json(Map.of("type", "routine", "fields", fields)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}

	private void take(String number, String transition, Map<String, Object> body) {
		Response r = this.api.post("/api/v1/work-items/" + number + "/transitions/" + transition, this.token,
				Api.json(body));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	private Map<String, JsonNode> clocks(long id) {
		Response r = this.api.get("/api/v1/work-items/" + id + "/sla-clocks", this.token);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		Map<String, JsonNode> byKind = new HashMap<>();
		r.json().valueStream().forEach((c) -> {
			String key = c.get("kind").asString();
			if ("OLA".equals(key)) {
				key = "OLA-" + c.get("groupId").asLong();
			}
			byKind.put(key, c);
		});
		return byKind;
	}

	private int tick() {
		return new TransactionTemplate(this.transactions).execute((s) -> this.engine.tick(this.clock.instant()));
	}

	private List<String> numbersWithSla(String status) {
		Response r = this.api.get("/api/v1/work-items?type=routine&size=100&sla=" + status, this.token);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().get("items").valueStream().map((i) -> i.get("number").asString()).toList();
	}

	private JsonNode attainment(String period) {
		Response r = this.api.get("/api/v1/sla/attainment?period=" + period, this.token);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private static JsonNode row(JsonNode report, String list, long id) {
		return report.get(list)
			.valueStream()
			.filter((r) -> !r.get("id").isNull() && r.get("id").asLong() == id)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + id + " in " + report.get(list)));
	}

	@Test
	void waitingPausesTheClocksAndABreachEscalates() {
		long firstLine = this.people.group("一线 " + this.manager.username(), this.manager);
		long secondLine = this.people.group("二线 " + this.manager.username(), this.manager);
		long service = service("邮件服务 " + this.manager.username(), calendar("24x7"),
				List.of(Map.of("priority", 3, "responseMinutes", 30, "resolutionMinutes", 240)));
		Response ola = this.api.put("/api/v1/ola-targets/" + firstLine, this.token,
				Api.json(Map.of("calendarId", calendar("24x7"), "warnPercent", 75, "p3", 120)));
		assertThat(ola.status()).as(ola.body()).isEqualTo(200);
		Response rule = this.api.post("/api/v1/escalation-rules", this.token,
				Api.json(Map.of("name", "解决超时转二线", "onEvent", "BREACH", "clockKind", "RESOLUTION", "serviceId", service,
						"reassignTo", secondLine, "raisePriority", true)));
		assertThat(rule.status()).as(rule.body()).isEqualTo(201);

		JsonNode task = create(
				Map.of("title", "邮件网关证书更换", "impact", 2, "urgency", 2, "groupId", firstLine, "serviceId", service));
		long id = task.get("id").asLong();
		String number = task.get("number").asString();
		assertThat(task.get("priority").asInt()).isEqualTo(3);
		Map<String, JsonNode> clocks = clocks(id);
		assertThat(clocks.keySet()).containsExactlyInAnyOrder("RESPONSE", "RESOLUTION", "OLA-" + firstLine);
		assertThat(clocks.get("RESOLUTION").get("targetMinutes").asInt()).isEqualTo(240);
		assertThat(clocks.get("RESOLUTION").get("dueAt").asString()).isEqualTo("2026-11-23T05:00:00Z");
		assertThat(numbersWithSla("ON_TRACK")).contains(number);

		this.clock.advance(Duration.ofMinutes(20));
		take(number, "start", Map.of());
		clocks = clocks(id);
		assertThat(clocks.get("RESPONSE").get("state").asString()).isEqualTo("STOPPED");
		assertThat(clocks.get("RESPONSE").get("status").asString()).isEqualTo("MET");
		assertThat(clocks.get("RESPONSE").get("elapsedMinutes").asLong()).isEqualTo(20);

		this.clock.advance(Duration.ofMinutes(40));
		take(number, "wait", Map.of("comment", "等待厂商提供新证书"));
		assertThat(numbersWithSla("PAUSED")).contains(number);
		this.clock.advance(Duration.ofHours(14));
		assertThat(tick()).isZero();
		clocks = clocks(id);
		assertThat(clocks.get("RESOLUTION").get("state").asString()).isEqualTo("PAUSED");
		assertThat(clocks.get("RESOLUTION").get("elapsedMinutes").asLong()).isEqualTo(60);
		assertThat(clocks.get("RESOLUTION").get("remainingMinutes").asLong()).isEqualTo(180);
		assertThat(clocks.get("OLA-" + firstLine).get("state").asString()).isEqualTo("PAUSED");

		take(number, "resume", Map.of());
		this.clock.advance(Duration.ofMinutes(100));
		tick();
		clocks = clocks(id);
		assertThat(clocks.get("RESOLUTION").get("elapsedMinutes").asLong()).isEqualTo(160);
		assertThat(clocks.get("RESOLUTION").get("status").asString()).isEqualTo("ON_TRACK");
		assertThat(clocks.get("OLA-" + firstLine).get("status").asString()).isEqualTo("BREACHED");

		this.clock.advance(Duration.ofMinutes(50));
		assertThat(tick()).isEqualTo(1);
		assertThat(numbersWithSla("WARNING")).contains(number);

		this.clock.advance(Duration.ofMinutes(60));
		assertThat(tick()).isEqualTo(1);
		JsonNode escalated = this.api.get("/api/v1/work-items/" + number, this.token).json();
		assertThat(escalated.get("group").get("id").asLong()).isEqualTo(secondLine);
		assertThat(escalated.get("priority").asInt()).isEqualTo(2);
		assertThat(escalated.get("assignee").isNull()).isTrue();
		JsonNode journal = this.api.get("/api/v1/work-items/" + number + "/journal", this.token).json();
		assertThat(journal.toString()).contains("解决时限已超时（升级规则：解决超时转二线）");
		clocks = clocks(id);
		assertThat(clocks.get("OLA-" + firstLine).get("state").asString()).isEqualTo("STOPPED");
		assertThat(clocks.get("RESOLUTION").get("breachedAt").asString()).isEqualTo("2026-11-23T19:00:00Z");
		assertThat(numbersWithSla("BREACHED")).contains(number);
		assertThat(tick()).as("a breach is escalated once").isZero();

		take(number, "complete", Map.of("comment", "证书已更换", "assigneeId", this.manager.id()));
		clocks = clocks(id);
		assertThat(clocks.get("RESOLUTION").get("state").asString()).isEqualTo("STOPPED");
		assertThat(clocks.get("RESOLUTION").get("status").asString()).isEqualTo("BREACHED");

		JsonNode month = attainment("2026-11");
		assertThat(row(month, "services", service).get("met").asLong()).isEqualTo(1);
		assertThat(row(month, "services", service).get("breached").asLong()).isEqualTo(1);
		assertThat(row(month, "groups", firstLine).get("breached").asLong()).isEqualTo(1);

		// a longer target changes no past result by itself ...
		long level = this.api.get("/api/v1/services/" + service, this.token)
			.json()
			.get("level")
			.get("version")
			.asLong();
		Map<String, Object> longer = new HashMap<>();
		longer.put("calendarId", calendar("24x7"));
		longer.put("warnPercent", 75);
		longer.put("version", level);
		longer.put("targets", List.of(Map.of("priority", 2, "responseMinutes", 30, "resolutionMinutes", 600),
				Map.of("priority", 3, "responseMinutes", 30, "resolutionMinutes", 600)));
		Response changed = this.api.put("/api/v1/services/" + service + "/level", this.token, Api.json(longer));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(row(attainment("2026-11"), "services", service).get("breached").asLong()).isEqualTo(1);

		// ... only an explicit recalculation does, by someone allowed to, and it is
		// audited
		Map<String, Object> range = Map.of("from", "2026-11-01", "to", "2026-11-30", "serviceId", service);
		assertThat(this.api.post("/api/v1/sla/recalculations", this.token, Api.json(range)).status()).isEqualTo(403);
		String headToken = this.api.token(this.head.username(), TestUsers.PASSWORD);
		Response recalculated = this.api.post("/api/v1/sla/recalculations", headToken, Api.json(range));
		assertThat(recalculated.status()).as(recalculated.body()).isEqualTo(200);
		assertThat(recalculated.json().get("changed").asInt()).isEqualTo(1);
		JsonNode after = row(attainment("2026-11"), "services", service);
		assertThat(after.get("met").asLong()).isEqualTo(2);
		assertThat(after.get("breached").asLong()).isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from pf_audit_entry where record_type = 'slaRecalculation' and record_id = ?",
				Integer.class, String.valueOf(service)))
			.isEqualTo(1);
	}

	@Test
	void aRecordOpenedOnSaturdayStartsItsClockAtTheNextWorkingMinute() {
		this.clock.set(Instant.parse("2026-11-28T02:00:00Z"));
		this.token = this.api.token(this.manager.username(), TestUsers.PASSWORD);
		long service = service("桌面服务 " + this.manager.username(), calendar("cn-workdays"),
				List.of(Map.of("priority", 3, "resolutionMinutes", 240)));
		JsonNode task = create(Map.of("title", "打印机卡纸", "impact", 2, "urgency", 2, "serviceId", service));
		Map<String, JsonNode> clocks = clocks(task.get("id").asLong());
		assertThat(clocks.keySet()).containsExactly("RESOLUTION");
		assertThat(clocks.get("RESOLUTION").get("dueAt").asString()).isEqualTo("2026-11-30T06:30:00Z");
		assertThat(clocks.get("RESOLUTION").get("elapsedMinutes").asLong()).isZero();
		Response list = this.api.get("/api/v1/work-items?type=routine&sla=ON_TRACK&q=" + task.get("number").asString(),
				this.token);
		assertThat(list.json().get("items").get(0).get("slaDueAt").asString()).isEqualTo("2026-11-30T06:30:00Z");
	}

	@Test
	void aServiceThatIsNotInTheCatalogueIsRefused() {
		Response r = this.api.post("/api/v1/work-items", this.token,
				Api.json(Map.of("type", "routine", "fields", Map.of("title", "无服务", "serviceId", 987654321))));
		assertThat(r.status()).isEqualTo(422);
		assertThat(r.body()).contains("serviceId");
	}

}
