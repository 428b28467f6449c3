package org.yunwei.governance;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

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
 * The annual internal audit programme (9.2 a) over REST: set up for a year, narrowed to
 * the objects in scope, an audit planned from it for objects not yet covered and worked
 * to completion — each object shown not covered, planned, then audited; the programme's
 * objects are the denominator of 9.2-1; the audit's formal report opens as a PDF with its
 * scope, checklist, finding and conclusions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=conformance", "yunwei.test.schema-suffix=_conformance" })
class AuditProgrammeIT {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aProgrammeShowsEachObjectUncoveredPlannedThenAudited() throws IOException {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person rep = people.create("iaprog", null, "MANAGEMENT_REP");
		Person engineer = people.create("iaprogeng", null, "ENGINEER");
		String token = api.token(rep.username(), TestUsers.PASSWORD);
		// next year's programme, so that this year's indicators of other tests stay as
		// they are
		int year = LocalDate.now(ZONE).getYear() + 1;
		String path = "/api/v1/governance/audit-programmes/" + year;

		JsonNode none = api.get(path, token).json();
		assertThat(none.get("exists").asBoolean()).isFalse();
		assertThat(api
			.put(path, api.token(engineer.username(), TestUsers.PASSWORD),
					Api.json(Map.of("method", "ROLLING", "ownerId", rep.id(), "version", 0)))
			.status()).as("an engineer does not set the programme").isEqualTo(403);
		assertThat(api
			.put(path, token,
					Api.json(Map.of("method", "ROLLING", "clauses", List.of("8.3"), "ownerId", rep.id(), "version", 0)))
			.status()).as("8.3 is not a leaf clause").isEqualTo(422);
		Response set = api.put(path, token,
				Api.json(Map.of("method", "ROLLING", "ownerId", rep.id(), "objectives", "全年覆盖全部末级条款", "version", 0)));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(set.json().get("wholeStandard").asBoolean()).isTrue();
		assertThat(set.json().get("objects").size()).isEqualTo(59);
		assertThat(set.json().get("uncovered").asInt()).isEqualTo(59);
		assertThat(
				api.put(path, token, Api.json(Map.of("method", "CENTRAL", "ownerId", rep.id(), "version", 0))).status())
			.as("a stale version is refused")
			.isEqualTo(409);

		Response narrowed = api.put(path, token, Api.json(Map.of("method", "ROLLING", "clauses",
				List.of("9.2", "8.3.6", "8.3.5"), "ownerId", rep.id(), "version", set.json().get("version").asInt())));
		assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
		assertThat(narrowed.json().get("objects").valueStream().map((o) -> o.get("clause").asString()).toList())
			.as("in the standard's order")
			.containsExactly("8.3.5", "8.3.6", "9.2");

		Response outside = api.post(path + "/audits", token, Api.json(Map.of("title", "变更审核", "clauses",
				List.of("8.3.6", "8.3.3"), "auditorId", rep.id(), "dueAt", year + "-03-20T17:00:00")));
		assertThat(outside.status()).as("8.3.3 is not in the programme").isEqualTo(422);
		Response late = api.post(path + "/audits", token, Api.json(Map.of("title", "变更审核", "clauses", List.of("8.3.6"),
				"auditorId", rep.id(), "dueAt", (year + 1) + "-01-20T17:00:00")));
		assertThat(late.status()).as("due outside the year").isEqualTo(422);
		Response planned = api.post(path + "/audits", token, Api.json(Map.of("title", year + " 年第一次内部审核：配置与变更",
				"clauses", List.of("8.3.5", "8.3.6"), "auditorId", rep.id(), "dueAt", year + "-03-20T17:00:00")));
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);
		String number = planned.json().get("number").asString();
		assertThat(number).startsWith("IA-");

		JsonNode programme = api.get(path, token).json();
		assertThat(coverage(programme, "8.3.6")).isEqualTo("PLANNED");
		assertThat(coverage(programme, "9.2")).isEqualTo("UNCOVERED");
		assertThat(programme.get("audits").valueStream().map((a) -> a.get("number").asString()).toList())
			.containsExactly(number);
		assertThat(api.get("/api/v1/governance/audits/" + number, token).json().get("clauses").toString())
			.contains("8.3.5", "8.3.6");

		// the audit worked to completion
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/start", token, "{}").status())
			.isEqualTo(200);
		for (JsonNode p : api.get("/api/v1/work-items/" + number + "/checklist", token).json()) {
			assertThat(api
				.post("/api/v1/work-items/" + number + "/checklist/" + p.get("seq").asInt(), token,
						Api.json(Map.of("done", true, "result", "抽查配置项变更记录 8 条，均有审批")))
				.status()).isEqualTo(200);
		}
		assertThat(api
			.post("/api/v1/governance/audits/" + number + "/findings", token,
					Api.json(Map.of("title", "配置基线未按季度复核", "clause", "8.3.5", "ownerId", rep.id())))
			.status()).isEqualTo(201);
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/report", token, "{}").status())
			.isEqualTo(200);
		JsonNode audit = api.get("/api/v1/governance/audits/" + number, token).json();
		assertThat(api
			.put("/api/v1/governance/audits/" + number, token,
					Api.json(Map.of("clauses", List.of("8.3.5", "8.3.6"), "report", "变更管理符合要求；配置管理发现 1 项不符合。",
							"version", audit.get("version").asInt())))
			.status()).isEqualTo(200);
		String draft = text(api.download("/api/v1/governance/audits/" + number + "/report?lang=zh", token));
		assertThat(draft).contains("内部审核报告", "草稿");
		assertThat(api.post("/api/v1/work-items/" + number + "/transitions/close", token, "{}").status())
			.isEqualTo(200);

		programme = api.get(path, token).json();
		assertThat(coverage(programme, "8.3.5")).isEqualTo("COVERED");
		assertThat(coverage(programme, "8.3.6")).isEqualTo("COVERED");
		assertThat(coverage(programme, "9.2")).isEqualTo("UNCOVERED");
		assertThat(programme.get("covered").asInt()).isEqualTo(2);
		assertThat(programme.get("uncovered").asInt()).isEqualTo(1);

		// the programme's objects are what 9.2-1 counts against in its year
		JsonNode indicator = api.get("/api/v1/indicators/9.2-1?period=" + year, token).json();
		assertThat(indicator.get("denominator").asInt()).isEqualTo(3);

		String report = text(api.download("/api/v1/governance/audits/" + number + "/report?lang=zh", token));
		assertThat(report)
			.contains("内部审核报告", number, "8.3.5", "配置管理", "抽查配置项变更记录", "配置基线未按季度复核", "变更管理符合要求；配置管理发现 1 项不符合。",
					"管理评审的输入")
			.doesNotContain("草稿");
		String english = text(api.download("/api/v1/governance/audits/" + number + "/report?lang=en", token));
		assertThat(english).contains("Internal audit report", "Checklist record", "Conforming");
	}

	private static String coverage(JsonNode programme, String clause) {
		return programme.get("objects")
			.valueStream()
			.filter((o) -> o.get("clause").asString().equals(clause))
			.findFirst()
			.orElseThrow()
			.get("coverage")
			.asString();
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc);
		}
	}

}
