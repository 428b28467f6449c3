package org.yunwei.servicedesk;

import java.time.Instant;
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
 * Service hours and the duty roster (7.8), on a movable clock: on a Sunday the desk is
 * outside its hours and names who is on duty; on Monday morning it is open with today's
 * hours; the desk's lead keeps the roster, agents read it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=duty", "yunwei.test.schema-suffix=_duty",
		"yunwei.sla.interval=PT10H", "yunwei.sla.initial-delay=PT10H" })
class DutyIT {

	/** Sunday 22 November 2026, 10:00 in Beijing. */
	static final Instant SUNDAY_TEN = Instant.parse("2026-11-22T02:00:00Z");

	@TestConfiguration
	static class Time {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(SUNDAY_TEN);
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MovableClock clock;

	@Test
	void outsideServiceHoursThePortalSaysWhoIsOnDuty() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person lead = people.create("dtlead", null, "OM_MANAGER");
		Person engineer = people.create("dtengineer", null, "ENGINEER");
		Person agent = people.create("dtagent", null, "SERVICE_DESK_AGENT");
		Person user = people.create("dtuser", null, "DEPARTMENT_USER");
		String leadToken = api.token(lead.username(), TestUsers.PASSWORD);
		String agentToken = api.token(agent.username(), TestUsers.PASSWORD);
		String userToken = api.token(user.username(), TestUsers.PASSWORD);

		Map<String, Object> weekend = Map.of("userId", engineer.id(), "startsAt", "2026-11-21T08:30:00", "endsAt",
				"2026-11-23T08:30:00", "note", "周末值班");
		assertThat(api.post("/api/v1/desk/duty", agentToken, Api.json(weekend)).status()).isEqualTo(403);
		Response shift = api.post("/api/v1/desk/duty", leadToken, Api.json(weekend));
		assertThat(shift.status()).as(shift.body()).isEqualTo(201);
		assertThat(api
			.post("/api/v1/desk/duty", leadToken, Api.json(Map.of("userId", engineer.id(), "startsAt",
					"2026-11-23T08:30:00", "endsAt", "2026-11-22T08:30:00")))
			.status()).as("ends before it starts").isEqualTo(422);
		assertThat(api
			.post("/api/v1/desk/duty", leadToken, Api.json(Map.of("userId", engineer.id(), "startsAt",
					"2026-11-01T08:30:00", "endsAt", "2026-11-20T08:30:00")))
			.status()).as("longer than a week").isEqualTo(422);

		// Sunday: closed, the engineer on duty is named with their phone
		JsonNode sunday = api.get("/api/v1/desk/service-status", userToken).json();
		assertThat(sunday.get("open").asBoolean()).isFalse();
		assertThat(sunday.get("todaysHours").size()).isZero();
		assertThat(sunday.get("opensAt").asString()).as("Monday 09:00 in Beijing, the default calendar")
			.isEqualTo("2026-11-23T01:00:00Z");
		assertThat(sunday.get("onDuty").get(0).get("userId").asLong()).isEqualTo(engineer.id());
		assertThat(api.get("/api/v1/desk/duty?from=2026-11-16&to=2026-11-29", agentToken).json().size()).isEqualTo(1);
		assertThat(api.get("/api/v1/desk/duty?from=2026-11-16&to=2026-11-29", userToken).status()).isEqualTo(403);

		// Monday 10:00: open, with today's hours
		this.clock.set(Instant.parse("2026-11-23T02:00:00Z"));
		// a day later: fresh tokens
		userToken = api.token(user.username(), TestUsers.PASSWORD);
		leadToken = api.token(lead.username(), TestUsers.PASSWORD);
		JsonNode monday = api.get("/api/v1/desk/service-status", userToken).json();
		assertThat(monday.get("open").asBoolean()).isTrue();
		assertThat(monday.get("todaysHours").size()).isPositive();
		assertThat(monday.get("onDuty").size()).as("the weekend shift is over").isZero();

		long id = shift.json().get("id").asLong();
		assertThat(api.delete("/api/v1/desk/duty/" + id, leadToken).status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/desk/duty/" + id, leadToken).status()).isEqualTo(404);
	}

}
