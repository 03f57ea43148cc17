package jp.tsunagu.pairing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A program year end to end through the API, with the rules: the call period, one or two themes,
 * no pair with oneself or twice as implementing center, scores 1–10, version checks (409 with the
 * current state), notifications by e-mail and in the app, and nothing half-stored on bad input.
 */
@QuarkusTest
@Tag("data")
class PairingFlowTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    MockMailbox mailbox;

    static io.restassured.specification.RequestSpecification as(String who) {
        return given().header("Authorization", "Bearer " + TestSupport.token(who + "@demo.tsunagu.jp"))
                .contentType(ContentType.JSON);
    }

    static Map<String, Object> program(int year, LocalDate opens, LocalDate closes) {
        return Map.of("fiscalYear", year, "name", "テスト事業 " + year, "callOpens", opens.toString(),
                "callCloses", closes.toString(), "implementationStart", LocalDate.of(year, 4, 10).toString(),
                "implementationEnd", LocalDate.of(year, 12, 20).toString());
    }

    @Test
    void programApplicationMatchWorkspaceAndNationalView() {
        LocalDate today = JapaneseCalendar.today();
        // the secretariat opens a program year whose call is open today (FY2027, implementation from April 2027)
        long programId = as("admin").body(program(2027, today.minusDays(3), today.plusDays(10))).post("/api/programs")
                .then().statusCode(201).body("callOpen", equalTo(true)).body("template", hasSize(8))
                .body("template[0].title", equalTo("第1回オンラインミーティング")).extract().jsonPath().getLong("id");
        as("admin").body(program(2027, today, today)).post("/api/programs").then().statusCode(400)
                .body("errors.field", hasItem("fiscalYear"));

        long chiba = TestSupport.orgId(ds, "chiba-01");
        long minato = TestSupport.orgId(ds, "aomori-minato");
        // bad applications are refused and nothing is stored
        long apps = TestSupport.count(ds, "application");
        as("chiba").body(Map.of("themes", List.of("SUPERVISION", "DIFFICULT_CASES", "REGIONAL_COOPERATION"), "motive", "x"))
                .post("/api/programs/" + programId + "/applications").then().statusCode(400)
                .body("errors.field", hasItem("themes"));
        as("chiba").body(Map.of("themes", List.of("CAKE"), "motive", ""))
                .post("/api/programs/" + programId + "/applications").then().statusCode(400)
                .body("errors.field", hasItem("motive"));
        as("chiba").body(Map.of("themes", List.of("SUPERVISION"), "motive", "x", "desiredPartnerId", chiba))
                .post("/api/programs/" + programId + "/applications").then().statusCode(400)
                .body("errors.field", hasItem("desiredPartnerId"));
        assertEquals(apps, TestSupport.count(ds, "application"));
        // center staff may not apply; a center lead may
        as("minato").body(Map.of("themes", List.of("SUPERVISION"), "motive", "x"))
                .post("/api/programs/" + programId + "/applications").then().statusCode(403);
        Response applied = as("chiba").body(Map.of("themes", List.of("SUPERVISION"), "motive", "ステップアップ講座に学びたい",
                        "desiredPartnerId", minato)).post("/api/programs/" + programId + "/applications");
        applied.then().statusCode(201).body("center.id", equalTo((int) chiba)).body("version", equalTo(0));
        long appId = applied.jsonPath().getLong("id");
        as("chiba").body(Map.of("themes", List.of("SUPERVISION"), "motive", "again"))
                .post("/api/programs/" + programId + "/applications").then().statusCode(409);
        as("chiba").body(Map.of("themes", List.of("SUPERVISION", "REGIONAL_COOPERATION"), "motive", "変更しました",
                        "desiredPartnerId", minato, "version", 0))
                .put("/api/programs/" + programId + "/applications/" + appId).then().statusCode(200).body("version", equalTo(1));
        as("chiba").body(Map.of("themes", List.of("SUPERVISION"), "motive", "stale", "version", 0))
                .put("/api/programs/" + programId + "/applications/" + appId).then().statusCode(409)
                .body("current.motive", equalTo("変更しました"));

        // after the deadline: refused with a clear message
        long closed = as("admin").body(program(2028, today.minusDays(30), today.minusDays(1))).post("/api/programs")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        as("chiba").body(Map.of("themes", List.of("SUPERVISION"), "motive", "x"))
                .post("/api/programs/" + closed + "/applications").then().statusCode(400)
                .body("message.ja", containsString("公募期間")).body("message.en", containsString("call"));

        // the matching workspace ranks the desired partner first, with reasons
        as("admin").get("/api/programs/" + programId + "/candidates?application=" + appId).then().statusCode(200)
                .body("[0].center.id", equalTo((int) minato)).body("[0].reasons.code", hasItem("desired"))
                .body("[0].reasons.code", hasItem("theme")).body("center.id", not(hasItem((int) chiba)));
        // a center cannot be paired with itself
        as("admin").body(Map.of("programId", programId, "applicationId", appId, "supportingId", chiba))
                .post("/api/pairings").then().statusCode(400).body("errors.field", hasItem("supportingId"));
        mailbox.clear();
        Response paired = as("admin").body(Map.of("programId", programId, "applicationId", appId, "supportingId", minato,
                "rationale", "希望と経験から")).post("/api/pairings");
        paired.then().statusCode(201).body("milestones", hasSize(8)).body("assessment.items", hasSize(6))
                .body("summary.supporting.id", equalTo((int) minato));
        long pairId = paired.jsonPath().getLong("summary.id");
        // ... and not twice as implementing center in one program
        as("admin").body(Map.of("programId", programId, "applicationId", appId, "supportingId", minato))
                .post("/api/pairings").then().statusCode(409);
        // both centers are told by e-mail and in the app
        assertEquals(1, mailbox.getMailsSentTo("chiba@demo.tsunagu.jp").size());
        assertEquals(1, mailbox.getMailsSentTo("minato@demo.tsunagu.jp").size());
        assertTrue(mailbox.getMailsSentTo("minato@demo.tsunagu.jp").get(0).getText().contains("/pairings/" + pairId));
        as("minato").get("/api/notifications").then().statusCode(200).body("link", hasItem("/pairings/" + pairId));
        // the pair's circle holds both centers, so both see the workspace
        as("minato").get("/api/pairings/" + pairId).then().statusCode(200).body("canEdit", equalTo(true));

        // milestones: version check
        Response ms = as("chiba").get("/api/pairings/" + pairId + "/milestones");
        long m1 = ms.jsonPath().getLong("[0].id");
        as("chiba").body(Map.of("status", "DONE", "doneOn", today.toString(), "version", 0,
                "evidenceUrl", "https://example.jp/minutes-1")).put("/api/pairings/" + pairId + "/milestones/" + m1)
                .then().statusCode(200).body("status", equalTo("DONE")).body("version", equalTo(1));
        as("minato").body(Map.of("status", "PLANNED", "version", 0)).put("/api/pairings/" + pairId + "/milestones/" + m1)
                .then().statusCode(409).body("current.status", equalTo("DONE"));
        as("chiba").body(Map.of("status", "DONE", "version", 1)).put("/api/pairings/" + pairId + "/milestones/" + m1)
                .then().statusCode(400).body("errors.field", hasItem("doneOn"));
        as("chiba").body(Map.of("status", "DONE", "doneOn", today.toString(), "evidenceUrl", "javascript:alert(1)", "version", 1))
                .put("/api/pairings/" + pairId + "/milestones/" + m1).then().statusCode(400)
                .body("errors.field", hasItem("evidenceUrl"));

        // visits
        long visits = TestSupport.count(ds, "pairing_visit");
        as("chiba").body(Map.of("direction", "TO_SUPPORTING", "title", "八戸訪問", "startOn", "2027-06-10", "endOn", "2027-06-01"))
                .post("/api/pairings/" + pairId + "/visits").then().statusCode(400).body("errors.field", hasItem("endOn"));
        as("chiba").body(Map.of("direction", "SIDEWAYS", "title", "", "startOn", "2027-06-10"))
                .post("/api/pairings/" + pairId + "/visits").then().statusCode(400)
                .body("errors.field", hasItem("direction")).body("errors.field", hasItem("title"));
        assertEquals(visits, TestSupport.count(ds, "pairing_visit"));
        as("chiba").body(Map.of("direction", "TO_SUPPORTING", "title", "八戸訪問", "startOn", "2027-06-10", "endOn", "2027-06-11",
                        "participantsCount", 5, "learningsVisitor", "講座の組み立て方", "learningsHost", "事前の聞き取りの大切さ",
                        "itinerary", List.of(Map.of("kind", "MEETING", "title", "就労支援部会"), Map.of("kind", "COMPANY_TOUR", "title", "企業見学"))))
                .post("/api/pairings/" + pairId + "/visits").then().statusCode(201).body("itinerary", hasSize(2));

        // self-assessment: 1–10 only, nothing half-stored, version checked
        String before = as("chiba").get("/api/pairings/" + pairId + "/assessments").asString();
        as("chiba").body(Map.of("version", 0, "items", List.of(Map.of("label", "会議の開催", "before", 3, "after", 11),
                        Map.of("label", "ニーズ把握", "before", 0, "after", 5))))
                .put("/api/pairings/" + pairId + "/assessments").then().statusCode(400)
                .body("errors.field", hasItem("items[0].after")).body("errors.field", hasItem("items[1].before"));
        assertEquals(before, as("chiba").get("/api/pairings/" + pairId + "/assessments").asString());
        as("chiba").body(Map.of("version", 0, "items", List.of(Map.of("label", "会議の開催", "before", 3, "after", 6),
                        Map.of("label", "ニーズ把握", "before", 4, "after", 7, "comment", "聞き取りシートを作成"))))
                .put("/api/pairings/" + pairId + "/assessments").then().statusCode(200).body("version", equalTo(1))
                .body("items", hasSize(2));
        as("minato").body(Map.of("version", 0, "items", List.of(Map.of("label", "上書き", "before", 1))))
                .put("/api/pairings/" + pairId + "/assessments").then().statusCode(409)
                .body("current.items[0].label", equalTo("会議の開催"));

        // the national view shows the progress, and the CSV opens in Excel (BOM) with the pair
        as("admin").get("/api/programs/" + programId + "/overview").then().statusCode(200)
                .body("rows", hasSize(1)).body("rows[0].meetingsHeld", equalTo(1)).body("rows[0].visitsDone", equalTo(0))
                .body("rows[0].assessmentChange", equalTo(3.0f)).body("rows[0].behind", equalTo(false));
        byte[] csv = as("admin").get("/api/programs/" + programId + "/overview.csv").then().statusCode(200)
                .header("Content-Type", containsString("text/csv")).extract().asByteArray();
        assertEquals((byte) 0xEF, csv[0]);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains("千葉障害者キャリアセンター"), text);
        assertFalse(text.contains("トータス"), "only this program's pairs");
        assertEquals(1L, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'PROGRAM_EXPORTED'"
                + " AND subject = ?", "program:" + programId));
    }

    @Test
    void theFy2023ProgramAsItHappened() {
        long program = TestSupport.id(ds, "SELECT id FROM program WHERE fiscal_year = 2023");
        Response o = as("admin").get("/api/programs/" + program + "/overview");
        o.then().statusCode(200).body("rows", hasSize(6)).body("behindCount", equalTo(1));
        // the pair most behind comes first, with the reason
        assertEquals("障害者就業・生活支援センター ブリッジ", o.jsonPath().getString("rows[0].implementing.name"));
        assertTrue(o.jsonPath().getString("rows[0].lateMilestones[0]").startsWith("実施センター訪問"));
        long noikeru = TestSupport.id(ds, "SELECT x.id FROM pairing x JOIN organization o ON o.id = x.implementing_id WHERE o.code = 'hokkaido-noikeru'");
        as("noikeru").get("/api/pairings/" + noikeru + "/assessments").then().statusCode(200)
                .body("items.before", equalTo(List.of(5, 3, 3, 3, 6, 6))).body("items.after", equalTo(List.of(7, 6, 3, 3, 8, 8)));
        as("noikeru").get("/api/pairings/" + noikeru + "/visits").then().statusCode(200).body("startOn",
                equalTo(List.of("2023-09-26", "2023-11-20")));
        // coverage against the doubling plan
        o.then().body("coverage.find { it.fiscalYear == 2023 }.pairs", equalTo(6))
                .body("coverage.find { it.fiscalYear == 2023 }.centersThisYear", equalTo(12));
    }
}
