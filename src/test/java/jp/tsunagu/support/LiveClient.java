package jp.tsunagu.support;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A live socket as a test drives it (the JDK's WebSocket client): JSON messages in, close code out. */
public final class LiveClient implements WebSocket.Listener {

    public final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    public volatile String closeReason;
    public WebSocket ws;

    /** Opens {@code ws://host:port/live/minutes/{id}} with a Bearer token (null: none) and further headers. */
    public static LiveClient open(String host, int port, long meetingId, String token, Map<String, String> headers) {
        return open(host, port, "/live/minutes/" + meetingId, token, headers);
    }

    /** Opens {@code ws://host:port{path}} (another live socket, e.g. /live/conference/{id}). */
    public static LiveClient open(String host, int port, String path, String token, Map<String, String> headers) {
        LiveClient c = new LiveClient();
        c.ws = builder(token, headers).buildAsync(URI.create("ws://" + host + ":" + port + path), c).join();
        return c;
    }

    /** The HTTP status an upgrade was refused with, or 101 when it opened. */
    public static int upgradeStatus(String host, int port, long meetingId, String token, Map<String, String> headers) {
        return upgradeStatus(host, port, "/live/minutes/" + meetingId, token, headers);
    }

    public static int upgradeStatus(String host, int port, String path, String token, Map<String, String> headers) {
        try {
            builder(token, headers).buildAsync(URI.create("ws://" + host + ":" + port + path), new LiveClient()).join().abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static WebSocket.Builder builder(String token, Map<String, String> headers) {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        return b;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(new JsonObject(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    /** Messages read while waiting for another type, kept for a later {@link #next}. */
    private final java.util.List<JsonObject> kept = new java.util.ArrayList<>();

    /** The next message of a type (others are kept for later), within five seconds. */
    public synchronized JsonObject next(String type) {
        for (java.util.Iterator<JsonObject> it = kept.iterator(); it.hasNext(); ) {
            JsonObject m = it.next();
            if (type.equals(m.getString("type"))) {
                it.remove();
                return m;
            }
        }
        long until = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < until) {
            try {
                JsonObject m = messages.poll(50, TimeUnit.MILLISECONDS);
                if (m != null && type.equals(m.getString("type"))) {
                    return m;
                }
                if (m != null) {
                    kept.add(m);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no " + type + " message within 5 s"
                + (closed.isDone() ? " (closed: " + closed.join() + " " + closeReason + ")" : ""));
    }

    public void send(String text) {
        ws.sendText(text, true).join();
    }

    public void send(JsonObject m) {
        send(m.encode());
    }

    public int closeCode() {
        try {
            return closed.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the socket was not closed within 5 s");
        }
    }

    public void abort() {
        if (ws != null) {
            ws.abort();
        }
    }

    /** Welcome, hello, sync: the document as the server has it, as one update (base64 decoded to Latin-1). */
    public String sync() {
        JsonObject welcome = next("welcome");
        if (welcome.getString("you") == null) {
            throw new AssertionError("welcome without an id");
        }
        send(new JsonObject().put("type", "hello").put("sv", Base64.getEncoder().encodeToString(new byte[] {0})));
        return latin1(next("sync").getString("update"));
    }

    public static String latin1(String b64) {
        return new String(Base64.getDecoder().decode(b64), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    public static String b64(String latin1) {
        return Base64.getEncoder().encodeToString(latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** An update message as a browser sends it. */
    public static JsonObject update(long id, String latin1Update, long meetingId) {
        return new JsonObject().put("type", "update").put("id", id).put("update", b64(latin1Update)).put("doc", meetingId);
    }
}
