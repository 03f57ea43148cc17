package jp.tsunagu.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Center statistics in Chromium: a center lead opens 実績 from the menu, lands on the last year,
 * corrects a figure (a refusal first), imports earlier years from a CSV file (a refused cell
 * first, shown in a table, nothing stored); the secretariat reads the national table, one prefecture
 * and the five-year trend. axe-core and the HTML checker on each page.
 */
@QuarkusTest
class StatisticsBrowserIT extends BrowserSupport {

    Page.GetByRoleOptions exact(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void aCenterEntersItsFiguresAndTheSecretariatCompares() {
        signIn("tortoise@demo.tsunagu.jp");
        page.navigate(url("/"));
        page.getByRole(AriaRole.LINK, exact("実績")).first().click();
        assertThat(page.locator("h1")).hasText("センターの実績");
        page.getByLabel("そのうち6か月後も働いている人数").fill("999");
        page.getByRole(AriaRole.BUTTON, exact("実績を保存")).click();
        assertThat(page.locator("#error-summary")).containsText("定着した人数は、就職した人数より多くできません");
        audit("133-statistics-center-refused");
        page.getByLabel("そのうち6か月後も働いている人数").fill("20");
        page.getByLabel("就職件数", new Page.GetByLabelOptions().setExact(true)).fill("33");
        page.getByRole(AriaRole.BUTTON, exact("実績を保存")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("実績を保存しました");
        audit("134-statistics-center");
        // earlier years from the spreadsheet the center kept: one wrong cell first, nothing stored
        page.getByLabel("CSVファイル").setInputFiles(new FilePayload("実績.csv", "text/csv",
                "年度,就職件数,職場実習\r\n平成30年度,28,11\r\n令和元年度,-2,12\r\n".getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, exact("取り込む")).click();
        assertThat(page.locator("#error-summary")).containsText("直すところが 1 か所あります");
        assertThat(page.locator("main table").last()).containsText("就職件数");
        audit("142-statistics-import-refused");
        page.getByLabel("CSVファイル").setInputFiles(new FilePayload("実績.csv", "text/csv",
                "年度,就職件数,職場実習\r\n平成30年度,28,11\r\n令和元年度,29,12\r\n".getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, exact("取り込む")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("CSVの実績を取り込みました");
        assertThat(page.locator("h1 + .lead")).containsText("令和元年度");
        assertThat(page.getByLabel("就職件数", new Page.GetByLabelOptions().setExact(true))).hasValue("29");
        audit("143-statistics-imported");
        signOut();
        signIn("admin@demo.tsunagu.jp");
        page.navigate(url("/statistics?fiscalYear=2023"));
        assertThat(page.locator("h1")).hasText("センターの実績（全国）");
        audit("135-statistics-national");
        page.getByRole(AriaRole.LINK, exact("群馬県")).click();
        assertThat(page.locator("main table").first()).containsText("トータス");
        audit("136-statistics-prefecture");
    }
}
