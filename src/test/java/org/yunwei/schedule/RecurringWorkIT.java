package org.yunwei.schedule;

import java.time.Clock;
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
import tools.jackson.databind.JsonNode;

import org.yunwei.support.Api;
import org.yunwei.support.Api.Response;
import org.yunwei.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A daily inspection on working days, run in late September 2026 (the clock of this test
 * starts on Friday 25 September 2026, 10:00 in Beijing, and runs on): its tasks skip the
 * National Day holiday, fall on the 调休 Saturday, carry their due time, and are created
 * exactly once however often the job runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecurringWorkIT {

	static final Instant START = Instant.parse("2026-09-25T02:00:00Z");

	@TestConfiguration
	static class September {

		@Bean
		@Primary
		Clock septemberClock() {
			return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	RecurringWork work;

	@Test
	void aDailyInspectionOnWorkingDaysBecomesOneTaskPerWorkingDay() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		TestUsers.Person manager = people.create("sched", null, "OM_MANAGER");
		long group = people.group("巡检组 " + manager.username(), manager);
		String token = api.token(manager.username(), TestUsers.PASSWORD);

		Map<String, Object> inspection = Map.of("type", "routine", "title", "机房日常巡检", "rrule", "FREQ=DAILY",
				"startDate", "2026-09-01", "startTime", "08:30", "policy", "SKIP", "dueMinutes", 120, "groupId", group,
				"checklist", "UPS 电池电压\n机房温湿度");
		Response preview = api.post("/api/v1/recurring-activities/preview?count=8", token, Api.json(inspection));
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		assertThat(preview.json().valueStream().map(JsonNode::asString).toList()).containsExactly(
				"2026-09-28T00:30:00Z", "2026-09-29T00:30:00Z", "2026-09-30T00:30:00Z", "2026-10-08T00:30:00Z",
				"2026-10-09T00:30:00Z", "2026-10-10T00:30:00Z", "2026-10-12T00:30:00Z", "2026-10-13T00:30:00Z");

		Response bad = api.post("/api/v1/recurring-activities", token,
				Api.json(Map.of("type", "routine", "title", "坏规则", "rrule", "FREQ=SOMETIMES", "startDate", "2026-09-01",
						"startTime", "08:30", "policy", "SKIP", "dueMinutes", 60)));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("rrule");

		Response created = api.post("/api/v1/recurring-activities", token, Api.json(inspection));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();

		// the job runs on 12 October evening, twice, and once more: each occurrence once
		Instant october12 = Instant.parse("2026-10-12T12:00:00Z");
		assertThat(this.work.generate(october12)).isEqualTo(7);
		assertThat(this.work.generate(october12)).isZero();
		assertThat(this.work.generate(october12.plusSeconds(60))).isZero();

		JsonNode activity = api.get("/api/v1/recurring-activities/" + id, token).json();
		List<String> numbers = activity.get("occurrences")
			.valueStream()
			.map((o) -> o.get("number").asString())
			.toList();
		assertThat(numbers).hasSize(7).doesNotHaveDuplicates();
		JsonNode saturday = activity.get("occurrences")
			.valueStream()
			.filter((o) -> "2026-10-10T00:30:00Z".equals(o.get("occursAt").asString()))
			.findFirst()
			.orElseThrow();
		// 08:30 on the make-up Saturday, due two working hours later: 09:00–11:00 (work
		// starts at 09:00)
		assertThat(saturday.get("dueAt").asString()).isEqualTo("2026-10-10T03:00:00Z");
		JsonNode task = api.get("/api/v1/work-items/" + saturday.get("number").asString(), token).json();
		assertThat(task.get("title").asString()).isEqualTo("机房日常巡检 2026-10-10");
		assertThat(task.get("group").get("id").asLong()).isEqualTo(group);
		assertThat(task.get("dueAt").asString()).isEqualTo("2026-10-10T03:00:00Z");
		assertThat(task.get("tags").get(0).asString()).isEqualTo("recurring");
		JsonNode checklist = api.get("/api/v1/work-items/" + saturday.get("number").asString() + "/checklist", token)
			.json();
		assertThat(checklist.valueStream().map((p) -> p.get("text").asString())).containsExactly("UPS 电池电压", "机房温湿度");
	}

}
