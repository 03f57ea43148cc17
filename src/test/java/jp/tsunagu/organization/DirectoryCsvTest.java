package jp.tsunagu.organization;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.support.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The national directory as a CSV file: the secretariat imports (added, or updated by code; every
 * line stored alone; UTF-8 or Shift_JIS) and exports in the same shape; nobody else does either.
 */
@QuarkusTest
@Tag("data")
class DirectoryCsvTest {

    static final String HEADER = "code,type,name,shortName,prefectureCode,municipality,catchmentAreas,address,operatingCorporation,phone,fax,email,website\r\n";

    @Inject
    AgroalDataSource ds;

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    String code(int n) {
        return "imp-" + tag + "-" + n;
    }

    @AfterEach
    void removeWhatTheTestsAdded() {
        TestSupport.update(ds, "DELETE FROM organization WHERE code LIKE 'imp-%' OR name LIKE '%（取込テスト）%'");
        TestSupport.update(ds, "DELETE FROM catchment_area a WHERE a.name LIKE '取込テスト圏域%'"
                + " AND NOT EXISTS (SELECT 1 FROM organization_area oa WHERE oa.area_id = a.id)");
    }

    ValidatableResponse post(String who, byte[] body) {
        return given().auth().oauth2(TestSupport.token(TestSupport.email(who))).contentType("text/csv").body(body)
                .post("/api/organizations/import").then().log().ifValidationFails();
    }

    String goodFile() {
        return HEADER
                + code(1) + ",RETENTION_SUPPORT,定着支援みなみ（取込テスト）,みなみ,47,那覇市,取込テスト圏域" + tag + ";南部圏域,那覇市泉崎0-0（架空）,社会福祉法人サンプル会,098-000-0000,098-000-0001,office@example.jp,https://example.jp/\r\n"
                + code(2) + ",就労移行支援事業所,移行支援きた（取込テスト）,,沖縄県,名護市,,,,,,,\r\n"
                + ",HELLO_WORK,ハローワークサンプル（取込テスト）,,Okinawa,浦添市,,,,,,,\r\n";
    }

    @Test
    void aGoodFileAddsEachLineAndTheSameFileAgainChangesNothing() {
        long before = TestSupport.count(ds, "organization");
        post("admin", goodFile().getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("encoding", equalTo("UTF-8")).body("lines", equalTo(3)).body("added", equalTo(3)).body("refused", equalTo(0))
                .body("results.outcome", hasItems("ADDED")).body("errors.size()", equalTo(0));
        assertEquals(before + 3, TestSupport.count(ds, "organization"));
        long first = TestSupport.orgId(ds, code(1));
        assertEquals("098-000-0001", TestSupport.text(ds, "SELECT fax FROM organization WHERE id = ?", first));
        assertEquals(47, TestSupport.id(ds, "SELECT prefecture_code FROM organization WHERE code = ?", code(2)), "沖縄県 by name");
        assertEquals("TRANSITION_SUPPORT", TestSupport.text(ds, "SELECT org_type FROM organization WHERE code = ?", code(2)), "type by its Japanese name");
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM organization WHERE name = 'ハローワークサンプル（取込テスト）' AND code LIKE 'org-%' AND confirmed"),
                "a line without a code gets one; the secretariat's import is confirmed");
        assertEquals(2, TestSupport.id(ds, "SELECT count(*) FROM organization_area WHERE organization_id = ?", first),
                "a known area and a new one");
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM catchment_area WHERE prefecture_code = 47 AND name = ?", "取込テスト圏域" + tag));
        assertTrue(TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'ORGANIZATION_IMPORTED' AND detail LIKE '%added=3%'") >= 1);
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'ORGANIZATION_IMPORTED' AND subject = ?"
                + " AND detail = 'line=2 ADDED'", "organization:" + first), "each stored line is audited with its organization");
        // the lines with a code update (nothing changed); the one without a code is added again
        post("admin", goodFile().getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("unchanged", equalTo(2)).body("added", equalTo(1)).body("updated", equalTo(0));
    }

