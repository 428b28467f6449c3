package org.yunwei.workitem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import org.yunwei.support.Api;
import org.yunwei.support.Api.Response;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A routine workflow with four states and a sequential approval (its own application
 * context, since it replaces the routine workflow): submitting asks the first approver, a
 * rejection needs a reason and sends the task back, approvals in turn move it on by
 * themselves, and nobody takes the approval's transitions by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "yunwei.test.context=approvals")
class ApprovalIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aSequentialApprovalDecidesTheWorkflow() throws IOException {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("mgr", null, "OM_MANAGER");
		Person first = people.create("head", null, "OM_HEAD");
		Person second = people.create("eng", null, "ENGINEER");
		String managerToken = api.token(manager.username(), TestUsers.PASSWORD);
		String firstToken = api.token(first.username(), TestUsers.PASSWORD);
		String secondToken = api.token(second.username(), TestUsers.PASSWORD);

		String workflow = new ClassPathResource("workflows/routine-with-approval.json")
			.getContentAsString(StandardCharsets.UTF_8)
			.replace("__A__", first.username())
			.replace("__B__", second.username());
		Response saved = api.put("/api/v1/workflows/routine", managerToken, workflow);
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		Response broken = api.put("/api/v1/workflows/routine", managerToken,
				workflow.replace("\"reject\": \"reject\"", "\"reject\": \"nowhere\""));
		assertThat(broken.status()).isEqualTo(422);
		assertThat(broken.body()).contains("nowhere");

		String number = api
			.post("/api/v1/work-items", managerToken,
					Api.json(Map.of("type", "routine", "fields", Map.of("title", "季度灾备切换演练"))))
			.json()
			.get("number")
			.asString();
		JsonNode submitted = api.post("/api/v1/work-items/" + number + "/transitions/submit", managerToken, "{}")
			.json();
		assertThat(submitted.get("state").asString()).isEqualTo("pendingApproval");
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/approve", managerToken, "{}").status())
			.isEqualTo(403);

		JsonNode approval = api.get("/api/v1/work-items/" + number + "/approvals", managerToken).json().get(0);
		assertThat(approval.get("mode").asString()).isEqualTo("SEQUENTIAL");
		List<JsonNode> steps = approval.get("steps").valueStream().toList();
		assertThat(steps).extracting((s) -> s.get("active").asBoolean()).containsExactly(true, false);
		long firstStep = steps.get(0).get("id").asLong();
		long secondStep = steps.get(1).get("id").asLong();

		// not the second approver's turn yet; the first must give a reason to reject
		assertThat(api
			.post("/api/v1/work-items/approval-steps/" + secondStep + "/decision", secondToken,
					Api.json(Map.of("approve", true)))
			.status()).isEqualTo(409);
		assertThat(api
			.post("/api/v1/work-items/approval-steps/" + firstStep + "/decision", secondToken,
					Api.json(Map.of("approve", true)))
			.status()).isEqualTo(403);
		Response noReason = api.post("/api/v1/work-items/approval-steps/" + firstStep + "/decision", firstToken,
				Api.json(Map.of("approve", false)));
		assertThat(noReason.status()).isEqualTo(422);
		JsonNode rejected = api
			.post("/api/v1/work-items/approval-steps/" + firstStep + "/decision", firstToken,
					Api.json(Map.of("approve", false, "comment", "演练窗口与月末结账冲突，请改期")))
			.json();
		assertThat(rejected.get("state").asString()).isEqualTo("draft");

		// resubmitted: a new approval; both approve in turn and the task moves on by
		// itself
		api.post("/api/v1/work-items/" + number + "/transitions/submit", managerToken, "{}");
		JsonNode again = api.get("/api/v1/work-items/" + number + "/approvals", managerToken).json();
		assertThat(again.get(0).get("state").asString()).isEqualTo("PENDING");
		assertThat(again.get(1).get("state").asString()).isEqualTo("REJECTED");
		long step1 = again.get(0).get("steps").get(0).get("id").asLong();
		long step2 = again.get(0).get("steps").get(1).get("id").asLong();
		assertThat(api
			.post("/api/v1/work-items/approval-steps/" + step1 + "/decision", firstToken,
					Api.json(Map.of("approve", true, "comment", "同意")))
			.json()
			.get("state")
			.asString()).isEqualTo("pendingApproval");
		// the second approver may read the task although it is outside their scope
		assertThat(api.get("/api/v1/work-items/" + number, secondToken).status()).isEqualTo(200);
		JsonNode approved = api
			.post("/api/v1/work-items/approval-steps/" + step2 + "/decision", secondToken,
					Api.json(Map.of("approve", true)))
			.json();
		assertThat(approved.get("state").asString()).isEqualTo("inProgress");
		assertThat(api
			.post("/api/v1/work-items/approval-steps/" + step2 + "/decision", secondToken,
					Api.json(Map.of("approve", true)))
			.status()).isEqualTo(409);

		List<String> journal = api.get("/api/v1/work-items/" + number + "/journal", managerToken)
			.json()
			.valueStream()
			.map((e) -> e.get("kind").asString())
			.toList();
		assertThat(journal.stream().filter("APPROVAL"::equals)).hasSize(3);
		Response audit = api.get("/api/v1/audit?recordType=approvalStep", api.token("auditadmin", Api.ADMIN_PASSWORD));
		assertThat(audit.json().get("items").size()).isGreaterThanOrEqualTo(4);
	}

}
