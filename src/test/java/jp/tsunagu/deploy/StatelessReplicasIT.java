package jp.tsunagu.deploy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jp.tsunagu.support.AppInstance;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two replicas of the packaged application on one database with one key pair, as the Helm chart
 * runs them: a session made through one is accepted by the other, and signing out through the
 * other ends it on both; a sign-in lock-out counts failures made through either and holds on both.
 */
@QuarkusTest
class StatelessReplicasIT {

    static AppInstance first;
    static AppInstance second;

    @Inject
    AgroalDataSource ds;

    @BeforeAll
    static void startTwo() {
        Map<String, String> props = AppInstance.besideThisTest("target/replicas/keys");
        // a lock-out within a few tries, without the growing delay before it
        props.put("tsunagu.login.delay-after", "100");
        props.put("tsunagu.login.lock-after", "4");
        // every test signs in from 127.0.0.1: the per-client limit is not what is tested here
        props.put("tsunagu.login.client-max-failures", "1000");
        // the first makes the key pair, the second reads it (two generating at once could each write half)
        first = AppInstance.start(18093, props).awaitReady();
        second = AppInstance.start(18094, props).awaitReady();
    }

    @AfterAll
    static void stopTwo() {
        AppInstance.closeAll(first, second);
    }

    static io.restassured.response.Response signIn(int port, String email, String password) {
        return given().port(port).contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/auth/login");
    }

    @Test
    void aSessionFromOneReplicaWorksOnTheOtherAndEndsOnBoth() {
        String token = signIn(first.port, TestSupport.email("bridge"), TestSupport.PASSWORD).then().statusCode(200)
                .extract().path("token");
        given().port(second.port).auth().oauth2(token).get("/api/me").then().statusCode(200)
                .body("email", equalTo(TestSupport.email("bridge")));
        given().port(first.port).auth().oauth2(token).get("/api/me").then().statusCode(200);
        // signed out through the second: the first refuses the session too
        given().port(second.port).auth().oauth2(token).post("/api/auth/logout").then().statusCode(204);
        given().port(first.port).auth().oauth2(token).get("/api/me").then().statusCode(401);
        given().port(second.port).auth().oauth2(token).get("/api/me").then().statusCode(401);
    }

    @Test
    void aLockOutCountsFailuresThroughEitherAndHoldsOnBoth() {
        String email = TestSupport.throwAwayAccount(ds, "center-staff", "correct-horse-battery");
        for (int i = 0; i < 3; i++) {
            signIn(i % 2 == 0 ? first.port : second.port, email, "wrong-" + i).then().statusCode(401);
        }
        // the fourth failure, through the other replica than the third, locks the address
        signIn(second.port, email, "wrong-3").then().statusCode(429).body("type", endsWith("/sign-in-locked"));
        // now the right password is refused on both
        signIn(first.port, email, "correct-horse-battery").then().statusCode(429).body("type", endsWith("/sign-in-locked"));
        signIn(second.port, email, "correct-horse-battery").then().statusCode(429).body("type", endsWith("/sign-in-locked"));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM login_throttle WHERE email = ? AND locked_until > now()", email),
                "one lock, in the database both replicas read");
    }
}
