package jp.tsunagu.directory;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The directory and circles over the demo data. */
@QuarkusTest
@Tag("data")
class DirectoryTest {

    @Inject
    AgroalDataSource ds;

    @Test
    void prefecturesCountTheOrganizationsTheViewerMayList() {
        // signed in: every organization; anyone else: the centers alone; in code order, none left out
        List<Integer> codes = given().auth().oauth2(TestSupport.token("partner@demo.tsunagu.jp")).get("/api/prefectures")
                .then().statusCode(200).body("$", hasSize(47)).extract().jsonPath().getList("code", Integer.class);
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 47).boxed().toList(), codes);
        List<Integer> all = given().auth().oauth2(TestSupport.token("partner@demo.tsunagu.jp")).get("/api/prefectures")
                .then().extract().jsonPath().getList("organizations", Integer.class);
        List<Integer> centers = given().get("/api/prefectures").then().statusCode(200)
                .extract().jsonPath().getList("organizations", Integer.class);
        for (int code = 1; code <= 47; code++) {
            assertEquals(TestSupport.id(ds, "SELECT count(*) FROM organization WHERE prefecture_code = ?", code),
                    all.get(code - 1).longValue(), "prefecture " + code);
            assertEquals(TestSupport.id(ds, "SELECT count(*) FROM organization WHERE prefecture_code = ? AND org_type = 'NAKAPOTSU'", code),
                    centers.get(code - 1).longValue(), "centers of prefecture " + code);
        }
        assertTrue(all.get(0) > centers.get(0), "Hokkaido has partners besides its centers");
    }

    @Test
    void everyHokkaidoCenterIsFound() {
        String token = TestSupport.token("partner@demo.tsunagu.jp");
        given().auth().oauth2(token).get("/api/organizations?prefecture=1&type=NAKAPOTSU").then().statusCode(200)
                .body("total", equalTo(11))
                .body("items.shortName", containsInAnyOrder("たすく", "ひろば", "すてっぷ", "ぷれん", "だいち", "ひびき",
                        "あおぞら", "のいける", "きたのまち", "いきぬき", "すて～じ"));
    }

    /** The words are found in each of the four fields, in any case, never across two, and after a rename by the new name only. */
    @Test
    void theWordsAreFoundInNameShortNameMunicipalityAndCorporation() {
        String n = Long.toString(System.nanoTime(), 36);
        long id = TestSupport.id(ds, "INSERT INTO organization (code, name, short_name, org_type, prefecture_code, municipality,"
                + " operating_corporation) VALUES (?, ?, ?, 'TRANSITION_SUPPORT', 47, ?, ?) RETURNING id", "words-" + n,
                "（架空）言葉探しセンター" + n, "ことば" + n, "架空町" + n, "社会福祉法人 Kotoba" + n + "会");
        String token = TestSupport.token("partner@demo.tsunagu.jp");
        for (String q : List.of("言葉探しセンター" + n, "ことば" + n, "架空町" + n, "kotoba" + n, "KOTOBA" + n + "会")) {
            given().auth().oauth2(token).queryParam("q", q).get("/api/organizations").then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.describedAs("found by " + q, equalTo(List.of((int) id))));
        }
        // not across the end of one field and the start of the next, and % is a character
        for (String q : List.of("センター" + n + "ことば", "ことば" + n + "架空町", n + "%")) {
            given().auth().oauth2(token).queryParam("q", q).get("/api/organizations").then().statusCode(200)
                    .body("items", org.hamcrest.Matchers.describedAs("nothing for " + q, hasSize(0)));
        }
        // renamed: found by the new name, no longer by the old
        TestSupport.update(ds, "UPDATE organization SET name = ?, short_name = NULL WHERE id = ?", "（架空）新しい名前センター" + n, id);
        given().auth().oauth2(token).queryParam("q", "新しい名前センター" + n).get("/api/organizations").then()
                .body("items.id", equalTo(List.of((int) id)));
        given().auth().oauth2(token).queryParam("q", "言葉探しセンター" + n).get("/api/organizations").then().body("items", hasSize(0));
        given().auth().oauth2(token).queryParam("q", "ことば" + n).get("/api/organizations").then().body("items", hasSize(0));
    }

    @Test
    void filtersByAreaAndText() {
        long sapporo = TestSupport.id(ds, "SELECT id FROM catchment_area WHERE code = 'hokkaido-r01'");
        given().get("/api/organizations?area=" + sapporo).then().statusCode(200)
                .body("items.shortName", containsInAnyOrder("たすく", "のいける"));
        // municipality names find the center serving them
        given().get("/api/organizations?q=稚内市").then().statusCode(200).body("items.shortName", equalTo(List.of("いきぬき")));
        given().get("/api/organizations?q=はるにれ").then().statusCode(200).body("items.shortName", equalTo(List.of("のいける")));
        given().get("/api/areas?prefecture=1").then().statusCode(200)
                .body("findAll { it.kind == 'WELFARE_REGION' }", hasSize(21))
                .body("findAll { it.kind == 'WELFARE_REGION' }.municipalities.flatten()", hasSize(179))
                .body("find { it.code == 'hokkaido-r02' }.municipalities", hasSize(20));
    }

    @Test
    void hokkaidoCentersCarryTheirResourceCounts() {
        long step = TestSupport.orgId(ds, "hokkaido-step");
        given().get("/api/organizations/" + step).then().statusCode(200)
                .body("areas.findAll { it.kind == 'WELFARE_REGION' }.name", containsInAnyOrder("南渡島圏域", "南檜山圏域", "北渡島檜山圏域"))
                .body("areas.find { it.kind == 'CATCHMENT' }.countTypeB", equalTo(36))
                .body("areas.find { it.kind == 'CATCHMENT' }.countHelloWork", equalTo(4));
    }

    @Test
    void visitorsSeeOnlyCentersAndNoPeople() {
        given().get("/api/organizations?prefecture=47&size=200").then().statusCode(200)
                .body("items.type", everyItem(equalTo("NAKAPOTSU")));
        long bridge = TestSupport.orgId(ds, "okinawa-bridge");
        given().get("/api/organizations/" + bridge).then().statusCode(200)
                .body("people", nullValue()).body("circles", hasSize(0));
        String partner = TestSupport.token("partner@demo.tsunagu.jp");
        given().auth().oauth2(partner).get("/api/organizations?prefecture=47&size=200").then().statusCode(200)
                .body("items.type", hasItem("TRANSITION_SUPPORT"));
        given().auth().oauth2(partner).get("/api/organizations/" + bridge).then().statusCode(200)
                .body("people.email", hasItem("bridge@demo.tsunagu.jp"))
                .body("circles.code", hasItem("okinawa-south-exchange"));
    }

    @Test
    void profilesShowAreasWithMunicipalitiesAndCounts() {
        long tortoise = TestSupport.orgId(ds, "gunma-tortoise");
        given().get("/api/organizations/" + tortoise).then().statusCode(200)
                .body("prefecture", equalTo("群馬県"))
                .body("areas[0].population", equalTo(131533))
                .body("areas[0].countTypeB", equalTo(16))
                .body("areas[0].municipalities", hasSize(7));
    }

    @Test
    void circlesListOnlyWhatTheViewerMaySee() {
        String partner = TestSupport.token("partner@demo.tsunagu.jp");
        given().auth().oauth2(partner).get("/api/circles").then().statusCode(200)
                .body("code", equalTo(List.of("okinawa-south-exchange")));
        String tortoise = TestSupport.token("tortoise@demo.tsunagu.jp");
        // トータス belongs to no exchange circle, only to its FY2023 pair's workspace circle and the
        // circle of all FY2023 participants (the program's online meetings)
        given().auth().oauth2(tortoise).get("/api/circles").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.containsInAnyOrder("pair-2023-gunma-tortoise", "fy2023-pairing"));
        String admin = TestSupport.token("admin@demo.tsunagu.jp");
        given().auth().oauth2(admin).get("/api/circles").then().statusCode(200)
                .body("code", hasItem("chiba-council")).body("code", hasItem("okinawa-south-exchange"));
        long chiba = TestSupport.circleId(ds, "chiba-council");
        given().auth().oauth2(admin).get("/api/circles/" + chiba).then().statusCode(200)
                .body("members", hasSize(16)).body("members.findAll { it.owner }", hasSize(1));
        // a center that is a member of a circle sees it in its profile; others do not
        long katori = TestSupport.orgId(ds, "chiba-katori");
        // (トータス and 香取 share only the FY2023 participants' circle, so that is all トータス sees)
        given().auth().oauth2(tortoise).get("/api/organizations/" + katori).then().statusCode(200)
                .body("circles.code", equalTo(List.of("fy2023-pairing")));
        given().auth().oauth2(admin).get("/api/organizations/" + katori).then().statusCode(200)
                .body("circles.code", hasItem("chiba-council"));
        given().auth().oauth2(partner).get("/api/organizations?q=CSA").then().statusCode(200)
                .body("items.shortName", not(hasItem("のいける")));
    }
}
