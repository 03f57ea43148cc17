package jp.tsunagu.meeting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may see and do what with meetings, endpoint by endpoint and role by role, on the demo
 * meetings: the Okinawa series (第0回 held with published minutes, 第1回 being scheduled; run by
 * bridge@ of ブリッジ, circle 沖縄南部 with partner@ and hw-naha@), a draft only its organizer
 * sees, and outsiders (csa@, tortoise@), an advisor, a sysadmin and anonymous visitors. hw-naha@
 * co-hosts 第1回 but not 第0回. Reads a person may not make answer 404 (even of a meeting they
 * see, such as its attendance names); writes to a meeting they see but do not run answer 403. A
 * personal link opens its own meeting and nothing else.
 */
@QuarkusTest
class MeetingAccessTest {
    static Long draft;

    @Inject
    AgroalDataSource ds;

    @Inject
    io.quarkus.mailer.MockMailbox mailbox;

    long held;
    long polling;
    long series;
    long action;

    static String token(String who) {
        return TestSupport.token(TestSupport.email(who));
    }

    static RequestSpecification as(String who) {
        return TestSupport.as(who);
    }

    @BeforeEach
    void ids() {
        held = TestSupport.id(ds, "SELECT id FROM meeting WHERE title = '第0回 就労移行等情報交換会'");
        polling = TestSupport.id(ds, "SELECT id FROM meeting WHERE title = '第1回 就労移行等情報交換会'");
        series = TestSupport.id(ds, "SELECT id FROM meeting_series WHERE title = '就労移行等情報交換会'");
        action = TestSupport.id(ds, "SELECT id FROM action_item WHERE meeting_id = ?", held);
        if (draft == null) {
            draft = as("bridge").contentType(ContentType.JSON).body(Map.of("kind", "EXCHANGE", "title", "権限試験の下書き",
                            "organizerIds", List.of(TestSupport.orgId(ds, "okinawa-bridge")),
                            "circleId", TestSupport.circleId(ds, "okinawa-south-exchange"), "format", "ONLINE",
                            "onlineUrl", "https://meet.example.jp/draft"))
                    .post("/api/meetings").then().statusCode(201).extract().jsonPath().getLong("summary.id");
        }
    }

    String path(String template) {
        return template.replace("{held}", String.valueOf(held)).replace("{polling}", String.valueOf(polling))
                .replace("{draft}", String.valueOf(draft)).replace("{series}", String.valueOf(series));
    }

