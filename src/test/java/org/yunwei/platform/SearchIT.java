package org.yunwei.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import org.yunwei.platform.search.internal.SearchIndexer;
import org.yunwei.support.Api;
import org.yunwei.support.Api.Response;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kernel's full-text search over REST: Chinese words found by segmentation, results
 * ranked and highlighted, a requester never finding or seeing an internal work note, a
 * renamed person found by the new name, and the index checked against the database and
 * rebuilt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=servicedesk", "yunwei.test.schema-suffix=_servicedesk",
		"yunwei.service-desk.group=SD-IT" })
class SearchIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void findsWhatEachMaySeeRankedAndHighlighted() throws Exception {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person agent = people.create("sragent", null, "SERVICE_DESK_AGENT");
		Person user = people.create("sruser", null, "DEPARTMENT_USER");
		Person other = people.create("srother", null, "DEPARTMENT_USER");
		people.joinGroup("SD-IT", "服务台", agent);
		String agentToken = api.token(agent.username(), TestUsers.PASSWORD);
		String userToken = api.token(user.username(), TestUsers.PASSWORD);
		String otherToken = api.token(other.username(), TestUsers.PASSWORD);
		String tag = "srq" + agent.id();

		Response raised = api.post("/api/v1/tickets", userToken, Api
			.json(Map.of("kind", "INCIDENT", "title", "三楼彩色打印机卡纸 " + tag, "description", "打印机一直提示卡纸，已经重启过，还是不能打印。")));
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		String number = raised.json().get("number").asString();
		api.post("/api/v1/work-items/" + number + "/transitions/take", agentToken, "{}");
		assertThat(api
			.post("/api/v1/work-items/" + number + "/journal", agentToken,
					Api.json(Map.of("body", "内部备注：供应商工程师明天上门更换定影器 " + tag, "internal", true)))
			.status()).isEqualTo(201);
		assertThat(api
			.post("/api/v1/work-items/" + number + "/journal", agentToken, Api.json(Map.of("body", "已联系维修，请稍候。")))
			.status()).isEqualTo(201);

		// a Chinese word of the description, found once the index has caught up
		JsonNode found = awaitSearch(api, userToken, "打印机 " + tag, (r) -> r.get("total").asLong() == 1);
		JsonNode hit = found.get("hits").get(0);
		assertThat(hit.get("number").asString()).isEqualTo(number);
		assertThat(hit.get("kind").asString()).isEqualTo("workitem");
		assertThat(hit.get("subtype").asString()).isEqualTo("incident");
		assertThat(hit.get("path").asString()).isEqualTo("/work/incident/" + number);
		assertThat(hit.get("titleHtml").asString()).contains("<mark>打印机</mark>");
		assertThat(hit.toString()).contains("<mark>打印机</mark>一直提示卡纸");

		// the work note: the agent finds it and sees it highlighted; the requester does
		// not
		JsonNode byAgent = awaitSearch(api, agentToken, "定影器 " + tag, (r) -> r.get("total").asLong() == 1);
		assertThat(snippets(byAgent.get("hits").get(0), "notes")).anyMatch((s) -> s.contains("<mark>定影器</mark>"));
		JsonNode byUser = search(api, userToken, "定影器 " + tag);
		assertThat(byUser.get("total").asLong()).as("a requester never finds a work note").isZero();
		// the comment was written after the note: it may be indexed a moment later
		JsonNode userHit = awaitSearch(api, userToken, "维修 " + tag, (r) -> r.get("hits").size() == 1
				&& snippets(r.get("hits").get(0), "comments").stream().anyMatch((s) -> s.contains("<mark>维修</mark>")))
			.get("hits")
			.get(0);
		assertThat(snippets(userHit, "comments")).anyMatch((s) -> s.contains("已联系<mark>维修</mark>"));
		assertThat(userHit.toString()).as("nor sees it in a highlight").doesNotContain("定影");
		// someone else's ticket is not found at all
		assertThat(search(api, otherToken, "打印机 " + tag).get("total").asLong()).isZero();
		// the record number as typed
		assertThat(search(api, agentToken, number).get("hits").get(0).get("number").asString()).isEqualTo(number);
		// English words are stemmed: "printer" finds "printers"
		Response english = api.post("/api/v1/tickets", userToken, Api.json(Map.of("kind", "INCIDENT", "title",
				"Printers on floor 3 offline " + tag, "description", "None of the printers answer.")));
		String englishNumber = english.json().get("number").asString();
		JsonNode stemmed = awaitSearch(api, userToken, "printer " + tag, (r) -> r.get("total").asLong() == 1);
		assertThat(stemmed.get("hits").get(0).get("number").asString()).isEqualTo(englishNumber);

		// a renamed requester is found by the new name
		Response me = api.get("/api/v1/users/" + user.id(), api.token("sysadmin", Api.ADMIN_PASSWORD));
		String admin = api.token("sysadmin", Api.ADMIN_PASSWORD);
		Response renamed = api.patch("/api/v1/users/" + user.id(), admin,
				Api.json(Map.of("displayName", "欧阳" + tag, "version", me.json().get("version").asInt())));
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		JsonNode byName = awaitSearch(api, agentToken, "欧阳" + tag, (r) -> r.get("total").asLong() == 2);
		assertThat(byName.toString()).contains(number).contains(englishNumber);
		assertThat(api.get("/api/v1/work-items/" + number, agentToken).json().get("requester").get("name").asString())
			.as("the record shows the new name at once")
			.isEqualTo("欧阳" + tag);

