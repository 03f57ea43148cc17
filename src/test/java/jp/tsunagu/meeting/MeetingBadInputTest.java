package jp.tsunagu.meeting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bad input to the meeting endpoints, sent by the organizer who may otherwise write: 400
 * problem+json in Japanese and English naming the field, and nothing stored or changed.
 */
@QuarkusTest
class MeetingBadInputTest {

    static final String[] TABLES = {"meeting", "meeting_venue", "poll_slot", "poll_answer", "meeting_invitee", "agenda_item",
            "agenda_template", "attendance", "minutes_item", "action_item", "meeting_series", "questionnaire_response"};

    @Inject
    AgroalDataSource ds;

    long held;
    long polling;
    long series;
    long circle;
    long bridge;

    @BeforeEach
    void ids() {
        held = TestSupport.id(ds, "SELECT id FROM meeting WHERE title = '第0回 就労移行等情報交換会'");
        polling = TestSupport.id(ds, "SELECT id FROM meeting WHERE title = '第1回 就労移行等情報交換会'");
        series = TestSupport.id(ds, "SELECT id FROM meeting_series WHERE title = '就労移行等情報交換会'");
        circle = TestSupport.circleId(ds, "okinawa-south-exchange");
        bridge = TestSupport.orgId(ds, "okinawa-bridge");
    }

    long rows() {
        long n = 0;
        for (String t : TABLES) {
            n += TestSupport.count(ds, t);
        }
        return n;
    }

    String fingerprint() {
        return TestSupport.text(ds, "SELECT string_agg(id || ':' || status || ':' || version || ':' || minutes_version || ':'"
                + " || agenda_version, ',' ORDER BY id) FROM meeting");
    }

    String fill(String body) {
        String meeting = "\"kind\": \"EXCHANGE\", \"title\": \"入力試験\", \"organizerIds\": [" + bridge + "], \"circleId\": "
                + circle + ", \"format\": \"IN_PERSON\", \"venues\": [{\"name\": \"会場\"}]";
        return body.replace("{meeting}", meeting).replace("{long}", "あ".repeat(301)).replace("{huge}", "あ".repeat(8001))
                .replace("{circle}", String.valueOf(circle)).replace("{bridge}", String.valueOf(bridge)).replace("'", "\"");
    }

