package jp.tsunagu.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How many SQL statements the heaviest pages send per request, counted by PostgreSQL itself
 * (pg_stat_statements, loaded by the embedded database): each page within its budget, the meeting
 * page's facts loaded once and shared by every part of it. A count, not a timing: the same on any
 * machine. Transaction control (BEGIN, COMMIT) is counted apart; the JDBC pool's validation query
 * ({@code SELECT 1}, the test's own connections and readiness) is left out; the least of five
 * requests is taken, so a scheduled job's statement that happens to fall in between does not count.
 */
@QuarkusTest
class PageStatementsTest {

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void extension() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
    }

    /** {path} may name a demo row: {meeting}, {series}, {circle}, {pairing}, {program}, {conference}. */
    @ParameterizedTest(name = "{0} as {1}: at most {2} statements")
    @CsvSource({
            "/, bridge, 12",
            "/meetings/{meeting}, bridge, 12",
            "/meetings/{meeting}, partner, 12",
            "/meetings/{meeting}/minutes, bridge, 12",
            "/meetings, bridge, 12",
            "/series/{series}, bridge, 12",
            "/circles/{circle}, bridge, 12",
            "/programs/{program}/overview, admin, 12",
            "/pairings/{pairing}, admin, 12",
            "/postings?q=清掃, bridge, 12",
            "/conferences/{conference}/board, bridge, 12",
            "/learnings, bridge, 12",
            "/directory/results?q=ブリッジ, bridge, 12",
    })
    void aPageSendsFewStatements(String path, String who, int budget) throws Exception {
        String url = path.replace("{meeting}", id("SELECT id FROM meeting WHERE title = '第0回 就労移行等情報交換会'"))
                .replace("{series}", id("SELECT series_id FROM meeting WHERE series_id IS NOT NULL ORDER BY id LIMIT 1"))
                .replace("{circle}", id("SELECT id FROM circle WHERE code = 'okinawa-south-exchange'"))
                .replace("{program}", id("SELECT id FROM program WHERE fiscal_year = 2023"))
                .replace("{pairing}", id("SELECT id FROM pairing ORDER BY id LIMIT 1"))
                .replace("{conference}", id("SELECT id FROM conference WHERE title = '第2回 事例検討会（野中式）'"));
        TestSupport.as(who).get(url).then().statusCode(200);  // warm: caches, prepared plans
        long least = Long.MAX_VALUE;
        long transactions = 0;
        for (int i = 0; i < 5; i++) {
            reset();
            TestSupport.as(who).get(url).then().statusCode(200);
            long[] n = counted();
            if (n[0] < least) {
                least = n[0];
                transactions = n[1];
            }
        }
        System.out.printf("Statements: %-40s as %-8s %3d (+%d transaction control)%n", url, who, least, transactions);
        assertTrue(least > 0, "the page reads something: the count works");
        assertTrue(least <= budget, url + " as " + who + ": " + least + " statements, budget " + budget + "\n" + top());
    }

    String id(String sql) {
        return Long.toString(TestSupport.id(ds, sql));
    }

    void reset() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The statements since the reset: [queries, transaction control], the counting's own left out. */
    long[] counted() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT coalesce(sum(calls) FILTER (WHERE query !~* '^\\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE)'), 0),"
                        + " coalesce(sum(calls) FILTER (WHERE query ~* '^\\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE)'), 0)"
                        + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                        + " AND query !~* 'pg_stat_statements' AND query <> 'SELECT $1'")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** The statements of the last request, most called first (for a failure's message). */
    String top() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT calls, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) FROM pg_stat_statements"
                        + " WHERE query !~* 'pg_stat_statements' AND query <> 'SELECT $1' ORDER BY calls DESC, query")) {
            while (rs.next()) {
                out.append(String.format("%4d  %s%n", rs.getLong(1), rs.getString(2)));
            }
        }
        return out.toString();
    }
}
