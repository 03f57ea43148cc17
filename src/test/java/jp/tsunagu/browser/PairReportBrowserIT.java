package jp.tsunagu.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A pair's report in Chromium: the implementing center writes and submits it, the pair's advisor
 * comments, the secretariat approves it and reads the program's report; the report on a phone.
 * axe-core and the HTML checker on each page.
 */
@QuarkusTest
class PairReportBrowserIT extends BrowserSupport {

    @Inject
    AgroalDataSource ds;

    Page.GetByRoleOptions exact(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void theCentersWriteTheAdvisorCommentsTheSecretariatApproves() {
        long pair = TestSupport.id(ds, "SELECT x.id FROM pairing x JOIN organization o ON o.id = x.implementing_id WHERE o.code = ?",
                "hokkaido-noikeru");
        long program = TestSupport.id(ds, "SELECT id FROM program WHERE fiscal_year = 2023");
        TestSupport.update(ds, "DELETE FROM pairing_report_comment WHERE pairing_id = ?", pair);
        TestSupport.update(ds, "DELETE FROM pairing_report WHERE pairing_id = ?", pair);

        signIn("noikeru@demo.tsunagu.jp");
        page.navigate(url("/pairings/" + pair));
        page.getByRole(AriaRole.LINK, exact("ペアの報告を書く・読む")).click();
        assertThat(page.locator("h1")).hasText("ペアの報告");
        assertThat(page.getByRole(AriaRole.TEXTBOX, exact("エントリーした理由"))).containsText("コロナ禍");
        page.getByRole(AriaRole.TEXTBOX, exact("取り組みのポイント")).fill("広い圏域をサブエリアに分け、地域の資源を通じて間接的に調整する。");
        page.getByRole(AriaRole.BUTTON, exact("報告を保存")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("報告を保存しました");
        assertThat(page.locator(".report-activities")).containsText("あいらいさ訪問");
        audit("137-pair-report-draft");
        page.getByRole(AriaRole.BUTTON, exact("事務局に提出")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("事務局に提出しました");
        signOut();

        signIn("advisor@demo.tsunagu.jp");
        page.navigate(url("/pairings/" + pair + "/report"));
        assertThat(page.getByRole(AriaRole.TEXTBOX, exact("取り組みのポイント"))).hasCount(0);
        page.getByRole(AriaRole.COMBOBOX, exact("どの項目について")).selectOption("CHANGES");
        page.getByRole(AriaRole.TEXTBOX, exact("コメント")).fill("変わらなかった項目の理由も一文加えましょう。");
        page.getByRole(AriaRole.BUTTON, exact("コメントを送る")).click();
        assertThat(page.locator("#comments-CHANGES")).containsText("変わらなかった項目の理由");
        audit("138-pair-report-advisor");
        signOut();

        signIn("admin@demo.tsunagu.jp");
        page.navigate(url("/pairings/" + pair + "/report"));
        page.getByRole(AriaRole.BUTTON, exact("承認する")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("承認しました");
        audit("139-pair-report-approved");
        page.navigate(url("/programs/" + program));
        page.getByRole(AriaRole.LINK, exact("事業報告（全ペアの報告と全国の実績）")).click();
        assertThat(page.locator("h1")).containsText("定着支援地域連携モデルに係る調査事業");
        assertThat(page.locator(".program-report")).containsText("全国の実績");
        audit("140-program-report");

        BrowserContext phone = newContext(390, 844);
        Page small = phone.newPage();
        signIn(small, "noikeru@demo.tsunagu.jp");
        small.navigate(url("/pairings/" + pair + "/report"));
        assertThat(small.locator(".badge.report-APPROVED")).isVisible();
        audit(small, "141-pair-report-phone");
        phone.close();
    }
}
