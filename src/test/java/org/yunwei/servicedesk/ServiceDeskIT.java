package org.yunwei.servicedesk;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import org.yunwei.platform.identity.GroupFormData;
import org.yunwei.platform.identity.OrganisationManagement;
import org.yunwei.support.Api;
import org.yunwei.support.Api.Response;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requester's side of a ticket over REST (8.4.2 h): a department user raises a fault,
 * which goes to the service-desk group; they may say what and how urgent, never who
 * handles it; the agent takes and resolves it; the user sends it back (it reopens) and
 * then accepts it with a rating, and only then it is closed. Nobody else confirms for the
 * requester; a requester who cannot be reached leaves a recorded decision.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=servicedesk", "yunwei.test.schema-suffix=_servicedesk",
		"yunwei.service-desk.group=SD-IT" })
class ServiceDeskIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aFaultIsResolvedRejectedResolvedAgainAndAcceptedByItsRequester() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person user = people.create("sduser", null, "DEPARTMENT_USER");
		Person other = people.create("sdother", null, "DEPARTMENT_USER");
		Person agent = people.create("sdagent", null, "SERVICE_DESK_AGENT");
		long desk = people.joinGroup("SD-IT", "服务台", agent);
		String userToken = api.token(user.username(), TestUsers.PASSWORD);
		String agentToken = api.token(agent.username(), TestUsers.PASSWORD);

		Response raised = api.post("/api/v1/tickets", userToken, Api
			.json(Map.of("kind", "INCIDENT", "title", "三楼打印机无法打印", "description", "打印任务一直排队，已重启打印机。", "urgency", 2)));
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		String number = raised.json().get("number").asString();
		assertThat(number).startsWith("INC-");
		assertThat(raised.json().get("requester").get("id").asLong()).isEqualTo(user.id());
		assertThat(raised.json().get("group").get("id").asLong()).as("routed to the service desk").isEqualTo(desk);
		assertThat(raised.json().get("stateName").asString()).isEqualTo("New");
		JsonNode routed = api.get("/api/v1/work-items/" + number + "/journal", agentToken)
			.json()
			.valueStream()
			.filter((e) -> e.get("changes").valueStream().anyMatch((c) -> "routing".equals(c.get("field").asString())))
			.findFirst()
			.orElseThrow();
		assertThat(routed.get("changes")
			.valueStream()
			.map((c) -> c.get("field").asString() + "=" + c.get("after").asString()))
			.as("the journal says why it went to the service desk")
			.containsExactly("routing=服务台受理（API）", "group=服务台");

		// a department user raising through the kernel's API still decides only what and
		// how urgent
		Response direct = api.post("/api/v1/work-items", userToken, Api.json(Map.of("type", "incident", "fields",
				Map.of("title", "邮箱无法登录", "impact", 1, "urgency", 1, "assigneeId", agent.id()))));
		assertThat(direct.status()).as(direct.body()).isEqualTo(201);
		assertThat(direct.json().get("assignee").isNull()).isTrue();
		assertThat(direct.json().get("impact").asInt()).isEqualTo(3);
		assertThat(direct.json().get("urgency").asInt()).isEqualTo(1);

		// only the requester and the people who handle it see it; the requester cannot
		// work on it
		assertThat(api.get("/api/v1/tickets/" + number, api.token(other.username(), TestUsers.PASSWORD)).status())
			.isEqualTo(404);
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/take", userToken, "{}").status())
			.isEqualTo(403);
		assertThat(api.get("/api/v1/tickets/" + number, userToken)
			.json()
			.get("transitions")
			.valueStream()
			.map((t) -> t.get("name").asString())).containsExactly("cancel");

		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/take", agentToken, "{}").status())
			.isEqualTo(200);
		resolve(api, agentToken, number, "已清理打印队列并重装驱动。");
		JsonNode resolved = api.get("/api/v1/tickets/" + number, userToken).json();
		assertThat(resolved.get("item").get("resolvedAt").isNull()).isFalse();
		assertThat(resolved.get("transitions").valueStream().map((t) -> t.get("name").asString()))
			.containsExactlyInAnyOrder("accept", "reject");
		assertThat(resolved.get("journal").valueStream().map((e) -> String.valueOf(e.get("body"))))
			.anyMatch((b) -> b.contains("重装驱动"));

		// nobody accepts for the requester; an acceptance needs a rating; a rejection a
		// reason
		assertThat(api.post("/api/v1/tickets/" + number + "/acceptance", agentToken, Api.json(Map.of("rating", 5)))
			.status()).isEqualTo(403);
		assertThat(api.post("/api/v1/tickets/" + number + "/acceptance", userToken, Api.json(Map.of("comment", "好")))
			.status()).isEqualTo(400);
		assertThat(api.post("/api/v1/tickets/" + number + "/rejection", userToken, Api.json(Map.of("reason", " ")))
			.status()).isEqualTo(400);

		JsonNode reopened = api
			.post("/api/v1/tickets/" + number + "/rejection", userToken, Api.json(Map.of("reason", "彩色打印仍然失败")))
			.json();
		assertThat(reopened.get("item").get("state").asString()).isEqualTo("inProgress");
		assertThat(reopened.get("item").get("resolvedAt").isNull()).as("reopened").isTrue();

		resolve(api, agentToken, number, "更换了彩色硒鼓。");
		JsonNode closed = api
			.post("/api/v1/tickets/" + number + "/acceptance", userToken,
					Api.json(Map.of("rating", 4, "comment", "处理及时")))
			.json();
		assertThat(closed.get("item").get("state").asString()).isEqualTo("closed");
		assertThat(closed.get("item").get("closedAt").isNull()).isFalse();
		assertThat(closed.get("satisfaction").get("rating").asInt()).isEqualTo(4);
		assertThat(closed.get("channel").asString()).isEqualTo("API");
		assertThat(
				api.get("/api/v1/tickets/mine", userToken).json().valueStream().map((t) -> t.get("number").asString()))
			.contains(number, direct.json().get("number").asString());

		// a requester who cannot be reached: the agent's decision to close is recorded
		String second = api
			.post("/api/v1/tickets", userToken,
					Api.json(Map.of("kind", "REQUEST", "title", "申请开通 VPN", "description", "出差期间需要访问内网。")))
			.json()
			.get("number")
			.asString();
		assertThat(second).startsWith("REQ-");
		api.post("/api/v1/work-items/" + second + "/transitions/take", agentToken, "{}");
		resolve(api, agentToken, second, "VPN 账号已开通。");
		assertThat(api
			.post("/api/v1/work-items/" + second + "/transitions/closeUnreachable", agentToken,
					Api.json(Map.of("comment", "三次电话未接通，邮件已告知")))
			.status()).isEqualTo(200);
		JsonNode journal = api.get("/api/v1/work-items/" + second + "/journal", agentToken).json();
		assertThat(journal.valueStream()
			.filter((e) -> "三次电话未接通，邮件已告知".equals(e.get("body").asString()))
			.map((e) -> e.get("authorName").asString())).singleElement().asString().startsWith("sdagent");
		assertThat(api.get("/api/v1/tickets/" + second, userToken).json().get("satisfaction").isNull()).isTrue();
	}

	@Test
	void aDeactivatedDeskGroupGetsNoTicketsUntilItIsActiveAgain() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person user = people.create("sdroute", null, "DEPARTMENT_USER");
		Person agent = people.create("sdrouter", null, "SERVICE_DESK_AGENT");
		long desk = people.joinGroup("SD-IT", "服务台", agent);
		String token = api.token(user.username(), TestUsers.PASSWORD);
		OrganisationManagement organisation = this.context.getBean(OrganisationManagement.class);
		assertThat(raise(api, token, "显示器闪屏").get("group").get("id").asLong()).isEqualTo(desk);

		setActive(organisation, desk, false);
		try {
			assertThat(raise(api, token, "键盘失灵").get("group").isNull())
				.as("the group the desk routes to is looked up again once it changed")
				.isTrue();
		}
		finally {
			setActive(organisation, desk, true);
		}
		assertThat(raise(api, token, "鼠标失灵").get("group").get("id").asLong()).isEqualTo(desk);
	}

	private static JsonNode raise(Api api, String token, String title) {
		Response r = api.post("/api/v1/tickets", token,
				Api.json(Map.of("kind", "INCIDENT", "title", title, "description", "桌面设备故障。")));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}

	private static void setActive(OrganisationManagement organisation, long group, boolean active) {
		TestUsers.as(1, "sysadmin", () -> {
			GroupFormData form = GroupFormData.of(organisation.group(group));
			form.setActive(active);
			return organisation.updateGroup(group, form);
		});
	}

	private static void resolve(Api api, String token, String number, String how) {
		Response r = api.post("/api/v1/work-items/" + number + "/transitions/resolve", token,
				Api.json(Map.of("comment", how)));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

}
