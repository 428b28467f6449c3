package org.yunwei.change;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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
 * Change management over REST (8.3.6): a normal change on a database server assessed as
 * high risk goes to every member of the CAB; a second change on the same server in an
 * overlapping window is a conflict on the calendar; implemented with the new version
 * recorded on the CI through the change, closed after its review; a freeze window, a
 * standard change from its template without approval, an emergency change ratified
 * afterwards; the change indicators.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=servicedesk", "yunwei.test.schema-suffix=_servicedesk",
		"yunwei.service-desk.group=SD-IT" })
class ChangeIT {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aHighRiskChangeGoesThroughTheCabAndIsImplementedThroughTheCmdb() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("chmanager", null, "OM_MANAGER");
		Person engineer = people.create("chengineer", null, "ENGINEER");
		Person head = people.create("chhead", null, "OM_HEAD");
		Person architect = people.create("charchitect", null, "ENGINEER");
		people.joinGroup("CAB", "变更咨询委员会", head, architect);
		people.joinGroup("ECAB", "紧急变更委员会", head);
		long group = people.group("CH-SYS-" + engineer.id(), "系统组 " + engineer.id(), engineer);
		String managerToken = api.token(manager.username(), TestUsers.PASSWORD);
		String engineerToken = api.token(engineer.username(), TestUsers.PASSWORD);
		String headToken = api.token(head.username(), TestUsers.PASSWORD);
		String architectToken = api.token(architect.username(), TestUsers.PASSWORD);
		String tag = String.valueOf(engineer.id());

		// a database server, the database on it, the system and the service above
		String server = ci(api, engineerToken, "server", "db-chg-" + tag, group, Map.of("serial_number",
				"SN-CHG-" + tag, "ip_address", "10.8.0.1", "os", "银河麒麟", "os_version", "V10 SP2"));
		String database = ci(api, engineerToken, "database", "chgdb-" + tag, group,
				Map.of("instance_name", "chgdb" + tag, "engine", "达梦 DM", "db_version", "8.1.3", "port", "5236"));
		String application = ci(api, engineerToken, "application", "变更测试系统 " + tag, group,
				Map.of("system_code", "CHG" + tag));
		String service = ci(api, engineerToken, "service", "变更测试服务 " + tag, group, Map.of());
		relate(api, engineerToken, database, "runs_on", server);
		relate(api, engineerToken, application, "depends_on", database);
		relate(api, engineerToken, service, "depends_on", application);
		long serverId = api.get("/api/v1/cmdb/cis/" + server, engineerToken).json().get("id").asLong();

		// a normal change on the server, tomorrow night
		LocalDateTime start = LocalDateTime.now(ZONE).plusDays(1).withHour(22).withMinute(0).withSecond(0).withNano(0);
		String first = raise(api, engineerToken, "NORMAL", "数据库服务器操作系统升级 " + tag, group, List.of(serverId), start,
				start.plusHours(3));
		JsonNode raised = api.get("/api/v1/changes/" + first, engineerToken).json();
		assertThat(raised.get("type").asString()).isEqualTo("NORMAL");
		assertThat(raised.get("state").asString()).isEqualTo("draft");
		assertThat(raised.get("risk").isNull()).isTrue();
		assertThat(names(raised.get("affectedServices"))).as("found from the CMDB graph")
			.containsExactly("变更测试服务 " + tag);
		assertThat(codes(api.get("/api/v1/changes/" + first + "/readiness", engineerToken).json()))
			.containsExactly("implementationPlan", "backoutPlan", "testPlan", "answers");
		take(api, engineerToken, first, "assess", 200);
		Response notReady = api.post("/api/v1/work-items/" + first + "/transitions/submit", engineerToken, "{}");
		assertThat(notReady.status()).as(notReady.body()).isEqualTo(422);
		assertThat(notReady.body()).contains("implementationPlan").contains("answers");
		assertThat(api.get("/api/v1/changes/" + first, engineerToken).json().get("state").asString())
			.isEqualTo("assessment");

		// the questionnaire: several services, cannot be backed out → high
		Map<String, Integer> high = Map.of("scope", 3, "outage", 2, "complexity", 2, "backout", 2, "experience", 1,
				"timing", 0);
		Response badAnswer = api.put("/api/v1/changes/" + first + "/plan", engineerToken,
				Api.json(plan(raised.get("version").asInt(), start, Map.of("scope", 7))));
		assertThat(badAnswer.status()).isEqualTo(422);
		assertThat(badAnswer.body()).contains("answers[scope]");
		JsonNode planned = put(api, engineerToken, "/api/v1/changes/" + first + "/plan",
				plan(raised.get("version").asInt(), start, high));
		assertThat(planned.get("risk").asString()).isEqualTo("HIGH");
		assertThat(planned.get("riskScore").asInt()).isEqualTo(10);
		assertThat(api
			.put("/api/v1/changes/" + first + "/plan", engineerToken,
					Api.json(plan(raised.get("version").asInt(), start, high)))
			.status()).as("a stale plan is refused").isEqualTo(409);
		assertThat(api.get("/api/v1/changes/" + first + "/readiness", engineerToken).json().size()).isZero();

