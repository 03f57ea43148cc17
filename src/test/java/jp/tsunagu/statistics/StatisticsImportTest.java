package jp.tsunagu.statistics;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.support.TestSupport.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A center's statistics from a CSV file: its staff import several years at once, in the export's
 * shape (field names or headings, 和暦 or Western years, UTF-8 or Shift_JIS); every line is stored or
 * none, each refused cell named by line; columns the file lacks keep their values; no one else imports.
 */
@QuarkusTest
@Tag("data")
class StatisticsImportTest {

    @Inject
    AgroalDataSource ds;

    long minato;
    int current;

    @BeforeEach
    void ids() {
        minato = TestSupport.orgId(ds, "aomori-minato");
        current = JapaneseCalendar.fiscalYear(JapaneseCalendar.today());
    }

    String path() {
        return "/api/centers/" + minato + "/statistics/import";
    }

    io.restassured.response.Response post(String who, byte[] file) {
        return given().auth().oauth2(TestSupport.token(TestSupport.email(who))).contentType("text/csv").body(file).post(path());
    }

    int placements(int fy) {
        return (int) TestSupport.id(ds, "SELECT coalesce(placements, -1) FROM center_statistics WHERE center_id = ? AND fiscal_year = ?",
                minato, fy);
    }

    long rows(int fy) {
        return TestSupport.id(ds, "SELECT count(*) FROM center_statistics WHERE center_id = ? AND fiscal_year = ?", minato, fy);
    }

    @Test
    void severalYearsInTheExportsShapeAreStoredAndReadBack() {
        String file = "\uFEFF年度,登録者数（精神障害）,就職件数,就職件数の目標,6か月定着の対象者数,6か月後も働いている人数,6か月定着率の目標（%）\r\n"
                + "平成30年度,50,\"1,234\",30,20,18,80%\r\n"
                + "R1,60,２５,30,20,18,80.5\r\n"
                + "2011年度,70,26,,,,\r\n";
        JsonPath r = post("minato", file.getBytes(StandardCharsets.UTF_8)).then().statusCode(200)
                .body("encoding", equalTo("UTF-8")).body("lines", equalTo(3)).extract().jsonPath();
        assertEquals(List.of(2018, 2019, 2011), r.getList("years.fiscalYear"));
        assertEquals(1234, placements(2018));
        assertEquals(25, placements(2019));
        as("minato").get("/api/centers/" + minato + "/statistics/2019").then().statusCode(200)
                .body("figures.registeredMental", equalTo(60)).body("figures.targetRetention6m", equalTo(80.5f))
                .body("figures.retention6mRate", equalTo("90.0"));
        assertEquals("CSV", TestSupport.text(ds, "SELECT source FROM center_statistics WHERE center_id = ? AND fiscal_year = 2019", minato));

        // the export reads back as it is: the same years, the same figures
        byte[] exported = as("minato").get("/api/centers/" + minato + "/statistics.csv").then().statusCode(200)
                .header("Content-Type", containsString("text/csv")).extract().asByteArray();
        String text = new String(exported, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF\"年度\",\"登録者数（身体障害）\""), text.substring(0, 30));
        assertTrue(text.contains("\"2018\""), text);
        post("minato", exported).then().statusCode(200).body("years.added", hasItem(false));
        assertEquals(1234, placements(2018));

        // a partial file changes only its columns: a blank cell empties, a missing column keeps
        post("minato", "fiscalYear,internships,placements\r\n2019,7,\r\n".getBytes(StandardCharsets.UTF_8)).then().statusCode(200);
        as("minato").get("/api/centers/" + minato + "/statistics/2019").then().statusCode(200)
                .body("figures.internships", equalTo(7)).body("figures.registeredMental", equalTo(60))
                .body("figures.placements", equalTo(null));