    @Test
    void aCodeInTheDirectoryUpdatesOnlyTheColumnsTheFileHas() {
        post("admin", goodFile().getBytes(StandardCharsets.UTF_8)).statusCode(200);
        long first = TestSupport.orgId(ds, code(1));
        int version = (int) TestSupport.id(ds, "SELECT version FROM organization WHERE id = ?", first);
        String update = "code,type,name,prefectureCode,phone\r\n" + code(1) + ",RETENTION_SUPPORT,定着支援みなみ（取込テスト）,47,098-111-1111\r\n";
        post("admin", update.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("updated", equalTo(1))
                .body("results[0].id", equalTo((int) first));
        assertEquals("098-111-1111", TestSupport.text(ds, "SELECT phone FROM organization WHERE id = ?", first));
        assertEquals("098-000-0001", TestSupport.text(ds, "SELECT fax FROM organization WHERE id = ?", first), "fax not in the file: kept");
        assertEquals(2, TestSupport.id(ds, "SELECT count(*) FROM organization_area WHERE organization_id = ?", first), "areas not in the file: kept");
        assertEquals(version + 1, TestSupport.id(ds, "SELECT version FROM organization WHERE id = ?", first));
        // an empty cell clears; the type of an organization in the directory is not changed by a file
        String clear = "code,type,name,prefectureCode,fax,catchmentAreas\r\n" + code(1) + ",RETENTION_SUPPORT,定着支援みなみ（取込テスト）,47,,\r\n"
                + code(2) + ",HELLO_WORK,移行支援きた（取込テスト）,47,,\r\n";
        post("admin", clear.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("updated", equalTo(1)).body("refused", equalTo(1))
                .body("errors[0].line", equalTo(3)).body("errors[0].field", equalTo("type")).body("errors[0].code", equalTo("type-change"));
        assertNull(TestSupport.text(ds, "SELECT fax FROM organization WHERE id = ?", first));
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM organization_area WHERE organization_id = ?", first));
        assertEquals("TRANSITION_SUPPORT", TestSupport.text(ds, "SELECT org_type FROM organization WHERE code = ?", code(2)));
    }

    @Test
    void aShiftJisFileIsReadAsShiftJis() {
        byte[] sjis = goodFile().getBytes(Charset.forName("windows-31j"));
        post("admin", sjis).statusCode(200).body("encoding", equalTo("Shift_JIS")).body("added", equalTo(3));
        assertEquals("定着支援みなみ（取込テスト）", TestSupport.text(ds, "SELECT name FROM organization WHERE code = ?", code(1)));
    }

    @Test
    void badLinesAreReportedByLineAndFieldAndTheGoodOnesAreStoredEachAlone() {
        long before = TestSupport.count(ds, "organization");
        String file = HEADER
                + code(1) + ",RETENTION_SUPPORT,良い行（取込テスト）,,47,,,,,,,,\r\n"
                + code(2) + ",UNKNOWN_KIND,種別が違う（取込テスト）,,47,,,,,,,,\r\n"
                + code(3) + ",RETENTION_SUPPORT,,,47,,,,,,,,\r\n"
                + code(4) + ",RETENTION_SUPPORT,県が違う（取込テスト）,,48,,,,,,,,\r\n"
                + code(5) + ",RETENTION_SUPPORT,電話が違う（取込テスト）,,47,,,,,電話してね,,not-an-email,ftp://x\r\n"
                + "Bad Code!,RETENTION_SUPPORT,コードが違う（取込テスト）,,47,,,,,,,,\r\n"
                + code(1) + ",RETENTION_SUPPORT,同じコード（取込テスト）,,47,,,,,,,,\r\n"
                + code(6) + ",RETENTION_SUPPORT,\"長い" + "あ".repeat(250) + "（取込テスト）\",,47,,,,,,,,\r\n"
                + code(7) + ",RETENTION_SUPPORT,もう一つの良い行（取込テスト）,,沖縄,,,,,,,,\r\n"
                + code(8) + ",RETENTION_SUPPORT,全角空白のメール（取込テスト）,,47,,,,,,,a\u3000b@example.jp,\r\n";
        post("admin", file.getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("lines", equalTo(10)).body("added", equalTo(2)).body("refused", equalTo(8))
                .body("errors.line", hasItems(3, 4, 5, 6, 7, 8, 9, 11))
                .body("errors.findAll { it.line == 11 }.field", hasItem("email"))
                .body("errors.findAll { it.line == 3 }.field", hasItem("type"))
                .body("errors.findAll { it.line == 4 }.field", hasItem("name"))
                .body("errors.findAll { it.line == 5 }.field", hasItem("prefectureCode"))
                .body("errors.findAll { it.line == 6 }.field", hasItems("phone", "email", "website"))
                .body("errors.findAll { it.line == 7 }.field", hasItem("code"))
                .body("errors.findAll { it.line == 8 }.code", hasItem("duplicate-code"))
                .body("errors.findAll { it.line == 9 }.field", hasItem("name"))
                .body("errors.message.ja", not(hasItem(org.hamcrest.Matchers.nullValue())))
                .body("errors.message.en", not(hasItem(org.hamcrest.Matchers.nullValue())));
        assertEquals(before + 2, TestSupport.count(ds, "organization"), "only the good lines, each stored alone");
        assertEquals("良い行（取込テスト）", TestSupport.text(ds, "SELECT name FROM organization WHERE code = ?", code(1)),
                "the repeated code did not overwrite the first line");
    }

    @Test
    void aWrongHeaderOrEncodingOrAnEmptyFileStoresNothing() {
        long before = TestSupport.count(ds, "organization");
        post("admin", ("kind,title\r\nJOB,x\r\n").getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errors[0].field", equalTo("file")).body("errors[0].code", equalTo("csv-header"));
        post("admin", ("code,type,name\r\n,NAKAPOTSU,x\r\n").getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errors[0].code", equalTo("csv-header"));
        post("admin", ("code,type,name,prefectureCode,unknownColumn\r\n,,,,\r\n").getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errors[0].code", equalTo("csv-header"));
        post("admin", new byte[]{(byte) 0x82, (byte) 0xA0, (byte) 0xFF, (byte) 0xFE, 0x00}).statusCode(400)
                .body("errors[0].code", equalTo("encoding"));
        post("admin", (HEADER + ",NAKAPOTSU,\u0000（取込テスト）,,1,,,,,,,,\r\n").getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errors[0].code", equalTo("encoding"));
        post("admin", new byte[0]).statusCode(400).body("errors[0].code", equalTo("required"));
        post("admin", (HEADER + "\"" + code(1) + ",unterminated\r\n").getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errors[0].code", equalTo("csv-format"));
        assertEquals(before, TestSupport.count(ds, "organization"));
    }

    @Test
    void onlyTheSecretariatImportsOrExportsAndRefusalsChangeNothing() {
        long before = TestSupport.count(ds, "organization");
        byte[] file = goodFile().getBytes(StandardCharsets.UTF_8);
        for (String who : List.of("tortoise", "partner", "hw-naha", "sysadmin", "advisor", "bridge")) {
            post(who, file).statusCode(404);
            as(who).get("/api/organizations/export.csv").then().statusCode(404);
            as(who).get("/organizations/import").then().statusCode(404);
            as(who).get("/organizations/upkeep").then().statusCode(404);
        }
        as("admin").get("/organizations/import-template.csv").then().statusCode(200).body(containsString("catchmentAreas"));
        as("minato").get("/organizations/import-template.csv").then().statusCode(404);
        given().contentType("text/csv").body(file).post("/api/organizations/import").then().statusCode(401);
        given().get("/api/organizations/export.csv").then().statusCode(401);
        assertEquals(before, TestSupport.count(ds, "organization"));
    }

    @Test
    void theExportHasTheImportsShapeAndReadsBackUnchanged() {
        post("admin", goodFile().getBytes(StandardCharsets.UTF_8)).statusCode(200);
        String csv = as("admin").queryParam("prefecture", "47").queryParam("type", "RETENTION_SUPPORT")
                .get("/api/organizations/export.csv").then().statusCode(200)
                .header("Content-Type", containsString("text/csv")).header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        assertTrue(csv.startsWith("\uFEFF\"code\",\"type\",\"name\""), "BOM and the import's header");
        assertTrue(csv.contains("\"" + code(1) + "\",\"RETENTION_SUPPORT\",\"定着支援みなみ（取込テスト）\""));
        assertTrue(!csv.contains("ハローワークサンプル"), "narrowed to one type");
        assertTrue(TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'ORGANIZATION_EXPORTED'") >= 1);
        // read back: every line unchanged
        long lines = csv.lines().count() - 1;
        post("admin", csv.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("unchanged", equalTo((int) lines))
                .body("refused", equalTo(0));
        // bad filters answer 400 naming them
        as("admin").queryParam("prefecture", "99").get("/api/organizations/export.csv").then().statusCode(400)
                .body("errors[0].field", equalTo("prefecture"));
        as("admin").queryParam("type", "nope").get("/api/organizations/export.csv").then().statusCode(400)
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void theWholeDirectoryExportsAndReadsBackWithoutARefusal() {
        String csv = as("admin").get("/api/organizations/export.csv").then().statusCode(200).extract().asString();
        long lines = csv.lines().count() - 1;
        assertEquals(TestSupport.count(ds, "organization"), lines);
        post("admin", csv.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("refused", equalTo(0))
                .body("unchanged", equalTo((int) lines));
    }
}
