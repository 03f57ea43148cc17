package jp.tsunagu.report;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.tsunagu.support.TestSupport.as;
import static jp.tsunagu.support.TestSupport.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pair reports: the two centers write and submit, the pair's advisor and the secretariat comment,
 * the secretariat sends back or approves; the program's report gathers every pair with the national
 * figures, as a page and as a PDF whose text is read back. Everyone else gets 404.
 */
@QuarkusTest
@Tag("data")
class PairReportTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    MockMailbox mailbox;

    long noikeru;   // pair 5: のいける × あいらいさ, the demo advisor's pair (submitted in the demo)
    long tortoise;  // pair 1: トータス × みなと (approved in the demo)
    long program;

    static long pair(AgroalDataSource ds, String implementing) {
        return TestSupport.id(ds, "SELECT x.id FROM pairing x JOIN organization o ON o.id = x.implementing_id WHERE o.code = ?",
                implementing);
    }

    @BeforeEach
    void ids() {
        noikeru = pair(ds, "hokkaido-noikeru");
        tortoise = pair(ds, "gunma-tortoise");
        program = TestSupport.id(ds, "SELECT id FROM program WHERE fiscal_year = 2023");
    }

    /** The のいける report back to a fresh draft (no row, no remarks), for a flow of its own. */
    void freshDraft(long pairing) {
        TestSupport.update(ds, "DELETE FROM pairing_report_comment WHERE pairing_id = ?", pairing);
        TestSupport.update(ds, "DELETE FROM pairing_report WHERE pairing_id = ?", pairing);
    }

    String path(String template) {
        return template.replace("{noikeru}", String.valueOf(noikeru)).replace("{tortoise}", String.valueOf(tortoise))
                .replace("{program}", String.valueOf(program));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
            "noikeru,   /api/pairings/{noikeru}/report,          200",
            "advisor,   /api/pairings/{noikeru}/report,          200",
            "admin,     /api/pairings/{noikeru}/report,          200",
            "tortoise,  /api/pairings/{noikeru}/report,          404",
            "partner,   /api/pairings/{noikeru}/report,          404",
            "sysadmin,  /api/pairings/{noikeru}/report,          404",
            "advisor,   /api/pairings/{tortoise}/report,         404",
            "anonymous, /api/pairings/{noikeru}/report,          401",
            "noikeru,   /api/pairings/{noikeru}/report/comments, 200",
            "partner,   /api/pairings/{noikeru}/report/comments, 404",
            "noikeru,   /api/pairings/999999/report,             404",
            "noikeru,   /api/pairings/abc/report,                400",
            "noikeru,   /pairings/{noikeru}/report,              200",
            "advisor,   /pairings/{noikeru}/report,              200",
            "tortoise,  /pairings/{noikeru}/report,              404",
            "partner,   /pairings/{noikeru}/report,              404",
            "admin,     /api/programs/{program}/report,          200",
            "admin,     /programs/{program}/report,              200",
            "noikeru,   /api/programs/{program}/report,          404",
            "advisor,   /programs/{program}/report,              404",
            "partner,   /api/programs/{program}/report.pdf,      404",
            "anonymous, /api/programs/{program}/report.pdf,      401",
            "admin,     /api/programs/999999/report,             404",
            "admin,     /api/programs/x/report.pdf,              400",
    })
    void whoReadsWhat(String who, String template, int status) {
        as(who).get(path(template)).then().statusCode(status);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "advisor   | PUT  | /api/pairings/{noikeru}/report                | 403",
            "tortoise  | PUT  | /api/pairings/{noikeru}/report                | 404",
            "partner   | PUT  | /api/pairings/{noikeru}/report                | 404",
            "anonymous | PUT  | /api/pairings/{noikeru}/report                | 401",
            "noikeru   | POST | /api/pairings/{noikeru}/report/approve        | 403",
            "advisor   | POST | /api/pairings/{noikeru}/report/return         | 403",
            "tortoise  | POST | /api/pairings/{noikeru}/report/approve        | 404",
            "advisor   | POST | /api/pairings/{noikeru}/report/submit         | 403",
            "partner   | POST | /api/pairings/{noikeru}/report/comments       | 404",
            "tortoise  | POST | /api/pairings/{noikeru}/report/comments       | 404",
    })
    void whoWritesWhat(String who, String method, String template, int status) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", 1);
        body.put("comment", "理由");
        body.put("section", "GENERAL");
        body.put("body", "コメント");
        var request = json(who).body(body);
        (method.equals("PUT") ? request.put(path(template)) : request.post(path(template))).then().statusCode(status);
    }

    @Test
    void badInputIsNamedAndStoresNothing() {
        freshDraft(noikeru);
        json("noikeru").body(Map.of("motive", "x")).put(path("/api/pairings/{noikeru}/report"))
                .then().statusCode(400).contentType(containsString("problem+json")).body("errors.field", hasItem("version"));
        json("noikeru").body(Map.of("version", 0, "motive", "あ".repeat(4001))).put(path("/api/pairings/{noikeru}/report"))
                .then().statusCode(400).body("errors.field", hasItem("motive"));
        json("noikeru").body(Map.of("version", 0, "message", "あ".repeat(2001))).put(path("/api/pairings/{noikeru}/report"))
                .then().statusCode(400).body("errors.field", hasItem("message"));
        json("noikeru").body(Map.of("version", 0, "surveyId", 999999)).put(path("/api/pairings/{noikeru}/report"))
                .then().statusCode(400).body("errors.field", hasItem("surveyId"));
        json("noikeru").body(Map.of("version", -1)).put(path("/api/pairings/{noikeru}/report"))
                .then().statusCode(400).body("errors.field", hasItem("version"));
        json("noikeru").body("{\"version\": \"zero\"}").put(path("/api/pairings/{noikeru}/report")).then().statusCode(400);
        json("noikeru").body("{\"version\": 0, ").put(path("/api/pairings/{noikeru}/report")).then().statusCode(400);
        json("noikeru").body("[1, 2]").put(path("/api/pairings/{noikeru}/report")).then().statusCode(400);
        json("noikeru").body(Map.of("section", "NOPE", "body", "x")).post(path("/api/pairings/{noikeru}/report/comments"))
                .then().statusCode(400).body("errors.field", hasItem("section"));
        json("noikeru").body(Map.of("section", "MOTIVE", "body", "   ")).post(path("/api/pairings/{noikeru}/report/comments"))
                .then().statusCode(400).body("errors.field", hasItem("body"));
        json("noikeru").body(Map.of("section", "MOTIVE", "body", "あ".repeat(2001))).post(path("/api/pairings/{noikeru}/report/comments"))
                .then().statusCode(400).body("errors.field", hasItem("body"));
        json("noikeru").body(Map.of("version", 0, "keyPoints", "前\u0001後")).put(path("/api/pairings/{noikeru}/report"))
                .then().statusCode(400).body("errors.field", hasItem("keyPoints"));
        json("noikeru").body(Map.of("section", "MOTIVE", "body", "\u3000\u3000")).post(path("/api/pairings/{noikeru}/report/comments"))
                .then().statusCode(400).body("errors.field", hasItem("body"));
        json("noikeru").body(Map.of()).post(path("/api/pairings/{noikeru}/report/submit"))
                .then().statusCode(400).body("errors.field", hasItem("version"));
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM pairing_report WHERE pairing_id = ?", noikeru));
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM pairing_report_comment WHERE pairing_id = ?", noikeru));
        // the page form says the same in place
        as("noikeru").contentType(ContentType.URLENC).formParam("version", "0").formParam("keyPoints", "a".repeat(4001))
                .post(path("/pairings/{noikeru}/report")).then().statusCode(400)
                .body(containsString("error-summary")).body(containsString("href=\"#keyPoints\""))
                .body(containsString("aria-invalid=\"true\""));
        as("noikeru").contentType(ContentType.URLENC).formParam("version", "x")
                .post(path("/pairings/{noikeru}/report")).then().statusCode(400);
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM pairing_report WHERE pairing_id = ?", noikeru));
    }

    /** Four long texts through the page form (about 140 KB encoded): every character arrives and is stored. */
    @Test
    void aLongReportArrivesWholeThroughThePageForm() {
        freshDraft(noikeru);
        String motive = "連携の輪を広げたい。".repeat(390);
        as("noikeru").contentType(ContentType.URLENC.withCharset("UTF-8")).redirects().follow(false).formParam("version", "0")
                .formParam("motive", motive).formParam("activities", "訪".repeat(3999)).formParam("keyPoints", "点".repeat(4000))
                .formParam("changes", "変".repeat(4000)).post(path("/pairings/{noikeru}/report")).then().statusCode(303);
        assertEquals(motive, TestSupport.text(ds, "SELECT motive FROM pairing_report WHERE pairing_id = ?", noikeru));
        assertEquals(3999 + 4000 + 4000, TestSupport.id(ds, "SELECT length(activities) + length(key_points) + length(changes)"
                + " FROM pairing_report WHERE pairing_id = ?", noikeru));
        freshDraft(noikeru);
    }

    @Test
    void theCentersWriteTheAdvisorCommentsTheSecretariatSendsBackAndApproves() {
        freshDraft(noikeru);
        TestSupport.update(ds, "UPDATE pairing SET status = 'ACTIVE' WHERE id = ?", noikeru);
        mailbox.clear();
        String report = path("/api/pairings/{noikeru}/report");

        // a fresh draft: the application's motive, the pair's records, the survey for its region
        JsonPath fresh = as("noikeru").get(report).then().statusCode(200).extract().jsonPath();
        assertEquals("DRAFT", fresh.getString("status"));
        assertTrue(fresh.getBoolean("motiveFromApplication"));
        assertTrue(fresh.getString("motive").contains("コロナ禍"));
        assertTrue(fresh.getBoolean("editable"));
        List<String> links = fresh.getList("activities.link");
        assertTrue(links.stream().anyMatch(l -> l.startsWith("/pairings/" + noikeru + "#visit-")), links.toString());
        assertEquals(List.of("+2", "+3", "0", "0", "+2", "+2"), fresh.getList("assessment.change"));
        assertEquals("SHOWN", fresh.getString("survey.state"));
        assertTrue(fresh.getString("survey.region").contains("のいける"));
        assertFalse(fresh.getList("survey.questions").isEmpty());
        // the advisor, who is in no circle the survey is shared into, is not shown it
        JsonPath advisorView = as("advisor").get(report).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), advisorView.getList("surveyChoices"));
        assertFalse(advisorView.getBoolean("canEdit"));
        assertTrue(advisorView.getBoolean("canComment"));

        // the centers write (version-checked)
        Map<String, Object> text = new HashMap<>();
        text.put("version", 0);
        text.put("motive", "ネットワークを作り直したい。");
        text.put("keyPoints", "サブエリアに分けて間接的に調整する。");
        text.put("changes", "会議を再開した。");
        text.put("message", "会議をもう一度開くところから。");
        json("noikeru").body(text).put(report).then().statusCode(200).body("version", equalTo(1))
                .body("motiveFromApplication", equalTo(false)).body("keyPoints", equalTo("サブエリアに分けて間接的に調整する。"));
        json("noikeru").body(text).put(report).then().statusCode(409);
        as("noikeru").get(report).then().body("version", equalTo(1));

        // submitted: the officer and the advisor are told; no more writing until it comes back
        json("noikeru").body(Map.of("version", 1)).post(report + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        assertNotNull(mailbox.getMailsSentTo("advisor@demo.tsunagu.jp"));
        assertTrue(mailbox.getMailsSentTo("advisor@demo.tsunagu.jp").get(0).getText().contains("/pairings/" + noikeru + "/report"));
        text.put("version", 2);
        json("noikeru").body(text).put(report).then().statusCode(409);
        json("noikeru").body(Map.of("version", 2)).post(report + "/submit").then().statusCode(409);

        // the advisor comments (the centers are told in the app); a center answers
        json("advisor").body(Map.of("section", "CHANGES", "body", "変わらなかった項目の理由も書きましょう。"))
                .post(report + "/comments").then().statusCode(201).body("role", equalTo("ADVISOR")).body("section", equalTo("CHANGES"));
        json("noikeru").body(Map.of("section", "CHANGES", "body", "追記します。")).post(report + "/comments")
                .then().statusCode(201).body("role", equalTo("CENTER"));
        assertTrue(TestSupport.id(ds, "SELECT count(*) FROM notification n JOIN account a ON a.id = n.account_id"
                + " WHERE a.email = 'noikeru@demo.tsunagu.jp' AND n.link = ? AND n.title_ja LIKE 'ペアの報告にコメント%'", "/pairings/" + noikeru + "/report") >= 1);

        // sent back: a reason is required; the centers are mailed; it is a draft again
        json("admin").body(Map.of("version", 2)).post(report + "/return").then().statusCode(400).body("errors.field", hasItem("comment"));
        mailbox.clear();
        json("admin").body(Map.of("version", 2, "comment", "変化の理由を加えてください。")).post(report + "/return")
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("version", equalTo(3))
                .body("comments.role", hasItem("SECRETARIAT"));
        List<Mail> told = mailbox.getMailsSentTo("noikeru@demo.tsunagu.jp");
        assertNotNull(told);
        assertTrue(told.get(0).getText().contains("差し戻"));

        // written again, submitted again, approved: the pair counts as reported
        text.put("version", 3);
        text.put("changes", "会議を再開した。スーパーバイズの2項目は、人材育成に時間がかかるため変わらなかった。");
        json("noikeru").body(text).put(report).then().statusCode(200).body("version", equalTo(4));
        json("noikeru").body(Map.of("version", 4)).post(report + "/submit").then().statusCode(200);
        json("admin").body(Map.of("version", 4)).post(report + "/approve").then().statusCode(409);
        json("admin").body(Map.of("version", 5)).post(report + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("approvedBy", not(equalTo(null)));
        assertEquals("REPORTED", TestSupport.text(ds, "SELECT status FROM pairing WHERE id = ?", noikeru));
        json("admin").body(Map.of("version", 6)).post(report + "/approve").then().statusCode(409);
        // an approved report sent back is a draft again, and the pair no longer counts as reported
        json("admin").body(Map.of("version", 6, "comment", "数字を直してください。")).post(report + "/return").then().statusCode(200)
                .body("status", equalTo("DRAFT"));
        assertEquals("ACTIVE", TestSupport.text(ds, "SELECT status FROM pairing WHERE id = ?", noikeru));
        json("noikeru").body(Map.of("version", 7)).post(report + "/submit").then().statusCode(200);
        json("admin").body(Map.of("version", 8)).post(report + "/approve").then().statusCode(200);
        json("advisor").body(Map.of("section", "GENERAL", "body", "おつかれさまでした。")).post(report + "/comments").then().statusCode(409);
        TestSupport.update(ds, "UPDATE pairing SET status = 'REPORTED' WHERE id = ?", noikeru);
    }

    @Test
    void theProgramsReportIsEveryPairWithTheNationalFiguresAndItsPdfSaysSo() throws Exception {
        JsonPath page = as("admin").get(path("/api/programs/{program}/report")).then().statusCode(200).extract().jsonPath();
        assertEquals(6, page.getInt("pairCount"));
        assertTrue(page.getInt("approvedCount") >= 5);
        assertEquals(2023, page.getInt("fiscalYear"));
        assertFalse(page.getList("surveys").isEmpty());

        as("admin").get(path("/programs/{program}/report")).then().statusCode(200)
                .body(containsString("のいける")).body(containsString("ステップゼロ")).body(containsString("data-island=\"print-button\""));

        byte[] pdf = as("admin").get(path("/api/programs/{program}/report.pdf")).then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", containsString("program-report-2023.pdf"))
                .extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 7, "a cover page and a page at least per pair: " + doc.getNumberOfPages());
            text = new PDFTextStripper().getText(doc);
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "program-report-text.txt"), text);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "program-report.pdf"), pdf);
        // the subset fonts map some kanji to their Kangxi-radical twins (⽀ for 支) when text is copied out: NFKC folds them back
        String flat = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).replaceAll("\\s+", "");
        for (String expected : List.of("定着支援地域連携モデルに係る調査事業", "全国の実績", "エントリーした理由", "取り組みのポイント",
                "ビフォーアフター自己評価", "意識調査の結果より", "同じ悩みをもつセンターに伝えたいこと",
                "石狩障がい者就業", "のいける", "ステップゼロ", "連携の強化となる会議の開催", "上尾合宿")) {
            assertTrue(flat.contains(expected.replaceAll("\\s+", "")), "the PDF says " + expected);
        }
        assertFalse(flat.contains("{"), "no template expression left in the PDF");
    }

    @Test
    void theEnglishPdfIsInEnglish() throws Exception {
        byte[] pdf = as("admin").header("Accept-Language", "en").get(path("/api/programs/{program}/report.pdf"))
                .then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("National figures"), text.substring(0, Math.min(400, text.length())));
            assertTrue(text.contains("Key points"));
        }
    }
}
