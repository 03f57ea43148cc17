package jp.tsunagu.meeting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-off before publication: the organizer circulates the draft, an attendee proposes wording,
 * the organizer accepts it (the minutes change), answers a comment, then publishes; the published
 * minutes say they were circulated and until when. Outside the meeting the draft and its comments
 * are 404; the circulation's rules and bad input answer as they should, storing nothing.
 */
@QuarkusTest
class MinutesSignOffTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    MockMailbox mailbox;

    long meeting;

    /** A held meeting of its own, run by ブリッジ; 金城 (partner) was invited and said she would come; hw-naha was invited and declined. */
    @BeforeEach
    void meeting() {
        meeting = TestSupport.heldMeetingCopy(ds, "回覧テスト");
        TestSupport.update(ds, "INSERT INTO meeting_organizer (meeting_id, organization_id, consented_at)"
                + " SELECT ?, id, now() FROM organization WHERE code = 'okinawa-bridge'", meeting);
        TestSupport.update(ds, "INSERT INTO meeting_invitee (meeting_id, account_id, name, email, token_hash, response)"
                + " SELECT ?, a.id, a.display_name, a.email, md5(random()::text), v.response FROM account a"
                + " JOIN (VALUES ('partner@demo.tsunagu.jp', 'IN_PERSON'), ('hw-naha@demo.tsunagu.jp', 'DECLINED')) v(email, response)"
                + " ON v.email = a.email", meeting);
        TestSupport.json("bridge").body(Map.of("version", 0, "items", List.of(
                Map.of("theme", "就労移行の状況", "content", "実習は三件。", "results", "次回も共有する"),
                Map.of("theme", "その他", "content", "特になし")))).put("/api/meetings/" + meeting + "/minutes").then().statusCode(200);
        mailbox.clear();
    }

    String api(String tail) {
        return "/api/meetings/" + meeting + "/minutes" + tail;
    }

    @Test
    void circulateProposeAcceptAnswerPublish() {
        // before circulation the attendee does not see the draft
        TestSupport.as("partner").get(api("")).then().statusCode(404);
        TestSupport.json("partner").body(Map.of("item", 1, "field", "content", "kind", "COMMENT", "body", "x"))
                .post(api("/comments")).then().statusCode(404);

        TestSupport.json("bridge").body(Map.of("days", 5)).post(api("/circulate")).then().statusCode(200)
                .body("circulatedUntil", notNullValue()).body("open", equalTo(true)).body("canResolve", equalTo(true));
        assertTrue(mailbox.getMailsSentTo("partner@demo.tsunagu.jp").size() == 1, "the attendee is mailed");
        assertTrue(mailbox.getMailsSentTo("hw-naha@demo.tsunagu.jp").isEmpty(), "who declined is not");
        assertTrue(mailbox.getMailsSentTo("partner@demo.tsunagu.jp").get(0).getSubject().contains("議事録案"));

        // the attendee reads the draft and proposes wording, and comments
        TestSupport.as("partner").get(api("")).then().statusCode(200).body("published", equalTo(false))
                .body("circulatedUntil", notNullValue());
        int proposal = TestSupport.json("partner").body(Map.of("item", 1, "field", "content", "kind", "PROPOSAL",
                        "body", "件数は四件でした", "proposedText", "実習は四件。"))
                .post(api("/comments")).then().statusCode(201).body("status", equalTo("OPEN")).body("author", equalTo("金城 さくら"))
                .extract().path("id");
        int comment = TestSupport.json("partner").body(Map.of("item", 2, "field", "theme", "kind", "COMMENT", "body", "議題名を具体的に"))
                .post(api("/comments")).then().statusCode(201).extract().path("id");
        TestSupport.as("partner").get(api("/comments")).then().statusCode(200).body("comments", hasSize(2))
                .body("canComment", equalTo(true)).body("canResolve", equalTo(false));

        // who declined, a stranger to the meeting, anonymous: 404 / 401 on the draft and its comments
        for (String outsider : List.of("hw-naha", "tortoise", "advisor")) {
            TestSupport.as(outsider).get(api("")).then().statusCode(404);
            TestSupport.as(outsider).get(api("/comments")).then().statusCode(404);
            TestSupport.json(outsider).body(Map.of("item", 1, "field", "content", "kind", "COMMENT", "body", "x"))
                    .post(api("/comments")).then().statusCode(404);
        }
        TestSupport.as("anonymous").get(api("/comments")).then().statusCode(401);
        // an attendee does not decide
        TestSupport.json("partner").body(Map.of("decision", "ACCEPT")).post(api("/comments/" + proposal + "/resolve"))
                .then().statusCode(403);

        // open comments hold publication back
        TestSupport.json("bridge").body(Map.of()).post(api("/publish")).then().statusCode(409)
                .body("type", containsString("minutes-comments-open"));

        TestSupport.json("bridge").body(Map.of("decision", "ACCEPT")).post(api("/comments/" + proposal + "/resolve"))
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("resolvedBy", equalTo("比嘉 翔太"));
        assertEquals("実習は四件。", TestSupport.text(ds, "SELECT content FROM minutes_item WHERE meeting_id = ? AND position = 1", meeting));
        // decided once; a comment cannot be accepted, only answered, and an answer has text
        TestSupport.json("bridge").body(Map.of("decision", "ANSWER", "answer", "x")).post(api("/comments/" + proposal + "/resolve"))
                .then().statusCode(409);
        TestSupport.json("bridge").body(Map.of("decision", "ACCEPT")).post(api("/comments/" + comment + "/resolve"))
                .then().statusCode(400);
        TestSupport.json("bridge").body(Map.of("decision", "ANSWER", "answer", " ")).post(api("/comments/" + comment + "/resolve"))
                .then().statusCode(400);
        TestSupport.json("bridge").body(Map.of("decision", "ANSWER", "answer", "次回から具体的に書きます"))
                .post(api("/comments/" + comment + "/resolve")).then().statusCode(200).body("status", equalTo("ANSWERED"));

        TestSupport.json("bridge").body(Map.of()).post(api("/publish")).then().statusCode(200).body("published", equalTo(true))
                .body("circulatedAt", notNullValue()).body("circulatedUntil", notNullValue());
        // after publication nothing more is taken
        TestSupport.json("partner").body(Map.of("item", 1, "field", "content", "kind", "COMMENT", "body", "遅れて"))
                .post(api("/comments")).then().statusCode(409);
        TestSupport.json("bridge").body(Map.of()).post(api("/circulate")).then().statusCode(409);
    }

    @Test
    void theCirculationsRulesAndBadInput() {
        // an invitee sees the meeting but does not run it (403); a stranger to it does not see it (404)
        TestSupport.json("partner").body(Map.of()).post(api("/circulate")).then().statusCode(403);
        TestSupport.json("tortoise").body(Map.of()).post(api("/circulate")).then().statusCode(404);
        long before = TestSupport.count(ds, "minutes_comment");
        TestSupport.json("bridge").body(Map.of("days", 0)).post(api("/circulate")).then().statusCode(400);
        TestSupport.json("bridge").body(Map.of("days", 31)).post(api("/circulate")).then().statusCode(400);
        TestSupport.json("bridge").body("{\"days\": \"seven\"}").post(api("/circulate")).then().statusCode(400);
        // not circulated yet: even an organizer's comment is refused
        TestSupport.json("bridge").body(Map.of("item", 1, "field", "content", "kind", "COMMENT", "body", "x"))
                .post(api("/comments")).then().statusCode(409);
        TestSupport.json("bridge").body(Map.of()).post(api("/circulate")).then().statusCode(200);
        TestSupport.json("bridge").body(Map.of("days", 10)).post(api("/circulate")).then().statusCode(200);
        assertEquals(1, mailbox.getMailsSentTo("partner@demo.tsunagu.jp").size(), "circulated again while out: a new end, no second mail");
        TestSupport.json("bridge").body(Map.of("days", 7)).post(api("/circulate")).then().statusCode(200);
        assertEquals(7L, TestSupport.id(ds, "SELECT round(extract(epoch FROM minutes_circulated_until - minutes_circulated_at) / 86400)"
                + " FROM meeting WHERE id = ?", meeting), "seven days unless told otherwise");
        List<Map<String, Object>> bad = List.of(
                Map.of("item", 0, "field", "content", "kind", "COMMENT", "body", "x"),
                Map.of("item", 3, "field", "content", "kind", "COMMENT", "body", "x"),
                Map.of("item", 1, "field", "notes", "kind", "COMMENT", "body", "x"),
                Map.of("item", 1, "field", "content", "kind", "DEMAND", "body", "x"),
                Map.of("item", 1, "field", "content", "kind", "PROPOSAL", "body", "x"),
                Map.of("item", 1, "field", "content", "kind", "COMMENT", "body", " "),
                Map.of("item", 1, "field", "content", "kind", "COMMENT", "body", "あ".repeat(2001)),
                Map.of("item", 1, "field", "content", "kind", "PROPOSAL", "body", "x", "proposedText", "あ".repeat(8001)),
                Map.of("item", 1, "field", "theme", "kind", "PROPOSAL", "body", "x", "proposedText", "あ".repeat(301)));
        for (Map<String, Object> b : bad) {
            TestSupport.json("partner").body(b).post(api("/comments")).then().statusCode(400)
                    .body("errors", notNullValue());
        }
        TestSupport.json("partner").body("not json").post(api("/comments")).then().statusCode(400);
        TestSupport.json("bridge").body(Map.of("decision", "MAYBE")).post(api("/comments/1/resolve")).then().statusCode(400);
        TestSupport.json("bridge").body(Map.of("decision", "ANSWER", "answer", "x")).post(api("/comments/987654321/resolve"))
                .then().statusCode(404);
        assertEquals(before, TestSupport.count(ds, "minutes_comment"), "nothing stored");

        // the period ends: comments are no longer taken, the attendee still reads the draft
        TestSupport.update(ds, "UPDATE meeting SET minutes_circulated_at = now() - interval '8 days',"
                + " minutes_circulated_until = now() - interval '1 day' WHERE id = ?", meeting);
        TestSupport.json("partner").body(Map.of("item", 1, "field", "content", "kind", "COMMENT", "body", "遅れて"))
                .post(api("/comments")).then().statusCode(409).body("type", containsString("minutes-not-circulating"));
        TestSupport.as("partner").get(api("/comments")).then().statusCode(200).body("open", equalTo(false));
    }
}
