package org.yunwei.cmdb;

import java.util.ArrayList;
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
import org.yunwei.support.ChangeFixtures;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CMDB over REST (8.3.5): a class defined as data with an identifying attribute; CIs
 * checked against it (every bad value named, a second CI of one identity refused); typed
 * relations whose impact graph runs from a database server up to the service it carries
 * and back down; every change in the CI's history with its reason and change; only the
 * owning group edits; incidents name CIs and the CI lists them; CIs are found by search.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=servicedesk", "yunwei.test.schema-suffix=_servicedesk",
		"yunwei.service-desk.group=SD-IT" })
class CmdbIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aClassItsCisTheirRelationsImpactHistoryAndRecords() throws Exception {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("cmmanager", null, "OM_MANAGER");
		Person engineer = people.create("cmengineer", null, "ENGINEER");
		Person outsider = people.create("cmoutsider", null, "ENGINEER");
		Person agent = people.create("cmagent", null, "SERVICE_DESK_AGENT");
		Person user = people.create("cmuser", null, "DEPARTMENT_USER");
		long group = people.group("CM-SYS-" + engineer.id(), "系统组 " + engineer.id(), engineer);
		people.joinGroup("SD-IT", "服务台", agent);
		String managerToken = api.token(manager.username(), TestUsers.PASSWORD);
		String engineerToken = api.token(engineer.username(), TestUsers.PASSWORD);
		String outsiderToken = api.token(outsider.username(), TestUsers.PASSWORD);
		String agentToken = api.token(agent.username(), TestUsers.PASSWORD);
		String userToken = api.token(user.username(), TestUsers.PASSWORD);
		String tag = String.valueOf(engineer.id());

		// the default model is there, with inheritance
		JsonNode server = api.get("/api/v1/cmdb/classes/server", managerToken).json();
		assertThat(server.get("parentCode").asString()).isEqualTo("hardware");
		assertThat(codes(server.get("attributes"))).contains("manufacturer", "serial_number", "ip_address");
		assertThat(api.get("/api/v1/cmdb/classes", userToken).status()).as("not for department users").isEqualTo(403);

