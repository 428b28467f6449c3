package org.yunwei.governance;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

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
 * The decision-support dashboard (7.4.4) over REST: each role's default widgets, a
 * person's own choice and order, a trend widget's data from the stored values, and
 * refusals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=conformance", "yunwei.test.schema-suffix=_conformance" })
class DashboardIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void rolesHaveTheirDefaultsAndAPersonPicksAndOrdersWidgetsReadFromStoredValues() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person director = people.create("dbdirector", null, "TOP_MANAGEMENT");
		Person head = people.create("dbhead", null, "OM_HEAD");
		Person engineer = people.create("dbengineer", null, "ENGINEER");
		String directorToken = api.token(director.username(), TestUsers.PASSWORD);
		String token = api.token(head.username(), TestUsers.PASSWORD);

		assertThat(ids(api.get("/api/v1/governance/dashboard", directorToken).json())).startsWith("radar", "status");
		assertThat(ids(api.get("/api/v1/governance/dashboard", token).json())).startsWith("status", "missed");
		assertThat(api.get("/api/v1/governance/dashboard", api.token(engineer.username(), TestUsers.PASSWORD)).status())
			.isEqualTo(403);

		Response bad = api.put("/api/v1/governance/dashboard", token, Api.json(List.of("trend:9.9-9")));
		assertThat(bad.status()).isEqualTo(422);
		Response saved = api.put("/api/v1/governance/dashboard", token,
				Api.json(List.of("trend:6-1", "nonconformities", "status", "trend:6-1")));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(ids(saved.json())).containsExactly("trend:6-1", "nonconformities", "status");
		assertThat(ids(api.get("/api/v1/governance/dashboard", token).json())).containsExactly("trend:6-1",
				"nonconformities", "status");
		assertThat(ids(api.get("/api/v1/governance/dashboard", directorToken).json())).as("the director's unchanged")
			.startsWith("radar");

		// a trend widget reads the stored monthly values
		String last = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
		assertThat(api.post("/api/v1/governance/indicators/6-1/compute?period=" + last, token, "").status())
			.isEqualTo(200);
		JsonNode trend = api.get("/api/v1/governance/dashboard/trend:6-1", token).json();
		assertThat(trend.get("periods").size()).isEqualTo(12);
		assertThat(trend.get("periods").get(11).asString()).isEqualTo(last);
		assertThat(trend.get("values").get(11).isNumber()).isTrue();
		assertThat(trend.get("nameZh").asString()).isEqualTo("运维计划的完整性");
		JsonNode status = api.get("/api/v1/governance/dashboard/status", token).json();
		assertThat(status.get("missed").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(status.get("below").toString()).contains("6-1");
		assertThat(api.get("/api/v1/governance/dashboard/nothing", token).status()).isEqualTo(422);

		// the open nonconformities by source: one raised counts, cancelled it no longer
		// does
		long before = api.get("/api/v1/governance/dashboard/nonconformities", token)
			.json()
			.get("bySource")
			.get("OTHER")
			.asLong();
		Response raised = api.post("/api/v1/governance/nonconformities", token,
				Api.json(java.util.Map.of("title", "机房巡检记录缺页", "source", "OTHER", "clause", "8.4.1")));
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		String nc = raised.json().get("number").asString();
		assertThat(api.get("/api/v1/governance/dashboard/nonconformities", token)
			.json()
			.get("bySource")
			.get("OTHER")
			.asLong()).isEqualTo(before + 1);
		assertThat(api
			.post("/api/v1/work-items/" + nc + "/transitions/cancel", token,
					Api.json(java.util.Map.of("comment", "巡检记录已找到，不构成不符合")))
			.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/governance/dashboard/nonconformities", token)
			.json()
			.get("bySource")
			.get("OTHER")
			.asLong()).isEqualTo(before);
	}

	private static List<String> ids(JsonNode widgets) {
		return widgets.valueStream()
			.map((w) -> w.get("kind").asString().toLowerCase()
					+ (w.get("code").isNull() ? "" : ":" + w.get("code").asString()))
			.toList();
	}

}
