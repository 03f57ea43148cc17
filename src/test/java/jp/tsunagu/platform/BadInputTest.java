package jp.tsunagu.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed or invalid input answers 400 problem+json naming the fields, and stores nothing. */
@QuarkusTest
class BadInputTest {

    @Inject
    AgroalDataSource ds;

    String admin;
    long invitationsBefore;
    long accountsBefore;

    @BeforeEach
    void setUp() {
        admin = TestSupport.token("admin@demo.tsunagu.jp");
        invitationsBefore = TestSupport.count(ds, "invitation");
        accountsBefore = TestSupport.count(ds, "account");
    }

    void nothingStored() {
        assertEquals(invitationsBefore, TestSupport.count(ds, "invitation"));
        assertEquals(accountsBefore, TestSupport.count(ds, "account"));
    }

    @Test
    void brokenJson() {
        given().contentType(ContentType.JSON).body("{\"email\": \"a@b.jp\", ").post("/api/auth/login")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("status", equalTo(400)).body("message.ja", notNullValue()).body("message.en", notNullValue());
    }

    @Test
    void wrongTypes() {
        given().contentType(ContentType.JSON).body("{\"email\": [1,2], \"password\": {\"x\": 1}}").post("/api/auth/login")
                .then().log().ifValidationFails().statusCode(400).body("errors.field", hasItem("email"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"email\": \"x@example.jp\", \"organizationId\": \"not-a-number\", \"role\": \"center-staff\"}")
                .post("/api/invitations").then().statusCode(400).body("errors.field", hasItem("organizationId"));
        nothingStored();
    }

    /** A form body sent in chunks (no length given beforehand) is counted as it comes: over 1 MB answers 413, a small one is read. */
    @Test
    void chunkedFormBodiesAreCountedAsTheyArrive() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.URI login = java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + "/login");
        byte[] big = ("email=x%40example.jp&password=" + "x".repeat(1_100_000)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var tooLarge = client.send(java.net.http.HttpRequest.newBuilder(login).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertTrue(tooLarge.body().contains("too-large"), tooLarge.body());
        byte[] small = "email=nobody%40example.jp&password=wrong-password".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var read = client.send(java.net.http.HttpRequest.newBuilder(login).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(small))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(read.statusCode() == 401 || read.statusCode() == 400 || read.statusCode() == 200, read.statusCode() + " " + read.body());
        assertTrue(read.body().contains("nobody@example.jp"), "the fields were read: the e-mail address is kept in the form");
        // a client asking for HTTP/2 without TLS (h2c) is answered over HTTP/1.1, its body read whole, in chunks and at once
        java.net.http.HttpClient h2 = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2).build();
        for (var publisher : List.of(java.net.http.HttpRequest.BodyPublishers.ofByteArray(small),
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(small)))) {
            var r = h2.send(java.net.http.HttpRequest.newBuilder(login).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html").POST(publisher).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(java.net.http.HttpClient.Version.HTTP_1_1, r.version());
            assertTrue(r.statusCode() < 500 && r.body().contains("nobody@example.jp"), r.version() + " " + r.statusCode() + " "
                    + r.body().substring(0, Math.min(300, r.body().length())));
        }
    }

    /** Form bodies the framework's reader would fail on are refused before it: 400, whoever sends them. */
    @ParameterizedTest(name = "form body [{0}]")
    @ValueSource(strings = {"=", "==", "=&=", "=x", "title=a&=b", "title=%", "title=%zz", "x=%E3%81"})
    void malformedFormBodiesAnswer400(String body) {
        for (String who : List.of("sysadmin@demo.tsunagu.jp", "admin@demo.tsunagu.jp")) {
            given().auth().oauth2(TestSupport.token(who)).header("Accept-Language", "en-US")
                    .contentType("application/x-www-form-urlencoded").body(body)
                    .post("/programs/1/template").then().statusCode(400).body(containsString("malformed-body"));
        }
    }

    @Test
    void missingFieldsAreAllNamed() {
        given().contentType(ContentType.JSON).body("{}").post("/api/auth/login")
                .then().statusCode(400).body("errors.field", hasItems("email", "password"))
                .body("errors[0].message.ja", notNullValue()).body("errors[0].message.en", notNullValue());
        given().contentType(ContentType.JSON).post("/api/auth/login").then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}").post("/api/invitations")
                .then().statusCode(400).body("errors.field", hasItems("email", "organizationId", "role"));
        nothingStored();
    }

    @Test
    void oversizedStrings() {
        String huge = "あ".repeat(5000);
        given().contentType(ContentType.JSON).body(Map.of("email", huge + "@example.jp", "password", huge))
                .post("/api/auth/login").then().statusCode(400).body("errors.field", hasItems("email", "password"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", "ok@example.jp", "organizationId", TestSupport.orgId(ds, "gunma-tortoise"),
                        "role", "center-staff", "title", huge))
                .post("/api/invitations").then().statusCode(400).body("errors.field", hasItem("title"));
        given().get("/api/organizations?q=" + "a".repeat(101)).then().statusCode(400).body("errors.field", hasItem("q"));
        nothingStored();
    }

    @Test
    void unknownEnumValues() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("email", "ok@example.jp", "organizationId", TestSupport.orgId(ds, "gunma-tortoise"), "role", "king"))
                .post("/api/invitations").then().statusCode(400).body("errors.field", hasItem("role"))
                .body("errors[0].code", equalTo("unknown-value"));
        given().get("/api/organizations?type=CASTLE").then().statusCode(400).body("errors.field", hasItem("type"));
        nothingStored();
    }

    @Test
    void badQueryAndPathParameters() {
        given().get("/api/organizations?prefecture=abc&page=0&size=100000").then().statusCode(400)
                .body("errors.field", hasItems("prefecture", "page", "size"));
        given().get("/api/organizations?prefecture=48").then().statusCode(400).body("errors.field", hasItem("prefecture"));
        given().get("/api/organizations/abc").then().statusCode(400).body("errors.field", hasItem("id"));
        given().get("/api/areas").then().statusCode(400).body("errors.field", hasItem("prefecture"));
        given().auth().oauth2(admin).get("/api/circles/-1").then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"' OR 1=1 --", "'; DROP TABLE organization; --", "<script>alert(1)</script>", "%_%", "\\"})
    void injectionStringsAreJustText(String attack) {
        long orgs = TestSupport.count(ds, "organization");
        given().queryParam("q", attack).get("/api/organizations").then().statusCode(200).body("total", equalTo(0));
        given().contentType(ContentType.JSON).body(Map.of("email", "x" + System.nanoTime() + "@example.jp", "password", attack))
                .post("/api/auth/login").then().statusCode(401);
        assertEquals(orgs, TestSupport.count(ds, "organization"));
    }

    @Test
    void htmlIsEscapedOnPages() {
        given().accept("text/html").queryParam("q", "<script>alert(1)</script>").get("/directory")
                .then().statusCode(200).body(containsString("&lt;script&gt;")).body(org.hamcrest.Matchers.not(containsString("<script>alert(1)")));
    }

    @Test
    void wrongMediaTypeAndMethod() {
        given().contentType(ContentType.TEXT).body("email=a").post("/api/auth/login").then().statusCode(415)
                .contentType(containsString("application/problem+json"));
        given().delete("/api/organizations").then().statusCode(405);
    }
}
