package org.yunwei.e2e;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import org.yunwei.support.Api;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Done-when 4 of the work-item kernel in a real browser: export the task list to Excel,
 * edit it, import it with one bad row (nothing imported, the row and column named), fix
 * it, import it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportFlowIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private static byte[] edit(byte[] xlsx, String from, String to, String badAssignee, String marker)
			throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.getSheetAt(0);
			int edited = 0;
			StringBuilder seen = new StringBuilder();
			for (Row row : sheet) {
				seen.append(row.getCell(1) == null ? "null" : row.getCell(1).getStringCellValue()).append(" | ");
				if (row.getCell(1) != null && from.equals(row.getCell(1).getStringCellValue())) {
					// the export writes inline strings; POI edits them reliably only as
					// new cells
					row.removeCell(row.getCell(1));
					row.createCell(1).setCellValue(to);
					edited++;
				}
			}
			org.assertj.core.api.Assertions.assertThat(edited).as(seen.toString()).isEqualTo(1);
			Row added = sheet.createRow(sheet.getLastRowNum() + 1);
			added.createCell(1).setCellValue(marker + " 新增的巡检");
			added.createCell(4).setCellValue(badAssignee);
			book.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void exportEditImportAllOrNothing() throws Exception {
		Person manager = new TestUsers(this.context).create("xls", null, "OM_MANAGER");
		String marker = "表格" + manager.username();
		Api api = new Api(this.port);
		String token = api.token(manager.username(), TestUsers.PASSWORD);
		api.post("/api/v1/work-items", token,
				Api.json(Map.of("type", "routine", "fields", Map.of("title", marker + " 机房巡检"))));
		String base = "http://127.0.0.1:" + this.port;
		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright);
				BrowserContext context = browser.newContext(Browser.context())) {
			Page page = Browser.signIn(context, base, manager.username(), TestUsers.PASSWORD);
			page.navigate(base + "/work/routine");
			page.fill("#item-q", marker);
			assertThat(page.locator("#item-rows tr")).hasCount(1);
			Download download = page.waitForDownload(() -> page.click("#export-xlsx"));
			byte[] exported;
			try (InputStream in = download.createReadStream()) {
				exported = in.readAllBytes();
			}

			byte[] bad = edit(exported, marker + " 机房巡检", marker + " 机房巡检（含UPS）", "no-such-person", marker);
			page.click("#import-items");
			page.setInputFiles("#import-file", new FilePayload("routine.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bad));
			page.click("#import-preview");
			assertThat(page.locator("#import-rows tr.table-danger")).hasCount(1);
			assertThat(page.locator("#import-rows tr.table-danger")).containsText("第 3 行: 处理人");
			assertThat(page.locator("#import-confirm")).isDisabled();
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/import-preview.png"))
				.setFullPage(true));
			page.navigate(base + "/work/routine?view=all&q=" + java.net.URLEncoder.encode(marker, "UTF-8"));
			assertThat(page.locator("#item-rows tr")).hasCount(1);
			assertThat(page.locator("#item-rows")).containsText(marker + " 机房巡检");
			assertThat(page.locator("#item-rows")).not().containsText("含UPS");

			byte[] good = edit(exported, marker + " 机房巡检", marker + " 机房巡检（含UPS）", manager.username(), marker);
			page.click("#import-items");
			page.setInputFiles("#import-file", new FilePayload("routine.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", good));
			page.click("#import-preview");
			assertThat(page.locator("#import-rows tr.table-danger")).hasCount(0);
			page.click("#import-confirm");
			assertThat(page.locator(".alert-success")).containsText("新建 1 条，修改 1 条");
			String titles = api
				.get("/api/v1/work-items?type=routine&view=all&q=" + java.net.URLEncoder.encode(marker, "UTF-8"), token)
				.body();
			org.assertj.core.api.Assertions.assertThat(titles).contains("含UPS");
			page.fill("#item-q", marker);
			assertThat(page.locator("#item-rows tr")).hasCount(2);
			assertThat(page.locator("#item-rows")).containsText("含UPS");
		}
	}

}
