package org.yunwei.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import org.yunwei.support.Api;
import org.yunwei.support.Api.Response;
import org.yunwei.support.MovableClock;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key indicators the kernel and the first modules compute from their own records, for
 * a month, with the records behind each value: routine tasks delivered on time (8.4.1-1),
 * process coverage (7.4.2-1) and record completeness (7.4.2-2), service catalogue
 * completeness (8.3.1-1) and service level attainment (8.3.1-2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=indicators", "yunwei.test.schema-suffix=_indicators",
		"yunwei.sla.interval=PT10H", "yunwei.sla.initial-delay=PT10H" })
class IndicatorIT {

	/** Monday 2 March 2026, 09:00 in Beijing. */
	static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

	@TestConfiguration
	static class Time {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(START);
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MovableClock clock;

	@Test
	void indicatorsAreComputedFromTheRecordsOfThePeriod() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("kpimgr", null, "OM_MANAGER");
		Person head = people.create("kpihead", null, "OM_HEAD");
		Person engineer = people.create("kpieng", null, "ENGINEER");
		long group = people.group("指标组 " + manager.username(), manager);
		String token = api.token(manager.username(), TestUsers.PASSWORD);
		assertThat(api.get("/api/v1/indicators", api.token(engineer.username(), TestUsers.PASSWORD)).status())
			.isEqualTo(403);

		long calendar = api.get("/api/v1/calendars", token)
			.json()
			.valueStream()
			.filter((c) -> c.get("code").asString().equals("24x7"))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		Response service = api.post("/api/v1/services", token,
				Api.json(Map.of("code", "KPI-MAIL", "name", "邮件服务", "ownerId", manager.id())));
		long serviceId = service.json().get("id").asLong();
		api.put("/api/v1/services/" + serviceId + "/level", token, Api.json(Map.of("calendarId", calendar,
				"warnPercent", 75, "targets", List.of(Map.of("priority", 4, "resolutionMinutes", 60)))));
		api.post("/api/v1/services", token, Api.json(Map.of("code", "KPI-NET", "name", "网络服务")));

		// three routine tasks due in March: one done on time, one done late, one still
		// open
		String onTime = task(api, token, "巡检 A", "2026-03-02T12:00", group, serviceId);
		String late = task(api, token, "巡检 B", "2026-03-02T10:00", group, null);
		task(api, token, "巡检 C", "2026-03-03T10:00", group, null);
		this.clock.advance(Duration.ofMinutes(30));
		finish(api, token, onTime, true);
		this.clock.advance(Duration.ofMinutes(90));
		finish(api, token, late, false);

		JsonNode routine = api.get("/api/v1/indicators/8.4.1-1?period=2026-03", token).json();
		assertThat(routine.get("numerator").asLong()).isEqualTo(1);
		assertThat(routine.get("denominator").asLong()).isEqualTo(3);
		assertThat(routine.get("value").decimalValue()).isEqualByComparingTo("33.3");
		assertThat(routine.get("records")
			.valueStream()
			.filter((r) -> r.get("counted").asBoolean())
			.map((r) -> r.get("label").asString())).containsExactly(onTime);
		assertThat(api.get("/api/v1/indicators/8.4.1-1?period=2026-04", token).json().get("denominator").asLong())
			.isZero();

		JsonNode complete = api.get("/api/v1/indicators/7.4.2-2?period=2026-03", token).json();
		assertThat(complete.get("denominator").asLong()).isEqualTo(2);
		assertThat(complete.get("numerator").asLong()).as("only the task with a description counts").isEqualTo(1);

		JsonNode coverage = api.get("/api/v1/indicators/7.4.2-1?period=2026-03", token).json();
		assertThat(coverage.get("numerator").asLong())
			.as("incidents, problems, changes, releases, service requests and routine operations")
			.isEqualTo(6);
		assertThat(coverage.get("denominator").asLong()).isEqualTo(8);

		JsonNode catalogue = api.get("/api/v1/indicators/8.3.1-1?period=2026-03", token).json();
		assertThat(catalogue.get("denominator").asLong()).isEqualTo(2);
		assertThat(catalogue.get("numerator").asLong()).as("neither states every 8.3.1 c element").isZero();

		JsonNode attainment = api.get("/api/v1/indicators/8.3.1-2?period=2026-Q1", token).json();
		assertThat(attainment.get("denominator").asLong()).isEqualTo(1);
		assertThat(attainment.get("numerator").asLong()).isEqualTo(1);

		assertThat(api.get("/api/v1/indicators/9.9-9?period=2026-03", token).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/indicators/8.4.1-1?period=March", token).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/indicators", api.token(head.username(), TestUsers.PASSWORD))
			.json()
			.valueStream()
			.map((d) -> d.get("code").asString())).contains("7.4.2-1", "7.4.2-2", "8.3.1-1", "8.3.1-2", "8.4.1-1");
	}

	private static String task(Api api, String token, String title, String due, long group, Long service) {
		Map<String, Object> fields = new java.util.HashMap<>(Map.of("title", title, "dueAt", due, "groupId", group));
		if (service != null) {
			fields.put("serviceId", service);
			fields.put("description", "按巡检表逐项检查");
		}
		Response r = api.post("/api/v1/work-items", token, Api.json(Map.of("type", "routine", "fields", fields)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	private static void finish(Api api, String token, String number, boolean comment) {
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/start", token, "{}").status())
			.isEqualTo(200);
		Response done = api.post("/api/v1/work-items/" + number + "/transitions/complete", token,
				Api.json(Map.of("comment", comment ? "全部正常" : "已完成")));
		assertThat(done.status()).as(done.body()).isEqualTo(200);
	}

}
