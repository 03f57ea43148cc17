package jp.tsunagu.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A center shares a non-public posting with its circle; a partner in that circle finds it by a
 * two-character word and opens it; a center outside the circle cannot find it; the sharer's view
 * log shows the partner's view. axe-core on every page.
 */
@QuarkusTest
class PostingBrowserIT extends BrowserSupport {

    Page.GetByRoleOptions exact(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void shareFindAndSeeWhoViewed() {
        signIn("bridge@demo.tsunagu.jp");
        page.navigate(url("/postings"));
        assertThat(page.locator("h1")).hasText("求人・実習枠");
        audit("60-postings");
        page.getByRole(AriaRole.LINK, exact("求人を共有する")).click();
        page.getByLabel("職種・タイトル").fill("スーパーのバックヤード清掃補助");
        page.getByLabel("企業名").fill("株式会社ブラウザ試験ストア");
        page.getByLabel("都道府県", new Page.GetByLabelOptions().setExact(true)).selectOption("47");
        page.getByLabel("市区町村").fill("南風原町");
        page.getByLabel("職種の分類").selectOption("CLEANING");
        page.getByLabel("週の時間").fill("15");
        page.getByLabel("短時間勤務").check();
        page.getByLabel("賃金の形態").selectOption("HOURLY");
        page.getByLabel("賃金（円）").fill("1000");
        page.getByLabel("仕事の内容", new Page.GetByLabelOptions().setExact(true)).fill("閉店後のバックヤードの床清掃とゴミの分別。");
        page.getByLabel("転送禁止（共有したサークルの外に出さない）").check();
        page.getByLabel("沖縄南部 就労移行等情報交換会").check();
        audit("61-posting-form");
        page.getByRole(AriaRole.BUTTON, exact("共有する")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("共有しました");
        assertThat(page.locator("h1")).hasText("スーパーのバックヤード清掃補助");
        String postingUrl = page.url().replaceAll("\\?.*$", "");
        audit("62-posting-owner");

        // a partner in the circle finds it by a two-character word and opens it
        BrowserContext partnerContext = newContext(375, 740);
        Page partner = partnerContext.newPage();
        signIn(partner, "partner@demo.tsunagu.jp");
        partner.navigate(url("/postings"));
        partner.getByLabel("キーワード").fill("清掃");
        partner.getByRole(AriaRole.BUTTON, exact("探す")).click();
        assertThat(partner.locator(".postings")).containsText("スーパーのバックヤード清掃補助");
        audit(partner, "63-postings-search-phone");
        partner.getByRole(AriaRole.LINK, exact("スーパーのバックヤード清掃補助")).click();
        assertThat(partner.locator("h1")).hasText("スーパーのバックヤード清掃補助");
        assertThat(partner.locator("main")).containsText("共有元が転送を禁止しています");
        assertEquals(0, partner.locator("#h-share").count(), "no way to pass a do-not-forward posting on");
        audit(partner, "64-posting-partner-phone");
        partnerContext.close();

        // a center outside the circle cannot find it, nor open it
        BrowserContext outsideContext = newContext(1280, 900);
        Page outside = outsideContext.newPage();
        signIn(outside, "csa@demo.tsunagu.jp");
        outside.navigate(url("/postings?q=清掃"));
        assertThat(outside.locator(".postings")).containsText("病院内清掃");
        assertThat(outside.locator("main")).not().containsText("スーパーのバックヤード清掃補助");
        com.microsoft.playwright.Response r = outside.navigate(postingUrl);
        assertEquals(404, r.status());
        outsideContext.close();

        // the sharer's view log shows the partner's view
        page.navigate(postingUrl);
        assertThat(page.locator("section:has(#h-views) table")).containsText("金城 さくら");
        audit("65-posting-view-log");

        // the company adds hours: the sharer edits the posting on a phone-sized window
        page.setViewportSize(390, 844);
        page.getByRole(AriaRole.LINK, exact("内容を編集")).click();
        assertThat(page.locator("h1")).hasText("内容を編集");
        assertThat(page.getByLabel("職種・タイトル")).hasValue("スーパーのバックヤード清掃補助");
        page.getByLabel("週の時間").fill("20");
        audit("68-posting-edit-phone");
        page.getByRole(AriaRole.BUTTON, exact("変更を保存")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("変更を保存しました");
        assertThat(page.locator("main")).containsText("週20時間");
        page.setViewportSize(1280, 900);

        // read out at the circle's next exchange meeting: the organizer attaches it on the meeting's job-information page
        page.navigate(url("/meetings"));
        page.getByRole(AriaRole.LINK, exact("第1回 就労移行等情報交換会")).first().click();
        page.getByRole(AriaRole.LINK, exact("共有する求人情報")).click();
        assertThat(page.locator("h1")).hasText("この会議で共有する求人情報");
        page.getByLabel("読み上げる求人").selectOption(new SelectOption().setLabel("スーパーのバックヤード清掃補助（株式会社ブラウザ試験ストア）"));
        page.getByRole(AriaRole.BUTTON, exact("会議に加える")).click();
        assertThat(page.locator("ol.agenda")).containsText("スーパーのバックヤード清掃補助");
        // a draft never reached the circle, so it is not offered
        assertThat(page.locator("#postingId")).not().containsText("厨房補助（条件調整中）");
        audit("67-meeting-job-info");

        // many at once from a CSV: one good line shared, one bad line reported by line and field
        page.navigate(url("/postings"));
        page.getByRole(AriaRole.LINK, exact("CSVで取り込む")).click();
        String csv = "title,companyName,prefectureCode,jobCategory,source,circleIds\r\n"
                + "倉庫の仕分け（CSV取込）,株式会社取込ブラウザ,47,LOGISTICS,COMPANY,\r\n"
                + "事務補助（CSV取込）,株式会社取込ブラウザ,99,OFFICE,COMPANY,\r\n";
        page.getByLabel("CSVファイル").setInputFiles(new com.microsoft.playwright.options.FilePayload("postings.csv", "text/csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, exact("取り込む")).click();
        assertThat(page.locator("#h-report")).containsText("2行を読み、1件を共有しました");
        assertThat(page.locator("table")).containsText("prefectureCode");
        audit("66-posting-import");
        assertEquals(List.of(), violations, "axe-core: serious or critical violations");
    }
}
