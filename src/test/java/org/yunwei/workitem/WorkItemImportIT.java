package org.yunwei.workitem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export, edit, import: the exported CSV comes back as an import; a file with one bad row
 * imports nothing and names the row and the column; the corrected file changes the edited
 * record and creates the new one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkItemImportIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void anExportedListComesBackEditedAllOrNothing() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		TestUsers.Person manager = people.create("imp", null, "OM_MANAGER");
		String token = api.token(manager.username(), TestUsers.PASSWORD);
		String marker = "导入" + manager.username();
		String number = api
			.post("/api/v1/work-items", token,
					Api.json(Map.of("type", "routine", "fields", Map.of("title", marker + " 备份检查"))))
			.json()
			.get("number")
			.asString();
		String csv = new String(api.download("/api/v1/work-items/export?type=routine&format=csv&q="
				+ URLEncoder.encode(marker, StandardCharsets.UTF_8), token), StandardCharsets.UTF_8);
		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(2);

		String edited = lines.get(0) + "\n" + lines.get(1).replace(marker + " 备份检查", marker + " 备份检查（每周）") + "\n\"\",\""
				+ marker + " 新任务\",\"\",\"\",\"nobody-" + manager.username() + "\",\"\",\"\",\"\"\n";
		Response refused = api.upload("/api/v1/work-items/import?type=routine", token, "routine.csv",
				edited.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").valueStream().map((e) -> e.get("field").asString()))
			.containsExactly("row 3: Assignee");
		assertThat(api.get("/api/v1/work-items/" + number, token).json().get("title").asString())
			.isEqualTo(marker + " 备份检查");

		JsonNode preview = api
			.upload("/api/v1/work-items/import?type=routine&dryRun=true", token, "routine.csv",
					edited.getBytes(StandardCharsets.UTF_8))
			.json();
		assertThat(preview.get("errors").asInt()).isEqualTo(1);
		assertThat(preview.get("rows").get(0).get("update").asBoolean()).isTrue();

		String fixed = edited.replace("nobody-" + manager.username(), manager.username());
		Response imported = api.upload("/api/v1/work-items/import?type=routine", token, "routine.csv",
				fixed.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("created").asInt()).isEqualTo(1);
		assertThat(imported.json().get("updated").asInt()).isEqualTo(1);
		assertThat(api.get("/api/v1/work-items/" + number, token).json().get("title").asString())
			.isEqualTo(marker + " 备份检查（每周）");
		JsonNode created = api
			.get("/api/v1/work-items?type=routine&q=" + URLEncoder.encode(marker + " 新任务", StandardCharsets.UTF_8),
					token)
			.json()
			.get("items")
			.get(0);
		assertThat(created.get("assigneeName").asString()).startsWith("imp");
	}

}
