package jp.tsunagu.platform.demo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Loads the demo data sets (demo/*.sql) once each, in demo mode only (tsunagu.demo.enabled, on by
 * default for the embedded run and the tests, always off in the prod profile). Each set runs in
 * one transaction with its marker row, so a set is either fully there or not at all.
 */
@ApplicationScoped
public class DemoDataLoader {

    /** The demo accounts' shared password (documented in the README). */
    public static final String DEMO_PASSWORD = "tsunagu-demo";
    static final List<String> SETS = List.of("directory", "pairing", "meetings", "postings", "conferences", "administrators", "statistics");
    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    @ConfigProperty(name = "tsunagu.demo.enabled")
    boolean enabled;

    @Inject
    AgroalDataSource dataSource;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        String hash = null;
        for (String set : SETS) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                if (loaded(c, set)) {
                    continue;
                }
                if (hash == null) {
                    hash = BcryptUtil.bcryptHash(DEMO_PASSWORD, 10);
                }
                String sql = read("demo/" + set + ".sql").replace(":'demo_hash'", "'" + hash + "'");
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO demo_data_load (name) VALUES (?)")) {
                    ps.setString(1, set);
                    ps.executeUpdate();
                }
                c.commit();
                LOG.infof("Loaded demo data set '%s'", set);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not load demo data set " + set, e);
            }
        }
    }

    private static boolean loaded(Connection c, String set) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM demo_data_load WHERE name = ?")) {
            ps.setString(1, set);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
