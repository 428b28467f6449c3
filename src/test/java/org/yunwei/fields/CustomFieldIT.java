package org.yunwei.fields;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * Custom fields on routine tasks, over REST, the same on H2 and PostgreSQL: an
 * administrator defines typed fields; records carry them as {@code customFields}; every
 * bad value is refused with its field named; lists filter on them; an edit is journaled;
 * exports carry them as columns and an import reads them back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=fields", "yunwei.test.schema-suffix=_fields" })
class CustomFieldIT {

	static final String SCOPE = "workItem:routine";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void typedFieldsAreValidatedFilteredJournaledAndExported() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("cfmgr", null, "OM_MANAGER");
		Person engineer = people.create("cfeng", null, "ENGINEER");
		String token = api.token(manager.username(), TestUsers.PASSWORD);
		String engineerToken = api.token(engineer.username(), TestUsers.PASSWORD);

		assertThat(api
			.post("/api/v1/custom-fields?scope=" + SCOPE, engineerToken,
					Api.json(Map.of("code", "x", "labelZh", "X", "kind", "TEXT")))
			.status()).as("only process owners define fields").isEqualTo(403);
		define(api, token, Map.of("code", "category", "labelZh", "类别", "labelEn", "Category", "kind", "SELECT",
				"required", true, "options", "hw|硬件|Hardware\nsw|软件|Software", "inList", true));
		define(api, token, Map.of("code", "vendorTicket", "labelZh", "厂商工单号", "kind", "TEXT", "pattern",
				"[A-Z]{2}-\\d+", "inList", true));
		define(api, token,
				Map.of("code", "cost", "labelZh", "费用", "kind", "NUMBER", "min", 0, "max", 100000, "sortOrder", 3));
		define(api, token, Map.of("code", "parts", "labelZh", "更换部件", "kind", "MULTI_SELECT", "options",
				"disk|硬盘\npsu|电源\nfan|风扇", "sortOrder", 4));
		define(api, token, Map.of("code", "reviewer", "labelZh", "复核人", "kind", "USER", "sortOrder", 5));
		define(api, token, Map.of("code", "checkedOn", "labelZh", "检查日期", "kind", "DATE", "sortOrder", 6));
		Response duplicate = api.post("/api/v1/custom-fields?scope=" + SCOPE, token,
				Api.json(Map.of("code", "cost", "labelZh", "重复", "kind", "TEXT")));
		assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(422);

		Map<String, Object> bad = new HashMap<>();
		bad.put("vendorTicket", "hw123");
		bad.put("cost", "-5");
		bad.put("parts", List.of("disk", "gpu"));
		bad.put("nonsense", "1");
		Response refused = api.post("/api/v1/work-items", token,
				Api.json(Map.of("type", "routine", "fields", Map.of("title", "服务器硬盘更换", "customFields", bad))));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("customFields.category", "customFields.vendorTicket", "customFields.cost",
				"customFields.parts", "customFields.nonsense");

