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
 * A request from the catalogue end to end over REST (7.8, 8.4.2): the catalogue manager
 * adds an item with its own form and an approval, and makes its workflow open a task for
 * another group; a department user asks for it (a form with a missing answer is refused
 * and stores nothing); the head of O&M approves; the task goes to its group and the
 * request cannot be fulfilled while it is open; the requester sees the answers and
 * accepts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=servicedesk", "yunwei.test.schema-suffix=_servicedesk",
		"yunwei.service-desk.group=SD-IT" })
class CatalogueIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aCatalogueRequestIsApprovedFulfilledThroughItsTaskAndAccepted() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("ctmanager", null, "OM_MANAGER");
		Person head = people.create("cthead", null, "OM_HEAD");
		Person agent = people.create("ctagent", null, "SERVICE_DESK_AGENT");
		Person engineer = people.create("ctengineer", null, "ENGINEER");
		Person user = people.create("ctuser", null, "DEPARTMENT_USER");
		long desk = people.group("CT-DESK", "桌面支持", agent);
		long systems = people.group("CT-SYS", "系统组", engineer);
		String managerToken = api.token(manager.username(), TestUsers.PASSWORD);
		String userToken = api.token(user.username(), TestUsers.PASSWORD);
		String agentToken = api.token(agent.username(), TestUsers.PASSWORD);

		// only those who maintain the catalogue add to it
		Map<String, Object> laptop = Map.of("code", "ct-laptop", "nameZh", "办公电脑申领", "nameEn", "Office computer",
				"categoryZh", "设备与软件", "categoryEn", "Devices and software", "groupId", desk, "approval", true, "icon",
				"laptop");
		assertThat(api.post("/api/v1/catalogue", agentToken, Api.json(laptop)).status()).isEqualTo(403);
		Response created = api.post("/api/v1/catalogue", managerToken, Api.json(laptop));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("workflowVersion").asInt()).as("its own workflow, with an approval").isEqualTo(1);
		assertThat(api.post("/api/v1/catalogue", managerToken, Api.json(laptop)).status()).as("code taken")
			.isEqualTo(422);
		assertThat(api.post("/api/v1/custom-fields?scope=catalogue:ct-laptop", managerToken,
				Api.json(Map.of("code", "model", "labelZh", "机型", "labelEn", "Model", "kind", "SELECT", "required",
						true, "options", "standard|标准办公型|Standard\nperformance|高性能型|Performance")))
			.status()).isEqualTo(201);

		// after the approval, the workflow opens a task for the systems group
		String workflow = api.get("/api/v1/workflows/request?variant=ct-laptop", managerToken)
			.json()
			.get("json")
			.asString();
		assertThat(workflow).contains("requestApproval");
		String approved = "\"to\": \"new\", \"allowed\": {},\n     \"actions\": [";
		assertThat(workflow).contains(approved);
		Response saved = api.put("/api/v1/workflows/request?variant=ct-laptop", managerToken,
				workflow.replace(approved,
						approved + "{\"type\": \"createLinked\", \"params\": {\"itemType\": \"sdtask\","
								+ " \"title\": \"准备电脑：{title}\", \"link\": \"PARENT_OF\", \"group\": \"CT-SYS\"}}, "));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("variant").asString()).isEqualTo("ct-laptop");
		assertThat(saved.json().get("version").asInt()).isEqualTo(2);
		assertThat(api.get("/api/v1/workflows/request", managerToken).json().get("json").asString())
			.as("the request type's own workflow is unchanged")
			.doesNotContain("requestApproval");

		// the department user sees the item with its form
		JsonNode offered = api.get("/api/v1/catalogue/ct-laptop", userToken).json();
		assertThat(offered.get("fields").valueStream().map((f) -> f.get("code").asString())).containsExactly("model");

		// a missing answer is refused and nothing is stored
		int before = api.get("/api/v1/tickets/mine", userToken).json().size();
		Response missing = api.post("/api/v1/tickets", userToken, Api.json(Map.of("kind", "REQUEST", "catalogueItem",
				"ct-laptop", "title", "申领办公电脑", "description", "原电脑已使用六年，经常死机。")));
		assertThat(missing.status()).as(missing.body()).isEqualTo(422);
		assertThat(missing.body()).contains("customFields.model");
		assertThat(api.get("/api/v1/tickets/mine", userToken).json().size()).isEqualTo(before);
		Response notAChoice = api.post("/api/v1/tickets", userToken,
				Api.json(Map.of("kind", "REQUEST", "catalogueItem", "ct-laptop", "title", "申领办公电脑", "description",
						"原电脑已使用六年。", "customFields", Map.of("model", "gaming"))));
		assertThat(notAChoice.status()).isEqualTo(422);

		Response raised = api.post("/api/v1/tickets", userToken,
				Api.json(Map.of("kind", "REQUEST", "catalogueItem", "ct-laptop", "title", "申领办公电脑", "description",
						"原电脑已使用六年，经常死机。", "customFields", Map.of("model", "performance"))));
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		String number = raised.json().get("number").asString();
		assertThat(raised.json().get("state").asString()).isEqualTo("approval");
		assertThat(raised.json().get("group").get("id").asLong()).as("to the item's group").isEqualTo(desk);
		JsonNode ticket = api.get("/api/v1/tickets/" + number, userToken).json();
		assertThat(ticket.get("catalogueItem").get("code").asString()).isEqualTo("ct-laptop");
		assertThat(ticket.get("answers").get(0).get("value").asString()).isEqualTo("Performance");

		// the head of O&M approves; the request is then to be fulfilled, with its task
		JsonNode approvals = api.get("/api/v1/work-items/" + number + "/approvals", managerToken).json();
		JsonNode step = approvals.get(0).get("steps").get(0);
		assertThat(step.get("approverId").asLong()).isEqualTo(head.id());
		Response decided = api.post("/api/v1/work-items/approval-steps/" + step.get("id").asLong() + "/decision",
				api.token(head.username(), TestUsers.PASSWORD), Api.json(Map.of("approve", true, "comment", "同意")));
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
		assertThat(decided.json().get("state").asString()).isEqualTo("new");
		List<JsonNode> links = api.get("/api/v1/work-items/" + number + "/links", managerToken)
			.json()
			.valueStream()
			.toList();
		assertThat(links).hasSize(1);
		String task = links.get(0).get("otherNumber").asString();
		assertThat(task).startsWith("TASK-");
		String engineerToken = api.token(engineer.username(), TestUsers.PASSWORD);
		JsonNode taskItem = api.get("/api/v1/work-items/" + task, engineerToken).json();
		assertThat(taskItem.get("group").get("id").asLong()).isEqualTo(systems);
		assertThat(taskItem.get("title").asString()).isEqualTo("准备电脑：申领办公电脑");
		assertThat(api.get("/api/v1/work-items/" + task, userToken).status()).as("tasks are the staff's")
			.isIn(403, 404);

		// not fulfilled while its task is open
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/take", agentToken, "{}").status())
			.isEqualTo(200);
		Response early = api.post("/api/v1/work-items/" + number + "/transitions/resolve", agentToken,
				Api.json(Map.of("comment", "电脑已交付")));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.body()).contains(task);
		assertThat(api.post("/api/v1/work-items/" + task + "/transitions/start", engineerToken, "{}").status())
			.isEqualTo(200);
		assertThat(api
			.post("/api/v1/work-items/" + task + "/transitions/complete", engineerToken,
					Api.json(Map.of("comment", "镜像已安装")))
			.status()).isEqualTo(200);
		assertThat(api
			.post("/api/v1/work-items/" + number + "/transitions/resolve", agentToken,
					Api.json(Map.of("comment", "电脑已交付")))
			.status()).isEqualTo(200);
		JsonNode closed = api
			.post("/api/v1/tickets/" + number + "/acceptance", userToken, Api.json(Map.of("rating", 5)))
			.json();
		assertThat(closed.get("item").get("state").asString()).isEqualTo("closed");

		// a withdrawn item can no longer be asked for
		JsonNode current = api.get("/api/v1/catalogue/ct-laptop", managerToken).json();
		Map<String, Object> withdrawn = new java.util.HashMap<>(laptop);
		withdrawn.put("active", false);
		withdrawn.put("version", current.get("version").asInt());
		assertThat(api.put("/api/v1/catalogue/ct-laptop", managerToken, Api.json(withdrawn)).status()).isEqualTo(200);
		assertThat(api.put("/api/v1/catalogue/ct-laptop", managerToken, Api.json(withdrawn)).status())
			.as("a stale version is refused")
			.isEqualTo(409);
		assertThat(api.get("/api/v1/catalogue", userToken).json().valueStream().map((i) -> i.get("code").asString()))
			.doesNotContain("ct-laptop");
		assertThat(api
			.post("/api/v1/tickets", userToken, Api.json(Map.of("kind", "REQUEST", "catalogueItem", "ct-laptop",
					"title", "再申领一台", "description", "备用。", "customFields", Map.of("model", "standard"))))
			.status()).isEqualTo(422);
	}

}
