package jp.tsunagu.home;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The home page's next meetings: the five soonest the viewer may see, cancelled ones and others' drafts left out. */
@QuarkusTest
class HomePageTest {

    @Inject
    AgroalDataSource ds;

    @Test
    void theHomePageListsTheFiveSoonestMeetingsTheViewerMaySee() {
        String nonce = Long.toString(System.nanoTime(), 36);
        long mine = organization("home-" + nonce, "（架空）ホーム試験 事業所 " + nonce);
        long other = organization("home-other-" + nonce, "（架空）ホーム試験 別の事業所 " + nonce);
        long circle = circle("home-circle-" + nonce, "（架空）ホーム試験の圏域 " + nonce);
        TestSupport.update(ds, "INSERT INTO circle_member (circle_id, organization_id) VALUES (?, ?), (?, ?)", circle, mine, circle, other);
        String email = staffOf(mine);
        String meeting = "WITH m AS (INSERT INTO meeting (kind, title, format, starts_at, ends_at, status, host_org_id, circle_id)"
                + " VALUES ('EXCHANGE', ?, 'IN_PERSON', now() + (? || ' hours')::interval, now() + (? || ' hours')::interval + interval '2 hours',"
                + " ?, ?, ?) RETURNING id, host_org_id)"
                + " INSERT INTO meeting_organizer (meeting_id, organization_id, consented_at) SELECT id, host_org_id, now() FROM m";
        // the soonest two are cancelled and another organization's draft; then seven of its own
        TestSupport.update(ds, meeting, "中止の会 " + nonce, "1", "1", "CANCELLED", mine, circle);
        TestSupport.update(ds, meeting, "他所の下書き " + nonce, "2", "2", "DRAFT", other, circle);
        for (int k = 1; k <= 7; k++) {
            TestSupport.update(ds, meeting, "次の会 " + nonce + " " + k + "番", Integer.toString(2 + k), Integer.toString(2 + k),
                    "SCHEDULED", mine, circle);
        }
        String html = given().header("Authorization", "Bearer " + TestSupport.token(email)).accept("text/html").get("/")
                .then().statusCode(200).extract().asString();
        String section = html.substring(html.indexOf("id=\"h-meetings\""));
        section = section.substring(0, section.indexOf("</section>"));
        assertTrue(!section.contains("中止の会 " + nonce) && !section.contains("他所の下書き " + nonce), section);
        int at = -1;
        for (int k = 1; k <= 5; k++) {
            int next = section.indexOf("次の会 " + nonce + " " + k + "番");
            assertTrue(next > at, "meeting " + k + " listed, after the one before it: " + section);
            at = next;
        }
        assertEquals(5, section.split("href=\"/meetings/\\d+\"", -1).length - 1, "five meetings: " + section);
        assertTrue(!section.contains("次の会 " + nonce + " 6番"), section);
    }

    /** The circles panel: the viewer's own circles with their member counts, no other; the secretariat's count of all. */
    @Test
    void theHomePageListsTheViewersOwnCirclesAndTheSecretariatCountsThemAll() {
        String nonce = Long.toString(System.nanoTime(), 36);
        long mine = organization("home-c-" + nonce, "（架空）ホーム圏域試験 事業所 " + nonce);
        long other = organization("home-c-other-" + nonce, "（架空）ホーム圏域試験 別の事業所 " + nonce);
        long ours = circle("home-ours-" + nonce, "（架空）わたしたちの圏域 " + nonce);
        long theirs = circle("home-theirs-" + nonce, "（架空）よその圏域 " + nonce);
        TestSupport.update(ds, "INSERT INTO circle_member (circle_id, organization_id) VALUES (?, ?), (?, ?), (?, ?)",
                ours, mine, ours, other, theirs, other);
        String email = staffOf(mine);
        String html = given().header("Authorization", "Bearer " + TestSupport.token(email)).accept("text/html").get("/")
                .then().statusCode(200).extract().asString();
        String section = html.substring(html.indexOf("id=\"h-circles\""));
        section = section.substring(0, section.indexOf("</section>"));
        assertTrue(section.contains("href=\"/circles/" + ours + "\"") && section.contains("わたしたちの圏域 " + nonce), section);
        assertTrue(section.contains("2 組織"), "its member count: " + section);
        assertEquals(1, section.split("href=\"/circles/\\d+\"", -1).length - 1, "its one circle only: " + section);
        assertTrue(!section.contains("よその圏域 " + nonce), section);

        long all = TestSupport.id(ds, "SELECT count(*) FROM circle");
        String admin = given().header("Authorization", "Bearer " + TestSupport.token("admin@demo.tsunagu.jp")).accept("text/html").get("/")
                .then().statusCode(200).extract().asString();
        String stats = admin.substring(admin.indexOf("class=\"stats\""));
        stats = stats.substring(stats.indexOf("サークル数"));
        assertTrue(stats.substring(0, stats.indexOf("</dd>")).endsWith("<dd>" + all), "every circle counted: " + stats);
    }

    /** A fictitious partner organization in Okinawa. */
    private long organization(String code, String name) {
        return TestSupport.id(ds, "INSERT INTO organization (code, name, org_type, prefecture_code) VALUES (?, ?, 'TRANSITION_SUPPORT', 47)"
                + " RETURNING id", code, name);
    }

    /** A fictitious exchange-meeting circle in Okinawa. */
    private long circle(String code, String name) {
        return TestSupport.id(ds, "INSERT INTO circle (code, name, kind, prefecture_code) VALUES (?, ?, 'EXCHANGE_MEETING', 47) RETURNING id",
                code, name);
    }

    /** A throw-away partner-staff account of the organization: its e-mail address. */
    private String staffOf(long organization) {
        String email = TestSupport.throwAwayAccount(ds, "partner-staff", TestSupport.PASSWORD);
        TestSupport.update(ds, "INSERT INTO membership (account_id, organization_id, title) SELECT id, ?, '支援員' FROM account WHERE email = ?",
                organization, email);
        return email;
    }
}
