package jp.tsunagu.posting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who sees which posting, over detail, list, search, counts, export and the view log, on the demo
 * postings: the hotel cleaning job shared by ブリッジ (bridge@) into 沖縄南部 (circle A: partner@,
 * hw-naha@); Hello Work's office job in the same circle, do-not-forward; csa@'s jobs in the
 * saitama circle (circle B); a network-wide farm job; ブリッジ's draft. The secretariat (admin@)
 * gets no extra right to circle postings; sysadmins and advisors see none.
 */
@QuarkusTest
@org.junit.jupiter.api.Tag("data")
class PostingAccessTest {

    @Inject
    AgroalDataSource ds;

    long hotel;
    long hwOffice;
    long farm;
    long draft;
    long csaData;

    static String token(String who) {
        return TestSupport.token(TestSupport.email(who));
    }

    static RequestSpecification as(String who) {
        return TestSupport.as(who);
    }

    long posting(String title) {
        return TestSupport.id(ds, "SELECT id FROM posting WHERE title = ?", title);
    }

    @BeforeEach
    void ids() {
        hotel = posting("ホテル客室清掃スタッフ（短時間から）");
        hwOffice = posting("一般事務補助（障害者求人）");
        farm = posting("農園スタッフ（野菜の収穫・袋詰め）");
        draft = posting("厨房補助（条件調整中）");
        csaData = posting("事務補助（データ入力・書類整理）");
    }

    String path(String template) {
        return template.replace("{hotel}", String.valueOf(hotel)).replace("{hwOffice}", String.valueOf(hwOffice))
                .replace("{farm}", String.valueOf(farm)).replace("{draft}", String.valueOf(draft))
                .replace("{csaData}", String.valueOf(csaData));
    }

    @ParameterizedTest(name = "{0} GET {1} → {2}")
    @CsvSource({
            // a non-public posting in circle A: the sharer and A's members only
            "bridge, /api/postings/{hotel}, 200", "partner, /api/postings/{hotel}, 200", "hw-naha, /api/postings/{hotel}, 200",
            "csa, /api/postings/{hotel}, 404", "tortoise, /api/postings/{hotel}, 404", "admin, /api/postings/{hotel}, 404",
            "sysadmin, /api/postings/{hotel}, 404", "advisor, /api/postings/{hotel}, 404", "anonymous, /api/postings/{hotel}, 401",
            "partner, /api/postings/{hwOffice}, 200", "csa, /api/postings/{hwOffice}, 404",
            "csa, /api/postings/{csaData}, 200", "partner, /api/postings/{csaData}, 404", "bridge, /api/postings/{csaData}, 404",
            // network-wide: every member organization's staff
            "partner, /api/postings/{farm}, 200", "csa, /api/postings/{farm}, 200", "admin, /api/postings/{farm}, 200",
            "sysadmin, /api/postings/{farm}, 404", "advisor, /api/postings/{farm}, 404",
            // a draft: its organization only
            "bridge, /api/postings/{draft}, 200", "partner, /api/postings/{draft}, 404", "admin, /api/postings/{draft}, 404",
            // the view log: the sharing organization only
            "bridge, /api/postings/{hotel}/views, 200", "hw-naha, /api/postings/{hwOffice}/views, 200",
            "partner, /api/postings/{hotel}/views, 404", "bridge, /api/postings/{hwOffice}/views, 404",
            "csa, /api/postings/{hotel}/views, 404", "anonymous, /api/postings/{hotel}/views, 401",
            // the edit page: the owner's staff; others who see it 403, who do not 404
            "bridge, /postings/{hotel}/edit, 200", "partner, /postings/{hotel}/edit, 403", "csa, /postings/{hotel}/edit, 404",
            "partner, /postings/{draft}/edit, 404", "admin, /postings/{farm}/edit, 403",
            // lists
            "anonymous, /api/postings, 401", "sysadmin, /api/postings, 200", "anonymous, /api/postings/export.csv, 401"
    })
    void reads(String who, String template, int status) {
        as(who).get(path(template)).then().statusCode(status);
    }

