package jp.tsunagu.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every browser test shares: one headless Chromium per class, a fresh context per test,
 * sign-in helpers and {@link #audit} (axe-core, WCAG 2.2 AA tags, serious or critical violations
 * collected; a full-page screenshot in target/screenshots for a person to look at).
 */
abstract class BrowserSupport {

    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL base;

    BrowserContext context;
    Page page;
    final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void launch() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /** The pages this class visited, as served and rendered, for the HTML checker. */
    static final List<Path> visited = new ArrayList<>();

    @AfterAll
    static void close() throws Exception {
        try {
            HtmlChecker.assertValid(visited);
        } finally {
            visited.clear();
            shutBrowser();
        }
    }

    static void shutBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void open() {
        context = newContext(1280, 900);
        page = context.newPage();
    }

    @AfterEach
    void shut() {
        context.close();
    }

    static BrowserContext newContext(int width, int height) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("ja-JP")
                .setTimezoneId("Asia/Tokyo"));
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    void audit(String name) {
        audit(page, name);
    }

    void audit(Page on, String name) {
        AxeResults results = new AxeBuilder(on)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                violations.add(name + ": " + rule.getId() + " — " + rule.getHelp() + " " + rule.getNodes().size() + " node(s)");
            }
        }
        if (on.content().contains("NOT_FOUND")) {
            violations.add(name + ": a template value did not resolve (NOT_FOUND on the page)");
        }
        try {
            Files.createDirectories(Path.of("target/screenshots"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        on.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")).setFullPage(true));
        visited.add(HtmlChecker.save(name, on.content()));
    }

    /** For a browser with JavaScript off: the screenshot and the HTML check, without axe-core (which runs as script). */
    void auditWithoutScript(Page on, String name) {
        if (on.content().contains("NOT_FOUND")) {
            violations.add(name + ": a template value did not resolve (NOT_FOUND on the page)");
        }
        try {
            Files.createDirectories(Path.of("target/screenshots"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        on.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")).setFullPage(true));
        visited.add(HtmlChecker.save(name, on.content()));
    }

    void signIn(String email) {
        signIn(page, email);
    }

    void signIn(Page on, String email) {
        on.navigate(url("/login"));
        on.getByLabel("メールアドレス").fill(email);
        on.getByLabel("パスワード").fill("tsunagu-demo");
        on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログイン")).click();
        on.waitForURL(u -> !u.contains("/login"));
    }

    void signOut() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログアウト")).click();
    }
}
