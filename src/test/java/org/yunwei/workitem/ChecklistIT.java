package org.yunwei.workitem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import org.yunwei.support.Api;
import org.yunwei.support.Api.Response;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A routine inspection's checklist (8.4.1): points ticked with their results, an anomaly
 * recorded with what is wrong and turned, once, into a linked follow-up task; the
 * checklist cannot be replaced once work on it started, and only people working on the
 * task record it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChecklistIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void pointsAreTickedAndAnAnomalyBecomesALinkedTask() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("ckmgr", null, "OM_MANAGER");
		Person outsider = people.create("ckeng", null, "ENGINEER");
		String token = api.token(manager.username(), TestUsers.PASSWORD);
		Response created = api.post("/api/v1/work-items", token,
				Api.json(Map.of("type", "routine", "fields", Map.of("title", "机房日常巡检", "assigneeId", manager.id()))));
		String number = created.json().get("number").asString();

		Response defined = api.put("/api/v1/work-items/" + number + "/checklist", token,
				Api.json(List.of("UPS 电池电压", "机房温湿度", " ", "消防气瓶压力")));
		assertThat(defined.status()).as(defined.body()).isEqualTo(200);
		assertThat(defined.json()).hasSize(3);

		assertThat(api
			.post("/api/v1/work-items/" + number + "/checklist/1", token,
					Api.json(Map.of("done", true, "result", "正常 54.2V")))
			.status()).isEqualTo(200);
		Response noReason = api.post("/api/v1/work-items/" + number + "/checklist/2", token,
				Api.json(Map.of("anomaly", true)));
		assertThat(noReason.status()).isEqualTo(422);
		Response anomaly = api.post("/api/v1/work-items/" + number + "/checklist/2", token,
				Api.json(Map.of("anomaly", true, "result", "湿度 78%，超过 65% 上限")));
		assertThat(anomaly.status()).as(anomaly.body()).isEqualTo(200);
		assertThat(anomaly.json().get("done").asBoolean()).isTrue();

		assertThat(api.put("/api/v1/work-items/" + number + "/checklist", token, Api.json(List.of("x"))).status())
			.as("started checklists stay")
			.isEqualTo(409);
		assertThat(api.post("/api/v1/work-items/" + number + "/checklist/1/follow-up", token, "{}").status())
			.isEqualTo(409);

		Response followUp = api.post("/api/v1/work-items/" + number + "/checklist/2/follow-up", token, "{}");
		assertThat(followUp.status()).as(followUp.body()).isEqualTo(200);
		assertThat(followUp.json().get("title").asString()).isEqualTo("异常：机房温湿度（" + number + "）");
		assertThat(api.post("/api/v1/work-items/" + number + "/checklist/2/follow-up", token, "{}").status()).as("once")
			.isEqualTo(409);

		JsonNode points = api.get("/api/v1/work-items/" + number + "/checklist", token).json();
		assertThat(points.get(1).get("linkedNumber").asString()).isEqualTo(followUp.json().get("number").asString());
		assertThat(points.get(0).get("doneByName").asString()).startsWith("ckmgr");
		JsonNode links = api.get("/api/v1/work-items/" + number + "/links", token).json();
		assertThat(links.valueStream().map((l) -> l.get("otherNumber").asString()))
			.contains(followUp.json().get("number").asString());
		String journal = api.get("/api/v1/work-items/" + number + "/journal", token).body();
		assertThat(journal).contains("检查项 2「机房温湿度」⚠ 异常：湿度 78%");

		String outsiderToken = api.token(outsider.username(), TestUsers.PASSWORD);
		assertThat(
				api.post("/api/v1/work-items/" + number + "/checklist/3", outsiderToken, Api.json(Map.of("done", true)))
					.status())
			.isIn(403, 404);
	}

}