    @Test
    void searchesCountsAndExportsHoldOnlyWhatTheViewerMaySee() {
        // circle A's member finds the circle's postings and the network-wide one, not circle B's or a draft
        as("partner").get("/api/postings?size=100").then().statusCode(200)
                .body("items.title", hasItem("ホテル客室清掃スタッフ（短時間から）"))
                .body("items.title", hasItem("農園スタッフ（野菜の収穫・袋詰め）"))
                .body("items.title", not(hasItem("事務補助（データ入力・書類整理）")))
                .body("items.title", not(hasItem("厨房補助（条件調整中）")));
        as("csa").get("/api/postings?q=清掃").then().statusCode(200)
                .body("items.title", hasItem("病院内清掃（週4日・午前）"))
                .body("items.title", not(hasItem("ホテル客室清掃スタッフ（短時間から）")));
        // the secretariat: network-wide postings, no circle's non-public ones
        as("admin").get("/api/postings?size=100").then().statusCode(200)
                .body("items.title", hasItem("農園スタッフ（野菜の収穫・袋詰め）"))
                .body("items.title", not(hasItem("ホテル客室清掃スタッフ（短時間から）")));
        as("sysadmin").get("/api/postings").then().statusCode(200).body("total", equalTo(0));
        // counts match what is listed
        int total = as("partner").get("/api/postings?size=100").then().extract().path("total");
        int listed = as("partner").get("/api/postings?size=100").then().extract().jsonPath().getList("items").size();
        assertEquals(listed, total);
        // export: never another organization's do-not-forward posting; the owner's own are in
        String partnerCsv = as("partner").get("/api/postings/export.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(partnerCsv.startsWith("\uFEFF") && partnerCsv.contains("ホテル客室清掃スタッフ"));
        assertFalse(partnerCsv.contains("一般事務補助（障害者求人）"), "do-not-forward of another organization");
        assertFalse(partnerCsv.contains("病院内清掃"), "another circle's posting");
        String hwCsv = as("hw-naha").get("/api/postings/export.csv").then().statusCode(200).extract().asString();
        assertTrue(hwCsv.contains("一般事務補助（障害者求人）"), "the owner exports its own");
    }

    @Test
    void viewsAndExportsOfNonPublicPostingsAreLoggedForTheSharer() {
        as("hw-naha").get("/api/postings/" + hotel).then().statusCode(200);
        as("partner").get("/api/postings/export.csv").then().statusCode(200);
        as("bridge").get("/api/postings/" + hotel + "/views").then().statusCode(200)
                .body("kind", hasItem("VIEW")).body("kind", hasItem("EXPORT"))
                .body("who.name", hasItem("宮城 大輔")).body("who.name", hasItem("金城 さくら"));
        // the sharer's own views are not noise in its log; network-wide postings are not logged
        long before = TestSupport.count(ds, "posting_view");
        as("bridge").get("/api/postings/" + hotel).then().statusCode(200);
        as("csa").get("/api/postings/" + farm).then().statusCode(200);
        assertEquals(before, TestSupport.count(ds, "posting_view"));
    }

    @Test
    void doNotForwardBlocksReSharingAndTheOriginStays() {
        long fy2023 = TestSupport.circleId(ds, "fy2023-pairing");
        long okinawa = TestSupport.circleId(ds, "okinawa-south-exchange");
        // a circle member may not pass Hello Work's do-not-forward posting on
        as("partner").contentType(ContentType.JSON).body(Map.of("circleId", okinawa)).post("/api/postings/" + hwOffice + "/share")
                .then().statusCode(403).body("type", containsString("posting-do-not-forward"));
        as("bridge").contentType(ContentType.JSON).body(Map.of("circleId", fy2023)).post("/api/postings/" + hwOffice + "/share")
                .then().statusCode(403).body("type", containsString("posting-do-not-forward"));
        // into a circle the sharer is not in: refused with the field named
        as("partner").contentType(ContentType.JSON).body(Map.of("circleId", fy2023)).post("/api/postings/" + hotel + "/share")
                .then().statusCode(400).body("errors.field", hasItem("circleId"));
        // someone who cannot see it: 404
        as("csa").contentType(ContentType.JSON).body(Map.of("circleId", TestSupport.circleId(ds, "saitama-kenou-exchange")))
                .post("/api/postings/" + hotel + "/share").then().statusCode(404);
        // the owner widens its own posting to another circle: its members see it, the origin stays
        as("bridge").contentType(ContentType.JSON).body(Map.of("circleId", fy2023)).post("/api/postings/" + hotel + "/share")
                .then().statusCode(200).body("owner.name", equalTo("障害者就業・生活支援センター ブリッジ"))
                .body("shares.circleId", hasItem((int) fy2023)).body("shares.circleId", hasItem((int) okinawa));
        as("tortoise").get("/api/postings/" + hotel).then().statusCode(200);
        TestSupport.update(ds, "DELETE FROM posting_share WHERE posting_id = ? AND circle_id = ?", hotel, fy2023);
    }

    @Test
    void writesBelongToTheSharingOrganization() {
        int version = as("bridge").get("/api/postings/" + hotel).then().extract().path("version");
        as("partner").contentType(ContentType.JSON).body(Map.of("status", "CLOSED", "version", version))
                .post("/api/postings/" + hotel + "/status").then().statusCode(403);
        as("csa").contentType(ContentType.JSON).body(Map.of("status", "CLOSED", "version", version))
                .post("/api/postings/" + hotel + "/status").then().statusCode(404);
        as("anonymous").contentType(ContentType.JSON).body(Map.of("status", "CLOSED", "version", version))
                .post("/api/postings/" + hotel + "/status").then().statusCode(401);
        assertEquals("OPEN", TestSupport.text(ds, "SELECT status FROM posting WHERE id = ?", hotel));
        // creating for an organization one does not belong to, or into a circle one is not in
        as("partner").contentType(ContentType.JSON).body(Map.of("kind", "JOB", "organizationId",
                        TestSupport.orgId(ds, "okinawa-bridge"), "title", "x", "companyName", "x", "prefectureCode", 47,
                        "jobCategory", "OTHER", "source", "OTHER"))
                .post("/api/postings").then().statusCode(400).body("errors.field", hasItem("organizationId"));
        as("partner").contentType(ContentType.JSON).body(Map.of("kind", "JOB", "title", "x", "companyName", "x",
                        "prefectureCode", 47, "jobCategory", "OTHER", "source", "OTHER",
                        "circleIds", List.of(TestSupport.circleId(ds, "chiba-council"))))
                .post("/api/postings").then().statusCode(400).body("errors.field", hasItem("circleIds[0]"));
    }
}
