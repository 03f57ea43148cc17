package jp.tsunagu.account;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.platform.web.DatabaseFaults;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Decides, atomically, whether a sign-in attempt may reach the password check. Each attempt takes
 * row locks on its client address's counter and then on its e-mail address's counter (always in
 * that order, so two attempts never wait on each other in a cycle), decides, and books itself as
 * a failure <em>before</em> the password is checked; a success gives the booking back. Parallel
 * attempts therefore queue on the locks and each sees the ones before it: no more than the allowed
 * number are ever evaluated, however many arrive at once.
 * <ul>
 *   <li><b>Per e-mail address</b> (known or not): from the {@code delay-after}-th failure on, each
 *       attempt must wait 2^(n−delay-after) s (at most {@code max-delay-seconds}); the
 *       {@code lock-after}-th failure locks the address for {@code lock-minutes}.</li>
 *   <li><b>Per client address</b>: {@code client-max-failures} failed attempts (for any e-mail
 *       address) in {@code client-window-minutes} refuse that client until the window ends.</li>
 *   <li><b>A victim is not locked out by someone guessing their address:</b> the delay and the lock
 *       of an e-mail address do not apply from a client address where that account signed in
 *       successfully in the last {@code known-client-days} days (a known client), and a lock never
 *       lasts longer than {@code lock-minutes}. Failures from a known client still count against
 *       that client's own limit.</li>
 * </ul>
 */
@ApplicationScoped
public class SignInGate {

    /** The attempt may go to the password check; {@code lockedNow}: this attempt's failure would lock the address. */
    public record Pass(boolean lockedNow) {
    }

    @Inject
    Pool pool;

    @ConfigProperty(name = "tsunagu.login.delay-after", defaultValue = "3")
    int delayAfter;

    @ConfigProperty(name = "tsunagu.login.lock-after", defaultValue = "10")
    int lockAfter;

    @ConfigProperty(name = "tsunagu.login.lock-minutes", defaultValue = "15")
    int lockMinutes;

    @ConfigProperty(name = "tsunagu.login.max-delay-seconds", defaultValue = "30")
    int maxDelaySeconds;

    @ConfigProperty(name = "tsunagu.login.client-max-failures", defaultValue = "30")
    int clientMaxFailures;

    @ConfigProperty(name = "tsunagu.login.client-window-minutes", defaultValue = "15")
    int clientWindowMinutes;

    @ConfigProperty(name = "tsunagu.login.known-client-days", defaultValue = "30")
    int knownClientDays;

    /** A Pass, or the refusal (wait, locked, client-limit) with the seconds to wait. */
    public Uni<Object> enter(String email, String client) {
        return pool.withTransaction(conn -> clientCounter(conn, client).chain(clientRow -> knownClient(conn, email, client)
                .chain(known -> known != null ? enterKnown(conn, email, client, known)
                        : enterUnknown(conn, email, client, clientRow))))
                .onFailure().transform(DatabaseFaults::mark);
    }

