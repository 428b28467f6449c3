package org.yunwei.capacity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
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
 * Capacity over REST (8.3.8): a capacity record of a storage CI with twelve months of
 * history forecasts the day its threshold is reached; a bad measurement changes nothing;
 * an approved plan freezes its forecast, later set against what was measured (8.3.8-1); a
 * capacity report raised as a work item carries the records' figures and, approved before
 * its due time, counts as submitted (8.3.8-2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=servicedesk", "yunwei.test.schema-suffix=_servicedesk",
		"yunwei.service-desk.group=SD-IT" })
class CapacityIT {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aRecordForecastsItsThresholdAPlanFreezesItAndAReportIsApproved() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("cpmanager", null, "OM_MANAGER");
		Person engineer = people.create("cpengineer", null, "ENGINEER");
		Person head = people.create("cphead", null, "OM_HEAD");
		long group = people.group("CP-" + engineer.id(), "存储组 " + engineer.id(), engineer);
		String managerToken = api.token(manager.username(), TestUsers.PASSWORD);
		String token = api.token(engineer.username(), TestUsers.PASSWORD);
		String tag = String.valueOf(engineer.id());
		Response san = api.post("/api/v1/cmdb/cis", token,
				Api.json(Map.of("classCode", "storage", "name", "SAN-CP-" + tag, "state", "IN_SERVICE", "groupId",
						group, "attributes", Map.of("serial_number", "CP" + tag))));
		assertThat(san.status()).as(san.body()).isEqualTo(201);
		String ci = san.json().get("number").asString();

		Map<String, Object> form = new HashMap<>(
				Map.of("name", "存储已用容量 " + tag, "unit", "TB", "threshold", 250, "rising", true, "groupId", group));
		Response noSubject = api.post("/api/v1/capacity/metrics", token, Api.json(form));
		assertThat(noSubject.status()).isEqualTo(422);
		assertThat(noSubject.body()).contains("ciNumber");
		form.put("ciNumber", "CI-999999");
		assertThat(api.post("/api/v1/capacity/metrics", token, Api.json(form)).status()).isEqualTo(422);
		form.put("ciNumber", ci);
		Response created = api.post("/api/v1/capacity/metrics", token, Api.json(form));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long metric = created.json().get("id").asLong();

		// twelve months of history: 100 TB a year ago, ten more every thirty days
		LocalDate today = LocalDate.now(ZONE);
		List<Map<String, Object>> history = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			history.add(Map.of("on", today.minusDays(30L * (11 - i)).toString(), "value", 100 + 10 * i));
		}
		List<Map<String, Object>> bad = new ArrayList<>(history);
		bad.add(Map.of("on", today.plusDays(1).toString(), "value", 300));
		Response refused = api.post("/api/v1/capacity/metrics/" + metric + "/measurements", token, Api.json(bad));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("measurements[12]");
		assertThat(api.get("/api/v1/capacity/metrics/" + metric + "/measurements", token).json().size())
			.as("a refused batch records nothing")
			.isZero();
		JsonNode recorded = api.post("/api/v1/capacity/metrics/" + metric + "/measurements", token, Api.json(history))
			.json();
		assertThat(recorded.get("current").decimalValue()).isEqualByComparingTo("210");
		// 40 TB to go at 10 per 30 days: 120 days from the last measurement
		assertThat(recorded.get("forecast").get("crossing").asString()).isEqualTo(today.plusDays(120).toString());
		assertThat(recorded.get("forecast").get("points").asInt()).isEqualTo(12);

		// a plan from three months back to next month, approved: its forecast is frozen
		Map<String, Object> plan = new HashMap<>();
		plan.put("title", "存储容量计划 " + tag);
		plan.put("ownerId", manager.id());
		plan.put("periodFrom", YearMonth.now(ZONE).minusMonths(3).atDay(1).toString());
		plan.put("periodTo", YearMonth.now(ZONE).plusMonths(1).atEndOfMonth().toString());
		plan.put("content", "按当前增速，明年二季度前扩容 100 TB。");
		plan.put("metricIds", List.of(metric));
		Response planned = api.post("/api/v1/capacity/plans", token, Api.json(plan));
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);
		long planId = planned.json().get("id").asLong();
		int version = planned.json().get("version").asInt();
		assertThat(api.post("/api/v1/capacity/plans/" + planId + "/approval?version=" + version, token, "").status())
			.as("a manager approves")
			.isEqualTo(403);
		JsonNode approved = api
			.post("/api/v1/capacity/plans/" + planId + "/approval?version=" + version, managerToken, "")
			.json();
		assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
		JsonNode predicted = approved.get("metrics").get(0).get("predicted");
		assertThat(predicted.size()).isEqualTo(5);
		String lastMonth = YearMonth.now(ZONE).minusMonths(1).toString();
		JsonNode accuracy = api.get("/api/v1/indicators/8.3.8-1?period=" + lastMonth, managerToken).json();
		assertThat(accuracy.get("records").toString()).contains("存储容量计划 " + tag);
		assertThat(accuracy.get("denominator").asLong()).isPositive();
		assertThat(accuracy.get("parts").get(0).get("key").asString()).isEqualTo("completeness");

		// a capacity report: raised with the records' figures, approved in time
		Map<String, Object> report = Map.of("type", "capreport", "fields", Map.of("title", "容量报告 " + tag, "groupId",
				group, "dueAt", LocalDateTime.now(ZONE).plusHours(2).withSecond(0).withNano(0).toString()));
		Response raised = api.post("/api/v1/work-items", token, Api.json(report));
		assertThat(raised.status()).as(raised.body()).isEqualTo(201);
		String number = raised.json().get("number").asString();
		long itemId = raised.json().get("id").asLong();
		JsonNode lines = api.get("/api/v1/capacity/reports/" + itemId, token).json();
		JsonNode line = null;
		for (JsonNode l : lines) {
			if (l.get("metricId").asLong() == metric) {
				line = l;
			}
		}
		assertThat(line).isNotNull();
		assertThat(line.get("crossing").asString()).isEqualTo(today.plusDays(120).toString());
		assertThat(line.get("utilisation").decimalValue()).isEqualByComparingTo("84.0");
		Response submitted = api.post("/api/v1/work-items/" + number + "/transitions/submit", token,
				Api.json(Map.of("comment", "本月容量报告")));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		for (JsonNode s : api.get("/api/v1/work-items/" + number + "/approvals", token).json().get(0).get("steps")) {
			if (s.get("approverId").asLong() == head.id()) {
				api.post("/api/v1/work-items/approval-steps/" + s.get("id").asLong() + "/decision",
						api.token(head.username(), TestUsers.PASSWORD), Api.json(Map.of("approve", true)));
			}
		}
		assertThat(api.get("/api/v1/work-items/" + number, token).json().get("state").asString()).isEqualTo("approved");
		String dueMonth = YearMonth.from(LocalDateTime.now(ZONE).plusHours(2)).toString();
		JsonNode submittedRate = api.get("/api/v1/indicators/8.3.8-2?period=" + dueMonth, managerToken).json();
		boolean counted = false;
		for (JsonNode r : submittedRate.get("records")) {
			counted |= number.equals(r.get("label").asString()) && r.get("counted").asBoolean();
		}
		assertThat(counted).as("approved before its due time").isTrue();
	}

}
