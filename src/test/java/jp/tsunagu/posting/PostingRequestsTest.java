package jp.tsunagu.posting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * Internship bookings (places used up by accepted requests, decisions by the owner, withdrawal by
 * the requester) and "anyone suitable?" questions (only to a circle the posting reached; answers
 * are counts and contacts; the asker sees them all, others only their own).
 */
@QuarkusTest
class PostingRequestsTest {

    @Inject
    AgroalDataSource ds;

    static RequestSpecification as(String who) {
        return TestSupport.json(who);
    }

    @Test
    void bookingsUseUpPlacesAndOnlyTheRightPeopleDecide() {
        long slot = TestSupport.id(ds, "SELECT id FROM posting WHERE title = '職場実習：スーパーの品出し（3日間）'");
        // the partner books one place, Hello Work two: the slot has two
        int first = as("partner").body(Map.of("people", 1, "office", "就労移行支援事業所 那覇第1", "message", "見学から希望します"))
                .post("/api/internships/" + slot + "/requests").then().statusCode(201).body("status", equalTo("PENDING"))
                .extract().path("id");
        int second = as("hw-naha").body(Map.of("people", 2)).post("/api/internships/" + slot + "/requests").then()
                .statusCode(201).extract().path("id");
        // the owner cannot book its own slot; an outsider cannot see it; bad counts are refused
        as("bridge").body(Map.of("people", 1)).post("/api/internships/" + slot + "/requests").then().statusCode(409);
        as("csa").body(Map.of("people", 1)).post("/api/internships/" + slot + "/requests").then().statusCode(404);
        as("partner").body(Map.of("people", 0)).post("/api/internships/" + slot + "/requests").then().statusCode(400)
                .body("errors.field", hasItem("people"));
        // each requester sees its own; the owner sees all
        as("partner").get("/api/internships/" + slot + "/requests").then().statusCode(200).body("", hasSize(1));
        as("bridge").get("/api/internships/" + slot + "/requests").then().statusCode(200).body("id", hasItem(first))
                .body("id", hasItem(second));
        // only the owner decides; accepted requests use up places
        as("partner").body(Map.of("status", "ACCEPTED", "version", 0)).put("/api/internships/" + slot + "/requests/" + first)
                .then().statusCode(403);
        as("bridge").body(Map.of("status", "ACCEPTED", "version", 0)).put("/api/internships/" + slot + "/requests/" + first)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        as("bridge").body(Map.of("status", "ACCEPTED", "version", 0)).put("/api/internships/" + slot + "/requests/" + second)
                .then().statusCode(409).body("type", org.hamcrest.Matchers.containsString("places-full"));
        as("bridge").get("/api/postings/" + slot).then().body("placesLeft", equalTo(1));
        // the requester withdraws: the place comes back
        as("partner").body(Map.of("status", "WITHDRAWN", "version", 1)).put("/api/internships/" + slot + "/requests/" + first)
                .then().statusCode(200);
        as("bridge").get("/api/postings/" + slot).then().body("placesLeft", equalTo(2));
        as("bridge").body(Map.of("status", "ACCEPTED", "version", 0)).put("/api/internships/" + slot + "/requests/" + second)
                .then().statusCode(200);
        as("partner").get("/api/internships?size=50").then().statusCode(200).body("items.kind", org.hamcrest.Matchers.everyItem(equalTo("INTERNSHIP")));
    }

    @Test
    void anyoneSuitableAsksOnlyWhereThePostingIsAndAnswersCarryNoPerson() {
        long hotel = TestSupport.id(ds, "SELECT id FROM posting WHERE title = 'ホテル客室清掃スタッフ（短時間から）'");
        long okinawa = TestSupport.circleId(ds, "okinawa-south-exchange");
        long fy2023 = TestSupport.circleId(ds, "fy2023-pairing");
        // not into a circle the posting never reached (asking must not spread it)
        as("bridge").body(Map.of("postingId", hotel, "circleId", fy2023)).post("/api/candidate-requests").then()
                .statusCode(400).body("errors.field", hasItem("circleId"));
        int ask = as("bridge").body(Map.of("postingId", hotel, "circleId", okinawa, "message", "午前だけ働ける方はいませんか"))
                .post("/api/candidate-requests").then().statusCode(201).extract().path("id");
        as("csa").body(Map.of("postingId", hotel, "circleId", okinawa)).post("/api/candidate-requests").then().statusCode(404);
        // members answer with a count and a contact; answering again replaces
        as("partner").body(Map.of("people", 1)).post("/api/candidate-requests/" + ask + "/answers").then().statusCode(200);
        as("partner").body(Map.of("people", 2)).post("/api/candidate-requests/" + ask + "/answers").then().statusCode(200)
                .body("answers", equalTo(1)).body("visibleAnswers", hasSize(1));
        as("hw-naha").body(Map.of("people", 1)).post("/api/candidate-requests/" + ask + "/answers").then().statusCode(200)
                .body("visibleAnswers", hasSize(1)).body("answers", equalTo(2));
        as("csa").body(Map.of("people", 1)).post("/api/candidate-requests/" + ask + "/answers").then().statusCode(404);
        as("partner").body(Map.of("people", 99)).post("/api/candidate-requests/" + ask + "/answers").then().statusCode(400);
        // the asker sees every answer and the total; the circle sees the question
        as("bridge").get("/api/candidate-requests?posting=" + hotel).then().statusCode(200)
                .body("[0].people", equalTo(3)).body("[0].visibleAnswers", hasSize(2))
                .body("[0].visibleAnswers.contact.name", hasItem("金城 さくら"));
        as("partner").get("/api/candidate-requests").then().statusCode(200).body("postingTitle", hasItem("ホテル客室清掃スタッフ（短時間から）"));
        as("csa").get("/api/candidate-requests").then().statusCode(200)
                .body("postingTitle", org.hamcrest.Matchers.not(hasItem("ホテル客室清掃スタッフ（短時間から）")));
    }
}
