package jp.tsunagu.platform.live;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What one application instance tells the others, through PostgreSQL's LISTEN/NOTIFY on the
 * channel {@code tsunagu_live} (no other broker): a notice sent inside a transaction reaches the
 * others when it commits, never before. One connection of its own listens (Vert.x's PgSubscriber,
 * outside the pool); when it is lost (a database restart) it is opened again every second, and
 * those who asked are told to catch up on what they may have missed.
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

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    Optional<String> password;

    /** A listener and whether it hears this instance's own notices too. */
    private record Listener(Consumer<JsonObject> consumer, boolean ownToo) {
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> catchUps = new CopyOnWriteArrayList<>();
    private PgSubscriber subscriber;
    private volatile boolean subscribed;
    private volatile int subscriptions;

    /** Starts listening (once) and hands every notice of another instance to the listener. */
    public void listen(Consumer<JsonObject> listener, Runnable catchUp) {
        listen(listener, catchUp, false);
    }

    /**
     * Starts listening (once); with {@code ownToo} the listener also hears what this instance sent,
     * for those who act on every committed change in one place, whichever instance made it.
     */
    public synchronized void listen(Consumer<JsonObject> listener, Runnable catchUp, boolean ownToo) {
        listeners.add(new Listener(listener, ownToo));
        catchUps.add(catchUp);
        if (subscriber == null) {
            String uri = url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url;
            PgConnectOptions options = PgConnectOptions.fromUri(uri).setUser(user);
            password.filter(p -> !p.isEmpty()).ifPresent(options::setPassword);
            subscriber = PgSubscriber.subscriber(vertx, options);
            // lost (a database restart): try again every second, for as long as it takes
            subscriber.reconnectPolicy(retries -> 1000L);
            subscriber.closeHandler(() -> {
                subscribed = false;
                LOG.infof("The live notices' connection closed");
            });
            subscriber.channel(CHANNEL).handler(this::dispatch).subscribeHandler(() -> {
                subscribed = true;
                if (subscriptions++ > 0) {
                    LOG.infof("Live notices listening again: catching up");
                    catchUps.forEach(Runnable::run);
                }
            });
            subscriber.connect().subscribe().with(x -> { }, e -> LOG.infof("Live notices not listening yet: %s", e.toString()));
        }
    }

    public boolean listening() {
        return subscribed;
    }

    private void dispatch(String payload) {
        JsonObject message;
        try {
            message = new JsonObject(payload);
        } catch (RuntimeException e) {
            return;
        }
        boolean own = instance.equals(message.getString("i"));
        listeners.forEach(l -> {
            if (own && !l.ownToo()) {
                return;
            }
            try {
                l.consumer().accept(message);
            } catch (RuntimeException e) {
                LOG.warnf(e, "A live notice was not handled");
            }
        });
    }

    /** Sends a notice inside the caller's transaction (delivered when it commits). */
    public Uni<Void> send(SqlConnection tx, JsonObject message) {
        message.put("i", instance);
        return tx.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(CHANNEL, message.encode())).replaceWithVoid();
    }

    /**
     * Sends a notice inside the Hibernate Reactive transaction of the caller (delivered when it
     * commits, dropped if it rolls back).
     */
    public Uni<Void> send(Mutiny.Session session, JsonObject message) {
        message.put("i", instance);
        return session.createNativeQuery("SELECT count(*) FROM (SELECT pg_notify(?1, ?2)) n", Long.class)
                .setParameter(1, CHANNEL).setParameter(2, message.encode()).getSingleResult().replaceWithVoid();
    }

    /** Sends a notice on its own (presence: nothing to store). */
    public Uni<Void> send(JsonObject message) {
        message.put("i", instance);
        return pool.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(CHANNEL, message.encode())).replaceWithVoid();
    }

    @PreDestroy
    synchronized void close() {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}
