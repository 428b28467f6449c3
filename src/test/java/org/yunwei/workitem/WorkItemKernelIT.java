package org.yunwei.workitem;

import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
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
 * The work-item kernel over REST, on routine tasks: numbering under concurrent creators,
 * the workflow with its permissions, required comments and milestones, optimistic
 * locking, record scope, the journal, links, and workflow versions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkItemKernelIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	TestUsers people;

	Person manager;

	Person engineer;

	String managerToken;

	String engineerToken;

	@BeforeEach
	void people() {
		this.api = new Api(this.port);
		this.people = new TestUsers(this.context);
		this.manager = this.people.create("mgr", null, "OM_MANAGER");
		this.engineer = this.people.create("eng", null, "ENGINEER");
		this.managerToken = this.api.token(this.manager.username(), TestUsers.PASSWORD);
		this.engineerToken = this.api.token(this.engineer.username(), TestUsers.PASSWORD);
	}

	private JsonNode create(String token, Map<String, Object> fields) {
		Response r = this.api.post("/api/v1/work-items", token, Api.json(Map.of("type", "routine", "fields", fields)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}

	private Response take(String token, String number, String transition, Map<String, Object> body) {
		return this.api.post("/api/v1/work-items/" + number + "/transitions/" + transition, token, Api.json(body));
	}

	@Test
	void sixteenConcurrentCreatorsNeverGetTheSameNumber() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<List<String>>> futures = new ArrayList<>();
			for (int t = 0; t < 16; t++) {
				int thread = t;
				Callable<List<String>> creator = () -> {
					List<String> numbers = new ArrayList<>();
					for (int i = 0; i < 5; i++) {
						numbers.add(create(this.managerToken, Map.of("title", "并发 " + thread + "-" + i)).get("number")
							.asString());
					}
					return numbers;
				};
				futures.add(pool.submit(creator));
			}
			Set<String> all = new HashSet<>();
			for (Future<List<String>> f : futures) {
				all.addAll(f.get());
			}
			assertThat(all).hasSize(80);
			int year = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
			assertThat(all).allMatch((n) -> n.matches("RT-" + year + "-\\d{6}"));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aRoutineTaskGoesThroughItsWorkflow() {
		long group = this.people.group("机房巡检组", this.engineer);
		JsonNode task = create(this.managerToken, Map.of("title", "机房日常巡检", "description", "检查**温湿度**和 UPS", "impact",
				1, "urgency", 2, "groupId", group));
		String number = task.get("number").asString();
		assertThat(task.get("state").asString()).isEqualTo("open");
		assertThat(task.get("stateCategory").asString()).isEqualTo("NEW");
		assertThat(task.get("priority").asInt()).isEqualTo(2);
		assertThat(task.get("requester").get("id").asLong()).isEqualTo(this.manager.id());

		List<String> managerCan = this.api.get("/api/v1/work-items/" + number + "/transitions", this.managerToken)
			.json()
			.valueStream()
			.map((t) -> t.get("name").asString())
			.toList();
		assertThat(managerCan).containsExactlyInAnyOrder("start", "cancel");
		Response engineerCan = this.api.get("/api/v1/work-items/" + number + "/transitions", this.engineerToken);
		assertThat(engineerCan.json().valueStream().map((t) -> t.get("name").asString())).containsExactly("start");
		Response refused = take(this.engineerToken, number, "cancel", Map.of("comment", "不做了"));
		assertThat(refused.status()).isEqualTo(403);

		JsonNode started = take(this.engineerToken, number, "start", Map.of()).json();
		assertThat(started.get("state").asString()).isEqualTo("inProgress");
		assertThat(started.get("assignee").get("id").asLong()).isEqualTo(this.engineer.id());
		assertThat(started.get("firstResponseAt").isNull()).isFalse();

		Response noComment = take(this.engineerToken, number, "wait", Map.of());
		assertThat(noComment.status()).isEqualTo(422);
		assertThat(noComment.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
		assertThat(this.api.get("/api/v1/work-items/" + number, this.engineerToken).json().get("state").asString())
			.isEqualTo("inProgress");

		assertThat(take(this.engineerToken, number, "wait", Map.of("comment", "等待厂商更换风扇")).json()
			.get("stateCategory")
			.asString()).isEqualTo("WAITING");
		take(this.engineerToken, number, "resume", Map.of());
		JsonNode done = take(this.engineerToken, number, "complete", Map.of("comment", "巡检完成，一切正常")).json();
		assertThat(done.get("stateCategory").asString()).isEqualTo("DONE");
		assertThat(done.get("resolvedAt").isNull()).isFalse();
		assertThat(done.get("closedAt").isNull()).isFalse();
		assertThat(this.api.get("/api/v1/work-items/" + number + "/transitions", this.engineerToken).json().size())
			.isZero();

		Response again = take(this.engineerToken, number, "start", Map.of());
		assertThat(again.status()).isEqualTo(409);

		JsonNode journal = this.api.get("/api/v1/work-items/" + number + "/journal", this.managerToken).json();
		List<String> kinds = journal.valueStream().map((e) -> e.get("kind").asString()).toList();
		assertThat(kinds).containsSubsequence("SYSTEM", "SYSTEM", "SYSTEM", "COMMENT");
		assertThat(journal.valueStream().filter((e) -> "COMMENT".equals(e.get("kind").asString())))
			.extracting((e) -> e.get("body").asString())
			.contains("等待厂商更换风扇", "巡检完成，一切正常");
		assertThat(journal.get(1).get("changes").get(0).get("field").asString()).isEqualTo("state");
	}

	@Test
	void aStaleEditIsRefusedAndChangesNothing() {
		JsonNode task = create(this.managerToken, Map.of("title", "备份检查"));
		String number = task.get("number").asString();
		int version = task.get("version").asInt();
		Response first = this.api.patch("/api/v1/work-items/" + number, this.managerToken,
				Api.json(Map.of("title", "备份检查（每周）", "version", version)));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		Response stale = this.api.patch("/api/v1/work-items/" + number, this.managerToken,
				Api.json(Map.of("title", "被覆盖的标题", "version", version)));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.contentType()).startsWith("application/problem+json");
		assertThat(this.api.get("/api/v1/work-items/" + number, this.managerToken).json().get("title").asString())
			.isEqualTo("备份检查（每周）");
		JsonNode journal = this.api.get("/api/v1/work-items/" + number + "/journal", this.managerToken).json();
		assertThat(journal.get(journal.size() - 1).get("changes").get(0).get("after").asString()).isEqualTo("备份检查（每周）");
	}

	@Test
	void anEngineerSeesTheirGroupsTasksAndNotOthers() {
		long network = this.people.group("网络组", this.engineer);
		Person other = this.people.create("eng", null, "ENGINEER");
		long servers = this.people.group("主机组", other);
		JsonNode mine = create(this.managerToken, Map.of("title", "交换机巡检", "groupId", network));
		JsonNode theirs = create(this.managerToken, Map.of("title", "服务器巡检", "groupId", servers));
		assertThat(this.api.get("/api/v1/work-items/" + mine.get("number").asString(), this.engineerToken).status())
			.isEqualTo(200);
		Response hidden = this.api.get("/api/v1/work-items/" + theirs.get("number").asString(), this.engineerToken);
		assertThat(hidden.status()).isEqualTo(404);
		List<String> listed = this.api.get("/api/v1/work-items?type=routine&size=500", this.engineerToken)
			.json()
			.get("items")
			.valueStream()
			.map((i) -> i.get("number").asString())
			.toList();
		assertThat(listed).contains(mine.get("number").asString()).doesNotContain(theirs.get("number").asString());
		Person user = this.people.create("usr", null, "DEPARTMENT_USER");
		String userToken = this.api.token(user.username(), TestUsers.PASSWORD);
		assertThat(this.api.get("/api/v1/work-items?type=routine", userToken).status()).isEqualTo(403);
	}

	@Test
	void workNotesAreInternalAndLinksWorkBothWays() {
		JsonNode a = create(this.managerToken, Map.of("title", "UPS 告警复核"));
		JsonNode b = create(this.managerToken, Map.of("title", "UPS 电池更换"));
		String na = a.get("number").asString();
		String nb = b.get("number").asString();
		assertThat(this.api
			.post("/api/v1/work-items/" + na + "/journal", this.managerToken,
					Api.json(Map.of("body", "厂商电话 400-000-0000", "internal", true)))
			.json()
			.get("kind")
			.asString()).isEqualTo("WORK_NOTE");
		Response link = this.api.post("/api/v1/work-items/" + nb + "/links", this.managerToken,
				Api.json(Map.of("kind", "CAUSED_BY", "number", na)));
		assertThat(link.status()).as(link.body()).isEqualTo(201);
		JsonNode fromA = this.api.get("/api/v1/work-items/" + na + "/links", this.managerToken).json().get(0);
		assertThat(fromA.get("otherNumber").asString()).isEqualTo(nb);
		assertThat(fromA.get("outgoing").asBoolean()).isFalse();
		assertThat(fromA.get("kind").asString()).isEqualTo("CAUSED_BY");
		Response dup = this.api.post("/api/v1/work-items/" + nb + "/links", this.managerToken,
				Api.json(Map.of("kind", "CAUSED_BY", "number", na)));
		assertThat(dup.status()).isEqualTo(409);
	}

	@Test
	void aBrokenWorkflowIsRefusedAndRecordsKeepTheirVersion() {
		JsonNode before = create(this.managerToken, Map.of("title", "旧流程上的任务"));
		String current = this.api.get("/api/v1/workflows/routine", this.managerToken).json().get("json").asString();
		int version = this.api.get("/api/v1/workflows/routine", this.managerToken).json().get("version").asInt();

		String broken = "{\"states\":[{\"code\":\"open\",\"category\":\"NEW\",\"initial\":true},"
				+ "{\"code\":\"doing\",\"category\":\"ACTIVE\"},{\"code\":\"island\",\"category\":\"ACTIVE\"}],"
				+ "\"transitions\":[{\"name\":\"go\",\"from\":[\"open\"],\"to\":\"doing\"}]}";
		Response refused = this.api.put("/api/v1/workflows/routine", this.managerToken, broken);
		assertThat(refused.status()).isEqualTo(422);
		List<String> problems = refused.json()
			.get("errors")
			.valueStream()
			.map((e) -> e.get("message").asString())
			.toList();
		assertThat(problems).anyMatch((m) -> m.contains("end state"));
		assertThat(problems).anyMatch((m) -> m.contains("island") && m.contains("cannot be reached"));
		assertThat(this.api.put("/api/v1/workflows/routine", this.engineerToken, current).status()).isEqualTo(403);

		Response saved = this.api.put("/api/v1/workflows/routine", this.managerToken,
				current.replace("\"开始处理\"", "\"开始巡检\""));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("version").asInt()).isEqualTo(version + 1);
		JsonNode after = create(this.managerToken, Map.of("title", "新流程上的任务"));
		assertThat(after.get("workflowVersion").asInt()).isEqualTo(version + 1);
		assertThat(this.api.get("/api/v1/work-items/" + before.get("number").asString(), this.managerToken)
			.json()
			.get("workflowVersion")
			.asInt()).isEqualTo(before.get("workflowVersion").asInt());
	}

	@Test
	void aFilteredListExportsToCsvAndExcel() throws Exception {
		String marker = "导出" + this.manager.username();
		create(this.managerToken, Map.of("title", marker + " 甲", "impact", 1, "urgency", 1));
		create(this.managerToken, Map.of("title", marker + " 乙"));
		create(this.managerToken, Map.of("title", "=cmd|' /C calc'!A0 " + marker));
		byte[] csv = this.api.download(
				"/api/v1/work-items/export?type=routine&format=csv&q="
						+ java.net.URLEncoder.encode(marker, java.nio.charset.StandardCharsets.UTF_8),
				this.managerToken);
		String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF\"Number\",\"Title\",\"State\",\"Priority\"");
		assertThat(text.lines()).hasSize(4);
		assertThat(text).contains(marker + " 甲\",\"Open\",\"P1\"").contains("\"'=cmd|");
		byte[] xlsx = this.api.download(
				"/api/v1/work-items/export?type=routine&format=xlsx&q="
						+ java.net.URLEncoder.encode(marker, java.nio.charset.StandardCharsets.UTF_8),
				this.managerToken);
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx))) {
			assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(3);
			assertThat(book.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("Title");
		}
		Response audit = this.api.get(
				"/api/v1/audit?action=EXPORT&recordType=workItem&actor=" + this.manager.username(),
				this.api.token("auditadmin", Api.ADMIN_PASSWORD));
		assertThat(audit.json().get("items").size()).isEqualTo(2);
	}

}
