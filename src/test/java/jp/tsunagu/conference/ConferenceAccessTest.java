package jp.tsunagu.conference;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.tsunagu.conference.ConferenceFixture.as;
import static jp.tsunagu.conference.ConferenceFixture.demo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may see and do what with a case conference, endpoint by endpoint, for the positions the
 * rules name: the facilitator (bridge@) and presenter (partner@) after pledging, an attendee
 * before pledging (hw-naha@, recorder), a member of the circle who is not an attendee, the
 * secretariat (admin@), a sysadmin, an attendee who was removed after reading, and anonymous
 * visitors. Material answers 404 to everyone but attendees who pledged, and refused writes
 * change nothing.
 */
@QuarkusTest
class ConferenceAccessTest {

    static Long conference;
    static String circleMember;
    static String removed;

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void setUp() {
        if (conference != null) {
            return;
        }
        circleMember = ConferenceFixture.staffOf(ds, "okinawa-vocational-center");
        removed = ConferenceFixture.staffOf(ds, "okinawa-transition-2");
        conference = ConferenceFixture.create(ds, LocalDateTime.now().plusDays(10).withNano(0).toString(), 30,
                Map.of(demo("partner"), "PRESENTER", demo("hw-naha"), "RECORDER", removed, "PARTICIPANT"));
        ConferenceFixture.pledge(demo("bridge"), conference);
        ConferenceFixture.pledge(demo("partner"), conference);
        ConferenceFixture.pledge(removed, conference);
        as(demo("partner")).contentType(ContentType.JSON).body(ConferenceFixture.caseBody(0, "① 家計が苦しい。"))
                .put("/api/conferences/" + conference + "/case").then().statusCode(200);
        as(removed).get("/api/conferences/" + conference + "/case").then().statusCode(200);
        // the facilitator removes the participant: same list without them
        Map<String, Object> detail = as(demo("bridge")).get("/api/conferences/" + conference).then().statusCode(200)
                .extract().jsonPath().getMap("");
        Map<String, Object> update = new HashMap<>();
        update.put("title", "事例検討会（試験）");
        update.put("format", "NONAKA");
        update.put("legalBasis", "STATUTORY");
        update.put("startsAt", LocalDateTime.now().plusDays(10).withNano(0).toString());
        update.put("retentionDays", 30);
        update.put("version", detail.get("version"));
        update.put("attendees", List.of(
                Map.of("accountId", ConferenceFixture.account(ds, demo("bridge")), "role", "FACILITATOR"),
                Map.of("accountId", ConferenceFixture.account(ds, demo("partner")), "role", "PRESENTER"),
                Map.of("accountId", ConferenceFixture.account(ds, demo("hw-naha")), "role", "RECORDER")));
        as(demo("bridge")).contentType(ContentType.JSON).body(update).put("/api/conferences/" + conference)
                .then().statusCode(200);
    }

    String who(String position) {
        return switch (position) {
            case "facilitator" -> demo("bridge");
            case "presenter" -> demo("partner");
            case "before-pledge" -> demo("hw-naha");
            case "circle-member" -> circleMember;
            case "network-admin" -> demo("admin");
            case "sysadmin" -> demo("sysadmin");
            case "removed" -> removed;
            default -> null;
        };
    }

    @ParameterizedTest(name = "{0} GET {1} → {2}")
    @CsvSource({
            "facilitator, '', 200", "presenter, '', 200", "before-pledge, '', 200", "circle-member, '', 200",
            "network-admin, '', 200", "sysadmin, '', 404", "removed, '', 200", "anonymous, '', 401",
            "facilitator, /case, 200", "presenter, /case, 200", "before-pledge, /case, 404", "circle-member, /case, 404",
            "network-admin, /case, 404", "sysadmin, /case, 404", "removed, /case, 404", "anonymous, /case, 401",
            "facilitator, /board, 200", "presenter, /board, 200", "before-pledge, /board, 404", "circle-member, /board, 404",
            "network-admin, /board, 404", "sysadmin, /board, 404", "removed, /board, 404", "anonymous, /board, 401",
            "facilitator, /phase, 200", "presenter, /phase, 200", "before-pledge, /phase, 200", "circle-member, /phase, 404",
            "network-admin, /phase, 404", "sysadmin, /phase, 404", "removed, /phase, 404", "anonymous, /phase, 401",
            "facilitator, /access-log, 200", "presenter, /access-log, 200", "before-pledge, /access-log, 404",
            "circle-member, /access-log, 404", "network-admin, /access-log, 404", "sysadmin, /access-log, 404",
            "removed, /access-log, 404", "anonymous, /access-log, 401",
            "facilitator, /learnings, 200", "presenter, /learnings, 200", "before-pledge, /learnings, 404",
            "circle-member, /learnings, 404", "network-admin, /learnings, 404", "sysadmin, /learnings, 404",
            "removed, /learnings, 404", "anonymous, /learnings, 401",
    })
    void reads(String position, String suffix, int status) {
        as(who(position)).get("/api/conferences/" + conference + suffix).then().statusCode(status);
    }

