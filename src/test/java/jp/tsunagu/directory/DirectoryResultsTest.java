package jp.tsunagu.directory;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rows the directory filter island asks for: the page's own template block, escaped, under the
 * same policy as the page (what renderRows in TypeScript used to build).
 */
@QuarkusTest
class DirectoryResultsTest {

    @Inject
    AgroalDataSource ds;

    @Test
    void theRowsAreThePagesOwnBlockEscapedWithTypeLabelsAndAreas() {
        String code = "results-test-" + System.nanoTime();
        TestSupport.update(ds, "INSERT INTO organization (code, name, org_type, prefecture_code) VALUES (?, ?, 'NAKAPOTSU', 1)",
                code, "センター <b>試験</b>");
        try {
            long area = TestSupport.id(ds, "SELECT id FROM catchment_area WHERE prefecture_code = 1 ORDER BY id LIMIT 1");
            String areaName = TestSupport.text(ds, "SELECT name FROM catchment_area WHERE id = ?", area);
            long area2 = TestSupport.id(ds, "SELECT id FROM catchment_area WHERE prefecture_code = 1 AND id <> ? ORDER BY id LIMIT 1", area);
            String area2Name = TestSupport.text(ds, "SELECT name FROM catchment_area WHERE id = ?", area2);
            long org = TestSupport.orgId(ds, code);
            TestSupport.update(ds, "INSERT INTO organization_area (organization_id, area_id) VALUES (?, ?), (?, ?)", org, area, org, area2);
            String html = given().queryParam("q", "試験").get("/directory/results").then().statusCode(200)
                    .contentType(containsString("text/html")).extract().asString();
            assertTrue(html.contains("<a href=\"/directory/" + org + "\">センター &lt;b&gt;試験&lt;/b&gt;</a>"), html);
            assertTrue(html.contains("障害者就業・生活支援センター"), html);
            assertTrue(html.contains(areaName + "、" + area2Name)
                    || html.contains(area2Name + "、" + areaName), html);
            assertTrue(html.contains("1 件"), html);
            assertFalse(html.contains("<html"), "the block alone, not the page");
            // nothing found: the no-result message and no table
            given().queryParam("q", "存在しない名前の組織xyz").get("/directory/results").then().statusCode(200)
                    .body(containsString("条件に合う組織はありません")).body(not(containsString("<table")));
        } finally {
            TestSupport.update(ds, "DELETE FROM organization WHERE code = ?", code);
        }
    }

    @Test
    void badFiltersAnswer400AsThePageDoes() {
        given().queryParam("prefecture", "99").get("/directory/results").then().statusCode(400);
        given().queryParam("type", "NOPE").get("/directory/results").then().statusCode(400);
    }
}
