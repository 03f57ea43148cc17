package jp.tsunagu.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks from other sites: sign-in CSRF (a hostile page signing a person into the attacker's
 * account), forged invitation acceptance and personal-link answers, bodies of the wrong type to
 * page forms, and reads that write a log entry started by another site or a mailed link.
 */
@QuarkusTest
@Tag("data")
class CsrfTest {

    private static final String OWN = "http://localhost:8081";

    @Inject
    AgroalDataSource ds;

    private static Response formLogin(String origin, String fetchSite, String referer) {
        var spec = given().redirects().follow(false).contentType(ContentType.URLENC).accept("text/html")
                .formParam("email", "bridge@demo.tsunagu.jp").formParam("password", TestSupport.PASSWORD);
        if (origin != null) {
            spec = spec.header("Origin", origin);
        }
        if (fetchSite != null) {
            spec = spec.header("Sec-Fetch-Site", fetchSite);
        }
        if (referer != null) {
            spec = spec.header("Referer", referer);
        }
        return spec.post("/login");
    }

    @Test
    void signInFromAnotherSiteIsRefusedAndSetsNoCookie() {
        for (Response r : new Response[]{
                formLogin("https://evil.example", null, null),
                formLogin("null", null, null),
                formLogin(null, "cross-site", null),
                formLogin(null, "same-site", null),
                formLogin(null, null, "https://evil.example/page"),
                formLogin("https://localhost:8081.evil.example", "cross-site", null)}) {
            r.then().statusCode(403);
            assertNull(r.getCookie("tsunagu_session"), "no session cookie from a foreign sign-in");
        }
        // the API sign-in likewise
        given().contentType(ContentType.JSON).header("Origin", "https://evil.example")
                .body(Map.of("email", "bridge@demo.tsunagu.jp", "password", TestSupport.PASSWORD))
                .post("/api/auth/login").then().statusCode(403).body("type", containsString("csrf"))
                .body("message.ja", notNullValue()).body("message.en", notNullValue());
        // from the site itself it works
        Response own = formLogin(OWN, "same-origin", OWN + "/login");
        own.then().statusCode(303);
        assertTrue(own.getCookie("tsunagu_session") != null);
    }

    @Test
    void invitationAcceptanceAndPersonalLinksRefuseForeignOrigins() {
        given().header("Origin", "https://evil.example").contentType(ContentType.URLENC)
                .formParam("displayName", "攻撃者").formParam("password", "a-good-passphrase")
                .post("/invite/abcdefghijklmnopqrstuvwxyz012345").then().statusCode(403);
        given().header("Origin", "https://evil.example").contentType(ContentType.JSON)
                .body(Map.of("displayName", "攻撃者", "password", "a-good-passphrase"))
                .post("/api/invitations/abcdefghijklmnopqrstuvwxyz012345/accept").then().statusCode(403);
        given().header("Sec-Fetch-Site", "cross-site").contentType(ContentType.URLENC).formParam("rsvp", "YES")
                .post("/p/abcdefghijklmnopqrstuvwxyz012345").then().statusCode(403);
        given().header("Origin", "https://evil.example").contentType(ContentType.JSON).body(Map.of("answers", Map.of()))
                .post("/api/poll/abcdefghijklmnopqrstuvwxyz012345").then().statusCode(403);
    }

