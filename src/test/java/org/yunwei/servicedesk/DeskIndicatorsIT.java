package org.yunwei.servicedesk;

import java.time.YearMonth;
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
 * The service desk's and problem management's indicators move with the records behind
 * them (the context is shared, so each step is measured against the value before it):
 * 7.8-1 by the ratings of closed tickets, 7.8-2 by requests raised and resolved, 8.3.4-1
 * and 8.3.4-2 by problems raised and resolved; the SLA-based ones are defined and keep
 * their numerator within their denominator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=servicedesk", "yunwei.test.schema-suffix=_servicedesk",
		"yunwei.service-desk.group=SD-IT" })
class DeskIndicatorsIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void indicatorsFollowTheirRecords() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("kimanager", null, "OM_MANAGER");
		Person user = people.create("kiuser", null, "DEPARTMENT_USER");
		String managerToken = api.token(manager.username(), TestUsers.PASSWORD);
		String userToken = api.token(user.username(), TestUsers.PASSWORD);
		String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();

		// 7.8-2: a request raised counts in the denominator, resolved in the numerator
		// too
		long[] requests = value(api, managerToken, "7.8-2", month);
		String request = raise(api, userToken, "REQUEST", "申请一台显示器");
		assertThat(value(api, managerToken, "7.8-2", month)).containsExactly(requests[0], requests[1] + 1);
		take(api, managerToken, request);
		resolve(api, managerToken, request);
		assertThat(value(api, managerToken, "7.8-2", month)).containsExactly(requests[0] + 1, requests[1] + 1);

		// 7.8-1: satisfied (5) counts in both, dissatisfied (2) only in the denominator
		long[] rated = value(api, managerToken, "7.8-1", month);
		accept(api, userToken, request, 5);
		assertThat(value(api, managerToken, "7.8-1", month)).containsExactly(rated[0] + 1, rated[1] + 1);
		String incident = raise(api, userToken, "INCIDENT", "显示器闪烁");
		take(api, managerToken, incident);
		resolve(api, managerToken, incident);
		accept(api, userToken, incident, 2);
		assertThat(value(api, managerToken, "7.8-1", month)).containsExactly(rated[0] + 1, rated[1] + 2);

		// 8.3.4-1 and 8.3.4-2: a problem raised, then resolved
		long[] solved = value(api, managerToken, "8.3.4-1", month);
		long[] mean = value(api, managerToken, "8.3.4-2", month);
		Response problem = api.post("/api/v1/problems", managerToken,
				Api.json(Map.of("incidents", List.of(incident), "title", "显示器批次质量问题")));
		assertThat(problem.status()).as(problem.body()).isEqualTo(201);
		String number = problem.json().get("number").asString();
		assertThat(value(api, managerToken, "8.3.4-1", month)).containsExactly(solved[0], solved[1] + 1);
		api.post("/api/v1/work-items/" + number + "/transitions/take", managerToken, "{}");
		resolve(api, managerToken, number);
		assertThat(value(api, managerToken, "8.3.4-1", month)).containsExactly(solved[0] + 1, solved[1] + 1);
		JsonNode average = api.get("/api/v1/indicators/8.3.4-2?period=" + month, managerToken).json();
		assertThat(average.get("denominator").asLong()).isEqualTo(mean[1] + 1);
		assertThat(average.get("unit").asString()).isEqualTo("h");
		assertThat(average.get("value").isNull()).isFalse();

		// the SLA-based ones: defined, and a share of what they count
		for (String code : List.of("8.4.2-1", "8.4.2-2", "8.3.3-1")) {
			long[] v = value(api, managerToken, code, month);
			assertThat(v[0]).as(code).isBetween(0L, v[1]);
		}
		assertThat(
				api.get("/api/v1/indicators", managerToken).json().valueStream().map((d) -> d.get("code").asString()))
			.contains("7.8-1", "7.8-2", "8.3.3-1", "8.3.3-2", "8.3.4-1", "8.3.4-2", "8.4.2-1", "8.4.2-2");
	}

	private static long[] value(Api api, String token, String code, String month) {
		Response r = api.get("/api/v1/indicators/" + code + "?period=" + month, token);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode v = r.json();
		return new long[] { v.get("numerator").asLong(), v.get("denominator").asLong() };
	}

	private static String raise(Api api, String token, String kind, String title) {
		Response r = api.post("/api/v1/tickets", token,
				Api.json(Map.of("kind", kind, "title", title, "description", title + "。")));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	private static void take(Api api, String token, String number) {
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/take", token, "{}").status()).isEqualTo(200);
	}

	private static void resolve(Api api, String token, String number) {
		Response r = api.post("/api/v1/work-items/" + number + "/transitions/resolve", token,
				Api.json(Map.of("comment", "已处理。")));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	private static void accept(Api api, String token, String number, int rating) {
		int version = api.get("/api/v1/work-items/" + number, token).json().get("version").asInt();
		Response r = api.post("/api/v1/tickets/" + number + "/acceptance", token,
				Api.json(Map.of("rating", rating, "version", version)));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

}
