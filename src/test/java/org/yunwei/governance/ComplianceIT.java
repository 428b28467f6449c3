package org.yunwei.governance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import org.yunwei.support.Api;
import org.yunwei.support.Api.Response;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compliance management (9.3 b, d) over REST: a compliance post set up, handed to another
 * holder (a stale edit refused), a compliance training recorded with who attended, and
 * the overview counting the trainings and people trained in the last twelve months, the
 * clause tree finding both for 9.3; an engineer reads but does not change it; the changes
 * are audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=conformance", "yunwei.test.schema-suffix=_conformance" })
class ComplianceIT {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void postsAndTrainingsAreRecorded() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person head = people.create("cphead", null, "OM_HEAD");
		Person officer = people.create("cpoff", null, "MANAGEMENT_REP");
		Person engineer = people.create("cpeng", null, "ENGINEER");
		String token = api.token(head.username(), TestUsers.PASSWORD);
		String eng = api.token(engineer.username(), TestUsers.PASSWORD);
		LocalDate today = LocalDate.now(ZONE);
		JsonNode before = api.get("/api/v1/governance/compliance", token).json();

		Map<String, Object> post = Map.of("name", "合规管理员", "duties", "维护合规义务清单，组织合规自检和培训", "holderId", officer.id(),
				"appointedOn", today.minusDays(30).toString(), "basis", "任命通知 2026-3 号");
		assertThat(api.post("/api/v1/governance/compliance/posts", eng, Api.json(post)).status())
			.as("an engineer does not set up posts")
			.isEqualTo(403);
		Response missing = api.post("/api/v1/governance/compliance/posts", token,
				Api.json(Map.of("name", "合规管理员", "appointedOn", today.plusDays(3).toString())));
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.body()).contains("duties", "holderId", "appointedOn");
		Response created = api.post("/api/v1/governance/compliance/posts", token, Api.json(post));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.json().get("holderName").asString()).startsWith("cpoff");

		Map<String, Object> handed = new java.util.HashMap<>(post);
		handed.put("holderId", head.id());
		handed.put("version", created.json().get("version").asInt());
		Response changed = api.put("/api/v1/governance/compliance/posts/" + id, token, Api.json(handed));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(api.put("/api/v1/governance/compliance/posts/" + id, token, Api.json(handed)).status())
			.as("stale version")
			.isEqualTo(409);

		Response future = api.post("/api/v1/governance/compliance/trainings", token, Api.json(Map.of("title", "合规培训",
				"heldOn", today.plusDays(1).toString(), "hours", 2, "trainer", "李文华", "attendeeIds", List.of())));
		assertThat(future.status()).isEqualTo(422);
		assertThat(future.body()).contains("heldOn", "attendeeIds");
		Response training = api.post("/api/v1/governance/compliance/trainings", token,
				Api.json(Map.of("title", "数据安全合规培训", "heldOn", today.minusDays(2).toString(), "hours", 1.5, "trainer",
						"李文华", "content", "数据分类分级与外包人员管理", "attendeeIds", List.of(engineer.id(), officer.id()))));
		assertThat(training.status()).as(training.body()).isEqualTo(201);
		assertThat(training.json().get("attendees").size()).isEqualTo(2);

		JsonNode after = api.get("/api/v1/governance/compliance", eng).json();
		assertThat(after.get("recentTrainings").asLong()).isEqualTo(before.get("recentTrainings").asLong() + 1);
		assertThat(after.get("peopleTrained").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(after.get("lastTraining").asString()).isEqualTo(today.minusDays(2).toString());
		assertThat(after.get("posts").toString()).contains("合规管理员", "cphead");

		JsonNode trail = api
			.get("/api/v1/audit?recordType=compliancePost&recordId=" + id, api.token("auditadmin", Api.ADMIN_PASSWORD))
			.json();
		assertThat(trail.toString()).contains(String.valueOf(id));
	}

	static String status(JsonNode clause, String argument) {
		for (JsonNode r : clause.get("rules")) {
			if (r.get("rule").get("kind").asString().equals("RECORD")
					&& r.get("rule").get("argument").asString().equals(argument)) {
				return r.get("status").asString();
			}
		}
		throw new AssertionError("no RECORD rule " + argument + " in " + clause);
	}

}
