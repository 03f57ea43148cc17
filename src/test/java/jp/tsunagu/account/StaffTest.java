package jp.tsunagu.account;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.support.TestSupport.as;
import static jp.tsunagu.support.TestSupport.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organization's staff as its administrators run them: joining always needs the administrator
 * (the secretariat only where nobody administers the organization), people with an account are
 * added by e-mail and keep their one account, administrators are named, the last one stays.
 */
@QuarkusTest
@Tag("data")
class StaffTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    MockMailbox mailbox;

    List<Mail> mails(String to) {
        List<Mail> m = mailbox.getMailsSentTo(to);
        return m == null ? List.of() : m;
    }

    long partnerOrg() {
        return TestSupport.orgId(ds, "okinawa-transition-1");
    }

    /** A fresh center nobody administers, with one member of staff (its e-mail). */
    String[] centerWithoutAdministrator() {
        String code = "staff-test-" + UUID.randomUUID().toString().substring(0, 8);
        TestSupport.update(ds, "INSERT INTO organization (code, name, org_type, prefecture_code) VALUES (?, ?, 'NAKAPOTSU', 2)",
                code, "職員確認センター " + code);
        String email = TestSupport.throwAwayAccount(ds, "center-staff", TestSupport.PASSWORD);
        TestSupport.update(ds, "INSERT INTO membership (account_id, organization_id) SELECT a.id, o.id FROM account a, organization o"
                + " WHERE a.email = ? AND o.code = ?", email, code);
        return new String[]{code, email};
    }

    @ParameterizedTest(name = "{0} reads みなみ風ワークス's members → {1}")
    @CsvSource({"partner, 200", "admin, 200", "hw-naha, 404", "bridge, 404", "advisor, 404", "sysadmin, 404", "anonymous, 401"})
    void theMembersPageIsTheAdministrators(String who, int status) {
        as(who).get("/api/organizations/" + partnerOrg() + "/members").then().statusCode(status);
        as(who).accept("text/html").redirects().follow(false).get("/organizations/" + partnerOrg() + "/members")
                .then().statusCode(status == 401 ? 303 : status);
    }

    @Test
    void aPlainMemberOfStaffDoesNotRunTheStaff() {
        String plain = TestSupport.staffOf(ds, "okinawa-transition-1");
        as(plain).get("/api/organizations/" + partnerOrg() + "/members").then().statusCode(404);
        json(plain).body(Map.of("email", "partner@demo.tsunagu.jp")).post("/api/organizations/" + partnerOrg() + "/members")
                .then().statusCode(404);
        // the secretariat sees it but does not decide for an organization that has an administrator
        as("admin").get("/api/organizations/" + partnerOrg() + "/members").then().statusCode(200)
                .body("canEdit", equalTo(false)).body("members.find { it.email == 'partner@demo.tsunagu.jp' }.admin", equalTo(true));
        json("admin").body(Map.of("email", plain)).post("/api/organizations/" + partnerOrg() + "/members").then().statusCode(403);
    }

    @Test
    void someoneWhoMovesAsksToJoinAndTheAdministratorApproves() {
        // a support worker at another transition office moves to みなみ風ワークス: one account, a new membership
        String mover = TestSupport.staffOf(ds, "okinawa-transition-2");
        long account = TestSupport.accountId(ds, mover);
        mailbox.clear();
        long request = json(mover).body(Map.of("title", "就労支援員")).post("/api/organizations/" + partnerOrg() + "/members")
                .then().statusCode(201).body("status", equalTo("REQUESTED")).extract().jsonPath().getLong("requestId");
        json(mover).body(Map.of()).post("/api/organizations/" + partnerOrg() + "/members").then().statusCode(409)
                .body("type", containsString("join-requested"));
        assertTrue(mails("partner@demo.tsunagu.jp").stream().anyMatch(m -> m.getText().contains("/members")),
                "the administrator is told");
        as("partner").get("/api/organizations/" + partnerOrg() + "/members").then().statusCode(200)
                .body("requests.id", hasItem((int) request)).body("requests.find { it.id == " + request + " }.elsewhere",
                        containsString("就労移行支援事業所"));
        // nobody else decides: not the mover, not the secretariat, not another organization's administrator
        as(mover).post("/api/memberships/" + request + "/approve").then().statusCode(404);
        as("admin").post("/api/memberships/" + request + "/approve").then().statusCode(404);
        as("hw-naha").post("/api/memberships/" + request + "/approve").then().statusCode(404);
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM membership WHERE account_id = ? AND organization_id = ?",
                account, partnerOrg()), "refused decisions change nothing");

        as("partner").post("/api/memberships/" + request + "/approve").then().statusCode(200).body("status", equalTo("ADDED"));
        as("partner").post("/api/memberships/" + request + "/decline").then().statusCode(409);
        as(mover).get("/api/me").then().statusCode(200).body("organizationIds", hasItem((int) partnerOrg()));
        // now in みなみ風ワークス's circle on the next request
        as(mover).get("/api/circles/" + TestSupport.circleId(ds, "okinawa-south-exchange")).then().statusCode(200);
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'MEMBERSHIP_ADDED' AND subject = ?",
                "account:" + account));
    }

    @Test
    void anAdministratorAddsSomeoneWithAnAccountByEMail() {
        String other = TestSupport.staffOf(ds, "okinawa-transition-3");
        mailbox.clear();
        json("partner").body(Map.of("email", other.toUpperCase(), "title", "職業指導員"))
                .post("/api/organizations/" + partnerOrg() + "/members").then().statusCode(201).body("status", equalTo("ADDED"));
        assertTrue(!mails(other).isEmpty(), "the person is told");
        json("partner").body(Map.of("email", other)).post("/api/organizations/" + partnerOrg() + "/members").then().statusCode(400)
                .body("errors[0].field", equalTo("email")).body("errors[0].code", equalTo("already-member"));
        json("partner").body(Map.of("email", "nobody-" + UUID.randomUUID() + "@example.jp"))
                .post("/api/organizations/" + partnerOrg() + "/members").then().statusCode(400).body("errors[0].code", equalTo("no-account"));
        // a center's staff cannot be made a partner's staff (the roles do not fit)
        json("partner").body(Map.of("email", "minato@demo.tsunagu.jp")).post("/api/organizations/" + partnerOrg() + "/members")
                .then().statusCode(400).body("errors[0].code", equalTo("role-does-not-fit"));
    }

    @Test
    void theSecretariatNamesTheFirstAdministratorAndTheLastOneStays() {
        String[] center = centerWithoutAdministrator();
        long org = TestSupport.orgId(ds, center[0]);
        long staff = TestSupport.accountId(ds, center[1]);
        as("admin").get("/api/organizations/" + org + "/members").then().statusCode(200).body("canEdit", equalTo(true));
        json(center[1]).body(Map.of("admin", true)).put("/api/organizations/" + org + "/members/" + staff).then().statusCode(404);
        json("admin").body(Map.of("admin", true, "title", "主任就業支援担当")).put("/api/organizations/" + org + "/members/" + staff)
                .then().statusCode(200).body("admin", equalTo(true)).body("title", equalTo("主任就業支援担当"));
        // from now on the organization decides, not the secretariat
        as("admin").get("/api/organizations/" + org + "/members").then().statusCode(200).body("canEdit", equalTo(false));
        json("admin").body(Map.of("admin", false)).put("/api/organizations/" + org + "/members/" + staff).then().statusCode(403);
        as(center[1]).get("/api/organizations/" + org + "/members").then().statusCode(200).body("canEdit", equalTo(true));
        json(center[1]).body(Map.of("admin", false)).put("/api/organizations/" + org + "/members/" + staff).then().statusCode(409)
                .body("type", containsString("last-admin"));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'ADMIN_CHANGED' AND subject = ?",
                "account:" + staff));
    }

    @Test
    void theAdministratorRetitlesAndEndsAMembershipFromThePage() {
        String other = TestSupport.staffOf(ds, "okinawa-transition-1");
        long account = TestSupport.accountId(ds, other);
        long org = partnerOrg();
        json("partner").body(Map.of("admin", false, "title", "生活支援員")).put("/api/organizations/" + org + "/members/" + account)
                .then().statusCode(200).body("title", equalTo("生活支援員"));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'MEMBERSHIP_CHANGED' AND subject = ?",
                "account:" + account), "a new title is audited");
        // the page offers ending it; a plain member of staff and other organizations cannot
        as("partner").get("/organizations/" + org + "/members").then().statusCode(200)
                .body(containsString("/organizations/" + org + "/members/" + account + "/end"));
        as("hw-naha").redirects().follow(false).post("/organizations/" + org + "/members/" + account + "/end").then().statusCode(404);
        as(other).redirects().follow(false).post("/organizations/" + org + "/members/" + account + "/end").then().statusCode(404);
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM membership WHERE account_id = ? AND organization_id = ?", account, org));
        as("partner").redirects().follow(false).post("/organizations/" + org + "/members/" + account + "/end").then().statusCode(303)
                .header("Location", containsString("saved=ended"));
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM membership WHERE account_id = ? AND organization_id = ?", account, org));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'MEMBERSHIP_ENDED' AND subject = ?",
                "account:" + account));
        // the last administrator stays: the page answers 409 with the reason
        long partnerAccount = TestSupport.accountId(ds, "partner@demo.tsunagu.jp");
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM membership m JOIN account a ON a.id = m.account_id"
                + " WHERE m.organization_id = ? AND m.is_admin AND a.active", org), "partner@ is the only administrator");
        as("partner").redirects().follow(false).post("/organizations/" + org + "/members/" + partnerAccount + "/end").then().statusCode(409);
    }

    @ParameterizedTest(name = "{0} asks to join みなみ風ワークス → {1}")
    @CsvSource({"minato, 403", "advisor, 403", "sysadmin, 403", "partner, 403", "admin, 403", "anonymous, 401"})
    void whoMayAskToJoin(String who, int status) {
        long before = TestSupport.count(ds, "membership_request");
        json(who).body(Map.of()).post("/api/organizations/" + partnerOrg() + "/members").then().statusCode(status);
        assertEquals(before, TestSupport.count(ds, "membership_request"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"email\": \"not-an-address\"} | email", "{\"email\": 12} | email",
            "{\"email\": \"x@example.jp\", \"title\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"} | title"
    })
    void badInputNamesTheField(String body, String field) {
        long before = TestSupport.count(ds, "membership");
        json("partner").body(body).post("/api/organizations/" + partnerOrg() + "/members").then().statusCode(400)
                .body("errors.field", hasItem(field)).body("message.en", not(equalTo("")));
        assertEquals(before, TestSupport.count(ds, "membership"));
    }

    @Test
    void malformedIdsAndBodies() {
        json("partner").body("{").post("/api/organizations/" + partnerOrg() + "/members").then().statusCode(400);
        json("partner").body(Map.of()).put("/api/organizations/" + partnerOrg() + "/members/1").then().statusCode(400)
                .body("errors[0].field", equalTo("admin"));
        as("partner").get("/api/organizations/abc/members").then().statusCode(400);
        as("partner").get("/api/organizations/99999999/members").then().statusCode(404);
        as("partner").post("/api/memberships/99999999/approve").then().statusCode(404);
        as("partner").post("/api/memberships/abc/approve").then().statusCode(400);
        given().post("/api/memberships/1/approve").then().statusCode(401);
        json("partner").body(Map.of("admin", true)).put("/api/organizations/" + partnerOrg() + "/members/99999999").then().statusCode(404);
    }
}