    @ParameterizedTest(name = "{0} GET {1} → {2}")
    @CsvSource({
            // the list: everyone signed in (scoped, see below)
            "anonymous, /api/meetings, 401", "partner, /api/meetings, 200", "sysadmin, /api/meetings, 200",
            // an announced meeting: organizers, the circle, invitees and the secretariat
            "bridge, /api/meetings/{held}, 200", "partner, /api/meetings/{held}, 200", "hw-naha, /api/meetings/{held}, 200",
            "admin, /api/meetings/{held}, 200", "csa, /api/meetings/{held}, 404", "tortoise, /api/meetings/{held}, 404",
            "advisor, /api/meetings/{held}, 404", "sysadmin, /api/meetings/{held}, 404", "anonymous, /api/meetings/{held}, 401",
            "partner, /api/meetings/{held}/meeting.ics, 200", "csa, /api/meetings/{held}/meeting.ics, 404",
            "partner, /api/meetings/{held}/agenda, 200", "csa, /api/meetings/{held}/agenda, 404",
            // published minutes and their action items: whoever sees the meeting
            "partner, /api/meetings/{held}/minutes, 200", "hw-naha, /api/meetings/{held}/minutes, 200",
            "csa, /api/meetings/{held}/minutes, 404", "sysadmin, /api/meetings/{held}/minutes, 404",
            "anonymous, /api/meetings/{held}/minutes, 401",
            "partner, /api/meetings/{held}/actions, 200", "tortoise, /api/meetings/{held}/actions, 404",
            // names of who came and who was invited: the organizers (and the secretariat) only
            "bridge, /api/meetings/{held}/attendance, 200", "admin, /api/meetings/{held}/attendance, 200",
            "partner, /api/meetings/{held}/attendance, 404", "hw-naha, /api/meetings/{held}/attendance, 404",
            "csa, /api/meetings/{held}/attendance, 404",
            "bridge, /api/meetings/{held}/attendance.csv, 200", "partner, /api/meetings/{held}/attendance.csv, 404",
            "anonymous, /api/meetings/{held}/attendance.csv, 401",
            "bridge, /api/meetings/{polling}/invitations, 200", "partner, /api/meetings/{polling}/invitations, 404",
            "csa, /api/meetings/{polling}/invitations, 404",
            // the poll: whoever sees the meeting
            "partner, /api/meetings/{polling}/poll, 200", "hw-naha, /api/meetings/{polling}/poll, 200",
            "csa, /api/meetings/{polling}/poll, 404", "advisor, /api/meetings/{polling}/poll, 404",
            // a draft: its organizers and the secretariat only
            "bridge, /api/meetings/{draft}, 200", "admin, /api/meetings/{draft}, 200", "partner, /api/meetings/{draft}, 404",
            "hw-naha, /api/meetings/{draft}, 404", "csa, /api/meetings/{draft}, 404",
            "partner, /api/meetings/{draft}/agenda, 404", "partner, /api/meetings/{draft}/poll, 404",
            "partner, /api/meetings/{draft}/meeting.ics, 404",
            // a series: its circle and organizers
            "bridge, /api/series/{series}, 200", "partner, /api/series/{series}, 200", "csa, /api/series/{series}, 404",
            "sysadmin, /api/series/{series}, 404", "anonymous, /api/series/{series}, 401",
            // the same rules on the pages
            "partner, /meetings/{held}, 200", "csa, /meetings/{held}, 404", "sysadmin, /meetings/{held}, 404",
            "partner, /meetings/{held}/minutes, 200", "csa, /meetings/{held}/minutes, 404",
            "bridge, /meetings/{held}/attendance, 200", "partner, /meetings/{held}/attendance, 404",
            "bridge, /meetings/{held}/minutes/edit, 200", "partner, /meetings/{held}/minutes/edit, 404",
            "bridge, /meetings/{held}/agenda, 200", "partner, /meetings/{held}/agenda, 404",
            "partner, /meetings/{draft}, 404", "partner, /series/{series}, 200", "csa, /series/{series}, 404",
            "anonymous, /meetings/{held}, 401",
            // cancelling is asked for on a page of its own, for those who run the meeting
            "bridge, /meetings/{draft}/cancel, 200", "bridge, /meetings/{held}/cancel, 303",
            "partner, /meetings/{draft}/cancel, 404", "partner, /meetings/{held}/cancel, 404",
            "csa, /meetings/{draft}/cancel, 404", "anonymous, /meetings/{draft}/cancel, 401"
    })
    void reads(String who, String template, int status) {
        as(who).redirects().follow(false).get(path(template)).then().statusCode(status);
    }

    @Test
    void listsCountsAndFeedsOnlyHoldWhatTheViewerMaySee() {
        as("csa").get("/api/meetings").then().statusCode(200)
                .body("title", everyItem(not(org.hamcrest.Matchers.containsString("就労移行等情報交換会"))));
        as("partner").get("/api/meetings").then().statusCode(200)
                .body("title", hasItem("第0回 就労移行等情報交換会")).body("title", not(hasItem("権限試験の下書き")));
        as("bridge").get("/api/meetings").then().statusCode(200).body("title", hasItem("権限試験の下書き"));
        as("sysadmin").get("/api/meetings").then().statusCode(200)
                .body("title", not(hasItem("第0回 就労移行等情報交換会")));
        // a calendar feed is rebuilt with its owner's rights: csa's feed has no Okinawa meeting
        String feed = as("csa").contentType(ContentType.JSON).body(Map.of()).post("/api/me/calendar-feeds")
                .then().statusCode(200).extract().jsonPath().getString("url");
        String ics = given().get(feed.replaceAll("^https?://[^/]+", "")).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(ics.contains("就労移行等情報交換会"), "no meeting of another circle");
    }

