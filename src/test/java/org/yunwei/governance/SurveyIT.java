package org.yunwei.governance;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * A user-satisfaction survey (9.2 c) over REST: drafted with three questions for one
 * department, sent — the people of that department, and only they, are told and answer
 * under their surveys, one changing the answers while it is open — closed, its results
 * (response rate, averages, share satisfied, distribution, comments without names)
 * reported, completed, and its report opened as a PDF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=conformance", "yunwei.test.schema-suffix=_conformance" })
class SurveyIT {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aSurveyIsSentAnsweredAndReported() throws IOException {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		String code = "SV" + UUID.randomUUID().toString().substring(0, 6);
		Response dept = api.post("/api/v1/departments", api.token("sysadmin", Api.ADMIN_PASSWORD),
				Api.json(Map.of("code", code, "name", "财务处 " + code)));
		assertThat(dept.status()).as(dept.body()).isEqualTo(201);
		long department = dept.json().get("id").asLong();
		Person rep = people.create("svrep", null, "MANAGEMENT_REP");
		Person a = people.create("sva", department, "DEPARTMENT_USER");
		Person b = people.create("svb", department, "DEPARTMENT_USER");
		Person c = people.create("svc", department, "DEPARTMENT_USER");
		Person outsider = people.create("svout", null, "DEPARTMENT_USER");
		String token = api.token(rep.username(), TestUsers.PASSWORD);

		Response created = api.post("/api/v1/work-items", token, Api
			.json(Map.of("type", "survey", "fields", Map.of("title", "财务处运维服务满意度调查 " + code, "assigneeId", rep.id()))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String number = created.json().get("number").asString();
		assertThat(number).startsWith("SV-");
		JsonNode draft = api.get("/api/v1/governance/surveys/" + number, token).json();
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/open", token, "{}").status())
			.as("no questions yet")
			.isEqualTo(409);
		Response saved = api.put("/api/v1/governance/surveys/" + number, token,
				Api.json(Map.of("questions", List.of("服务台响应速度", "故障处理质量", "工程师服务态度"), "departmentIds",
						List.of(department), "closesOn", LocalDate.now(ZONE).plusDays(7).toString(), "version",
						draft.get("version").asInt())));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/open", token, "{}").status()).isEqualTo(200);
		Response fixed = api.put("/api/v1/governance/surveys/" + number, token,
				Api.json(Map.of("questions", List.of("服务台响应速度"), "departmentIds", List.of(department), "version",
						saved.json().get("version").asInt())));
		assertThat(fixed.status()).as("the questionnaire is fixed once sent").isEqualTo(409);
		assertThat(api.get("/api/v1/governance/surveys/" + number, token).json().get("results").get("invited").asInt())
			.isEqualTo(3);

		// those asked are told, and only they see the questionnaire
		String ta = api.token(a.username(), TestUsers.PASSWORD);
		JsonNode inbox = api.get("/api/v1/notifications", ta).json().get("items");
		assertThat(inbox.valueStream().map((n) -> n.get("title").asString()).toList())
			.contains("【满意度调查】财务处运维服务满意度调查 " + code);
		assertThat(api.get("/api/v1/surveys", ta).json().toString()).contains(number);
		String tout = api.token(outsider.username(), TestUsers.PASSWORD);
		assertThat(api.get("/api/v1/surveys/" + number, tout).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/governance/surveys/" + number, ta).status())
			.as("a respondent does not see the results")
			.isEqualTo(403);

		JsonNode q = api.get("/api/v1/surveys/" + number, ta).json();
		assertThat(q.get("questions").size()).isEqualTo(3);
		Response incomplete = api.put("/api/v1/surveys/" + number + "/answers", ta,
				Api.json(Map.of("ratings", Map.of("1", 5, "2", 6))));
		assertThat(incomplete.status()).as("question 2 out of range, 3 missing").isEqualTo(422);
		assertThat(answer(api, ta, number, 2, 2, 2, "故障处理太慢")).isEqualTo(200);
		assertThat(answer(api, ta, number, 5, 4, 5, "服务很好")).as("changed while open").isEqualTo(200);
		assertThat(answer(api, api.token(b.username(), TestUsers.PASSWORD), number, 4, 3, 5, null)).isEqualTo(200);

		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/close", token, "{}").status())
			.isEqualTo(200);
		assertThat(answer(api, api.token(c.username(), TestUsers.PASSWORD), number, 1, 1, 1, "x"))
			.as("closed: no more answers")
			.isEqualTo(409);

		JsonNode results = api.get("/api/v1/governance/surveys/" + number, token).json().get("results");
		assertThat(results.get("invited").asInt()).isEqualTo(3);
		assertThat(results.get("responded").asInt()).isEqualTo(2);
		assertThat(results.get("responseRate").decimalValue()).isEqualByComparingTo("66.7");
		// ratings 5,4,5 and 4,3,5: average 26/6, satisfied 5 of 6
		assertThat(results.get("average").decimalValue()).isEqualByComparingTo("4.33");
		assertThat(results.get("satisfiedShare").decimalValue()).isEqualByComparingTo("83.3");
		JsonNode second = results.get("questions").get(1);
		assertThat(second.get("average").decimalValue()).isEqualByComparingTo("3.50");
		assertThat(second.get("distribution").toString()).isEqualTo("[0,0,1,1,0]");
		assertThat(results.get("comments").toString()).contains("服务很好").doesNotContain("故障处理太慢");

		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/complete", token, "{}").status())
			.as("no report yet")
			.isEqualTo(409);
		JsonNode current = api.get("/api/v1/governance/surveys/" + number, token).json();
		assertThat(api
			.put("/api/v1/governance/surveys/" + number, token,
					Api.json(Map.of("questions", List.of("服务台响应速度", "故障处理质量", "工程师服务态度"), "departmentIds",
							List.of(department), "closesOn", current.get("closesOn").asString(), "report",
							"总体满意率 83.3%；故障处理质量得分最低，下季度起对超时工单逐单回访。", "version", current.get("version").asInt())))
			.status()).isEqualTo(200);
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/complete", token, "{}").status())
			.isEqualTo(200);

		assertThat(ComplianceIT.status(api.get("/api/v1/governance/conformance/9.2", token).json(), "survey"))
			.as("a survey completed with its report this year")
			.isEqualTo("MET");

		String report;
		try (PDDocument doc = Loader
			.loadPDF(api.download("/api/v1/governance/surveys/" + number + "/report?lang=zh", token))) {
			report = new PDFTextStripper().getText(doc);
		}
		assertThat(report).contains("用户满意度调查报告", number, "故障处理质量", "66.7%", "83.3%", "服务很好", "下季度起对超时工单逐单回访")
			.doesNotContain("草稿")
			.doesNotContain(a.username());
	}

	private static int answer(Api api, String token, String number, int r1, int r2, int r3, String comment) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("ratings", Map.of("1", r1, "2", r2, "3", r3));
		body.put("comment", comment);
		return api.put("/api/v1/surveys/" + number + "/answers", token, Api.json(body)).status();
	}

}
