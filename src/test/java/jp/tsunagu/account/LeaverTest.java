package jp.tsunagu.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.support.TestSupport.as;
import static jp.tsunagu.support.TestSupport.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Staff who leave (引継ぎ): the center's administrator previews what moves to a successor, hands it
 * over in one step (meetings ahead, postings where the leaver is the contact, open action items) and
 * deactivates the leaver, whose session, calendar feed and sign-in stop working on the next request.
 */
@QuarkusTest
@Tag("data")
class LeaverTest {

    @Inject
    AgroalDataSource ds;

    /** A fresh center: its lead (administrator), a leaver and a successor on its staff. */
    record Center(String code, long id, String lead, String leaver, String successor) {
    }

    Center center() {
        String code = "leaver-test-" + UUID.randomUUID().toString().substring(0, 8);
        TestSupport.update(ds, "INSERT INTO organization (code, name, org_type, prefecture_code) VALUES (?, ?, 'NAKAPOTSU', 47)",
                code, "引継ぎ確認センター " + code);
        String lead = member(code, "center-lead", true);
        String leaver = member(code, "center-staff", false);
        String successor = member(code, "center-staff", false);
        return new Center(code, TestSupport.orgId(ds, code), lead, leaver, successor);
    }

    String member(String code, String role, boolean admin) {
        String email = TestSupport.throwAwayAccount(ds, role, TestSupport.PASSWORD);
        TestSupport.update(ds, "INSERT INTO membership (account_id, organization_id, is_admin) SELECT a.id, o.id, ? FROM account a,"
                + " organization o WHERE a.email = ? AND o.code = ?", admin, email, code);
        return email;
    }

