package org.yunwei.cmdb;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * Importing CIs (8.3.5): 500 rows from Excel with three bad ones import nothing and name
 * each problem; fixed, all 500 are recorded; the same file again with two changed values
 * reports exactly those differences (before → after) and changes only them, with the
 * import in their history; a discovery tool's findings are reconciled the same way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=servicedesk", "yunwei.test.schema-suffix=_servicedesk",
		"yunwei.service-desk.group=SD-IT" })
class CmdbImportIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void fiveHundredRowsAllOrNothingThenReconciled() throws Exception {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("cimanager", null, "OM_MANAGER");
		String token = api.token(manager.username(), TestUsers.PASSWORD);
		String tag = String.valueOf(manager.id());
		String cls = "pdu_" + tag;
		assertThat(api
			.post("/api/v1/cmdb/classes", token, Api
				.json(Map.of("code", cls, "parentCode", "hardware", "nameZh", "配电单元 " + tag, "nameEn", "PDU " + tag)))
			.status()).isEqualTo(201);
		assertThat(api
			.post("/api/v1/cmdb/classes/" + cls + "/attributes", token, Api.json(Map.of("code", "pdu_serial", "nameZh",
					"PDU 序列号", "nameEn", "PDU serial", "type", "TEXT", "required", true, "identifying", true)))
			.status()).isEqualTo(201);
		assertThat(api
			.post("/api/v1/cmdb/classes/" + cls + "/attributes", token,
					Api.json(Map.of("code", "outlets", "nameZh", "插座数", "nameEn", "Outlets", "type", "NUMBER")))
			.status()).isEqualTo(201);

		// 500 rows, three of them bad: a number that is not one, a missing serial, a
		// duplicate
		String[][] rows = new String[500][];
		for (int i = 0; i < 500; i++) {
			rows[i] = new String[] { "PDU-" + tag + "-" + i, "运行中", "SN" + tag + "-" + i, String.valueOf(8 + i % 4),
					"华为" };
		}
		rows[41][3] = "十二";
		rows[207][2] = "";
		rows[388][2] = "SN" + tag + "-5";
		byte[] bad = excel(rows);
		Response preview = api.upload("/api/v1/cmdb/import?class=" + cls + "&dryRun=true", token, "pdu.xlsx", bad);
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		JsonNode p = preview.json();
		assertThat(p.get("errors").asLong()).isEqualTo(3);
		assertThat(p.get("creates").asLong()).isEqualTo(497);
		Response refused = api.upload("/api/v1/cmdb/import?class=" + cls, token, "pdu.xlsx", bad);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("43").contains("209").contains("390").containsAnyOf("插座数", "Outlets");
		assertThat(api.get("/api/v1/cmdb/cis?class=" + cls, token).json().get("items").size()).as("nothing imported")
			.isZero();

		// fixed: all 500
		rows[41][3] = "12";
		rows[207][2] = "SN" + tag + "-207";
		rows[388][2] = "SN" + tag + "-388";
		Response imported = api.upload("/api/v1/cmdb/import?class=" + cls, token, "pdu.xlsx", excel(rows));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("creates").asLong()).isEqualTo(500);
		assertThat(api.get("/api/v1/cmdb/cis?class=" + cls + "&size=500", token).json().get("items").size())
			.isEqualTo(500);

		// again, two values changed: exactly those differences, nothing overwritten
		// silently
		rows[10][3] = "24";
		rows[11][1] = "维护中";
		Response again = api.upload("/api/v1/cmdb/import?class=" + cls + "&dryRun=true", token, "pdu.xlsx",
				excel(rows));
		JsonNode report = again.json();
		assertThat(report.get("updates").asLong()).isEqualTo(2);
		assertThat(report.get("unchanged").asLong()).isEqualTo(498);
		JsonNode row12 = report.get("rows").get(10);
		assertThat(row12.get("action").asString()).isEqualTo("UPDATE");
		assertThat(row12.get("differences").get(0).get("field").asString()).isEqualTo("attr:outlets");
		assertThat(row12.get("differences").get(0).get("before").asString()).isEqualTo("10");
		assertThat(row12.get("differences").get(0).get("after").asString()).isEqualTo("24");
		assertThat(api.upload("/api/v1/cmdb/import?class=" + cls, token, "pdu.xlsx", excel(rows))
			.json()
			.get("updates")
			.asLong()).isEqualTo(2);
		String number = row12.get("number").asString();
		JsonNode history = api.get("/api/v1/cmdb/cis/" + number + "/history", token).json();
		assertThat(history.get(0).get("field").asString()).isEqualTo("attr:outlets");
		assertThat(history.get(0).get("source").asString()).isEqualTo("IMPORT");
		assertThat(history.get(0).get("reason").asString()).contains("pdu.xlsx");

		// a discovery tool reports what it found: one known (firmware moved), one new
		Response found = api.post("/api/v1/cmdb/reconciliation?class=" + cls, token,
				Api.json(Map.of("source", "扫描器", "items",
						List.of(Map.of("pdu_serial", "SN" + tag + "-1", "outlets", "16"),
								Map.of("name", "PDU-" + tag + "-new", "pdu_serial", "SN" + tag + "-new")))));
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		assertThat(found.json().get("updates").asLong()).isEqualTo(1);
		assertThat(found.json().get("creates").asLong()).isEqualTo(1);
		assertThat(api
			.post("/api/v1/cmdb/reconciliation?class=" + cls, token,
					Api.json(Map.of("items", List.of(Map.of("colour", "red")))))
			.status()).as("an unknown field is named").isEqualTo(422);
	}

	private static byte[] excel(String[][] rows) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("PDU");
			String[] header = { "名称", "状态", "PDU 序列号", "插座数", "厂商" };
			Row h = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				h.createCell(i).setCellValue(header[i]);
			}
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + 1);
				for (int i = 0; i < rows[r].length; i++) {
					row.createCell(i).setCellValue(rows[r][i]);
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

}
