package org.yunwei.workitem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * One list for every module: sorted orders that page by keyset without skipping or
 * repeating a record, date ranges, saved filters (own and shared), and bulk assignment
 * and transitions where each record is changed or refused on its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkItemListIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	TestUsers people;

	Person manager;

	String token;

	String tag;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.people = new TestUsers(this.context);
		this.manager = this.people.create("listmgr", null, "OM_MANAGER");
		this.token = this.api.token(this.manager.username(), TestUsers.PASSWORD);
		this.tag = "L" + this.manager.username().substring(7);
	}

	private JsonNode create(String title, int impact, int urgency, String dueAt) {
		Map<String, Object> fields = new java.util.HashMap<>(
				Map.of("title", this.tag + " " + title, "impact", impact, "urgency", urgency));
		if (dueAt != null) {
			fields.put("dueAt", dueAt);
		}
		Response r = this.api.post("/api/v1/work-items", this.token,
				Api.json(Map.of("type", "routine", "fields", fields)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}

	/** Every page of a list, following the cursor. */
	private List<String> all(String query) {
		List<String> titles = new ArrayList<>();
		String after = null;
		do {
			Response r = this.api.get("/api/v1/work-items?type=routine&size=2&q=" + this.tag + "&" + query
					+ ((after != null) ? "&after=" + after : ""), this.token);
			assertThat(r.status()).as(r.body()).isEqualTo(200);
			r.json()
				.get("items")
				.valueStream()
				.forEach((i) -> titles.add(i.get("title").asString().substring(this.tag.length() + 1)));
			after = r.json().get("next").isNull() ? null : r.json().get("next").asString();
		}
		while (after != null);
		return titles;
	}

	@Test
	void sortedListsPageWithoutSkippingOrRepeating() {
		create("A", 3, 3, "2026-12-05T10:00");
		create("B", 1, 1, null);
		create("C", 2, 2, "2026-12-01T10:00");
		create("D", 1, 2, "2026-12-03T10:00");
		create("E", 3, 3, null);
		assertThat(all("sort=NEWEST")).containsExactly("E", "D", "C", "B", "A");
		assertThat(all("sort=PRIORITY")).containsExactly("B", "D", "C", "E", "A");
		assertThat(all("sort=DUE")).containsExactly("C", "D", "A", "B", "E");
		assertThat(all("sort=DUE&dueFrom=2026-12-02&dueTo=2026-12-05")).containsExactly("D", "A");
		assertThat(all("sort=NEWEST&dueTo=2026-12-01")).containsExactly("C");
		assertThat(this.api.get("/api/v1/work-items?type=routine&sort=DUE&after=bm9wZQ", this.token).status()).isIn(400,
				422);
	}

	@Test
	void savedFiltersAreOwnUnlessShared() {
		Person other = this.people.create("listeng", null, "ENGINEER");
		String otherToken = this.api.token(other.username(), TestUsers.PASSWORD);
		Response mine = this.api.post("/api/v1/saved-filters", this.token,
				Api.json(Map.of("type", "routine", "name", this.tag + " 我的 P1", "query", "priority=1&sort=DUE")));
		assertThat(mine.status()).as(mine.body()).isEqualTo(201);
		Response shared = this.api.post("/api/v1/saved-filters", this.token, Api
			.json(Map.of("type", "routine", "name", this.tag + " 已超时", "query", "sla=BREACHED", "shared", true)));
		assertThat(shared.status()).isEqualTo(201);

		List<String> seen = this.api.get("/api/v1/saved-filters?type=routine", otherToken)
			.json()
			.valueStream()
			.map((f) -> f.get("name").asString())
			.toList();
		assertThat(seen).contains(this.tag + " 已超时").doesNotContain(this.tag + " 我的 P1");
		long sharedId = shared.json().get("id").asLong();
		assertThat(this.api.delete("/api/v1/saved-filters/" + sharedId, otherToken).status()).isEqualTo(404);
		assertThat(this.api.delete("/api/v1/saved-filters/" + sharedId, this.token).status()).isEqualTo(204);
		assertThat(this.api
			.post("/api/v1/saved-filters", this.token, Api.json(Map.of("type", "routine", "name", " ", "query", "x=1")))
			.status()).isEqualTo(422);
	}

	@Test
	void bulkChangesEachRecordOrSaysWhyNot() {
		long group = this.people.group("批量组 " + this.tag, this.manager);
		JsonNode a = create("批量 A", 3, 3, null);
		JsonNode b = create("批量 B", 3, 3, null);
		JsonNode c = create("批量 C", 3, 3, null);
		Response started = this.api.post("/api/v1/work-items/" + c.get("number").asString() + "/transitions/start",
				this.token, "{}");
		assertThat(started.status()).isEqualTo(200);

		List<Long> ids = List.of(a.get("id").asLong(), b.get("id").asLong(), c.get("id").asLong());
		Response assigned = this.api.post("/api/v1/work-items/bulk", this.token,
				Api.json(Map.of("action", "assign", "ids", ids, "groupId", group)));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
		assertThat(assigned.json().get("changed").asInt()).isEqualTo(3);
		assertThat(this.api.get("/api/v1/work-items/" + b.get("number").asString(), this.token)
			.json()
			.get("group")
			.get("id")
			.asLong()).isEqualTo(group);

		Response taken = this.api.post("/api/v1/work-items/bulk", this.token,
				Api.json(Map.of("action", "transition", "ids", ids, "transition", "start")));
		assertThat(taken.status()).as(taken.body()).isEqualTo(200);
		assertThat(taken.json().get("changed").asInt()).isEqualTo(2);
		JsonNode refused = taken.json().get("refused").get(0);
		assertThat(refused.get("number").asString()).isEqualTo(c.get("number").asString());
		assertThat(refused.get("messageKey").asString()).isEqualTo("workitem.error.transitionNotAvailable");
		JsonNode journal = this.api.get("/api/v1/work-items/" + a.get("number").asString() + "/journal", this.token)
			.json();
		assertThat(journal.toString()).contains("处理中");
		assertThat(this.api
			.post("/api/v1/work-items/bulk", this.token, Api.json(Map.of("action", "assign", "ids", List.of())))
			.status()).isEqualTo(422);
	}

}
