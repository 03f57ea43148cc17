package jp.tsunagu.platform.web;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells a database that is out of reach (restarting, failing over, refusing connections) from a
 * bug. Such a failure answers 503 with Retry-After, never 500: the request did nothing that
 * committed, and the client may simply try again.
 */
public final class DatabaseFaults {

    public static final int RETRY_AFTER_SECONDS = 5;

    /** SQLSTATE classes and codes that mean "the server is not there or is going away". */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseFaults() {
    }

    public static boolean unavailable(Throwable e) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = e; t != null && !seen.containsKey(t); t = t.getCause()) {
            seen.put(t, true);
            if (t instanceof ConnectException || t instanceof ClosedChannelException) {
                return true;
            }
            String type = t.getClass().getName();
            if (type.equals("io.vertx.sqlclient.ClosedConnectionException")
                    || type.equals("io.vertx.core.http.impl.NoStackTraceClosedChannelException")
                    || type.equals("io.netty.channel.AbstractChannel$AnnotatedConnectException")
                    || type.equals("io.agroal.pool.ConnectionFactory$TimeoutException")) {
                return true;
            }
            String state = sqlState(t);
            if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("connection refused") || message.contains("connection is closed")
                    || message.contains("connection closed") || message.contains("the database system is starting up")
                    || message.contains("the database system is shutting down")
                    || message.contains("terminating connection due to administrator command")
                    || message.contains("failed to connect") || message.contains("pool closed")
                    || message.contains("connection reset")) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String sqlState(Throwable t) {
        if (t instanceof java.sql.SQLException s) {
            return s.getSQLState();
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
