package jp.tsunagu.directory;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.support.TestSupport.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The demo is true to the seed reports (docs/demo-data-check.md): each fact a reading of the seeds
 * found wrong, pinned by the seed line it comes from.
 */
@QuarkusTest
@Tag("data")
class DemoDataTest {

    @Inject
    AgroalDataSource ds;

    @Test
    void tortoisesCatchmentIsTheSeedsSevenMunicipalities() {
        // 001 L825: 藤岡市・神流町・上野村 富岡市・甘楽町・下仁田町・南牧村
        given().get("/api/organizations/" + TestSupport.orgId(ds, "gunma-tortoise")).then().statusCode(200)
                .body("areas[0].municipalities", equalTo(List.of("藤岡市", "神流町", "上野村", "富岡市", "甘楽町", "下仁田町", "南牧村")));
    }

    @Test
    void chuwaHasItsEightMunicipalities() {
        // 001 L2693-2695: 中和圏域【5市2町1村】
        given().get("/api/organizations/" + TestSupport.orgId(ds, "nara-chuwa-bridge")).then().statusCode(200)
                .body("areas[0].municipalities", hasSize(8)).body("areas[0].municipalities", hasItem("明日香村"));
    }

    @Test
    void theFy2022ModelCentersAreNineOfTheTenWithTheReportsThemes() {
        // 001 L136-226; ふなびせ has no prefecture in the seeds and is left out
        assertEquals(9, TestSupport.id(ds, "SELECT count(*) FROM program_model_center m JOIN program p ON p.id = m.program_id"
                + " WHERE p.fiscal_year = 2022"));
        assertEquals("SUPERVISION", TestSupport.text(ds, "SELECT m.theme_1 FROM program_model_center m JOIN organization o"
                + " ON o.id = m.organization_id WHERE o.code = 'kagoshima-airaisa'"));
        assertEquals("DIFFICULT_CASES", TestSupport.text(ds, "SELECT m.theme_2 FROM program_model_center m JOIN organization o"
                + " ON o.id = m.organization_id WHERE o.code = 'aomori-minato'"));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM program_model_center m JOIN organization o ON o.id = m.organization_id"
                + " WHERE o.code = 'saitama-csa' AND m.theme_1 = 'REGIONAL_COOPERATION' AND m.theme_2 IS NULL"));
        long program = TestSupport.id(ds, "SELECT id FROM program WHERE fiscal_year = 2023");
        as("admin").get("/api/programs/" + program + "/overview").then().statusCode(200)
                .body("coverage.find { it.fiscalYear == 2022 }.centersThisYear", equalTo(9));
    }

    @Test
    void csasExchangeIsCoHostedWithTheThreeMunicipalCenters() {
        // 001 L1386: CSA、桶川市・北本市・鴻巣市障害者就労支援センターと共催
        long circle = TestSupport.circleId(ds, "saitama-kenou-exchange");
        as("admin").get("/api/circles/" + circle).then().statusCode(200)
                .body("members.findAll { it.owner }.name", containsInAnyOrder("障害者就業・生活支援センター CSA",
                        "桶川市障害者就労支援センター", "北本市障害者就労支援センター", "鴻巣市障害者就労支援センター"));
    }

    @Test
    void theEightKashiwaOfficesReadTheMinutesOfTheirMeeting() {
        // 002 L570-576: 8事業所 10 名参加
        long meeting = TestSupport.id(ds, "SELECT id FROM meeting WHERE title = '柏圏域 就労定着支援事業所との意見交換会'");
        assertEquals(8, TestSupport.id(ds, "SELECT count(*) FROM attendance a JOIN organization o ON o.id = a.organization_id"
                + " WHERE a.meeting_id = ? AND o.org_type = 'RETENTION_SUPPORT'", meeting));
        String office = TestSupport.staffOf(ds, "chiba-kashiwa-retention-3");
        as(office).get("/api/meetings/" + meeting + "/minutes").then().statusCode(200)
                .body("items[0].theme", equalTo("定着支援事業における課題、ナカポツセンターに対する要望"));
        as("csa").get("/api/meetings/" + meeting + "/minutes").then().statusCode(404);
    }

    @Test
    void theZerothMeetingsMinutesAreTheSeedsThreeTopics() {
        // 001 L1255-1289
        long meeting = TestSupport.id(ds, "SELECT id FROM meeting WHERE title = '第0回 就労移行等情報交換会'");
        as("bridge").get("/api/meetings/" + meeting + "/minutes").then().statusCode(200)
                .body("items.theme", equalTo(List.of("話題① 職場開拓の難しさ（過疎地における）", "話題② 他機関との連携について",
                        "話題③ 支援を行う上での困難さについて")));
    }

    @Test
    void identityStatementsAreTheCentersOwnWordsOrNone() {
        given().get("/api/organizations/" + TestSupport.orgId(ds, "gunma-tortoise")).then()
                .body("identityStatement", equalTo("わたしたちのセンターは共に考え・共に実現を大切にするセンターです"));   // 001 L814-816
        given().get("/api/organizations/" + TestSupport.orgId(ds, "okinawa-bridge")).then()
                .body("identityStatement", startsWith("「わたしたちは一緒に働き、一緒に考える伴走型センター」"));         // 001 L1125-1126
        as("admin").get("/api/organizations/" + TestSupport.orgId(ds, "national-network")).then()
                .body("identityStatement", nullValue());
        assertEquals(12, TestSupport.id(ds, "SELECT count(*) FROM organization WHERE identity_statement IS NOT NULL"));
    }

    @Test
    void chibasCentersHaveTheAreasTheSeedTiesToThem() {
        // 002 L158-159 野田, L221-222 安房, L267-269 海匝
        as("admin").get("/api/organizations/" + TestSupport.orgId(ds, "chiba-05")).then().body("areas.name", equalTo(List.of("野田圏域")));
        as("admin").get("/api/organizations/" + TestSupport.orgId(ds, "chiba-11")).then().body("areas.name", equalTo(List.of("安房圏域")));
        as("admin").get("/api/organizations/" + TestSupport.orgId(ds, "chiba-16")).then().body("areas.name", equalTo(List.of("海匝圏域")))
                .body("areas[0].countTransition", equalTo(4));
        as("admin").get("/api/circles/" + TestSupport.circleId(ds, "chiba-council")).then()
                .body("description", not(org.hamcrest.Matchers.containsString("隔月")));
    }
}
