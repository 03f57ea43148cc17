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

    public static String token(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", PASSWORD))
                .post("/api/auth/login").then().statusCode(200).extract().path("token");
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
}