    @Test
    void aBearerClientWithoutTheCookieStaysAllowedButTheCookieAloneNeedsAnOrigin() {
        String token = TestSupport.token("minato@demo.tsunagu.jp");
        given().auth().oauth2(token).header("Origin", "https://tool.example").contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "not-it-at-all", "newPassword", "second-password-2"))
                .post("/api/me/password").then().statusCode(400);
        String cookie = given().contentType(ContentType.JSON)
                .body(Map.of("email", "minato@demo.tsunagu.jp", "password", TestSupport.PASSWORD))
                .post("/api/auth/login").then().statusCode(200).extract().cookie("tsunagu_session");
        // a cookie with a Bearer header is still the cookie's ambient authority
        given().cookie("tsunagu_session", cookie).auth().oauth2(token).header("Origin", "https://evil.example")
                .post("/api/auth/logout").then().statusCode(403);
        given().cookie("tsunagu_session", cookie).post("/api/auth/logout").then().statusCode(403);
    }

    @Test
    void aPageFormGivenJsonOrXmlAnswers415NotA500() {
        String token = TestSupport.token("bridge@demo.tsunagu.jp");
        long conference = TestSupport.id(ds, "SELECT id FROM conference WHERE title = '第2回 事例検討会（野中式）'");
        long meeting = TestSupport.id(ds, "SELECT min(id) FROM meeting");
        long posting = TestSupport.id(ds, "SELECT min(id) FROM posting");
        for (String path : new String[]{"/conferences/" + conference + "/case", "/conferences/" + conference + "/board",
                "/meetings/" + meeting, "/postings/" + posting, "/login", "/invitations", "/postings"}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"title\":\"x\"}").post(path)
                    .then().statusCode(415).contentType(containsString("application/problem+json"))
                    .body("message.ja", notNullValue()).body("message.en", notNullValue());
            given().auth().oauth2(token).contentType(ContentType.XML).body("<a>x</a>").post(path)
                    .then().statusCode(415);
            given().auth().oauth2(token).contentType("text/plain").body("title=x").post(path)
                    .then().statusCode(415);
        }
        // an API route given a form where it takes JSON: 415 problem+json as well
        given().auth().oauth2(token).contentType(ContentType.URLENC).formParam("email", "x@example.jp")
                .post("/api/invitations").then().statusCode(415).contentType(containsString("application/problem+json"))
                .body("message.ja", notNullValue());
    }

    private String cookieOf(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", TestSupport.PASSWORD))
                .post("/api/auth/login").then().statusCode(200).extract().cookie("tsunagu_session");
    }

    private long reads(long conference, String what) {
        return TestSupport.id(ds, "SELECT count(*) FROM conference_read WHERE conference_id = ? AND what = ?", conference, what);
    }

    @Test
    void anotherSiteOrAMailedLinkCannotMakeSomeoneReadOrPrintACase() {
        String cookie = cookieOf("bridge@demo.tsunagu.jp");
        long conference = TestSupport.id(ds, "SELECT id FROM conference WHERE title = '第2回 事例検討会（野中式）'");
        long printed = reads(conference, "PRINT");
        long read = reads(conference, "CASE");
        // a hostile page navigating to the print copy or the case sheet: refused, nothing logged
        for (String site : new String[]{"cross-site", "same-site"}) {
            given().cookie("tsunagu_session", cookie).header("Sec-Fetch-Site", site).accept("text/html")
                    .get("/conferences/" + conference + "/print").then().statusCode(403)
                    .body(containsString("/conferences/" + conference + "/print"));
            given().cookie("tsunagu_session", cookie).header("Sec-Fetch-Site", site).accept("text/html")
                    .get("/conferences/" + conference + "/case").then().statusCode(403);
            given().cookie("tsunagu_session", cookie).header("Sec-Fetch-Site", site)
                    .get("/api/conferences/" + conference + "/case").then().statusCode(403)
                    .body("type", containsString("read-not-own-act"));
        }
        // a link in a mail opens the print copy only after the person confirms from Tsunagu's page
        given().cookie("tsunagu_session", cookie).header("Sec-Fetch-Site", "none").accept("text/html")
                .get("/conferences/" + conference + "/print").then().statusCode(403)
                .body(containsString("記録に残して開く"));
        given().cookie("tsunagu_session", cookie).accept("text/html").header("Referer", "https://evil.example/")
                .get("/conferences/" + conference + "/print").then().statusCode(403);
        // the same paths written differently are the same paths
        for (String disguised : new String[]{"//conferences/" + conference + "/print", "/conferences/" + conference + "/%70rint",
                "/conferences/" + conference + "/print;x=1", "/conferences/./" + conference + "/print",
                "/conferences/" + conference + "/%63ase"}) {
            given().urlEncodingEnabled(false).cookie("tsunagu_session", cookie).header("Sec-Fetch-Site", "cross-site")
                    .accept("text/html").get(disguised).then().statusCode(org.hamcrest.Matchers.anyOf(
                            org.hamcrest.Matchers.is(403), org.hamcrest.Matchers.is(404)));
        }
        assertEquals(printed, reads(conference, "PRINT"), "no forged print in the log");
        assertEquals(read, reads(conference, "CASE"), "no forged read in the log");
        // from Tsunagu's own page it opens and is logged
        given().cookie("tsunagu_session", cookie).header("Sec-Fetch-Site", "same-origin").accept("text/html")
                .get("/conferences/" + conference + "/print").then().statusCode(200);
        given().cookie("tsunagu_session", cookie).accept("text/html").header("Referer", OWN + "/conferences/" + conference)
                .get("/conferences/" + conference + "/print").then().statusCode(200);
        assertEquals(printed + 2, reads(conference, "PRINT"));
        // a mailed link to the case sheet is the person opening it: shown and logged
        given().cookie("tsunagu_session", cookie).header("Sec-Fetch-Site", "none").accept("text/html")
                .get("/conferences/" + conference + "/case").then().statusCode(200);
        assertEquals(read + 1, reads(conference, "CASE"));
    }

    @Test
    void anotherSiteCannotMakeSomeoneViewOrExportPostings() {
        String cookie = cookieOf("partner@demo.tsunagu.jp");
        long posting = TestSupport.id(ds, "SELECT min(p.id) FROM posting p WHERE p.visibility = 'CIRCLES'"
                + " AND EXISTS (SELECT 1 FROM posting_share s JOIN circle c ON c.id = s.circle_id"
                + " WHERE s.posting_id = p.id AND c.code = 'okinawa-south-exchange')");
        long views = TestSupport.id(ds, "SELECT count(*) FROM posting_view WHERE posting_id = ?", posting);
        long exports = TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'POSTINGS_EXPORTED'");
        given().cookie("tsunagu_session", cookie).header("Sec-Fetch-Site", "cross-site").get("/api/postings/" + posting)
                .then().statusCode(403);
        given().cookie("tsunagu_session", cookie).header("Sec-Fetch-Site", "cross-site").accept("text/html")
                .get("/postings/" + posting).then().statusCode(403);
        given().cookie("tsunagu_session", cookie).header("Sec-Fetch-Site", "cross-site").get("/api/postings/export.csv")
                .then().statusCode(403);
        given().cookie("tsunagu_session", cookie).header("Sec-Fetch-Site", "none").get("/api/postings/export.csv")
                .then().statusCode(403);
        assertEquals(views, TestSupport.id(ds, "SELECT count(*) FROM posting_view WHERE posting_id = ?", posting));
        assertEquals(exports, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'POSTINGS_EXPORTED'"));
        // the same reads from Tsunagu's own pages work
        given().cookie("tsunagu_session", cookie).header("Sec-Fetch-Site", "same-origin").accept("text/html")
                .get("/postings/" + posting).then().statusCode(200);
        given().cookie("tsunagu_session", cookie).header("Sec-Fetch-Site", "same-origin").get("/api/postings/export.csv")
                .then().statusCode(200);
        assertEquals(exports + 1, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'POSTINGS_EXPORTED'"));
    }
}
