package jp.tsunagu.meeting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.support.LiveClient;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recorders (記録係): an organizer names an attendee, who is told and may then write the minutes —
 * the form, the API and the live socket — but not publish, circulate, add action items or name
 * others; taking the role back (or revoking the invitation) ends it, an open socket included;
 * only an invitee with an account of this meeting can be named, and only by those who run it.
 */
@QuarkusTest
class MinutesRecorderTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    MockMailbox mailbox;

    @Inject
    jp.tsunagu.platform.live.LiveScript script;

    @TestHTTPResource("/")
    java.net.URL base;

    long meeting;
    long partnerInvitee;

    /** A held meeting run by ブリッジ; 金城 (partner) and hw-naha invited; someone invited by address only. */
    @BeforeEach
    void meeting() {
        meeting = TestSupport.heldMeetingCopy(ds, "記録係テスト");
        TestSupport.update(ds, "INSERT INTO meeting_organizer (meeting_id, organization_id, consented_at)"
                + " SELECT ?, id, now() FROM organization WHERE code = 'okinawa-bridge'", meeting);
        TestSupport.update(ds, "INSERT INTO meeting_invitee (meeting_id, account_id, name, email, token_hash, response)"
                + " SELECT ?, a.id, a.display_name, a.email, md5(random()::text), 'IN_PERSON' FROM account a"
                + " WHERE a.email IN ('partner@demo.tsunagu.jp', 'hw-naha@demo.tsunagu.jp')", meeting);
        TestSupport.update(ds, "INSERT INTO meeting_invitee (meeting_id, name, email, token_hash, response)"
                + " VALUES (?, '外部 太郎', 'outside@example.org', md5(random()::text), 'IN_PERSON')", meeting);
        partnerInvitee = TestSupport.id(ds, "SELECT i.id FROM meeting_invitee i JOIN account a ON a.id = i.account_id"
                + " WHERE i.meeting_id = ? AND a.email = 'partner@demo.tsunagu.jp'", meeting);
        mailbox.clear();
    }

    String api(String tail) {
        return "/api/meetings/" + meeting + "/minutes" + tail;
    }

    Map<String, Object> minutes(int version, String content) {
        return Map.of("version", version, "items", List.of(Map.of("theme", "就労移行の状況", "content", content)));
    }

    @Test
    void aNamedRecorderWritesTheTextButNothingElse() {
        // before being named: an invitee may not open the editor, save or open the socket
        TestSupport.as("partner").get("/meetings/" + meeting + "/minutes/edit").then().statusCode(404);
        TestSupport.json("partner").body(minutes(0, "x")).put(api("")).then().statusCode(403);
        assertEquals(404, LiveClient.upgradeStatus(base.getHost(), base.getPort(), meeting, TestSupport.token(TestSupport.email("partner")), Map.of()));

        TestSupport.json("bridge").body(Map.of("inviteeId", partnerInvitee)).post(api("/recorders")).then().statusCode(200)
                .body("named.inviteeId", hasItem((int) partnerInvitee)).body("candidates.inviteeId", not(hasItem((int) partnerInvitee)))
                .body("candidates.name", not(hasItem("外部 太郎")));
        assertEquals(1, mailbox.getMailsSentTo("partner@demo.tsunagu.jp").size(), "the recorder is told by mail");
        assertTrue(mailbox.getMailsSentTo("partner@demo.tsunagu.jp").get(0).getText().contains("/meetings/" + meeting + "/minutes/edit"));
        // naming again changes nothing and tells no one twice
        TestSupport.json("bridge").body(Map.of("inviteeId", partnerInvitee)).post(api("/recorders")).then().statusCode(200);
        assertEquals(1, mailbox.getMailsSentTo("partner@demo.tsunagu.jp").size());

        // the meeting page leads the recorder to the editor, and no one else who is merely invited
        TestSupport.as("partner").get("/meetings/" + meeting).then().statusCode(200).body(containsString("議事録を書く（記録係）"));
        TestSupport.as("hw-naha").get("/meetings/" + meeting).then().statusCode(200).body(not(containsString("議事録を書く（記録係）")));
        TestSupport.as("partner").get("/meetings/" + meeting + "/minutes/edit").then().statusCode(200)
                .body(containsString("記録係として")).body(not(containsString("/minutes/publish")))
                .body(not(containsString("/minutes/circulate"))).body(not(containsString("/minutes/actions")))
                .body(not(containsString("/minutes/recorders")));
        TestSupport.json("partner").body(minutes(0, "記録係が書いた内容")).put(api("")).then().statusCode(200);
        assertEquals(101, LiveClient.upgradeStatus(base.getHost(), base.getPort(), meeting, TestSupport.token(TestSupport.email("partner")), Map.of()));

        // what stays with the organizers
        TestSupport.json("partner").body(Map.of("acknowledgeWarnings", true)).post(api("/publish")).then().statusCode(org.hamcrest.Matchers.either(
                org.hamcrest.Matchers.is(403)).or(org.hamcrest.Matchers.is(404)));
        TestSupport.json("partner").body(Map.of("days", 7)).post(api("/circulate")).then().statusCode(org.hamcrest.Matchers.either(
                org.hamcrest.Matchers.is(403)).or(org.hamcrest.Matchers.is(404)));
        TestSupport.json("partner").body(Map.of("inviteeId", partnerInvitee)).post(api("/recorders")).then().statusCode(org.hamcrest.Matchers.either(
                org.hamcrest.Matchers.is(403)).or(org.hamcrest.Matchers.is(404)));
        TestSupport.as("partner").get(api("/recorders")).then().statusCode(404);
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM meeting WHERE id = ? AND (minutes_published_at IS NOT NULL"
                + " OR minutes_circulated_at IS NOT NULL)", meeting));
        // another attendee is not a recorder
        TestSupport.as("hw-naha").get("/meetings/" + meeting + "/minutes/edit").then().statusCode(404);
    }

    @Test
    void takingTheRoleBackOrRevokingTheInvitationEndsIt() {
        TestSupport.json("bridge").body(Map.of("inviteeId", partnerInvitee)).post(api("/recorders")).then().statusCode(200);
        LiveClient live = LiveClient.open(base.getHost(), base.getPort(), meeting, TestSupport.token(TestSupport.email("partner")), Map.of());
        try {
            live.sync();
            TestSupport.as("bridge").delete(api("/recorders/" + partnerInvitee)).then().statusCode(200)
                    .body("named", org.hamcrest.Matchers.empty());
            assertEquals(LiveMinutes.NO_ACCESS, live.closeCode(), "the recorder's socket closes within a second");
        } finally {
            live.abort();
        }
        TestSupport.json("partner").body(minutes(0, "x")).put(api("")).then().statusCode(403);
        TestSupport.as("bridge").delete(api("/recorders/" + partnerInvitee)).then().statusCode(404);

        TestSupport.json("bridge").body(Map.of("inviteeId", partnerInvitee)).post(api("/recorders")).then().statusCode(200);
        TestSupport.as("partner").get("/meetings/" + meeting + "/minutes/edit").then().statusCode(200);
        TestSupport.update(ds, "UPDATE meeting_invitee SET revoked_at = now() WHERE id = ?", partnerInvitee);
        TestSupport.as("partner").get("/meetings/" + meeting + "/minutes/edit").then().statusCode(404);
    }

    @Test
    void aRecordersUpdateAfterPublicationIsNeitherStoredNorRelayed() {
        TestSupport.json("bridge").body(Map.of("inviteeId", partnerInvitee)).post(api("/recorders")).then().statusCode(200);
        TestSupport.json("bridge").body(minutes(0, "主催者の記録")).put(api("")).then().statusCode(200);
        LiveClient organizer = LiveClient.open(base.getHost(), base.getPort(), meeting, TestSupport.token(TestSupport.email("bridge")), Map.of());
        LiveClient recorder = LiveClient.open(base.getHost(), base.getPort(), meeting, TestSupport.token(TestSupport.email("partner")), Map.of());
        try {
            organizer.sync();
            String doc = recorder.sync();
            String edit = script.call("clientEdit", doc, 701, 0, "content", 0, "公開後の記録係").await().atMost(java.time.Duration.ofSeconds(20));
            long before = TestSupport.id(ds, "SELECT count(*) FROM minutes_update WHERE meeting_id = ?", meeting);
            TestSupport.json("bridge").body(Map.of("acknowledgeWarnings", true)).post(api("/publish")).then().statusCode(200);
            // at once, before any sweep could have asked again
            recorder.send(LiveClient.update(1, edit, meeting));
            assertEquals(LiveMinutes.NO_ACCESS, recorder.closeCode());
            assertEquals(before, TestSupport.id(ds, "SELECT count(*) FROM minutes_update WHERE meeting_id = ?", meeting),
                    "not stored");
            Thread.sleep(1500);
            assertTrue(organizer.messages.stream().noneMatch(m -> "update".equals(m.getString("type"))
                    || "updates".equals(m.getString("type"))), "nothing relayed to the organizer");
            assertFalse(TestSupport.text(ds, "SELECT coalesce(string_agg(content, '/'), '') FROM minutes_item WHERE meeting_id = ?", meeting)
                    .contains("公開後の記録係"));
            // the organizer's correction after it still reaches the stored minutes (the document was read again)
            String orgDoc = doc;
            String correction = script.call("clientEdit", orgDoc, 702, 0, "results", 0, "主催者の訂正").await().atMost(java.time.Duration.ofSeconds(20));
            organizer.send(LiveClient.update(1, correction, meeting));
            assertEquals(1L, organizer.next("ack").getLong("id"));
            long until = System.currentTimeMillis() + 8000;
            String text = "";
            while (System.currentTimeMillis() < until && !text.contains("主催者の訂正")) {
                Thread.sleep(200);
                text = TestSupport.text(ds, "SELECT coalesce(string_agg(coalesce(results, ''), '/'), '') FROM minutes_item WHERE meeting_id = ?", meeting);
            }
            assertTrue(text.contains("主催者の訂正"), "derived after the refusal: " + text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            organizer.abort();
            recorder.abort();
        }
    }

    @Test
    void onlyAnInviteeWithAnAccountOfThisMeetingByThoseWhoRunIt() {
        long outsider = TestSupport.id(ds, "SELECT id FROM meeting_invitee WHERE meeting_id = ? AND account_id IS NULL", meeting);
        long otherMeeting = TestSupport.id(ds, "SELECT id FROM meeting_invitee WHERE meeting_id <> ? AND account_id IS NOT NULL"
                + " AND revoked_at IS NULL ORDER BY id LIMIT 1", meeting);
        for (Object bad : new Object[] {outsider, otherMeeting, -1, 0, "abc", 9_999_999_999L}) {
            TestSupport.json("bridge").body(Map.of("inviteeId", bad)).post(api("/recorders")).then().statusCode(400)
                    .body("errors.field", hasItem("inviteeId"));
        }
        TestSupport.json("bridge").body("{}").post(api("/recorders")).then().statusCode(400).body("errors.field", hasItem("inviteeId"));
        TestSupport.json("bridge").body("[1]").post(api("/recorders")).then().statusCode(400);
        TestSupport.json("hw-naha").body(Map.of("inviteeId", partnerInvitee)).post(api("/recorders")).then().statusCode(403);
        TestSupport.json("csa").body(Map.of("inviteeId", partnerInvitee)).post(api("/recorders")).then().statusCode(404);
        given().contentType("application/json").body(Map.of("inviteeId", partnerInvitee)).post(api("/recorders")).then().statusCode(401);
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE records_minutes"
                + " AND meeting_id = ?", meeting));

        // the page's form: refused with the field named, then named
        TestSupport.as("bridge").contentType("application/x-www-form-urlencoded").formParam("inviteeId", "")
                .post("/meetings/" + meeting + "/minutes/recorders").then().statusCode(400).body(containsString("inviteeId"));
        TestSupport.as("bridge").contentType("application/x-www-form-urlencoded").formParam("inviteeId", String.valueOf(partnerInvitee))
                .redirects().follow(false).post("/meetings/" + meeting + "/minutes/recorders").then().statusCode(303);
        TestSupport.as("bridge").get("/meetings/" + meeting + "/minutes/edit").then().statusCode(200).body(containsString("/minutes/recorders/"
                + partnerInvitee + "/remove"));
    }
}
