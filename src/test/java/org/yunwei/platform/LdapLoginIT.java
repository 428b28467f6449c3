package org.yunwei.platform;

import java.util.Map;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.yunwei.support.Api;
import org.yunwei.support.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LDAP login against a real (embedded UnboundID) directory: a directory user signs in, is
 * created locally with the department-user role, and a wrong directory password counts
 * towards lockout. Local accounts keep signing in with their own password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "yunwei.ldap.user-dn-pattern=uid={0},ou=people", "yunwei.test.schema-suffix=_ldap" })
class LdapLoginIT {

	static final InMemoryDirectoryServer directory = start();

	@LocalServerPort
	int port;

	static InMemoryDirectoryServer start() {
		try {
			InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=gov,dc=cn");
			config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
			config.setSchema(null);
			InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
			server.add("dn: dc=example,dc=gov,dc=cn", "objectClass: top", "objectClass: domain", "dc: example");
			server.add("dn: ou=people,dc=example,dc=gov,dc=cn", "objectClass: organizationalUnit", "ou: people");
			server.add("dn: uid=lina,ou=people,dc=example,dc=gov,dc=cn", "objectClass: inetOrgPerson", "uid: lina",
					"cn: 李娜", "sn: 李", "mail: lina@example.gov.cn", "userPassword: Directory-Pass-2026");
			server.startListening();
			return server;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void ldap(DynamicPropertyRegistry registry) {
		registry.add("yunwei.ldap.url",
				() -> "ldap://127.0.0.1:" + directory.getListenPort() + "/dc=example,dc=gov,dc=cn");
	}

	@AfterAll
	static void stop() {
		directory.shutDown(true);
	}

	@Test
	void aDirectoryUserSignsInAndIsCreatedLocally() {
		Api api = new Api(this.port);
		String token = api.token("lina", "Directory-Pass-2026");
		Response me = api.get("/api/v1/me", token);
		assertThat(me.json().get("displayName").asString()).isEqualTo("李娜");
		assertThat(me.json().get("email").asString()).isEqualTo("lina@example.gov.cn");
		assertThat(me.json().get("authSource").asString()).isEqualTo("LDAP");
		assertThat(me.json().get("roles").toString()).isEqualTo("[\"DEPARTMENT_USER\"]");
	}

	@Test
	void aWrongDirectoryPasswordIsRefusedAndLocalAccountsStillWork() {
		Api api = new Api(this.port);
		Response wrong = api.post("/api/v1/auth/token", null,
				Api.json(Map.of("username", "lina", "password", "not-the-password")));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(api.token("sysadmin", Api.ADMIN_PASSWORD)).startsWith("yw_");
		Response unknown = api.post("/api/v1/auth/token", null,
				Api.json(Map.of("username", "nobody", "password", "whatever-2026")));
		assertThat(unknown.status()).isEqualTo(401);
	}

}
