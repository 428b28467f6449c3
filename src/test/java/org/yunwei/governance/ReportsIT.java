package org.yunwei.governance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import org.yunwei.support.Api;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance self-check report and the management-review input pack as PDF (Chinese
 * text embedded, read back from the file) and as Excel, with the figures the platform
 * holds now.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=conformance", "yunwei.test.schema-suffix=_conformance" })
class ReportsIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void theSelfCheckReportAndTheReviewPackCarryTodaysFiguresInChinese() throws IOException {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person head = people.create("rphead", null, "OM_HEAD");
		Person engineer = people.create("rpengineer", null, "ENGINEER");
		String token = api.token(head.username(), TestUsers.PASSWORD);
		String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
		assertThat(api.post("/api/v1/governance/indicators/compute?period=" + month, token, "").status())
			.isEqualTo(200);

		// today's overall score, as the clause tree has it
		List<BigDecimal> scores = new ArrayList<>();
		collect(api.get("/api/v1/governance/conformance", token).json(), scores);
		String overall = scores.stream()
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(scores.size()), 1, RoundingMode.HALF_UP)
			.toPlainString();
		JsonNode plan = api.get("/api/v1/governance/indicators/6-1/values/" + month, token).json();

		String selfCheck = text(
				api.download("/api/v1/governance/reports/self-check?period=" + month + "&format=pdf&lang=zh", token));
		assertThat(selfCheck).contains("运行维护合规自检报告")
			.contains("报告期间 " + month)
			.contains("8.3.6 变更管理")
			.contains("运维计划的完整性")
			.contains("不符合项与纠正措施")
			.contains(overall);
		assertThat(selfCheck).as("6-1 as computed for the month")
			.contains(plan.get("numerator").asLong() + " / " + plan.get("denominator").asLong());

		String pack = text(
				api.download("/api/v1/governance/reports/review-pack?period=" + month + "&format=pdf&lang=zh", token));
		assertThat(pack).contains("管理评审输入材料")
			.contains("监测评价结果")
			.contains("内部审核结果")
			.contains("以往管理评审的后续措施")
			.contains("纠正措施和预防措施的实施情况")
			.contains("改进建议");
		String english = text(
				api.download("/api/v1/governance/reports/review-pack?period=" + month + "&format=pdf&lang=en", token));
		assertThat(english).contains("Management review input pack").contains("Proposals for improvement");

		try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(api
			.download("/api/v1/governance/reports/self-check?period=" + month + "&format=xlsx&lang=zh", token)))) {
			assertThat(book.getNumberOfSheets()).isEqualTo(3);
			assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("关键指标");
			assertThat(book.getSheetAt(1).getLastRowNum()).isEqualTo(109);
			assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("条款");
		}

		String engineerToken = api.token(engineer.username(), TestUsers.PASSWORD);
		assertThat(api.get("/api/v1/governance/reports/self-check?period=" + month, engineerToken).status())
			.isEqualTo(403);
		assertThat(api.get("/api/v1/governance/reports/nothing?period=" + month, token).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/governance/reports/self-check?period=2026-13", token).status()).isEqualTo(422);
	}

	private static void collect(JsonNode clauses, List<BigDecimal> leaves) {
		for (JsonNode c : clauses) {
			if (c.get("children").isEmpty()) {
				leaves.add(c.get("score").decimalValue());
			}
			else {
				collect(c.get("children"), leaves);
			}
		}
	}

	private static String text(byte[] pdf) throws IOException {
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc);
		}
	}

}
