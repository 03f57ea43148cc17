package jp.tsunagu.posting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Posting rules: Japanese search (two-character words, kana words, ranking), filters, the
 * minimum-wage warning, bad input refused with nothing stored, Hello Work numbers once per
 * organization, and the expiry job closing exactly the expired postings.
 */
@QuarkusTest
@org.junit.jupiter.api.Tag("data")
class PostingRulesTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    ExpiryJob expiry;

    static RequestSpecification as(String who) {
        return TestSupport.json(who);
    }

    static Map<String, Object> job(Object... overrides) {
        Map<String, Object> m = new HashMap<>(Map.of("kind", "JOB", "title", "倉庫内の軽作業スタッフ", "companyName",
                "株式会社テスト物流", "prefectureCode", 47, "jobCategory", "LIGHT_WORK", "source", "COMPANY",
                "circleIds", List.of(0L)));
        for (int i = 0; i < overrides.length; i += 2) {
            m.put((String) overrides[i], overrides[i + 1]);
        }
        return m;
    }

    long circle() {
        return TestSupport.circleId(ds, "okinawa-south-exchange");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "清掃, ホテル客室清掃スタッフ（短時間から）", "事務, 一般事務補助（障害者求人）", "軽作業, 物流センター 軽作業（ピッキング・検品）",
            "ピッキング, 物流センター 軽作業（ピッキング・検品）", "パソコン, 一般事務補助（障害者求人）",
            "ﾋﾟｯｷﾝｸﾞ, 物流センター 軽作業（ピッキング・検品）", "品出し, 職場実習：スーパーの品出し（3日間）",
            "南風原, 職場実習：スーパーの品出し（3日間）", "ベッドメイク, ホテル客室清掃スタッフ（短時間から）"
    })
    void findsJapaneseWords(String q, String title) {
        as("partner").queryParam("q", q).get("/api/postings").then().statusCode(200).body("items.title", hasItem(title));
    }

    @Test
    void ranksTitleMatchesFirstAndMissesWhatIsNotThere() {
        // 清掃 in the title ranks above 清掃 in the text only
        as("csa").queryParam("q", "清掃").get("/api/postings").then().statusCode(200)
                .body("items[0].title", equalTo("病院内清掃（週4日・午前）"));
        as("partner").queryParam("q", "介護").get("/api/postings").then().statusCode(200).body("total", equalTo(0));
        // characters that are in a text but not next to each other do not match a word
        as("partner").queryParam("q", "清作").get("/api/postings").then().statusCode(200).body("total", equalTo(0));
        // filters combine with the text
        as("partner").queryParam("q", "作業").queryParam("category", "LIGHT_WORK").queryParam("carving", "true")
                .get("/api/postings").then().statusCode(200)
                .body("items.title", hasItem("物流センター 軽作業（ピッキング・検品）"))
                .body("items.title", not(hasItem("農園スタッフ（野菜の収穫・袋詰め）")));
        as("partner").queryParam("hoursMax", "20").queryParam("kind", "JOB").get("/api/postings").then().statusCode(200)
                .body("items.title", hasItem("ホテル客室清掃スタッフ（短時間から）"))
                .body("items.title", not(hasItem("一般事務補助（障害者求人）")));
        as("partner").queryParam("kind", "INTERNSHIP").get("/api/postings").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].kind", equalTo("INTERNSHIP"));
        List<String> expiries = as("partner").queryParam("sort", "expiry").queryParam("size", "100").get("/api/postings")
                .then().statusCode(200).extract().jsonPath().getList("items.expiresOn", String.class);
        assertEquals(expiries.stream().sorted().toList(), expiries, "soonest expiry first");
    }

    @Test
    void warnsBelowTheMinimumWageAndStoresTheSource() {
        long id = as("bridge").body(job("circleIds", List.of(circle()), "wageType", "HOURLY", "wageYen", 800,
                        "hoursPerWeek", 20))
                .post("/api/postings").then().statusCode(201)
                .body("warnings[0].key", equalTo("below-minimum-wage")).body("warnings[0].args[1]", equalTo(952))
                .body("visibility", equalTo("CIRCLES")).extract().jsonPath().getLong("id");
        // a monthly wage is compared per hour: 150,000 yen for 40 h a week is about 865 yen an hour
        as("bridge").body(job("title", "月給の確認", "circleIds", List.of(circle()), "wageType", "MONTHLY", "wageYen", 150000,
                        "hoursPerWeek", 40, "hoursPerDay", 8))
                .post("/api/postings").then().statusCode(201).body("warnings[0].args[0]", equalTo(865));
        // the circle's members do not see the sharer's warning
        as("partner").get("/api/postings/" + id).then().statusCode(200).body("warnings", hasSize(0));
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "kind | PARTY | kind", "wageYen | -5 | wageYen", "hoursPerWeek | 99 | hoursPerWeek", "hoursPerDay | 0 | hoursPerDay",
            "jobCategory | DANCER | jobCategory", "source | RUMOUR | source", "expiresOn | 2020-01-01 | expiresOn",
            "prefectureCode | 48 | prefectureCode", "visibility | EVERYONE | visibility", "daysPerWeek | 8 | daysPerWeek",
            "openings | 0 | openings", "helloWorkNumber | 47010-1 | helloWorkNumber", "areaId | 999999 | areaId",
            // a code is stored as it is given: a padded one is not the code
            "source | ' HELLO_WORK' | source", "jobCategory | 'CLEANING ' | jobCategory", "kind | ' JOB' | kind"
    })
    void refusesBadValues(String field, String value, String named) {
        long before = TestSupport.count(ds, "posting");
        Object typed = value.matches("-?[0-9]+") ? (Object) Long.parseLong(value) : value;
        Map<String, Object> body = job(field, typed, "circleIds", List.of(circle()));
        if (field.equals("wageYen")) {
            body.put("wageType", "HOURLY");
        }
        as("bridge").body(body).post("/api/postings").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors.field", hasItem(named))
                .body("message.ja", org.hamcrest.Matchers.notNullValue());
        assertEquals(before, TestSupport.count(ds, "posting"), "nothing stored");
    }

    @Test
    void refusesOversizedAndContradictoryInput() {
        long before = TestSupport.count(ds, "posting");
        as("bridge").body(job("title", "あ".repeat(201), "circleIds", List.of(circle()))).post("/api/postings")
                .then().statusCode(400).body("errors.field", hasItem("title"));
        as("bridge").body(job("description", "あ".repeat(4001), "circleIds", List.of(circle()))).post("/api/postings")
                .then().statusCode(400).body("errors.field", hasItem("description"));
        as("bridge").body(job("visibility", "NETWORK", "doNotForward", true, "circleIds", List.of())).post("/api/postings")
                .then().statusCode(400).body("errors.field", hasItem("visibility"));
        as("bridge").body(job("kind", "INTERNSHIP", "circleIds", List.of(circle()))).post("/api/postings")
                .then().statusCode(400).body("errors.field", hasItem("places"));
        as("bridge").body("{\"kind\": \"JOB\", \"wageYen\": \"a lot\"}").post("/api/postings").then().statusCode(400);
        assertEquals(before, TestSupport.count(ds, "posting"), "nothing stored");
        // a status that is blank names the field (it once reached the service as no status at all)
        long own = as("bridge").body(job("title", "状態の確認", "circleIds", List.of(circle()))).post("/api/postings")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        for (String status : List.of("", "  ", " FILLED")) {
            as("bridge").body(Map.of("status", status, "version", 0)).post("/api/postings/" + own + "/status")
                    .then().statusCode(400).body("errors.field", hasItem("status"));
        }
        as("bridge").body(Map.of("status", "FILLED")).post("/api/postings/" + own + "/status")
                .then().statusCode(400).body("errors.field", hasItem("version"));
    }

    @Test
    void aHelloWorkNumberIsSharedOncePerOrganization() {
        Map<String, Object> hw = job("title", "清掃（ハローワーク）", "source", "HELLO_WORK", "helloWorkNumber", "47010-99999999",
                "circleIds", List.of(circle()));
        as("bridge").body(hw).post("/api/postings").then().statusCode(201);
        // full-width digits are the same number
        as("bridge").body(job("title", "清掃（再掲）", "source", "HELLO_WORK", "helloWorkNumber", "４７０１０-９９９９９９９９",
                        "circleIds", List.of(circle())))
                .post("/api/postings").then().statusCode(400).body("errors.field", hasItem("helloWorkNumber"))
                .body("errors[0].code", equalTo("hello-work-duplicate"));
        // another organization may share the same opening
        as("hw-naha").body(hw).post("/api/postings").then().statusCode(201);
    }

    @Test
    void theExpiryJobClosesExactlyTheExpiredOnes() {
        long expired = as("bridge").body(job("title", "期限切れ確認", "circleIds", List.of(circle()))).post("/api/postings")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long today = as("bridge").body(job("title", "本日まで確認", "circleIds", List.of(circle()),
                        "expiresOn", JapaneseCalendar.today().toString())).post("/api/postings")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        TestSupport.update(ds, "UPDATE posting SET expires_on = ? WHERE id = ?", JapaneseCalendar.today().minusDays(1), expired);
        long openBefore = TestSupport.id(ds, "SELECT count(*) FROM posting WHERE status = 'OPEN'");
        int closed = run();
        assertEquals(1, closed, "only the one past its date");
        assertEquals("CLOSED", TestSupport.text(ds, "SELECT status FROM posting WHERE id = ?", expired));
        assertEquals("EXPIRED", TestSupport.text(ds, "SELECT closed_reason FROM posting WHERE id = ?", expired));
        assertEquals("OPEN", TestSupport.text(ds, "SELECT status FROM posting WHERE id = ?", today));
        assertEquals(openBefore - 1, TestSupport.id(ds, "SELECT count(*) FROM posting WHERE status = 'OPEN'"));
        assertEquals(0, run(), "a second run finds nothing");
        as("partner").get("/api/postings?q=期限切れ確認").then().body("total", equalTo(0));
    }

    int run() {
        try {
            return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> expiry.run());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theAudienceKeysFollowVisibilityAndShares() {
        long owner = TestSupport.orgId(ds, "okinawa-bridge");
        long id = as("bridge").body(job("title", "公開範囲の鍵確認", "visibility", "ORGANIZATION", "circleIds", List.of()))
                .post("/api/postings").then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals("-" + owner, audience(id), "a draft: the owner only");
        as("partner").queryParam("q", "公開範囲の鍵確認").get("/api/postings").then().body("total", equalTo(0));
        as("bridge").queryParam("q", "公開範囲の鍵確認").queryParam("mine", "true").get("/api/postings").then()
                .body("total", equalTo(1));

        int version = as("bridge").body(Map.of("circleId", circle())).post("/api/postings/" + id + "/share").then()
                .statusCode(200).extract().path("version");
        assertEquals("-" + owner + "," + circle(), audience(id), "the owner and the circle it was shared into");
        as("partner").queryParam("q", "公開範囲の鍵確認").get("/api/postings").then().body("total", equalTo(1));
        as("csa").queryParam("q", "公開範囲の鍵確認").get("/api/postings").then().body("total", equalTo(0));

        as("bridge").body(job("title", "公開範囲の鍵確認", "visibility", "NETWORK", "circleIds", List.of(), "version", version))
                .put("/api/postings/" + id).then().statusCode(200);
        assertEquals("-" + owner + ",0", audience(id), "the owner and everyone in the network");
        as("csa").queryParam("q", "公開範囲の鍵確認").get("/api/postings").then().body("total", equalTo(1));
        // and every posting's keys agree with its visibility and shares, whatever the other tests did
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM posting"
                + " WHERE audience IS DISTINCT FROM posting_audience(id, owner_org_id, visibility)"));
    }

    @Test
    void theOwnerEditsAPostingOnItsPageWithAVersionCheck() {
        long id = as("bridge").body(job("title", "編集前の清掃スタッフ", "circleIds", List.of(circle()), "hoursPerWeek", 20))
                .post("/api/postings").then().statusCode(201).extract().jsonPath().getLong("id");
        long area = TestSupport.id(ds, "SELECT min(id) FROM catchment_area WHERE prefecture_code = 47");
        TestSupport.update(ds, "UPDATE posting SET area_id = ? WHERE id = ?", area, id);
        String page = page("bridge").get("/postings/" + id + "/edit").then().statusCode(200).extract().asString();
        assertTrue(page.contains("value=\"編集前の清掃スタッフ\"") && page.contains("name=\"version\" value=\"0\""), page);

        Map<String, String> form = new HashMap<>(Map.of("kind", "JOB", "title", "編集後の清掃スタッフ", "companyName",
                "株式会社テスト物流", "prefectureCode", "47", "jobCategory", "CLEANING", "source", "COMPANY",
                "hoursPerWeek", "25", "visibility", "CIRCLES", "currentVisibility", "CIRCLES", "version", "0"));
        form.put("areaId", String.valueOf(area));
        page("bridge").formParams(form).post("/postings/" + id + "/edit").then().statusCode(303)
                .header("Location", containsString("/postings/" + id + "?saved=updated"));
        assertEquals("編集後の清掃スタッフ", TestSupport.text(ds, "SELECT title FROM posting WHERE id = ?", id));
        assertEquals("25.0", TestSupport.text(ds, "SELECT hours_per_week::text FROM posting WHERE id = ?", id));
        assertEquals(area, TestSupport.id(ds, "SELECT area_id FROM posting WHERE id = ?", id), "the area is kept");
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM posting_share WHERE posting_id = ?", id), "the share is kept");
        as("partner").queryParam("q", "編集後").get("/api/postings").then().body("items.id", hasItem((int) id));

        // someone saved first: 409, nothing stored, the person's text kept and the current version offered
        form.put("title", "古い版からの変更");
        String conflict = page("bridge").formParams(form).post("/postings/" + id + "/edit").then().statusCode(409)
                .extract().asString();
        assertTrue(conflict.contains("ほかの人が先に保存しました") && conflict.contains("value=\"古い版からの変更\"")
                && conflict.contains("name=\"version\" value=\"1\""), conflict);
        assertEquals("編集後の清掃スタッフ", TestSupport.text(ds, "SELECT title FROM posting WHERE id = ?", id));

        // bad input: 400 naming the field, nothing stored
        form.put("version", "1");
        form.put("wageYen", "-5");
        page("bridge").formParams(form).post("/postings/" + id + "/edit").then().statusCode(400)
                .body(containsString("wageYen"));
        assertEquals("編集後の清掃スタッフ", TestSupport.text(ds, "SELECT title FROM posting WHERE id = ?", id));
        // and only the owner's staff may
        form.remove("wageYen");
        page("partner").formParams(form).post("/postings/" + id + "/edit").then().statusCode(403);
        page("csa").formParams(form).post("/postings/" + id + "/edit").then().statusCode(404);
    }

    static RequestSpecification page(String who) {
        return given().header("Authorization", "Bearer " + TestSupport.token(who + "@demo.tsunagu.jp"))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").redirects().follow(false);
    }

    String audience(long id) {
        return TestSupport.text(ds, "SELECT array_to_string(audience, ',') FROM posting WHERE id = ?", id);
    }

    @Test
    void browsingCountsUpToACapWhileWordsCountExactly() {
        long org = TestSupport.orgId(ds, "chiba-01");
        TestSupport.update(ds, "INSERT INTO posting (kind, owner_org_id, title, company_name, prefecture_code, job_category,"
                + " source, visibility, expires_on, status) SELECT 'JOB', ?, '大量掲載の確認 ' || g, '株式会社件数', 12, 'OFFICE',"
                + " 'COMPANY', 'ORGANIZATION', current_date + 10, 'OPEN' FROM generate_series(1, ?) g", org,
                PostingSearch.TOTAL_CAP + 5);
        try {
            as("chiba").queryParam("mine", "true").get("/api/postings").then().statusCode(200)
                    .body("total", equalTo(PostingSearch.TOTAL_CAP)).body("totalCapped", equalTo(true)).body("items", hasSize(20));
            as("chiba").queryParam("mine", "true").queryParam("page", "50").get("/api/postings").then().statusCode(200)
                    .body("items", hasSize(20));
            given().header("Authorization", "Bearer " + TestSupport.token("chiba@demo.tsunagu.jp"))
                    .get("/postings?mine=true").then().statusCode(200).body(containsString("1,000 件を超えます"));
            // a narrower browse is counted exactly
            as("chiba").queryParam("mine", "true").queryParam("category", "CARE").get("/api/postings").then()
                    .body("totalCapped", equalTo(false));
        } finally {
            TestSupport.update(ds, "DELETE FROM posting WHERE owner_org_id = ? AND company_name = '株式会社件数'", org);
        }
    }

    @Test
    void savedSearchesAreOwnAndValid() {
        int id = as("partner").body(Map.of("name", "那覇の清掃", "query", "q=%E6%B8%85%E6%8E%83&prefecture=47"))
                .post("/api/me/saved-searches").then().statusCode(201).extract().path("id");
        as("partner").get("/api/me/saved-searches").then().statusCode(200).body("name", hasItem("那覇の清掃"));
        as("csa").get("/api/me/saved-searches").then().statusCode(200).body("name", not(hasItem("那覇の清掃")));
        as("csa").delete("/api/me/saved-searches/" + id).then().statusCode(404);
        as("partner").body(Map.of("name", "x", "query", "category=DANCER")).post("/api/me/saved-searches").then()
                .statusCode(400).body("errors.field", hasItem("category"));
        as("partner").body(Map.of("name", "", "query", "q=x")).post("/api/me/saved-searches").then().statusCode(400)
                .body("errors.field", hasItem("name"));
        as("partner").delete("/api/me/saved-searches/" + id).then().statusCode(204);
    }
}
