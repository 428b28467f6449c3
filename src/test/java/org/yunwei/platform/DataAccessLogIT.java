package org.yunwei.platform;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import org.yunwei.support.Api;
import org.yunwei.support.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data-access log of 8.6.1: the security administrator marks a record sensitive,
 * every read of it is logged, and the audit administrator finds the reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DataAccessLogIT {

	@LocalServerPort
	int port;

	Api api;

	String sysadmin;

	String secadmin;

	String auditadmin;

	@BeforeEach
	void tokens() {
		this.api = new Api(this.port);
		this.sysadmin = this.api.token("sysadmin", Api.ADMIN_PASSWORD);
		this.secadmin = this.api.token("secadmin", Api.ADMIN_PASSWORD);
		this.auditadmin = this.api.token("auditadmin", Api.ADMIN_PASSWORD);
	}

	private long createUser() {
		String username = "dal" + UUID.randomUUID().toString().substring(0, 8);
		Response r = this.api.post("/api/v1/users", this.sysadmin,
				Api.json(Map.of("username", username, "displayName", "敏感 " + username)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("user").get("id").asLong();
	}

	private int readsOf(long userId) {
		Response r = this.api.get("/api/v1/audit?action=READ&recordType=user&recordId=" + userId, this.auditadmin);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().get("items").size();
	}

	@Test
	void readsOfAMarkedRecordAreLoggedAndOthersAreNot() {
		long marked = createUser();
		long other = createUser();
		Response mark = this.api.post("/api/v1/sensitive-records", this.secadmin,
				Api.json(Map.of("recordType", "user", "recordId", String.valueOf(marked), "reason", "领导信息")));
		assertThat(mark.status()).as(mark.body()).isEqualTo(201);
		long markId = mark.json().get("id").asLong();

		assertThat(this.api.get("/api/v1/users/" + marked, this.sysadmin).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/users/" + other, this.sysadmin).status()).isEqualTo(200);

		assertThat(readsOf(marked)).isEqualTo(1);
		assertThat(readsOf(other)).isZero();
		JsonNode read = this.api.get("/api/v1/audit?action=READ&recordType=user&recordId=" + marked, this.auditadmin)
			.json()
			.get("items")
			.get(0);
		assertThat(read.get("actor").asString()).isEqualTo("sysadmin");
		assertThat(read.get("sourceIp").asString()).isNotBlank();

		Response unmark = this.api.delete("/api/v1/sensitive-records/" + markId, this.secadmin);
		assertThat(unmark.status()).isEqualTo(204);
		this.api.get("/api/v1/users/" + marked, this.sysadmin);
		assertThat(readsOf(marked)).isEqualTo(1);

		Response trail = this.api.get("/api/v1/audit?recordType=sensitiveRecord&recordId=" + markId, this.auditadmin);
		assertThat(trail.json().get("items").valueStream().map((e) -> e.get("action").asString()))
			.containsExactly("DELETE", "CREATE");
	}

	@Test
	void onlyTheSecurityAdministratorMarksAndAMarkIsNotDuplicated() {
		String body = Api.json(Map.of("recordType", "department"));
		assertThat(this.api.post("/api/v1/sensitive-records", this.sysadmin, body).status()).isEqualTo(403);
		assertThat(this.api.post("/api/v1/sensitive-records", this.auditadmin, body).status()).isEqualTo(403);
		Response first = this.api.post("/api/v1/sensitive-records", this.secadmin, body);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("recordId").asString()).isEqualTo("*");
		Response again = this.api.post("/api/v1/sensitive-records", this.secadmin, body);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		Response invalid = this.api.post("/api/v1/sensitive-records", this.secadmin,
				Api.json(Map.of("recordType", "no spaces allowed")));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(
				this.api.delete("/api/v1/sensitive-records/" + first.json().get("id").asLong(), this.secadmin).status())
			.isEqualTo(204);
	}

}
