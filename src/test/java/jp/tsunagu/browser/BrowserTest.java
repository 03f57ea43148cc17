package jp.tsunagu.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real Chromium through Playwright: sign in, filter the directory, open a profile, switch
 * language, sign out — with axe-core on every page visited (no serious or critical violation).
 * Screenshots land in target/screenshots for a person to look at.
 */
@QuarkusTest
class BrowserTest {

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

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void open() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("ja-JP"));
        page = context.newPage();
    }

    @AfterEach
    void shut() {
        context.close();
    }

    String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    void audit(String name) {
        AxeResults results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                violations.add(name + ": " + rule.getId() + " — " + rule.getHelp() + " " + rule.getNodes().size() + " node(s)");
            }
        }
        try {
            Files.createDirectories(Path.of("target/screenshots"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")).setFullPage(true));
    }

    @Test
    void signInFilterOpenSwitchLanguageSignOut() {
        page.navigate(url("/"));
        assertThat(page.locator("h1")).hasText("つなぐ");
        audit("01-home-anonymous");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ログイン").setExact(true)).first().click();
        audit("02-login");
        page.getByLabel("メールアドレス").fill("partner@demo.tsunagu.jp");
        page.getByLabel("パスワード").fill("tsunagu-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログイン")).click();
        assertThat(page.locator("h1")).containsText("金城 さくら");
        audit("03-home-partner");

        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("名簿")).click();
        assertThat(page.locator("h1")).hasText("名簿");
        // the island refreshes the list as soon as a prefecture is chosen
        page.getByLabel("都道府県").selectOption("1");
        page.getByLabel("種別").selectOption("NAKAPOTSU");
        assertThat(page.locator("#directory-results .result-count")).hasText("11 件");
        assertEquals(11, page.locator("#directory-results tbody tr").count());
        audit("04-directory-hokkaido");

        page.getByLabel("キーワード").fill("のいける");
        assertThat(page.locator("#directory-results .result-count")).hasText("1 件");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("石狩障がい者就業・生活支援センター のいける")).click();
        assertThat(page.locator("h1")).hasText("石狩障がい者就業・生活支援センター のいける");
        assertThat(page.locator("body")).containsText("札幌圏域");
        assertThat(page.locator("body")).containsText("平成21年4月1日");
        audit("05-profile");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("body")).containsText("Catchment areas");
        audit("06-profile-english");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in").setExact(true))).isVisible();
        page.navigate(url("/circles"));
        assertThat(page.locator("h1")).hasText("Sign in");

        assertEquals(List.of(), violations, "axe-core: serious or critical violations");
    }

    @Test
    void adminPagesAndPhoneSizedWindow() {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 740).setLocale("ja-JP"));
        page = context.newPage();
        page.navigate(url("/login"));
        page.getByLabel("メールアドレス").fill("admin@demo.tsunagu.jp");
        page.getByLabel("パスワード").fill("tsunagu-demo");
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).containsText("田中 由美");
        audit("07-home-admin-phone");
        page.navigate(url("/circles"));
        audit("08-circles-phone");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("沖縄南部 就労移行等情報交換会")).click();
        assertThat(page.locator("body")).containsText("ハローワーク那覇");
        audit("09-circle-phone");
        page.navigate(url("/admin/audit"));
        assertThat(page.locator("h1")).hasText("監査ログ");
        audit("10-audit-phone");
        page.navigate(url("/invitations/new"));
        page.getByLabel("招待する人のメールアドレス").fill("not-an-address");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("招待を送る")).click();
        assertThat(page.locator("#error-summary")).isVisible();
        audit("11-invite-error-phone");
        page.navigate(url("/account"));
        audit("12-account-phone");
        // keyboard: the skip link is the first stop and moves to the main content
        page.keyboard().press("Tab");
        assertThat(page.locator(".skip")).isFocused();
        assertEquals(List.of(), violations, "axe-core: serious or critical violations");
    }
}
