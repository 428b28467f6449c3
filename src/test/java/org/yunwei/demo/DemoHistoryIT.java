package org.yunwei.demo;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import org.yunwei.platform.HistoryClock;
import org.yunwei.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's history, made through the product's own services at past moments: tickets
 * over the past weeks, mostly closed and rated, problems and knowledge drafted from them;
 * the indicators see it; the index holds every record; real time is untouched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "yunwei.demo=true", "yunwei.demo.history-days=40", "yunwei.demo.tickets-per-day=6",
		"yunwei.demo.cmdb-scale=0.05", "yunwei.test.schema-suffix=_demo" })
class DemoHistoryIT {

	@LocalServerPort
	int port;

	@Test
	void aYearOfHistoryInMiniatureIsThereAndMeasured() throws Exception {
		Api api = new Api(this.port);
		String manager = api.token("manager", Api.ADMIN_PASSWORD);
		String year = String.valueOf(java.time.Year.now(ZoneId.of("Asia/Shanghai")));
		JsonNode tickets = api.get("/api/v1/work-items?type=incident&size=500", manager).json();
		assertThat(tickets.get("items").size()).as("incidents over 40 days").isGreaterThan(60);
		Instant oldest = Instant.now();
		for (JsonNode t : tickets.get("items")) {
			Instant opened = Instant.parse(t.get("openedAt").asString());
			oldest = opened.isBefore(oldest) ? opened : oldest;
		}
		assertThat(oldest).as("opened at their past moments")
			.isBefore(Instant.now().minus(java.time.Duration.ofDays(30)));
		JsonNode satisfaction = indicator(api, manager, "7.8-1", year);
		assertThat(satisfaction.get("denominator").asLong()).as("rated closed tickets").isGreaterThan(40);
		assertThat(satisfaction.get("value").asDouble()).isBetween(60.0, 100.0);
		assertThat(indicator(api, manager, "8.4.2-1", year).get("denominator").asLong()).as("response clocks")
			.isGreaterThan(40);
		assertThat(indicator(api, manager, "8.3.4-1", year).get("denominator").asLong()).as("problems raised")
			.isPositive();
		JsonNode knowledge = indicator(api, manager, "7.6.1-1", year);
		assertThat(knowledge.get("numerator").asLong()).as("articles written for the desk and drafted from incidents")
			.isGreaterThan(24);
		// the demo CMDB: the finance database server carries the finance service
		JsonNode server = api.get("/api/v1/cmdb/cis?q=db-fin-01", manager).json().get("items").get(0);
		JsonNode impact = api
			.get("/api/v1/cmdb/cis/" + server.get("number").asString() + "/impact?direction=UP&depth=3", manager)
			.json();
		java.util.List<String> above = new java.util.ArrayList<>();
		impact.get("nodes").forEach((n) -> above.add(n.get("classCode").asString() + ":" + n.get("name").asString()));
		assertThat(above).contains("database:findb", "application:财务核算系统", "service:财务核算服务");
		// a year of changes on it: templates, changes implemented through the CMDB, and
		// two coming changes on the financial system the same night, in conflict
		assertThat(api.get("/api/v1/changes/templates", manager).json().size()).isEqualTo(5);
		JsonNode changes = api.get("/api/v1/work-items?type=change&size=500", manager).json().get("items");
		assertThat(changes.size()).isGreaterThan(5);
		boolean recorded = false;
		for (JsonNode c : changes) {
			recorded |= "DONE".equals(c.get("stateCategory").asString())
					&& !api.get("/api/v1/changes/" + c.get("number").asString() + "/cmdb-updates", manager)
						.json()
						.isEmpty();
		}
		assertThat(recorded).as("a closed change recorded a new version on its CI").isTrue();
		Instant now = Instant.now();
		JsonNode coming = api
			.get("/api/v1/changes/calendar?from=" + now + "&to=" + now.plus(java.time.Duration.ofDays(14)), manager)
			.json();
		assertThat(coming.get("entries").valueStream().filter((e) -> e.get("conflict").asBoolean()).count())
			.isEqualTo(2);
		JsonNode releases = api.get("/api/v1/work-items?type=release&size=100", manager).json().get("items");
		assertThat(releases.size()).as("the month's implemented changes went out in a release").isPositive();
		JsonNode release = api.get("/api/v1/releases/" + releases.get(0).get("number").asString(), manager).json();
		assertThat(release.get("changes").size()).isPositive();
		assertThat(release.get("tests").size()).isPositive();
		// capacity records growing towards their thresholds, and an approved plan
		JsonNode capacity = api.get("/api/v1/capacity/metrics", manager).json();
		assertThat(capacity.size()).isEqualTo(5);
		assertThat(capacity.valueStream().filter((m) -> !m.get("forecast").isNull()).count()).isEqualTo(5);
		assertThat(api.get("/api/v1/capacity/plans", manager).json().get(0).get("state").asString())
			.isEqualTo("APPROVED");
		// the index caught up with every record
		String admin = api.token("sysadmin", Api.ADMIN_PASSWORD);
		boolean consistent = false;
		for (int i = 0; i < 300 && !consistent; i++) {
			consistent = true;
			for (JsonNode k : api.get("/api/v1/search/status", admin).json()) {
				consistent &= k.get("records").asLong() == k.get("indexed").asLong() && k.get("pending").asLong() == 0;
			}
			if (!consistent) {
				Thread.sleep(200);
			}
		}
		assertThat(consistent).as("index counts agree with the database").isTrue();
		// outside a replay, the clock is the real one
		Instant before = Instant.now();
		HistoryClock clock = new HistoryClock(java.time.Clock.systemUTC());
		Instant past = Instant.parse("2025-03-01T02:00:00Z");
		assertThat(HistoryClock.at(past, clock::instant)).isEqualTo(past);
		assertThat(clock.instant()).isAfterOrEqualTo(before);
	}

	private static JsonNode indicator(Api api, String token, String code, String period) {
		Api.Response r = api.get("/api/v1/indicators/" + code + "?period=" + period, token);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

}
