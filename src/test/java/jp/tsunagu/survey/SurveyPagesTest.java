package jp.tsunagu.survey;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.support.TestSupport.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The survey pages by HTTP: the personal link's page (form, refusal shown again with nothing
 * stored, saved answer, unknown link), the list, a survey's page for its owner and for a shared
 * circle, results, the builder's edits, a paper answer, and who gets 404.
 */
@QuarkusTest
@Tag("data")
class SurveyPagesTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    MockMailbox mailbox;

    long demo;

    @BeforeEach
    void ids() {
        demo = TestSupport.id(ds, "SELECT s.id FROM survey s WHERE s.fictitious AND s.deadline = DATE '2023-10-31'");
    }

    static RequestSpecification page(String who) {
        RequestSpecification s = given().contentType(ContentType.URLENC.withCharset("UTF-8")).accept("text/html").redirects().follow(false);
        return who == null ? s : s.header("Authorization", "Bearer " + TestSupport.token(who + "@demo.tsunagu.jp"));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
            "admin,    /surveys,                 200",
            "partner,  /surveys,                 200",
            "admin,    /surveys/{demo},          200",
            "bridge,   /surveys/{demo},          200",
            "partner,  /surveys/{demo},          404",
            "advisor,  /surveys/{demo},          404",
            "admin,    /surveys/{demo}/results,  200",
            "bridge,   /surveys/{demo}/results?compare=area,  200",
            "partner,  /surveys/{demo}/results,  404",
            "admin,    /surveys/{demo}/print,    200",
            "bridge,   /surveys/{demo}/print,    404",
            "bridge,   /surveys/{demo}/questions, 404",
            "admin,    /surveys/999999/results,  404",
    })
    void whoSeesWhichPage(String who, String path, int status) {
        page(who).get(path.replace("{demo}", Long.toString(demo))).then().statusCode(status);
    }

    @Test
    void theOwnerSeesTheRateAndTheListAndASharedCircleOnlyTheResults() {
        page("admin").get("/surveys/" + demo).then().statusCode(200)
                .body(containsString("164 / 478 件（34.3%）")).body(containsString("id=\"responses\""))
                .body(containsString("（架空）"));
        page("bridge").get("/surveys/" + demo).then().statusCode(200)
                .body(containsString("34.3%")).body(not(containsString("id=\"responses\""))).body(not(containsString("（架空）水戸")));
        page("admin").get("/surveys/" + demo + "/results?compare=area").then().statusCode(200)
                .body(containsString("role=\"img\"")).body(containsString("<caption>過去3年間の就労支援の実績の有無 の集計表</caption>"))
                .body(containsString("水戸"));
        page("bridge").get("/surveys/" + demo + "/results?orgType=HELLO_WORK").then().statusCode(200)
                .body(containsString("3件未満"));
        page(null).get("/surveys").then().statusCode(303);
    }

    String deadline(int days) {
        return JapaneseCalendar.today().plusDays(days).toString();
    }

    @Test
    void aRecipientAnswersThroughThePageOfItsLink() {
        long id = json("tortoise").body(Map.of("from", "attitude-fy2023", "deadline", deadline(7))).post("/api/surveys")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long office = TestSupport.id(ds, "SELECT o.id FROM organization o JOIN organization_area oa ON oa.organization_id = o.id"
                + " JOIN catchment_area a ON a.id = oa.area_id WHERE a.code = 'gunma-tortoise-area' AND o.email IS NOT NULL ORDER BY o.id LIMIT 1");
        json("tortoise").body(Map.of("organizationIds", List.of(office))).post("/api/surveys/" + id + "/recipients")
                .then().statusCode(200);
        mailbox.clear();
        json("tortoise").post("/api/surveys/" + id + "/send").then().statusCode(200);
        String to = TestSupport.text(ds, "SELECT email FROM organization WHERE id = ?", office);
        String token = SurveyApiTest.link(mailbox.getMailsSentTo(to).get(0));

        page(null).get("/survey/" + token).then().statusCode(200)
                .header("Referrer-Policy", "no-referrer").header("X-Robots-Tag", "noindex")
                .body(containsString("data-island=\"survey-conditions\"")).body(containsString("name=\"answers.placements.fy2020.transition\""))
                .body(containsString("data-shown-if=\"placement-record\""));
        // refused: the page again with the fields named, what was typed kept, nothing stored
        page(null).formParam("answers.services", "type-b").formParam("answers.self-work", "7")
                .formParam("answers.expectations", "研修を増やしてほしい").post("/survey/" + token).then().statusCode(400)
                .body(containsString("error-summary")).body(containsString("href=\"#answers.placement-record\""))
                .body(containsString("研修を増やしてほしい"));
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM survey_recipient WHERE survey_id = ? AND answered_at IS NOT NULL", id));
        page(null).formParam("answers.services", "type-b").formParam("answers.placement-record", "yes")
                .formParam("answers.placements.fy2021.type-b", "x").post("/survey/" + token).then().statusCode(400)
                .body(containsString("href=\"#answers.placements.fy2021.type-b\""));
        page(null).formParam("answers.services", "type-b", "other").formParam("answers.services.other", "生活介護")
                .formParam("answers.placement-record", "yes").formParam("answers.placements.fy2021.type-b", "2")
                .formParam("answers.self-employer", "1").post("/survey/" + token).then().statusCode(303)
                .header("Location", containsString("/survey/" + token + "?saved=answer"));
        page(null).get("/survey/" + token + "?saved=answer").then().statusCode(200)
                .body(containsString("回答を保存しました")).body(containsString("value=\"2\"")).body(containsString("生活介護"));
        page(null).get("/survey/" + "B".repeat(43)).then().statusCode(404);

        // the owner keys in nothing over it without replacing; the list shows it answered online
        page("tortoise").get("/surveys/" + id).then().statusCode(200).body(containsString("1 / 1 件（100.0%）"));
        page("tortoise").formParam("answers.services", "transition").formParam("answers.placement-record", "no")
                .post("/surveys/" + id + "/paper/" + office).then().statusCode(409);
        page("tortoise").formParam("answers.services", "transition").formParam("answers.placement-record", "no").formParam("replace", "on")
                .post("/surveys/" + id + "/paper/" + office).then().statusCode(303);
        assertEquals("PAPER", TestSupport.text(ds, "SELECT q.channel FROM questionnaire_response q JOIN survey_recipient r"
                + " ON r.response_id = q.id WHERE r.survey_id = ?", id));
        page("minato").get("/surveys/" + id + "/paper/" + office).then().statusCode(404);
    }

    @Test
    void theBuilderAddsMovesAndDeletesQuestionsUntilSent() {
        String location = page("bridge").formParam("deadline", deadline(9)).formParam("titleJa", "圏域アンケート")
                .post("/surveys").then().statusCode(303).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        page("bridge").formParam("version", "0").formParam("section", "new").formParam("sectionJa", "基本")
                .formParam("kind", "SINGLE").formParam("labelJa", "定着支援をしていますか")
                .formParam("options", "はい\nいいえ\n*その他").formParam("required", "on")
                .formParam("labelEn", "").formParam("hintJa", "").formParam("scaleMax", "").formParam("scaleLow", "").formParam("rows", "")
                .post("/surveys/" + id + "/questions").then().statusCode(303);
        page("bridge").formParam("version", "1").formParam("section", "1").formParam("kind", "TEXT").formParam("labelJa", "理由")
                .formParam("shownIfQuestion", "q1").formParam("shownIfOptions", "q1:o1")
                .post("/surveys/" + id + "/questions").then().statusCode(303);
        // refused: no label, a choice without options; the page again, nothing stored
        page("bridge").formParam("version", "2").formParam("section", "1").formParam("kind", "MULTI").formParam("options", "ひとつ")
                .post("/surveys/" + id + "/questions").then().statusCode(400)
                .body(containsString("href=\"#labelJa\""));
        page("bridge").formParam("version", "2").formParam("section", "1").formParam("kind", "MULTI").formParam("labelJa", "x")
                .formParam("options", "ひとつ").post("/surveys/" + id + "/questions").then().statusCode(400)
                .body(containsString("選択肢を2〜30個"));
        // a question cannot move above the question its condition names
        page("bridge").formParam("version", "2").post("/surveys/" + id + "/questions/q2/up").then().statusCode(400);
        page("bridge").formParam("version", "2").formParam("section", "1").formParam("kind", "TEXT").formParam("labelJa", "ご意見")
                .post("/surveys/" + id + "/questions").then().statusCode(303);
        // a stale version: someone else saved in between
        page("bridge").formParam("version", "2").post("/surveys/" + id + "/questions/q3/up").then().statusCode(409);
        page("bridge").formParam("version", "3").post("/surveys/" + id + "/questions/q3/up").then().statusCode(303);
        String def = json("bridge").get("/api/surveys/" + id).then().statusCode(200).extract().asString();
        assertTrue(def.indexOf("ご意見") < def.indexOf("理由") && def.indexOf("定着支援をしていますか") < def.indexOf("ご意見"), def);
        assertTrue(def.contains("\"other\":true"), def);
        // the question a condition names cannot go while the condition stays
        page("bridge").formParam("version", "4").post("/surveys/" + id + "/questions/q1/delete").then().statusCode(400);
        page("bridge").formParam("version", "4").post("/surveys/" + id + "/questions/q2/delete").then().statusCode(303);
        page("bridge").get("/surveys/" + id + "/questions").then().statusCode(200).body(not(containsString("理由")))
                .body(containsString("ご意見"));
        page("tortoise").get("/surveys/" + id + "/questions").then().statusCode(404);
    }
}
