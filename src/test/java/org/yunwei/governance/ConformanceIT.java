package org.yunwei.governance;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
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
import org.yunwei.support.ChangeFixtures;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clause tree over REST (on a schema of its own, so that only this test's records
 * count): 8.3.6 is met while an approved change-management procedure is in effect, the
 * change workflow is used and the change indicators are at target; retiring the procedure
 * makes it partly met. An assessor's judgement decides an assessment rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=conformance", "yunwei.test.schema-suffix=_conformance" })
class ConformanceIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void changeManagementIsMetWhileItsProcedureIsInEffectAndItsIndicatorsAtTarget() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("cfmanager", null, "OM_MANAGER");
		Person head = people.create("cfhead", null, "OM_HEAD");
		Person engineer = people.create("cfengineer", null, "ENGINEER");
		long group = people.group("CF-" + engineer.id(), "系统组 " + engineer.id(), engineer, manager);
		String token = api.token(manager.username(), TestUsers.PASSWORD);
		String headToken = api.token(head.username(), TestUsers.PASSWORD);
		String tag = String.valueOf(engineer.id());

		// nothing yet: the procedure is missing and the indicators have no values
		JsonNode before = api.get("/api/v1/governance/conformance/8.3.6", headToken).json();
		assertThat(before.get("status").asString()).isIn("NOT_MET", "PARTLY");
		assertThat(rule(before, "DOC", "PROCEDURE").get("status").asString()).isEqualTo("NOT_MET");
		assertThat(rule(before, "INDICATOR", "8.3.6-1").get("status").asString()).isEqualTo("NOT_ASSESSED");

		// the change-management procedure, approved by the head of O&M
		Response doc = api.post("/api/v1/documents", token, Api.json(Map.of("type", "PROCEDURE", "title", "变更管理程序",
				"ownerId", manager.id(), "clauses", List.of("8.3.6"), "content", "# 变更管理程序\n申请、评估、审批、实施、回顾。")));
		assertThat(doc.status()).as(doc.body()).isEqualTo(201);
		String number = doc.json().get("number").asString();
		String approval = api.post("/api/v1/documents/" + number + "/draft/submit", token, "")
			.json()
			.get("approvalNumber")
			.asString();
		approve(api, head, approval);

		// one standard change, implemented successfully this month
		Response ci = api.post("/api/v1/cmdb/cis", token,
				Api.json(Map.of("classCode", "storage", "name", "SAN-CF-" + tag, "state", "IN_SERVICE", "groupId",
						group, "attributes", Map.of("serial_number", "CF" + tag))));
		assertThat(ci.status()).as(ci.body()).isEqualTo(201);
		ChangeFixtures.template(api, token, "CF-" + tag);
		String change = ChangeFixtures.approvedStandardChange(api, token, "CF-" + tag,
				ci.json().get("number").asString());
		assertThat(api.post("/api/v1/work-items/" + change + "/transitions/start", token, "{}").status())
			.isEqualTo(200);
		Response outcome = api.put("/api/v1/changes/" + change + "/outcome", token,
				Api.json(Map.of("outcome", "SUCCESSFUL", "notes", "实施完成")));
		assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);

		String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
		for (String code : List.of("8.3.6-1", "8.3.6-2", "8.3.6-3")) {
			Response v = api.post("/api/v1/governance/indicators/" + code + "/compute?period=" + month, headToken, "");
			assertThat(v.status()).as(v.body()).isEqualTo(200);
			assertThat(v.json().get("met").asBoolean()).as(code + " " + v.body()).isTrue();
		}

		JsonNode met = api.get("/api/v1/governance/conformance/8.3.6", headToken).json();
		assertThat(met.get("status").asString()).as(met.toString()).isEqualTo("MET");
		assertThat(met.get("score").asDouble()).isEqualTo(100.0);
		assertThat(rule(met, "DOC", "PROCEDURE").get("evidence").toString()).contains(number);
		assertThat(rule(met, "WORKFLOW", "change").get("status").asString()).isEqualTo("MET");

		// retiring the procedure leaves the clause partly met
		Response retired = api.post("/api/v1/documents/" + number + "/retire", token,
				Api.json(Map.of("reason", "由新版流程文件取代")));
		assertThat(retired.status()).as(retired.body()).isEqualTo(200);
		JsonNode partly = api.get("/api/v1/governance/conformance/8.3.6", headToken).json();
		assertThat(partly.get("status").asString()).isEqualTo("PARTLY");
		assertThat(rule(partly, "DOC", "PROCEDURE").get("status").asString()).isEqualTo("NOT_MET");
		assertThat(partly.get("score").asDouble()).isEqualTo(80.0);

		// the tree carries it up: 8.3 and chapter 8 are not met in full
		Response tree = api.get("/api/v1/governance/conformance", headToken);
		assertThat(tree.status()).isEqualTo(200);
		assertThat(tree.json().size()).isEqualTo(7);
		assertThat(tree.json().get(4).get("clause").get("number").asString()).isEqualTo("8");
		assertThat(tree.json().get(4).get("status").asString()).isNotEqualTo("MET");
	}

	@Test
	void anAssessorsJudgementWithEvidenceDecidesAnAssessmentRule() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person rep = people.create("cfrep", null, "MANAGEMENT_REP");
		Person engineer = people.create("cfeng2", null, "ENGINEER");
		String token = api.token(rep.username(), TestUsers.PASSWORD);
		Map<String, Object> body = new HashMap<>(Map.of("verdict", "MET", "evidence", "查阅了管理者代表任命文件，授权范围明确。"));

		assertThat(api
			.post("/api/v1/governance/conformance/5.2/assessments", api.token(engineer.username(), TestUsers.PASSWORD),
					Api.json(body))
			.status()).isEqualTo(403);
		assertThat(api.post("/api/v1/governance/conformance/5/assessments", token, Api.json(body)).status())
			.as("a parent is judged from its children")
			.isEqualTo(422);
		Response noEvidence = api.post("/api/v1/governance/conformance/5.2/assessments", token,
				Api.json(Map.of("verdict", "MET", "evidence", " ")));
		assertThat(noEvidence.status()).isEqualTo(422);
		assertThat(noEvidence.body()).contains("evidence");
		assertThat(api.get("/api/v1/governance/conformance/9.9.9", token).status()).isEqualTo(404);

		Response assessed = api.post("/api/v1/governance/conformance/5.2/assessments", token, Api.json(body));
		assertThat(assessed.status()).as(assessed.body()).isEqualTo(200);
		JsonNode rule = rule(assessed.json(), "ASSESS", "-");
		assertThat(rule.get("status").asString()).isEqualTo("MET");
		assertThat(rule.get("evidence").toString()).contains("管理者代表任命文件");
		assertThat(assessed.json().get("assessments").get(0).get("assessor").asString()).startsWith("cfrep");
	}

	private static JsonNode rule(JsonNode clause, String kind, String argument) {
		for (JsonNode r : clause.get("rules")) {
			if (r.get("rule").get("kind").asString().equals(kind)
					&& r.get("rule").get("argument").asString().equals(argument)) {
				return r;
			}
		}
		throw new AssertionError("no rule " + kind + " " + argument + " in " + clause);
	}

	private static void approve(Api api, Person approver, String approvalNumber) {
		String token = api.token(approver.username(), TestUsers.PASSWORD);
		JsonNode approvals = api.get("/api/v1/work-items/" + approvalNumber + "/approvals", token).json();
		long step = approvals.get(approvals.size() - 1)
			.get("steps")
			.valueStream()
			.filter((s) -> s.get("approverId").asLong() == approver.id())
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		Response r = api.post("/api/v1/work-items/approval-steps/" + step + "/decision", token,
				Api.json(Map.of("approve", true)));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

}
