package org.yunwei.e2e;

import java.nio.file.Path;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.yunwei.support.Api;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The system administrator's first steps, in a real browser: sign in, switch to English,
 * create a department, a group and a user, find the user in the list, sign out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdministrationFlowIT {

	@LocalServerPort
	int port;

	@Test
	void sysadminSetsUpTheOrganisation() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String base = "http://127.0.0.1:" + this.port;
		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright);
				BrowserContext context = browser.newContext(Browser.context())) {
			Page page = context.newPage();
			page.navigate(base + "/");
			assertThat(page).hasURL(base + "/login");
			assertThat(page.locator("h1")).hasText("运维");
			page.fill("#username", "sysadmin");
			page.fill("#password", Api.ADMIN_PASSWORD);
			page.click("#login-submit");
			assertThat(page.locator(".yw-page-head h1")).containsText("您好");

			page.click("#lang-switch");
			assertThat(page.locator(".yw-page-head h1")).containsText("Hello");
			assertThat(page.locator(".yw-nav")).containsText("System administration");

			page.navigate(base + "/admin/departments");
			page.fill("#name", "Data Centre " + suffix);
			page.fill("#code", "DC-" + suffix);
			page.click("#department-save");
			assertThat(page.locator(".alert-success")).containsText("The department was saved.");
			assertThat(page.locator("table")).containsText("Data Centre " + suffix);

			page.navigate(base + "/admin/groups/new");
			page.fill("#name", "Night shift " + suffix);
			page.fill("#code", "NIGHT-" + suffix);
			page.click("#group-save");
			assertThat(page.locator(".alert-success")).containsText("The group was saved.");

			for (String who : new String[] { "alice", "bob" }) {
				page.navigate(base + "/admin/users/new");
				page.fill("#username", who + suffix);
				page.fill("#displayName", who + " " + suffix);
				page.fill("#email", who + suffix + "@example.org");
				page.selectOption("#departmentId",
						new com.microsoft.playwright.options.SelectOption().setLabel("Data Centre " + suffix));
				page.click("#user-save");
				assertThat(page.locator("#initial-password")).isVisible();
				assertThat(page.locator(".yw-page-head h1")).hasText(who + " " + suffix);
			}

			page.navigate(base + "/admin/users");
			page.fill("#user-q", "bob" + suffix);
			assertThat(page.locator("#user-rows tr")).hasCount(1);
			assertThat(page.locator("#user-rows")).containsText("bob" + suffix);
			assertThat(page.locator("#user-rows")).containsText("Data Centre " + suffix);
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/users.png")));

			// a phone: the navigation folds behind the menu button and nothing scrolls
			// sideways
			page.setViewportSize(375, 812);
			page.navigate(base + "/admin/users");
			assertThat(page.locator("#sidebar")).not().isInViewport();
			page.click("#menu-toggle");
			assertThat(page.locator("#sidebar")).isInViewport();
			assertThat(page.locator("#sidebar")).containsText("Departments");
			page.locator("#sidebar .btn-close").click();
			assertThat(page.locator("#sidebar")).not().isInViewport();
			org.assertj.core.api.Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
				.isLessThanOrEqualTo(375);
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/users-375.png")));
			page.setViewportSize(1280, 900);

			page.click("#user-menu");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
			assertThat(page.locator(".alert-success")).containsText("You have signed out.");
			page.navigate(base + "/admin/users");
			assertThat(page).hasURL(base + "/login");
		}
	}

	@Test
	void onlyTheSecurityAdministratorGrantsRolesAndNeverTwoAdministratorRoles() {
		Api api = new Api(this.port);
		String username = "carol" + UUID.randomUUID().toString().substring(0, 6);
		long id = api
			.post("/api/v1/users", api.token("sysadmin", Api.ADMIN_PASSWORD),
					Api.json(java.util.Map.of("username", username, "displayName", "Carol " + username)))
			.json()
			.get("user")
			.get("id")
			.asLong();
		String base = "http://127.0.0.1:" + this.port;
		try (Playwright playwright = Browser.playwright();
				com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, "sysadmin", Api.ADMIN_PASSWORD);
				page.navigate(base + "/admin/users/" + id);
				assertThat(page.locator("#roles")).containsText("三员分立");
				assertThat(page.locator("#roles input[type=checkbox]")).hasCount(0);
				assertThat(page.locator("#roles-save")).hasCount(0);
			}
			try (BrowserContext context = browser.newContext(Browser.context())) {
				Page page = Browser.signIn(context, base, "secadmin", Api.ADMIN_PASSWORD);
				if ("English".equals(page.locator("#lang-switch").textContent().trim())) {
					page.click("#lang-switch");
				}
				page.navigate(base + "/admin/users/" + id);
				page.check("#role-SECURITY_ADMIN");
				page.click("#roles-save");
				assertThat(page.locator(".alert-success")).containsText("The roles were saved.");
				assertThat(page.locator("#role-SECURITY_ADMIN")).isChecked();

				page.check("#role-AUDIT_ADMIN");
				page.click("#roles-save");
				assertThat(page.locator("#role-error")).containsText("one account cannot be both");
				assertThat(page.locator("#role-AUDIT_ADMIN")).not().isChecked();
				page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/sod-refused.png")));

				page.navigate(base + "/admin/sensitive");
				page.fill("#recordType", "user");
				page.fill("#recordId", String.valueOf(id));
				page.fill("#reason", "VIP");
				page.click("#sensitive-save");
				assertThat(page.locator(".alert-success")).containsText("Reads of it are now logged.");
				assertThat(page.locator("#sensitive-table")).containsText("Record #" + id);
				page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/sensitive.png")));
			}
		}
		String roles = api.get("/api/v1/users/" + id, api.token("secadmin", Api.ADMIN_PASSWORD)).body();
		org.assertj.core.api.Assertions.assertThat(roles).contains("SECURITY_ADMIN").doesNotContain("AUDIT_ADMIN");
	}

}
