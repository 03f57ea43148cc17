package jp.tsunagu.posting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** CSV import: good lines stored, bad lines reported by line and field with nothing stored; Shift_JIS read; junk refused. */
@QuarkusTest
class PostingImportTest {

    @Inject
    AgroalDataSource ds;

    static final String HEADER = "title,companyName,prefectureCode,municipality,jobCategory,hoursPerWeek,wageType,wageYen,source,helloWorkNumber,circleIds,doNotForward\r\n";

    String csv(long circle) {
        return HEADER
                + "\"倉庫の軽作業（取込1）\",株式会社取込テスト,47,那覇市,LIGHT_WORK,20,HOURLY,1000,COMPANY,,\"" + circle + "\",false\r\n"
                + "\"事務補助（取込2）\",株式会社取込テスト,47,浦添市,OFFICE,25,HOURLY,-5,COMPANY,,\"" + circle + "\",false\r\n"
                + "\"清掃（取込3）\",株式会社取込テスト,47,糸満市,CLEANING,999,HOURLY,1000,COMPANY,,\"" + circle + "\",false\r\n"
                + "\"清掃（取込4）\",株式会社取込テスト,47,豊見城市,DANCER,20,HOURLY,1000,HELLO_WORK,47010-55555555,\"" + circle + "\",はい\r\n"
                + "\"製造補助（取込5）\",株式会社取込テスト,47,南風原町,MANUFACTURING,30,MONTHLY,160000,HELLO_WORK,47010-55555556,\"" + circle + "\",はい\r\n";
    }

    String token() {
        return TestSupport.token("bridge@demo.tsunagu.jp");
    }

    @Test
    void storesGoodLinesAndReportsBadOnes() {
        long circle = TestSupport.circleId(ds, "okinawa-south-exchange");
        long before = TestSupport.count(ds, "posting");
        given().auth().oauth2(token()).contentType("text/csv").body(csv(circle).getBytes(StandardCharsets.UTF_8))
                .post("/api/postings/import").then().log().ifValidationFails().statusCode(200)
                .body("encoding", equalTo("UTF-8")).body("lines", equalTo(5)).body("stored", equalTo(2))
                .body("errors.line", hasItems(3, 4, 5)).body("errors.field", hasItems("wageYen", "hoursPerWeek", "jobCategory"))
                .body("errors.message.ja", hasItem(org.hamcrest.Matchers.notNullValue()));
        assertEquals(before + 2, TestSupport.count(ds, "posting"), "only the good lines");
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM posting WHERE title LIKE '%取込2%' OR title LIKE '%取込3%' OR title LIKE '%取込4%'"));
        // the imported postings are shared into the circle and found by search
        given().auth().oauth2(TestSupport.token("partner@demo.tsunagu.jp")).queryParam("q", "取込").get("/api/postings")
                .then().statusCode(200).body("total", equalTo(2));
        // the same file again: the Hello Work number is refused as a duplicate, the rest again stored
        given().auth().oauth2(token()).contentType("text/csv").body(csv(circle).getBytes(StandardCharsets.UTF_8))
                .post("/api/postings/import").then().statusCode(200).body("stored", equalTo(1))
                .body("errors.code", hasItem("hello-work-duplicate"));
    }

    @Test
    void readsShiftJisAndRefusesWhatItCannotRead() {
        long circle = TestSupport.circleId(ds, "okinawa-south-exchange");
        String one = HEADER + "\"データ入力（ＳＪＩＳ）\",株式会社シフトジス,47,那覇市,IT,20,HOURLY,1100,COMPANY,,\"" + circle + "\",false\r\n";
        given().auth().oauth2(token()).contentType("text/csv").body(one.getBytes(Charset.forName("windows-31j")))
                .post("/api/postings/import").then().statusCode(200).body("encoding", equalTo("Shift_JIS"))
                .body("stored", equalTo(1)).body("errors", hasSize(0));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM posting WHERE title = 'データ入力（ＳＪＩＳ）'"));
        long before = TestSupport.count(ds, "posting");
        // bytes that are neither UTF-8 nor Shift_JIS
        given().auth().oauth2(token()).contentType("text/csv").body(new byte[] {(byte) 0x81, (byte) 0x7f, (byte) 0xff, (byte) 0xfe})
                .post("/api/postings/import").then().statusCode(400).body("errors[0].field", equalTo("file"))
                .body("errors[0].code", equalTo("encoding"));
        // a header that is not the template's
        given().auth().oauth2(token()).contentType("text/csv").body("名前,会社\r\nx,y\r\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/postings/import").then().statusCode(400).body("errors[0].code", equalTo("csv-header"));
        given().auth().oauth2(token()).contentType("text/csv").body(new byte[0]).post("/api/postings/import")
                .then().statusCode(400);
        given().contentType("text/csv").body(one.getBytes(StandardCharsets.UTF_8)).post("/api/postings/import")
                .then().statusCode(401);
        assertEquals(before, TestSupport.count(ds, "posting"));
    }

    @Test
    void thePageTakesTheFileAndShowsTheReport() {
        long circle = TestSupport.circleId(ds, "okinawa-south-exchange");
        String file = HEADER + "\"事務補助（ページ取込）\",株式会社取込テスト,47,浦添市,OFFICE,25,HOURLY,-5,COMPANY,,\"" + circle + "\",false\r\n";
        given().auth().oauth2(token()).multiPart("file", "postings.csv", file.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/postings/import").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("wageYen"))
                .body(org.hamcrest.Matchers.containsString("取り込めなかった行は何も保存されていません"));
        // no file: the form says so on the field
        given().auth().oauth2(token()).multiPart("other", "x").post("/postings/import").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("file-error"));
    }
}
