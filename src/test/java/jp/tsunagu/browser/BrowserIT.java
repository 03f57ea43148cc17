package jp.tsunagu.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real Chromium through Playwright: sign in, filter the directory, open a profile, switch
 * language, sign out — with axe-core on every page visited (no serious or critical violation).
 * Screenshots land in target/screenshots for a person to look at.
 */
@QuarkusTest
class BrowserIT extends BrowserSupport {

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
        context = newContext(375, 740);
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
        // on a phone the navigation folds behind one button: the content starts in the first screen
        var menu = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("メニュー"));
        assertThat(menu).isVisible();
        assertThat(menu).hasAttribute("aria-expanded", "false");
        assertThat(page.locator("#site-menu")).isHidden();
        double headerHeight = page.locator(".site-header").boundingBox().height;
        org.junit.jupiter.api.Assertions.assertTrue(headerHeight < 80, "one header row on a phone: " + headerHeight + "px");
        // keyboard: the skip link is the first stop and moves to the main content, the menu button next
        page.keyboard().press("Tab");
        assertThat(page.locator(".skip")).isFocused();
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        assertThat(menu).isFocused();
        page.keyboard().press("Enter");
        assertThat(menu).hasAttribute("aria-expanded", "true");
        assertThat(page.locator("#site-menu").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("監査ログ"))).isVisible();
        audit("13-menu-open-phone");
        page.keyboard().press("Tab");
        page.keyboard().press("Escape");
        assertThat(menu).isFocused();
        assertThat(page.locator("#site-menu")).isHidden();
        // a wide window shows the navigation without the button
        page.setViewportSize(1280, 900);
        assertThat(menu).isHidden();
        assertThat(page.locator("#site-menu")).isVisible();
        assertEquals(List.of(), violations, "axe-core: serious or critical violations");
    }

    /**
     * The pairing cycle: the secretariat opens a program year, a center lead applies, the secretariat
     * matches with the ranked candidates, both centers open the workspace, a visit and a
     * self-assessment are recorded, and the national view shows the pair's progress.
     */
    @Test
    void pairingProgramCycle() {
        java.time.LocalDate today = jp.tsunagu.platform.time.JapaneseCalendar.today();
        int year = 2026;
        signIn("admin@demo.tsunagu.jp");
        page.navigate(url("/programs"));
        assertThat(page.locator("h1")).hasText("ペア事業");
        assertThat(page.locator("body")).containsText("令和5年度 定着支援地域連携モデルに係る調査事業");
        audit("20-programs");
        page.getByLabel("年度（西暦）").fill(String.valueOf(year));
        page.getByLabel("事業名").fill("ペア事業（ブラウザ試験）");
        page.getByLabel("公募開始日").fill(today.minusDays(1).toString());
        page.getByLabel("公募締切日").fill(today.plusDays(14).toString());
        page.getByLabel("実施期間の開始日").fill(java.time.LocalDate.of(year + 1, 1, 5).toString());
        page.getByLabel("実施期間の終了日").fill(java.time.LocalDate.of(year + 1, 3, 19).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("事業年度を作成")).click();
        assertThat(page.locator("h1")).containsText("令和8年度 ペア事業（ブラウザ試験）");
        assertThat(page.locator("#template")).isVisible();
        audit("21-program-admin");
        String programUrl = page.url();
        signOut();

        // a center lead applies during the call
        signIn("noikeru@demo.tsunagu.jp");
        page.navigate(programUrl);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("エントリーする")).click();
        audit("22-apply");
        page.getByLabel("地域の就労支援機関との連携").check();
        page.getByLabel("エントリーの動機").fill("事業所との連携会議を立ち上げたい");
        page.getByLabel("学びたいセンター（任意）").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("障害者就業・生活支援センター CSA"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("エントリーを提出")).click();
        assertThat(page.locator(".notice")).containsText("エントリー");
        signOut();

        // the secretariat matches using the candidate list
        signIn("admin@demo.tsunagu.jp");
        page.navigate(programUrl);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("石狩障がい者就業・生活支援センター のいける")).click();
        assertThat(page.locator(".candidates li").first()).containsText("CSA");
        assertThat(page.locator(".candidates li").first()).containsText("申込書で希望された相手先です");
        audit("23-matching");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("このセンターとペアにする")).click();
        assertThat(page.locator("h1")).containsText("のいける × ");
        String pairUrl = page.url();
        signOut();

        // the supporting center sees the workspace and the notification
        signIn("csa@demo.tsunagu.jp");
        assertThat(page.locator("body")).containsText("ペアが決まりました");
        audit("24a-home-notification");
        page.navigate(pairUrl);
        assertThat(page.locator("h1")).containsText("CSA");
        audit("24-pair-supporting");
        signOut();

        // the implementing center records a visit and its self-assessment
        signIn("noikeru@demo.tsunagu.jp");
        page.navigate(pairUrl);
        page.locator("summary", new Page.LocatorOptions().setHasText("訪問を記録する")).click();
        page.getByLabel("名称（例：上尾合宿）").fill("上尾訪問");
        page.getByLabel("開始日").fill(java.time.LocalDate.of(year + 1, 1, 20).toString());
        page.getByLabel("行程 1 の内容").fill("情報交換会に参加");
        page.getByLabel("訪問した側が参考になったこと").fill("個別訪問も組み合わせる");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("訪問を記録")).click();
        assertThat(page.locator("#visits")).containsText("上尾訪問");
        page.locator("summary", new Page.LocatorOptions().setHasText("自己評価を入力・変更する")).click();
        for (int i = 0; i < 6; i++) {
            page.locator("#items" + i + "-before").fill(String.valueOf(3 + i % 3));
            page.locator("#items" + i + "-after").fill(String.valueOf(6 + i % 3));
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("自己評価を保存")).click();
        assertThat(page.locator(".notice")).containsText("自己評価を保存しました");
        assertThat(page.locator("svg.radar polygon.after, figure.radar polygon.after")).hasCount(1);
        assertThat(page.locator("figure.radar polygon.before")).hasCount(1);
        // an out-of-range score is refused with the field named
        page.locator("summary", new Page.LocatorOptions().setHasText("自己評価を入力・変更する")).click();
        page.locator("#items0-after").evaluate("e => e.removeAttribute('max')");
        page.locator("#items0-after").fill("11");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("自己評価を保存")).click();
        assertThat(page.locator("#error-summary")).containsText("1〜10");
        audit("25-pair-workspace");
        signOut();

        // the national view shows the pair's progress
        signIn("admin@demo.tsunagu.jp");
        page.navigate(programUrl.replaceAll("/?$", "") + "/overview");
        assertThat(page.locator("h1")).containsText("全ペアの進み具合");
        assertThat(page.locator("table.overview tbody tr")).hasCount(1);
        assertThat(page.locator("table.overview tbody tr").first()).containsText("+3");
        assertThat(page.locator("svg.tile-map line.pair-line")).hasCount(1);
        audit("26-overview");
        page.navigate(url("/programs"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("令和5年度 定着支援地域連携モデルに係る調査事業")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("全ペアの進み具合")).click();
        assertThat(page.locator("table.overview tbody tr")).hasCount(6);
        assertThat(page.locator("table.overview tbody tr").first()).containsText("実施センター訪問");
        audit("27-overview-fy2023");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("石狩障がい者就業・生活支援センター のいける")).click();
        audit("28-pair-fy2023");
        context.close();
        context = newContext(375, 740);
        page = context.newPage();
        signIn("admin@demo.tsunagu.jp");
        page.navigate(pairUrl);
        audit("29-pair-phone");
        assertEquals(List.of(), violations, "axe-core: serious or critical violations");
    }
}
