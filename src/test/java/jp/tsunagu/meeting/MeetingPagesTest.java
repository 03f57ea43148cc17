package jp.tsunagu.meeting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The meeting page's forms, one route per use case: each redirects back to its section, or shows
 * the page again with the errors; cancelling goes only through its own confirmation page.
 */
@QuarkusTest
class MeetingPagesTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    MockMailbox mailbox;

    static RequestSpecification page(String who) {
        return given().header("Authorization", "Bearer " + TestSupport.token(who + "@demo.tsunagu.jp"))
                .contentType(ContentType.URLENC.withCharset("UTF-8")).accept("text/html").redirects().follow(false);
    }

    long draft(String title) {
        long bridge = TestSupport.orgId(ds, "okinawa-bridge");
        return given().header("Authorization", "Bearer " + TestSupport.token("bridge@demo.tsunagu.jp"))
                .contentType(ContentType.JSON).body(Map.of("kind", "EXCHANGE", "title", title, "organizerIds", List.of(bridge),
                        "circleId", TestSupport.circleId(ds, "okinawa-south-exchange"), "format", "IN_PERSON",
                        "venues", List.of(Map.of("name", "那覇市 会議室"))))
                .post("/api/meetings").then().statusCode(201).extract().jsonPath().getLong("summary.id");
    }

    /**
     * The meetings page at a center with a long history: the upcoming ones soonest first, then the
     * thirty latest past ones it may see, found past a stretch of newer ones it may not (another
     * organization's drafts in its circle), latest first.
     */
    @Test
    void theMeetingsPageListsTheThirtyLatestPastMeetingsTheViewerMaySee() {
        String nonce = Long.toString(System.nanoTime(), 36);
        long mine = TestSupport.id(ds, "INSERT INTO organization (code, name, org_type, prefecture_code) VALUES (?, ?, 'TRANSITION_SUPPORT', 47)"
                + " RETURNING id", "hist-" + nonce, "（架空）歴史ある事業所 " + nonce);
        long other = TestSupport.id(ds, "INSERT INTO organization (code, name, org_type, prefecture_code) VALUES (?, ?, 'TRANSITION_SUPPORT', 47)"
                + " RETURNING id", "hist-other-" + nonce, "（架空）別の事業所 " + nonce);
        long circle = TestSupport.id(ds, "INSERT INTO circle (code, name, kind, prefecture_code) VALUES (?, ?, 'EXCHANGE_MEETING', 47) RETURNING id",
                "hist-circle-" + nonce, "（架空）歴史の圏域 " + nonce);
        TestSupport.update(ds, "INSERT INTO circle_member (circle_id, organization_id) VALUES (?, ?), (?, ?)", circle, mine, circle, other);
        String email = TestSupport.throwAwayAccount(ds, "partner-staff", TestSupport.PASSWORD);
        TestSupport.update(ds, "INSERT INTO membership (account_id, organization_id, title) SELECT id, ?, '支援員' FROM account WHERE email = ?",
                mine, email);
        String meeting = "WITH m AS (INSERT INTO meeting (kind, title, format, starts_at, ends_at, status, host_org_id, circle_id)"
                + " SELECT 'EXCHANGE', ? || ' ' || g, 'IN_PERSON', now() - (? || ' days')::interval - g * interval '1 day',"
                + " now() - (? || ' days')::interval - g * interval '1 day' + interval '2 hours', ?, ?, ? FROM generate_series(1, ?) g RETURNING id, host_org_id)"
                + " INSERT INTO meeting_organizer (meeting_id, organization_id, consented_at) SELECT id, host_org_id, now() FROM m";
        // 35 held ones of its own, older than 70 drafts of the other organization in the same circle
        TestSupport.update(ds, meeting, "自分の会 " + nonce, "100", "100", "HELD", mine, circle, 35);
        TestSupport.update(ds, meeting, "他所の下書き " + nonce, "2", "2", "DRAFT", other, circle, 70);
        // and two to come
        TestSupport.update(ds, meeting, "これからの会 " + nonce, "-30", "-30", "SCHEDULED", mine, circle, 2);

        String html = given().header("Authorization", "Bearer " + TestSupport.token(email)).accept("text/html").get("/meetings")
                .then().statusCode(200).extract().asString();
        String upcoming = html.substring(html.indexOf("id=\"h-upcoming\""), html.indexOf("id=\"h-past\""));
        String past = html.substring(html.indexOf("id=\"h-past\""), html.indexOf("id=\"h-new\""));
        // upcoming: soonest first (g = 2 is 28 days ahead, g = 1 is 29)
        assertTrue(upcoming.indexOf("これからの会 " + nonce + " 2") < upcoming.indexOf("これからの会 " + nonce + " 1")
                && upcoming.contains("これからの会 " + nonce + " 1"), upcoming);
        assertTrue(!html.contains("他所の下書き " + nonce), "another organization's drafts are not listed");
        // past: its own 1..30 (latest first), not 31..35
        int at = -1;
        for (int g = 1; g <= 30; g++) {
            int next = past.indexOf("自分の会 " + nonce + " " + g + "<");
            assertTrue(next > at, "past meeting " + g + " listed after the one before it");
            at = next;
        }
        for (int g = 31; g <= 35; g++) {
            assertTrue(!past.contains("自分の会 " + nonce + " " + g + "<"), "only thirty past meetings: " + g);
        }
    }

    @Test
    void theStatusFormKeepsTheCurrentStatusAndNeverCancels() {
        long id = draft("ページ試験 状態");
        // the current status selected: nothing changes
        page("bridge").formParam("status", "DRAFT").formParam("version", "0").post("/meetings/" + id + "/status")
                .then().statusCode(303).header("Location", containsString("saved=unchanged"));
        assertEquals("DRAFT", TestSupport.text(ds, "SELECT status FROM meeting WHERE id = ?", id));
        // cancelling is not a status choice: refused with the field named, the page shown again
        page("bridge").formParam("status", "CANCELLED").formParam("version", "0").post("/meetings/" + id + "/status")
                .then().statusCode(400).body(containsString("error-summary")).body(containsString("href=\"#status\""));
        assertEquals("DRAFT", TestSupport.text(ds, "SELECT status FROM meeting WHERE id = ?", id));
        // nor with spaces around it (the form's value is trimmed where it is read)
        page("bridge").formParam("status", " CANCELLED ").formParam("version", "0").post("/meetings/" + id + "/status")
                .then().statusCode(400);
        assertEquals("DRAFT", TestSupport.text(ds, "SELECT status FROM meeting WHERE id = ?", id));
        // a stale version: 409, the page again, nothing changed
        page("bridge").formParam("version", "7").post("/meetings/" + id + "/cancel").then().statusCode(409)
                .body(containsString("error-summary"));
        assertEquals("DRAFT", TestSupport.text(ds, "SELECT status FROM meeting WHERE id = ?", id));
        // someone who may not run it: 404, as if it did not exist
        page("partner").formParam("version", "0").post("/meetings/" + id + "/cancel").then().statusCode(404);
        assertEquals("DRAFT", TestSupport.text(ds, "SELECT status FROM meeting WHERE id = ?", id));
        // the confirmation page, then the cancellation
        page("bridge").get("/meetings/" + id + "/cancel").then().statusCode(200).body(containsString("ページ試験 状態"));
        page("bridge").formParam("version", "0").post("/meetings/" + id + "/cancel").then().statusCode(303)
                .header("Location", containsString("saved=cancelled"));
        assertEquals("CANCELLED", TestSupport.text(ds, "SELECT status FROM meeting WHERE id = ?", id));
        // a cancelled meeting has nothing left to cancel
        page("bridge").get("/meetings/" + id + "/cancel").then().statusCode(303);
    }

    @Test
    void eachFormHasItsOwnRouteAndRedirectsToItsSection() {
        long id = draft("ページ試験 候補日");
        String day = jp.tsunagu.platform.time.JapaneseCalendar.today().plusDays(30).toString();
        page("bridge").formParam("slotDate0", day).formParam("slotStart0", "15:00").formParam("slotEnd0", "16:30")
                .post("/meetings/" + id + "/poll/slots").then().statusCode(303).header("Location", containsString("#poll"));
        // a slot without its end: 400 naming the field, nothing stored
        long before = TestSupport.id(ds, "SELECT count(*) FROM poll_slot WHERE meeting_id = ?", id);
        page("bridge").formParam("slotDate0", day).formParam("slotStart0", "15:00")
                .post("/meetings/" + id + "/poll/slots").then().statusCode(400).body(containsString("href=\"#slotEnd0\""));
        assertEquals(before, TestSupport.id(ds, "SELECT count(*) FROM poll_slot WHERE meeting_id = ?", id));
        // inviting by prefecture: a prefecture outside 1–47 is refused by name
        page("bridge").formParam("prefectureCode", "48").formParam("organizationType", "HELLO_WORK")
                .post("/meetings/" + id + "/invitations").then().statusCode(400).body(containsString("href=\"#prefectureCode\""));
        // an address only a bracketed or quoted form would have is refused by name, nothing stored
        long invitees = TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE meeting_id = ?", id);
        TestSupport.json("bridge").body(Map.of("persons", List.of(Map.of("name", "試験", "email", "//x@[y.z"))))
                .post("/api/meetings/" + id + "/invitations").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("persons[0].email"));
        assertEquals(invitees, TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE meeting_id = ?", id));
        // the hidden action field is gone: posting to the meeting itself is no use case
        page("bridge").formParam("action", "status").formParam("status", "CANCELLED").post("/meetings/" + id)
                .then().statusCode(405);
        assertEquals("SCHEDULING", TestSupport.text(ds, "SELECT status FROM meeting WHERE id = ?", id));
    }

    @Test
    void aRefusedFieldIsMarkedWhereItIsAndInTheSummary() {
        long before = TestSupport.count(ds, "meeting");
        String html = page("bridge").formParam("title", "").formParam("kind", "EXCHANGE").formParam("format", "IN_PERSON")
                .formParam("venueName", "会場").formParam("capacity", "0").post("/meetings").then().statusCode(400)
                .extract().asString();
        // the summary links to the field, the field says what is wrong and is marked invalid, described by its message
        assertTrue(html.contains("href=\"#capacity\""), html);
        assertTrue(html.matches("(?s).*<input id=\"capacity\" name=\"capacity\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"capacity-error\".*"), html);
        assertTrue(html.contains("<p class=\"field-error\" id=\"capacity-error\">"), html);
        // what was typed stays
        assertTrue(html.matches("(?s).*<input id=\"venueName\" name=\"venueName\" type=\"text\" value=\"会場\".*"), html);
        // a field with a hint and no error is described by the hint alone
        assertTrue(html.contains("aria-describedby=\"date-hint\""), html);
        assertEquals(before, TestSupport.count(ds, "meeting"));
    }
}
