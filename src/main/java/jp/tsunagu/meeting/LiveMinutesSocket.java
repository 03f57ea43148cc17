package jp.tsunagu.meeting;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The live minutes socket, {@code /live/minutes/{meetingId}}: JSON text messages (README, "Live
 * minutes"). The upgrade is refused before it opens to anyone the policy refuses
 * ({@link LiveUpgradeCheck}); {@link LiveMinutes} asks again on open and on every message.
 */
@WebSocket(path = "/live/minutes/{meetingId}", endpointId = LiveMinutesSocket.ID)
public class LiveMinutesSocket {

    static final String ID = "live-minutes";
    private static final Logger LOG = Logger.getLogger(LiveMinutesSocket.class);

    @Inject
    LiveMinutes live;

    @Inject
    OpenConnections connections;

    /** The connection itself (the injectable one is a proxy valid only inside a callback; the live documents keep theirs). */
    private WebSocketConnection real(WebSocketConnection c) {
        return connections.findByConnectionId(c.id()).orElse(c);
    }

    @OnOpen
    Uni<Void> open(WebSocketConnection connection) {
        return live.join(real(connection));
    }

    @OnTextMessage
    Uni<Void> message(WebSocketConnection connection, String text) {
        return live.receive(real(connection), text);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        live.leave(connection);
    }

    @OnError
    Uni<Void> error(WebSocketConnection connection, Throwable e) {
        LOG.debugf("Live minutes socket %s: %s", connection.id(), e.toString());
        // not the browser's fault as far as we know: it reconnects and sends what it has again
        return connection.close(new io.quarkus.websockets.next.CloseReason(1011, "error"));
    }
}
