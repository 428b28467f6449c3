package org.yunwei.problem;

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
 * Problem management over REST (8.3.4): three incidents of one category are proposed as a
 * problem; raised from them, each is tied to it; it becomes a known error only with its
 * workaround, which then appears in the known-error list the agents consult; fixed, it is
 * closed by a manager's closure review and leaves the list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=servicedesk", "yunwei.test.schema-suffix=_servicedesk",
		"yunwei.service-desk.group=SD-IT" })
class ProblemIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void recurringIncidentsBecomeAProblemWhoseWorkaroundIsAKnownError() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("prmanager", null, "OM_MANAGER");
		Person engineer = people.create("prengineer", null, "ENGINEER");
		Person agent = people.create("pragent", null, "SERVICE_DESK_AGENT");
		Person user = people.create("pruser", null, "DEPARTMENT_USER");
		// the engineer analysing problems works in the group the incidents are in
		people.joinGroup("SD-IT", "服务台", agent, engineer);
		String managerToken = api.token(manager.username(), TestUsers.PASSWORD);
		String engineerToken = api.token(engineer.username(), TestUsers.PASSWORD);
		String agentToken = api.token(agent.username(), TestUsers.PASSWORD);
		String userToken = api.token(user.username(), TestUsers.PASSWORD);
		String code = "pr-printer-" + manager.id();
		long category = api
			.post("/api/v1/incident-categories", managerToken,
					Api.json(Map.of("code", code, "nameZh", "打印机" + manager.id(), "nameEn", "Printers")))
			.json()
			.get("id")
			.asLong();

		// three similar incidents: proposed as a problem
		List<String> incidents = new java.util.ArrayList<>();
		for (String title : List.of("三楼打印机打印乱码", "打印机输出全是乱码", "财务室打印机乱码")) {
			String n = api
				.post("/api/v1/tickets", userToken,
						Api.json(Map.of("kind", "INCIDENT", "title", title, "description", title + "。")))
				.json()
				.get("number")
				.asString();
			Response d = api.put("/api/v1/incidents/" + n + "/details", agentToken,
					Api.json(Map.of("version", 0, "categoryId", category)));
			assertThat(d.status()).as(d.body()).isEqualTo(200);
			incidents.add(n);
		}
		JsonNode proposal = proposal(api, engineerToken, category);
		assertThat(proposal).as("three in 30 days").isNotNull();
		assertThat(proposal.get("incidents").valueStream().map((i) -> i.get("number").asString()))
			.containsExactlyInAnyOrderElementsOf(incidents);
		assertThat(api.get("/api/v1/problems/proposals?days=30&threshold=1", engineerToken).status()).isEqualTo(422);

		// raised from them: each incident is tied to it
		assertThat(api.post("/api/v1/problems", agentToken, Api.json(Map.of("incidents", incidents))).status())
			.as("the desk does not raise problems")
			.isEqualTo(403);
		Response raised = api.post("/api/v1/problems", engineerToken,
				Api.json(Map.of("incidents", incidents, "title", "打印机驱动导致乱码")));
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		String problem = raised.json().get("number").asString();
		assertThat(problem).startsWith("PRB-");
		assertThat(raised.json().get("description").asString()).contains(incidents.get(0));
		for (String n : incidents) {
			assertThat(api.get("/api/v1/work-items/" + n + "/links", agentToken)
				.json()
				.valueStream()
				.map((l) -> l.get("kind").asString() + " " + l.get("otherNumber").asString()))
				.contains("CAUSED_BY " + problem);
		}
		assertThat(proposal(api, engineerToken, category)).as("no longer proposed").isNull();

		// a known error only with its workaround; then in the agents' list
		api.post("/api/v1/work-items/" + problem + "/transitions/take", engineerToken, "{}");
		Response early = api.post("/api/v1/work-items/" + problem + "/transitions/knownError", engineerToken, "{}");
		assertThat(early.status()).as("no workaround yet").isEqualTo(409);
		Response saved = api.put("/api/v1/problems/" + problem + "/analysis", engineerToken,
				Api.json(Map.of("version", 0, "causeCategory", "SOFTWARE", "why1", "打印输出乱码", "why2", "驱动版本与固件不匹配",
						"why3", "驱动随系统补丁自动升级", "rootCause", "补丁自动升级了打印机驱动", "workaround", "回退打印机驱动到 6.2 版并禁止自动升级",
						"changeRef", "CHG-2026-000042")));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("whys").get(1).asString()).isEqualTo("驱动版本与固件不匹配");
		assertThat(api
			.put("/api/v1/problems/" + problem + "/analysis", engineerToken,
					Api.json(Map.of("version", 0, "workaround", "x")))
			.status()).as("a stale version").isEqualTo(409);
		Response known = api.post("/api/v1/work-items/" + problem + "/transitions/knownError", engineerToken, "{}");
		assertThat(known.status()).as(known.body()).isEqualTo(200);
		JsonNode list = api
			.get("/api/v1/problems/known-errors?q="
					+ java.net.URLEncoder.encode("驱动", java.nio.charset.StandardCharsets.UTF_8), agentToken)
			.json();
		assertThat(list.valueStream().map((e) -> e.get("number").asString())).contains(problem);
		assertThat(list.valueStream()
			.filter((e) -> e.get("number").asString().equals(problem))
			.findFirst()
			.orElseThrow()
			.get("workaround")
			.asString()).isEqualTo("回退打印机驱动到 6.2 版并禁止自动升级");
		int version = saved.json().get("version").asInt() + 1;
		assertThat(api
			.put("/api/v1/problems/" + problem + "/analysis", engineerToken,
					Api.json(Map.of("version", version, "workaround", " ")))
			.status()).as("a published known error keeps its workaround").isEqualTo(422);
		assertThat(api.get("/api/v1/problems/known-errors", userToken).status()).isEqualTo(403);

		// fixed by the change, closed by the closure review
		assertThat(api
			.post("/api/v1/work-items/" + problem + "/transitions/resolve", engineerToken,
					Api.json(Map.of("comment", "CHG-2026-000042 锁定驱动版本，已验证")))
			.status()).isEqualTo(200);
		assertThat(api
			.post("/api/v1/work-items/" + problem + "/transitions/close", engineerToken,
					Api.json(Map.of("comment", "x")))
			.status()).as("the closure review is a manager's").isIn(403, 409);
		assertThat(api
			.post("/api/v1/work-items/" + problem + "/transitions/close", managerToken,
					Api.json(Map.of("comment", "观察两周未再发生，关闭")))
			.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/problems/known-errors", agentToken)
			.json()
			.valueStream()
			.map((e) -> e.get("number").asString())).doesNotContain(problem);
	}

	private static JsonNode proposal(Api api, String token, long category) {
		return api.get("/api/v1/problems/proposals?days=30&threshold=3", token)
			.json()
			.valueStream()
			.filter((p) -> p.get("categoryId").asLong() == category)
			.findFirst()
			.orElse(null);
	}

}
