package org.yunwei.incident;

import java.net.URI;
import java.net.http.HttpRequest;
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
 * Incident management over REST (8.3.3): monitoring raises incidents idempotently; the
 * category tree; an incident's category, resolution and workaround; a major incident is
 * declared (highest priority, the stakeholders told), its updates reach them and its
 * requester, and it does not close before its post-incident review is completed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=servicedesk", "yunwei.test.schema-suffix=_servicedesk",
		"yunwei.service-desk.group=SD-IT" })
class IncidentIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void monitoringRaisesIncidentsOnceByKey() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person monitor = people.create("icmonitor", null, "ENGINEER");
		Person user = people.create("icuser", null, "DEPARTMENT_USER");
		String token = api.token(monitor.username(), TestUsers.PASSWORD);
		String alarm = Api.json(Map.of("title", "核心交换机 CPU 使用率 95%", "description", "zabbix: trigger 10231", "impact",
				2, "urgency", 1));
		Response first = raise(api, token, "zbx-10231-1", alarm);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		String number = first.json().get("number").asString();
		assertThat(first.json().get("impact").asInt()).isEqualTo(2);
		Response again = raise(api, token, "zbx-10231-1", alarm);
		assertThat(again.status()).as("a retried call").isEqualTo(200);
		assertThat(again.json().get("number").asString()).isEqualTo(number);
		Response other = raise(api, token, "zbx-10231-1",
				Api.json(Map.of("title", "另一个告警", "description", "zabbix: trigger 10232")));
		assertThat(other.status()).as("the key reused for another alarm").isEqualTo(422);
		assertThat(raise(api, token, "bad key with spaces", alarm).status()).isEqualTo(422);
		Response withoutKey = api.post("/api/v1/incidents", token, alarm);
		assertThat(withoutKey.status()).isEqualTo(201);
		assertThat(withoutKey.json().get("number").asString()).isNotEqualTo(number);
		assertThat(api.get("/api/v1/tickets/" + number, token).json().get("channel").asString()).isEqualTo("API");
		String userToken = api.token(user.username(), TestUsers.PASSWORD);
		assertThat(api
			.post("/api/v1/incidents", userToken,
					Api.json(Map.of("title", "x", "description", "y", "ciIds", java.util.List.of(1))))
			.status()).as("only staff name the CIs").isEqualTo(403);
	}

	@Test
	void aMajorIncidentIsDeclaredToldAndClosesOnlyAfterItsReview() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("icmanager", null, "OM_MANAGER");
		Person head = people.create("ichead", null, "OM_HEAD");
		Person agent = people.create("icagent", null, "SERVICE_DESK_AGENT");
		Person engineer = people.create("icengineer", null, "ENGINEER");
		Person user = people.create("icuser", null, "DEPARTMENT_USER");
		people.joinGroup("SD-IT", "服务台", agent);
		String managerToken = api.token(manager.username(), TestUsers.PASSWORD);
		String headToken = api.token(head.username(), TestUsers.PASSWORD);
		String agentToken = api.token(agent.username(), TestUsers.PASSWORD);
		String engineerToken = api.token(engineer.username(), TestUsers.PASSWORD);
		String userToken = api.token(user.username(), TestUsers.PASSWORD);

		// the category tree
		String hw = "ic-hw-" + manager.id();
		Response root = api.post("/api/v1/incident-categories", managerToken,
				Api.json(Map.of("code", hw, "nameZh", "硬件", "nameEn", "Hardware")));
		assertThat(root.status()).as(root.body()).isEqualTo(201);
		long rootId = root.json().get("id").asLong();
		Response printer = api.post("/api/v1/incident-categories", managerToken,
				Api.json(Map.of("code", hw + ".printer", "nameZh", "打印机", "nameEn", "Printers", "parentId", rootId)));
		assertThat(printer.json().get("pathZh").asString()).isEqualTo("硬件 / 打印机");
		assertThat(printer.json().get("depth").asInt()).isEqualTo(1);
		assertThat(api
			.post("/api/v1/incident-categories", agentToken,
					Api.json(Map.of("code", "x-" + agent.id(), "nameZh", "x", "nameEn", "x")))
			.status()).isEqualTo(403);
		assertThat(api
			.post("/api/v1/incident-categories", managerToken,
					Api.json(Map.of("code", hw, "nameZh", "硬件", "nameEn", "Hardware")))
			.status()).as("the same code").isEqualTo(422);
		Response cycle = api.put("/api/v1/incident-categories/" + rootId, managerToken,
				Api.json(Map.of("version", root.json().get("version").asInt(), "code", hw, "nameZh", "硬件", "nameEn",
						"Hardware", "parentId", printer.json().get("id").asLong())));
		assertThat(cycle.status()).as("under its own child").isEqualTo(422);

		// an incident: category, resolution, workaround
		Response raised = api.post("/api/v1/tickets", userToken,
				Api.json(Map.of("kind", "INCIDENT", "title", "全楼无法访问财务系统", "description", "所有人都打不开财务系统。")));
		String number = raised.json().get("number").asString();
		api.post("/api/v1/work-items/" + number + "/transitions/take", agentToken, "{}");
		Response details = api.put("/api/v1/incidents/" + number + "/details", agentToken,
				Api.json(Map.of("version", 0, "categoryId", printer.json().get("id").asLong(), "resolutionCode",
						"WORKAROUND", "workaround", "临时改用备用服务器地址 10.1.2.3")));
		assertThat(details.status()).as(details.body()).isEqualTo(200);
		assertThat(details.json().get("category").get("code").asString()).isEqualTo(hw + ".printer");
		assertThat(api
			.put("/api/v1/incidents/" + number + "/details", agentToken,
					Api.json(Map.of("version", 0, "resolutionCode", "FIXED")))
			.status()).as("a stale version").isEqualTo(409);
		assertThat(
				api.put("/api/v1/incidents/" + number + "/details", userToken, Api.json(Map.of("version", 1))).status())
			.isEqualTo(403);

		// declared a major incident: highest priority, the stakeholders told
		assertThat(api.post("/api/v1/incidents/" + number + "/major", engineerToken, Api.json(Map.of("reason", "x")))
			.status()).as("engineers do not declare").isEqualTo(403);
		assertThat(api.post("/api/v1/incidents/" + number + "/major", agentToken, Api.json(Map.of("reason", " ")))
			.status()).isEqualTo(422);
		Response declared = api.post("/api/v1/incidents/" + number + "/major", agentToken,
				Api.json(Map.of("reason", "全局范围的财务系统中断，影响全部业务处室")));
		assertThat(declared.status()).as(declared.body()).isEqualTo(200);
		assertThat(declared.json().get("major").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/work-items/" + number, agentToken).json().get("priority").asInt()).isEqualTo(1);
		assertThat(titles(api, headToken)).anyMatch((t) -> t.equals("【重大事件】" + number + " 全楼无法访问财务系统"));
		assertThat(titles(api, userToken)).anyMatch((t) -> t.startsWith("【重大事件】" + number));
		assertThat(api.post("/api/v1/incidents/" + number + "/major", agentToken, Api.json(Map.of("reason", "again")))
			.status()).isEqualTo(409);

		// an update reaches the stakeholders and the requester's journal
		Response update = api.post("/api/v1/incidents/" + number + "/major/updates", agentToken,
				Api.json(Map.of("message", "已定位为数据库主节点故障，正在切换到备节点，预计 30 分钟内恢复。")));
		assertThat(update.status()).as(update.body()).isEqualTo(200);
		assertThat(update.json().get("updates").get(0).get("notified").asInt()).isPositive();
		assertThat(titles(api, headToken)).anyMatch((t) -> t.startsWith("【重大事件通报】" + number));
		assertThat(api.get("/api/v1/tickets/" + number, userToken)
			.json()
			.get("journal")
			.valueStream()
			.map((e) -> String.valueOf(e.get("body")))).anyMatch((b) -> b.contains("正在切换到备节点"));

		// resolved; it does not close before its review
		Response resolved = api.post("/api/v1/work-items/" + number + "/transitions/resolve", agentToken,
				Api.json(Map.of("comment", "已切换到备节点，服务恢复。")));
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		Response early = api.post("/api/v1/tickets/" + number + "/acceptance", userToken,
				Api.json(Map.of("rating", 4, "version", resolved.json().get("version").asInt())));
		assertThat(early.status()).as(early.body()).isEqualTo(409);
		assertThat(early.json().get("detail").asString()).contains("post-incident review");
		Response partial = api.put("/api/v1/incidents/" + number + "/major/review", managerToken,
				Api.json(Map.of("summary", "数据库主节点宕机 40 分钟", "complete", true)));
		assertThat(partial.status()).isEqualTo(422);
		assertThat(partial.json().get("errors").valueStream().map((e) -> e.get("field").asString()))
			.containsExactlyInAnyOrder("cause", "actions", "lessons");
		assertThat(api
			.put("/api/v1/incidents/" + number + "/major/review", agentToken,
					Api.json(Map.of("summary", "x", "complete", false)))
			.status()).as("reviews are completed by the managers").isEqualTo(403);
		Response review = api.put("/api/v1/incidents/" + number + "/major/review", managerToken,
				Api.json(Map.of("summary", "数据库主节点宕机 40 分钟", "cause", "磁盘阵列控制器故障", "actions", "更换控制器；增加阵列健康监控",
						"lessons", "切换预案需每季度演练", "complete", true)));
		assertThat(review.status()).as(review.body()).isEqualTo(200);
		assertThat(review.json().get("review").get("reviewedBy").asString()).startsWith("icmanager");
		int version = api.get("/api/v1/work-items/" + number, userToken).json().get("version").asInt();
		Response accepted = api.post("/api/v1/tickets/" + number + "/acceptance", userToken,
				Api.json(Map.of("rating", 4, "version", version)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.json().get("item").get("state").asString()).isEqualTo("closed");
		assertThat(api
			.put("/api/v1/incidents/" + number + "/major/review", managerToken,
					Api.json(Map.of("summary", "改写", "complete", false)))
			.status()).as("a completed review stays as it was").isEqualTo(409);
	}

	@Test
	void aMassIncidentResolvesItsChildrenAndClosedRecordsAreSampledForQuality() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("qmmanager", null, "OM_MANAGER");
		Person agent = people.create("qmagent", null, "SERVICE_DESK_AGENT");
		Person first = people.create("qmfirst", null, "DEPARTMENT_USER");
		Person second = people.create("qmsecond", null, "DEPARTMENT_USER");
		people.joinGroup("SD-IT", "服务台", agent);
		String managerToken = api.token(manager.username(), TestUsers.PASSWORD);
		String agentToken = api.token(agent.username(), TestUsers.PASSWORD);
		String firstToken = api.token(first.username(), TestUsers.PASSWORD);
		String secondToken = api.token(second.username(), TestUsers.PASSWORD);
		String parent = ticket(api, firstToken, "二楼全部无法上网");
		String child = ticket(api, secondToken, "我的电脑上不了网");
		String onHold = ticket(api, firstToken, "会议室电视无法投屏");
		api.post("/api/v1/work-items/" + parent + "/transitions/take", agentToken, "{}");
		api.post("/api/v1/work-items/" + onHold + "/transitions/take", agentToken, "{}");
		api.post("/api/v1/work-items/" + onHold + "/transitions/wait", agentToken,
				Api.json(Map.of("comment", "等待网络恢复")));
		Response attached = api.post("/api/v1/incidents/" + child + "/parent", agentToken,
				Api.json(Map.of("parent", parent)));
		assertThat(attached.status()).as(attached.body()).isEqualTo(200);
		assertThat(attached.json().get("parent").get("otherNumber").asString()).isEqualTo(parent);
		assertThat(api.post("/api/v1/incidents/" + onHold + "/parent", agentToken, Api.json(Map.of("parent", parent)))
			.status()).isEqualTo(200);
		assertThat(api.post("/api/v1/incidents/" + child + "/parent", agentToken, Api.json(Map.of("parent", parent)))
			.status()).as("already a child").isEqualTo(409);
		assertThat(api.post("/api/v1/incidents/" + parent + "/parent", agentToken, Api.json(Map.of("parent", child)))
			.status()).as("one level").isEqualTo(422);
		assertThat(api.get("/api/v1/incidents/" + parent + "/family", agentToken).json().get("children").size())
			.isEqualTo(2);

		// the mass incident's resolution resolves its children, each requester is told
		Response resolved = api.post("/api/v1/work-items/" + parent + "/transitions/resolve", agentToken,
				Api.json(Map.of("comment", "更换了二楼汇聚交换机。")));
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		for (String n : java.util.List.of(child, onHold)) {
			JsonNode t = api.get("/api/v1/work-items/" + n, agentToken).json();
			assertThat(t.get("state").asString()).as(n).isEqualTo("resolved");
		}
		assertThat(api.get("/api/v1/tickets/" + child, secondToken)
			.json()
			.get("journal")
			.valueStream()
			.map((e) -> String.valueOf(e.get("body")))).anyMatch((b) -> b.contains(parent) && b.contains("汇聚交换机"));

		// closed, then drawn for the record quality review and judged
		accept(api, firstToken, parent);
		accept(api, secondToken, child);
		accept(api, firstToken, onHold);
		String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
		assertThat(
				api.post("/api/v1/incidents/quality/samples", agentToken, Api.json(Map.of("period", month, "size", 2)))
					.status())
			.isEqualTo(403);
		Response drawn = api.post("/api/v1/incidents/quality/samples", managerToken,
				Api.json(Map.of("period", month, "size", 2)));
		assertThat(drawn.status()).as(drawn.body()).isEqualTo(201);
		JsonNode sample = drawn.json();
		assertThat(sample.get("drawn").size()).isEqualTo(2);
		assertThat(sample.get("closed").asInt()).isGreaterThanOrEqualTo(3);
		long one = sample.get("drawn").get(0).get("id").asLong();
		long two = sample.get("drawn").get(1).get("id").asLong();
		Response noNote = api.post("/api/v1/incidents/quality/" + one, managerToken,
				Api.json(Map.of("accurate", false)));
		assertThat(noNote.status()).as(noNote.body()).isEqualTo(422);
		assertThat(api
			.post("/api/v1/incidents/quality/" + one, managerToken,
					Api.json(Map.of("accurate", false, "note", "分类应为网络而非硬件")))
			.status()).isEqualTo(200);
		assertThat(
				api.post("/api/v1/incidents/quality/" + two, managerToken, Api.json(Map.of("accurate", true))).status())
			.isEqualTo(200);
		JsonNode indicator = api.get("/api/v1/indicators/8.3.3-2?period=" + month, managerToken).json();
		assertThat(indicator.get("numerator").asLong()).isEqualTo(1);
		assertThat(indicator.get("denominator").asLong()).isEqualTo(2);
		assertThat(indicator.get("value").decimalValue()).isEqualByComparingTo("50.0");
		Response rest = api.post("/api/v1/incidents/quality/samples", managerToken,
				Api.json(Map.of("period", month, "size", 200)));
		assertThat(rest.status()).isEqualTo(201);
		assertThat(rest.json().get("drawn").size()).isEqualTo(rest.json().get("closed").asInt());
		assertThat(api
			.post("/api/v1/incidents/quality/samples", managerToken, Api.json(Map.of("period", month, "size", 1)))
			.status()).as("each incident is drawn once").isEqualTo(422);
	}

	private static String ticket(Api api, String token, String title) {
		Response r = api.post("/api/v1/tickets", token,
				Api.json(Map.of("kind", "INCIDENT", "title", title, "description", title + "。")));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	private static void accept(Api api, String token, String number) {
		int version = api.get("/api/v1/work-items/" + number, token).json().get("version").asInt();
		Response r = api.post("/api/v1/tickets/" + number + "/acceptance", token,
				Api.json(Map.of("rating", 5, "version", version)));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	private static java.util.List<String> titles(Api api, String token) {
		return api.get("/api/v1/notifications", token)
			.json()
			.get("items")
			.valueStream()
			.map((n) -> n.get("title").asString())
			.toList();
	}

	private Response raise(Api api, String token, String key, String body) {
		return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/incidents"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body)), token);
	}

}