		// a new class, defined as data, with an identifying attribute
		String ups = "ups_" + tag;
		assertThat(api
			.post("/api/v1/cmdb/classes", engineerToken,
					Api.json(Map.of("code", ups, "parentCode", "hardware", "nameZh", "UPS 电源", "nameEn", "UPS")))
			.status()).as("the model is the configuration manager's").isEqualTo(403);
		Response created = api.post("/api/v1/cmdb/classes", managerToken, Api.json(Map.of("code", ups, "parentCode",
				"hardware", "nameZh", "UPS 电源", "nameEn", "UPS", "icon", "battery-charging")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Response attr = api.post("/api/v1/cmdb/classes/" + ups + "/attributes", managerToken,
				Api.json(Map.of("code", "ups_serial", "nameZh", "UPS 序列号", "nameEn", "UPS serial", "type", "TEXT",
						"required", true, "identifying", true)));
		assertThat(attr.status()).as(attr.body()).isEqualTo(201);
		api.post("/api/v1/cmdb/classes/" + ups + "/attributes", managerToken, Api
			.json(Map.of("code", "capacity_kva", "nameZh", "容量 (kVA)", "nameEn", "Capacity (kVA)", "type", "NUMBER")));
		assertThat(api
			.post("/api/v1/cmdb/classes/" + ups + "/attributes", managerToken,
					Api.json(Map.of("code", "manufacturer", "nameZh", "厂商", "nameEn", "Maker", "type", "TEXT")))
			.status()).as("an inherited code cannot be defined again").isEqualTo(422);

		// bad values are each named; nothing is recorded
		Response bad = api.post("/api/v1/cmdb/cis", engineerToken, Api.json(Map.of("classCode", ups, "name", "UPS-A1",
				"state", "IN_SERVICE", "groupId", group, "attributes", Map.of("capacity_kva", "大约六十", "colour", "红"))));
		assertThat(bad.status()).as(bad.body()).isEqualTo(422);
		assertThat(bad.body()).contains("attributes[capacity_kva]")
			.contains("attributes[ups_serial]")
			.contains("attributes[colour]");
		Response ok = api.post("/api/v1/cmdb/cis", engineerToken,
				Api.json(Map.of("classCode", ups, "name", "UPS-A1", "state", "IN_SERVICE", "groupId", group,
						"attributes",
						Map.of("capacity_kva", "60.0", "ups_serial", "UPS" + tag, "manufacturer", "华为"))));
		assertThat(ok.status()).as(ok.body()).isEqualTo(201);
		JsonNode upsCi = ok.json();
		assertThat(value(upsCi, "capacity_kva")).as("numbers stored canonically").isEqualTo("60");
		Response twin = api.post("/api/v1/cmdb/cis", engineerToken, Api.json(Map.of("classCode", ups, "name", "UPS-A2",
				"state", "IN_SERVICE", "groupId", group, "attributes", Map.of("ups_serial", "ups" + tag))));
		assertThat(twin.status()).as("one identity, one CI (case aside)").isEqualTo(422);
		assertThat(twin.body()).contains(upsCi.get("number").asString());

		// a chain: service → application → database → database server
		String dbServer = ci(api, engineerToken, "server", "db-srv-" + tag, group,
				Map.of("serial_number", "SN-" + tag, "ip_address", "10.1.2.3", "os", "银河麒麟"));
		String database = ci(api, engineerToken, "database", "findb-" + tag, group,
				Map.of("instance_name", "findb" + tag, "engine", "Oracle", "db_version", "19c"));
		String application = ci(api, engineerToken, "application", "财务系统 " + tag, group,
				Map.of("system_code", "FIN" + tag, "protection_level", "Level 3"));
		String service = ci(api, engineerToken, "service", "财务核算服务 " + tag, group, Map.of());
		relate(api, engineerToken, database, "runs_on", dbServer);
		relate(api, engineerToken, application, "depends_on", database);
		relate(api, engineerToken, service, "depends_on", application);
		assertThat(api
			.post("/api/v1/cmdb/cis/" + database + "/relations", engineerToken,
					Api.json(Map.of("type", "runs_on", "target", dbServer)))
			.status()).as("the same relation twice").isEqualTo(409);
		assertThat(api.get("/api/v1/cmdb/cis/" + application, engineerToken).json().get("values").toString())
			.as("a choice given by its English label is stored as written")
			.contains("三级");

		JsonNode up = api.get("/api/v1/cmdb/cis/" + dbServer + "/impact?direction=UP&depth=3", agentToken).json();
		Map<String, Integer> depths = depths(up);
		assertThat(depths).containsEntry(database, -1).containsEntry(application, -2).containsEntry(service, -3);
		JsonNode shallow = api.get("/api/v1/cmdb/cis/" + dbServer + "/impact?direction=UP&depth=2", agentToken).json();
		assertThat(depths(shallow)).doesNotContainKey(service);
		JsonNode down = api.get("/api/v1/cmdb/cis/" + service + "/impact?direction=DOWN&depth=6", agentToken).json();
		assertThat(depths(down)).containsEntry(dbServer, 3);
		JsonNode relations = api.get("/api/v1/cmdb/cis/" + dbServer + "/relations", agentToken).json();
		assertThat(relations.get(0).get("outgoing").asBoolean()).isFalse();
		assertThat(relations.get(0).get("labelZh").asString()).isEqualTo("承载");

		// edits: stale refused, history kept with why and through which change; only the
		// group edits
		JsonNode before = api.get("/api/v1/cmdb/cis/" + dbServer, engineerToken).json();
		Map<String, Object> unknownChange = new java.util.HashMap<>(
				Map.of("name", "db-srv-" + tag, "state", "MAINTENANCE", "groupId", group, "version",
						before.get("version").asInt(), "changeNumber", "CHG-1999-" + tag));
		Response refused = api.put("/api/v1/cmdb/cis/" + dbServer, engineerToken, Api.json(unknownChange));
		assertThat(refused.status()).as("only an approved change records CMDB updates").isEqualTo(422);
		assertThat(refused.body()).contains("changeNumber");
		ChangeFixtures.template(api, managerToken, "CM-" + tag);
		String change = ChangeFixtures.approvedStandardChange(api, managerToken, "CM-" + tag, dbServer);
		Map<String, Object> edit = new java.util.HashMap<>(Map.of("name", "db-srv-" + tag, "state", "MAINTENANCE",
				"groupId", group, "version", before.get("version").asInt(), "reason", "更换内存", "changeNumber", change,
				"attributes",
				Map.of("serial_number", "SN-" + tag, "ip_address", "10.1.2.4", "os", "银河麒麟", "memory_gb", "512")));
		assertThat(api.put("/api/v1/cmdb/cis/" + dbServer, outsiderToken, Api.json(edit)).status())
			.as("another group's CI")
			.isEqualTo(403);
		Response saved = api.put("/api/v1/cmdb/cis/" + dbServer, engineerToken, Api.json(edit));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(api.put("/api/v1/cmdb/cis/" + dbServer, engineerToken, Api.json(edit)).status())
			.as("a stale version is refused")
			.isEqualTo(409);
		JsonNode history = api.get("/api/v1/cmdb/cis/" + dbServer + "/history", engineerToken).json();
		Map<String, JsonNode> byField = new java.util.HashMap<>();
		history.forEach((h) -> byField.putIfAbsent(h.get("field").asString(), h));
		assertThat(byField.get("attr:ip_address").get("before").asString()).isEqualTo("10.1.2.3");
		assertThat(byField.get("attr:ip_address").get("after").asString()).isEqualTo("10.1.2.4");
		assertThat(byField.get("attr:ip_address").get("reason").asString()).isEqualTo("更换内存");
		assertThat(byField.get("attr:ip_address").get("changeNumber").asString()).isEqualTo(change);
		assertThat(byField.get("state").get("after").asString()).isEqualTo("MAINTENANCE");
		assertThat(byField.get("attr:memory_gb").get("before").isNull()).isTrue();
		assertThat(byField).containsKeys("created", "relation");

		// an incident names the CI; an unknown CI is refused; the CI lists its records
		long serverId = before.get("id").asLong();
		Response unknown = api.post("/api/v1/tickets", agentToken,
				Api.json(Map.of("kind", "INCIDENT", "title", "财务系统连接数据库超时 " + tag, "description", "月结时财务系统报连接超时。",
						"requesterId", user.id(), "ciIds", List.of(987654321L))));
		assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
		Response incident = api.post("/api/v1/tickets", agentToken,
				Api.json(Map.of("kind", "INCIDENT", "title", "财务系统连接数据库超时 " + tag, "description", "月结时财务系统报连接超时。",
						"requesterId", user.id(), "ciIds", List.of(serverId))));
		assertThat(incident.status()).as(incident.body()).isEqualTo(201);
		String incidentNumber = incident.json().get("number").asString();
		JsonNode records = api.get("/api/v1/cmdb/cis/" + dbServer + "/records", agentToken).json();
		assertThat(records.toString()).contains(incidentNumber);

		// found by search, by a value of an attribute
		boolean found = false;
		for (int i = 0; i < 50 && !found; i++) {
			found = api.get("/api/v1/search?q=SN-" + tag + "&kind=ci", agentToken).body().contains(dbServer);
			if (!found) {
				Thread.sleep(100);
			}
		}
		assertThat(found).as("the CI found by its serial number").isTrue();
		assertThat(api.get("/api/v1/search?q=SN-" + tag + "&kind=ci", userToken).body()).doesNotContain(dbServer);

		// every change is in the audit trail
		String auditor = api.token("auditadmin", Api.ADMIN_PASSWORD);
		assertThat(api.get("/api/v1/audit?recordType=ci&recordId=" + serverId + "&size=20", auditor)
			.json()
			.get("items")
			.size()).isGreaterThanOrEqualTo(2);
	}

	static String ci(Api api, String token, String cls, String name, long group, Map<String, String> attributes) {
		Response r = api.post("/api/v1/cmdb/cis", token, Api.json(Map.of("classCode", cls, "name", name, "state",
				"IN_SERVICE", "groupId", group, "attributes", attributes)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("number").asString();
	}

	static void relate(Api api, String token, String source, String type, String target) {
		Response r = api.post("/api/v1/cmdb/cis/" + source + "/relations", token,
				Api.json(Map.of("type", type, "target", target)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
	}

	private static Map<String, Integer> depths(JsonNode graph) {
		Map<String, Integer> out = new java.util.HashMap<>();
		graph.get("nodes").forEach((n) -> out.put(n.get("number").asString(), n.get("depth").asInt()));
		return out;
	}

	private static List<String> codes(JsonNode attributes) {
		List<String> out = new ArrayList<>();
		attributes.forEach((a) -> out.add(a.get("code").asString()));
		return out;
	}

	private static String value(JsonNode ci, String code) {
		for (JsonNode v : ci.get("values")) {
			if (v.get("attribute").get("code").asString().equals(code)) {
				return v.get("value").asString();
			}
		}
		return null;
	}

}
