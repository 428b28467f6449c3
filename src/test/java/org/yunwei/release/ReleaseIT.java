package org.yunwei.release;

import java.time.LocalDateTime;
import java.time.ZoneId;
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
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Release management over REST (8.3.7): a major release of two changes, tested per
 * environment; with a failed acceptance test it cannot be authorised; after a passing one
 * it is authorised, deployed and logged, and its early-life support runs from the
 * deployment; an emergency release deployed without the tests its policy no longer asks
 * for counts as untested; the release indicators and a release review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=servicedesk", "yunwei.test.schema-suffix=_servicedesk",
		"yunwei.service-desk.group=SD-IT" })
class ReleaseIT {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aReleaseWithAFailedTestCannotBeAuthorisedAndAPassingOneIsDeployedAndLogged() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("rlmanager", null, "OM_MANAGER");
		Person engineer = people.create("rlengineer", null, "ENGINEER");
		Person head = people.create("rlhead", null, "OM_HEAD");
		long group = people.group("RL-" + engineer.id(), "应用组 " + engineer.id(), engineer);
		String managerToken = api.token(manager.username(), TestUsers.PASSWORD);
		String token = api.token(engineer.username(), TestUsers.PASSWORD);
		String headToken = api.token(head.username(), TestUsers.PASSWORD);
		String tag = String.valueOf(engineer.id());
		LocalDateTime night = LocalDateTime.now(ZONE).plusDays(3).withHour(22).withMinute(0).withSecond(0).withNano(0);

		String first = change(api, token, "门户网站改版 " + tag, group, night);
		String second = change(api, token, "门户网站搜索接口升级 " + tag, group, night.plusHours(1));

		Map<String, Object> form = new HashMap<>();
		form.put("releaseType", "MAJOR");
		form.put("title", "门户网站 V3.0 发布 " + tag);
		form.put("releaseVersion", "V3.0.0");
		form.put("groupId", group);
		Response raised = api.post("/api/v1/releases", token, Api.json(form));
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		String release = raised.json().get("number").asString();
		JsonNode r = raised.json();
		assertThat(r.get("policy").get("testEnvironments").toString()).contains("TEST", "UAT", "STAGING");
		assertThat(keys(api.get("/api/v1/releases/" + release + "/readiness", token).json()))
			.contains("release.error.changesRequired", "release.error.releasePlanRequired",
					"release.error.acceptanceRequired", "release.error.deployDateRequired")
			.contains("release.error.testMissing");

		// two changes; what is not a change is refused
		assertThat(api.post("/api/v1/releases/" + release + "/changes", token, Api.json(Map.of("change", release)))
			.status()).isEqualTo(422);
		for (String c : List.of(first, second)) {
			Response added = api.post("/api/v1/releases/" + release + "/changes", token, Api.json(Map.of("change", c)));
			assertThat(added.status()).as(added.body()).isEqualTo(200);
		}
		assertThat(
				api.post("/api/v1/releases/" + release + "/changes", token, Api.json(Map.of("change", first))).status())
			.as("the same change twice")
			.isEqualTo(409);
		Map<String, Object> plan = new HashMap<>();
		plan.put("version", api.get("/api/v1/releases/" + release, token).json().get("version").asInt());
		plan.put("releaseVersion", "V3.0.0");
		plan.put("plannedDeployAt", night.toString());
		plan.put("releasePlan", "周四晚 22:00 发布，应用组实施，服务台值守");
		plan.put("buildPlan", "由流水线从 release/3.0 分支构建镜像");
		plan.put("testPlan", "测试环境功能测试，验收环境业务验收，预发布环境性能测试");
		plan.put("acceptanceCriteria", "首页、搜索、办事指南三大功能业务部门签字验收");
		plan.put("rollbackPlan", "切回 V2.9 镜像并恢复数据库快照");
		JsonNode planned = api.put("/api/v1/releases/" + release + "/plan", token, Api.json(plan)).json();
		assertThat(planned.get("changes").size()).isEqualTo(2);

		// built and tested: acceptance fails, so it cannot be authorised
		assertThat(test(api, token, release, "TEST", "PASSED", "功能测试 126 项通过").status())
			.as("tests are recorded while building")
			.isEqualTo(409);
		take(api, token, release, "build", 200);
		assertThat(test(api, token, release, "TEST", "PASSED", "功能测试 126 项通过").status()).isEqualTo(200);
		assertThat(test(api, token, release, "UAT", "FAILED", "办事指南页面排版错乱").status()).isEqualTo(200);
		assertThat(test(api, token, release, "STAGING", "PASSED", "压测 500 并发响应正常").status()).isEqualTo(200);
		assertThat(test(api, token, release, "PRODUCTION", "PASSED", "x").status()).isEqualTo(422);
		Response refused = api.post("/api/v1/work-items/" + release + "/transitions/submit", token, "{}");
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("User acceptance").contains("latest one failed");
		assertThat(api.get("/api/v1/releases/" + release, token).json().get("state").asString()).isEqualTo("building");

