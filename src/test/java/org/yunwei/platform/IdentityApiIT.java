package org.yunwei.platform;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * The identity REST API as an integration would use it, over real HTTP: tokens, problem
 * details, keyset lists, optimistic locking and every 三员分立 rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityApiIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

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

	private JsonNode createUser(String username) {
		Response r = this.api.post("/api/v1/users", this.sysadmin, Api
			.json(Map.of("username", username, "displayName", "测试 " + username, "email", username + "@example.org")));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}

	private static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void withoutTokenTheApiAnswers401ProblemJson() {
		Response r = this.api.get("/api/v1/users", null);
		assertThat(r.status()).isEqualTo(401);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("status").asInt()).isEqualTo(401);
		assertThat(r.json().get("title").asString()).isEqualTo("Not authenticated");
	}

	@Test
	void withoutAcceptLanguageTheSecurityFiltersAnswerInChineseLikeTheRestOfTheApi() throws Exception {
		java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/api/v1/users"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).isEqualTo(401);
		assertThat(r.body()).contains("\"title\":\"未认证\"");
	}

	@Test
	void malformedJsonAndUnknownPropertiesAre400ProblemJson() {
		Response malformed = this.api.post("/api/v1/departments", this.sysadmin, "{\"code\": ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");
		Response unknown = this.api.post("/api/v1/departments", this.sysadmin,
				"{\"code\":\"D-" + unique("") + "\",\"name\":\"x\",\"colour\":\"red\"}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("colour");
	}

	@Test
	void validationErrorsAreListedPerFieldInTheCallersLanguage() {
		Response r = this.api.post("/api/v1/users", this.sysadmin, "{\"username\":\"a b\",\"displayName\":\"\"}");
		assertThat(r.status()).isEqualTo(400);
		List<String> fields = r.json().get("errors").valueStream().map((e) -> e.get("field").asString()).toList();
		assertThat(fields).contains("username", "displayName");
		assertThat(r.body()).contains("Letters, digits, dot, underscore and hyphen only.");
	}

	@Test
	void usersAreListedByKeysetPages() {
		for (int i = 0; i < 3; i++) {
			createUser(unique("page"));
		}
		Response first = this.api.get("/api/v1/users?size=2", this.sysadmin);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("items").size()).isEqualTo(2);
		String next = first.json().get("next").asString();
		Response second = this.api.get("/api/v1/users?size=2&after=" + next, this.sysadmin);
		long lastOfFirst = first.json().get("items").get(1).get("id").asLong();
		assertThat(second.json().get("items").get(0).get("id").asLong()).isGreaterThan(lastOfFirst);
		assertThat(this.api.get("/api/v1/users?size=501", this.sysadmin).status()).isEqualTo(422);
	}

	@Test
	void aStaleVersionIsRefusedWith409AndChangesNothing() {
		JsonNode user = createUser(unique("stale")).get("user");
		long id = user.get("id").asLong();
		int version = user.get("version").asInt();
		Response ok = this.api.patch("/api/v1/users/" + id, this.sysadmin,
				"{\"displayName\":\"改过的名字\",\"version\":" + version + "}");
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		Response stale = this.api.patch("/api/v1/users/" + id, this.sysadmin,
				"{\"displayName\":\"覆盖\",\"version\":" + version + "}");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(this.api.get("/api/v1/users/" + id, this.sysadmin).json().get("displayName").asString())
			.isEqualTo("改过的名字");
	}

	@Test
	void onlyTheSecurityAdministratorGrantsRoles() {
		JsonNode user = createUser(unique("grant")).get("user");
		String body = Api.json(Map.of("roles", List.of("ENGINEER"), "version", user.get("version").asInt()));
		Response bySysadmin = this.api.put("/api/v1/users/" + user.get("id").asLong() + "/roles", this.sysadmin, body);
		assertThat(bySysadmin.status()).isEqualTo(403);
		assertThat(bySysadmin.json().get("detail").asString()).contains("role:grant");
		Response byAuditadmin = this.api.put("/api/v1/users/" + user.get("id").asLong() + "/roles", this.auditadmin,
				body);
		assertThat(byAuditadmin.status()).isEqualTo(403);
		Response bySecadmin = this.api.put("/api/v1/users/" + user.get("id").asLong() + "/roles", this.secadmin, body);
		assertThat(bySecadmin.status()).as(bySecadmin.body()).isEqualTo(200);
		assertThat(bySecadmin.json().get("roles").get(0).asString()).isEqualTo("ENGINEER");
	}

	@Test
	void noAccountHoldsTwoAdministratorRoles() {
		JsonNode user = createUser(unique("sod")).get("user");
		long id = user.get("id").asLong();
		Response first = this.api.put("/api/v1/users/" + id + "/roles", this.secadmin,
				Api.json(Map.of("roles", List.of("SECURITY_ADMIN"), "version", user.get("version").asInt())));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		Response both = this.api.put("/api/v1/users/" + id + "/roles", this.secadmin, Api.json(Map.of("roles",
				List.of("SECURITY_ADMIN", "AUDIT_ADMIN"), "version", first.json().get("version").asInt())));
		assertThat(both.status()).isEqualTo(422);
		assertThat(both.json().get("detail").asString())
			.isEqualTo("三员分立: one account cannot be both Security administrator and Audit administrator.");
		assertThat(this.api.get("/api/v1/users/" + id, this.sysadmin).json().get("roles").toString())
			.isEqualTo("[\"SECURITY_ADMIN\"]");
	}

	@Test
	void theAuditAdministratorHoldsNoOtherRoleAndNobodyGrantsThemselves() {
		JsonNode user = createUser(unique("aud")).get("user");
		Response r = this.api.put("/api/v1/users/" + user.get("id").asLong() + "/roles", this.secadmin,
				Api.json(Map.of("roles", List.of("AUDIT_ADMIN", "ENGINEER"), "version", user.get("version").asInt())));
		assertThat(r.status()).isEqualTo(422);
		JsonNode me = this.api.get("/api/v1/me", this.secadmin).json();
		Response self = this.api.put("/api/v1/users/" + me.get("id").asLong() + "/roles", this.secadmin,
				Api.json(Map.of("roles", List.of("SECURITY_ADMIN", "ENGINEER"), "version", me.get("version").asInt())));
		assertThat(self.status()).isEqualTo(403);
	}

	@Test
	void theAuditAdministratorChangesNothing() {
		Response r = this.api.post("/api/v1/departments", this.auditadmin,
				Api.json(Map.of("code", unique("A"), "name", "审计不该建")));
		assertThat(r.status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/audit?size=5", this.auditadmin).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/audit?size=5", this.sysadmin).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/audit?size=5", this.secadmin).status()).isEqualTo(403);
	}

	@Test
	void aRoleCannotMixTwoAdministratorsPermissions() {
		Response r = this.api.post("/api/v1/roles", this.secadmin,
				Api.json(Map.of("code", "MIXED_" + System.nanoTime() % 10000, "nameZh", "混合", "nameEn", "Mixed",
						"scope", "ALL", "permissions", List.of("user:write", "audit:read"))));
		assertThat(r.status()).isEqualTo(422);
	}

	@Test
	void fiveWrongPasswordsLockTheAccountAndSayUntilWhen() {
		String username = unique("lock");
		JsonNode created = createUser(username);
		for (int i = 0; i < 4; i++) {
			Response wrong = this.api.post("/api/v1/auth/token", null,
					Api.json(Map.of("username", username, "password", "wrong-" + i)));
			assertThat(wrong.status()).isEqualTo(401);
			assertThat(wrong.json().get("title").asString()).isEqualTo("Not authenticated");
		}
		Response fifth = this.api.post("/api/v1/auth/token", null,
				Api.json(Map.of("username", username, "password", "wrong-5")));
		assertThat(fifth.status()).isEqualTo(401);
		assertThat(fifth.json().get("type").asString()).endsWith("/account-locked");
		assertThat(fifth.json().get("detail").asString())
			.startsWith("Too many failed attempts: the account is locked until 20");
		assertThat(fifth.json().get("lockedUntil").asString()).isNotBlank();
		// Even the right password is refused while locked.
		Response right = this.api.post("/api/v1/auth/token", null,
				Api.json(Map.of("username", username, "password", created.get("initialPassword").asString())));
		assertThat(right.json().get("type").asString()).endsWith("/account-locked");
		Response audit = this.api.get("/api/v1/audit?action=LOCKED&actor=" + username, this.auditadmin);
		assertThat(audit.json().get("items").size()).isEqualTo(1);
		Response failures = this.api.get("/api/v1/audit?action=LOGIN_FAILED&actor=" + username, this.auditadmin);
		assertThat(failures.json().get("items").size()).isEqualTo(6);
	}

	@Test
	void aRevokedTokenIsRefused() {
		Response issued = this.api.post("/api/v1/tokens", this.sysadmin, "{\"name\":\"整合测试\",\"days\":7}");
		assertThat(issued.status()).isEqualTo(201);
		String token = issued.json().get("token").asString();
		assertThat(this.api.get("/api/v1/me", token).status()).isEqualTo(200);
		assertThat(this.api.delete("/api/v1/tokens/" + issued.json().get("view").get("id").asLong(), this.sysadmin)
			.status()).isEqualTo(204);
		Response refused = this.api.get("/api/v1/me", token);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.json().get("detail").asString())
			.isEqualTo("The bearer token is unknown, expired or revoked.");
	}

	@Test
	void theTokenOfADeactivatedUserIsRefused() {
		TestUsers.Person person = new TestUsers(this.context).create("gone", null, "DEPARTMENT_USER");
		String token = this.api.token(person.username(), TestUsers.PASSWORD);
		assertThat(this.api.get("/api/v1/me", token).status()).isEqualTo(200);
		int version = this.api.get("/api/v1/users/" + person.id(), this.sysadmin).json().get("version").asInt();
		Response off = this.api.patch("/api/v1/users/" + person.id(), this.sysadmin,
				"{\"active\":false,\"version\":" + version + "}");
		assertThat(off.status()).as(off.body()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/me", token).status()).as("a person who left uses no token").isEqualTo(401);
	}

	@Test
	void aNewUserMustChangeTheInitialPasswordBeforeUsingTheApi() {
		String username = unique("fresh");
		JsonNode created = createUser(username);
		Response r = this.api.post("/api/v1/auth/token", null,
				Api.json(Map.of("username", username, "password", created.get("initialPassword").asString())));
		assertThat(r.status()).isEqualTo(403);
		assertThat(r.json().get("type").asString()).endsWith("/password-change-required");
	}

	@Test
	void everyChangeIsInTheAuditTrailWithBeforeAndAfter() {
		String code = unique("AUD");
		Response created = this.api.post("/api/v1/departments", this.sysadmin,
				Api.json(Map.of("code", code, "name", "旧名")));
		long id = created.json().get("id").asLong();
		this.api.patch("/api/v1/departments/" + id, this.sysadmin,
				"{\"name\":\"新名\",\"version\":" + created.json().get("version").asInt() + "}");
		JsonNode items = this.api.get("/api/v1/audit?recordType=department&recordId=" + id, this.auditadmin)
			.json()
			.get("items");
		assertThat(items.size()).isEqualTo(2);
		assertThat(items.get(0).get("action").asString()).isEqualTo("UPDATE");
		assertThat(items.get(0).get("actor").asString()).isEqualTo("sysadmin");
		assertThat(items.get(0).get("changes").asString()).isEqualTo("{\"name\":{\"before\":\"旧名\",\"after\":\"新名\"}}");
		assertThat(items.get(1).get("action").asString()).isEqualTo("CREATE");
	}

	@Test
	void passwordHashesNeverReachTheAuditTrail() {
		createUser(unique("mask"));
		String trail = this.api.get("/api/v1/audit?recordType=user&action=CREATE&size=50", this.auditadmin).body();
		assertThat(trail).contains("passwordHash").contains("******").doesNotContain("{bcrypt}");
	}

	@Test
	void aFormPostWithoutItsCsrfTokenIsRefused() {
		Response r = this.api
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(java.net.http.HttpRequest.BodyPublishers
					.ofString("username=sysadmin&password=" + Api.ADMIN_PASSWORD)), null);
		assertThat(r.status()).isEqualTo(403);
		Response audit = this.api.get("/api/v1/audit?action=LOGIN&actor=sysadmin&size=500", this.auditadmin);
		long logins = audit.json().get("items").size();
		this.api.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/admin/departments"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("code=CSRF&name=x")), null);
		assertThat(this.api.get("/api/v1/audit?action=LOGIN&actor=sysadmin&size=500", this.auditadmin)
			.json()
			.get("items")
			.size()).isEqualTo(logins);
		assertThat(this.api.get("/api/v1/audit?recordType=department&action=CREATE&size=500", this.auditadmin).body())
			.doesNotContain("x (CSRF)");
	}

	@Test
	void healthAndPrometheusAreServed() {
		assertThat(this.api.get("/actuator/health", null).body()).contains("\"db\"").contains("UP");
		assertThat(this.api.get("/actuator/prometheus", null).status()).isEqualTo(401);
		assertThat(this.api.get("/actuator/prometheus", this.sysadmin).body()).contains("jvm_memory_used_bytes");
	}

}
