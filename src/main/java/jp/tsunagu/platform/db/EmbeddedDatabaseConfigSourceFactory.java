package jp.tsunagu.platform.db;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import jp.tsunagu.platform.BuildPhase;
import jp.tsunagu.platform.RuntimeConfig;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Embedded default database. When no JDBC URL is configured (no QUARKUS_DATASOURCE_JDBC_URL and no
 * quarkus.datasource.jdbc.url), this contributes the datasource URLs of an embedded PostgreSQL that
 * is started the first time one of them is read. Configuring the standard Quarkus datasource
 * variables switches to an external PostgreSQL and this source contributes nothing.
 *
 * <p>The server belongs to the JVM, not to one application start: dev-mode live reload and test
 * profiles restart Quarkus in a new class loader, so the port of the running server is kept in a
 * JVM system property and reused instead of starting a second server on the same directory.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String PORT_PROPERTY = "tsunagu.embedded.running-port";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseConfigSourceFactory.class);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (RuntimeConfig.isSet(context, "quarkus.datasource.jdbc.url") || RuntimeConfig.isSet(context, "quarkus.datasource.reactive.url")) {
            return List.of();
        }
        String dataDir = RuntimeConfig.profiled(context, "tsunagu.embedded.data-dir", "data/postgres");
        boolean clean = Boolean.parseBoolean(RuntimeConfig.profiled(context, "tsunagu.embedded.clean", "false"));
        boolean logDetail = Boolean.parseBoolean(RuntimeConfig.profiled(context, "tsunagu.embedded.log-detail", "false"));
        return List.of(new LazySource(Path.of(dataDir), clean, logDetail));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(110);
    }

    static synchronized int ensureStarted(Path dataDir, boolean clean, boolean logDetail) {
        String running = System.getProperty(PORT_PROPERTY);
        if (running != null) {
            return Integer.parseInt(running);
        }
        LOG.infof("No datasource configured: starting embedded PostgreSQL with data in %s", dataDir);
        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, clean, logDetail);
        Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-postgres-stop"));
        System.setProperty(PORT_PROPERTY, Integer.toString(db.port()));
        LOG.infof("Embedded PostgreSQL listening on localhost:%d", db.port());
        return db.port();
    }

    private static final class LazySource implements ConfigSource {
        private static final Set<String> KEYS = Set.of(
                "quarkus.datasource.jdbc.url", "quarkus.datasource.reactive.url",
                "quarkus.datasource.username", "quarkus.datasource.password");
        private final Path dataDir;
        private final boolean clean;
        private final boolean logDetail;

        LazySource(Path dataDir, boolean clean, boolean logDetail) {
            this.dataDir = dataDir;
            this.clean = clean;
            this.logDetail = logDetail;
        }

        @Override
        public Set<String> getPropertyNames() {
            return KEYS;
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of();
        }

        @Override
        public String getValue(String name) {
            if (BuildPhase.active()) {
                return null;
            }
            return switch (name) {
                case "quarkus.datasource.jdbc.url" -> EmbeddedDatabase.jdbcUrl(ensureStarted(dataDir, clean, logDetail));
                case "quarkus.datasource.reactive.url" -> EmbeddedDatabase.reactiveUrl(ensureStarted(dataDir, clean, logDetail));
                case "quarkus.datasource.username" -> EmbeddedDatabase.USER;
                case "quarkus.datasource.password" -> "";
                default -> null;
            };
        }

        @Override
        public int getOrdinal() {
            return 110;
        }

        @Override
        public String getName() {
            return "tsunagu-embedded-postgres";
        }
    }
}
