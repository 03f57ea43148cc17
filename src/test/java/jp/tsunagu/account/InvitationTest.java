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
import static org.hamcrest.Matchers.hasItem;
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

    @Test
    void invitationLinkIsMailedUsedOnceAndAudited() {
        String bridge = TestSupport.token("bridge@demo.tsunagu.jp");
        long office = TestSupport.orgId(ds, "okinawa-transition-3");
        String email = "new-staff-" + System.nanoTime() + "@example.jp";
        given().auth().oauth2(bridge).contentType(ContentType.JSON)
                .body(Map.of("email", email, "organizationId", office, "role", "partner-staff", "title", "職業指導員"))
                .post("/api/invitations").then().statusCode(201).body("email", equalTo(email));

        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertEquals(1, mails.size());
        Matcher m = Pattern.compile("/invite/([A-Za-z0-9_-]{20,})").matcher(mails.get(0).getText());
        assertTrue(m.find(), mails.get(0).getText());
        String token = m.group(1);
        // only a hash is stored
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM invitation WHERE token_hash = ?", token));

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
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'INVITATION_ISSUED' AND detail LIKE ?", "to=" + email + "%"));
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
