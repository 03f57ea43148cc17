package jp.tsunagu.meeting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
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
 * Seminars with open registration: the public page and form without an account, seats and the
 * waiting list, the same address twice, bad input field by field, closed registration, the
 * organizers' settings, the FY2023 questionnaire split by group, and the registrants' personal
 * data deleted once after the set time.
 */
@QuarkusTest
@Tag("data")
class SeminarTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    MockMailbox mailbox;

    @Inject
    SeminarRetentionJob retention;

    long past;
    long next;

    @BeforeEach
    void ids() {
        past = TestSupport.id(ds, "SELECT id FROM meeting WHERE kind = 'SEMINAR' AND title = '令和5年度 ペア事業 事業報告セミナー'");
        next = TestSupport.id(ds, "SELECT id FROM meeting WHERE kind = 'SEMINAR' AND title = '令和8年度 ペア事業 事業報告セミナー'");
    }

    /** A seminar of its own for a test: capacity, closing and retention as given. */
    long seminar(int capacity, String closes, String endsAt, Integer days) {
        return TestSupport.id(ds, "WITH m AS (INSERT INTO meeting (kind, title, format, starts_at, ends_at, capacity, status,"
                + " public_registration, registration_closes_at, registrant_days, host_org_id)"
                + " SELECT 'SEMINAR', 'テスト研修 ' || gen_random_uuid(), 'IN_PERSON', CAST(? AS timestamptz) - interval '2 hours',"
                + " CAST(? AS timestamptz), CAST(? AS integer), 'SCHEDULED', true, CAST(? AS timestamptz), CAST(? AS integer), o.id"
                + " FROM organization o WHERE o.code = 'national-network' RETURNING id, host_org_id),"
                + " k AS (INSERT INTO meeting_organizer (meeting_id, organization_id, consented_at) SELECT id, host_org_id, now() FROM m)"
                + " SELECT id FROM m", endsAt, endsAt, capacity, closes, days);
    }

    static Map<String, Object> registration(String email) {
        Map<String, Object> m = new HashMap<>(Map.of("name", "（架空）山川 花子", "organization", "（架空）就労移行支援 さくら",
                "organizationType", "TRANSITION_SUPPORT", "email", email, "attend", "IN_PERSON", "consent", true));
        return m;
    }

    static String email() {
        return "reg-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    int runRetention() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> retention.run());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anyoneRegistersOnThePublicPageAndGetsTheirLinkTheSameAddressTwiceStaysOne() {
        given().accept("text/html").get("/seminars/" + next).then().statusCode(200)
                .body(containsString("令和8年度 ペア事業 事業報告セミナー")).body(containsString("action=\"/seminars/" + next + "/register\""))
                .body(not(containsString("meet.example.jp")));   // the online link only through the personal link
        String address = email();
        mailbox.clear();
        given().contentType(ContentType.JSON).body(registration(address)).post("/api/seminars/" + next + "/registrations")
                .then().statusCode(202).body("received", equalTo(true));
        List<Mail> mails = mailbox.getMailsSentTo(address);
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getText().contains("/p/"), mails.get(0).getText());
        given().contentType(ContentType.JSON).body(registration(address.toUpperCase())).post("/api/seminars/" + next + "/registrations")
                .then().statusCode(202).body("received", equalTo(true));
        assertEquals(2, mailbox.getMailsSentTo(address).size(), "the link once more");
        given().contentType(ContentType.JSON).body(registration(address)).post("/api/seminars/" + next + "/registrations")
                .then().statusCode(202);
        assertEquals(2, mailbox.getMailsSentTo(address).size(), "not again within ten minutes");
        // an invited member's address: the same answer, and their invitation is left alone (no mail, the link unchanged)
        String member = email();
        String hash = "test-hash-" + UUID.randomUUID();
        TestSupport.update(ds, "INSERT INTO meeting_invitee (meeting_id, name, email, token_hash, invited_at) VALUES (?, '（架空）招待者', ?, ?, now())",
                next, member, hash);
        given().contentType(ContentType.JSON).body(registration(member)).post("/api/seminars/" + next + "/registrations").then().statusCode(202);
        assertEquals(0, mailbox.getMailsSentTo(member).size());
        assertEquals(hash, TestSupport.text(ds, "SELECT token_hash FROM meeting_invitee WHERE email = ?", member));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE meeting_id = ? AND email = ?", next, address));
        assertEquals("TRANSITION_SUPPORT", TestSupport.text(ds, "SELECT organization_type FROM meeting_invitee WHERE email = ?", address));

        // the form page: a refusal comes back with the field named and what was typed; then the thanks
        given().contentType(ContentType.URLENC.withCharset("UTF-8")).accept("text/html").redirects().follow(false)
                .formParam("name", "（架空）海野 太郎").formParam("organization", "（架空）相談支援 うみ").formParam("organizationType", "CONSULTATION")
                .formParam("email", "x@").formParam("attend", "ONLINE")
                .post("/seminars/" + next + "/register").then().statusCode(400)
                .body(containsString("href=\"#consent\"")).body(containsString("href=\"#email\"")).body(containsString("（架空）相談支援 うみ"));
        given().contentType(ContentType.URLENC.withCharset("UTF-8")).accept("text/html").redirects().follow(false)
                .formParam("name", "（架空）海野 太郎").formParam("organization", "（架空）相談支援 うみ").formParam("organizationType", "CONSULTATION")
                .formParam("email", email()).formParam("attend", "ONLINE").formParam("consent", "on")
                .post("/seminars/" + next + "/register").then().statusCode(303)
                .header("Location", containsString("/seminars/" + next + "?registered=received"));
    }

    @Test
    void badInputIsNamedAndNothingIsStored() {
        long before = TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE meeting_id = ?", next);
        Map<String, Object> bad = registration("not-an-address");
        bad.put("consent", false);
        bad.put("organizationType", "NOPE");
        bad.put("attend", "DECLINED");
        bad.put("name", "");
        List<String> fields = given().contentType(ContentType.JSON).body(bad).post("/api/seminars/" + next + "/registrations")
                .then().statusCode(400).extract().jsonPath().getList("errors.field");
        assertTrue(fields.containsAll(List.of("email", "consent", "organizationType", "name")), fields.toString());
        Map<String, Object> robot = registration(email());
        robot.put("website", "http://spam.example");
        // a robot is told what everyone is told, and nothing is stored or mailed
        mailbox.clear();
        given().contentType(ContentType.JSON).body(robot).post("/api/seminars/" + next + "/registrations").then().statusCode(202);
        assertEquals(0, mailbox.getTotalMessagesSent());
        Map<String, Object> declined = registration(email());
        declined.put("attend", "DECLINED");
        given().contentType(ContentType.JSON).body(declined).post("/api/seminars/" + next + "/registrations").then().statusCode(400)
                .body("errors.field", hasItem("attend"));
        given().contentType(ContentType.JSON).body("{}").post("/api/seminars/" + next + "/registrations").then().statusCode(400);
        given().contentType(ContentType.JSON).body("[").post("/api/seminars/" + next + "/registrations").then().statusCode(400);
        assertEquals(before, TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE meeting_id = ?", next));
        // a meeting that is not a public seminar is not there at all
        long plain = TestSupport.id(ds, "SELECT id FROM meeting WHERE NOT public_registration ORDER BY id LIMIT 1");
        given().get("/api/seminars/" + plain).then().statusCode(404);
        given().accept("text/html").get("/seminars/" + plain).then().statusCode(404);
        given().contentType(ContentType.JSON).body(registration(email())).post("/api/seminars/" + plain + "/registrations").then().statusCode(404);
        given().get("/api/seminars/999999999").then().statusCode(404);
        given().get("/api/seminars/abc").then().statusCode(400);
    }

    @Test
    void theLastSeatGoesOnceTheNextWaitsAndClosedRegistrationIsRefused() {
        long s = seminar(1, "2099-01-01T00:00:00Z", "2099-01-02T10:00:00Z", null);
        given().contentType(ContentType.JSON).body(registration(email())).post("/api/seminars/" + s + "/registrations")
                .then().statusCode(202).body("received", equalTo(true));
        given().contentType(ContentType.JSON).body(registration(email())).post("/api/seminars/" + s + "/registrations")
                .then().statusCode(202).body("received", equalTo(true));
        given().get("/api/seminars/" + s).then().statusCode(200).body("seatsLeft", equalTo(0));
        Map<String, Object> online = registration(email());
        online.put("attend", "ONLINE");
        given().contentType(ContentType.JSON).body(online).post("/api/seminars/" + s + "/registrations").then().statusCode(400)
                .body("errors.field", hasItem("attend"));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE meeting_id = ? AND waitlisted", s));
        long closed = seminar(10, "2020-01-01T00:00:00Z", "2099-01-02T10:00:00Z", null);
        given().contentType(ContentType.JSON).body(registration(email())).post("/api/seminars/" + closed + "/registrations")
                .then().statusCode(409);
    }

    @Test
    void tenAnHourFromOnePlaceThenWait() {
        long s = seminar(100, "2099-01-01T00:00:00Z", "2099-01-02T10:00:00Z", null);
        for (int i = 0; i < 10; i++) {
            given().contentType(ContentType.JSON).body(registration(email())).post("/api/seminars/" + s + "/registrations").then().statusCode(202);
        }
        given().contentType(ContentType.JSON).body(registration(email())).post("/api/seminars/" + s + "/registrations").then().statusCode(429)
                .header("Retry-After", "3600");
        assertEquals(10, TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE meeting_id = ?", s));
    }

    @Test
    void theOrganizersOpenThePageOthersCannot() {
        long s = seminar(10, "2099-01-01T00:00:00Z", "2099-01-02T10:00:00Z", null);
        json("admin").body(Map.of("publicRegistration", false)).put("/api/meetings/" + s + "/seminar").then().statusCode(200);
        given().get("/api/seminars/" + s).then().statusCode(404);
        json("admin").body(Map.of("publicRegistration", true, "registrantDays", 30, "consentText", "運営にのみ使います。"))
                .put("/api/meetings/" + s + "/seminar").then().statusCode(200);
        given().get("/api/seminars/" + s).then().statusCode(200).body("consentText", equalTo("運営にのみ使います。"));
        json("admin").body(Map.of("publicRegistration", true, "registrantDays", 0)).put("/api/meetings/" + s + "/seminar")
                .then().statusCode(400).body("errors.field", hasItem("registrantDays"));
        json("bridge").body(Map.of("publicRegistration", false)).put("/api/meetings/" + s + "/seminar").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("publicRegistration", false)).put("/api/meetings/" + s + "/seminar")
                .then().statusCode(401);
        long plain = TestSupport.id(ds, "SELECT m.id FROM meeting m JOIN meeting_organizer o ON o.meeting_id = m.id"
                + " JOIN organization g ON g.id = o.organization_id WHERE g.code = 'okinawa-bridge' AND m.kind <> 'SEMINAR' ORDER BY m.id LIMIT 1");
        json("bridge").body(Map.of("publicRegistration", true)).put("/api/meetings/" + plain + "/seminar").then().statusCode(400)
                .body("errors.field", hasItem("publicRegistration"));
    }

    @Test
    void theFy2023QuestionnaireSplitsByGroupAsTheReport() {
        JsonPath g = as("admin").get("/api/meetings/" + past + "/questionnaire/groups").then().statusCode(200).extract().jsonPath();
        assertEquals(166, g.getInt("responses"));
        assertEquals(84, g.getInt("nakapotsu"));
        assertEquals(82, g.getInt("other"));
        String q = "questions.find { it.code == 'satisfaction' }.counts.find { it.option == '%s' }.";
        assertEquals(List.of(60, 38, 22), List.of(g.getInt(q.formatted("very-good") + "all"), g.getInt(q.formatted("very-good") + "nakapotsu"),
                g.getInt(q.formatted("very-good") + "other")));
        assertEquals(List.of(94, 45, 49), List.of(g.getInt(q.formatted("good") + "all"), g.getInt(q.formatted("good") + "nakapotsu"),
                g.getInt(q.formatted("good") + "other")));
        assertEquals(List.of(12, 1, 11), List.of(g.getInt(q.formatted("fair") + "all"), g.getInt(q.formatted("fair") + "nakapotsu"),
                g.getInt(q.formatted("fair") + "other")));
        assertEquals(0, g.getInt(q.formatted("poor") + "all"));
        assertEquals(455, TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE meeting_id = ? AND registered", past));
        assertEquals(165, TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE meeting_id = ? AND organization_type = 'NAKAPOTSU'", past));
        as("bridge").get("/api/meetings/" + past + "/questionnaire/groups").then().statusCode(404);
        as("anonymous").get("/api/meetings/" + past + "/questionnaire/groups").then().statusCode(401);
    }

    @Test
    void registrantsPersonalDataIsDeletedOnceAfterTheSetTime() {
        long s = seminar(10, "2099-01-01T00:00:00Z", "2099-01-02T10:00:00Z", 1);
        String address = email();
        mailbox.clear();
        given().contentType(ContentType.JSON).body(registration(address)).post("/api/seminars/" + s + "/registrations").then().statusCode(202);
        String token = mailbox.getMailsSentTo(address).get(0).getText().replaceAll("(?s).*/p/([A-Za-z0-9_-]+).*", "$1");
        given().get("/api/poll/" + token).then().statusCode(200);
        // not yet due: nothing happens to it
        runRetention();
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE meeting_id = ? AND purged_at IS NOT NULL", s));
        TestSupport.update(ds, "UPDATE meeting SET status = 'HELD', starts_at = now() - interval '3 days 2 hours', ends_at = now() - interval '3 days',"
                + " registration_closes_at = now() - interval '4 days' WHERE id = ?", s);
        assertTrue(runRetention() >= 1);
        assertEquals("（削除済み）", TestSupport.text(ds, "SELECT name FROM meeting_invitee WHERE meeting_id = ?", s));
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE meeting_id = ? AND (email = ? OR organization_name IS NOT NULL)",
                s, address));
        assertEquals("TRANSITION_SUPPORT", TestSupport.text(ds, "SELECT organization_type FROM meeting_invitee WHERE meeting_id = ?", s));
        given().get("/api/poll/" + token).then().statusCode(404);
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM meeting WHERE id = ? AND registrants_purged_at IS NULL", s));
        // once: the next run finds nothing of it
        String purgedAt = TestSupport.text(ds, "SELECT purged_at::text FROM meeting_invitee WHERE meeting_id = ?", s);
        runRetention();
        assertEquals(purgedAt, TestSupport.text(ds, "SELECT purged_at::text FROM meeting_invitee WHERE meeting_id = ?", s));
        // the FY2023 seminar's registrants are long past their time too
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE meeting_id = ? AND registered AND purged_at IS NULL", past));
    }
}
