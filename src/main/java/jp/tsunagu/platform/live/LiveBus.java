package jp.tsunagu.platform.live;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What one application instance tells the others, through PostgreSQL's LISTEN/NOTIFY on the
 * channel {@code tsunagu_live} (no other broker): a notice sent inside a transaction reaches the
 * others when it commits, never before. One connection listens, from the first use on; when it is
 * lost (a database restart) it is opened again every second, and those who asked are told to
 * catch up on what they may have missed.
 */
@ApplicationScoped
public class LiveBus {

    private static final Logger LOG = Logger.getLogger(LiveBus.class);
    public static final String CHANNEL = "tsunagu_live";
    /** PostgreSQL's limit for a notice is 8000 bytes; larger payloads are sent as a reference. */
    public static final int MAX_PAYLOAD = 7000;

    /** This instance, so that it skips its own notices. */
    public final String instance = UUID.randomUUID().toString();

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    private final List<Consumer<JsonObject>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> catchUps = new CopyOnWriteArrayList<>();
    private volatile PgConnection listening;
    private volatile boolean started;
    private volatile boolean closed;

    /** Starts listening (once) and hands every notice of another instance to the listener. */
    public synchronized void listen(Consumer<JsonObject> listener, Runnable catchUp) {
        listeners.add(listener);
        catchUps.add(catchUp);
        if (!started) {
            started = true;
            connect(false);
        }
    }

    public boolean listening() {
        return listening != null;
    }

    private void connect(boolean again) {
        if (closed) {
            return;
        }
        pool.getConnection().chain(c -> {
            PgConnection pg = PgConnection.cast(c);
            pg.notificationHandler(n -> {
                if (!CHANNEL.equals(n.getChannel())) {
                    return;
                }
                JsonObject message;
                try {
                    message = new JsonObject(n.getPayload());
                } catch (RuntimeException e) {
                    return;
                }
                if (instance.equals(message.getString("i"))) {
                    return;
                }
                listeners.forEach(l -> {
                    try {
                        l.accept(message);
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "A live notice was not handled");
                    }
                });
            });
            pg.closeHandler(() -> {
                listening = null;
                LOG.infof("The live notices' connection closed; opening it again");
                vertx.setTimer(1000, t -> connect(true));
            });
            return pg.query("LISTEN " + CHANNEL).execute().replaceWith(pg);
        }).subscribe().with(pg -> {
            listening = pg;
            if (again) {
                catchUps.forEach(Runnable::run);
            }
        }, e -> {
            LOG.debugf("Live notices not listening yet: %s", e.toString());
            vertx.setTimer(1000, t -> connect(true));
        });
    }

    /** Sends a notice inside the caller's transaction (delivered when it commits). */
    public Uni<Void> send(SqlConnection tx, JsonObject message) {
        message.put("i", instance);
        return tx.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(CHANNEL, message.encode())).replaceWithVoid();
    }

    /** Sends a notice on its own (presence: nothing to store). */
    public Uni<Void> send(JsonObject message) {
        message.put("i", instance);
        return pool.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(CHANNEL, message.encode())).replaceWithVoid();
    }

    @PreDestroy
    void close() {
        closed = true;
        PgConnection pg = listening;
        if (pg != null) {
            pg.closeAndForget();
        }
    }
}