    @Test
    void aPersonalLinkOpensItsOwnMeetingOnly() {
        // a guest invited to 第1回 gets a link; it opens that meeting's poll, not 第0回's minutes or anything else
        String guest = "access-guest-" + System.nanoTime() + "@example.jp";
        as("bridge").contentType(ContentType.JSON).body(Map.of("persons", List.of(Map.of("name", "権限 確認", "email", guest))))
                .post("/api/meetings/" + polling + "/invitations").then().statusCode(200);
        List<io.quarkus.mailer.Mail> mails = mailbox.getMailsSentTo(guest);
        String link = mails.get(mails.size() - 1).getText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/p/([A-Za-z0-9_-]{43})").matcher(link);
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), "personal link in the mail");
        String token = m.group(1);
        given().get("/api/poll/" + token).then().statusCode(200)
                .body("meeting.title", org.hamcrest.Matchers.equalTo("第1回 就労移行等情報交換会"));
        // the link is not a session: the API behind sign-in stays closed to it
        given().header("Authorization", "Bearer " + token).get("/api/meetings/" + polling).then().statusCode(401);
        given().cookie("tsunagu_session", token).get("/api/meetings/" + held + "/minutes").then().statusCode(401);
        // no questionnaire before minutes are published; a made-up or altered token is unknown
        given().get("/api/poll/" + token + "/questionnaire").then().statusCode(404);
        given().get("/api/poll/" + token.substring(1) + "x").then().statusCode(404);
        given().get("/api/poll/not-a-token").then().statusCode(404);
        given().get("/p/" + token.substring(1) + "x").then().statusCode(404);
    }

    @ParameterizedTest(name = "{0} writes {1} → {2}")
    @CsvSource({
            // a circle member who sees the meeting but does not run it: 403; an outsider: 404; anonymous: 401
            "partner, update, 403", "csa, update, 404", "anonymous, update, 401", "advisor, update, 404",
            "partner, status, 403", "sysadmin, status, 404", "hw-naha, statusHeld, 403",
            "partner, slots, 403", "csa, slots, 404", "anonymous, slots, 401",
            "partner, confirm, 403", "csa, confirm, 404",
            "partner, invite, 403", "csa, invite, 404", "anonymous, invite, 401",
            "partner, revoke, 403", "csa, revoke, 404",
            "partner, agenda, 403", "csa, agenda, 404", "partner, template, 403", "csa, saveTemplate, 404",
            "partner, attendance, 403", "csa, attendance, 404", "anonymous, attendance, 401",
            "partner, minutes, 403", "csa, minutes, 404", "anonymous, minutes, 401",
            "partner, publish, 403", "csa, publish, 404",
            "partner, action, 403", "csa, action, 404", "partner, updateAction, 403", "tortoise, updateAction, 404",
            "partner, followup, 403", "csa, followup, 404",
            "partner, next, 403", "csa, next, 404", "anonymous, next, 401",
            "partner, draftUpdate, 404", "hw-naha, draftAgenda, 404",
            "csa, rsvp, 404", "anonymous, rsvp, 401"
    })
    void writesAreRefused(String who, String what, int status) {
        String[] tables = {"meeting", "poll_slot", "meeting_invitee", "agenda_item", "agenda_template", "attendance",
                "minutes_item", "action_item", "meeting_series"};
        long before = 0;
        for (String t : tables) {
            before += TestSupport.count(ds, t);
        }
        String fingerprint = fingerprint();
        String day = JapaneseCalendar.today().plusDays(40).toString();
        RequestSpecification spec = as(who).contentType(ContentType.JSON);
        var response = switch (what) {
            case "update" -> spec.body(Map.of("kind", "EXCHANGE", "title", "x", "format", "ONLINE", "onlineUrl",
                    "https://x.example.jp", "version", 0)).put("/api/meetings/" + polling);
            case "draftUpdate" -> spec.body(Map.of("kind", "EXCHANGE", "title", "x", "format", "ONLINE", "onlineUrl",
                    "https://x.example.jp", "version", 0)).put("/api/meetings/" + draft);
            case "statusHeld" -> spec.body(Map.of("status", "CANCELLED", "version", 0)).post("/api/meetings/" + held + "/status");
            case "status" -> spec.body(Map.of("status", "CANCELLED", "version", 0)).post("/api/meetings/" + polling + "/status");
            case "slots" -> spec.body(Map.of("slots", List.of(Map.of("startsAt", day + "T15:00", "endsAt", day + "T16:00"))))
                    .put("/api/meetings/" + polling + "/poll");
            case "confirm" -> spec.body(Map.of("slotId", TestSupport.id(ds, "SELECT min(id) FROM poll_slot WHERE meeting_id = ?", polling)))
                    .post("/api/meetings/" + polling + "/poll/confirm");
            case "invite" -> spec.body(Map.of("persons", List.of(Map.of("name", "x", "email", "x@example.jp"))))
                    .post("/api/meetings/" + polling + "/invitations");
            case "revoke" -> spec.delete("/api/meetings/" + polling + "/invitations/"
                    + TestSupport.id(ds, "SELECT min(id) FROM meeting_invitee WHERE meeting_id = ?", polling));
            case "agenda" -> spec.body(Map.of("version", 0, "items", List.of(Map.of("type", "OPENING", "title", "開会", "minutes", 5))))
                    .put("/api/meetings/" + polling + "/agenda");
            case "draftAgenda" -> spec.body(Map.of("version", 0, "items", List.of(Map.of("type", "OPENING", "title", "開会", "minutes", 5))))
                    .put("/api/meetings/" + draft + "/agenda");
            case "template" -> spec.body(Map.of("templateId", TestSupport.id(ds, "SELECT id FROM agenda_template WHERE code = 'exchange-program'"),
                    "version", 0)).post("/api/meetings/" + polling + "/agenda/template");
            case "saveTemplate" -> spec.body(Map.of("name", "盗んだ次第")).post("/api/meetings/" + held + "/agenda/save-as-template");
            case "attendance" -> spec.body(Map.of("entries", List.of(Map.of("name", "x", "mode", "IN_PERSON"))))
                    .put("/api/meetings/" + held + "/attendance");
            case "minutes" -> spec.body(Map.of("version", 1, "items", List.of(Map.of("theme", "x", "content", "y"))))
                    .put("/api/meetings/" + held + "/minutes");
            case "publish" -> spec.body(Map.of("acknowledgeWarnings", true)).post("/api/meetings/" + held + "/minutes/publish");
            case "action" -> spec.body(Map.of("title", "x")).post("/api/meetings/" + held + "/actions");
            case "updateAction" -> spec.body(Map.of("title", "x", "status", "DONE", "version", 0))
                    .put("/api/meetings/" + held + "/actions/" + action);
            case "followup" -> spec.body(Map.of("followup", "x")).put("/api/meetings/" + held + "/questionnaire/followup");
            case "next" -> spec.post("/api/series/" + series + "/next");
            case "rsvp" -> spec.body(Map.of("response", "DECLINED")).post("/api/meetings/" + held + "/rsvp");
            default -> throw new IllegalArgumentException(what);
        };
        response.then().statusCode(status);
        long after = 0;
        for (String t : tables) {
            after += TestSupport.count(ds, t);
        }
        assertEquals(before, after, "nothing stored");
        assertEquals(fingerprint, fingerprint(), "nothing changed");
    }

    /** Versions and statuses of the demo meetings and their action item: any write would move one. */
    String fingerprint() {
        return TestSupport.text(ds, "SELECT string_agg(id || ':' || status || ':' || version || ':' || minutes_version, ',' ORDER BY id)"
                + " FROM meeting") + "|" + TestSupport.text(ds, "SELECT string_agg(id || ':' || status || ':' || version, ',' ORDER BY id)"
                + " FROM action_item");
    }
}
