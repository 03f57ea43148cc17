package jp.tsunagu.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The mail server cannot be reached (a real SMTP client pointed at a closed port): an invitation
 * whose only link could not be mailed is undone — a direct one ends, an approval goes back to the
 * queue — and the answer is 503 "mail unavailable", not a database fault and not a 500.
 */
@QuarkusTest
@TestProfile(MailDownTest.MailServerDown.class)
@Tag("data")
class MailDownTest {

    public static class MailServerDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", "9",
                    "quarkus.mailer.start-tls", "DISABLED", "quarkus.mailer.connection-timeout", "PT2S");
        }
    }

    @Inject
    AgroalDataSource ds;

    @Test
    void anInvitationWhoseMailFailsIsUndone() {
        String admin = TestSupport.token("admin@demo.tsunagu.jp");
        String direct = "mail-down-" + System.nanoTime() + "@example.jp";
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", direct, "organizationId", TestSupport.orgId(ds, "aomori-minato"), "role", "center-staff"))
                .post("/api/invitations").then().statusCode(503).header("Retry-After", "60")
                .body("type", containsString("mail-unavailable"));
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM invitation WHERE email = ? AND expires_at > now()", direct),
                "the direct invitation's link has ended");

        String bridge = TestSupport.token("bridge@demo.tsunagu.jp");
        String requested = "mail-down-req-" + System.nanoTime() + "@example.jp";
        given().auth().oauth2(bridge).contentType(ContentType.JSON)
                .body(Map.of("email", requested, "organizationId", TestSupport.orgId(ds, "okinawa-transition-3"), "role", "partner-staff"))
                .post("/api/invitations").then().statusCode(201);
        long id = TestSupport.id(ds, "SELECT id FROM invitation WHERE email = ?", requested);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("approve", true))
                .post("/api/invitation-requests/" + id + "/decision").then().statusCode(503)
                .body("type", containsString("mail-unavailable"));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM invitation WHERE id = ? AND status = 'REQUESTED'"
                + " AND token_hash IS NULL AND decided_at IS NULL", id), "the request is back in the queue");
    }
}
