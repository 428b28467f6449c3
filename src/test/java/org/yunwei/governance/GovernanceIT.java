package org.yunwei.governance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import org.yunwei.platform.standard.StandardClauses;
import org.yunwei.support.Api;
import org.yunwei.support.Api.Response;
import org.yunwei.support.TestUsers;
import org.yunwei.support.TestUsers.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance engine's indicators over REST: all 109 with the standard's codes and
 * names; the modules' computed ones agree with the catalogue; computing a period stores
 * every computed indicator with the records behind it, computing again replaces it; a
 * changed target decides whether the next value is at target; who may do what.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.test.context=servicedesk", "yunwei.test.schema-suffix=_servicedesk",
		"yunwei.service-desk.group=SD-IT" })
class GovernanceIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void all109IndicatorsAndTheComputedOnesAgreeWithTheModules() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person manager = people.create("gvmanager", null, "OM_MANAGER");
		String token = api.token(manager.username(), TestUsers.PASSWORD);
		Response all = api.get("/api/v1/governance/indicators", token);
		assertThat(all.status()).as(all.body()).isEqualTo(200);
		StandardCatalogue catalogue = new StandardCatalogue(new StandardClauses());
		Map<String, JsonNode> byCode = new HashMap<>();
		all.json().forEach((i) -> byCode.put(i.get("code").asString(), i));
		assertThat(byCode).hasSize(109);
		for (IndicatorSpec spec : catalogue.indicators()) {
			JsonNode i = byCode.get(spec.code());
			assertThat(i.get("nameZh").asString()).isEqualTo(spec.nameZh());
			assertThat(i.get("clause").asString()).isEqualTo(spec.clause());
			assertThat(i.get("unit").asString()).isIn("%", "count", "h");
			assertThat(i.get("period").asString()).isIn("MONTH", "QUARTER", "YEAR");
			assertThat(i.get("direction").asString()).isIn("HIGHER", "LOWER");
			assertThat(i.get("target").isNumber()).isTrue();
		}
		assertThat(byCode.get("8.3.3-1").get("nameZh").asString()).isEqualTo("事件服务级别的达成率");
		assertThat(byCode.get("8.3.3-1").get("method").asString()).isEqualTo("COMPUTED");
		assertThat(byCode.get("8.8-3").get("method").asString()).isEqualTo("ASSESSED");

		// what each module computes is the catalogue's indicator: same name, same unit
		Response modules = api.get("/api/v1/indicators", token);
		assertThat(modules.status()).isEqualTo(200);
		assertThat(modules.json().size()).isGreaterThanOrEqualTo(25);
		modules.json().forEach((d) -> {
			JsonNode i = byCode.get(d.get("code").asString());
			assertThat(i).as(d.get("code").asString()).isNotNull();
			assertThat(d.get("nameZh").asString()).as(d.get("code").asString()).isEqualTo(i.get("nameZh").asString());
			assertThat(d.get("unit").asString()).as(d.get("code").asString()).isEqualTo(i.get("unit").asString());
			assertThat(i.get("method").asString()).isEqualTo("COMPUTED");
		});
	}

	@Test
	void computingAPeriodStoresEveryComputedIndicatorWithItsRecordsAndAgainReplacesIt() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person head = people.create("gvhead", null, "OM_HEAD");
		Person engineer = people.create("gvengineer", null, "ENGINEER");
		String token = api.token(head.username(), TestUsers.PASSWORD);
		String engineerToken = api.token(engineer.username(), TestUsers.PASSWORD);
		String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();

		assertThat(api.post("/api/v1/governance/indicators/compute?period=" + month, engineerToken, "").status())
			.isEqualTo(403);
		Response bad = api.post("/api/v1/governance/indicators/compute?period=2026-13", token, "");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("period");

		Response computed = api.post("/api/v1/governance/indicators/compute?period=" + month, token, "");
		assertThat(computed.status()).as(computed.body()).isEqualTo(200);
		Set<String> codes = new HashSet<>();
		computed.json().forEach((v) -> {
			codes.add(v.get("code").asString());
			assertThat(v.get("period").asString()).isEqualTo(month);
			assertThat(v.get("method").asString()).isEqualTo("COMPUTED");
		});
		Response definitions = api.get("/api/v1/indicators", token);
		Set<String> computable = new HashSet<>();
		definitions.json().forEach((d) -> computable.add(d.get("code").asString()));
		assertThat(codes).isEqualTo(computable);

		// each stored value can be reproduced from its records where they are the
		// denominator
		for (String code : List.of("7.8-2", "8.3.3-1", "8.4.2-1", "7.4.2-2", "8.3.6-1")) {
			Response one = api.get("/api/v1/governance/indicators/" + code + "/values/" + month, token);
			assertThat(one.status()).as(one.body()).isEqualTo(200);
			JsonNode v = one.json();
			long counted = 0;
			for (JsonNode r : v.get("records")) {
				counted += r.get("counted").asBoolean() ? 1 : 0;
			}
			if (v.get("records").size() == v.get("denominator").asLong()) {
				assertThat(v.get("numerator").asLong()).as(code).isEqualTo(counted);
			}
			assertThat(v.get("sample").asLong()).isEqualTo(v.get("denominator").asLong());
		}

		// computing again replaces: still one value per indicator and period
		assertThat(api.post("/api/v1/governance/indicators/compute?period=" + month, token, "").status())
			.isEqualTo(200);
		Response values = api.get("/api/v1/governance/indicators/7.8-2/values?from=" + month + "&to=" + month, token);
		assertThat(values.status()).isEqualTo(200);
		assertThat(values.json().size()).isEqualTo(1);
		assertThat(api.get("/api/v1/governance/indicators/7.8-2/values/2019-01", token).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/governance/indicators/9.9-9", token).status()).isEqualTo(404);

		// the trend: the same value over a year of months
		Response year = api.get("/api/v1/governance/indicators/7.8-2/values?from="
				+ YearMonth.parse(month).minusMonths(11) + "&to=" + month, token);
		assertThat(year.json().size()).isEqualTo(1);

		// an assessed indicator is not computed
		assertThat(api.post("/api/v1/governance/indicators/6-4/compute?period=" + month, token, "").status())
			.isEqualTo(422);
	}

	@Test
	void aTargetSetByTheOrganisationDecidesTheNextValue() {
		Api api = new Api(this.port);
		TestUsers people = new TestUsers(this.context);
		Person head = people.create("gvtarget", null, "OM_HEAD");
		Person manager = people.create("gvreader", null, "OM_MANAGER");
		String token = api.token(head.username(), TestUsers.PASSWORD);
		String month = YearMonth.from(LocalDate.now(ZoneId.of("Asia/Shanghai"))).minusMonths(2).toString();

		assertThat(api
			.put("/api/v1/governance/indicators/8.3.4-2/target", api.token(manager.username(), TestUsers.PASSWORD),
					Api.json(Map.of("target", 24)))
			.status()).isEqualTo(403);
		assertThat(api.put("/api/v1/governance/indicators/8.3.3-1/target", token, Api.json(Map.of("target", 120)))
			.status()).isEqualTo(422);
		assertThat(
				api.put("/api/v1/governance/indicators/8.3.3-1/target", token, Api.json(Map.of("target", -1))).status())
			.isEqualTo(422);

		// a target of 0 % is met by any value; the stored value says so
		Response set = api.put("/api/v1/governance/indicators/7.4.2-1/target", token,
				Api.json(Map.of("target", 0, "reason", "试行期")));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(set.json().get("target").asInt()).isZero();
		assertThat(set.json().get("defaultTarget").asInt()).isEqualTo(100);
		Response v = api.post("/api/v1/governance/indicators/7.4.2-1/compute?period=" + month, token, "");
		assertThat(v.status()).as(v.body()).isEqualTo(200);
		assertThat(v.json().get("target").asInt()).isZero();
		if (!v.json().get("value").isNull()) {
			assertThat(v.json().get("met").asBoolean()).isTrue();
		}
		Response back = api.put("/api/v1/governance/indicators/7.4.2-1/target", token, Api.json(Map.of("target", 100)));
		assertThat(back.json().get("target").asInt()).isEqualTo(100);

		Response audit = api.get("/api/v1/audit?recordType=indicatorTarget&recordId=7.4.2-1",
				api.token("auditadmin", Api.ADMIN_PASSWORD));
		assertThat(audit.status()).isEqualTo(200);
		assertThat(audit.body()).contains("7.4.2-1").contains(head.username());
	}

}