        // Shift_JIS, as Excel saves it, with the English headings
        String sjis = "Fiscal year,Placements\r\nFY2012,31\r\n";
        post("minato", sjis.getBytes(Charset.forName("windows-31j"))).then().statusCode(200);
        assertEquals(31, placements(2012));
        String sjisJa = "年度,就職件数\r\n令和元年度,33\r\n";
        post("minato", sjisJa.getBytes(Charset.forName("windows-31j"))).then().statusCode(200).body("encoding", equalTo("Shift_JIS"));
        assertEquals(33, placements(2019));
    }

    @Test
    void oneRefusedCellStoresNothingAndEveryFaultIsNamedByLine() {
        long before = rows(2014) + rows(2015) + rows(2016);
        String file = "年度,就職件数,6か月定着の対象者数,6か月後も働いている人数,6か月定着率の目標（%）\r\n"
                + "2014,10,5,4,80\r\n"            // line 2: good
                + "2015,-3,5,6,101\r\n"           // line 3: negative, kept over base, over 100 %
                + "来年,abc,,,\r\n"               // line 4: no year, not a number
                + "2014,1,,,\r\n"                 // line 5: the same year twice
                + "," + "1".repeat(12) + ",,,\r\n" // line 6: no year, too large
                + (current + 1) + ",1,,,\r\n";    // line 7: a year not yet begun
        JsonPath r = post("minato", file.getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .contentType(containsString("application/problem+json")).extract().jsonPath();
        List<String> fields = r.getList("errors.field");
        assertTrue(fields.containsAll(List.of("lines[3].placements", "lines[3].retention6mKept", "lines[3].targetRetention6m",
                "lines[4].fiscalYear", "lines[4].placements", "lines[5].fiscalYear", "lines[6].fiscalYear", "lines[6].placements",
                "lines[7].fiscalYear")), fields.toString());
        assertTrue(fields.stream().noneMatch(f -> f.startsWith("lines[2]")), fields.toString());
        assertTrue(r.getString("errors.find { it.field == 'lines[5].fiscalYear' }.message.ja").contains("2つ"));
        assertTrue(!r.getString("errors.find { it.field == 'lines[7].fiscalYear' }.message.en").isBlank());
        assertEquals(before, rows(2014) + rows(2015) + rows(2016), "nothing of the file is stored");
    }

    @Test
    void aFileThatIsNoStatisticsIsRefusedAsAWhole() {
        post("minato", new byte[0]).then().statusCode(400).body("errors.field", hasItem("file"));
        post("minato", "名前,会社\r\nx,y\r\n".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("errors.code", hasItem("csv-header"));
        post("minato", "就職件数\r\n3\r\n".getBytes(StandardCharsets.UTF_8)).then().statusCode(400).body("errors.code", hasItem("csv-header"));
        post("minato", "placements,就職件数,fiscalYear\r\n3,3,2019\r\n".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("errors.code", hasItem("csv-header"));
        post("minato", "fiscalYear,placements\r\n".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("errors.code", hasItem("no-lines"));
        post("minato", "fiscalYear,placements\r\n\"2019,3\r\n".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("errors.code", hasItem("csv-format"));
        post("minato", "fiscalYear,placements\r\n2019,3,4\r\n".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("errors.code", hasItem("csv-cells"));
        // a line cut short would empty what it lacks: refused
        post("minato", "fiscalYear,placements,internships\r\n2019,3\r\n".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("errors.field", hasItem("lines[2].file")).body("errors.code", hasItem("csv-cells"));
        // the export's empty line for last year, imported as it is: nothing to store
        post("minato", "fiscalYear,placements,internships\r\n2019,,\r\n".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("errors.code", hasItem("no-lines"));
        post("minato", new byte[] {(byte) 0x81, (byte) 0x7f, (byte) 0xff, (byte) 0xfe}).then().statusCode(400)
                .body("errors.code", hasItem("encoding"));
        StringBuilder many = new StringBuilder("fiscalYear,placements\r\n");
        for (int i = 0; i < 51; i++) {
            many.append(2000 + i).append(",1\r\n");
        }
        post("minato", many.toString().getBytes(StandardCharsets.UTF_8)).then().statusCode(400).body("errors.code", hasItem("too-many-lines"));
    }

    @Test
    void oddNumbersAreNamedNotStoredAndALineWithoutFiguresIsPassedOver() {
        long before = rows(2010);
        JsonPath r = post("minato", ("fiscalYear,placements,internships,targetRetention6m\r\n2010,\u0663,1e1,%\r\n"
                + "2009,1,2,1e1\r\n2008,1,2,80.55\r\n").getBytes(StandardCharsets.UTF_8)).then().statusCode(400).extract().jsonPath();
        List<String> fields = r.getList("errors.field");
        assertTrue(fields.containsAll(List.of("lines[2].placements", "lines[2].internships", "lines[2].targetRetention6m",
                "lines[3].targetRetention6m", "lines[4].targetRetention6m")), fields.toString());
        assertEquals(before, rows(2010));
        // the JSON API: a rate whose digits would overflow the check is refused by name, not by the database
        int version = as("minato").get("/api/centers/" + minato + "/statistics/2010").then().extract().jsonPath().getInt("version");
        TestSupport.json("minato").body("{\"version\":" + version + ",\"figures\":{\"targetRetention6m\":0E+2147483647}}")
                .put("/api/centers/" + minato + "/statistics/2010").then().statusCode(400)
                .body("errors.field", hasItem("figures.targetRetention6m"));
        // an empty line beside a full one: the full one is stored, the empty year left as it was
        long empty = rows(2007);
        post("minato", "fiscalYear,placements\r\n2007,\r\n2006,5\r\n".getBytes(StandardCharsets.UTF_8)).then().statusCode(200)
                .body("years.fiscalYear", equalTo(List.of(2006)));
        assertEquals(empty, rows(2007));
        assertEquals(5, placements(2006));
    }

    @Test
    void onlyTheCentersOwnStaffImport() {
        byte[] file = "fiscalYear,placements\r\n2013,9\r\n".getBytes(StandardCharsets.UTF_8);
        post("admin", file).then().statusCode(403);
        post("tortoise", file).then().statusCode(404);
        post("partner", file).then().statusCode(404);
        given().contentType("text/csv").body(file).post(path()).then().statusCode(401);
        // who may not import hears so before anything of the file is read
        post("tortoise", new byte[0]).then().statusCode(404);
        given().auth().oauth2(TestSupport.token(TestSupport.email("minato"))).contentType("text/csv").body(file)
                .post("/api/centers/999999/statistics/import").then().statusCode(404);
        given().auth().oauth2(TestSupport.token(TestSupport.email("minato"))).contentType("text/csv").body(file)
                .post("/api/centers/x/statistics/import").then().statusCode(400);
        assertEquals(0, rows(2013));
        // who may not keep the figures hears nothing of what was sent, not even that it was wrong
        TestSupport.json("tortoise").body("{\"version\":0,\"figures\":{\"placements\":-1}}")
                .put("/api/centers/" + minato + "/statistics/2013").then().statusCode(404);
        TestSupport.json("admin").body("{\"version\":0,\"figures\":{\"placements\":-1}}")
                .put("/api/centers/" + minato + "/statistics/2013").then().statusCode(403);
        as("tortoise").get("/api/centers/" + minato + "/statistics.csv").then().statusCode(404);
        as("admin").get("/api/centers/" + minato + "/statistics.csv").then().statusCode(200);
        as("anonymous").get("/api/centers/" + minato + "/statistics.csv").then().statusCode(401);
    }

    @Test
    void thePageImportsAndShowsRefusedCellsInATable() {
        var page = given().auth().oauth2(TestSupport.token(TestSupport.email("minato"))).accept("text/html").redirects().follow(false);
        page.multiPart("file", "s.csv", "年度,就職件数\r\n2016,12\r\n2017,13\r\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/centers/" + minato + "/statistics/" + (current - 1) + "/import").then().statusCode(303)
                .header("Location", containsString("/centers/" + minato + "/statistics/2017?saved=imported"));
        assertEquals(13, placements(2017));
        given().auth().oauth2(TestSupport.token(TestSupport.email("minato"))).accept("text/html")
                .get("/centers/" + minato + "/statistics/2017?saved=imported").then().statusCode(200)
                .body(containsString("CSVの実績を取り込みました")).body(containsString("aria-current=\"page\""))
                .body(containsString("action=\"/centers/" + minato + "/statistics/2017/import\""));
        String html = given().auth().oauth2(TestSupport.token(TestSupport.email("minato"))).accept("text/html").redirects().follow(false)
                .multiPart("file", "s.csv", "年度,就職件数\r\n2016,-1\r\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/centers/" + minato + "/statistics/2017/import").then().statusCode(400).extract().asString();
        assertTrue(html.contains("href=\"#file\""), "the summary leads to the file field");
        assertTrue(html.contains("<td data-label=\"項目\">就職件数</td>"), "the refused cell is named by its heading");
        assertEquals(12, placements(2016), "nothing stored");
        given().auth().oauth2(TestSupport.token(TestSupport.email("minato"))).accept("text/html").redirects().follow(false)
                .multiPart("file", "s.csv", new byte[0], "text/csv")
                .post("/centers/" + minato + "/statistics/2017/import").then().statusCode(400).body(containsString("href=\"#file\""));
        // the secretariat reads the page without the import form
        given().auth().oauth2(TestSupport.token(TestSupport.email("admin"))).accept("text/html")
                .get("/centers/" + minato + "/statistics/2017").then().statusCode(200).body(containsString("statistics.csv"))
                .body(org.hamcrest.Matchers.not(containsString("/import\"")));
    }

    @Test
    void writtenYears() {
        assertEquals(2023, JapaneseCalendar.parseFiscalYear("令和5年度"));
        assertEquals(2019, JapaneseCalendar.parseFiscalYear("令和元年度"));
        assertEquals(2019, JapaneseCalendar.parseFiscalYear("平成31年度"));
        assertEquals(2018, JapaneseCalendar.parseFiscalYear("H30"));
        assertEquals(2023, JapaneseCalendar.parseFiscalYear("Ｒ５"));
        assertEquals(2023, JapaneseCalendar.parseFiscalYear("fy 2023"));
        assertEquals(2023, JapaneseCalendar.parseFiscalYear("２０２３年度"));
        for (String bad : List.of("", "令和", "R0", "H32", "昭和60年度", "2023-24", "20234", "R123", "x")) {
            assertEquals(null, JapaneseCalendar.parseFiscalYear(bad), bad);
        }
    }
}
