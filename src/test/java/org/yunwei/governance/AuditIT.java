package org.yunwei.governance;

import java.time.LocalDateTime;
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
 * An internal audit (9.2) over REST: scoped to two clauses, started with a checklist
 * generated from their requirements, each point recorded with the evidence seen, a
 * finding raised as a nonconformity of a clause in scope, reported and completed; the
 * clauses it covered count for 9.2-1, its finding for 9.2-2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=conformance", "yunwei.test.schema-suffix=_conformance" })
class AuditIT {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void anAuditIsScopedCheckedPointByPointReportedAndCounted() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person rep = people.create("iarep", null, "MANAGEMENT_REP");
		String token = api.token(rep.username(), TestUsers.PASSWORD);
		Response created = api.post("/api/v1/work-items", token, Api
			.json(Map.of("type", "audit", "fields", Map.of("title", "第四季度内部审核：事件与变更管理", "assigneeId", rep.id()))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String number = created.json().get("number").asString();
		assertThat(number).startsWith("IA-");

		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/start", token, "{}").status())
			.as("no scope yet")
			.isEqualTo(409);
		JsonNode audit = api.get("/api/v1/governance/audits/" + number, token).json();
		Response parent = api.put("/api/v1/governance/audits/" + number, token,
				Api.json(Map.of("clauses", List.of("8.3"), "version", audit.get("version").asInt())));
		assertThat(parent.status()).as("8.3 is judged from its children").isEqualTo(422);
		Response scoped = api.put("/api/v1/governance/audits/" + number, token,
				Api.json(Map.of("clauses", List.of("8.3.3", "8.3.6"), "version", audit.get("version").asInt())));
		assertThat(scoped.status()).as(scoped.body()).isEqualTo(200);
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/start", token, "{}").status())
			.isEqualTo(200);

		// the checklist: one point per requirement of the clauses in scope
		JsonNode points = api.get("/api/v1/work-items/" + number + "/checklist", token).json();
		StandardCatalogue catalogue = new StandardCatalogue(new org.yunwei.platform.standard.StandardClauses());
		int expected = catalogue.requirementsOf("8.3.3").size() + catalogue.requirementsOf("8.3.6").size();
		assertThat(points.size()).isEqualTo(expected);
		assertThat(points.get(points.size() - 1).get("text").asString()).startsWith("8.3.6.1 e)");
		Response changed = api.put("/api/v1/governance/audits/" + number, token,
				Api.json(Map.of("clauses", List.of("8.3.3"), "version", scoped.json().get("version").asInt())));
		assertThat(changed.status()).as("the scope is fixed once started").isEqualTo(409);

		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/report", token, "{}").status())
			.as("points not recorded")
			.isEqualTo(409);
		for (JsonNode p : points) {
			Response r = api.post("/api/v1/work-items/" + number + "/checklist/" + p.get("seq").asInt(), token,
					Api.json(Map.of("done", true, "result", "抽查 5 条记录，符合")));
			assertThat(r.status()).as(r.body()).isEqualTo(200);
		}
		Response outOfScope = api.post("/api/v1/governance/audits/" + number + "/findings", token,
				Api.json(Map.of("title", "x", "clause", "8.3.4")));
		assertThat(outOfScope.status()).isEqualTo(422);
		Response finding = api.post("/api/v1/governance/audits/" + number + "/findings", token,
				Api.json(Map.of("title", "2 条变更缺少回退计划", "clause", "8.3.6", "ownerId", rep.id(), "dueAt",
						LocalDateTime.now(ZONE).plusDays(20).withNano(0).toString())));
		assertThat(finding.status()).as(finding.body()).isEqualTo(201);
		String nc = finding.json().get("number").asString();

		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/report", token, "{}").status())
			.isEqualTo(200);
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/close", token, "{}").status())
			.as("no report yet")
			.isEqualTo(409);
		JsonNode current = api.get("/api/v1/governance/audits/" + number, token).json();
		assertThat(api
			.put("/api/v1/governance/audits/" + number, token, Api.json(Map.of("clauses", List.of("8.3.3", "8.3.6"),
					"report", "审核结论：事件管理符合；变更管理发现 1 项不符合。", "version", current.get("version").asInt())))
			.status()).isEqualTo(200);
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/close", token, "{}").status())
			.isEqualTo(200);

		String month = YearMonth.now(ZONE).toString();
		JsonNode coverage = api.get("/api/v1/indicators/9.2-1?period=" + month, token).json();
		assertThat(coverage.get("denominator").asInt()).isEqualTo(59);
		assertThat(coverage.get("records").toString()).contains("8.3.6 变更管理");
		assertThat(counted(coverage, "8.3.6 ")).isTrue();
		assertThat(counted(coverage, "8.3.4 ")).isFalse();
		JsonNode findings = api.get("/api/v1/indicators/9.2-2?period=" + month, token).json();
		assertThat(counted(findings, nc)).as("no department, cause or action yet").isFalse();
	}

	private static boolean counted(JsonNode value, String prefix) {
		return value.get("records")
			.valueStream()
			.filter((r) -> r.get("label").asString().startsWith(prefix))
			.findFirst()
			.orElseThrow(() -> new AssertionError(prefix + " not in " + value))
			.get("counted")
			.asBoolean();
	}

}