    @Test
    void theAdministratorHandsOverAndDeactivatesALeaver() {
        Center c = center();
        long leaver = TestSupport.accountId(ds, c.leaver());
        long successor = TestSupport.accountId(ds, c.successor());
        String day = LocalDate.now().plusDays(30).toString();
        long meeting = json(c.leaver()).body(Map.of("kind", "EXCHANGE", "title", "引継ぎ確認の連絡会", "organizerIds", List.of(c.id()),
                        "format", "IN_PERSON", "venues", List.of(Map.of("name", "那覇市 障害者福祉センター")),
                        "startsAt", day + "T10:00", "endsAt", day + "T11:00"))
                .post("/api/meetings").then().statusCode(201).extract().jsonPath().getLong("summary.id");
        long action = json(c.leaver()).body(Map.of("title", "名簿の更新", "ownerAccountId", leaver))
                .post("/api/meetings/" + meeting + "/actions").then().statusCode(201).extract().jsonPath().getLong("id");
        long posting = json(c.lead()).body(Map.of("kind", "JOB", "title", "引継ぎ確認の求人", "companyName", "株式会社テスト物流",
                        "prefectureCode", 47, "jobCategory", "LIGHT_WORK", "source", "COMPANY", "visibility", "ORGANIZATION",
                        "contactAccountId", leaver))
                .post("/api/postings").then().statusCode(201).extract().jsonPath().getLong("id");
        String feed = json(c.leaver()).body(Map.of()).post("/api/me/calendar-feeds").then().statusCode(200).extract().path("url");
        String feedPath = feed.substring(feed.indexOf("/ical/"));
        given().get(feedPath).then().statusCode(200);

        // the preview names what would move; nothing moves yet
        as(c.lead()).get("/api/accounts/" + leaver + "/handover").then().statusCode(200)
                .body("successors.id", hasItem((int) successor)).body("successors.id", not(hasItem((int) leaver)));
        as(c.lead()).queryParam("to", successor).get("/api/accounts/" + leaver + "/handover").then().statusCode(200)
                .body("moves.kind", hasItems("handover.meeting", "handover.action", "handover.posting"))
                .body("moves.title", hasItems("引継ぎ確認の連絡会", "名簿の更新", "引継ぎ確認の求人"));
        assertEquals(leaver, TestSupport.id(ds, "SELECT created_by FROM meeting WHERE id = ?", meeting));

        json(c.lead()).body(Map.of("successorId", successor)).post("/api/accounts/" + leaver + "/handover").then().statusCode(200)
                .body("moved", equalTo(3));
        assertEquals(successor, TestSupport.id(ds, "SELECT created_by FROM meeting WHERE id = ?", meeting));
        assertEquals(successor, TestSupport.id(ds, "SELECT owner_account_id FROM action_item WHERE id = ?", action));
        assertEquals(successor, TestSupport.id(ds, "SELECT contact_account_id FROM posting WHERE id = ?", posting));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'HANDED_OVER' AND subject = ?",
                "account:" + leaver));

        // deactivated: the session, the feed and signing in stop on the next request
        String session = TestSupport.freshToken(c.leaver());
        given().auth().oauth2(session).get("/api/me").then().statusCode(200);
        as(c.lead()).post("/api/accounts/" + leaver + "/deactivate").then().statusCode(204);
        given().auth().oauth2(session).get("/api/me").then().statusCode(401);
        given().get(feedPath).then().statusCode(404);
        given().contentType("application/json").body(Map.of("email", c.leaver(), "password", TestSupport.PASSWORD))
                .post("/api/auth/login").then().statusCode(401);
        // the name stays where they acted
        as(c.lead()).get("/api/organizations/" + c.id() + "/members").then().statusCode(200)
                .body("members.find { it.accountId == " + leaver + " }.active", equalTo(false));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'ACCOUNT_DEACTIVATED' AND subject = ?",
                "account:" + leaver));
        // deactivating again changes nothing
        as(c.lead()).post("/api/accounts/" + leaver + "/deactivate").then().statusCode(204);

        // back from leave: reactivated by those who may deactivate, signing in again; what ended stays ended
        as(c.successor()).post("/api/accounts/" + leaver + "/reactivate").then().statusCode(404);
        as("tortoise").post("/api/accounts/" + leaver + "/reactivate").then().statusCode(404);
        given().post("/api/accounts/" + leaver + "/reactivate").then().statusCode(401);
        given().contentType("application/json").body(Map.of("email", c.leaver(), "password", TestSupport.PASSWORD))
                .post("/api/auth/login").then().statusCode(401);
        as(c.lead()).get("/admin/accounts/" + leaver).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/admin/accounts/" + leaver + "/reactivate"));
        as(c.lead()).redirects().follow(false).post("/admin/accounts/" + leaver + "/reactivate").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.containsString("saved=reactivated"));
        given().contentType("application/json").body(Map.of("email", c.leaver(), "password", TestSupport.PASSWORD))
                .post("/api/auth/login").then().statusCode(200);
        given().auth().oauth2(session).get("/api/me").then().statusCode(401);
        given().get(feedPath).then().statusCode(404);
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'ACCOUNT_REACTIVATED' AND subject = ?",
                "account:" + leaver));
        as(c.lead()).post("/api/accounts/" + leaver + "/reactivate").then().statusCode(204);
    }

    @Test
    void onlyThoseWhoRunAllTheLeaversOrganizationsRetireThem() {
        Center c = center();
        long leaver = TestSupport.accountId(ds, c.leaver());
        // a colleague who does not administer the center, another center's lead: not theirs to see
        as(c.successor()).post("/api/accounts/" + leaver + "/deactivate").then().statusCode(404);
        as("tortoise").post("/api/accounts/" + leaver + "/deactivate").then().statusCode(404);
        as("tortoise").get("/api/accounts/" + leaver + "/handover").then().statusCode(404);
        as("partner").get("/api/accounts").then().statusCode(200).body("accounts.id", not(hasItem((int) leaver)));
        // the lead cannot retire themselves
        as(c.lead()).post("/api/accounts/" + TestSupport.accountId(ds, c.lead()) + "/deactivate").then().statusCode(403);
        // someone who also works for an organization the lead does not administer: the lead sees them but does not retire them
        TestSupport.update(ds, "INSERT INTO membership (account_id, organization_id) SELECT ?, o.id FROM organization o WHERE o.code = 'aomori-minato'",
                leaver);
        as(c.lead()).get("/api/accounts").then().statusCode(200).body("accounts.id", hasItem((int) leaver));
        as(c.lead()).post("/api/accounts/" + leaver + "/deactivate").then().statusCode(403);
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM account WHERE id = ? AND active", leaver), "refused writes change nothing");
        // the secretariat may
        as("admin").post("/api/accounts/" + leaver + "/deactivate").then().statusCode(204);
        given().post("/api/accounts/" + leaver + "/deactivate").then().statusCode(401);
    }

    @Test
    void badInputIsNamed() {
        Center c = center();
        long leaver = TestSupport.accountId(ds, c.leaver());
        json(c.lead()).body(Map.of()).post("/api/accounts/" + leaver + "/handover").then().statusCode(400)
                .body("errors[0].field", equalTo("successorId"));
        json(c.lead()).body(Map.of("successorId", TestSupport.accountId(ds, "minato@demo.tsunagu.jp")))
                .post("/api/accounts/" + leaver + "/handover").then().statusCode(400).body("errors[0].code", equalTo("not-a-successor"));
        json(c.lead()).body(Map.of("successorId", "x")).post("/api/accounts/" + leaver + "/handover").then().statusCode(400);
        as(c.lead()).queryParam("to", "abc").get("/api/accounts/" + leaver + "/handover").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        as(c.lead()).post("/api/accounts/abc/deactivate").then().statusCode(400);
        as(c.lead()).post("/api/accounts/99999999/deactivate").then().statusCode(404);
        as(c.lead()).queryParam("q", "x".repeat(101)).get("/api/accounts").then().statusCode(400);
        as(c.lead()).accept("text/html").get("/admin/accounts/" + leaver).then().statusCode(200)
                .body(containsString("引継ぎと利用停止"));
    }
}
