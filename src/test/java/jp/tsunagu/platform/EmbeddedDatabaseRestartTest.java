package jp.tsunagu.platform;

import jp.tsunagu.platform.db.EmbeddedDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data written to the embedded PostgreSQL survives stopping and starting it on the same directory. */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestart() throws Exception {
        Path data = dir.resolve("pg");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, false)) {
            Flyway.configure().dataSource(db.jdbcUrl(), EmbeddedDatabase.USER, "")
                    .locations("classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
                 Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO organization (code, name, org_type, prefecture_code)"
                        + " VALUES ('restart-check', '再起動確認センター', 'NAKAPOTSU', 1)");
            }
        }
        assertTrue(data.resolve("PG_VERSION").toFile().exists(), "the data directory is kept");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, false);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM organization WHERE code = 'restart-check'")) {
            assertTrue(rs.next());
            assertEquals("再起動確認センター", rs.getString(1));
            // the migration history came back too, so the app would not migrate again
            try (ResultSet v = c.createStatement().executeQuery("SELECT max(CAST(version AS integer)) FROM flyway_schema_history WHERE version IS NOT NULL")) {
                assertTrue(v.next());
                long migrations;
                try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
                    migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
                }
                assertEquals(String.valueOf(migrations), v.getString(1));
            }
        }
    }
}
