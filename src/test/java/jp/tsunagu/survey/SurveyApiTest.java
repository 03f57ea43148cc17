package jp.tsunagu.survey;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.support.TestSupport.as;
import static jp.tsunagu.support.TestSupport.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Surveys over the API: the FY2023 demo reproduces the report's figures; who may read, run and
 * answer what; bad input named field by field; the personal link opens its own answer only; the
 * reminder goes once to those who have not answered, even when two runs race.
 */
@QuarkusTest
@Tag("data")
class SurveyApiTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    MockMailbox mailbox;

    @Inject
    SurveyReminderJob job;

    long demo;

    @BeforeEach
    void ids() {
        demo = TestSupport.id(ds, "SELECT s.id FROM survey s WHERE s.fictitious AND s.deadline = DATE '2023-10-31'");
    }

    static Map<String, Object> count(JsonPath j, String question, String option) {
        List<Map<String, Object>> counts = j.getList("questions.find { it.code == '" + question + "' }.all.counts");
        return counts.stream().filter(c -> option.equals(c.get("code"))).findFirst().orElseThrow();
    }

    @Test
    void theDemoSurveyReproducesTheReportsFigures() {
        JsonPath r = as("admin").get("/api/surveys/" + demo + "/responses").then().statusCode(200).extract().jsonPath();
        assertEquals(478, r.getInt("recipients"));
        assertEquals(164, r.getInt("answered"));
        assertEquals("34.3", r.getString("rate"));
        assertEquals(16, r.getInt("byArea.find { it.label.startsWith('沖縄') }.answered"));
        assertEquals(76, r.getInt("byArea.find { it.label.startsWith('沖縄') }.recipients"));

        JsonPath res = as("admin").get("/api/surveys/" + demo + "/results").then().statusCode(200).extract().jsonPath();
        assertEquals(164, res.getInt("responses"));
        assertEquals(83, count(res, "placement-record", "yes").get("count"));
        assertEquals(81, count(res, "placement-record", "no").get("count"));
        int ticks = res.<Integer>getList("questions.find { it.code == 'services' }.all.counts.count").stream().mapToInt(i -> i).sum();
        assertEquals(235, ticks);
        assertEquals(161, res.getInt("questions.find { it.code == 'retention-period' }.all.answered"));
        assertEquals("22.4", count(res, "retention-period", "within").get("percent"));
        assertEquals("34.8", count(res, "retention-period", "beyond").get("percent"));
        int beyondOrRegion = (Integer) count(res, "retention-period", "beyond").get("count")
                + (Integer) count(res, "retention-period", "with-region").get("count");
        assertTrue(beyondOrRegion * 100 / 161 >= 60, "6割以上");
        assertEquals(139, res.getInt("questions.find { it.code == 'partners' }.all.answered"));
        int welfare = (Integer) count(res, "partners", "welfare").get("count");
        int nakapotsu = (Integer) count(res, "partners", "nakapotsu").get("count");
        int vocational = (Integer) count(res, "partners", "vocational").get("count");
        assertTrue(welfare > nakapotsu && nakapotsu > 2 * vocational, welfare + " > " + nakapotsu + " > 2 × " + vocational);
        for (String q : List.of("useful-supervise", "useful-difficult", "useful-regional")) {
            assertEquals(157, res.getInt("questions.find { it.code == '" + q + "' }.all.answered"), q);
        }

        // region beside the whole: 津 rates 企業・職場 as lacking far more often; 水戸 wants supervision most
        JsonPath byArea = as("admin").get("/api/surveys/" + demo + "/results?compare=area").then().statusCode(200).extract().jsonPath();
        double all = share(byArea, "self-employer", "all", "1");
        double tsu = share(byArea, "self-employer", "津", "1");
        assertTrue(tsu > 2 * all, tsu + " vs " + all);
        double mitoWant = share(byArea, "useful-supervise", "水戸", "want");
        for (String area : List.of("のいける", "藤岡", "津", "中和", "沖縄")) {
            assertTrue(mitoWant > share(byArea, "useful-supervise", area, "want"), area);
        }
        assertTrue(share(byArea, "useful-supervise", "津", "want") > share(byArea, "useful-supervise", "all", "want"));
        assertTrue(share(byArea, "useful-regional", "水戸", "useful") < share(byArea, "useful-regional", "all", "useful"));
    }

    /** A group's share of an option (percent of those who answered the question). */
    static double share(JsonPath j, String question, String group, String option) {
        Map<String, Object> tally = "all".equals(group) ? j.getMap("questions.find { it.code == '" + question + "' }.all")
                : j.getMap("questions.find { it.code == '" + question + "' }.groups.find { it.label.startsWith('" + group + "') }");
        assertNotNull(tally, question + " " + group);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> counts = (List<Map<String, Object>>) tally.get("counts");
        return Double.parseDouble((String) counts.stream().filter(c -> option.equals(c.get("code"))).findFirst().orElseThrow().get("percent"));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
            "anonymous, '',                 401",
            "admin,     '',                 200",
            "bridge,    '',                 200",
            "tortoise,  '',                 200",
            "partner,   '',                 404",
            "advisor,   '',                 404",
            "sysadmin,  '',                 404",
            "hw-naha,   '',                 404",
            "admin,     /responses,         200",
            "bridge,    /responses,         404",
            "partner,   /responses,         404",
            "anonymous, /responses,         401",
            "admin,     /results,           200",
            "bridge,    /results,           200",
            "partner,   /results,           404",
            "advisor,   /results,           404",
            "admin,     /results.csv,       200",
            "bridge,    /results.csv,       404",
            "tortoise,  /results.xlsx,      404",
            "admin,     /results.xlsx,      200",
    })
    void whoReadsTheDemoSurvey(String who, String tail, int status) {
        as(who).get("/api/surveys/" + demo + tail).then().statusCode(status);
    }

    @Test
    void sharedCirclesReadCountsButNoTextsAndTheListShowsOnlyWhatOneMayRead() {
        as("bridge").get("/api/surveys/" + demo + "/results").then().statusCode(200)
                .body("withTexts", equalTo(false))
                .body("questions.find { it.code == 'expectations' }.texts", org.hamcrest.Matchers.empty());
        as("admin").get("/api/surveys/" + demo + "/results").then().statusCode(200)
                .body("withTexts", equalTo(true))
                .body("questions.find { it.code == 'expectations' }.texts.size()", org.hamcrest.Matchers.greaterThan(0));
        as("bridge").get("/api/surveys").then().statusCode(200).body("id", hasItem((int) demo));
        as("partner").get("/api/surveys").then().statusCode(200).body("id", not(hasItem((int) demo)));
    }

    @Test
    void theAnswersFileHasNoNamesOrAddresses() {
        byte[] csv = as("admin").get("/api/surveys/" + demo + "/results.csv").then().statusCode(200)
                .header("Content-Type", containsString("text/csv")).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"));
        assertEquals(165, text.split("\r\n").length, "header and 164 answers");
        assertTrue(!text.contains("（架空）") && !text.contains("@demo.tsunagu.jp"), "no office names or addresses");
        byte[] xlsx = as("admin").get("/api/surveys/" + demo + "/results.xlsx").then().statusCode(200).extract().asByteArray();
        assertEquals('P', xlsx[0]);
        assertEquals('K', xlsx[1]);
    }

    String deadline(int days) {
        return JapaneseCalendar.today().plusDays(days).toString();
    }

    long create(String who, String remindOn) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("from", "attitude-fy2023", "deadline", deadline(14)));
        if (remindOn != null) {
            body.put("remindOn", remindOn);
        }
        return json(who).body(body)
                .post("/api/surveys").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @ParameterizedTest(name = "{0} starts a survey -> {1}")
    @CsvSource({"anonymous, 401", "tortoise, 201", "bridge, 201", "admin, 201", "minato, 403", "partner, 403", "advisor, 403",
            "sysadmin, 403"})
    void whoStartsASurvey(String who, int status) {
        json(who).body(Map.of("deadline", deadline(10))).post("/api/surveys").then().statusCode(status);
    }

    @Test
    void badInputIsNamedFieldByField() {
        json("tortoise").body("{}").post("/api/surveys").then().statusCode(400)
                .body("errors.field", hasItem("deadline"));
        json("tortoise").body(Map.of("deadline", "2020-01-01", "from", "nope")).post("/api/surveys").then().statusCode(400)
                .body("errors.field", hasItems("deadline", "from"));
        String bad = """
                {"deadline":"%s","definition":{"title":{"ja":"t"},"sections":[{"title":{"ja":"s"},"questions":[
                  {"code":"a","kind":"SINGLE","label":{"ja":"A"},"options":[{"code":"x","label":{"ja":"X"}}]},
                  {"code":"a","kind":"TEXT","label":{"ja":"B"},"options":[{"code":"y","label":{"ja":"Y"}}]},
                  {"code":"c","kind":"SCALE","label":{"ja":"C"}},
                  {"code":"d","kind":"TEXT","label":{"ja":"D"},"shownIf":{"question":"zz","options":["x"]}},
                  {"code":"Bad Code","kind":"NUMBER_TABLE","label":{"ja":"%s"}}]}]}}
                """.formatted(deadline(5), "長".repeat(301));
        List<String> fields = json("tortoise").body(bad).post("/api/surveys").then().statusCode(400)
                .extract().jsonPath().getList("errors.field");
        assertTrue(fields.containsAll(List.of("definition.sections[0].questions[4].code", "definition.sections[0].questions[4].label.ja")),
                fields.toString());
        // the annotations pass: the rules across fields
        String cross = bad.replace("\"Bad Code\"", "\"e\"").replace("長".repeat(301), "E");
        fields = json("tortoise").body(cross).post("/api/surveys").then().statusCode(400).extract().jsonPath().getList("errors.field");
        assertTrue(fields.containsAll(List.of("sections[0].questions[0].options", "sections[0].questions[1].code",
                "sections[0].questions[1].options", "sections[0].questions[2].scale", "sections[0].questions[3].shownIf.question",
                "sections[0].questions[4].rows", "sections[0].questions[4].columns")), fields.toString());
        json("tortoise").body("{\"deadline\": \"not a date\"}").post("/api/surveys").then().statusCode(400);
        json("tortoise").body("[1,2]").post("/api/surveys").then().statusCode(400);
        as("admin").get("/api/surveys/" + demo + "/results?compare=bogus").then().statusCode(400).body("errors.field", hasItem("compare"));
        as("admin").get("/api/surveys/" + demo + "/results?orgType=X").then().statusCode(400).body("errors.field", hasItem("orgType"));
        as("admin").get("/api/surveys/abc").then().statusCode(400);
        as("admin").get("/api/surveys/999999999").then().statusCode(404);
        given().get("/api/survey/not-a-token").then().statusCode(404);
        given().contentType("application/json").body("{}").post("/api/survey/" + "A".repeat(43)).then().statusCode(404);
        long id = create("tortoise", null);
        json("tortoise").body("{}").post("/api/surveys/" + id + "/recipients").then().statusCode(400).body("errors.field", hasItem("orgTypes"));
        json("tortoise").body(Map.of("orgTypes", List.of("NOPE"))).post("/api/surveys/" + id + "/recipients").then().statusCode(400);
        json("tortoise").body(Map.of("orgTypes", List.of("CONTINUOUS_B"), "areaIds", List.of(999999)))
                .post("/api/surveys/" + id + "/recipients").then().statusCode(400).body("errors.field", hasItem("areaIds"));
        json("tortoise").body(Map.of("orgTypes", List.of("CONTINUOUS_B"), "circleIds", List.of(TestSupport.circleId(ds, "chiba-council"))))
                .post("/api/surveys/" + id + "/recipients").then().statusCode(400).body("errors.field", hasItem("circleIds"));
        json("tortoise").body(Map.of("version", 0, "deadline", deadline(3), "remindOn", deadline(9)))
                .put("/api/surveys/" + id).then().statusCode(400).body("errors.field", hasItem("remindOn"));
        json("tortoise").body(Map.of("version", 7, "deadline", deadline(3))).put("/api/surveys/" + id).then().statusCode(409);
        // a paper answer before anything was sent would be lost with the next change of the questions
        json("tortoise").body("{\"organizationId\":" + TestSupport.orgId(ds, "gunma-tortoise") + ",\"answers\":{\"answers\":{}}}")
                .post("/api/surveys/" + id + "/paper-responses").then().statusCode(409);
        json("tortoise").body(Map.of("deadline", deadline(5), "programId", 999999)).post("/api/surveys").then().statusCode(400)
                .body("errors.field", hasItem("programId"));
        String longEnd = """
                {"deadline":"%s","definition":{"title":{"ja":"t"},"sections":[{"title":{"ja":"s"},"questions":[
                  {"code":"a","kind":"SCALE","label":{"ja":"A"},"scale":{"min":1,"max":5,"low":{"ja":"%s"}}}]}]}}
                """.formatted(deadline(5), "低".repeat(101));
        json("tortoise").body(longEnd).post("/api/surveys").then().statusCode(400)
                .body("errors.field", hasItem("definition.sections[0].questions[0].scale.low.ja"));
        json("tortoise").body("{\"deadline\":\"" + deadline(5) + "\",\"definition\":{\"title\":{\"ja\":\"t\"},\"sections\":[null]}}")
                .post("/api/surveys").then().statusCode(400);
        // a huge list is refused at once, naming the field; a thousand bad ids are named (the first hundred)
        json("tortoise").body(Map.of("circleIds", java.util.Collections.nCopies(20000, 0))).post("/api/surveys/" + id + "/shares")
                .then().statusCode(400).body("errors[0].field", equalTo("circleIds")).body("errors[0].code", equalTo("too-many-items"));
        json("tortoise").body(Map.of("organizationIds", java.util.Collections.nCopies(1000, -1))).post("/api/surveys/" + id + "/recipients")
                .then().statusCode(400).body("errors.size()", org.hamcrest.Matchers.lessThanOrEqualTo(100));
        as("tortoise").post("/api/surveys/" + id + "/send").then().statusCode(200).body("mailed", equalTo(0));
        as("minato").post("/api/surveys/" + id + "/send").then().statusCode(404);
        as("admin").post("/api/surveys/" + id + "/send").then().statusCode(403);
    }

    static String link(Mail m) {
        Matcher x = Pattern.compile("/survey/([A-Za-z0-9_-]+)").matcher(m.getText());
        assertTrue(x.find(), m.getText());
        return x.group(1);
    }

    @Test
    void aCenterAsksOfficesOfItsAreaTheyAnswerByLinkAndOnPaper() {
        long id = create("tortoise", null);
        // a center asks its own prefecture only
        json("tortoise").body(Map.of("orgTypes", List.of("CONTINUOUS_B"), "prefectures", List.of(47)))
                .post("/api/surveys/" + id + "/recipients").then().statusCode(200).body("added", equalTo(0));
        JsonPath added = json("tortoise").body(Map.of("orgTypes", List.of("CONTINUOUS_B", "TRANSITION_SUPPORT"),
                        "areaIds", List.of(TestSupport.id(ds, "SELECT id FROM catchment_area WHERE code = 'gunma-tortoise-area'"))))
                .post("/api/surveys/" + id + "/recipients").then().statusCode(200).extract().jsonPath();
        int total = added.getInt("total");
        int onPaper = added.getInt("withoutEmail");
        assertTrue(total > 5 && onPaper > 0, added.prettify());
        mailbox.clear();
        as("tortoise").post("/api/surveys/" + id + "/send").then().statusCode(200)
                .body("mailed", equalTo(total - onPaper)).body("onPaper", equalTo(onPaper));
        String address = TestSupport.text(ds, "SELECT email FROM survey_recipient WHERE survey_id = ? AND email IS NOT NULL ORDER BY id LIMIT 1", id);
        List<Mail> mails = mailbox.getMailsSentTo(address);
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getText().contains("トータス") && mails.get(0).getText().contains("To "), "bilingual, names the sender");
        String token = link(mails.get(0));

        // the link opens this office's own answer, without signing in
        String office = TestSupport.text(ds, "SELECT o.name FROM organization o JOIN survey_recipient r ON r.organization_id = o.id"
                + " WHERE r.survey_id = ? AND r.email = ?", id, address);
        given().get("/api/survey/" + token).then().statusCode(200).body("organization", equalTo(office))
                .body("open", equalTo(true)).body("answeredAt", equalTo(null));
        given().contentType("application/json").body("{\"answers\":{}}").post("/api/survey/" + token).then().statusCode(400)
                .body("errors.field", hasItems("answers.services", "answers.placement-record"));
        given().contentType("application/json").body("""
                {"answers":{"services":{"options":["type-b","other"]},"placement-record":{"options":["yes","no"]},
                 "self-work":{"value":9},"placements":{"cells":{"fy2020":{"type-b":-1}}},"nope":{"text":"x"}}}
                """).post("/api/survey/" + token).then().statusCode(400)
                .body("errors.field", hasItems("answers.services.other", "answers.placement-record", "answers.self-work",
                        "answers.nope"))
                // placements are asked only after "yes": with the choice refused they are not asked at all
                .body("errors.field", not(hasItem("answers.placements.fy2020.type-b")));
        given().contentType("application/json").body("""
                {"answers":{"services":{"options":["type-b"]},"placement-record":{"options":["yes"]},
                 "placements":{"cells":{"fy2020":{"type-b":-1},"fy1999":{"type-b":1}}}}}
                """).post("/api/survey/" + token).then().statusCode(400)
                .body("errors.field", hasItems("answers.placements"));
        given().contentType("application/json").body("""
                {"answers":{"services":{"options":["type-b"]},"placement-record":{"options":["yes"]},
                 "placements":{"cells":{"fy2020":{"type-b":-1}}}}}
                """).post("/api/survey/" + token).then().statusCode(400)
                .body("errors.field", hasItems("answers.placements.fy2020.type-b"));
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM survey_recipient WHERE survey_id = ? AND answered_at IS NOT NULL", id));
        given().contentType("application/json").body("""
                {"answers":{"services":{"options":["type-b"]},"placement-record":{"options":["no"]},
                 "placements":{"cells":{"fy2020":{"type-b":3}}},"self-employer":{"value":1}}}
                """).post("/api/survey/" + token).then().statusCode(200).body("answeredAt", not(equalTo(null)))
                .body("answers.answers.placements", equalTo(null));   // not asked when there were no placements: dropped
        given().contentType("application/json").body("""
                {"answers":{"services":{"options":["type-b"],"other":"グループホーム"},"placement-record":{"options":["yes"]},
                 "placements":{"cells":{"fy2020":{"type-b":3}}},"self-employer":{"value":2}}}
                """).post("/api/survey/" + token).then().statusCode(200)
                .body("answers.answers.services.options", hasItems("type-b", "other"))
                .body("answers.answers.placements.cells.fy2020.type-b", equalTo(3));
        // the link of another survey's recipient does not open this one's answers, and the answer stays one
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM questionnaire_response q JOIN survey_recipient r ON r.response_id = q.id"
                + " WHERE r.survey_id = ?", id));

        long answeredRecipient = TestSupport.id(ds, "SELECT id FROM survey_recipient WHERE survey_id = ? AND answered_at IS NOT NULL", id);
        as("tortoise").delete("/api/surveys/" + id + "/recipients/" + answeredRecipient).then().statusCode(409);
        as("bridge").delete("/api/surveys/" + id + "/recipients/" + answeredRecipient).then().statusCode(404);

        // the questions stay once sent
        int version = as("tortoise").get("/api/surveys/" + id).then().statusCode(200).extract().jsonPath().getInt("version");
        String def = as("tortoise").get("/api/surveys/" + id).then().extract().jsonPath().prettyPrint();
        assertTrue(def.contains("placement-record"));
        json("tortoise").body("{\"version\":" + version + ",\"deadline\":\"" + deadline(20) + "\",\"definition\":{\"title\":{\"ja\":\"x\"},"
                + "\"sections\":[{\"title\":{\"ja\":\"s\"},\"questions\":[{\"code\":\"q\",\"kind\":\"TEXT\",\"label\":{\"ja\":\"Q\"}}]}]}}")
                .put("/api/surveys/" + id).then().statusCode(409);
        json("tortoise").body(Map.of("version", version, "deadline", deadline(20))).put("/api/surveys/" + id).then().statusCode(200)
                .body("deadline", equalTo(deadline(20)));

        // a paper answer for an office without an address, keyed in by staff
        long paperOrg = TestSupport.id(ds, "SELECT organization_id FROM survey_recipient WHERE survey_id = ? AND email IS NULL ORDER BY id LIMIT 1", id);
        String paper = "{\"organizationId\":" + paperOrg + ",\"answers\":{\"answers\":{\"services\":{\"options\":[\"transition\"]},"
                + "\"placement-record\":{\"options\":[\"no\"]}}}}";
        json("minato").body(paper).post("/api/surveys/" + id + "/paper-responses").then().statusCode(404);
        json("tortoise").body(paper).post("/api/surveys/" + id + "/paper-responses").then().statusCode(201);
        json("tortoise").body(paper).post("/api/surveys/" + id + "/paper-responses").then().statusCode(409);
        json("tortoise").body(paper.replace("\"answers\":{\"answers\"", "\"replace\":true,\"answers\":{\"answers\""))
                .post("/api/surveys/" + id + "/paper-responses").then().statusCode(201);
        json("tortoise").body(paper.replace(Long.toString(paperOrg), Long.toString(TestSupport.orgId(ds, "okinawa-bridge"))))
                .post("/api/surveys/" + id + "/paper-responses").then().statusCode(400).body("errors.field", hasItem("organizationId"));
        as("tortoise").get("/api/surveys/" + id + "/responses").then().statusCode(200)
                .body("answered", equalTo(2)).body("online", equalTo(1)).body("paper", equalTo(1));

        // reminders go to those who have not answered, not twice in a row
        mailbox.clear();
        as("tortoise").post("/api/surveys/" + id + "/remind").then().statusCode(200).body("mailed", equalTo(total - onPaper - 1));
        assertEquals(0, mailbox.getMailsSentTo(address).size(), "the office that answered is not reminded");
        as("tortoise").post("/api/surveys/" + id + "/remind").then().statusCode(200).body("mailed", equalTo(0));
        // the old link still works after a reminder replaced it; the answer can still be read
        given().get("/api/survey/" + token).then().statusCode(200).body("answeredAt", not(equalTo(null)));
    }

    @Test
    void theReminderJobRacedByTwoRunsSendsOnce() throws Exception {
        long id = create("bridge", deadline(0));
        json("bridge").body(Map.of("orgTypes", List.of("CONTINUOUS_B", "CONTINUOUS_A", "TRANSITION_SUPPORT")))
                .post("/api/surveys/" + id + "/recipients").then().statusCode(200);
        int mailed = as("bridge").post("/api/surveys/" + id + "/send").then().statusCode(200).extract().jsonPath().getInt("mailed");
        assertTrue(mailed > 3);
        mailbox.clear();
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(this::runJob);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(this::runJob);
        int sent = a.get() + b.get();
        assertTrue(sent >= mailed, sent + " of " + mailed);  // other tests' surveys due today may add theirs
        assertEquals(mailed, TestSupport.id(ds, "SELECT count(*) FROM survey_recipient WHERE survey_id = ? AND reminders = 1", id));
        for (String to : jdbcList("SELECT email FROM survey_recipient WHERE survey_id = " + id + " AND email IS NOT NULL")) {
            assertEquals(1, mailbox.getMailsSentTo(to).stream().filter(m -> m.getSubject().contains("締切")).count(), to);
        }
        assertEquals(0, runJob(), "claimed once");
    }

    int runJob() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> job.run());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> jdbcList(String sql) {
        return TestSupport.strings(ds, sql);
    }
}
