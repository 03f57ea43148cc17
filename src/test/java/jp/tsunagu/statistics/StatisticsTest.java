package jp.tsunagu.statistics;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.support.TestSupport.as;
import static jp.tsunagu.support.TestSupport.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Center statistics: a center's staff keep its own figures (version-checked, bad input named), the
 * secretariat reads them and the national tables (CSV, xlsx), Tsunagu's own counts come from its
 * records, and everyone else gets 404.
 */
@QuarkusTest
@Tag("data")
class StatisticsTest {

    @Inject
    AgroalDataSource ds;

    long tortoise;
    int lastYear;

    @BeforeEach
    void ids() {
        tortoise = TestSupport.orgId(ds, "gunma-tortoise");
        lastYear = JapaneseCalendar.fiscalYear(JapaneseCalendar.today()) - 1;
    }

    static Map<String, Object> figures(int placements, int base, int kept) {
        Map<String, Object> f = new HashMap<>();
        f.put("registeredMental", 80);
        f.put("registeredIntellectual", 70);
        f.put("placements", placements);
        f.put("targetPlacements", 40);
        f.put("retention6mBase", base);
        f.put("retention6mKept", kept);
        f.put("targetRetention6m", 80.5);
        return f;
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
            "tortoise,  /api/centers/{tortoise}/statistics/2023, 200",
            "admin,     /api/centers/{tortoise}/statistics/2023, 200",
            "minato,    /api/centers/{tortoise}/statistics/2023, 404",
            "partner,   /api/centers/{tortoise}/statistics/2023, 404",
            "advisor,   /api/centers/{tortoise}/statistics/2023, 404",
            "anonymous, /api/centers/{tortoise}/statistics/2023, 401",
            "tortoise,  /api/centers/999999/statistics/2023,     404",
            "tortoise,  /api/centers/{tortoise}/statistics/abc,  400",
            "tortoise,  /api/centers/{tortoise}/statistics/1999, 400",
            "admin,     /api/statistics,                         200",
            "admin,     /api/statistics?prefecture=10,           200",
            "admin,     /api/statistics?prefecture=48,           400",
            "admin,     /api/statistics?fiscalYear=x,            400",
            "tortoise,  /api/statistics,                         404",
            "partner,   /api/statistics.csv,                     404",
            "anonymous, /api/statistics,                         401",
            "admin,     /api/statistics.xlsx,                    200",
    })
    void whoReadsWhat(String who, String path, int status) {
        as(who).get(path.replace("{tortoise}", Long.toString(tortoise))).then().statusCode(status);
    }

    @Test
    void aCentersStaffKeepItsFiguresAndNoOneElse() {
        int year = lastYear - 1;
        JsonPath before = as("tortoise").get("/api/centers/" + tortoise + "/statistics/" + year).then().statusCode(200)
                .body("mayEdit", equalTo(true)).extract().jsonPath();
        int version = before.getInt("version");
        Map<String, Object> body = Map.of("version", version, "figures", figures(36, 30, 27));
        json("tortoise").body(body).put("/api/centers/" + tortoise + "/statistics/" + year).then().statusCode(200)
                .body("figures.placements", equalTo(36)).body("fictitious", equalTo(false)).body("placementsAgainstTarget", equalTo("90.0"))
                .body("figures.retention6mRate", equalTo("90.0"));
        // the same version again: someone saved in between
        json("tortoise").body(body).put("/api/centers/" + tortoise + "/statistics/" + year).then().statusCode(409);
        // bad input named, nothing stored
        json("tortoise").body(Map.of("version", version + 1, "figures", figures(-1, 10, 11)))
                .put("/api/centers/" + tortoise + "/statistics/" + year).then().statusCode(400)
                .body("errors.field", hasItem("figures.placements")).body("errors.field", hasItem("figures.retention6mKept"));
        Map<String, Object> over = figures(1, 1, 1);
        over.put("targetRetention6m", 120);
        json("tortoise").body(Map.of("version", version + 1, "figures", over)).put("/api/centers/" + tortoise + "/statistics/" + year)
                .then().statusCode(400).body("errors.field", hasItem("figures.targetRetention6m"));
        json("tortoise").body("{\"version\":0}").put("/api/centers/" + tortoise + "/statistics/" + year).then().statusCode(400);
        json("tortoise").body(Map.of("version", 0, "figures", figures(1, 1, 1))).put("/api/centers/" + tortoise + "/statistics/" + (lastYear + 2))
                .then().statusCode(400).body("errors.field", hasItem("fiscalYear"));
        assertEquals(36, TestSupport.id(ds, "SELECT placements FROM center_statistics WHERE center_id = ? AND fiscal_year = ?", tortoise, year));
        // the secretariat reads but does not write; another center and partners see nothing
        json("admin").body(Map.of("version", version + 1, "figures", figures(1, 1, 1)))
                .put("/api/centers/" + tortoise + "/statistics/" + year).then().statusCode(403);
        json("minato").body(Map.of("version", version + 1, "figures", figures(1, 1, 1)))
                .put("/api/centers/" + tortoise + "/statistics/" + year).then().statusCode(404);
        long hw = TestSupport.orgId(ds, "okinawa-hw-naha");
        json("hw-naha").body(Map.of("version", 0, "figures", figures(1, 1, 1))).put("/api/centers/" + hw + "/statistics/" + year)
                .then().statusCode(404);
    }

    @Test
    void theSecretariatComparesPrefecturesAndTsunagusOwnCountsComeFromItsRecords() {
        JsonPath n = as("admin").get("/api/statistics?fiscalYear=2023").then().statusCode(200).extract().jsonPath();
        int centers = (int) TestSupport.id(ds, "SELECT count(*) FROM organization WHERE org_type = 'NAKAPOTSU'");
        assertEquals(centers, n.getInt("total.centers"));
        assertTrue(n.getInt("total.reporting") >= 12, "the demo's twelve centers reported");
        assertEquals(5, n.getList("trend").size());
        // a training the center held this year counts at once
        int year = lastYear;
        JsonPath p = as("admin").get("/api/statistics?fiscalYear=" + year + "&prefecture=10").then().statusCode(200).extract().jsonPath();
        int before = p.getInt("rows.find { it.key == '" + tortoise + "' }.trainingsHeld");
        TestSupport.id(ds, "WITH m AS (INSERT INTO meeting (kind, title, format, starts_at, ends_at, status, host_org_id)"
                + " VALUES ('SEMINAR', '実績テスト研修', 'IN_PERSON', ?::timestamptz, ?::timestamptz, 'HELD', ?) RETURNING id)"
                + " INSERT INTO meeting_organizer (meeting_id, organization_id, consented_at) SELECT id, ?, now() FROM m RETURNING meeting_id",
                year + "-10-01T10:00:00+09:00", year + "-10-01T12:00:00+09:00", tortoise, tortoise);
        p = as("admin").get("/api/statistics?fiscalYear=" + year + "&prefecture=10").then().statusCode(200).extract().jsonPath();
        assertEquals(before + 1, p.getInt("rows.find { it.key == '" + tortoise + "' }.trainingsHeld"));
        as("tortoise").get("/api/centers/" + tortoise + "/statistics/" + year).then().statusCode(200)
                .body("records.trainingsHeld", equalTo(before + 1));

        byte[] csv = as("admin").get("/api/statistics.csv?fiscalYear=2023").then().statusCode(200).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF\"都道府県\""), text.substring(0, 40));
        assertTrue(text.contains("群馬県"));
    }

    @Test
    void thePagesLeadEachToTheirOwn() {
        given().header("Authorization", "Bearer " + TestSupport.token("tortoise@demo.tsunagu.jp")).accept("text/html")
                .redirects().follow(false).get("/statistics").then().statusCode(303)
                .header("Location", containsString("/centers/" + tortoise + "/statistics/" + lastYear));
        given().header("Authorization", "Bearer " + TestSupport.token("admin@demo.tsunagu.jp")).accept("text/html")
                .get("/statistics?fiscalYear=2023").then().statusCode(200).body(containsString("群馬県")).body(containsString("role=\"img\""));
        var page = given().header("Authorization", "Bearer " + TestSupport.token("tortoise@demo.tsunagu.jp"))
                .contentType(ContentType.URLENC.withCharset("UTF-8")).accept("text/html").redirects().follow(false);
        int version = as("tortoise").get("/api/centers/" + tortoise + "/statistics/2021").then().extract().jsonPath().getInt("version");
        page.formParam("version", Integer.toString(version)).formParam("placements", "abc").formParam("retention6mBase", "3")
                .formParam("retention6mKept", "5").post("/centers/" + tortoise + "/statistics/2021").then().statusCode(400)
                .body(containsString("href=\"#placements\""));
        given().header("Authorization", "Bearer " + TestSupport.token("tortoise@demo.tsunagu.jp"))
                .contentType(ContentType.URLENC.withCharset("UTF-8")).accept("text/html").redirects().follow(false)
                .formParam("version", Integer.toString(version)).formParam("placements", "41").formParam("retention6mBase", "30")
                .formParam("retention6mKept", "26").post("/centers/" + tortoise + "/statistics/2021").then().statusCode(303);
        assertEquals(41, TestSupport.id(ds, "SELECT placements FROM center_statistics WHERE center_id = ? AND fiscal_year = 2021", tortoise));
        given().header("Authorization", "Bearer " + TestSupport.token("minato@demo.tsunagu.jp")).accept("text/html")
                .get("/centers/" + tortoise + "/statistics/2021").then().statusCode(404);
    }
}
