package jp.tsunagu.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The secretariat keeps the directory from the pages: imports a Shift_JIS file with one bad line and
 * reads the report, finds the two offices that are one on the upkeep page, reviews the merge side by
 * side and merges them; confirms an office a lead registered; on a phone too. axe-core on every page.
 */
@QuarkusTest
class DirectoryUpkeepBrowserIT extends BrowserSupport {

    @Inject
    AgroalDataSource ds;

    @AfterEach
    void removeWhatTheFlowAdded() {
        TestSupport.update(ds, "DELETE FROM organization WHERE code LIKE 'upkeep-%'");
    }

    Page.GetByRoleOptions exact(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void importFindDuplicatesMergeConfirm() {
        TestSupport.update(ds, "INSERT INTO organization (code, name, org_type, prefecture_code, confirmed)"
                + " VALUES ('upkeep-registered', '相談支援事業所 きらり（架空）', 'CONSULTATION', 47, false)");
        signIn("admin@demo.tsunagu.jp");
        page.navigate(url("/directory"));
        page.getByRole(AriaRole.LINK, exact("名簿をCSVで取り込む・書き出す")).click();
        assertThat(page.locator("h1")).hasText("名簿をCSVで取り込む・書き出す");
        audit("97-directory-import");

        String file = "code,type,name,prefectureCode,municipality,phone\r\n"
                + "upkeep-1,就労定着支援事業所,就労定着支援事業所 はまかぜ（架空）,沖縄県,浦添市,098-000-1111\r\n"
                + "upkeep-2,RETENTION_SUPPORT,就労定着支援事業所はまかぜ（架空）,47,浦添市,098-000-1111\r\n"
                + "upkeep-3,RETENTION_SUPPORT,電話が違う（架空）,47,浦添市,でんわ\r\n";
        page.getByLabel("CSVファイル").setInputFiles(new FilePayload("directory.csv", "text/csv",
                file.getBytes(Charset.forName("windows-31j"))));
        page.getByRole(AriaRole.BUTTON, exact("取り込む")).click();
        assertThat(page.locator("#h-report")).containsText("追加 2件");
        assertThat(page.locator("#h-report")).containsText("Shift_JIS");
        assertThat(page.locator("table.list").first()).containsText("phone");
        audit("98-directory-import-report");
        long first = TestSupport.orgId(ds, "upkeep-1");
        long second = TestSupport.orgId(ds, "upkeep-2");

        // the two are found on the upkeep page; the secretariat keeps the first and merges the second into it
        page.navigate(url("/organizations/upkeep"));
        assertThat(page.locator("h1")).hasText("名簿の確認と重複の統合");
        assertThat(page.locator("body")).containsText("相談支援事業所 きらり（架空）");
        audit("99-directory-upkeep");
        page.locator("a[href='/organizations/" + second + "/merge?into=" + first + "']").click();
        assertThat(page.locator("h1")).containsText("就労定着支援事業所はまかぜ（架空）");
        audit("99b-directory-merge");
        page.getByRole(AriaRole.BUTTON, exact("統合する")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("統合しました");
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM organization WHERE id = ?", second));

        // on a phone: the office a lead registered is confirmed
        BrowserContext phone = newContext(390, 844);
        Page small = phone.newPage();
        signIn(small, "admin@demo.tsunagu.jp");
        small.navigate(url("/organizations/upkeep"));
        small.getByRole(AriaRole.BUTTON, exact("相談支援事業所 きらり（架空）を確認する")).click();
        assertThat(small.locator(".notice[role=status]")).containsText("確認しました");
        audit(small, "99c-directory-upkeep-phone");
        phone.close();
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM organization WHERE code = 'upkeep-registered' AND confirmed"));
    }
}