		Map<String, Object> good = new HashMap<>();
		good.put("category", "硬件");
		good.put("vendorTicket", "HW-20261125");
		good.put("cost", 1200.50);
		good.put("parts", List.of("disk", "psu"));
		good.put("reviewer", engineer.id());
		good.put("checkedOn", "2026-11-20");
		Response created = api.post("/api/v1/work-items", token,
				Api.json(Map.of("type", "routine", "fields", Map.of("title", "服务器硬盘更换", "customFields", good))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode fields = created.json().get("customFields");
		assertThat(fields.get("category").asString()).isEqualTo("hw");
		assertThat(fields.get("cost").decimalValue()).isEqualByComparingTo("1200.5");
		assertThat(fields.get("parts").valueStream().map(JsonNode::asString)).containsExactly("disk", "psu");
		assertThat(fields.get("reviewer").asLong()).isEqualTo(engineer.id());
		assertThat(fields.get("checkedOn").asString()).isEqualTo("2026-11-20");
		String number = created.json().get("number").asString();
		Response other = api.post("/api/v1/work-items", token, Api.json(Map.of("type", "routine", "fields",
				Map.of("title", "正版软件核查", "customFields", Map.of("category", "sw")))));
		assertThat(other.status()).isEqualTo(201);

		assertThat(numbers(api, token, "cf.category=hw")).contains(number)
			.doesNotContain(other.json().get("number").asString());
		assertThat(numbers(api, token, "cf.vendorTicket=hw-2026")).containsExactly(number);
		assertThat(numbers(api, token, "cf.parts=psu")).containsExactly(number);
		assertThat(numbers(api, token, "cf.cost=1200.5")).containsExactly(number);
		assertThat(numbers(api, token, "cf.checkedOn=2026-11-20")).containsExactly(number);
		assertThat(numbers(api, token, "cf.reviewer=" + engineer.id())).containsExactly(number);
		assertThat(api.get("/api/v1/work-items?type=routine&cf.nope=1", token).status()).isEqualTo(422);

		Response patched = api.patch("/api/v1/work-items/" + number, token,
				Api.json(Map.of("version", created.json().get("version").asInt(), "customFields",
						Map.of("category", "hw", "cost", "980", "parts", List.of("fan")))));
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().get("customFields").get("cost").decimalValue()).isEqualByComparingTo("980");
		String journal = api.get("/api/v1/work-items/" + number + "/journal", token).body();
		assertThat(journal).contains("custom:费用", "1200.5", "980", "custom:更换部件", "风扇");

		Response cheap = api.post("/api/v1/work-items", token, Api.json(Map.of("type", "routine", "fields",
				Map.of("title", "风扇清灰", "customFields", Map.of("category", "hw", "cost", "50")))));
		String cheapNumber = cheap.json().get("number").asString();
		assertThat(sortedBy(api, token, "cost")).containsExactly(cheapNumber, number,
				other.json().get("number").asString());
		assertThat(api.get("/api/v1/work-items?type=routine&sortField=parts", token).status()).isEqualTo(422);

		String csv = new String(api.download("/api/v1/work-items/export?type=routine&format=csv&q=" + number, token),
				StandardCharsets.UTF_8);
		assertThat(csv).contains("Category", "厂商工单号", "Hardware", "HW-20261125", "风扇");

		String edited = csv.replace("HW-20261125", "HW-99");
		Response imported = api.upload("/api/v1/work-items/import?type=routine", token, "tasks.csv",
				edited.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(api.get("/api/v1/work-items/" + number, token)
			.json()
			.get("customFields")
			.get("vendorTicket")
			.asString()).isEqualTo("HW-99");
		String again = new String(api.download("/api/v1/work-items/export?type=routine&format=csv&q=" + number, token),
				StandardCharsets.UTF_8);
		Response badImport = api.upload("/api/v1/work-items/import?type=routine", token, "tasks.csv",
				again.replace("HW-99", "hw99").getBytes(StandardCharsets.UTF_8));
		assertThat(badImport.status()).isEqualTo(422);
		assertThat(badImport.body()).contains("厂商工单号");
	}

	private static void define(Api api, String token, Map<String, Object> field) {
		Response r = api.post("/api/v1/custom-fields?scope=" + SCOPE, token, Api.json(field));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
	}

	/** Every record in a field's order, one per page, following the cursor. */
	private static List<String> sortedBy(Api api, String token, String field) {
		List<String> numbers = new java.util.ArrayList<>();
		String after = null;
		do {
			Response r = api.get("/api/v1/work-items?type=routine&size=1&sortField=" + field
					+ ((after != null) ? "&after=" + after : ""), token);
			assertThat(r.status()).as(r.body()).isEqualTo(200);
			r.json().get("items").valueStream().forEach((i) -> numbers.add(i.get("number").asString()));
			after = r.json().get("next").isNull() ? null : r.json().get("next").asString();
		}
		while (after != null);
		return numbers;
	}

	private static List<String> numbers(Api api, String token, String query) {
		Response r = api.get("/api/v1/work-items?type=routine&size=100&" + query, token);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().get("items").valueStream().map((i) -> i.get("number").asString()).toList();
	}

}