    /**
     * From a client where the account signed in before: its own counter (the same delays and lock),
     * not the address's — so someone elsewhere guessing the address cannot stop its owner here, and
     * a guesser here is held by this counter. The client-address limit is not applied (the pair has
     * its own), so many people behind one office address keep signing in.
     */
    private Uni<Object> enterKnown(SqlConnection conn, String email, String client, Row known) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Object refusal = refusal(now, known.getInteger("failures"), known.getOffsetDateTime("last_failure_at"),
                known.getOffsetDateTime("locked_until"));
        if (refusal != null) {
            return Uni.createFrom().item(refusal);
        }
        int failures = known.getInteger("failures");
        boolean lock = failures + 1 >= lockAfter;
        return conn.preparedQuery("UPDATE login_known_client SET failures = $3, last_failure_at = clock_timestamp(),"
                        + " locked_until = CASE WHEN $4 THEN clock_timestamp() + make_interval(mins => $5) ELSE locked_until END"
                        + " WHERE email = $1 AND client = $2")
                .execute(Tuple.of(email, client, lock ? 0 : failures + 1, lock, lockMinutes))
                .map(x -> (Object) new Pass(lock));
    }

    private Uni<Object> enterUnknown(SqlConnection conn, String email, String client, Row clientRow) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime windowStart = clientRow.getOffsetDateTime("window_start");
        int clientFailures = clientRow.getInteger("failures");
        if (windowStart.plusMinutes(clientWindowMinutes).isBefore(now)) {
            clientFailures = 0;
            windowStart = now;
        }
        if (clientFailures >= clientMaxFailures) {
            long wait = Duration.between(now, windowStart.plusMinutes(clientWindowMinutes)).toSeconds() + 1;
            return Uni.createFrom().item((Object) new AuthService.Refused("client-limit", wait));
        }
        int nextClientFailures = clientFailures + 1;
        OffsetDateTime start = windowStart;
        return addressCounter(conn, email).chain(row -> {
            // the time once the address's row is ours: a transaction that queued behind others must not
            // judge the delay by the moment it started waiting
            OffsetDateTime locked = OffsetDateTime.now(ZoneOffset.UTC);
            int failures = row.getInteger("failures");
            Object refusal = refusal(locked, failures, row.getOffsetDateTime("last_failure_at"), row.getOffsetDateTime("locked_until"));
            if (refusal != null) {
                return Uni.createFrom().item(refusal);
            }
            boolean lock = failures + 1 >= lockAfter;
            return conn.preparedQuery("UPDATE login_throttle SET failures = $2, last_failure_at = clock_timestamp(),"
                            + " locked_until = CASE WHEN $3 THEN clock_timestamp() + make_interval(mins => $4) ELSE locked_until END"
                            + " WHERE email = $1")
                    .execute(Tuple.of(email, lock ? 0 : failures + 1, lock, lockMinutes))
                    .chain(() -> conn.preparedQuery("UPDATE login_client_throttle SET failures = $2, window_start = $3"
                            + " WHERE client = $1").execute(Tuple.of(client, nextClientFailures, start)))
                    .map(x -> (Object) new Pass(lock));
        });
    }

    /** The refusal a counter imposes now (locked, or the growing delay), or null. */
    private Object refusal(OffsetDateTime now, int failures, OffsetDateTime last, OffsetDateTime lockedUntil) {
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            return new AuthService.Refused("locked", Duration.between(now, lockedUntil).toSeconds() + 1);
        }
        if (failures >= delayAfter && last != null) {
            OffsetDateTime allowedAt = last.plusSeconds(delaySeconds(failures));
            if (allowedAt.isAfter(now)) {
                return new AuthService.Refused("wait", Duration.between(now, allowedAt).toSeconds() + 1);
            }
        }
        return null;
    }

    /** Forgets what no longer matters: counters idle for a day, clients not used for the known-client period. */
    @Scheduled(cron = "{tsunagu.jobs.sign-in-records.cron}", timeZone = "Asia/Tokyo", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> cleanUp() {
        return pool.query("DELETE FROM login_throttle WHERE (locked_until IS NULL OR locked_until < now())"
                        + " AND (last_failure_at IS NULL OR last_failure_at < now() - interval '1 day')").execute()
                .chain(() -> pool.query("DELETE FROM login_client_throttle WHERE window_start < now() - interval '1 day'").execute())
                .chain(() -> pool.preparedQuery("DELETE FROM login_known_client WHERE last_success_at < now() - make_interval(days => $1)")
                        .execute(Tuple.of(knownClientDays)))
                .replaceWithVoid();
    }

    /**
     * A successful sign-in gives its booking back, clears the address's counter and marks the client
     * as known — taking the rows in the same order as {@link #enter} (client, then address), so two
     * sign-ins at once never deadlock.
     */
    public Uni<Void> succeeded(String email, String client) {
        return pool.withTransaction(conn -> conn.preparedQuery("UPDATE login_client_throttle SET failures = greatest(0, failures - 1)"
                        + " WHERE client = $1").execute(Tuple.of(client))
                .chain(() -> conn.preparedQuery("DELETE FROM login_throttle WHERE email = $1").execute(Tuple.of(email)))
                .chain(() -> conn.preparedQuery("INSERT INTO login_known_client (email, client, last_success_at, failures)"
                        + " VALUES ($1, $2, now(), 0) ON CONFLICT (email, client) DO UPDATE SET last_success_at = now(),"
                        + " failures = 0, locked_until = NULL").execute(Tuple.of(email, client)))
                .replaceWithVoid()).onFailure().transform(DatabaseFaults::mark);
    }

    long delaySeconds(int failures) {
        int exponent = Math.max(0, failures - delayAfter);
        return Math.min(maxDelaySeconds, 1L << Math.min(exponent, 20));
    }

    private static Uni<Row> clientCounter(SqlConnection conn, String client) {
        return conn.preparedQuery("INSERT INTO login_client_throttle (client) VALUES ($1) ON CONFLICT (client) DO NOTHING")
                .execute(Tuple.of(client))
                .chain(() -> conn.preparedQuery("SELECT failures, window_start FROM login_client_throttle"
                        + " WHERE client = $1 FOR UPDATE").execute(Tuple.of(client)))
                .map(rows -> rows.iterator().next());
    }

    private static Uni<Row> addressCounter(SqlConnection conn, String email) {
        return conn.preparedQuery("INSERT INTO login_throttle (email) VALUES ($1) ON CONFLICT (email) DO NOTHING")
                .execute(Tuple.of(email))
                .chain(() -> conn.preparedQuery("SELECT failures, last_failure_at, locked_until FROM login_throttle"
                        + " WHERE email = $1 FOR UPDATE").execute(Tuple.of(email)))
                .map(rows -> rows.iterator().next());
    }

    /** The known-client row of this account at this client (locked), or null when the client is not known for it. */
    private Uni<Row> knownClient(SqlConnection conn, String email, String client) {
        return conn.preparedQuery("SELECT failures, last_failure_at, locked_until FROM login_known_client"
                        + " WHERE email = $1 AND client = $2 AND last_success_at > now() - make_interval(days => $3) FOR UPDATE")
                .execute(Tuple.of(email, client, knownClientDays))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    }
}
