package org.yunwei.platform;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.yunwei.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit administrator's exports as a spreadsheet user opens them: CSV that Excel
 * reads in Chinese without formulas, and a real .xlsx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditExportIT {

	@LocalServerPort
	int port;

	Api api;

	String auditadmin;

	String code;

	@BeforeEach
	void aDepartmentWithAFormulaForAName() {
		this.api = new Api(this.port);
		this.auditadmin = this.api.token("auditadmin", Api.ADMIN_PASSWORD);
		this.code = "EXP-" + UUID.randomUUID().toString().substring(0, 6);
		Api.Response created = this.api.post("/api/v1/departments", this.api.token("sysadmin", Api.ADMIN_PASSWORD),
				Api.json(Map.of("code", this.code, "name", "=HYPERLINK(\"http://x\") 信息科")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	@Test
	void csvHasABomAHeaderAndNeutralisedFormulas() {
		byte[] bytes = this.api.download("/api/v1/audit/export?format=csv&recordType=department&actor=sysadmin",
				this.auditadmin);
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
		String[] lines = csv.split("\r\n");
		assertThat(lines[0]).isEqualTo("\"No.\",\"Time\",\"User\",\"Source\",\"Action\",\"Record type\",\"Record id\","
				+ "\"Summary\",\"Changes\"");
		assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\") 信息科 (" + this.code + ")\"");
		assertThat(csv).doesNotContain(",\"=HYPERLINK");
	}

	@Test
	void xlsxOpensWithTheSameRows() throws Exception {
		byte[] bytes = this.api.download("/api/v1/audit/export?format=xlsx&recordType=department&actor=sysadmin",
				this.auditadmin);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Action");
			boolean found = false;
			for (Row row : sheet) {
				if (row.getRowNum() > 0 && row.getCell(8).getStringCellValue().contains(this.code)) {
					assertThat(row.getCell(2).getStringCellValue()).isEqualTo("sysadmin");
					assertThat(row.getCell(4).getStringCellValue()).isEqualTo("Create");
					found = true;
				}
			}
			assertThat(found).as("the creation of department " + this.code).isTrue();
		}
	}

	@Test
	void onlyTheAuditAdministratorExportsAndAnUnknownFormatIsRefused() {
		assertThat(this.api.get("/api/v1/audit/export?format=csv", this.api.token("sysadmin", Api.ADMIN_PASSWORD))
			.status()).isEqualTo(403);
		Api.Response pdf = this.api.get("/api/v1/audit/export?format=pdf", this.auditadmin);
		assertThat(pdf.status()).isEqualTo(422);
		assertThat(pdf.contentType()).startsWith("application/problem+json");
	}

}