    @ParameterizedTest(name = "{0} page {1} → {2}")
    @CsvSource({
            "facilitator, /case, 200", "before-pledge, /case, 303", "circle-member, /case, 404", "network-admin, /case, 404",
            "sysadmin, /case, 404", "removed, /case, 404", "facilitator, /print, 200", "network-admin, /print, 404",
            "sysadmin, /board, 404", "removed, /board, 404", "presenter, /log, 200", "before-pledge, /log, 404",
            "network-admin, /log, 404", "circle-member, '', 200", "sysadmin, '', 404",
    })
    void pages(String position, String suffix, int status) {
        as(who(position)).accept("text/html").redirects().follow(false).get("/conferences/" + conference + suffix)
                .then().statusCode(status);
    }

    @Test
    void pagesNeverShowMaterialOutsideTheAttendees() {
        for (String position : List.of("circle-member", "network-admin", "removed")) {
            String html = as(who(position)).accept("text/html").get("/conferences/" + conference).then().extract().asString();
            assertEquals(false, html.contains("家計が苦しい"), position);
            assertEquals(false, html.contains("/conferences/" + conference + "/case"), position);
        }
    }

    /** Material writes answer 404 to all of them; running the phases answers 403 to those who see the conference. */
    @ParameterizedTest(name = "{0} writes → {1}, phase → {2}")
    @CsvSource({
            "before-pledge, 404, 403", "circle-member, 404, 403", "network-admin, 404, 403", "sysadmin, 404, 404",
            "removed, 404, 403", "anonymous, 401, 401",
    })
    void refusedWritesChangeNothing(String position, int status, int phaseStatus) {
        long reads = TestSupport.count(ds, "conference_read");
        long board = TestSupport.count(ds, "board_entry");
        long learnings = TestSupport.count(ds, "learning");
        String sheet = TestSupport.text(ds, "SELECT factors || version FROM case_sheet WHERE conference_id = ?", conference);
        String path = "/api/conferences/" + conference;
        as(who(position)).contentType(ContentType.JSON).body(ConferenceFixture.caseBody(1, "書き換え"))
                .put(path + "/case").then().statusCode(status);
        as(who(position)).contentType(ContentType.JSON).body(Map.of("kind", "NOTE", "body", "メモ"))
                .post(path + "/board").then().statusCode(status);
        as(who(position)).contentType(ContentType.JSON).body(Map.of("action", "START", "version", 0))
                .post(path + "/phase").then().statusCode(phaseStatus);
        as(who(position)).contentType(ContentType.JSON).body(Map.of("kind", "IDEA", "body", "学び"))
                .post(path + "/learnings").then().statusCode(status);
        assertEquals(reads, TestSupport.count(ds, "conference_read"));
        assertEquals(board, TestSupport.count(ds, "board_entry"));
        assertEquals(learnings, TestSupport.count(ds, "learning"));
        assertEquals(sheet, TestSupport.text(ds, "SELECT factors || version FROM case_sheet WHERE conference_id = ?", conference));
    }

    @Test
    void attendeesWithTheWrongRoleGet403() {
        String path = "/api/conferences/" + conference;
        as(demo("partner")).contentType(ContentType.JSON).body(Map.of("kind", "NOTE", "body", "メモ"))
                .post(path + "/board").then().statusCode(403);
        as(demo("partner")).contentType(ContentType.JSON).body(Map.of("action", "START", "version", 0))
                .post(path + "/phase").then().statusCode(403);
        as(demo("partner")).contentType(ContentType.JSON).body(Map.of("title", "x", "format", "FREE", "legalBasis", "STUDY",
                "startsAt", "2026-12-24T15:00:00", "version", 0)).put(path).then().statusCode(403);
    }

    @Test
    void listsFollowTheSameRule() {
        String title = "事例検討会（試験）";
        as(circleMember).get("/api/conferences").then().statusCode(200).body("title", hasItem(title));
        as(demo("admin")).get("/api/conferences").then().statusCode(200).body("title", hasItem(title));
        as(demo("sysadmin")).get("/api/conferences").then().statusCode(200).body("title", not(hasItem(title)));
        as(demo("csa")).get("/api/conferences").then().statusCode(200).body("title", not(hasItem(title)));
        as(demo("sysadmin")).get("/api/learnings").then().statusCode(200);
        as(null).get("/api/learnings").then().statusCode(401);
    }

    @Test
    void theRemovedAttendeesEarlierReadStaysInTheLog() {
        String name = TestSupport.text(ds, "SELECT display_name FROM account WHERE email = ?", removed);
        List<Map<String, Object>> log = as(demo("bridge")).get("/api/conferences/" + conference + "/access-log")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertEquals(true, log.stream().anyMatch(r -> name.equals(r.get("name")) && "CASE".equals(r.get("what"))
                && Boolean.FALSE.equals(r.get("stillAttendee"))), log.toString());
    }
}
