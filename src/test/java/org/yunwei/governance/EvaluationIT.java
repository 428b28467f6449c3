package org.yunwei.governance;

import java.time.LocalDate;
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
 * Evaluation (9.1, 9.4) over REST: the monitoring plan and its coverage (9.1-1) and
 * completion (9.1-2), an assessed indicator's value recorded with its evidence; a
 * management review chaired by top management, held, resolved, with a problem raised as a
 * nonconformity, counted by 9.4-1 and 9.4-2, and not closed while the problem is open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=conformance", "yunwei.test.schema-suffix=_conformance" })
class EvaluationIT {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void theMonitoringPlanIsMeasuredAndAnAssessedValueIsRecordedWithEvidence() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person head = people.create("evhead", null, "OM_HEAD");
		Person manager = people.create("evmanager", null, "OM_MANAGER");
		String token = api.token(head.username(), TestUsers.PASSWORD);
		String managerToken = api.token(manager.username(), TestUsers.PASSWORD);
		assertThat(api
			.put("/api/v1/governance/monitoring/8.3.3-1", managerToken,
					Api.json(Map.of("frequency", "MONTH", "ownerId", manager.id())))
			.status()).isEqualTo(403);
		assertThat(api.put("/api/v1/governance/monitoring/8.3.3-1", token, Api.json(Map.of("ownerId", manager.id())))
			.status()).isEqualTo(422);
		for (String code : new String[] { "8.3.3-1", "8.4.2-1" }) {
			Response r = api.put("/api/v1/governance/monitoring/" + code, token,
					Api.json(Map.of("frequency", "MONTH", "ownerId", manager.id())));
			assertThat(r.status()).as(r.body()).isEqualTo(200);
		}
		JsonNode plan = api.get("/api/v1/governance/monitoring", managerToken).json();
		assertThat(plan.valueStream().map((e) -> e.get("code").asString())).contains("8.3.3-1", "8.4.2-1");

		// this month: both planned values are due only once the month is over
		String month = YearMonth.now(ZONE).toString();
		JsonNode coverage = api.get("/api/v1/indicators/9.1-1?period=" + month, token).json();
		assertThat(coverage.get("denominator").asInt()).isEqualTo(109);
		assertThat(coverage.get("numerator").asInt()).isGreaterThanOrEqualTo(2);
		JsonNode completion = api.get("/api/v1/indicators/9.1-2?period=" + month, token).json();
		assertThat(completion.toString()).contains("8.3.3-1 @ " + month);
		long before = completion.get("numerator").asLong();
		assertThat(api.post("/api/v1/governance/indicators/8.3.3-1/compute?period=" + month, token, "").status())
			.isEqualTo(200);
		JsonNode after = api.get("/api/v1/indicators/9.1-2?period=" + month, token).json();
		assertThat(after.get("numerator").asLong()).as("8.3.3-1 now stored for the month").isEqualTo(before + 1);

