package jp.tsunagu.conference;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jp.tsunagu.support.LiveClient;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static jp.tsunagu.conference.ConferenceFixture.as;
import static jp.tsunagu.conference.ConferenceFixture.demo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live board socket by protocol: who may open it (the policy at the upgrade and before every
 * send), that the recorder's line and the facilitator's phase change reach a pledged attendee at
 * once, that the read log has one row per connection, that removal, deletion of the material and
 * the end of a session cut it, and that bad messages close it with a reason.
 */
@QuarkusTest
class LiveBoardTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    RetentionJob retention;

    @TestHTTPResource("/")
    java.net.URL base;

    long conference;
    String participant;
    final String startsAt = LocalDateTime.now().plusDays(3).withNano(0).toString();
    final List<LiveClient> clients = new ArrayList<>();

    /** A conference of its own: bridge facilitates, partner presents, hw-naha records, a throw-away account takes part. */
    @BeforeEach
    void conference() {
        participant = ConferenceFixture.staffOf(ds, "okinawa-transition-2");
        conference = ConferenceFixture.create(ds, startsAt, 30,
                Map.of(demo("partner"), "PRESENTER", demo("hw-naha"), "RECORDER", participant, "PARTICIPANT"));
        for (String who : List.of(demo("bridge"), demo("partner"), demo("hw-naha"), participant)) {
            ConferenceFixture.pledge(who, conference);
        }
    }

    @AfterEach
    void closeAll() {
        clients.forEach(LiveClient::abort);
    }

    LiveClient open(String email) {
        return open(TestSupport.token(email), conference, Map.of());
    }

    LiveClient open(String token, long id, Map<String, String> headers) {
        LiveClient c = LiveClient.open(base.getHost(), base.getPort(), "/live/conference/" + id, token, headers);
        clients.add(c);
        return c;
    }

    int refused(String token, long id, Map<String, String> headers) {
        return LiveClient.upgradeStatus(base.getHost(), base.getPort(), "/live/conference/" + id, token, headers);
    }

    long boardReads(String email) {
        return TestSupport.id(ds, "SELECT count(*) FROM conference_read WHERE conference_id = ? AND what = 'BOARD'"
                + " AND account_id = (SELECT id FROM account WHERE email = ?)", conference, email);
    }

    void addLine(String email, String body) {
        as(email).contentType(ContentType.JSON).body(Map.of("kind", "NOTE", "body", body))
                .post("/api/conferences/" + conference + "/board").then().statusCode(201);
    }

    int version() {
        return as(demo("bridge")).get("/api/conferences/" + conference).then().statusCode(200).extract().jsonPath().getInt("version");
    }

    /** The next board message that shows {@code text} in its entries (earlier ones are skipped). */
    static JsonObject boardShowing(LiveClient c, String text) {
        long until = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < until) {
            JsonObject m = c.next("board");
            if (m.getString("board", "").contains(text)) {
                return m;
            }
        }
        throw new AssertionError("no board showing " + text);
    }

    @Test
    void theRecordersLineAndThePhaseReachAPledgedAttendeeAtOnceAndTheReadIsLoggedOncePerConnection() {
        LiveClient presenter = open(demo("partner"));
        JsonObject first = presenter.next("board");
        assertEquals(conference, first.getLong("conference"));
        assertNotNull(first.getString("run"), "the whole run at first");
        assertTrue(first.getString("board").contains("id=\"board\""), "the whole board at first");
        assertFalse(first.getString("run").contains("name=\"move\""), "a presenter is not sent the facilitator's controls");
        assertEquals(1, boardReads(demo("partner")), "the connection's read is logged");

        addLine(demo("hw-naha"), "次回までに定着支援の分担表をつくる");
        JsonObject added = boardShowing(presenter, "次回までに定着支援の分担表をつくる");
        assertTrue(added.getString("announce", "").contains("1 件追加"), added.encode());
        assertTrue(added.getString("announce").contains("次回までに定着支援の分担表をつくる"), "the new line is read out");
        assertNull(added.getString("run"), "the run did not change, so it is not sent again");

        as(demo("bridge")).contentType(ContentType.JSON).body(Map.of("action", "START", "version", version()))
                .post("/api/conferences/" + conference + "/phase").then().statusCode(200);
        JsonObject started = presenter.next("board");
        assertNotNull(started.getString("run"), started.encode());
        assertNotNull(started.getString("endsAt"), "the timer follows the server's phase end");
        assertNotNull(started.getString("phase"));
        assertTrue(started.getString("announce", "").contains("段階が"), started.encode());
        long endsIn = Duration.between(Instant.parse(started.getString("now")), Instant.parse(started.getString("endsAt"))).toMinutes();
        assertTrue(endsIn > 0 && endsIn <= 120, "the phase ends within its minutes: " + endsIn);

        assertEquals(1, boardReads(demo("partner")), "what followed on the same connection is covered by its one read");

        LiveClient recorder = open(demo("hw-naha"));
        JsonObject own = recorder.next("board");
        assertTrue(own.getString("board").contains("action=\"/conferences/" + conference + "/board/"),
                "the recorder is sent the delete buttons");
        addLine(demo("hw-naha"), "ご本人の希望を次回確認する");
        JsonObject mine = boardShowing(recorder, "ご本人の希望を次回確認する");
        assertNull(mine.getString("announce"), "one's own line is not read out to oneself");
    }

    @Test
    void onlyPledgedAttendeesOpenIt() {
        String outsider = ConferenceFixture.staffOf(ds, "okinawa-vocational-center");
        String notPledged = ConferenceFixture.staffOf(ds, "okinawa-transition-2");
        ConferenceFixture.setAttendees(ds, conference, startsAt, Map.of(demo("partner"), "PRESENTER", demo("hw-naha"), "RECORDER",
                participant, "PARTICIPANT", notPledged, "PARTICIPANT"));

        assertEquals(401, refused(null, conference, Map.of()));
        assertEquals(401, refused("not-a-token", conference, Map.of()));
        assertEquals(404, refused(TestSupport.token(outsider), conference, Map.of()), "circle staff who do not attend");
        assertEquals(404, refused(TestSupport.token(notPledged), conference, Map.of()), "an attendee before the pledge");
        assertEquals(404, refused(TestSupport.token(demo("admin")), conference, Map.of()), "the secretariat as such");
        assertEquals(404, refused(TestSupport.token(demo("partner")), conference + 100_000, Map.of()));
        // the session cookie from another site's page
        assertEquals(403, refused(null, conference, Map.of("Cookie", "tsunagu_session=" + TestSupport.token(demo("partner")),
                "Origin", "https://evil.example")));
        assertEquals(0, boardReads(outsider) + boardReads(notPledged), "a refused socket logs nothing");

        // what the page asks when its socket could not be opened again: the same answer, nothing logged
        long reads = boardReads(demo("partner"));
        as(demo("partner")).get("/api/conferences/" + conference + "/board/live").then().statusCode(204);
        as(outsider).get("/api/conferences/" + conference + "/board/live").then().statusCode(404);
        as(notPledged).get("/api/conferences/" + conference + "/board/live").then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/conferences/" + conference + "/board/live").then().statusCode(401);
        assertEquals(reads, boardReads(demo("partner")), "asking is not reading");
        assertEquals(101, refused(TestSupport.token(demo("partner")), conference, Map.of()));
    }

    @Test
    void onePersonHoldsAFewSocketsNotHundreds() {
        List<LiveClient> mine = new ArrayList<>();
        for (int i = 0; i < LiveBoard.MAX_PER_ACCOUNT; i++) {
            LiveClient c = open(demo("hw-naha"));
            c.next("board");
            mine.add(c);
        }
        LiveClient more = open(demo("hw-naha"));
        assertEquals(LiveBoard.TOO_FAST, more.closeCode(), "one more than the cap");
        mine.get(0).abort();
        long until = System.currentTimeMillis() + 5000;
        LiveClient again = null;
        while (System.currentTimeMillis() < until) {
            again = open(demo("hw-naha"));
            try {
                again.next("board");
                break;
            } catch (AssertionError e) {
                again = null;
            }
        }
        assertNotNull(again, "a socket given up makes room");
    }

    @Test
    void removalCutsItAtOnceAndTheOthersGoOn() {
        LiveClient removed = open(participant);
        removed.next("board");
        LiveClient presenter = open(demo("partner"));
        presenter.next("board");
        long before = System.currentTimeMillis();
        ConferenceFixture.setAttendees(ds, conference, startsAt, Map.of(demo("partner"), "PRESENTER", demo("hw-naha"), "RECORDER"));
        assertEquals(LiveBoard.NO_ACCESS, removed.closeCode());
        assertTrue(System.currentTimeMillis() - before < 3000, "closed on the notice, not a later sweep");
        addLine(demo("hw-naha"), "除外のあとの板書");
        boardShowing(presenter, "除外のあとの板書");
        assertTrue(removed.messages.stream().noneMatch(m -> m.encode().contains("除外のあとの板書")),
                "the removed attendee was sent nothing after the removal");
    }

    @Test
    void deletionOfTheMaterialAndTheEndOfASessionCutIt() {
        String token = TestSupport.freshToken(demo("partner"));
        LiveClient presenter = open(token, conference, Map.of());
        presenter.next("board");
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).post("/api/auth/logout")
                .then().statusCode(org.hamcrest.Matchers.lessThan(300));
        assertEquals(LiveBoard.SIGNED_OUT, presenter.closeCode());

        LiveClient recorder = open(demo("hw-naha"));
        recorder.next("board");
        TestSupport.update(ds, "UPDATE conference SET purge_after = now() - interval '1 minute' WHERE id = ?", conference);
        List<Long> deleted;
        try {
            deleted = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> retention.run(Instant.now()));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        assertTrue(deleted.contains(conference));
        assertEquals(LiveBoard.GONE, recorder.closeCode());
        assertEquals(410, refused(TestSupport.token(demo("hw-naha")), conference, Map.of()));
    }

    @Test
    void badMessagesCloseItWithAReason() {
        record Bad(String message, int code) {
        }
        List<Bad> bad = List.of(
                new Bad("{not json", LiveBoard.BAD_MESSAGE),
                new Bad("[]", LiveBoard.BAD_MESSAGE),
                new Bad(new JsonObject().put("type", "update").put("update", "AAAA").encode(), LiveBoard.BAD_MESSAGE),
                new Bad(new JsonObject().put("type", "sync").put("conference", conference + 1).encode(), LiveBoard.BAD_MESSAGE),
                new Bad(new JsonObject().put("type", "sync").put("conference", "../" + conference).encode(), LiveBoard.BAD_MESSAGE),
                new Bad("{\"type\":\"sync\",\"pad\":\"" + "x".repeat(400) + "\"}", LiveBoard.TOO_LARGE));
        for (Bad b : bad) {
            LiveClient c = open(demo("partner"));
            c.next("board");
            c.send(b.message());
            assertEquals(b.code(), c.closeCode(), b.message());
        }
        LiveClient binary = open(demo("partner"));
        binary.next("board");
        binary.ws.sendBinary(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
        assertEquals(LiveBoard.BAD_MESSAGE, binary.closeCode(), "a binary message");

        LiveClient c = open(demo("partner"));
        c.next("board");
        c.send(new JsonObject().put("type", "sync").put("conference", conference));
        JsonObject again = c.next("board");
        assertNotNull(again.getString("board"), "sync sends everything again");
        for (int i = 0; i < 10; i++) {
            try {
                c.send(new JsonObject().put("type", "sync"));
            } catch (java.util.concurrent.CompletionException closedMidway) {
                break; // the server may close it before the tenth message is out; why is asserted below
            }
        }
        assertEquals(LiveBoard.TOO_FAST, c.closeCode());
        long entries = TestSupport.id(ds, "SELECT count(*) FROM board_entry WHERE conference_id = ?", conference);
        assertEquals(0, entries, "nothing is written through the socket");
    }
}
