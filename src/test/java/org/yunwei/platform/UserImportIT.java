package org.yunwei.platform;

import java.nio.charset.StandardCharsets;
import java.util.Map;

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
 * Importing people: the system administrator's file is previewed row by row with each
 * problem named in the reader's language; one bad row imports nothing; a good file
 * creates accounts with one-time passwords (the person must change it at first sign-in)
 * and changes the people that exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserImportIT {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void peopleAreImportedAllOrNothing() {
		Api api = new Api(this.port);
		String admin = api.token("sysadmin", Api.ADMIN_PASSWORD);
		String suffix = String.valueOf(System.nanoTime() % 1_000_000);
		Response dept = api.post("/api/v1/departments", admin,
				Api.json(Map.of("code", "IMP" + suffix, "name", "导入处" + suffix)));
		assertThat(dept.status()).as(dept.body()).isEqualTo(201);
		TestUsers.Person existing = new TestUsers(this.context).create("impold", null, "ENGINEER");

		String bad = "用户名,姓名,电子邮箱,部门\n" + "imp.a" + suffix + ",甲" + suffix + ",a@example.gov.cn,IMP" + suffix + "\n"
				+ "imp.b" + suffix + ",,not-an-address,没有这个部门\n" + existing.username() + ",改名" + suffix + ",,\n";
		Response preview = api.upload("/api/v1/users/import?dryRun=true", admin, "people.csv",
				bad.getBytes(StandardCharsets.UTF_8));
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		assertThat(preview.json().get("errors").asLong()).isEqualTo(1);
		JsonNode row3 = preview.json().get("rows").get(1);
		assertThat(row3.toString()).contains("Name", "E-mail", "Department");
		assertThat(preview.json().get("rows").get(2).get("update").asBoolean()).isTrue();

		Response refused = api.upload("/api/v1/users/import", admin, "people.csv",
				bad.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(api.get("/api/v1/users/imp.a" + suffix, admin).status()).as("nothing imported").isEqualTo(404);

		String good = bad.replace("imp.b" + suffix + ",,not-an-address,没有这个部门",
				"imp.b" + suffix + ",乙" + suffix + ",,导入处" + suffix);
		Response imported = api.upload("/api/v1/users/import", admin, "people.csv",
				good.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("created").asInt()).isEqualTo(2);
		assertThat(imported.json().get("updated").asInt()).isEqualTo(1);
		String password = imported.json().get("issued").get(0).get("initialPassword").asString();
		JsonNode a = api.get("/api/v1/users/imp.a" + suffix, admin).json();
		assertThat(a.get("displayName").asString()).isEqualTo("甲" + suffix);
		assertThat(a.get("email").asString()).isEqualTo("a@example.gov.cn");
		assertThat(api.get("/api/v1/users/" + existing.username(), admin).json().get("displayName").asString())
			.isEqualTo("改名" + suffix);
		assertThat(api
			.send(java.net.http.HttpRequest.newBuilder()
				.uri(java.net.URI.create("http://127.0.0.1:" + this.port + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers
					.ofString(Api.json(Map.of("username", "imp.a" + suffix, "password", password)))), null)
			.status()).as("the one-time password must be changed first").isNotEqualTo(200);

		String manager = api.token(new TestUsers(this.context).create("impmgr", null, "OM_MANAGER").username(),
				TestUsers.PASSWORD);
		assertThat(api
			.upload("/api/v1/users/import?dryRun=true", manager, "people.csv", good.getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(403);
	}

}
