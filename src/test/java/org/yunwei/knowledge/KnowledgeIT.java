package org.yunwei.knowledge;

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
 * The knowledge base over REST (7.6.1): an article drafted from a resolved incident is
 * reviewed and published through its approval, found by a Chinese word of its body by
 * those its visibility allows, revised (the earlier version kept), rated, applied on a
 * ticket (counted as used once that ticket is resolved), retired; the gap report and the
 * two indicators follow the records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=servicedesk", "yunwei.test.schema-suffix=_servicedesk",
		"yunwei.service-desk.group=SD-IT" })
class KnowledgeIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void anArticleFromAnIncidentIsReviewedPublishedFoundUsedAndRetired() throws Exception {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person agent = people.create("kbagent", null, "SERVICE_DESK_AGENT");
		Person manager = people.create("kbmanager", null, "OM_MANAGER");
		Person user = people.create("kbuser", null, "DEPARTMENT_USER");
		people.joinGroup("SD-IT", "服务台", agent);
		String agentToken = api.token(agent.username(), TestUsers.PASSWORD);
		String managerToken = api.token(manager.username(), TestUsers.PASSWORD);
		String userToken = api.token(user.username(), TestUsers.PASSWORD);
		String tag = "kbt" + agent.id();
		JsonNode before761 = indicator(api, managerToken, "7.6.1-1");

