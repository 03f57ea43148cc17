package jp.tsunagu.meeting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jp.tsunagu.platform.live.LiveScript;
import jp.tsunagu.support.LiveClient;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The live minutes socket by protocol: who may open it (the policy at the upgrade, on every
 * message and every second), that an update is stored before it is acknowledged and reaches the
 * other sockets, that the text is derived into the stored minutes, that the form's save reaches
 * the live document, and that bad messages close the socket with a reason and store nothing.
 */
@QuarkusTest
class LiveMinutesTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    LiveScript script;

    @TestHTTPResource("/")
    java.net.URL base;

    long meeting;
    final List<LiveClient> clients = new ArrayList<>();

    /** A meeting of its own, held, run by okinawa-bridge (a copy of the demo's 第0回). */
    @BeforeEach
    void meeting() {
        meeting = TestSupport.heldMeetingCopy(ds, "ライブ議事録テスト");
        TestSupport.update(ds, "INSERT INTO meeting_organizer (meeting_id, organization_id, consented_at)"
                + " SELECT ?, organization_id, consented_at FROM meeting_organizer WHERE meeting_id ="
                + " (SELECT id FROM meeting WHERE title = '第0回 就労移行等情報交換会')", meeting);
    }

    @AfterEach
    void closeAll() {
        clients.forEach(LiveClient::abort);
        // the text is derived a moment after the last change: let it land before the next test counts rows
        sleep(1200);
    }

    // ------------------------------------------------------------------ sockets

    LiveClient open(String who, long id, Map<String, String> headers) {
        LiveClient c = LiveClient.open(base.getHost(), base.getPort(), id, who == null ? null : TestSupport.token(TestSupport.email(who)), headers);
        clients.add(c);
        return c;
    }

    LiveClient open(String who) {
        return open(who, meeting, Map.of());
    }

    /** The HTTP status an upgrade was refused with (the socket never opens). */
    int refused(String token, long id, Map<String, String> headers) {
        return LiveClient.upgradeStatus(base.getHost(), base.getPort(), id, token, headers);
    }

    static String latin1(String b64) {
        return LiveClient.latin1(b64);
    }

    static String b64(String latin1) {
        return Base64.getEncoder().encodeToString(LiveScript.bytes(latin1));
    }

    String edit(String doc, int clientId, int item, String field, int index, String text) {
        return script.call("clientEdit", doc, clientId, item, field, index, text).await().atMost(Duration.ofSeconds(20));
    }

    JsonObject update(long id, String latin1Update) {
        return new JsonObject().put("type", "update").put("id", id).put("update", b64(latin1Update)).put("doc", meeting);
    }

    long stored() {
        return TestSupport.id(ds, "SELECT count(*) FROM minutes_update WHERE meeting_id = ?", meeting);
    }

    String storedText() {
        return TestSupport.text(ds, "SELECT coalesce(string_agg(theme || '|' || coalesce(content, '') || '|' || coalesce(results, ''),"
                + " '/' ORDER BY position), '') FROM minutes_item WHERE meeting_id = ?", meeting);
    }

    static void waitFor(String what, BooleanSupplier condition) {
        long until = System.currentTimeMillis() + 8000;
        while (System.currentTimeMillis() < until) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(100);
        }
        fail("not within 8 s: " + what);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ tests

    @Test
    void severalUpdatesAreTakenInOneTransactionAndABadOneAmongThemIsFoundAlone() {
        LiveClient a = open("bridge");
        String doc = a.sync();
        String key = "batch-" + System.nanoTime();
        script.call("open", key).await().atMost(Duration.ofSeconds(20));
        script.call("load", key, doc).await().atMost(Duration.ofSeconds(20));
        String good1 = edit(doc, 501, 0, "content", 0, "一つ目");
        String good2 = edit(doc, 502, 0, "results", 0, "二つ目");
        String tooLong = edit(doc, 503, 0, "theme", 0, "長".repeat(400));
        JsonObject both = new JsonObject(script.call("applyMany", key, new io.vertx.core.json.JsonArray().add(good1).add(good2).encode())
                .await().atMost(Duration.ofSeconds(20)));
        assertEquals(2, both.getJsonArray("results").size(), both.encode());
        assertTrue(both.getJsonArray("results").stream().allMatch(r -> ((JsonObject) r).getBoolean("changed")));
        JsonObject again = new JsonObject(script.call("applyMany", key, new io.vertx.core.json.JsonArray().add(good1).add(good2).encode())
                .await().atMost(Duration.ofSeconds(20)));
        assertTrue(again.getJsonArray("results").stream().noneMatch(r -> ((JsonObject) r).getBoolean("changed")), "the same again changes nothing");
        JsonObject bad = new JsonObject(script.call("applyMany", key, new io.vertx.core.json.JsonArray()
                .add(edit(doc, 504, 0, "content", 0, "三つ目")).add(tooLong).encode()).await().atMost(Duration.ofSeconds(20)));
        assertTrue(bad.getBoolean("redo", false), "a batch with a limit broken is taken again one by one: " + bad.encode());
        script.call("close", key).await().atMost(Duration.ofSeconds(20));

        // the same through the socket, sent back to back: the good one stored and acknowledged, the bad one refused
        long before = stored();
        String good3 = edit(doc, 505, 0, "content", 0, "良い更新");
        a.send(update(1, good3));
        a.send(update(2, tooLong));
        assertEquals(1L, a.next("ack").getLong("id"));
        assertEquals(LiveMinutes.BAD_MESSAGE, a.closeCode());
        assertEquals(before + 1, stored(), "only the good update is stored");
    }

    @Test
    void onePersonHoldsAFewSocketsNotHundreds() {
        List<LiveClient> mine = new ArrayList<>();
        for (int i = 0; i < LiveMinutes.MAX_PER_ACCOUNT; i++) {
            LiveClient c = open("bridge");
            c.next("welcome");
            mine.add(c);
        }
        LiveClient more = open("bridge");
        assertEquals(LiveMinutes.TOO_FAST, more.closeCode(), "one more than the cap");
        assertEquals("too-many", more.closeReason);
        mine.get(0).abort();
        long until = System.currentTimeMillis() + 5000;
        boolean opened = false;
        while (!opened && System.currentTimeMillis() < until) {
            LiveClient again = open("bridge");
            try {
                again.next("welcome");
                opened = true;
            } catch (AssertionError e) {
                sleep(200);
            }
        }
        assertTrue(opened, "a socket given up makes room");
    }

    @Test
    void anEditIsStoredThenAcknowledgedRelayedAndDerivedIntoTheMinutes() {
        LiveClient a = open("bridge");
        String doc = a.sync();
        LiveClient b = open("bridge");
        b.sync();
        long before = stored();
        assertTrue(before >= 1, "the document's first update (from the agenda) is stored");

        String u = edit(doc, 101, 0, "content", 0, "ハローワークとの連携を確認した");
        a.send(update(1, u));
        JsonObject ack = a.next("ack");
        assertEquals(1L, ack.getLong("id"));
        assertEquals(before + 1, stored(), "stored before it was acknowledged");
        assertNotNull(b.next("update").getString("update"), "the other socket receives it");

        waitFor("the text is derived into minutes_item", () -> storedText().contains("ハローワークとの連携を確認した"));

        // the same update again (a browser resending after a dropped connection): acknowledged, not stored twice
        a.send(update(2, u));
        assertEquals(2L, a.next("ack").getLong("id"));
        assertEquals(before + 1, stored());
    }

    @Test
    void twoWritersInTheSameItemAtOnceBothKeepEveryCharacter() {
        LiveClient a = open("bridge");
        String doc = a.sync();
        LiveClient b = open("bridge");
        b.sync();
        // both start from the same document and write at the same place, neither seeing the other
        String ua = edit(doc, 201, 0, "content", 0, "Aさんの記録。");
        String ub = edit(doc, 202, 0, "content", 0, "Bさんの記録。");
        a.send(update(1, ua));
        b.send(update(1, ub));
        a.next("ack");
        b.next("ack");
        waitFor("both texts in the stored minutes", () -> storedText().contains("Aさんの記録。") && storedText().contains("Bさんの記録。"));
    }

    @Test
    void theFormsSaveReachesTheLiveDocument() {
        LiveClient a = open("bridge");
        a.sync();
        int version = (int) TestSupport.id(ds, "SELECT minutes_version FROM meeting WHERE id = ?", meeting);
        TestSupport.json("bridge").body(Map.of("version", version, "items", List.of(Map.of("theme", "フォームから",
                "content", "JavaScriptなしで保存した内容")))).put("/api/meetings/" + meeting + "/minutes").then().statusCode(200);
        String update = latin1(a.next("update").getString("update"));
        assertFalse(update.isEmpty(), "the open socket receives the form's text as an update");
        waitFor("the stored text is the form's", () -> storedText().equals("フォームから|JavaScriptなしで保存した内容|"));
    }

    @Test
    void onlyThoseWhoRunTheMeetingOpenTheSocket() {
        assertEquals(401, refused(null, meeting, Map.of()), "anonymous");
        assertEquals(401, refused("not-a-token", meeting, Map.of()), "a forged token");
        // a partner of the circle sees the meeting but does not run it: as the editing page, 404
        assertEquals(404, refused(TestSupport.token(TestSupport.email("partner")), meeting, Map.of()));
        assertEquals(404, refused(TestSupport.token(TestSupport.email("bridge")), 987654321L, Map.of()), "no such meeting");
        // the session cookie from another site's page
        assertEquals(403, refused(null, meeting, Map.of("Cookie", "tsunagu_session=" + TestSupport.token(TestSupport.email("bridge")),
                "Origin", "https://evil.example")));
        // cancelled: minutes are not open
        assertEquals(101, refused(TestSupport.token(TestSupport.email("bridge")), meeting, Map.of()), "the organizer opens it");
        TestSupport.update(ds, "UPDATE meeting SET status = 'CANCELLED' WHERE id = ?", meeting);
        assertEquals(409, refused(TestSupport.token(TestSupport.email("bridge")), meeting, Map.of()));
    }

    @Test
    void aRevokedSessionOrACancelledMeetingClosesTheSocketAtOnce() {
        String token = TestSupport.freshToken(TestSupport.email("bridge"));
        LiveClient a = LiveClient.open(base.getHost(), base.getPort(), meeting, token, Map.of());
        clients.add(a);
        a.sync();
        TestSupport.update(ds, "UPDATE auth_session SET revoked_at = now() WHERE revoked_at IS NULL AND id = ("
                + "SELECT id FROM auth_session WHERE account_id = (SELECT id FROM account WHERE email = ?) ORDER BY created_at DESC LIMIT 1)",
                TestSupport.email("bridge"));
        assertEquals(LiveMinutes.SIGNED_OUT, a.closeCode(), "closed within a second or two, without sending anything");

        LiveClient b = open("bridge");
        b.sync();
        TestSupport.update(ds, "UPDATE meeting SET status = 'CANCELLED' WHERE id = ?", meeting);
        assertEquals(LiveMinutes.NOT_OPEN, b.closeCode());
    }

    @Test
    void badMessagesCloseTheSocketWithAReasonAndStoreNothing() {
        LiveClient first = open("bridge");
        String doc = first.sync();
        long before = stored();
        String text = storedText();
        record Bad(String message, int code) {
        }
        String good = edit(doc, 301, 0, "content", 0, "x");
        String tooLong = edit(doc, 302, 0, "theme", 0, "長".repeat(400));
        String otherRoot = script.call("clientEdit", "", 303, -1, "evil", 0, "x").await().atMost(Duration.ofSeconds(20));
        String nul = edit(doc, 305, 0, "content", 0, "a\u0000b");
        String embedded = script.call("clientEmbed", doc, 306).await().atMost(Duration.ofSeconds(20));
        List<Bad> bad = List.of(
                new Bad("{not json", LiveMinutes.BAD_MESSAGE),
                new Bad("[]", LiveMinutes.BAD_MESSAGE),
                new Bad(new JsonObject().put("type", "dance").encode(), LiveMinutes.BAD_MESSAGE),
                new Bad(update(1, good).put("doc", meeting + 1).encode(), LiveMinutes.BAD_MESSAGE),
                new Bad(new JsonObject().put("type", "update").put("id", 1).put("update", "!!!not base64").encode(), LiveMinutes.BAD_MESSAGE),
                new Bad(new JsonObject().put("type", "update").put("id", -3).put("update", b64(good)).encode(), LiveMinutes.BAD_MESSAGE),
                new Bad(new JsonObject().put("type", "update").put("id", 1).put("update", b64("\u0001\u0002garbage\u00ff\u00fe")).encode(),
                        LiveMinutes.BAD_MESSAGE),
                new Bad(update(1, tooLong).encode(), LiveMinutes.BAD_MESSAGE),
                new Bad(update(1, nul).encode(), LiveMinutes.BAD_MESSAGE),
                new Bad(update(1, embedded).encode(), LiveMinutes.BAD_MESSAGE),
                new Bad(new JsonObject().put("type", "focus").put("field", "../../etc").encode(), LiveMinutes.BAD_MESSAGE),
                new Bad(new JsonObject().put("type", "update").put("id", 1).put("update", "A".repeat(1_500_000)).encode(),
                        LiveMinutes.TOO_LARGE));
        for (Bad b : bad) {
            LiveClient c = open("bridge");
            c.sync();
            c.send(b.message());
            int code = c.closeCode();
            assertTrue(code == b.code() || (b.code() == LiveMinutes.TOO_LARGE && code == 1009),
                    b.message().substring(0, Math.min(60, b.message().length())) + " closed with " + code + " " + c.closeReason);
        }
        // an update that is well formed but names no document of ours (another root): refused too
        LiveClient c = open("bridge");
        c.sync();
        c.send(update(1, otherRoot));
        assertEquals(LiveMinutes.BAD_MESSAGE, c.closeCode());
        assertEquals(before, stored(), "nothing stored");
        sleep(800);
        assertEquals(text, storedText(), "nothing changed in the minutes");
        // and the document is still whole for the next writer
        LiveClient d = open("bridge");
        String after = d.sync();
        d.send(update(5, edit(after, 304, 0, "content", 0, "続き")));
        d.next("ack");
    }
}
