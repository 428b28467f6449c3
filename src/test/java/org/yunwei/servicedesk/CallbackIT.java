package org.yunwei.servicedesk;

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
 * Callbacks over REST (8.4.2 h): a rule makes resolved incidents get a callback task for
 * the service desk; "not satisfied" reopens the incident, "unreachable" closes it on the
 * caller's recorded decision, "satisfied" closes it on the requester's word; a request no
 * rule matches gets none, and only one callback is open per ticket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=servicedesk", "yunwei.test.schema-suffix=_servicedesk",
		"yunwei.service-desk.group=SD-IT" })
class CallbackIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void callbacksReopenOrCloseTheTicketTheyAreAbout() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("cbmanager", null, "OM_MANAGER");
		Person agent = people.create("cbagent", null, "SERVICE_DESK_AGENT");
		Person user = people.create("cbuser", null, "DEPARTMENT_USER");
		people.joinGroup("SD-IT", "服务台", agent);
		String managerToken = api.token(manager.username(), TestUsers.PASSWORD);
		String agentToken = api.token(agent.username(), TestUsers.PASSWORD);
		String userToken = api.token(user.username(), TestUsers.PASSWORD);

		assertThat(api.post("/api/v1/callback-rules", agentToken, Api.json(Map.of("kind", "INCIDENT"))).status())
			.isEqualTo(403);
		Response rule = api.post("/api/v1/callback-rules", managerToken, Api.json(Map.of("kind", "INCIDENT")));
		assertThat(rule.status()).as(rule.body()).isEqualTo(201);
		assertThat(api.post("/api/v1/callback-rules", managerToken, Api.json(Map.of("kind", "INCIDENT"))).status())
			.as("the same rule twice")
			.isEqualTo(422);

		String incident = raise(api, userToken, "INCIDENT", "财务系统打不开");
		api.post("/api/v1/work-items/" + incident + "/transitions/take", agentToken, "{}");
		resolve(api, agentToken, incident, "重启了应用服务。");
		String first = callbackOf(api, managerToken, incident, 1);
		assertThat(first).startsWith("CB-");
		assertThat(api.get("/api/v1/work-items/" + first, agentToken).json().get("state").asString()).isEqualTo("open");

		// not satisfied: the incident is worked on again
		Response unhappy = api.post("/api/v1/work-items/" + first + "/transitions/dissatisfied", agentToken,
				Api.json(Map.of("comment", "用户反映下午又打不开了")));
		assertThat(unhappy.status()).as(unhappy.body()).isEqualTo(200);
		JsonNode reopened = api.get("/api/v1/tickets/" + incident, userToken).json();
		assertThat(reopened.get("item").get("state").asString()).isEqualTo("inProgress");
		assertThat(reopened.get("journal").valueStream().map((e) -> String.valueOf(e.get("body"))))
			.anyMatch((b) -> b.contains(first) && b.contains("下午又打不开"));

		// resolved again: a new callback; the user cannot be reached, and who decided is
		// kept
		resolve(api, agentToken, incident, "扩容了应用服务器内存。");
		String second = callbackOf(api, managerToken, incident, 2);
		assertThat(second).isNotEqualTo(first);
		assertThat(api
			.post("/api/v1/work-items/" + second + "/transitions/unreachable", agentToken,
					Api.json(Map.of("comment", "两次电话无人接听")))
			.status()).isEqualTo(200);
		JsonNode closed = api.get("/api/v1/work-items/" + incident, agentToken).json();
		assertThat(closed.get("state").asString()).isEqualTo("closed");
		JsonNode journal = api.get("/api/v1/work-items/" + incident + "/journal", agentToken).json();
		assertThat(journal.valueStream()
			.filter((e) -> String.valueOf(e.get("body")).contains("两次电话无人接听"))
			.map((e) -> e.get("authorName").asString())).singleElement().asString().startsWith("cbagent");

		// satisfied on the phone: the incident closes on the requester's word
		String other = raise(api, userToken, "INCIDENT", "打印机卡纸");
		api.post("/api/v1/work-items/" + other + "/transitions/take", agentToken, "{}");
		resolve(api, agentToken, other, "清理了卡纸。");
		String third = callbackOf(api, managerToken, other, 1);
		assertThat(api
			.post("/api/v1/work-items/" + third + "/transitions/satisfied", agentToken,
					Api.json(Map.of("comment", "用户确认已可正常打印")))
			.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/work-items/" + other, agentToken).json().get("state").asString())
			.isEqualTo("closed");

		// a request matches no rule: no callback
		String request = raise(api, userToken, "REQUEST", "申请一个新邮箱");
		api.post("/api/v1/work-items/" + request + "/transitions/take", agentToken, "{}");
		resolve(api, agentToken, request, "邮箱已开通。");
		assertThat(api.get("/api/v1/work-items/" + request + "/links", managerToken).json().size()).isZero();

		// the department user does not see callback tasks
		assertThat(api.get("/api/v1/work-items/" + first, userToken).status()).isIn(403, 404);
		long ruleId = rule.json().get("id").asLong();
		assertThat(api.delete("/api/v1/callback-rules/" + ruleId, managerToken).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/callback-rules", managerToken).json().size()).isZero();
	}

	private static String raise(Api api, String token, String kind, String title) {
		Response r = api.post("/api/v1/tickets", token,
				Api.json(Map.of("kind", kind, "title", title, "description", title + "，请尽快处理。")));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	private static void resolve(Api api, String token, String number, String how) {
		Response r = api.post("/api/v1/work-items/" + number + "/transitions/resolve", token,
				Api.json(Map.of("comment", how)));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	/** The number of the ticket's latest callback, checking how many it has had. */
	private static String callbackOf(Api api, String token, String number, int expected) {
		List<String> callbacks = api.get("/api/v1/work-items/" + number + "/links", token)
			.json()
			.valueStream()
			.map((l) -> l.get("otherNumber").asString())
			.filter((n) -> n.startsWith("CB-"))
			.sorted()
			.toList();
		assertThat(callbacks).hasSize(expected);
		return callbacks.get(callbacks.size() - 1);
	}

}
