package jp.tsunagu.meeting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jp.tsunagu.platform.live.LiveScript;
import jp.tsunagu.support.AppInstance;
import jp.tsunagu.support.LiveClient;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two application instances on one database (two more processes of the packaged application beside
 * this test's, sharing its PostgreSQL and a pair of signing keys): an edit sent to one reaches a
 * socket on the other through LISTEN/NOTIFY, both ways, with who is there; the stored minutes
 * hold both.
 */
@QuarkusTest
class LiveTwoInstancesIT {

    static AppInstance first;
    static AppInstance second;

    @Inject
    AgroalDataSource ds;

    @Inject
    LiveScript script;

    @BeforeAll
    static void startTwo() {
        Map<String, String> props = AppInstance.besideThisTest("target/two-instances/keys");
        // the first makes the key pair, the second reads it (two generating at once could each write half)
        first = AppInstance.start(18091, props).awaitReady();
        second = AppInstance.start(18092, props).awaitReady();
    }

    @AfterAll
    static void stopTwo() {
        AppInstance.closeAll(first, second);
    }

    static String signIn(int port, String who) {
        return given().port(port).contentType(ContentType.JSON).body(Map.of("email", TestSupport.email(who), "password", TestSupport.PASSWORD))
                .post("/api/auth/login").then().statusCode(200).extract().path("token");
    }

    String edit(String doc, int clientId, int item, String field, int index, String text) {
        return script.call("clientEdit", doc, clientId, item, field, index, text).await().atMost(Duration.ofSeconds(20));
    }

    @Test
    void anEditThroughOneInstanceAppearsThroughTheOther() {
        long meeting = TestSupport.heldMeetingCopy(ds, "ライブ議事録（二台）");
        TestSupport.update(ds, "INSERT INTO meeting_organizer (meeting_id, organization_id, consented_at)"
                + " SELECT ?, id, now() FROM organization WHERE code IN ('okinawa-bridge', 'okinawa-transition-1')", meeting);
        LiveClient a = LiveClient.open("localhost", first.port, meeting, signIn(first.port, "bridge"), Map.of());
        LiveClient b = LiveClient.open("localhost", second.port, meeting, signIn(second.port, "partner"), Map.of());
        try {
            String doc = a.sync();
            b.sync();
            // who is there, across instances
            waitPresence(b, "比嘉 翔太");
            waitPresence(a, "金城 さくら");

            String firstEdit = edit(doc, 401, 0, "content", 0, "一台目から");
            long sent = System.nanoTime();
            a.send(LiveClient.update(1, firstEdit, meeting));
            a.next("ack");
            long acked = (System.nanoTime() - sent) / 1_000_000;
            JsonObject seen = b.next("update");
            long ms = (System.nanoTime() - sent) / 1_000_000;
            System.out.println("First edit: acknowledged after " + acked + " ms, seen through the other instance after " + ms + " ms");
            for (int k = 0; k < 5; k++) {
                String more = edit(doc, 410 + k, 0, "results", 0, "追" + k);
                long t0 = System.nanoTime();
                a.send(LiveClient.update(10 + k, more, meeting));
                b.next("update");
                System.out.println("Edit " + (k + 2) + " seen through the other instance after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            }
            String onB = script.call("readUpdates", new io.vertx.core.json.JsonArray().add(doc)
                    .add(LiveClient.latin1(seen.getString("update"))).encode()).await().atMost(Duration.ofSeconds(20));
            assertTrue(onB.contains("一台目から"), onB);

            b.send(LiveClient.update(1, edit(doc, 402, 0, "content", 0, "二台目から"), meeting));
            b.next("ack");
            assertTrue(LiveClient.latin1(a.next("update").getString("update")).length() > 0);

            long until = System.currentTimeMillis() + 10000;
            String stored = "";
            while (System.currentTimeMillis() < until) {
                stored = TestSupport.text(ds, "SELECT coalesce(string_agg(coalesce(content, ''), '/'), '') FROM minutes_item WHERE meeting_id = ?", meeting);
                if (stored.contains("一台目から") && stored.contains("二台目から")) {
                    break;
                }
                Thread.sleep(200);
            }
            assertTrue(stored.contains("一台目から") && stored.contains("二台目から"), "stored: " + stored);
            assertEquals(7L, TestSupport.id(ds, "SELECT count(*) FROM minutes_update WHERE meeting_id = ? AND account_id IS NOT NULL", meeting));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            a.abort();
            b.abort();
        }
    }

    @Test
    void aBoardLineOrARemovalThroughOneInstanceReachesTheSocketsOnTheOther() {
        String startsAt = java.time.LocalDateTime.now().plusDays(2).withNano(0).toString();
        String participant = jp.tsunagu.conference.ConferenceFixture.staffOf(ds, "okinawa-transition-2");
        long id = jp.tsunagu.conference.ConferenceFixture.create(ds, startsAt, 30, Map.of(TestSupport.email("partner"), "PRESENTER",
                TestSupport.email("hw-naha"), "RECORDER", participant, "PARTICIPANT"));
        for (String who : java.util.List.of(TestSupport.email("bridge"), TestSupport.email("partner"), TestSupport.email("hw-naha"), participant)) {
            jp.tsunagu.conference.ConferenceFixture.pledge(who, id);
        }
        LiveClient presenter = LiveClient.open("localhost", second.port, "/live/conference/" + id, signIn(second.port, "partner"), Map.of());
        String participantToken = given().port(second.port).contentType(ContentType.JSON)
                .body(Map.of("email", participant, "password", TestSupport.PASSWORD)).post("/api/auth/login")
                .then().statusCode(200).extract().<String>path("token");
        LiveClient removed = LiveClient.open("localhost", second.port, "/live/conference/" + id, participantToken, Map.of());
        try {
            presenter.next("board");
            removed.next("board");
            String recorder = signIn(first.port, "hw-naha");
            for (int k = 0; k < 3; k++) {
                long sent = System.nanoTime();
                given().port(first.port).header("Authorization", "Bearer " + recorder).contentType(ContentType.JSON)
                        .body(Map.of("kind", "NOTE", "body", "一台目で書いた板書 " + k)).post("/api/conferences/" + id + "/board")
                        .then().statusCode(201);
                JsonObject seen = presenter.next("board");
                System.out.println("Board line " + (k + 1) + " seen through the other instance after "
                        + (System.nanoTime() - sent) / 1_000_000 + " ms (written, committed, noticed, rendered, sent)");
                assertTrue(seen.getString("board", "").contains("一台目で書いた板書 " + k), seen.encode());
            }

            // removed through another instance (this test's): the socket on the second closes at once
            jp.tsunagu.conference.ConferenceFixture.setAttendees(ds, id, startsAt, Map.of(TestSupport.email("partner"), "PRESENTER",
                    TestSupport.email("hw-naha"), "RECORDER"));
            assertEquals(4404, removed.closeCode());
        } finally {
            presenter.abort();
            removed.abort();
        }
    }

    static void waitPresence(LiveClient c, String name) {
        long until = System.currentTimeMillis() + 8000;
        while (System.currentTimeMillis() < until) {
            JsonObject p = c.next("presence");
            if (p.getJsonArray("people").stream().anyMatch(o -> name.equals(((JsonObject) o).getString("name")))) {
                return;
            }
        }
        fail(name + " not in the presence list");
    }
}