		// submitted: every CAB member must approve
		take(api, engineerToken, first, "submit", 200);
		JsonNode approval = api.get("/api/v1/work-items/" + first + "/approvals", engineerToken).json().get(0);
		assertThat(approval.get("mode").asString()).isEqualTo("ALL");
		assertThat(approval.get("steps").size()).isEqualTo(2);
		assertThat(api.get("/api/v1/changes/" + first, engineerToken).json().get("approvalRoute").asString())
			.isEqualTo("HIGH → group:CAB");
		for (JsonNode step : approval.get("steps")) {
			String token = (step.get("approverId").asLong() == head.id()) ? headToken : architectToken;
			Response decided = api.post("/api/v1/work-items/approval-steps/" + step.get("id").asLong() + "/decision",
					token, Api.json(Map.of("approve", true)));
			assertThat(decided.status()).as(decided.body()).isEqualTo(200);
		}
		JsonNode approved = api.get("/api/v1/changes/" + first, engineerToken).json();
		assertThat(approved.get("state").asString()).isEqualTo("scheduled");
		assertThat(approved.get("approvedAt").isNull()).isFalse();
		assertThat(names(approved.get("affectedServices"))).containsExactly("变更测试服务 " + tag);
		assertThat(api
			.put("/api/v1/changes/" + first + "/plan", engineerToken,
					Api.json(plan(approved.get("version").asInt(), start, high)))
			.status()).as("an approved plan stays as approved").isEqualTo(409);

		// a second change on the same server, overlapping: a conflict on the calendar
		String second = raise(api, engineerToken, "NORMAL", "数据库服务器补丁 " + tag, group, List.of(serverId),
				start.plusHours(2), start.plusHours(4));
		JsonNode conflicts = api.get("/api/v1/changes/" + second + "/conflicts", engineerToken).json();
		assertThat(conflicts.size()).isEqualTo(1);
		assertThat(conflicts.get(0).get("otherNumber").asString()).isEqualTo(first);
		assertThat(conflicts.get(0).get("shared").toString()).contains("db-chg-" + tag);
		ZonedDateTime day = start.toLocalDate().atStartOfDay(ZONE);
		JsonNode calendar = api
			.get("/api/v1/changes/calendar?from=" + day.toInstant() + "&to=" + day.plusDays(2).toInstant(),
					engineerToken)
			.json();
		Map<String, JsonNode> entries = new HashMap<>();
		calendar.get("entries").forEach((e) -> entries.put(e.get("number").asString(), e));
		assertThat(entries.get(first).get("conflict").asBoolean()).isTrue();
		assertThat(entries.get(second).get("conflict").asBoolean()).isTrue();

		// a freeze window: a normal change cannot be scheduled in it
		String freezeForm = Api.json(Map.of("name", "年终结账 " + tag, "startsAt", start.plusDays(3).toString(), "endsAt",
				start.plusDays(5).toString(), "reason", "财务年终结账"));
		Response notManager = api.post("/api/v1/changes/freezes", engineerToken, freezeForm);
		assertThat(notManager.status()).as(notManager.body()).isEqualTo(403);
		Response freeze = api.post("/api/v1/changes/freezes", managerToken, freezeForm);
		assertThat(freeze.status()).as(freeze.body()).isEqualTo(201);
		String frozen = raise(api, engineerToken, "NORMAL", "封网期内的变更 " + tag, group, List.of(serverId),
				start.plusDays(4), start.plusDays(4).plusHours(1));
		assertThat(api.get("/api/v1/changes/" + frozen + "/readiness", engineerToken).body())
			.contains("change.error.inFreeze")
			.contains("年终结账 " + tag);

