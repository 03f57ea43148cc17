package jp.tsunagu.conference;

import io.quarkus.websockets.next.CloseReason;
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
 * The live board socket, {@code /live/conference/{conferenceId}}: the server sends the board and
 * the run as they change (README, "Live board"). The upgrade is refused to anyone the policy does
 * not let read the board ({@link LiveBoardUpgradeCheck}); {@link LiveBoard} asks again before every send.
 */
@WebSocket(path = "/live/conference/{conferenceId}", endpointId = LiveBoardSocket.ID)
public class LiveBoardSocket {

    static final String ID = "live-board";
    private static final Logger LOG = Logger.getLogger(LiveBoardSocket.class);

    @Inject
    LiveBoard live;

    @Inject
    OpenConnections connections;

    /** The connection itself (the injectable one is a proxy valid only inside a callback; the board keeps its own). */
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

    @io.quarkus.websockets.next.OnBinaryMessage
    Uni<Void> binary(WebSocketConnection connection, io.vertx.core.buffer.Buffer data) {
        return live.binary(real(connection));
    }

    @OnClose
    void close(WebSocketConnection connection) {
        live.leave(connection);
    }

    @OnError
    Uni<Void> error(WebSocketConnection connection, Throwable e) {
        LOG.debugf("Live board socket %s: %s", connection.id(), e.toString());
        return connection.close(new CloseReason(1011, "error"));
    }
}
