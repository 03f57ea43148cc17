package jp.tsunagu.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A center lead invites a partner's staff member; the link works once, and only until it expires. */
@QuarkusTest
@Tag("data")
class InvitationTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    MockMailbox mailbox;

    /** Finds the one invitation link in the mails to an address (the only place a link ever appears). */
    private String mailedToken(String email) {
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size(), "exactly one mail to " + email);
        Matcher m = Pattern.compile("/invite/([A-Za-z0-9_-]{20,})").matcher(mails.get(0).getText());
        assertTrue(m.find(), mails.get(0).getText());
        return m.group(1);
    }

    @Test
    void aLeadsInvitationIntoAPartnerIsARequestMailedOnlyOnceNetworkAdminApproves() {
        String bridge = TestSupport.token("bridge@demo.tsunagu.jp");
        String admin = TestSupport.token("admin@demo.tsunagu.jp");
        long office = TestSupport.orgId(ds, "okinawa-transition-4");
        String email = "new-staff-" + System.nanoTime() + "@example.jp";
        String answer = given().auth().oauth2(bridge).contentType(ContentType.JSON)
                .body(Map.of("email", email, "organizationId", office, "role", "partner-staff", "title", "職業指導員"))
                .post("/api/invitations").then().statusCode(201).body("email", equalTo(email))
                .body("status", equalTo("REQUESTED")).body("link", nullValue()).extract().asString();
        assertFalse(answer.contains("/invite/"), answer);
        // nothing is mailed and no link exists until an administrator approves
        assertTrue(mailbox.getMailsSentTo(email).isEmpty());
        long id = TestSupport.id(ds, "SELECT id FROM invitation WHERE email = ?", email);
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM invitation WHERE id = ? AND token_hash IS NULL AND status = 'REQUESTED'", id));
        // the requester cannot approve it, nor see the queue
        given().auth().oauth2(bridge).get("/api/invitation-requests").then().statusCode(404);
        given().auth().oauth2(bridge).contentType(ContentType.JSON).body(Map.of("approve", true))
                .post("/api/invitation-requests/" + id + "/decision").then().statusCode(404);
        assertTrue(mailbox.getMailsSentTo(email).isEmpty());
        // network-admin sees it (and was told in the app) and approves: now the link is mailed, to the invitee only
        given().auth().oauth2(admin).get("/api/invitation-requests").then().statusCode(200)
                .body("email", hasItem(email)).body("toString()", not(containsString("/invite/")));
        assertTrue(TestSupport.id(ds, "SELECT count(*) FROM notification n JOIN account a ON a.id = n.account_id"
                + " WHERE a.email = 'admin@demo.tsunagu.jp' AND n.link = '/admin/invitations'") >= 1);
        String approved = given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("approve", true))
                .post("/api/invitation-requests/" + id + "/decision").then().statusCode(200)
                .body("status", equalTo("SENT")).extract().asString();
        assertFalse(approved.contains("/invite/"), approved);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("approve", false))
                .post("/api/invitation-requests/" + id + "/decision").then().statusCode(409);
        String token = mailedToken(email);
        assertTrue(mailbox.getMailsSentTo(email).get(0).getText().contains("就労移行支援事業所"),
                "the mail names the organization");
        // only a hash is stored, and no audit entry carries the link
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM invitation WHERE token_hash = ?", token));
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE detail LIKE ?", "%" + token + "%"));

        given().get("/api/invitations/" + token).then().statusCode(200)
                .body("email", equalTo(email)).body("role", equalTo("partner-staff"));
        given().contentType(ContentType.JSON).body(Map.of("displayName", "新井 花", "password", "short"))
                .post("/api/invitations/" + token + "/accept").then().statusCode(400).body("errors.field", hasItem("password"));
        String session = given().contentType(ContentType.JSON).body(Map.of("displayName", "新井 花", "password", "a-good-passphrase"))
                .post("/api/invitations/" + token + "/accept").then().statusCode(201).extract().path("token");
        given().auth().oauth2(session).get("/api/me").then().statusCode(200)
                .body("role", equalTo("partner-staff")).body("organizationIds", hasItem((int) office));
        // the link is used up
        given().get("/api/invitations/" + token).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("displayName", "誰か", "password", "another-passphrase"))
                .post("/api/invitations/" + token + "/accept").then().statusCode(404);
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'INVITATION_USED' AND actor_email = ?", email));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'INVITATION_REQUESTED' AND detail LIKE ?", "to=" + email + "%"));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'INVITATION_APPROVED' AND detail LIKE ?", "to=" + email + "%"));
    }

    /** The reproduced attack: a center lead tried to make an account inside Hello Work Naha. */
    @Test
    void aCenterLeadCannotPlaceAnAccountInHelloWorkWithoutItsApproval() {
        String bridge = TestSupport.token("bridge@demo.tsunagu.jp");
        String admin = TestSupport.token("admin@demo.tsunagu.jp");
        long helloWork = TestSupport.orgId(ds, "okinawa-hw-naha");
        String email = "mole-" + System.nanoTime() + "@example.jp";
        long accounts = TestSupport.count(ds, "account");
        String answer = given().auth().oauth2(bridge).contentType(ContentType.JSON)
                .body(Map.of("email", email, "organizationId", helloWork, "role", "partner-staff"))
                .post("/api/invitations").then().statusCode(201).body("status", equalTo("REQUESTED")).extract().asString();
        assertFalse(answer.contains("/invite/"), answer);
        assertTrue(mailbox.getMailsSentTo(email).isEmpty(), "no link leaves the platform before approval");
        // no role but partner-staff, and never into a center that is not theirs
        given().auth().oauth2(bridge).contentType(ContentType.JSON)
                .body(Map.of("email", "x-" + email, "organizationId", helloWork, "role", "center-staff"))
                .post("/api/invitations").then().statusCode(403);
        given().auth().oauth2(bridge).contentType(ContentType.JSON)
                .body(Map.of("email", "y-" + email, "organizationId", TestSupport.orgId(ds, "gunma-tortoise"), "role", "center-staff"))
                .post("/api/invitations").then().statusCode(403);
        // the page form shows no link either
        String page = given().auth().oauth2(bridge).accept("text/html").contentType(ContentType.URLENC)
                .formParam("email", "z-" + email).formParam("organizationId", helloWork).formParam("role", "partner-staff")
                .post("/invitations").then().statusCode(200).extract().asString();
        assertFalse(page.contains("/invite/"), "the page never shows an invitation link");
        assertTrue(page.contains("申請しました"), page);
        // Hello Work Naha has an administrator: it decides, not the secretariat
        long id = TestSupport.id(ds, "SELECT id FROM invitation WHERE email = ?", email);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("approve", true))
                .post("/api/invitation-requests/" + id + "/decision").then().statusCode(404);
        given().auth().oauth2(admin).get("/api/invitation-requests").then().statusCode(200).body("id", not(hasItem((int) id)));
        String hw = TestSupport.token("hw-naha@demo.tsunagu.jp");
        given().auth().oauth2(hw).get("/api/invitation-requests").then().statusCode(200).body("id", hasItem((int) id));
        assertTrue(TestSupport.id(ds, "SELECT count(*) FROM notification n JOIN account a ON a.id = n.account_id"
                + " WHERE a.email = 'hw-naha@demo.tsunagu.jp' AND n.link = '/admin/invitations'") >= 1, "its administrator was told");
        // declined: nothing is mailed, no link, no account
        given().auth().oauth2(hw).contentType(ContentType.JSON).body(Map.of("approve", false))
                .post("/api/invitation-requests/" + id + "/decision").then().statusCode(200).body("status", equalTo("DECLINED"));
        assertTrue(mailbox.getMailsSentTo(email).isEmpty());
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM invitation WHERE email = ? AND token_hash IS NOT NULL", email));
        assertEquals(accounts, TestSupport.count(ds, "account"));
        // bad input to the decision
        given().auth().oauth2(hw).contentType(ContentType.JSON).body(Map.of())
                .post("/api/invitation-requests/" + id + "/decision").then().statusCode(400);
        given().auth().oauth2(hw).contentType(ContentType.JSON).body(Map.of("approve", true))
                .post("/api/invitation-requests/abc/decision").then().statusCode(400);
        given().auth().oauth2(hw).contentType(ContentType.JSON).body(Map.of("approve", true))
                .post("/api/invitation-requests/99999999/decision").then().statusCode(404);
    }

    @Test
    void aDirectInvitationIsMailedAndItsAnswerCarriesNoLink() {
        String tortoise = TestSupport.token("tortoise@demo.tsunagu.jp");
        String email = "colleague-" + System.nanoTime() + "@example.jp";
        String answer = given().auth().oauth2(tortoise).contentType(ContentType.JSON)
                .body(Map.of("email", email, "organizationId", TestSupport.orgId(ds, "gunma-tortoise"), "role", "center-staff"))
                .post("/api/invitations").then().statusCode(201).body("status", equalTo("SENT")).extract().asString();
        assertFalse(answer.contains("/invite/"), answer);
        mailedToken(email);
    }

    @Test
    void expiredLinksAreRefused() {
        String tortoise = TestSupport.token("tortoise@demo.tsunagu.jp");
        String email = "late-" + System.nanoTime() + "@example.jp";
        given().auth().oauth2(tortoise).contentType(ContentType.JSON)
                .body(Map.of("email", email, "organizationId", TestSupport.orgId(ds, "gunma-tortoise"), "role", "center-staff"))
                .post("/api/invitations").then().statusCode(201);
        Matcher m = Pattern.compile("/invite/([A-Za-z0-9_-]{20,})").matcher(mailbox.getMailsSentTo(email).get(0).getText());
        assertTrue(m.find());
        TestSupport.update(ds, "UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE email = ?", email);
        given().get("/api/invitations/" + m.group(1)).then().statusCode(404);
    }

    @Test
    void anAddressThatAlreadyHasAnAccountCannotBeInvited() {
        String admin = TestSupport.token("admin@demo.tsunagu.jp");
        long before = TestSupport.count(ds, "invitation");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", "MINATO@demo.tsunagu.jp", "organizationId", TestSupport.orgId(ds, "aomori-minato"), "role", "center-staff"))
                .post("/api/invitations").then().statusCode(400).body("errors.field", hasItem("email"));
        assertEquals(before, TestSupport.count(ds, "invitation"));
    }
}
