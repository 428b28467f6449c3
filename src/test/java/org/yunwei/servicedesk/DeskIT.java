package org.yunwei.servicedesk;

import java.nio.charset.StandardCharsets;
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
 * The agent console over REST (7.8): templates and canned replies kept by the desk's
 * lead; a call registered for the caller found by lookup, in the desk's queue until an
 * agent takes it; a duplicate merged into the ticket it repeats, whose requester then
 * hears of that ticket's progress; a "request" that is a fault turned into an incident
 * with its files.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=servicedesk", "yunwei.test.schema-suffix=_servicedesk",
		"yunwei.service-desk.group=SD-IT" })
class DeskIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void agentsWorkTheQueueTakeCallsMergeDuplicatesAndConvertTickets() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person lead = people.create("dklead", null, "OM_MANAGER");
		Person agent = people.create("dkagent", null, "SERVICE_DESK_AGENT");
		Person caller = people.create("dkcaller", null, "DEPARTMENT_USER");
		Person colleague = people.create("dkcolleague", null, "DEPARTMENT_USER");
		long desk = people.joinGroup("SD-IT", "服务台", agent);
		String leadToken = api.token(lead.username(), TestUsers.PASSWORD);
		String agentToken = api.token(agent.username(), TestUsers.PASSWORD);
		String callerToken = api.token(caller.username(), TestUsers.PASSWORD);
		String colleagueToken = api.token(colleague.username(), TestUsers.PASSWORD);

		// the desk's lead keeps templates; agents use them
		Map<String, Object> reply = Map.of("kind", "REPLY", "name", "已重置密码-dk", "body",
				"{requester}，您好：{number} 的密码已重置。{agent}");
		assertThat(api.post("/api/v1/desk/templates", agentToken, Api.json(reply)).status()).isEqualTo(403);
		Response created = api.post("/api/v1/desk/templates", leadToken, Api.json(reply));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(api.post("/api/v1/desk/templates", leadToken, Api.json(reply)).status()).as("the same name")
			.isEqualTo(422);
		Response noTitle = api.post("/api/v1/desk/templates", leadToken,
				Api.json(Map.of("kind", "TICKET", "name", "打印机-dk", "ticketKind", "INCIDENT", "body", "位置：")));
		assertThat(noTitle.status()).isEqualTo(422);
		assertThat(noTitle.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
		long replyId = created.json().get("id").asLong();
		assertThat(api.get("/api/v1/desk/templates?kind=REPLY", agentToken)
			.json()
			.valueStream()
			.map((t) -> t.get("name").asString())).contains("已重置密码-dk");
		assertThat(api.get("/api/v1/desk/templates?kind=REPLY", callerToken).status()).isEqualTo(403);
		Map<String, Object> stale = new HashMap<>(reply);
		stale.put("version", created.json().get("version").asInt() + 1);
		assertThat(api.put("/api/v1/desk/templates/" + replyId, leadToken, Api.json(stale)).status()).isEqualTo(409);

		// a call: the caller is looked up, the ticket registered for them by phone
		JsonNode found = api.get("/api/v1/desk/callers?q=" + caller.username(), agentToken).json();
		assertThat(found.size()).isEqualTo(1);
		assertThat(found.get(0).get("id").asLong()).isEqualTo(caller.id());
		assertThat(found.get(0).get("email").isNull()).isFalse();
		assertThat(api.get("/api/v1/desk/callers?q=" + caller.username(), callerToken).status()).isEqualTo(403);
		Map<String, Object> call = Map.of("kind", "INCIDENT", "title", "三楼打印机无法打印", "description", "卡纸，已重启无效。",
				"requesterId", caller.id(), "impact", 2, "urgency", 2);
		assertThat(api.post("/api/v1/desk/tickets", callerToken, Api.json(call)).status()).isEqualTo(403);
		Map<String, Object> forSomeoneElse = new HashMap<>(call);
		forSomeoneElse.put("requesterId", colleague.id());
		assertThat(api.post("/api/v1/tickets", callerToken, Api.json(forSomeoneElse)).status())
			.as("a department user raises tickets only for themselves")
			.isEqualTo(403);
		Response phoned = api.post("/api/v1/desk/tickets", agentToken, Api.json(call));
		assertThat(phoned.status()).as(phoned.body()).isEqualTo(201);
		String incident = phoned.json().get("number").asString();
		assertThat(phoned.json().get("requester").get("id").asLong()).isEqualTo(caller.id());
		assertThat(phoned.json().get("impact").asInt()).isEqualTo(2);
		assertThat(phoned.json().get("group").get("id").asLong()).isEqualTo(desk);
		assertThat(api.get("/api/v1/tickets/" + incident, callerToken).json().get("channel").asString())
			.isEqualTo("PHONE");

		// it waits in the desk's queue until an agent takes it
		JsonNode queue = queueOf(api, agentToken, desk);
		assertThat(queue.get("unassigned").asInt()).isPositive();
		int unassigned = queue.get("unassigned").asInt();
		JsonNode rows = api.get("/api/v1/desk/queues/" + desk, agentToken).json();
		assertThat(rows.valueStream()
			.filter((s) -> s.get("type").get("code").asString().equals("incident"))
			.flatMap((s) -> s.get("rows").valueStream())
			.map((r) -> r.get("number").asString())).contains(incident);
		assertThat(api.get("/api/v1/desk/queues", callerToken).status()).isEqualTo(403);
		Response taken = api.post("/api/v1/tickets/" + incident + "/take", agentToken, "{}");
		assertThat(taken.status()).as(taken.body()).isEqualTo(200);
		assertThat(taken.json().get("state").asString()).isEqualTo("inProgress");
		assertThat(taken.json().get("assignee").get("id").asLong()).isEqualTo(agent.id());
		assertThat(taken.json().get("firstResponseAt").isNull()).as("taking it answers the call").isFalse();
		assertThat(queueOf(api, agentToken, desk).get("unassigned").asInt()).isEqualTo(unassigned - 1);
		assertThat(api.get("/api/v1/desk/queues/mine", agentToken)
			.json()
			.valueStream()
			.flatMap((s) -> s.get("rows").valueStream())
			.map((r) -> r.get("number").asString())).contains(incident);
		JsonNode profile = api.get("/api/v1/desk/callers/" + caller.id(), agentToken).json();
		assertThat(profile.get("recent").valueStream().map((r) -> r.get("number").asString())).contains(incident);
		assertThat(profile.get("open").asInt()).isEqualTo(1);

		// a colleague reports the same fault on the portal: merged as a duplicate
		String duplicate = raise(api, colleagueToken, "INCIDENT", "打印机不能用了");
		assertThat(api.post("/api/v1/tickets/" + duplicate + "/merge", agentToken, Api.json(Map.of("into", duplicate)))
			.status()).as("into itself").isEqualTo(422);
		Response merged = api.post("/api/v1/tickets/" + duplicate + "/merge", agentToken,
				Api.json(Map.of("into", incident, "comment", "同一台打印机")));
		assertThat(merged.status()).as(merged.body()).isEqualTo(200);
		assertThat(merged.json().get("number").asString()).isEqualTo(incident);
		JsonNode dup = api.get("/api/v1/tickets/" + duplicate, colleagueToken).json();
		assertThat(dup.get("item").get("state").asString()).isEqualTo("cancelled");
		assertThat(dup.get("journal").valueStream().map((e) -> String.valueOf(e.get("body"))))
			.anyMatch((b) -> b.contains(incident) && b.contains("同一台打印机"));
		assertThat(api.get("/api/v1/work-items/" + duplicate + "/links", agentToken)
			.json()
			.valueStream()
			.map((l) -> l.get("kind").asString() + " " + l.get("otherNumber").asString()))
			.contains("DUPLICATES " + incident);
		assertThat(api.post("/api/v1/tickets/" + duplicate + "/merge", agentToken, Api.json(Map.of("into", incident)))
			.status()).as("already closed").isEqualTo(409);
		// the colleague now hears of the ticket their report was merged into
		resolve(api, agentToken, incident, "更换了定影组件。");
		assertThat(api.get("/api/v1/notifications", colleagueToken)
			.json()
			.get("items")
			.valueStream()
			.map((n) -> n.get("title").asString())).anyMatch((t) -> t.contains(incident));

		// a "request" that is a fault: turned into an incident, files and all
		String request = raise(api, callerToken, "REQUEST", "申请修复财务系统报错");
		Response file = api.upload("/api/v1/work-items/" + request + "/attachments", callerToken, "报错截图.txt",
				"ORA-12541".getBytes(StandardCharsets.UTF_8));
		assertThat(file.status()).as(file.body()).isEqualTo(201);
		Response converted = api.post("/api/v1/tickets/" + request + "/conversion", agentToken,
				Api.json(Map.of("comment", "这是故障，不是服务请求")));
		assertThat(converted.status()).as(converted.body()).isEqualTo(201);
		String into = converted.json().get("number").asString();
		assertThat(into).startsWith("INC-");
		assertThat(converted.json().get("requester").get("id").asLong()).isEqualTo(caller.id());
		assertThat(converted.json().get("title").asString()).isEqualTo("申请修复财务系统报错");
		assertThat(api.get("/api/v1/work-items/" + into + "/attachments", agentToken)
			.json()
			.valueStream()
			.map((a) -> a.get("fileName").asString())).containsExactly("报错截图.txt");
		JsonNode old = api.get("/api/v1/tickets/" + request, callerToken).json();
		assertThat(old.get("item").get("state").asString()).isEqualTo("cancelled");
		assertThat(old.get("journal").valueStream().map((e) -> String.valueOf(e.get("body"))))
			.anyMatch((b) -> b.contains(into));
		JsonNode now = api.get("/api/v1/tickets/" + into, callerToken).json();
		assertThat(now.get("channel").asString()).as("the channel it first came in through").isEqualTo("API");
		assertThat(api.post("/api/v1/tickets/" + request + "/conversion", agentToken, "{}").status())
			.as("a closed ticket is not converted again")
			.isEqualTo(409);
		assertThat(api.post("/api/v1/tickets/" + into + "/conversion", callerToken, "{}").status()).isEqualTo(403);
	}

	@Test
	void someoneWhoMayOnlyReportFaultsFollowsTheirTickets() {
		Api api = new Api(this.port);
		String secadmin = api.token("secadmin", Api.ADMIN_PASSWORD);
		String role = "FAULTS_" + (System.nanoTime() % 100000);
		Response created = api.post("/api/v1/roles", secadmin, Api.json(Map.of("code", role, "nameZh", "仅报障", "nameEn",
				"Faults only", "scope", "OWN", "permissions", java.util.List.of("incident:submit", "incident:read"))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Person reporter = new TestUsers(this.context).create("dkfaults", null, role);
		String token = api.token(reporter.username(), TestUsers.PASSWORD);
		String incident = raise(api, token, "INCIDENT", "投影仪无信号");
		Response mine = api.get("/api/v1/tickets/mine", token);
		assertThat(mine.status()).as("no request permission needed to follow one's faults").isEqualTo(200);
		assertThat(mine.json().valueStream().map((t) -> t.get("number").asString())).containsExactly(incident);
		assertThat(api
			.post("/api/v1/tickets", token, Api.json(Map.of("kind", "REQUEST", "title", "x", "description", "y")))
			.status()).isEqualTo(403);
	}

	private static JsonNode queueOf(Api api, String token, long group) {
		return api.get("/api/v1/desk/queues", token)
			.json()
			.valueStream()
			.filter((q) -> q.get("groupId").asLong() == group)
			.findFirst()
			.orElseThrow();
	}

	private static String raise(Api api, String token, String kind, String title) {
		Response r = api.post("/api/v1/tickets", token,
				Api.json(Map.of("kind", kind, "title", title, "description", title + "，请尽快处理。")));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	private static void resolve(Api api, String token, String number, String comment) {
		Response r = api.post("/api/v1/work-items/" + number + "/transitions/resolve", token,
				Api.json(Map.of("comment", comment)));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

}