		// an assessed indicator: its value with the evidence seen, by an assessor
		assertThat(api
			.post("/api/v1/governance/indicators/8.8-1/assessments", managerToken,
					Api.json(Map.of("period", month, "value", 85, "note", "x")))
			.status()).isEqualTo(403);
		Response computedOne = api.post("/api/v1/governance/indicators/8.3.3-1/assessments", token,
				Api.json(Map.of("period", month, "value", 85, "note", "人工")));
		assertThat(computedOne.status()).as("computed indicators are not assessed by hand").isEqualTo(422);
		Response noEvidence = api.post("/api/v1/governance/indicators/8.8-1/assessments", token,
				Api.json(Map.of("period", month, "value", 85)));
		assertThat(noEvidence.status()).isEqualTo(422);
		Response assessed = api.post("/api/v1/governance/indicators/8.8-1/assessments", token,
				Api.json(Map.of("period", month, "value", 85, "note", "外包策略经局务会审议，覆盖机房和应用运维两类外包。")));
		assertThat(assessed.status()).as(assessed.body()).isEqualTo(200);
		assertThat(assessed.json().get("method").asString()).isEqualTo("ASSESSED");
		assertThat(assessed.json().get("met").asBoolean()).as("85 ≥ 80").isTrue();
		assertThat(assessed.json().get("note").asString()).contains("局务会");
	}

	@Test
	void aManagementReviewIsChairedResolvedAndFollowedUp() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person director = people.create("evdirector", null, "TOP_MANAGEMENT");
		Person rep = people.create("evrep", null, "MANAGEMENT_REP");
		Person engineer = people.create("eveng", null, "ENGINEER");
		String token = api.token(rep.username(), TestUsers.PASSWORD);
		Response created = api.post("/api/v1/work-items", token,
				Api.json(Map.of("type", "mgmtreview", "fields", Map.of("title", "年度管理评审", "assigneeId", rep.id()))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String number = created.json().get("number").asString();
		assertThat(number).startsWith("MR-");
		JsonNode review = api.get("/api/v1/governance/reviews/" + number, token).json();

		// not held without its date, chair and attendees
		Response early = api.post("/api/v1/work-items/" + number + "/transitions/hold", token, "{}");
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.body()).contains("date held").contains("chair");
		Map<String, Object> minutes = new HashMap<>(Map.of("plannedOn", LocalDate.now(ZONE).toString(), "heldOn",
				LocalDate.now(ZONE).toString(), "chairId", engineer.id(), "attendees", "局长、管理者代表、运维负责人", "inputPeriod",
				YearMonth.now(ZONE).minusMonths(1).toString(), "version", review.get("version").asInt()));
		Response badChair = api.put("/api/v1/governance/reviews/" + number + "/minutes", token, Api.json(minutes));
		assertThat(badChair.status()).as("an engineer cannot chair it").isEqualTo(422);
		minutes.put("chairId", director.id());
		Response saved = api.put("/api/v1/governance/reviews/" + number + "/minutes", token, Api.json(minutes));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/hold", token, "{}").status()).isEqualTo(200);
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/resolve", token, "{}").status())
			.as("no conclusions or resolutions yet")
			.isEqualTo(409);
		minutes.putAll(Map.of("suitability", "体系仍然适宜。", "adequacy", "基本充分，合规自检需补充。", "effectiveness", "有效实施。",
				"resolutions", "一、第一季度建立合规自检机制。", "version", saved.json().get("version").asInt()));
		assertThat(api.put("/api/v1/governance/reviews/" + number + "/minutes", token, Api.json(minutes)).status())
			.isEqualTo(200);
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/resolve", token, "{}").status())
			.isEqualTo(200);

		// a problem it raised, with department, owner and deadline
		Response dept = api.post("/api/v1/departments", api.token("sysadmin", Api.ADMIN_PASSWORD),
				Api.json(Map.of("code", "EV-" + rep.id(), "name", "信息中心 " + rep.id())));
		assertThat(dept.status()).as(dept.body()).isEqualTo(201);
		long department = dept.json().get("id").asLong();
		Response problem = api.post("/api/v1/governance/reviews/" + number + "/problems", token,
				Api.json(Map.of("title", "合规自检机制尚未建立", "clause", "9.3", "departmentId", department, "ownerId", rep.id(),
						"dueAt", LocalDateTime.now(ZONE).plusDays(30).withNano(0).toString())));
		assertThat(problem.status()).as(problem.body()).isEqualTo(201);
		String nc = problem.json().get("number").asString();
		JsonNode record = api.get("/api/v1/governance/nonconformities/" + nc, token).json();
		assertThat(record.get("source").asString()).isEqualTo("REVIEW");
		assertThat(record.get("clause").asString()).isEqualTo("9.3");
		assertThat(api.get("/api/v1/governance/reviews/" + number, token).json().get("problems").size()).isEqualTo(1);
		Response close = api.post("/api/v1/work-items/" + number + "/transitions/close", token,
				Api.json(Map.of("comment", "已报告")));
		assertThat(close.status()).as("not while its problem is open").isEqualTo(409);

		String month = YearMonth.now(ZONE).toString();
		JsonNode complete = api.get("/api/v1/indicators/9.4-1?period=" + month, token).json();
		assertThat(counted(complete, number)).isTrue();
		JsonNode problems = api.get("/api/v1/indicators/9.4-2?period=" + month, token).json();
		assertThat(counted(problems, nc)).as("no cause analysis yet").isFalse();
	}

	@Test
	void aComplianceSelfCheckChecksEachPolicyAndAnEvaluationReportIsMeasuredSectionBySection() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("scmanager", null, "OM_MANAGER");
		Person head = people.create("schead", null, "OM_HEAD");
		String token = api.token(manager.username(), TestUsers.PASSWORD);
		String headToken = api.token(head.username(), TestUsers.PASSWORD);
		String month = YearMonth.now(ZONE).toString();

		// a policy in effect, and a self-check against it
		String policy = approved(api, token, head, Map.of("type", "POLICY", "title", "信息安全管理制度 " + manager.id(),
				"ownerId", manager.id(), "clauses", java.util.List.of("8.7.1"), "content", "# 总则"));
		Response check = api.post("/api/v1/work-items", token, Api
			.json(Map.of("type", "selfcheck", "fields", Map.of("title", "第四季度合规自检", "assigneeId", manager.id()))));
		assertThat(check.status()).as(check.body()).isEqualTo(201);
		String number = check.json().get("number").asString();
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/start", token, "{}").status())
			.isEqualTo(200);
		JsonNode points = api.get("/api/v1/work-items/" + number + "/checklist", token).json();
		JsonNode mine = points.valueStream()
			.filter((p) -> p.get("text").asString().contains(policy))
			.findFirst()
			.orElseThrow(() -> new AssertionError(policy + " not in " + points));
		assertThat(mine.get("text").asString()).contains("信息安全管理制度");
		assertThat(api
			.post("/api/v1/work-items/" + number + "/transitions/complete", token, Api.json(Map.of("comment", "完成")))
			.status()).as("points not recorded").isEqualTo(409);
		for (JsonNode p : points) {
			boolean anomaly = p.get("seq").asInt() == mine.get("seq").asInt();
			assertThat(api
				.post("/api/v1/work-items/" + number + "/checklist/" + p.get("seq").asInt(), token,
						Api.json(Map.of("done", !anomaly, "anomaly", anomaly, "result", anomaly ? "未按制度开展季度演练" : "符合")))
				.status()).isEqualTo(200);
		}
		assertThat(api
			.post("/api/v1/work-items/" + number + "/transitions/complete", token,
					Api.json(Map.of("comment", "自检完成，1 项不符合")))
			.status()).isEqualTo(200);
		JsonNode compliance = api.get("/api/v1/indicators/9.3-1?period=" + month, headToken).json();
		assertThat(compliance.get("records")
			.valueStream()
			.filter((r) -> r.get("label").asString().startsWith(number) && r.get("label").asString().contains(policy))
			.findFirst()
			.orElseThrow()
			.get("counted")
			.asBoolean()).as("found not conforming").isFalse();

		// a compliance risk event is counted
		long before = api.get("/api/v1/indicators/9.3-2?period=" + month, headToken).json().get("numerator").asLong();
		assertThat(api
			.post("/api/v1/work-items", token,
					Api.json(Map.of("type", "riskevent", "fields", Map.of("title", "外包人员使用未授权账号登录生产系统"))))
			.status()).isEqualTo(201);
		assertThat(api.get("/api/v1/indicators/9.3-2?period=" + month, headToken).json().get("numerator").asLong())
			.isEqualTo(before + 1);

		// an analysis-and-evaluation report with four of its five sections
		Response report = api.post("/api/v1/documents", token,
				Api.json(Map.of("type", "REPORT", "title", "第四季度运维分析与评价报告", "ownerId", manager.id(), "clauses",
						java.util.List.of("9.1"), "planKind", "EVALUATION", "content", "# 第四季度运维分析与评价")));
		assertThat(report.status()).as(report.body()).isEqualTo(201);
		String reportNumber = report.json().get("number").asString();
		Map<String, String> sections = Map.of("objectives", "目标达成", "sla", "SLA 达成 96%", "policies", "制度执行良好",
				"suitability", "适宜");
		assertThat(api.put("/api/v1/documents/" + reportNumber + "/draft", token,
				Api.json(Map.of("label", "1.0", "content", "# 第四季度运维分析与评价", "sections", sections, "version",
						report.json().get("pending").get("version").asInt())))
			.status()).isEqualTo(200);
		String approval = api.post("/api/v1/documents/" + reportNumber + "/draft/submit", token, "")
			.json()
			.get("approvalNumber")
			.asString();
		decide(api, head, approval);
		JsonNode evaluation = api.get("/api/v1/indicators/9.1-3?period=" + month, headToken).json();
		long written = evaluation.get("records")
			.valueStream()
			.filter((r) -> r.get("label").asString().startsWith(reportNumber) && r.get("counted").asBoolean())
			.count();
		long lacking = evaluation.get("records")
			.valueStream()
			.filter((r) -> r.get("label").asString().startsWith(reportNumber) && !r.get("counted").asBoolean())
			.count();
		assertThat(written).isEqualTo(4);
		assertThat(lacking).as("no appraisal section").isEqualTo(1);
	}

	private static String approved(Api api, String token, Person head, Map<String, Object> document) {
		Response created = api.post("/api/v1/documents", token, Api.json(document));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String number = created.json().get("number").asString();
		String approval = api.post("/api/v1/documents/" + number + "/draft/submit", token, "")
			.json()
			.get("approvalNumber")
			.asString();
		decide(api, head, approval);
		return number;
	}

	private static void decide(Api api, Person approver, String approvalNumber) {
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
		assertThat(api
			.post("/api/v1/work-items/approval-steps/" + step + "/decision", token, Api.json(Map.of("approve", true)))
			.status()).isEqualTo(200);
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

}