		// implemented: the CMDB records the new version through the change
		take(api, engineerToken, first, "start", 200);
		Response draftChange = editOs(api, engineerToken, server, "V10 SP3", second);
		assertThat(draftChange.status()).as("a change not approved records nothing").isEqualTo(422);
		Response recorded = editOs(api, engineerToken, server, "V10 SP3", first);
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
		JsonNode updates = api.get("/api/v1/changes/" + first + "/cmdb-updates", engineerToken).json();
		assertThat(updates.toString()).contains("attr:os_version").contains("V10 SP3");
		take(api, engineerToken, first, "implemented", 409);
		Response failedWithoutNotes = api.put("/api/v1/changes/" + first + "/outcome", engineerToken,
				Api.json(Map.of("outcome", "FAILED")));
		assertThat(failedWithoutNotes.status()).isEqualTo(422);
		put(api, engineerToken, "/api/v1/changes/" + first + "/outcome",
				Map.of("outcome", "SUCCESSFUL", "notes", "升级完成，数据库自检正常"));
		take(api, engineerToken, first, "implemented", 200);
		assertThat(api.get("/api/v1/changes/" + first, engineerToken).json().get("state").asString())
			.isEqualTo("review");
		take(api, managerToken, first, "close", 409);
		put(api, engineerToken, "/api/v1/changes/" + first + "/review",
				Map.of("objectivesMet", true, "review", "按计划完成，未影响业务。"));
		take(api, engineerToken, first, "close", 403);
		take(api, managerToken, first, "close", 200);
		JsonNode closed = api.get("/api/v1/changes/" + first, engineerToken).json();
		assertThat(closed.get("state").asString()).isEqualTo("closed");
		assertThat(closed.get("outcome").asString()).isEqualTo("SUCCESSFUL");
		assertThat(closed.get("actualEnd").isNull()).isFalse();

		// the second is withdrawn
		Response cancelled = api.post("/api/v1/work-items/" + second + "/transitions/cancel", engineerToken,
				Api.json(Map.of("comment", "与 " + first + " 冲突，合并实施")));
		assertThat(cancelled.status()).as("its assignee may withdraw it: " + cancelled.body()).isEqualTo(403);
		take(api, engineerToken, second, "assess", 200);
		cancelled = api.post("/api/v1/work-items/" + second + "/transitions/cancel", engineerToken,
				Api.json(Map.of("comment", "与 " + first + " 冲突，合并实施")));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

		// a standard change from its template is scheduled without approval
		ChangeFixtures.template(api, managerToken, "CH-" + tag);
		String standard = ChangeFixtures.approvedStandardChange(api, engineerToken, "CH-" + tag, server);
		JsonNode std = api.get("/api/v1/changes/" + standard, engineerToken).json();
		assertThat(std.get("state").asString()).isEqualTo("scheduled");
		assertThat(std.get("risk").asString()).isEqualTo("LOW");
		assertThat(std.get("implementationPlan").asString()).isEqualTo("按作业指导书安装补丁");
		assertThat(api.get("/api/v1/work-items/" + standard + "/approvals", engineerToken).json().size()).isZero();

		// an emergency change: implemented at once, ratified afterwards by the ECAB
		String emergency = raise(api, engineerToken, "EMERGENCY", "数据库宕机紧急修复 " + tag, group, List.of(serverId),
				LocalDateTime.now(ZONE).minusMinutes(5), LocalDateTime.now(ZONE).plusHours(1));
		JsonNode em = api.get("/api/v1/changes/" + emergency, engineerToken).json();
		Map<String, Object> emPlan = plan(em.get("version").asInt(), LocalDateTime.now(ZONE).minusMinutes(5),
				Map.of("scope", 2, "outage", 3, "complexity", 1, "backout", 1, "experience", 1, "timing", 2));
		emPlan.put("testPlan", null);
		emPlan.put("plannedEnd", LocalDateTime.now(ZONE).plusHours(1).toString());
		put(api, engineerToken, "/api/v1/changes/" + emergency + "/plan", emPlan);
		take(api, engineerToken, emergency, "expedite", 403);
		Response expedited = api.post("/api/v1/work-items/" + emergency + "/transitions/expedite", managerToken,
				Api.json(Map.of("comment", "核心库宕机，立即修复")));
		assertThat(expedited.status()).as(expedited.body()).isEqualTo(200);
		put(api, engineerToken, "/api/v1/changes/" + emergency + "/outcome", Map.of("outcome", "SUCCESSFUL"));
		take(api, engineerToken, emergency, "implemented", 200);
		assertThat(api.get("/api/v1/changes/" + emergency, engineerToken).json().get("state").asString())
			.isEqualTo("ratification");
		JsonNode ecab = api.get("/api/v1/work-items/" + emergency + "/approvals", engineerToken).json().get(0);
		api.post("/api/v1/work-items/approval-steps/" + ecab.get("steps").get(0).get("id").asLong() + "/decision",
				headToken, Api.json(Map.of("approve", true)));
		JsonNode ratified = api.get("/api/v1/changes/" + emergency, engineerToken).json();
		assertThat(ratified.get("state").asString()).isEqualTo("review");
		assertThat(ratified.get("ratification").asString()).isEqualTo("RATIFIED");