		// after a passing acceptance test: authorised, deployed and logged
		assertThat(test(api, token, release, "UAT", "PASSED", "修复后业务部门验收通过").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/releases/" + release + "/readiness", token).json().size()).isZero();
		take(api, token, release, "submit", 200);
		JsonNode step = null;
		for (JsonNode s : api.get("/api/v1/work-items/" + release + "/approvals", token).json().get(0).get("steps")) {
			if (s.get("approverId").asLong() == head.id()) {
				step = s;
			}
		}
		assertThat(step).as("the O&M head is asked").isNotNull();
		Response authorised = api.post("/api/v1/work-items/approval-steps/" + step.get("id").asLong() + "/decision",
				headToken, Api.json(Map.of("approve", true)));
		assertThat(authorised.status()).as(authorised.body()).isEqualTo(200);
		JsonNode deploying = api.get("/api/v1/releases/" + release, token).json();
		assertThat(deploying.get("state").asString()).isEqualTo("deploying");
		assertThat(deploying.get("authorisedAt").isNull()).isFalse();
		assertThat(test(api, token, release, "UAT", "FAILED", "x").status()).isEqualTo(409);
		take(api, token, release, "deployed", 409);
		assertThat(deploy(api, token, release, "PRODUCTION", "SUCCEEDED", false, "x", LocalDateTime.now(ZONE),
				LocalDateTime.now(ZONE).plusHours(2))
			.status()).as("a deployment is logged once it has happened").isEqualTo(422);
		LocalDateTime start = LocalDateTime.now(ZONE);
		assertThat(deploy(api, token, release, "STAGING", "SUCCEEDED", false, "预发布切换镜像", start, start).status())
			.isEqualTo(200);
		assertThat(deploy(api, token, release, "PRODUCTION", "SUCCEEDED", false, "", start, start).status())
			.as("the log says what was done")
			.isEqualTo(422);
		Response logged = deploy(api, token, release, "PRODUCTION", "SUCCEEDED", false,
				"22:00 停止旧版本\n22:10 启动 V3.0 镜像\n22:25 冒烟测试通过", LocalDateTime.now(ZONE), LocalDateTime.now(ZONE));
		assertThat(logged.status()).as(logged.body()).isEqualTo(200);
		take(api, token, release, "deployed", 200);
		JsonNode deployed = api.get("/api/v1/releases/" + release, token).json();
		assertThat(deployed.get("state").asString()).isEqualTo("earlyLife");
		assertThat(deployed.get("deploymentOutcome").asString()).isEqualTo("SUCCEEDED");
		assertThat(deployed.get("rollbackUsed").asBoolean()).isFalse();
		assertThat(deployed.get("testedBefore").asBoolean()).isTrue();
		assertThat(deployed.get("deployments").size()).isEqualTo(2);
		assertThat(java.time.Duration
			.between(java.time.Instant.parse(deployed.get("deployedAt").asString()),
					java.time.Instant.parse(deployed.get("earlyLifeUntil").asString()))
			.toDays()).isEqualTo(14);
		take(api, token, release, "close", 403);
		take(api, managerToken, release, "close", 200);

		// the policy: only a manager sets it; an emergency release the policy lets go
		// untested counts as untested
		JsonNode emergencyPolicy = policy(api, token, "EMERGENCY");
		Map<String, Object> loose = new HashMap<>();
		loose.put("version", emergencyPolicy.get("version").asInt());
		loose.put("testEnvironments", List.of());
		loose.put("acceptanceRequired", false);
		loose.put("rollbackRequired", false);
		loose.put("earlyLifeDays", 3);
		assertThat(api.put("/api/v1/releases/policy/EMERGENCY", token, Api.json(loose)).status()).isEqualTo(403);
		Response saved = api.put("/api/v1/releases/policy/EMERGENCY", managerToken, Api.json(loose));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		String hotfix = emergencyRelease(api, token, headToken, head, group, tag, first);
		Map<String, Object> strict = new HashMap<>(loose);
		strict.put("version", saved.json().get("version").asInt());
		strict.put("testEnvironments", List.of("TEST"));
		strict.put("rollbackRequired", true);
		assertThat(api.put("/api/v1/releases/policy/EMERGENCY", managerToken, Api.json(strict)).status())
			.isEqualTo(200);

		String month = java.time.YearMonth.now(ZONE).toString();
		JsonNode success = api.get("/api/v1/indicators/8.3.7-1?period=" + month, managerToken).json();
		assertThat(counted(success)).contains(release, hotfix);
		JsonNode untested = api.get("/api/v1/indicators/8.3.7-2?period=" + month, managerToken).json();
		assertThat(counted(untested)).contains(hotfix).doesNotContain(release);

		// a release review of the month, its figures counted from the records
		String today = java.time.LocalDate.now(ZONE).toString();
		Map<String, Object> review = Map.of("from", java.time.LocalDate.now(ZONE).withDayOfMonth(1).toString(), "to",
				today, "findings", "验收环境问题发现较晚", "improvements", "验收前增加页面兼容性检查");
		assertThat(api.post("/api/v1/releases/reviews", token, Api.json(review)).status()).isEqualTo(403);
		Response held = api.post("/api/v1/releases/reviews", managerToken, Api.json(review));
		assertThat(held.status()).as(held.body()).isEqualTo(201);
		assertThat(held.json().get("releases").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(held.json().get("successful").asInt()).isGreaterThanOrEqualTo(2);
	}

	private static String emergencyRelease(Api api, String token, String headToken, Person head, long group, String tag,
			String change) {
		Map<String, Object> form = new HashMap<>();
		form.put("releaseType", "EMERGENCY");
		form.put("title", "门户网站紧急修复 " + tag);
		form.put("groupId", group);
		form.put("plannedDeployAt", LocalDateTime.now(ZONE).plusHours(1).withSecond(0).withNano(0).toString());
		String number = api.post("/api/v1/releases", token, Api.json(form)).json().get("number").asString();
		api.post("/api/v1/releases/" + number + "/changes", token, Api.json(Map.of("change", change)));
		Map<String, Object> plan = new HashMap<>();
		plan.put("version", api.get("/api/v1/releases/" + number, token).json().get("version").asInt());
		plan.put("plannedDeployAt", form.get("plannedDeployAt"));
		plan.put("releasePlan", "立即发布补丁");
		plan.put("testPlan", "上线后冒烟");
		assertThat(api.put("/api/v1/releases/" + number + "/plan", token, Api.json(plan)).status()).isEqualTo(200);
		take(api, token, number, "build", 200);
		take(api, token, number, "submit", 200);
		for (JsonNode s : api.get("/api/v1/work-items/" + number + "/approvals", token).json().get(0).get("steps")) {
			if (s.get("approverId").asLong() == head.id()) {
				api.post("/api/v1/work-items/approval-steps/" + s.get("id").asLong() + "/decision", headToken,
						Api.json(Map.of("approve", true)));
			}
		}
		LocalDateTime now = LocalDateTime.now(ZONE);
		assertThat(deploy(api, token, number, "PRODUCTION", "SUCCEEDED", false, "替换补丁包并重启", now, now).status())
			.isEqualTo(200);
		take(api, token, number, "deployed", 200);
		assertThat(api.get("/api/v1/releases/" + number, token).json().get("testedBefore").asBoolean())
			.as("deployed without any test")
			.isFalse();
		return number;
	}

	private static String change(Api api, String token, String title, long group, LocalDateTime start) {
		Map<String, Object> form = new HashMap<>();
		form.put("changeType", "NORMAL");
		form.put("title", title);
		form.put("groupId", group);
		form.put("plannedStart", start.toString());
		form.put("plannedEnd", start.plusHours(1).toString());
		Response r = api.post("/api/v1/changes", token, Api.json(form));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	private static Response test(Api api, String token, String release, String env, String result, String summary) {
		return api.post("/api/v1/releases/" + release + "/tests", token,
				Api.json(Map.of("environment", env, "result", result, "summary", summary)));
	}

	private static Response deploy(Api api, String token, String release, String env, String outcome, boolean rollback,
			String log, LocalDateTime start, LocalDateTime end) {
		return api.post("/api/v1/releases/" + release + "/deployments", token,
				Api.json(Map.of("environment", env, "outcome", outcome, "rollbackUsed", rollback, "log", log,
						"startedAt", start.toString(), "finishedAt", end.toString())));
	}

	private static JsonNode policy(Api api, String token, String type) {
		for (JsonNode p : api.get("/api/v1/releases/policy", token).json()) {
			if (type.equals(p.get("type").asString())) {
				return p;
			}
		}
		throw new AssertionError("no policy " + type);
	}

	private static void take(Api api, String token, String number, String transition, int status) {
		Response r = api.post("/api/v1/work-items/" + number + "/transitions/" + transition, token, "{}");
		assertThat(r.status()).as(transition + ": " + r.body()).isEqualTo(status);
	}

	private static List<String> keys(JsonNode violations) {
		List<String> out = new ArrayList<>();
		violations.forEach((v) -> out.add(v.get("messageKey").asString()));
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
