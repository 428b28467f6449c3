package org.yunwei.governance;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
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
 * An indicator below target raises its investigation once; the nonconformity goes through
 * cause analysis, corrective actions with owners and deadlines, a verification that finds
 * them not effective, a second action and a verification that closes it — and the
 * improvement indicators count it (10.1-2, 10.2-2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=conformance", "yunwei.test.schema-suffix=_conformance" })
class NonconformityIT {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void anIndicatorBelowTargetIsInvestigatedAndItsCorrectiveActionVerifiedToClosure() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person head = people.create("nchead", null, "OM_HEAD");
		Person engineer = people.create("ncengineer", null, "ENGINEER");
		String headToken = api.token(head.username(), TestUsers.PASSWORD);
		String token = api.token(engineer.username(), TestUsers.PASSWORD);

		// no O&M plan was in effect in January 2025: 6-1 is 0 %, below its target of 90 %
		Response computed = api.post("/api/v1/governance/indicators/6-1/compute?period=2025-01", headToken, "");
		assertThat(computed.status()).as(computed.body()).isEqualTo(200);
		assertThat(computed.json().get("met").asBoolean()).isFalse();
		assertThat(api.post("/api/v1/governance/indicators/6-1/compute?period=2025-01", headToken, "").status())
			.isEqualTo(200);
		JsonNode list = api.get("/api/v1/work-items?type=nonconformity&q=6-1", headToken).json().get("items");
		long raised = list.valueStream()
			.filter((i) -> i.get("title").asString().contains("6-1") && i.get("title").asString().contains("2025-01"))
			.count();
		assertThat(raised).as("raised once, however often it is computed").isEqualTo(1);
		String number = list.valueStream()
			.filter((i) -> i.get("title").asString().contains("2025-01"))
			.findFirst()
			.orElseThrow()
			.get("number")
			.asString();
		JsonNode nc = api.get("/api/v1/governance/nonconformities/" + number, headToken).json();
		assertThat(nc.get("source").asString()).isEqualTo("INDICATOR");
		assertThat(nc.get("indicatorCode").asString()).isEqualTo("6-1");
		assertThat(nc.get("clause").asString()).isEqualTo("6");

		// the head of O&M gives it to the engineer, who analyses it; acting is refused
		// until
		// the cause and the actions are there
		assertThat(api.get("/api/v1/work-items/" + number, token).status()).as("not theirs yet").isEqualTo(404);
		JsonNode item = api.get("/api/v1/work-items/" + number, headToken).json();
		Response assigned = api.patch("/api/v1/work-items/" + number, headToken,
				Api.json(Map.of("assigneeId", engineer.id(), "version", item.get("version").asInt())));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
		take(api, token, number, "analyse", null, 200);
		Response early = take(api, token, number, "act", null, 409);
		assertThat(early.body()).contains("cause analysis").contains("actions").doesNotContain("Exception");
		Response saved = api.put("/api/v1/governance/nonconformities/" + number + "/analysis", token,
				Api.json(Map.of("clause", "6", "cause", "年度运维计划未按第 6 章编写，缺少计划管理程序。", "correctiveAction",
						"按第 6 章编写并批准年度运维计划。", "version", nc.get("version").asInt())));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(api
			.put("/api/v1/governance/nonconformities/" + number + "/analysis", token,
					Api.json(Map.of("cause", "x", "version", nc.get("version").asInt())))
			.status()).as("a stale edit is refused").isEqualTo(409);
		Response noOwner = api.post("/api/v1/governance/nonconformities/" + number + "/actions", token,
				Api.json(Map.of("title", "编写运维计划")));
		assertThat(noOwner.status()).isEqualTo(422);
		String due = LocalDateTime.now(ZONE).plusHours(1).withNano(0).toString();
		String action = action(api, token, number, "编写并批准年度运维计划", engineer.id(), due);
		take(api, token, number, "act", null, 200);

		// verification waits for the actions
		take(api, token, number, "verify", null, 409);
		take(api, token, action, "done", "计划已批准发布", 200);
		take(api, token, number, "verify", null, 200);
		take(api, token, number, "effective", "自己验证", 403);
		take(api, headToken, number, "ineffective", "计划缺少外包管理章节，措施未消除原因", 200);
		JsonNode afterFirst = api.get("/api/v1/governance/nonconformities/" + number, headToken).json();
		assertThat(afterFirst.get("firstEffective").asBoolean()).isFalse();

		String second = action(api, token, number, "补充外包管理章节并重新发布", engineer.id(), due);
		take(api, token, second, "done", "已补充", 200);
		take(api, token, number, "verify", null, 200);
		take(api, headToken, number, "effective", "复核运维计划 9 个章节齐全，指标 6-1 达标", 200);
		JsonNode closed = api.get("/api/v1/work-items/" + number, headToken).json();
		assertThat(closed.get("state").asString()).isEqualTo("closed");
		JsonNode record = api.get("/api/v1/governance/nonconformities/" + number, headToken).json();
		assertThat(record.get("effective").asBoolean()).isTrue();
		assertThat(record.get("actions").size()).isEqualTo(2);
		assertThat(record.get("verification").asString()).contains("9 个章节");

		// the improvement indicators of this month count it
		String month = YearMonth.now(ZONE).toString();
		JsonNode effectiveness = api.get("/api/v1/indicators/10.1-2?period=" + month, headToken).json();
		assertThat(effectiveness.toString()).contains(number);
		assertThat(counted(effectiveness, number)).as("not effective at its first verification").isFalse();
		JsonNode completeness = api.get("/api/v1/indicators/10.2-2?period=" + month, headToken).json();
		assertThat(counted(completeness, number)).as("no department yet: incomplete").isFalse();
		JsonNode actions = api
			.get("/api/v1/indicators/10.2-1?period=" + YearMonth.from(LocalDateTime.parse(due)), headToken)
			.json();
		assertThat(counted(actions, action)).as("done before its deadline").isTrue();
	}

	@Test
	void aNonconformityIsRegisteredByHandFromAnAuditFinding() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person rep = people.create("ncrep", null, "MANAGEMENT_REP");
		String token = api.token(rep.username(), TestUsers.PASSWORD);
		Map<String, Object> body = new HashMap<>(
				Map.of("title", "抽查的 5 条变更中 2 条缺少回退计划", "source", "AUDIT", "clause", "8.3.6"));
		Response bad = api.post("/api/v1/governance/nonconformities", token,
				Api.json(Map.of("title", "x", "source", "INDICATOR")));
		assertThat(bad.status()).isEqualTo(422);
		Response unknown = api.post("/api/v1/governance/nonconformities", token,
				Api.json(Map.of("title", "x", "source", "AUDIT", "clause", "8.9.9")));
		assertThat(unknown.status()).isEqualTo(422);
		Response created = api.post("/api/v1/governance/nonconformities", token, Api.json(body));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("number").asString()).startsWith("NC-");
		assertThat(created.json().get("clause").asString()).isEqualTo("8.3.6");
		assertThat(created.json().get("source").asString()).isEqualTo("AUDIT");
	}

	private static boolean counted(JsonNode value, String number) {
		return value.get("records")
			.valueStream()
			.filter((r) -> r.get("label").asString().startsWith(number))
			.findFirst()
			.orElseThrow(() -> new AssertionError(number + " not in " + value))
			.get("counted")
			.asBoolean();
	}

	private static String action(Api api, String token, String nc, String title, long owner, String due) {
		Response r = api.post("/api/v1/governance/nonconformities/" + nc + "/actions", token,
				Api.json(Map.of("title", title, "assigneeId", owner, "dueAt", due)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	private static Response take(Api api, String token, String number, String transition, String comment, int status) {
		Map<String, Object> body = new HashMap<>();
		if (comment != null) {
			body.put("comment", comment);
		}
		Response r = api.post("/api/v1/work-items/" + number + "/transitions/" + transition, token, Api.json(body));
		assertThat(r.status()).as(transition + " " + r.body()).isEqualTo(status);
		return r;
	}

}