		// the indicators, with the records behind them
		String month = java.time.YearMonth.now(ZONE).toString();
		JsonNode success = api.get("/api/v1/indicators/8.3.6-1?period=" + month, managerToken).json();
		assertThat(counted(success)).contains(first, emergency);
		JsonNode byType = api.get("/api/v1/indicators/8.3.6-2?period=" + month, managerToken).json();
		assertThat(counted(byType)).contains(emergency).doesNotContain(first);
		assertThat(byType.get("parts").size()).isEqualTo(3);
		long sum = 0;
		for (JsonNode p : byType.get("parts")) {
			sum += p.get("count").asLong();
		}
		assertThat(sum).isEqualTo(byType.get("denominator").asLong());
		JsonNode unapproved = api.get("/api/v1/indicators/8.3.6-3?period=" + month, managerToken).json();
		assertThat(counted(unapproved)).contains(second).doesNotContain(first, standard);
	}

	static String ci(Api api, String token, String cls, String name, long group, Map<String, String> attributes) {
		Response r = api.post("/api/v1/cmdb/cis", token, Api.json(Map.of("classCode", cls, "name", name, "state",
				"IN_SERVICE", "groupId", group, "attributes", attributes)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	static void relate(Api api, String token, String source, String type, String target) {
		Response r = api.post("/api/v1/cmdb/cis/" + source + "/relations", token,
				Api.json(Map.of("type", type, "target", target)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
	}

	static String raise(Api api, String token, String type, String title, long group, List<Long> cis,
			LocalDateTime start, LocalDateTime end) {
		Map<String, Object> form = new HashMap<>();
		form.put("changeType", type);
		form.put("title", title);
		form.put("category", "SOFTWARE");
		form.put("groupId", group);
		form.put("ciIds", cis);
		form.put("plannedStart", start.toString());
		form.put("plannedEnd", end.toString());
		Response r = api.post("/api/v1/changes", token, Api.json(form));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	static Map<String, Object> plan(int version, LocalDateTime start, Map<String, Integer> answers) {
		Map<String, Object> plan = new HashMap<>();
		plan.put("version", version);
		plan.put("category", "SOFTWARE");
		plan.put("plannedStart", start.toString());
		plan.put("plannedEnd", start.plusHours(3).toString());
		plan.put("impactAssessment", "停机期间财务核算服务不可用，提前一天通知各处室");
		plan.put("implementationPlan", "1. 停应用 2. 备份 3. 升级 4. 启动并自检");
		plan.put("backoutPlan", "从快照恢复系统盘");
		plan.put("testPlan", "核对版本号，业务抽测 10 笔");
		plan.put("answers", answers);
		return plan;
	}

	static void take(Api api, String token, String number, String transition, int status) {
		Response r = api.post("/api/v1/work-items/" + number + "/transitions/" + transition, token, "{}");
		assertThat(r.status()).as(transition + ": " + r.body()).isEqualTo(status);
	}

	static JsonNode put(Api api, String token, String path, Map<String, ?> body) {
		Response r = api.put(path, token, Api.json(body));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private static Response editOs(Api api, String token, String number, String version, String change) {
		JsonNode ci = api.get("/api/v1/cmdb/cis/" + number, token).json();
		Map<String, Object> form = new HashMap<>();
		form.put("name", ci.get("name").asString());
		form.put("state", "IN_SERVICE");
		form.put("groupId", ci.get("group").get("id").asLong());
		form.put("version", ci.get("version").asInt());
		form.put("reason", "操作系统升级");
		form.put("changeNumber", change);
		Map<String, String> attributes = new HashMap<>();
		ci.get("values").forEach((v) -> {
			if (v.get("value") != null && !v.get("value").isNull()) {
				attributes.put(v.get("attribute").get("code").asString(), v.get("value").asString());
			}
		});
		attributes.put("os_version", version);
		form.put("attributes", attributes);
		return api.put("/api/v1/cmdb/cis/" + number, token, Api.json(form));
	}

	private static List<String> names(JsonNode refs) {
		List<String> out = new ArrayList<>();
		refs.forEach((r) -> out.add(r.get("name").asString()));
		return out;
	}

	private static List<String> codes(JsonNode violations) {
		List<String> out = new ArrayList<>();
		violations.forEach((v) -> out.add(v.get("field").asString()));
		return out;
	}

	private static List<String> counted(JsonNode value) {
		List<String> out = new ArrayList<>();
		value.get("records").forEach((r) -> {
			if (r.get("counted").asBoolean()) {
				out.add(r.get("label").asString().split(" ")[0]);
			}
		});
		return out;
	}

}
