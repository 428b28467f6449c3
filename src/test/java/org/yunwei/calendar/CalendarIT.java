package org.yunwei.calendar;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped calendars on a fresh database, business-time arithmetic over REST, and a
 * year's arrangement imported all or nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	String manager;

	long china;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		TestUsers.Person person = new TestUsers(this.context).create("cal", null, "OM_MANAGER");
		this.manager = this.api.token(person.username(), TestUsers.PASSWORD);
		Response list = this.api.get("/api/v1/calendars", this.manager);
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		JsonNode all = list.json();
		this.china = all.valueStream()
			.filter((c) -> "cn-workdays".equals(c.get("code").asString()))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
	}

	@Test
	void theDefaultCalendarShipsWithTheOfficialArrangements() {
		JsonNode y2026 = this.api.get("/api/v1/calendars/" + this.china + "?year=2026", this.manager).json();
		assertThat(y2026.get("isDefault").asBoolean()).isTrue();
		assertThat(y2026.get("hours").get("1").asString()).isEqualTo("09:00-12:00, 13:30-17:30");
		assertThat(y2026.get("hours").get("6").asString()).isEmpty();
		assertThat(y2026.get("days").size()).isEqualTo(39);
		JsonNode oct10 = y2026.get("days")
			.valueStream()
			.filter((d) -> "2026-10-10".equals(d.get("date").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(oct10.get("kind").asString()).isEqualTo("WORKDAY");
		assertThat(oct10.get("source").asString()).contains("国务院办公厅关于2026年部分节假日安排的通知");
		Response due = this.api.get("/api/v1/calendars/" + this.china + "/add?from=2026-09-30T09:00:00Z&minutes=60",
				this.manager);
		// 17:00 in Beijing: 30 minutes that day, then the National Day holiday, then
		// Thursday 8 October
		assertThat(due.json().get("due").asString()).isEqualTo("2026-10-08T01:30:00Z");
	}

	@Test
	void aFileWithOneBadRowImportsNothing() {
		String csv = "# 国务院办公厅关于2031年部分节假日安排的通知（测试）\ndate,kind,name_zh,name_en\n"
				+ "2031-01-01,HOLIDAY,元旦,New Year's Day\n2031-02-30,HOLIDAY,春节,Spring Festival\n"
				+ "2031-02-09,MAYBE,春节（调休上班）,Spring Festival (make-up working day)\n";
		Response refused = this.api.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI
				.create("http://127.0.0.1:" + this.port + "/api/v1/calendars/" + this.china + "/import"))
			.header("Content-Type", "text/csv")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)), this.manager);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").valueStream().map((e) -> e.get("field").asString()))
			.containsExactly("row 4: date", "row 5: kind");
		assertThat(
				this.api.get("/api/v1/calendars/" + this.china + "?year=2031", this.manager).json().get("days").size())
			.isZero();

		Response ok = this.api.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI
				.create("http://127.0.0.1:" + this.port + "/api/v1/calendars/" + this.china + "/import"))
			.header("Content-Type", "text/csv")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString(csv.replace("2031-02-30", "2031-02-10").replace("MAYBE", "WORKDAY"))), this.manager);
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.json().get("days").asInt()).isEqualTo(3);
		assertThat(this.api
			.get("/api/v1/calendars/" + this.china + "/add?from=2031-02-07T09:00:00Z&minutes=120", this.manager)
			.json()
			.get("due")
			.asString()).isEqualTo("2031-02-09T02:30:00Z");
	}

	@Test
	void anEngineerReadsCalendarsButDoesNotChangeThem() {
		TestUsers.Person engineer = new TestUsers(this.context).create("eng", null, "ENGINEER");
		String token = this.api.token(engineer.username(), TestUsers.PASSWORD);
		assertThat(this.api.get("/api/v1/calendars", token).status()).isEqualTo(200);
		assertThat(this.api
			.put("/api/v1/calendars/" + this.china + "/days/2031-05-06", token,
					Api.json(Map.of("kind", "HOLIDAY", "nameZh", "测试")))
			.status()).isEqualTo(403);
	}

}