		// bad input is refused with a problem
		Response tooLong = api.get("/api/v1/search?q=" + "x".repeat(201), agentToken);
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(api.get("/api/v1/search?q=a&size=500", agentToken).status()).isEqualTo(422);
	}

	@Test
	void theIndexIsCheckedAgainstTheDatabaseAndRebuilt() throws Exception {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person user = people.create("srreb", null, "DEPARTMENT_USER");
		String userToken = api.token(user.username(), TestUsers.PASSWORD);
		String admin = api.token("sysadmin", Api.ADMIN_PASSWORD);
		String tag = "srr" + user.id();
		api.post("/api/v1/tickets", userToken,
				Api.json(Map.of("kind", "INCIDENT", "title", "数据库连接超时 " + tag, "description", "财务系统报数据库连接超时。")));
		awaitSearch(api, userToken, "数据库 " + tag, (r) -> r.get("total").asLong() == 1);
		JsonNode status = awaitStatus(api, admin, (k) -> k.get("pending").asLong() == 0);
		assertThat(status.get("records").asLong()).isEqualTo(status.get("indexed").asLong());
		assertThat(api.get("/api/v1/search/status", userToken).status()).as("only the system administrator")
			.isEqualTo(403);
		assertThat(api.post("/api/v1/search/rebuild?kind=workitem", userToken, "").status()).isEqualTo(403);
		assertThat(api.post("/api/v1/search/rebuild?kind=nothing", admin, "").status()).isEqualTo(422);
		Response rebuild = api.post("/api/v1/search/rebuild?kind=workitem", admin, "");
		assertThat(rebuild.status()).isEqualTo(202);
		JsonNode after = awaitStatus(api, admin,
				(k) -> !k.get("rebuilding").asBoolean() && k.get("rebuiltAt") != null && !k.get("rebuiltAt").isNull());
		assertThat(after.get("indexed").asLong()).isEqualTo(after.get("records").asLong());
		assertThat(search(api, userToken, "数据库 " + tag).get("total").asLong()).isEqualTo(1);
	}

	@Test
	void queuedChangesAreAppliedInBatchesAndAfterACrash() throws Exception {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person user = people.create("srqueue", null, "DEPARTMENT_USER");
		String userToken = api.token(user.username(), TestUsers.PASSWORD);
		String admin = api.token("sysadmin", Api.ADMIN_PASSWORD);
		String tag = "srb" + user.id();
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			Response r = api.post("/api/v1/tickets", userToken,
					Api.json(Map.of("kind", "INCIDENT", "title", "邮箱无法登录 " + tag, "description", "第 " + i + " 位同事")));
			assertThat(r.status()).as(r.body()).isEqualTo(201);
			numbers.add(r.json().get("number").asString());
		}
		assertThat(awaitSearch(api, userToken, "邮箱 " + tag, (r) -> r.get("total").asLong() == 30).get("total").asLong())
			.as("a burst of changes is all indexed")
			.isEqualTo(30);
		awaitStatus(api, admin, (k) -> k.get("pending").asLong() == 0);

		// the application stopped after a change committed and before the index took it:
		// the change is still queued, and a start applies it
		JdbcTemplate jdbc = this.context.getBean(JdbcTemplate.class);
		jdbc.update("update wi_item set title = ? where number = ?", "会议室投影仪没有信号 " + tag, numbers.get(0));
		Long id = jdbc.queryForObject("select id from wi_item where number = ?", Long.class, numbers.get(0));
		jdbc.update("insert into pf_search_pending (kind, record_id) values ('workitem', ?)", id);
		assertThat(search(api, userToken, "投影仪 " + tag).get("total").asLong()).as("not applied yet").isZero();
		this.context.getBean(SearchIndexer.class).check();
		JsonNode hit = awaitSearch(api, userToken, "投影仪 " + tag, (r) -> r.get("total").asLong() == 1);
		assertThat(hit.get("hits").get(0).get("number").asString()).isEqualTo(numbers.get(0));
		awaitStatus(api, admin, (k) -> k.get("pending").asLong() == 0);
		assertThat(search(api, userToken, "邮箱 " + tag).get("total").asLong()).isEqualTo(29);
	}

	private static JsonNode awaitStatus(Api api, String token, Predicate<JsonNode> done) throws InterruptedException {
		JsonNode kind = null;
		for (int i = 0; i < 100; i++) {
			Response r = api.get("/api/v1/search/status", token);
			assertThat(r.status()).as(r.body()).isEqualTo(200);
			for (JsonNode k : r.json()) {
				if (k.get("kind").asString().equals("workitem")) {
					kind = k;
				}
			}
			if (kind != null && done.test(kind)) {
				return kind;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the index did not get there: " + kind);
	}

	static JsonNode search(Api api, String token, String q) {
		Response r = api
			.get("/api/v1/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8), token);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	/**
	 * Searches until the index has caught up (it is written after commit, on its own
	 * thread).
	 */
	static JsonNode awaitSearch(Api api, String token, String q, Predicate<JsonNode> done) throws InterruptedException {
		JsonNode last = null;
		for (int i = 0; i < 100; i++) {
			last = search(api, token, q);
			if (done.test(last)) {
				return last;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("search for " + q + " never got there: " + last);
	}

	private static List<String> snippets(JsonNode hit, String field) {
		List<String> out = new ArrayList<>();
		for (JsonNode s : hit.get("snippets")) {
			if (s.get("field").asString().equals(field)) {
				out.add(s.get("html").asString());
			}
		}
		return out;
	}

}
