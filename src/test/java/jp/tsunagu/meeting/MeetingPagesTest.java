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
