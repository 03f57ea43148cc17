package jp.tsunagu.organization;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.tsunagu.support.TestSupport.as;
import static jp.tsunagu.support.TestSupport.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Duplicates found and merged by the secretariat: everything naming the duplicate moves to the
 * organization that stays, shared rows fold into one keeping their flags, what cannot hold for one
 * organization answers 409 and changes nothing; the act is audited; nobody else merges.
 */
@QuarkusTest
@Tag("data")
class OrganizationMergeTest {

    @Inject
    AgroalDataSource ds;

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeWhatTheTestsAdded() {
        TestSupport.update(ds, "DELETE FROM application WHERE motive = 'merge-test'");
        TestSupport.update(ds, "DELETE FROM organization WHERE code LIKE 'merge-%'");
    }

    long org(String suffix, String name, String type) {
        return TestSupport.id(ds, "INSERT INTO organization (code, name, org_type, prefecture_code, phone, confirmed) VALUES (?, ?, ?, 47, ?, ?) RETURNING id",
                "merge-" + tag + "-" + suffix, name, type, "098-" + tag.substring(0, 3).replaceAll("[^0-9]", "1") + "-0000", !suffix.equals("dup"));
    }

    @Test
    void theDuplicatesStaffCirclesAndHistoryMoveToTheOneThatStays() {
        long keep = org("keep", "就労定着支援センター合流" + tag, "RETENTION_SUPPORT");
        long dup = org("dup", "就労定着支援センター 合流" + tag, "RETENTION_SUPPORT");
        long circle = TestSupport.circleId(ds, "okinawa-south-exchange");
        String both = TestSupport.throwAwayAccount(ds, "partner-staff", TestSupport.PASSWORD);
        String onlyDup = TestSupport.throwAwayAccount(ds, "partner-staff", TestSupport.PASSWORD);
        long bothId = TestSupport.accountId(ds, both);
        long onlyDupId = TestSupport.accountId(ds, onlyDup);
        TestSupport.update(ds, "INSERT INTO membership (account_id, organization_id, is_admin, title) VALUES (?, ?, false, NULL), (?, ?, true, '主任'),"
                + " (?, ?, false, NULL)", bothId, keep, bothId, dup, onlyDupId, dup);
        TestSupport.update(ds, "INSERT INTO circle_member (circle_id, organization_id, is_owner) VALUES (?, ?, false), (?, ?, true)",
                circle, keep, circle, dup);

        // the secretariat sees the pair among the candidates, and the merge's page
        as("admin").get("/organizations/upkeep").then().statusCode(200)
                .body(containsString("/organizations/" + dup + "/merge?into=" + keep));
        as("admin").get("/organizations/" + dup + "/merge?into=" + keep).then().statusCode(200)
                .body(containsString("就労定着支援センター 合流" + tag));

        json("admin").body(Map.of("intoId", keep)).post("/api/organizations/" + dup + "/merge").then().log().ifValidationFails()
                .statusCode(200).body("id", equalTo((int) keep)).body("confirmed", equalTo(true));
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM organization WHERE id = ?", dup));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM membership WHERE account_id = ? AND organization_id = ? AND is_admin", bothId, keep),
                "one membership, the administrator mark carried over");
        assertEquals("主任", TestSupport.text(ds, "SELECT title FROM membership WHERE account_id = ? AND organization_id = ?", bothId, keep),
                "a title only the duplicate's membership had is kept");
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM membership WHERE account_id = ? AND organization_id = ?", onlyDupId, keep));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM circle_member WHERE circle_id = ? AND organization_id = ? AND is_owner", circle, keep));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'ORGANIZATION_MERGED' AND subject = ?"
                + " AND detail LIKE ?", "organization:" + keep, "merged organization:" + dup + "%"));
        // the person who was only in the duplicate now works in the one that stays
        as(onlyDup).get("/api/me").then().statusCode(200).body("organizationIds", org.hamcrest.Matchers.contains((int) keep))
                .body("circleIds", org.hamcrest.Matchers.hasItem((int) circle));
        as("admin").get("/api/organizations/" + dup).then().statusCode(404);
        // a file exported before the merge does not bring the duplicate back
        String code = "merge-" + tag + "-dup";
        io.restassured.RestAssured.given().auth().oauth2(TestSupport.token("admin@demo.tsunagu.jp")).contentType("text/csv")
                .body(("code,type,name,prefectureCode\r\n" + code + ",RETENTION_SUPPORT,就労定着支援センター 合流" + tag + ",47\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/organizations/import").then().statusCode(200).body("refused", equalTo(1))
                .body("errors[0].field", equalTo("code")).body("errors[0].code", equalTo("merged-into"))
                .body("errors[0].message.ja", containsString("merge-" + tag + "-keep"));
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM organization WHERE code = ?", code));
    }

    @Test
    void whatCannotHoldForOneOrganizationAnswers409AndChangesNothing() {
        long keep = org("keep", "センター甲" + tag, "NAKAPOTSU");
        long dup = org("dup", "センター乙" + tag, "NAKAPOTSU");
        TestSupport.update(ds, "INSERT INTO application (program_id, center_id, theme_1, motive, desired_partner_id)"
                + " VALUES ((SELECT min(id) FROM program), ?, 'SUPERVISION', 'merge-test', ?)", keep, dup);
        long members = TestSupport.count(ds, "membership");
        json("admin").body(Map.of("intoId", keep)).post("/api/organizations/" + dup + "/merge").then().statusCode(409)
                .body("type", containsString("merge-conflict")).body("message.ja", not(equalTo(null)));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM organization WHERE id = ?", dup));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM application WHERE center_id = ? AND desired_partner_id = ?", keep, dup));
        assertEquals(members, TestSupport.count(ds, "membership"));
    }

    @Test
    void badMergesAnswer400NamingTheFieldAndNobodyElseMerges() {
        long keep = org("keep", "定着A" + tag, "RETENTION_SUPPORT");
        long dup = org("dup", "定着B" + tag, "RETENTION_SUPPORT");
        long other = org("other", "移行C" + tag, "TRANSITION_SUPPORT");
        json("admin").body(Map.of("intoId", dup)).post("/api/organizations/" + dup + "/merge").then().statusCode(400)
                .body("errors[0].field", equalTo("intoId")).body("errors[0].code", equalTo("merge-same"));
        json("admin").body(Map.of("intoId", other)).post("/api/organizations/" + dup + "/merge").then().statusCode(400)
                .body("errors[0].field", equalTo("intoId")).body("errors[0].code", equalTo("merge-type"));
        json("admin").body(Map.of()).post("/api/organizations/" + dup + "/merge").then().statusCode(400)
                .body("errors[0].field", equalTo("intoId"));
        json("admin").body("{\"intoId\": \"x\"}").post("/api/organizations/" + dup + "/merge").then().statusCode(400);
        json("admin").body(Map.of("intoId", Long.MAX_VALUE)).post("/api/organizations/" + dup + "/merge").then().statusCode(400)
                .body("errors[0].code", equalTo("not-found"));
        json("admin").body(Map.of("intoId", keep)).post("/api/organizations/999999999/merge").then().statusCode(404);
        for (String who : List.of("tortoise", "partner", "hw-naha", "sysadmin", "advisor")) {
            json(who).body(Map.of("intoId", keep)).post("/api/organizations/" + dup + "/merge").then().statusCode(404);
            as(who).get("/organizations/" + dup + "/merge?into=" + keep).then().statusCode(404);
        }
        io.restassured.RestAssured.given().contentType("application/json").body(Map.of("intoId", keep)).post("/api/organizations/" + dup + "/merge")
                .then().statusCode(401);
        assertEquals(3, TestSupport.id(ds, "SELECT count(*) FROM organization WHERE code LIKE ?", "merge-" + tag + "-%"));
    }

    @Test
    void unconfirmedOfficesAreListedForTheSecretariatAndMarkedInTheDirectory() {
        long dup = org("dup", "未確認の事業所" + tag, "RETENTION_SUPPORT");
        as("admin").get("/organizations/upkeep").then().statusCode(200).body(containsString("未確認の事業所" + tag));
        as("partner").queryParam("q", "未確認の事業所" + tag).get("/directory").then().statusCode(200).body(containsString("未確認"));
        as("admin").redirects().follow(false).post("/organizations/" + dup + "/confirm").then().statusCode(303);
        assertTrue(TestSupport.id(ds, "SELECT count(*) FROM organization WHERE id = ? AND confirmed", dup) == 1);
    }
}
