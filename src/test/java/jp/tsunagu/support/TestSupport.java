package jp.tsunagu.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.restassured.http.ContentType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Shared helpers: sign in as a demo account, look up demo rows by code, count rows. */
public final class TestSupport {

    public static final String PASSWORD = "tsunagu-demo";

    private TestSupport() {
    }

    /**
     * One sign-in per demo account and application start (bcrypt is the slowest step of a test
     * run); the cache lives as long as the test application's class loader. A test that ends its
     * session signs in with {@link #freshToken} instead.
     */
    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    public static String token(String email) {
        return TOKENS.computeIfAbsent(email, TestSupport::freshToken);
    }

    /** A new session of its own (for tests that sign out, or change or lock what the session rests on). */
    public static String freshToken(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/api/auth/login").then().statusCode(200).extract().path("token");
    }

    /** The first error key of each field a {@link jp.tsunagu.platform.web.Params} collected (empty when it passes). */
    public static Map<String, String> fieldErrors(jp.tsunagu.platform.web.Params p) {
        Map<String, String> out = new java.util.HashMap<>();
        try {
            p.check();
        } catch (jp.tsunagu.platform.web.ProblemException e) {
            e.fieldErrors().forEach(f -> out.putIfAbsent(f.field(), f.key()));
        }
        return out;
    }

    /** The text of a mail attachment (a calendar file). */
    public static String attachmentText(io.quarkus.mailer.Attachment attachment) {
        java.util.List<Byte> raw = io.smallrye.mutiny.Multi.createFrom().publisher(attachment.getData())
                .collect().asList().await().indefinitely();
        byte[] bytes = new byte[raw.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = raw.get(i);
        }
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The demo account's address for a short name ("bridge"); an address stays as it is. */
    /** A request to the management interface (health, metrics, the OpenAPI document), not the public port. */
    public static io.restassured.specification.RequestSpecification management() {
        return io.restassured.RestAssured.given().port(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.management.test-port", Integer.class));
    }

    public static String email(String who) {
        return who.contains("@") ? who : who + "@demo.tsunagu.jp";
    }

    /** A request as a demo account ("bridge", or an address); "anonymous" or null signs in as no one. */
    public static io.restassured.specification.RequestSpecification as(String who) {
        return who == null || who.equals("anonymous") ? given()
                : given().header("Authorization", "Bearer " + token(email(who)));
    }

    /** {@link #as} with a JSON body. */
    public static io.restassured.specification.RequestSpecification json(String who) {
        return as(who).contentType(ContentType.JSON);
    }

    public static long id(AgroalDataSource ds, String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No row for " + sql);
                }
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One text value (first column of the first row; null when the row or the value is missing). */
    /** The first column of every row a query answers, as text. */
    public static java.util.List<String> strings(AgroalDataSource ds, String sql) {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (var c = ds.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public static String text(AgroalDataSource ds, String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long orgId(AgroalDataSource ds, String code) {
        return id(ds, "SELECT id FROM organization WHERE code = ?", code);
    }

    public static long circleId(AgroalDataSource ds, String code) {
        return id(ds, "SELECT id FROM circle WHERE code = ?", code);
    }

    public static long accountId(AgroalDataSource ds, String email) {
        return id(ds, "SELECT id FROM account WHERE email = ?", email);
    }

    public static long count(AgroalDataSource ds, String table) {
        return id(ds, "SELECT count(*) FROM " + table);
    }

    public static int update(AgroalDataSource ds, String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a throw-away account (for tests that fail sign-ins on purpose) and returns its e-mail. */
    public static String throwAwayAccount(AgroalDataSource ds, String role, String password) {
        String email = "t-" + UUID.randomUUID().toString().substring(0, 8) + "@test.tsunagu.jp";
        update(ds, "INSERT INTO account (email, display_name, password_hash, role) VALUES (?, ?, ?, ?)",
                email, "テスト 利用者", BcryptUtil.bcryptHash(password, 4), role);
        return email;
    }

    /** Whether the database refuses a statement (an append-only table, a CHECK). */
    public static boolean updateFails(AgroalDataSource ds, String sql, Object... args) {
        try {
            update(ds, sql, args);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** A fresh account on the staff of an organization (by code), not its administrator. */
    public static String staffOf(AgroalDataSource ds, String orgCode) {
        String email = throwAwayAccount(ds, "partner-staff", PASSWORD);
        update(ds, "INSERT INTO membership (account_id, organization_id, title) SELECT a.id, o.id, '支援員'"
                + " FROM account a, organization o WHERE a.email = ? AND o.code = ?", email, orgCode);
        return email;
    }

    /**
     * A held meeting of a test's own: a copy of the demo's 第0回 (its circle, times and venue facts),
     * outside any series, with no organizers yet, no minutes and nothing circulated. Answers its id.
     */
    public static long heldMeetingCopy(AgroalDataSource ds, String title) {
        return id(ds, "INSERT INTO meeting SELECT (jsonb_populate_record(NULL::meeting, to_jsonb(m)"
                + " || jsonb_build_object('id', nextval(pg_get_serial_sequence('meeting', 'id')), 'title', ? || ' ' || clock_timestamp(),"
                + " 'series_id', NULL, 'number', NULL, 'minutes_published_at', NULL, 'status', 'HELD', 'minutes_version', 0,"
                + " 'minutes_doc_mark', NULL, 'minutes_circulated_at', NULL, 'minutes_circulated_until', NULL,"
                + " 'minutes_circulated_by', NULL))).* FROM meeting m WHERE m.title = '第0回 就労移行等情報交換会' RETURNING id", title);
    }
}
