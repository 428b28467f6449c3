package org.yunwei.document;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import org.yunwei.schedule.RecurringWork;
import org.yunwei.support.Api;
import org.yunwei.support.Api.Response;
import org.yunwei.support.MovableClock;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Controlled documents end to end over REST: an SOP is registered, drafted, approved
 * through its docapproval record and takes effect; its next version is rejected with a
 * reason, mended, approved for a later day and takes effect on that day, superseding the
 * first, which is kept; a schedule that follows the SOP gives each task the steps of the
 * version in effect; the review falls due and its task confirms the document; the SOP
 * count (8.4.1-2) is read at the end of each period; and who may see and change what.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=documents", "yunwei.test.schema-suffix=_documents",
		"yunwei.documents.interval=PT10H", "yunwei.documents.initial-delay=PT10H", "yunwei.sla.interval=PT10H",
		"yunwei.sla.initial-delay=PT10H" })
class DocumentIT {

	/** Tuesday 1 December 2026, 09:00 in Beijing. */
	static final Instant START = Instant.parse("2026-12-01T01:00:00Z");

	@TestConfiguration
	static class Time {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(START);
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MovableClock clock;

	@Autowired
	DocumentManagement documents;

	@Autowired
	RecurringWork recurring;

	@Test
	void anSopIsApprovedRevisedSupersededFollowedAndReviewed() {
		this.clock.set(START);
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person owner = people.create("docown", null, "OM_MANAGER");
		Person head = people.create("dochead", null, "OM_HEAD");
		Person engineer = people.create("doceng", null, "ENGINEER");
		Person director = people.create("docdir", null, "TOP_MANAGEMENT");
		String token = api.token(owner.username(), TestUsers.PASSWORD);
		String engineerToken = api.token(engineer.username(), TestUsers.PASSWORD);
		String directorToken = api.token(director.username(), TestUsers.PASSWORD);

		// refused: an unknown clause, and an SOP submitted without steps
		Response badClause = api.post("/api/v1/documents", token, Api.json(Map.of("type", "SOP", "title", "机房巡检作业指导书",
				"ownerId", owner.id(), "clauses", List.of("8.4.1", "8.9.9"))));
		assertThat(badClause.status()).isEqualTo(422);
		assertThat(badClause.json().get("errors").get(0).get("field").asString()).isEqualTo("clauses");
		assertThat(badClause.json().get("errors").get(0).get("message").asString()).contains("8.9.9");

		Response created = api.post("/api/v1/documents", token, Api.json(Map.of("type", "SOP", "title", "机房巡检作业指导书",
				"ownerId", owner.id(), "clauses", List.of("8.4.1"), "reviewMonths", 12, "content", "# 目的\n规范机房日常巡检。")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String number = created.json().get("number").asString();
		assertThat(number).matches("SOP-\\d{4}");
		assertThat(created.json().get("state").asString()).isEqualTo("DRAFT");
		assertThat(created.json().get("pending").get("label").asString()).isEqualTo("1.0");
		Response noSteps = api.post("/api/v1/documents/" + number + "/draft/submit", token, "");
		assertThat(noSteps.status()).isEqualTo(422);
		assertThat(noSteps.json().get("errors").get(0).get("field").asString()).isEqualTo("steps");

		// only the owner (or a document manager) drafts; readers do not see drafts at all
		JsonNode draft = api.get("/api/v1/documents/" + number, token).json().get("pending");
		Map<String, Object> edit = new HashMap<>(Map.of("label", "1.0", "content", "# 目的\n规范机房日常巡检。", "steps",
				"检查机房温湿度\n检查 UPS 负载和电池电压\n\n检查精密空调运行状态", "version", draft.get("version").asInt()));
		assertThat(api.put("/api/v1/documents/" + number + "/draft", engineerToken, Api.json(edit)).status())
			.isEqualTo(403);
		assertThat(api.get("/api/v1/documents/" + number, directorToken).status()).isEqualTo(404);
		Response saved = api.put("/api/v1/documents/" + number + "/draft", token, Api.json(edit));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("steps")).hasSize(3);
		assertThat(api.put("/api/v1/documents/" + number + "/draft", token, Api.json(edit)).status())
			.as("a stale version is refused")
			.isEqualTo(409);
		assertThat(api
			.upload("/api/v1/documents/" + number + "/draft/files", token, "巡检记录表.pdf",
					"%PDF-1.4 巡检记录表".getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.status()).isEqualTo(201);

		// submitted: frozen, and the head of O&M is asked on a docapproval record
		Response submitted = api.post("/api/v1/documents/" + number + "/draft/submit", token, "");
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		assertThat(submitted.json().get("state").asString()).isEqualTo("IN_APPROVAL");
		String approval = submitted.json().get("approvalNumber").asString();
		assertThat(approval).startsWith("DA-2026-");
		assertThat(api.put("/api/v1/documents/" + number + "/draft", token, Api.json(edit)).status())
			.as("nothing to edit while in approval")
			.isEqualTo(409);
		assertThat(api.upload("/api/v1/documents/" + number + "/draft/files", token, "x.txt", "x".getBytes()).status())
			.isEqualTo(409);
		decide(api, head, approval, true, "同意发布");

		JsonNode effective = api.get("/api/v1/documents/" + number, directorToken).json();
		assertThat(effective.get("state").asString()).isEqualTo("EFFECTIVE");
		assertThat(effective.get("current").get("label").asString()).isEqualTo("1.0");
		assertThat(effective.get("current").get("approvedBy").asString()).startsWith("dochead");
		assertThat(effective.get("effectiveOn").asString()).isEqualTo("2026-12-01");
		assertThat(effective.get("nextReviewOn").asString()).isEqualTo("2027-12-01");
		assertThat(effective.get("current").get("files").get(0).get("fileName").asString()).isEqualTo("巡检记录表.pdf");
		assertThat(api.get("/api/v1/work-items/" + approval, token).json().get("state").asString())
			.isEqualTo("approved");

		// a schedule that follows the SOP gives its task the steps of the version in
		// effect
		long sopId = effective.get("id").asLong();
		Response activity = api.post("/api/v1/recurring-activities", token,
				Api.json(Map.of("type", "routine", "title", "机房日常巡检", "rrule", "FREQ=DAILY", "startDate", "2026-12-02",
						"startTime", "08:30", "policy", "KEEP", "dueMinutes", 120, "sopDocumentId", sopId)));
		assertThat(activity.status()).as(activity.body()).isEqualTo(201);
		assertThat(
				api.post("/api/v1/recurring-activities", token,
						Api.json(Map.of("type", "routine", "title", "x", "rrule", "FREQ=DAILY", "startDate",
								"2026-12-02", "startTime", "08:30", "policy", "KEEP", "sopDocumentId", 999999)))
					.status())
			.isEqualTo(422);

		// the next version: started from 1.0, rejected with a reason, mended, approved
		// for a
		// later day
		Response next = api.post("/api/v1/documents/" + number + "/draft", token, "");
		assertThat(next.status()).as(next.body()).isEqualTo(201);
		assertThat(next.json().get("label").asString()).isEqualTo("1.1");
		assertThat(next.json().get("steps")).hasSize(3);
		assertThat(api.post("/api/v1/documents/" + number + "/draft", token, "").status()).as("one at a time")
			.isEqualTo(409);
		Map<String, Object> v11 = new HashMap<>(Map.of("label", "1.1", "content", "# 目的\n规范机房日常巡检。", "steps",
				"检查机房温湿度\n检查 UPS 负载和电池电压\n检查精密空调运行状态\n检查消防气瓶压力", "changeNote", "增加消防检查", "effectiveOn", "2026-12-07",
				"version", next.json().get("version").asInt()));
		api.put("/api/v1/documents/" + number + "/draft", token, Api.json(v11));
		String approval2 = api.post("/api/v1/documents/" + number + "/draft/submit", token, "")
			.json()
			.get("approvalNumber")
			.asString();
		decide(api, head, approval2, false, "气瓶压力的正常范围要写明");
		JsonNode rejected = api.get("/api/v1/documents/" + number, token).json().get("pending");
		assertThat(rejected.get("state").asString()).isEqualTo("DRAFT");
		assertThat(rejected.get("rejectedReason").asString()).isEqualTo("气瓶压力的正常范围要写明");
		v11.put("steps", "检查机房温湿度\n检查 UPS 负载和电池电压\n检查精密空调运行状态\n检查消防气瓶压力（4.2–5.0 MPa）");
		v11.put("version", rejected.get("version").asInt());
		assertThat(api.put("/api/v1/documents/" + number + "/draft", token, Api.json(v11)).status()).isEqualTo(200);
		String approval3 = api.post("/api/v1/documents/" + number + "/draft/submit", token, "")
			.json()
			.get("approvalNumber")
			.asString();
		decide(api, head, approval3, true, null);
		JsonNode approved = api.get("/api/v1/documents/" + number, token).json();
		assertThat(approved.get("pending").get("state").asString()).isEqualTo("APPROVED");
		assertThat(approved.get("current").get("label").asString()).as("1.0 stays in effect until the day")
			.isEqualTo("1.0");

		// 2 December: the schedule's first task follows 1.0
		this.clock.set(Instant.parse("2026-12-02T00:31:00Z"));
		token = api.token(owner.username(), TestUsers.PASSWORD);
		engineerToken = api.token(engineer.username(), TestUsers.PASSWORD);
		directorToken = api.token(director.username(), TestUsers.PASSWORD);
		assertThat(this.recurring.generate(this.clock.instant())).isEqualTo(1);
		String firstTask = routineTasks(api, token).get(0);
		assertThat(checklist(api, token, firstTask)).containsExactly("检查机房温湿度", "检查 UPS 负载和电池电压", "检查精密空调运行状态");
		assertThat(api.get("/api/v1/work-items/" + firstTask, token).json().get("description").asString())
			.contains("SOP: " + number + " v1.0");

		// 7 December: 1.1 takes effect, 1.0 is superseded and kept; the next task follows
		// 1.1
		this.clock.set(Instant.parse("2026-12-07T00:05:00Z"));
		token = api.token(owner.username(), TestUsers.PASSWORD);
		engineerToken = api.token(engineer.username(), TestUsers.PASSWORD);
		directorToken = api.token(director.username(), TestUsers.PASSWORD);
		assertThat(this.documents.takeEffectDue()).isEqualTo(1);
		JsonNode revised = api.get("/api/v1/documents/" + number, directorToken).json();
		assertThat(revised.get("current").get("label").asString()).isEqualTo("1.1");
		assertThat(revised.get("effectiveOn").asString()).isEqualTo("2026-12-07");
		assertThat(revised.get("nextReviewOn").asString()).isEqualTo("2027-12-07");
		assertThat(revised.get("versions")
			.valueStream()
			.map((v) -> v.get("label").asString() + ":" + v.get("state").asString()))
			.containsExactly("1.1:EFFECTIVE", "1.0:SUPERSEDED");
		assertThat(api.get("/api/v1/documents/" + number + "/versions/1.0", directorToken).json().get("steps"))
			.hasSize(3);
		this.clock.set(Instant.parse("2026-12-07T00:31:00Z"));
		token = api.token(owner.username(), TestUsers.PASSWORD);
		engineerToken = api.token(engineer.username(), TestUsers.PASSWORD);
		directorToken = api.token(director.username(), TestUsers.PASSWORD);
		this.recurring.generate(this.clock.instant());
		List<String> tasks = routineTasks(api, token);
		assertThat(checklist(api, token, tasks.get(0))).hasSize(4).last().isEqualTo("检查消防气瓶压力（4.2–5.0 MPa）");

		// 8.4.1-2 counts the SOPs in effect at the end of the period; a draft SOP is
		// listed, not counted
		api.post("/api/v1/documents", token, Api.json(Map.of("type", "SOP", "title", "备份检查作业指导书", "ownerId", owner.id(),
				"clauses", List.of("8.4.1"), "steps", "核对备份作业结果")));
		Person kpi = people.create("docKpi", null, "TOP_MANAGEMENT");
		String kpiToken = api.token(kpi.username(), TestUsers.PASSWORD);
		JsonNode december = api.get("/api/v1/indicators/8.4.1-2?period=2026-12", kpiToken).json();
		assertThat(december.get("value").asInt()).isEqualTo(1);
		assertThat(december.get("unit").asString()).isEqualTo("count");
		assertThat(december.get("records").valueStream().map((r) -> r.get("counted").asBoolean())).containsExactly(true,
				false);
		assertThat(api.get("/api/v1/indicators/8.4.1-2?period=2026-11", kpiToken).json().get("value").asInt())
			.as("not yet in effect in November")
			.isEqualTo(0);

		// a year on, the review falls due: the owner is given a review task, and
		// confirming it sets the next date
		this.clock.set(Instant.parse("2027-11-10T01:00:00Z"));
		token = api.token(owner.username(), TestUsers.PASSWORD);
		engineerToken = api.token(engineer.username(), TestUsers.PASSWORD);
		directorToken = api.token(director.username(), TestUsers.PASSWORD);
		kpiToken = api.token(kpi.username(), TestUsers.PASSWORD);
		assertThat(this.documents.reviewsToOpen()).contains(sopId);
		String review = this.documents.openReview(sopId).orElseThrow();
		assertThat(this.documents.openReview(sopId)).as("one review at a time").isEmpty();
		JsonNode task = api.get("/api/v1/work-items/" + review, token).json();
		assertThat(task.get("assignee").get("id").asLong()).isEqualTo(owner.id());
		assertThat(task.get("dueAt").asString()).startsWith("2027-12-07");
		assertThat(api
			.post("/api/v1/work-items/" + review + "/transitions/confirm", token,
					Api.json(Map.of("comment", "步骤与现行设备一致，继续有效")))
			.status()).isEqualTo(200);
		JsonNode afterReview = api.get("/api/v1/documents/" + number, token).json();
		assertThat(afterReview.get("nextReviewOn").asString()).isEqualTo("2028-11-10");
		assertThat(this.documents.reviewsToOpen()).doesNotContain(sopId);

		// withdrawn by a document manager with a reason; it no longer counts
		assertThat(api.post("/api/v1/documents/" + number + "/retire", engineerToken, Api.json(Map.of("reason", "x")))
			.status()).isEqualTo(403);
		assertThat(api.post("/api/v1/documents/" + number + "/retire", token, Api.json(Map.of("reason", " "))).status())
			.isEqualTo(422);
		JsonNode retired = api
			.post("/api/v1/documents/" + number + "/retire", token, Api.json(Map.of("reason", "机房搬迁，改用新 SOP")))
			.json();
		assertThat(retired.get("state").asString()).isEqualTo("RETIRED");
		assertThat(api.get("/api/v1/indicators/8.4.1-2?period=2027-11", kpiToken).json().get("value").asInt())
			.isEqualTo(0);
		assertThat(api.get("/api/v1/indicators/8.4.1-2?period=2027-10", kpiToken).json().get("value").asInt())
			.isEqualTo(1);
	}

	@Test
	void aReviewThatFindsTheDocumentOutdatedStartsItsNextDraft() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person owner = people.create("revown", null, "OM_MANAGER");
		Person head = people.create("revhead", null, "OM_HEAD");
		String token = api.token(owner.username(), TestUsers.PASSWORD);
		JsonNode created = api
			.post("/api/v1/documents", token, Api.json(Map.of("type", "POLICY", "title", "信息安全管理制度", "ownerId",
					owner.id(), "clauses", List.of("8.7.1"), "reviewMonths", 1, "content", "# 总则")))
			.json();
		String number = created.get("number").asString();
		assertThat(number).startsWith("POL-");
		String approval = api.post("/api/v1/documents/" + number + "/draft/submit", token, "")
			.json()
			.get("approvalNumber")
			.asString();
		decide(api, head, approval, true, null);
		LocalDate effective = LocalDate
			.parse(api.get("/api/v1/documents/" + number, token).json().get("effectiveOn").asString());

		this.clock.set(this.clock.instant().plus(Duration.ofDays(10)));
		token = api.token(owner.username(), TestUsers.PASSWORD);
		long id = created.get("id").asLong();
		assertThat(this.documents.reviewsToOpen()).as("a month's interval is within the 30 days").contains(id);
		String review = this.documents.openReview(id).orElseThrow();
		assertThat(api
			.post("/api/v1/work-items/" + review + "/transitions/revise", token,
					Api.json(Map.of("comment", "需按新的等级保护要求修订")))
			.status()).isEqualTo(200);
		JsonNode doc = api.get("/api/v1/documents/" + number, token).json();
		assertThat(doc.get("pending").get("state").asString()).isEqualTo("DRAFT");
		assertThat(doc.get("pending").get("label").asString()).isEqualTo("1.1");
		assertThat(doc.get("nextReviewOn").asString()).isEqualTo(effective.plusMonths(1).toString());
		assertThat(this.documents.reviewsToOpen()).as("no new review while the revision is under way")
			.doesNotContain(id);
	}

	/** The approver decides their step of the record's latest approval. */
	@Test
	void aPlanOfClauseSixIsWrittenSectionBySectionAndItsCompletenessIsIndicator61() {
		this.clock.set(START);
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person owner = people.create("planown", null, "OM_MANAGER");
		Person head = people.create("planhead", null, "OM_HEAD");
		String token = api.token(owner.username(), TestUsers.PASSWORD);

		// only a plan has a plan kind
		Response notAPlan = api.post("/api/v1/documents", token,
				Api.json(Map.of("type", "POLICY", "title", "运维制度", "ownerId", owner.id(), "planKind", "OPERATIONS")));
		assertThat(notAPlan.status()).isEqualTo(422);
		assertThat(notAPlan.body()).contains("planKind");

		Response created = api.post("/api/v1/documents", token, Api.json(Map.of("type", "PLAN", "title", "2026 年度运维计划",
				"ownerId", owner.id(), "clauses", List.of("6"), "planKind", "OPERATIONS", "content", "# 2026 年度运维计划")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String number = created.json().get("number").asString();
		JsonNode draft = created.json().get("pending");
		// seven of the nine sections of 6.1 a)–i): nothing on outsourcing, a blank
		// security section
		Map<String, String> sections = new HashMap<>();
		for (String key : List.of("design", "catalogue", "teams", "resources", "processes", "indicators", "review")) {
			sections.put(key, "本节内容：" + key);
		}
		sections.put("security", "   ");
		Response saved = api.put("/api/v1/documents/" + number + "/draft", token, Api.json(Map.of("label", "1.0",
				"content", "# 2026 年度运维计划", "sections", sections, "version", draft.get("version").asInt())));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("sections").size()).isEqualTo(7);

		// not in effect yet: the O&M plan is 0 % complete
		JsonNode before = api.get("/api/v1/indicators/6-1?period=2026-12", token).json();
		assertThat(before.get("numerator").asInt()).isZero();
		assertThat(before.get("denominator").asInt()).isEqualTo(9);
		assertThat(before.get("records").size()).isZero();

		String approval = api.post("/api/v1/documents/" + number + "/draft/submit", token, "")
			.json()
			.get("approvalNumber")
			.asString();
		decide(api, head, approval, true, null);
		JsonNode value = api.get("/api/v1/indicators/6-1?period=2026-12", token).json();
		assertThat(value.get("numerator").asInt()).isEqualTo(7);
		assertThat(value.get("denominator").asInt()).isEqualTo(9);
		assertThat(value.get("value").asDouble()).isEqualTo(77.8);
		List<String> missing = value.get("records")
			.valueStream()
			.filter((r) -> !r.get("counted").asBoolean())
			.map((r) -> r.get("label").asString())
			.toList();
		assertThat(missing).hasSize(2);
		assertThat(missing).anySatisfy((l) -> assertThat(l).startsWith(number).contains("外包服务管理机制"));
		assertThat(missing).anySatisfy((l) -> assertThat(l).contains("网络安全"));
		// November ended before the plan took effect
		assertThat(api.get("/api/v1/indicators/6-1?period=2026-11", token).json().get("numerator").asInt()).isZero();

		// the next version starts from the sections in effect
		Response next = api.post("/api/v1/documents/" + number + "/draft", token, "");
		assertThat(next.status()).as(next.body()).isEqualTo(201);
		assertThat(next.json().get("sections").size()).isEqualTo(7);
	}

	private static void decide(Api api, Person approver, String approvalNumber, boolean approve, String comment) {
		String token = api.token(approver.username(), TestUsers.PASSWORD);
		JsonNode approvals = api.get("/api/v1/work-items/" + approvalNumber + "/approvals", token).json();
		long step = approvals.get(approvals.size() - 1)
			.get("steps")
			.valueStream()
			.filter((s) -> s.get("approverId").asLong() == approver.id())
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		Map<String, Object> body = new HashMap<>();
		body.put("approve", approve);
		if (comment != null) {
			body.put("comment", comment);
		}
		Response r = api.post("/api/v1/work-items/approval-steps/" + step + "/decision", token, Api.json(body));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	private static List<String> routineTasks(Api api, String token) {
		return api.get("/api/v1/work-items?type=routine", token)
			.json()
			.get("items")
			.valueStream()
			.map((i) -> i.get("number").asString())
			.toList();
	}

	private static List<String> checklist(Api api, String token, String number) {
		return api.get("/api/v1/work-items/" + number + "/checklist", token)
			.json()
			.valueStream()
			.map((p) -> p.get("text").asString())
			.toList();
	}

}
