package jp.tsunagu.platform.web;

import org.hibernate.JDBCException;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a failure that came from the database. Two kinds are not bugs:
 * <ul>
 *   <li>the database is out of reach (restarting, failing over, refusing connections): 503 with
 *       Retry-After — nothing committed, the client may simply try again;</li>
 *   <li>the database refused a value that got past the checks before it (a NUL character or an
 *       unpaired surrogate in a text, a reference to a row that does not exist): 400 — the
 *       transaction is rolled back, nothing half-stored.</li>
 * </ul>
 * Only failures raised by the database client count (their chain holds an exception of the
 * PostgreSQL, Vert.x SQL client, Agroal or Hibernate packages): a connection refused by the mail
 * server is not a database fault. Message text is never matched.
 */
public final class DatabaseFaults {

    public static final int RETRY_AFTER_SECONDS = 5;

    /** SQLSTATEs that mean "the server is not there or is going away". */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private static final List<String> DATABASE_PACKAGES = List.of("org.postgresql.", "io.vertx.pgclient.",
            "io.vertx.sqlclient.", "io.agroal.", "org.hibernate.");

    private static final Set<String> CLOSED_TYPES = Set.of("io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.http.impl.NoStackTraceClosedChannelException",
            "io.netty.channel.AbstractChannel$AnnotatedConnectException",
            "io.vertx.core.net.impl.ConnectionBase$ClosedChannelException");

    private DatabaseFaults() {
    }

    /** A failure of a statement sent on the reactive pool directly (marked where it is sent, so it reads as the database's). */
    public static final class DatabaseFailure extends RuntimeException {
        DatabaseFailure(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Marks a failure of a statement on the reactive pool as the database's; problems pass unchanged. */
    public static Throwable mark(Throwable e) {
        return e instanceof ProblemException || e instanceof DatabaseFailure ? e : new DatabaseFailure(e);
    }

    /** The failure's chain, each throwable once. */
    private static List<Throwable> chain(Throwable e) {
        List<Throwable> out = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = e; t != null && !seen.containsKey(t); t = t.getCause()) {
            seen.put(t, true);
            out.add(t);
        }
        return out;
    }

    private static boolean fromDatabase(List<Throwable> chain) {
        return chain.stream().anyMatch(t -> t instanceof DatabaseFailure
                || DATABASE_PACKAGES.stream().anyMatch(p -> t.getClass().getName().startsWith(p)));
    }

    public static boolean unavailable(Throwable e) {
        List<Throwable> chain = chain(e);
        if (!fromDatabase(chain)) {
            return false;
        }
        for (Throwable t : chain) {
            // the socket to the database failed: refused, reset by a server going away, closed
            if (t instanceof IOException || CLOSED_TYPES.contains(t.getClass().getName())) {
                return true;
            }
            String state = sqlState(t);
            if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                return true;
            }
            if (t.getClass().getName().equals("io.agroal.pool.ConnectionFactory$TimeoutException")
                    || t.getClass().getName().equals("java.sql.SQLTransientConnectionException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The 400 for a value the database refused (SQLSTATE class 22, data exception, and the integrity
     * violations 23502/23503/23514), or null when the failure is something else.
     */
    public static ProblemException refusedValue(Throwable e) {
        List<Throwable> chain = chain(e);
        if (!fromDatabase(chain)) {
            return null;
        }
        for (Throwable t : chain) {
            String state = sqlState(t);
            if (state == null) {
                continue;
            }
            if (state.startsWith("22")) {
                return new ProblemException(400, "value-refused");
            }
            if (state.equals("23502") || state.equals("23503") || state.equals("23514")) {
                return new ProblemException(400, "value-refused");
            }
            if (state.equals("23505")) {
                return new ProblemException(409, "duplicate");
            }
        }
        return null;
    }

    /** SQLSTATEs of transactions that lost to another one (deadlock, serialization, lock not available): trying again may work. */
    private static final Set<String> CONTENTION_STATES = Set.of("40P01", "40001", "55P03");

    /** Whether the database gave up the transaction because of another one running at the same time. */
    public static boolean contention(Throwable e) {
        List<Throwable> chain = chain(e);
        return fromDatabase(chain) && chain.stream().map(DatabaseFaults::sqlState).anyMatch(s -> s != null && CONTENTION_STATES.contains(s));
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String state = null;
        for (Throwable t : chain(e)) {
            state = state != null ? state : sqlState(t);
        }
        return root.getClass().getSimpleName() + (state == null ? "" : " [" + state + "]");
    }

    private static String sqlState(Throwable t) {
        if (t instanceof SQLException s) {
            return s.getSQLState();
        }
        if (t instanceof JDBCException j) {
            return j.getSQLState();
        }
        try {
            // io.vertx.pgclient.PgException, without a compile-time dependency on its exact type
            var m = t.getClass().getMethod("getSqlState");
            Object v = m.invoke(t);
            return v == null ? null : v.toString();
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            return null;
        }
    }
}
