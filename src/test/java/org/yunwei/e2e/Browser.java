package org.yunwei.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright; nothing is downloaded. Without Chromium a local
 * run skips with a message; under CI (CI=true) it fails.
 */
final class Browser {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private Browser() {
	}

	static Playwright playwright() {
		if (!Files.isExecutable(CHROMIUM)) {
			String message = "Chromium is not installed at " + CHROMIUM
					+ " (apt-get install -y chromium); browser tests need it";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message);
		}
		return Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	static com.microsoft.playwright.Browser launch(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync")));
	}

	static NewContextOptions context() {
		return new NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900);
	}

	/** Opens a page and signs in on the login form; the home page is where it lands. */
	static com.microsoft.playwright.Page signIn(com.microsoft.playwright.BrowserContext context, String base,
			String username, String password) {
		com.microsoft.playwright.Page page = context.newPage();
		page.navigate(base + "/login");
		page.fill("#username", username);
		page.fill("#password", password);
		page.click("#login-submit");
		com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page).hasURL(base + "/");
		return page;
	}

	/**
	 * Repeats a check (which may reload the page) until it holds, for what follows a
	 * commit on another thread such as the search index; fails after about ten seconds.
	 */
	static void waitUntil(com.microsoft.playwright.Page page, java.util.function.BooleanSupplier check) {
		for (int i = 0; i < 50; i++) {
			if (check.getAsBoolean()) {
				return;
			}
			page.waitForTimeout(200);
		}
		throw new AssertionError("never came true on " + page.url());
	}

}