    String path(String template) {
        return template.replace("{held}", String.valueOf(held)).replace("{polling}", String.valueOf(polling))
                .replace("{series}", String.valueOf(series));
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            // creating a meeting
            "bridge | POST | /api/meetings | {} | kind",
            "bridge | POST | /api/meetings | {} | title",
            "bridge | POST | /api/meetings | {{meeting}, 'kind': 'PARTY'} | kind",
            "bridge | POST | /api/meetings | {{meeting}, 'title': '{long}'} | title",
            "bridge | POST | /api/meetings | {{meeting}, 'startsAt': 'tomorrow', 'endsAt': 'later'} | startsAt",
            "bridge | POST | /api/meetings | {{meeting}, 'startsAt': '2031-02-30T15:00', 'endsAt': '2031-02-30T16:00'} | startsAt",
            "bridge | POST | /api/meetings | {{meeting}, 'capacity': -1} | capacity",
            "bridge | POST | /api/meetings | {{meeting}, 'capacity': 'many'} | capacity",
            "bridge | POST | /api/meetings | {{meeting}, 'format': 'ONLINE', 'venues': [], 'onlineUrl': 'javascript:alert(1)'} | onlineUrl",
            "bridge | POST | /api/meetings | {{meeting}, 'organizerIds': [null]} | organizerIds",
            "bridge | POST | /api/meetings | {{meeting}, 'venues': [{'name': '{long}'}]} | venues[0].name",
            // the poll
            "bridge | PUT | /api/meetings/{polling}/poll | {'slots': []} | slots",
            "bridge | PUT | /api/meetings/{polling}/poll | {'slots': [{'startsAt': '2031-01-07T15:00', 'endsAt': '2031-01-07T14:00'}]} | slots[0].endsAt",
            "bridge | PUT | /api/meetings/{polling}/poll | {'slots': [{'startsAt': 'soon'}]} | slots[0].startsAt",
            "partner | POST | /api/meetings/{polling}/poll | {'answers': {'999999999': 'YES'}, 'version': 0} | answers",
            "partner | POST | /api/meetings/{polling}/poll | {'answers': 'YES'} | answers",
            "bridge | POST | /api/meetings/{polling}/poll/confirm | {'slotId': 'first'} | slotId",
            // invitations
            "bridge | POST | /api/meetings/{polling}/invitations | {'persons': [{'name': '名前', 'email': 'not-an-email'}]} | persons[0].email",
            "bridge | POST | /api/meetings/{polling}/invitations | {'persons': [{'name': '', 'email': 'a@example.jp'}]} | persons[0].name",
            "bridge | POST | /api/meetings/{polling}/invitations | {'prefectureCode': 48} | prefectureCode",
            "bridge | POST | /api/meetings/{polling}/invitations | {'organizationType': 'SPACESHIP'} | organizationType",
            "partner | POST | /api/meetings/{polling}/rsvp | {'response': 'MAYBE'} | response",
            "partner | POST | /api/meetings/{polling}/rsvp | {'response': ''} | response",
            "partner | POST | /api/meetings/{polling}/rsvp | {'response': ' IN_PERSON'} | response",
            // agenda
            "bridge | PUT | /api/meetings/{polling}/agenda | {'version': 0, 'items': [{'type': 'OPENING', 'title': '開会', 'minutes': -5}]} | items[0].minutes",
            "bridge | PUT | /api/meetings/{polling}/agenda | {'version': 0, 'items': [{'type': 'DANCE', 'title': '開会', 'minutes': 5}]} | items[0].type",
            "bridge | PUT | /api/meetings/{polling}/agenda | {'version': 0, 'items': [{'type': 'OPENING', 'title': '', 'minutes': 5}]} | items[0].title",
            "bridge | PUT | /api/meetings/{polling}/agenda | {'version': 0, 'items': [null]} | items[0]",
            "bridge | PUT | /api/meetings/{polling}/agenda | {'version': 0, 'items': [{'type': '', 'title': '開会', 'minutes': 5}]} | items[0].type",
            "bridge | POST | /api/meetings/{polling}/agenda/template | {'templateId': 'exchange'} | templateId",
            "bridge | POST | /api/meetings/{polling}/agenda/save-as-template | {'name': ''} | name",
            // attendance, minutes, actions
            "bridge | PUT | /api/meetings/{held}/attendance | {'entries': [{'name': '当日参加', 'mode': 'FLYING'}]} | entries[0].mode",
            "bridge | PUT | /api/meetings/{held}/minutes | {'version': 1, 'items': [{'theme': '', 'content': '内容'}]} | items[0].theme",
            "bridge | PUT | /api/meetings/{held}/minutes | {'version': 1, 'items': [{'theme': '報告', 'content': '{huge}'}]} | items[0].content",
            "bridge | PUT | /api/meetings/{held}/minutes | {'version': 'one', 'items': []} | version",
            "bridge | POST | /api/meetings/{held}/actions | {'title': ''} | title",
            "bridge | POST | /api/meetings/{held}/actions | {'title': '共有する', 'dueOn': '2026-13-40'} | dueOn",
            "bridge | POST | /api/meetings/{held}/actions | {'title': '共有する', 'status': 'MAYBE'} | status",
            "bridge | POST | /api/meetings/{held}/status | {'status': 'PARTY', 'version': 0} | status",
            "bridge | POST | /api/meetings/{held}/status | {'status': '  ', 'version': 0} | status",
            "bridge | POST | /api/meetings/{held}/status | {'status': 'HELD'} | version",
            // series
            "bridge | POST | /api/series | {} | circleId",
            "bridge | POST | /api/series | {'circleId': {circle}, 'title': '定例会', 'kind': 'EXCHANGE', 'organizerIds': [{bridge}], 'defaultWeekday': 9} | defaultWeekday",
            "bridge | POST | /api/series | {'circleId': {circle}, 'title': '定例会', 'kind': 'EXCHANGE', 'organizerIds': [{bridge}], 'defaultStart': '25:99'} | defaultStart",
            "bridge | POST | /api/series | {'circleId': {circle}, 'title': '定例会', 'kind': 'EXCHANGE', 'organizerIds': [{bridge}], 'perYearMin': 6, 'perYearMax': 2} | perYearMax"
    })
    void refusedWithTheFieldNamed(String who, String method, String template, String body, String field) {
        long before = rows();
        String fingerprint = fingerprint();
        given().auth().oauth2(TestSupport.token(who + "@demo.tsunagu.jp")).contentType(ContentType.JSON).body(fill(body))
                .request(method, path(template))
                .then().log().ifValidationFails().statusCode(400).contentType(containsString("application/problem+json"))
                .body("message.ja", notNullValue()).body("message.en", notNullValue())
                .body("errors.field", hasItem(field));
        assertEquals(before, rows(), "nothing stored");
        assertEquals(fingerprint, fingerprint(), "nothing changed");
    }

    @Test
    void badPathsAndBrokenBodies() {
        String token = TestSupport.token("bridge@demo.tsunagu.jp");
        given().auth().oauth2(token).get("/api/meetings/abc").then().statusCode(400).body("errors.field", hasItem("id"));
        given().auth().oauth2(token).get("/api/meetings/-3/agenda").then().statusCode(400);
        given().auth().oauth2(token).get("/api/meetings/999999999").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"slots\": [").put("/api/meetings/" + polling + "/poll")
                .then().statusCode(400).body("status", equalTo(400));
        given().auth().oauth2(token).contentType(ContentType.TEXT).body("x").put("/api/meetings/" + held + "/minutes")
                .then().statusCode(415);
        given().auth().oauth2(token).delete("/api/meetings/" + polling + "/invitations/abc").then().statusCode(400);
        given().get("/api/poll/" + "x".repeat(500)).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"answers\": 5}").post("/api/poll/not-a-token").then().statusCode(400);
    }

    @Test
    void theListFiltersByAStatusAndRefusesAnUnknownOne() {
        String token = TestSupport.token("bridge@demo.tsunagu.jp");
        java.util.List<String> statuses = given().auth().oauth2(token).queryParam("status", "HELD").get("/api/meetings")
                .then().statusCode(200).extract().jsonPath().getList("status", String.class);
        org.junit.jupiter.api.Assertions.assertFalse(statuses.isEmpty(), "the demo has held meetings");
        statuses.forEach(st -> assertEquals("HELD", st));
        given().auth().oauth2(token).queryParam("status", "PARTY").get("/api/meetings").then().statusCode(400)
                .body("errors.field", hasItem("status"));
    }
}