		// an incident, resolved by the agent
		String incident = api
			.post("/api/v1/tickets", userToken, Api.json(Map.of("kind", "INCIDENT", "title", "财务室打印机打印出来全是乱码 " + tag,
					"description", "从财务系统打印凭证时，打印机输出一页页乱码。")))
			.json()
			.get("number")
			.asString();
		api.post("/api/v1/work-items/" + incident + "/transitions/take", agentToken, "{}");
		Response early = api.post("/api/v1/knowledge/from-ticket/" + incident, agentToken, "");
		assertThat(early.status()).as("only a resolved incident").isEqualTo(409);
		Response resolved = api.post("/api/v1/work-items/" + incident + "/transitions/resolve", agentToken,
				Api.json(Map.of("comment", "打印机驱动被自动更新为通用驱动，重新安装厂商 PCL6 驱动后恢复正常。")));
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);

		// one click to a draft
		Response drafted = api.post("/api/v1/knowledge/from-ticket/" + incident, agentToken, "");
		assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
		JsonNode article = drafted.json();
		String number = article.get("number").asString();
		assertThat(article.get("state").asString()).isEqualTo("DRAFT");
		assertThat(article.get("sourceNumber").asString()).isEqualTo(incident);
		assertThat(article.get("visibility").asString()).isEqualTo("INTERNAL");
		assertThat(article.get("draft").get("title").asString()).contains("打印机打印出来全是乱码");
		assertThat(article.get("draft").get("body").asString()).contains("从财务系统打印凭证时").contains("重新安装厂商 PCL6 驱动");
		assertThat(api.get("/api/v1/knowledge/articles/" + number, userToken).status()).as("a draft is not for readers")
			.isEqualTo(404);

		// made public, then a conflicting edit is refused
		Map<String, Object> form = new java.util.HashMap<>(Map.of("title", "打印凭证出现乱码的处理 " + tag, "body",
				article.get("draft").get("body").asString(), "keywords", "乱码 驱动 PCL6", "visibility", "PUBLIC",
				"reviewMonths", 6, "version", article.get("version").asInt()));
		Response saved = api.put("/api/v1/knowledge/articles/" + number, agentToken, Api.json(form));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(api.put("/api/v1/knowledge/articles/" + number, agentToken, Api.json(form)).status())
			.as("the same version again")
			.isEqualTo(409);
		form.put("visibility", "GROUP");
		form.put("version", saved.json().get("version").asInt());
		assertThat(api.put("/api/v1/knowledge/articles/" + number, agentToken, Api.json(form)).status())
			.as("chosen groups without a group")
			.isEqualTo(422);

		// submitted: a review work item; the manager approves it and it is published
		Response submitted = api.post("/api/v1/knowledge/articles/" + number + "/submission", agentToken, "");
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		String review = submitted.json().get("draft").get("approvalNumber").asString();
		assertThat(review).startsWith("KBA-");
		assertThat(api.put("/api/v1/knowledge/articles/" + number, agentToken,
				Api.json(Map.of("title", "x", "visibility", "PUBLIC", "version",
						submitted.json().get("version").asInt())))
			.status()).as("frozen while in review").isEqualTo(409);
		decide(api, review, manager, managerToken, true, "内容准确");
		JsonNode published = api.get("/api/v1/knowledge/articles/" + number, agentToken).json();
		assertThat(published.get("state").asString()).isEqualTo("PUBLISHED");
		assertThat(published.get("current").get("label").asInt()).isEqualTo(1);
		assertThat(published.get("nextReviewOn").asString()).isNotEmpty();

		// found by a Chinese word of its body, by a department user (public)
		JsonNode found = awaitKnowledge(api, userToken, "驱动 " + tag, 1);
		assertThat(found.get("hits").get(0).get("number").asString()).isEqualTo(number);
		assertThat(found.toString()).contains("<mark>驱动</mark>");
		JsonNode suggestions = api
			.get("/api/v1/knowledge/suggestions?text="
					+ java.net.URLEncoder.encode("打印机打印乱码怎么办 " + tag, java.nio.charset.StandardCharsets.UTF_8),
					agentToken)
			.json();
		assertThat(suggestions.toString()).contains(number);

		// readers answer "was this helpful"; each once
		api.post("/api/v1/knowledge/articles/" + number + "/feedback", userToken, Api.json(Map.of("helpful", false)));
		JsonNode rated = api
			.post("/api/v1/knowledge/articles/" + number + "/feedback", userToken,
					Api.json(Map.of("helpful", true, "comment", "按步骤解决了")))
			.json();
		assertThat(rated.get("helpfulYes").asInt()).isEqualTo(1);
		assertThat(rated.get("helpfulNo").asInt()).isZero();
		assertThat(rated.get("myVote").asBoolean()).isTrue();

		// applied on a new incident: used once that incident is resolved
		String second = api
			.post("/api/v1/tickets", userToken,
					Api.json(Map.of("kind", "INCIDENT", "title", "打印乱码 " + tag, "description", "又出现乱码了")))
			.json()
			.get("number")
			.asString();
		api.post("/api/v1/work-items/" + second + "/transitions/take", agentToken, "{}");
		Response used = api.post("/api/v1/knowledge/articles/" + number + "/uses", agentToken,
				Api.json(Map.of("ticket", second)));
		assertThat(used.status()).as(used.body()).isEqualTo(201);
		assertThat(api
			.post("/api/v1/knowledge/articles/" + number + "/uses", agentToken, Api.json(Map.of("ticket", second)))
			.status()).isEqualTo(409);
		assertThat(api
			.post("/api/v1/knowledge/articles/" + number + "/uses", userToken, Api.json(Map.of("ticket", second)))
			.status()).as("only those who work on tickets").isEqualTo(403);
		assertThat(api.get("/api/v1/knowledge/articles/" + number, agentToken).json().get("uses").asLong())
			.as("not yet resolved")
			.isZero();
		api.post("/api/v1/work-items/" + second + "/transitions/resolve", agentToken,
				Api.json(Map.of("comment", "按 " + number + " 重装驱动。")));
		assertThat(api.get("/api/v1/knowledge/articles/" + number, agentToken).json().get("uses").asLong())
			.isEqualTo(1);

		// the indicators: one more article in effect, and it was used this month
		JsonNode after761 = indicator(api, managerToken, "7.6.1-1");
		assertThat(after761.get("numerator").asLong()).isEqualTo(before761.get("numerator").asLong() + 1);
		JsonNode use = indicator(api, managerToken, "7.6.1-2");
		assertThat(use.get("records").toString()).contains(number);
		boolean counted = false;
		for (JsonNode r : use.get("records")) {
			if (r.get("label").asString().startsWith(number)) {
				counted = r.get("counted").asBoolean();
			}
		}
		assertThat(counted).as("the article counts as used").isTrue();

		// revised: the new version is a draft until approved; the first one is kept
		JsonNode current = api.get("/api/v1/knowledge/articles/" + number, agentToken).json();
		Map<String, Object> revision = new java.util.HashMap<>(form);
		revision.put("visibility", "PUBLIC");
		revision.put("body", current.get("current").get("body").asString() + "\n\n补充：Windows 更新后需再次检查驱动。");
		revision.put("changeNote", "补充更新后的检查");
		revision.put("version", current.get("version").asInt());
		JsonNode revised = api.put("/api/v1/knowledge/articles/" + number, agentToken, Api.json(revision)).json();
		assertThat(revised.get("draft").get("label").asInt()).isEqualTo(2);
		assertThat(revised.get("current").get("label").asInt()).isEqualTo(1);
		JsonNode second2 = api.post("/api/v1/knowledge/articles/" + number + "/submission", agentToken, "").json();
		decide(api, second2.get("draft").get("approvalNumber").asString(), manager, managerToken, false, "请附上截图");
		JsonNode returned = api.get("/api/v1/knowledge/articles/" + number, agentToken).json();
		assertThat(returned.get("draft").get("state").asString()).isEqualTo("DRAFT");
		assertThat(returned.get("draft").get("rejectedReason").asString()).isEqualTo("请附上截图");
		Response file = api
			.upload("/api/v1/knowledge/articles/" + number + "/files", agentToken, "驱动设置.png", java.util.Base64
				.getDecoder()
				.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
		assertThat(file.status()).as(file.body()).isEqualTo(201);
		JsonNode third = api.post("/api/v1/knowledge/articles/" + number + "/submission", agentToken, "").json();
		decide(api, third.get("draft").get("approvalNumber").asString(), manager, managerToken, true, "可以");
		JsonNode v2 = api.get("/api/v1/knowledge/articles/" + number, agentToken).json();
		assertThat(v2.get("current").get("label").asInt()).isEqualTo(2);
		assertThat(v2.get("history").get(0).get("label").asInt()).isEqualTo(1);
		assertThat(v2.get("history").get(0).get("state").asString()).isEqualTo("SUPERSEDED");
		assertThat(v2.get("files").get(0).get("fileName").asString()).isEqualTo("驱动设置.png");
		awaitKnowledge(api, userToken, "Windows 更新 " + tag, 1);

		// retired: no longer found
		assertThat(api
			.post("/api/v1/knowledge/articles/" + number + "/retirement", agentToken, Api.json(Map.of("reason", "x")))
			.status()).as("a manager retires").isEqualTo(403);
		Response retired = api.post("/api/v1/knowledge/articles/" + number + "/retirement", managerToken,
				Api.json(Map.of("reason", "驱动问题已由桌面管理统一处理")));
		assertThat(retired.status()).as(retired.body()).isEqualTo(200);
		awaitKnowledge(api, userToken, "驱动 " + tag, 0);
		assertThat(api.get("/api/v1/knowledge/articles/" + number, userToken).status()).isEqualTo(404);

		// every step is in the audit trail
		String auditor = api.token("auditadmin", Api.ADMIN_PASSWORD);
		java.util.List<String> trail = new java.util.ArrayList<>();
		for (JsonNode e : api
			.get("/api/v1/audit?recordType=article&recordId=" + v2.get("id").asLong() + "&size=100", auditor)
			.json()
			.get("items")) {
			trail.add(e.get("summary").asString());
		}
		assertThat(trail).contains(number + " created", number + " submitted", number + " published",
				number + " returned", number + " fileAttached", number + " retired");
	}

	@Test
	void visibilityDecidesWhoReadsAndFinds() throws Exception {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person author = people.create("kbvauthor", null, "ENGINEER");
		Person manager = people.create("kbvmanager", null, "OM_MANAGER");
		Person member = people.create("kbvmember", null, "ENGINEER");
		Person outsider = people.create("kbvoutsider", null, "ENGINEER");
		Person user = people.create("kbvuser", null, "DEPARTMENT_USER");
		long dba = people.group("kbv-dba-" + author.id(), "数据库组", author, member);
		String authorToken = api.token(author.username(), TestUsers.PASSWORD);
		String managerToken = api.token(manager.username(), TestUsers.PASSWORD);
		String tag = "kbv" + author.id();
		Map<String, String> numbers = new java.util.HashMap<>();
		for (String visibility : List.of("INTERNAL", "GROUP")) {
			Map<String, Object> form = new java.util.HashMap<>(Map.of("title", "数据库主备切换步骤 " + visibility + " " + tag,
					"body", "1. 确认备库同步延迟为零。\n2. 在主库执行切换。", "visibility", visibility));
			if (visibility.equals("GROUP")) {
				form.put("groupIds", List.of(dba));
			}
			Response created = api.post("/api/v1/knowledge/articles", authorToken, Api.json(form));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			String number = created.json().get("number").asString();
			numbers.put(visibility, number);
			JsonNode s = api.post("/api/v1/knowledge/articles/" + number + "/submission", authorToken, "").json();
			decide(api, s.get("draft").get("approvalNumber").asString(), manager, managerToken, true, "同意");
		}
		awaitKnowledge(api, authorToken, "数据库 " + tag, 2);
		String memberToken = api.token(member.username(), TestUsers.PASSWORD);
		String outsiderToken = api.token(outsider.username(), TestUsers.PASSWORD);
		String userToken = api.token(user.username(), TestUsers.PASSWORD);
		assertThat(numbersOf(search(api, memberToken, "数据库 " + tag))).containsExactlyInAnyOrder(numbers.get("INTERNAL"),
				numbers.get("GROUP"));
		assertThat(numbersOf(search(api, outsiderToken, "数据库 " + tag))).containsExactly(numbers.get("INTERNAL"));
		assertThat(numbersOf(search(api, userToken, "数据库 " + tag))).as("nothing internal for a department user")
			.isEmpty();
		assertThat(api.get("/api/v1/knowledge/articles/" + numbers.get("GROUP"), outsiderToken).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/knowledge/articles/" + numbers.get("INTERNAL"), userToken).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/knowledge/articles/" + numbers.get("GROUP"), memberToken).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/knowledge/articles?size=100", outsiderToken).body())
			.contains(numbers.get("INTERNAL"))
			.doesNotContain(numbers.get("GROUP"));
		assertThat(api.get("/api/v1/knowledge/gaps?days=90", authorToken).status()).as("for knowledge managers")
			.isEqualTo(403);
		// the gap report: a category with three incidents and no article is a gap
		long category = api
			.post("/api/v1/incident-categories", managerToken,
					Api.json(Map.of("code", "kbv-gap-" + author.id(), "nameZh", "投影设备" + tag, "nameEn", "Projectors")))
			.json()
			.get("id")
			.asLong();
		for (int i = 0; i < 3; i++) {
			String n = api
				.post("/api/v1/tickets", userToken,
						Api.json(Map.of("kind", "INCIDENT", "title", "投影仪无信号 " + i, "description", "会议室投影仪无信号")))
				.json()
				.get("number")
				.asString();
			Response d = api.put("/api/v1/incidents/" + n + "/details", managerToken,
					Api.json(Map.of("version", 0, "categoryId", category)));
			assertThat(d.status()).as(d.body()).isEqualTo(200);
		}
		Response gaps = api.get("/api/v1/knowledge/gaps?days=90", managerToken);
		assertThat(gaps.status()).isEqualTo(200);
		JsonNode gap = null;
		for (JsonNode g : gaps.json()) {
			if (g.get("category").get("id").asLong() == category) {
				gap = g;
			}
		}
		assertThat(gap).as("the new category is in the report").isNotNull();
		assertThat(gap.get("incidents").asLong()).isEqualTo(3);
		assertThat(gap.get("articles").asLong()).isZero();
		assertThat(gap.get("gap").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/knowledge/gaps?days=9999", managerToken).status()).isEqualTo(422);
	}

	static void decide(Api api, String approvalNumber, Person manager, String managerToken, boolean approve,
			String comment) {
		JsonNode approvals = api.get("/api/v1/work-items/" + approvalNumber + "/approvals", managerToken).json();
		long stepId = -1;
		for (JsonNode s : approvals.get(0).get("steps")) {
			if (s.get("approverId").asLong() == manager.id()) {
				stepId = s.get("id").asLong();
			}
		}
		assertThat(stepId).as("the manager is asked").isPositive();
		Response decided = api.post("/api/v1/work-items/approval-steps/" + stepId + "/decision", managerToken,
				Api.json(Map.of("approve", approve, "comment", comment)));
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
	}

	private static JsonNode indicator(Api api, String token, String code) {
		Response r = api.get("/api/v1/indicators/" + code + "?period="
				+ java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")), token);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	static JsonNode search(Api api, String token, String q) {
		Response r = api.get(
				"/api/v1/knowledge/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8),
				token);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	static JsonNode awaitKnowledge(Api api, String token, String q, int total) throws InterruptedException {
		JsonNode last = null;
		for (int i = 0; i < 100; i++) {
			last = search(api, token, q);
			if (last.get("total").asLong() == total) {
				return last;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("search for " + q + " never found " + total + ": " + last);
	}

	private static List<String> numbersOf(JsonNode results) {
		List<String> out = new java.util.ArrayList<>();
		results.get("hits").forEach((h) -> out.add(h.get("number").asString()));
		return out;
	}

}
