package org.yunwei.cmdb;

import java.util.HashMap;
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
 * A configuration audit (8.3.5 d, e): after a baseline, one CI edited out of band, one
 * through a change and one added; the audit reports each difference, the out-of-band one
 * as an unauthorised change, and its accuracy feeds 8.3.5-1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=servicedesk", "yunwei.test.schema-suffix=_servicedesk",
		"yunwei.service-desk.group=SD-IT" })
class CmdbAuditIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void anOutOfBandEditIsReportedAsUnauthorised() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("camanager", null, "OM_MANAGER");
		Person engineer = people.create("caengineer", null, "ENGINEER");
		String token = api.token(manager.username(), TestUsers.PASSWORD);
		String tag = String.valueOf(manager.id());
		String cls = "kvm_" + tag;
		api.post("/api/v1/cmdb/classes", token, Api
			.json(Map.of("code", cls, "parentCode", "hardware", "nameZh", "KVM " + tag, "nameEn", "KVM " + tag)));
		api.post("/api/v1/cmdb/classes/" + cls + "/attributes", token, Api.json(Map.of("code", "kvm_firmware_version",
				"nameZh", "固件版本", "nameEn", "Firmware version", "type", "TEXT")));
		String a = CmdbIT.ci(api, token, cls, "KVM-A-" + tag, group(people, manager),
				Map.of("kvm_firmware_version", "1.0"));
		String b = CmdbIT.ci(api, token, cls, "KVM-B-" + tag, group(people, manager),
				Map.of("kvm_firmware_version", "1.0"));
		CmdbIT.ci(api, token, cls, "KVM-C-" + tag, group(people, manager), Map.of("kvm_firmware_version", "1.0"));

		assertThat(api
			.post("/api/v1/cmdb/baselines", api.token(engineer.username(), TestUsers.PASSWORD),
					Api.json(Map.of("name", "x")))
			.status()).as("the configuration manager's").isEqualTo(403);
		Response taken = api.post("/api/v1/cmdb/baselines", token,
				Api.json(Map.of("name", "KVM 基线 " + tag, "classCode", cls)));
		assertThat(taken.status()).as(taken.body()).isEqualTo(201);
		long baseline = taken.json().get("id").asLong();
		assertThat(taken.json().get("ciCount").asInt()).isEqualTo(3);

		edit(api, token, a, "2.0", null);
		ChangeFixtures.template(api, token, "CA-" + tag);
		String change = ChangeFixtures.approvedStandardChange(api, token, "CA-" + tag, b);
		edit(api, token, b, "2.0", change);
		CmdbIT.ci(api, token, cls, "KVM-D-" + tag, group(people, manager), Map.of("kvm_firmware_version", "2.0"));

		Response audited = api.post("/api/v1/cmdb/baselines/" + baseline + "/audits", token, "");
		assertThat(audited.status()).as(audited.body()).isEqualTo(201);
		JsonNode s = audited.json().get("summary");
		assertThat(s.get("checked").asInt()).isEqualTo(3);
		assertThat(s.get("changed").asInt()).isEqualTo(2);
		assertThat(s.get("unauthorised").asInt()).isEqualTo(1);
		assertThat(s.get("added").asInt()).isEqualTo(1);
		assertThat(s.get("accurate").asInt()).isEqualTo(2);
		Map<String, JsonNode> byCi = new HashMap<>();
		audited.json().get("findings").forEach((f) -> byCi.put(f.get("number").asString(), f));
		assertThat(byCi.get(a).get("field").asString()).isEqualTo("attr:kvm_firmware_version");
		assertThat(byCi.get(a).get("before").asString()).isEqualTo("1.0");
		assertThat(byCi.get(a).get("after").asString()).isEqualTo("2.0");
		assertThat(byCi.get(a).get("authorised").asBoolean()).isFalse();
		assertThat(byCi.get(b).get("authorised").asBoolean()).isTrue();
		assertThat(byCi.get(b).get("changeNumber").asString()).isEqualTo(change);
		long auditId = s.get("id").asLong();
		assertThat(api.get("/api/v1/cmdb/audits/" + auditId, token).json().get("findings").size()).isEqualTo(3);

		String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
		JsonNode accuracy = api.get("/api/v1/indicators/8.3.5-1?period=" + month, token).json();
		assertThat(accuracy.get("denominator").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(accuracy.get("records").toString()).contains("KVM 基线 " + tag);
		assertThat(api.get("/api/v1/indicators/8.3.5-2?period=" + month, token).status()).isEqualTo(200);
	}

	private long groupId = -1;

	private long group(TestUsers people, Person manager) {
		if (this.groupId < 0) {
			this.groupId = people.group("CA-" + manager.id(), "审计组 " + manager.id(), manager);
		}
		return this.groupId;
	}

	private static void edit(Api api, String token, String number, String firmware, String change) {
		JsonNode ci = api.get("/api/v1/cmdb/cis/" + number, token).json();
		Map<String, Object> form = new HashMap<>();
		form.put("name", ci.get("name").asString());
		form.put("state", "IN_SERVICE");
		form.put("groupId", ci.get("group").get("id").asLong());
		form.put("version", ci.get("version").asInt());
		form.put("attributes", Map.of("kvm_firmware_version", firmware));
		if (change != null) {
			form.put("changeNumber", change);
		}
		Response r = api.put("/api/v1/cmdb/cis/" + number, token, Api.json(form));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

}
