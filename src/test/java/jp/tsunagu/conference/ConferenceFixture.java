package jp.tsunagu.conference;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jp.tsunagu.support.TestSupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Builds conferences for the tests through the API, with people in each position the rules name. */
public final class ConferenceFixture {

    private ConferenceFixture() {
    }

    public static String token(String email) {
        return TestSupport.token(email);
    }

    public static RequestSpecification as(String email) {
        return TestSupport.as(email);
    }

    public static String demo(String who) {
        return who + "@demo.tsunagu.jp";
    }

    /** A fresh account on the staff of an organization (by code), so tests can remove it freely. */
    public static String staffOf(AgroalDataSource ds, String orgCode) {
        String email = TestSupport.throwAwayAccount(ds, "partner-staff", TestSupport.PASSWORD);
        TestSupport.update(ds, "INSERT INTO membership (account_id, organization_id, title) SELECT a.id, o.id, '支援員'"
                + " FROM account a, organization o WHERE a.email = ? AND o.code = ?", email, orgCode);
        return email;
    }

    public static long account(AgroalDataSource ds, String email) {
        return TestSupport.accountId(ds, email);
    }

    /** Creates a conference by bridge@ (facilitator) in the Okinawa circle with the given other attendees and roles. */
    public static long create(AgroalDataSource ds, String startsAt, int retentionDays, Map<String, String> others) {
        List<Map<String, Object>> attendees = new ArrayList<>();
        attendees.add(Map.of("accountId", account(ds, demo("bridge")), "role", "FACILITATOR"));
        others.forEach((email, role) -> attendees.add(Map.of("accountId", account(ds, email), "role", role)));
        Map<String, Object> body = new HashMap<>();
        body.put("circleId", TestSupport.circleId(ds, "okinawa-south-exchange"));
        body.put("title", "事例検討会（試験）");
        body.put("format", "NONAKA");
        body.put("legalBasis", "STATUTORY");
        body.put("startsAt", startsAt);
        body.put("retentionDays", retentionDays);
        body.put("attendees", attendees);
        return as(demo("bridge")).contentType(ContentType.JSON).body(body).post("/api/conferences")
                .then().statusCode(201).extract().jsonPath().getLong("summary.id");
    }

    /** The facilitator (bridge@) sets the attendees to bridge@ and {@code others}: people left out are removed at once. */
    public static void setAttendees(AgroalDataSource ds, long id, String startsAt, Map<String, String> others) {
        int version = as(demo("bridge")).get("/api/conferences/" + id).then().statusCode(200).extract().jsonPath().getInt("version");
        Map<String, Object> update = new HashMap<>();
        update.put("title", "事例検討会（試験）");
        update.put("format", "NONAKA");
        update.put("legalBasis", "STATUTORY");
        update.put("startsAt", startsAt);
        update.put("retentionDays", 30);
        update.put("version", version);
        List<Map<String, Object>> list = new ArrayList<>();
        list.add(Map.of("accountId", account(ds, demo("bridge")), "role", "FACILITATOR"));
        others.forEach((email, role) -> list.add(Map.of("accountId", account(ds, email), "role", role)));
        update.put("attendees", list);
        as(demo("bridge")).contentType(ContentType.JSON).body(update).put("/api/conferences/" + id).then().statusCode(200);
    }

    public static void pledge(String email, long id) {
        as(email).contentType(ContentType.JSON).body(Map.of("accept", true)).post("/api/conferences/" + id + "/pledge")
                .then().statusCode(200);
    }

    public static Map<String, Object> caseBody(int version, String factors) {
        Map<String, Object> body = new HashMap<>();
        body.put("ageBand", 40);
        body.put("sex", "FEMALE");
        body.put("certificateType", "MENTAL");
        body.put("certificateGrade", "3");
        body.put("diagnosis", "MOOD");
        body.put("household", "子ども2人とのひとり親世帯。");
        body.put("referralRoute", "ハローワークを通じて相談開始。");
        body.put("presentingProblem", "生活が苦しく、就職を急いでいる。");
        body.put("factors", factors);
        body.put("actionsOutcomes", "機関ごとに頻度を決めて関わった ⇒ 春に就職。");
        body.put("discussionPoints", "定着支援の分担をどうするか。");
        body.put("team", List.of(Map.of("agencyType", "CONSULTATION", "role", "計画づくり", "frequency", "TWICE_MONTHLY",
                "relation", "STRONG"), Map.of("agencyType", "FOOD_BANK", "frequency", "WEEKLY", "relation", "NORMAL")));
        body.put("version", version);
        return body;
    }
}
