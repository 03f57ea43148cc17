package jp.tsunagu.trust;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jp.tsunagu.conference.ConferenceFixture;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ways in that an outside review found by reading the code, each as an attack that must fail:
 * co-hosts rewriting the organizer list, the platform's sender used for mass mail, the purge
 * deadline pushed back, share rows naming circles the viewer is not in, carried action items from
 * minutes the viewer may not read, the employer check confirming hidden postings, notifications
 * to people the policy excludes, and personal links and feeds that never end.
 */
@QuarkusTest
@Tag("data")
class TrustAttacksTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    MockMailbox mailbox;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "tsunagu.mail.per-organization-per-day")
    int mailCap;

    static RequestSpecification as(String who) {
        return TestSupport.json(who);
    }

    long org(String code) {
        return TestSupport.orgId(ds, code);
    }

    static Map<String, Object> meeting(String title, List<Long> organizers, Long circle, String startsAt) {
        Map<String, Object> m = new HashMap<>(Map.of("kind", "EXCHANGE", "title", title, "organizerIds", organizers,
                "format", "ONLINE", "onlineUrl", "https://meet.example.org/room-42"));
        if (circle != null) {
            m.put("circleId", circle);
        }
        if (startsAt != null) {
            m.put("startsAt", startsAt);
            m.put("endsAt", startsAt.replace("T15:00", "T16:30"));
        }
        return m;
    }

    String future(int days) {
        return LocalDateTime.now().plusDays(days).toLocalDate() + "T15:00";
    }

    List<Long> organizerRows(long meeting, boolean consented) {
        List<Long> out = new ArrayList<>();
        long n = TestSupport.id(ds, "SELECT count(*) FROM meeting_organizer WHERE meeting_id = ? AND (consented_at IS NOT NULL) = ?",
                meeting, consented);
        for (long i = 0; i < n; i++) {
            out.add(TestSupport.id(ds, "SELECT organization_id FROM meeting_organizer WHERE meeting_id = ?"
                    + " AND (consented_at IS NOT NULL) = ? ORDER BY organization_id OFFSET ? LIMIT 1", meeting, consented, i));
        }
        return out;
    }

    // ------------------------------------------------------------------ 9. co-hosts

    @Test
    void aCoHostCannotRewriteTheOrganizersAndANamedOrganizationMustAgreeFirst() {
        long bridge = org("okinawa-bridge");
        long partner = org("okinawa-transition-1");
        long helloWork = org("okinawa-hw-naha");
        long circle = TestSupport.circleId(ds, "okinawa-south-exchange");
        long id = as("bridge").body(meeting("共催テスト", List.of(bridge, partner), circle, future(30)))
                .post("/api/meetings").then().statusCode(201).extract().jsonPath().getLong("summary.id");
        assertEquals(List.of(bridge), organizerRows(id, true), "only the creating organization has agreed");
        assertEquals(List.of(partner), organizerRows(id, false), "the named co-host is asked, not enrolled");
        // asked, the partner sees the meeting and the request, but runs nothing yet
        as("partner").get("/api/meetings/" + id).then().statusCode(200).body("askedToCoHost", equalTo(true))
                .body("canEdit", equalTo(false));
        as("partner").get("/api/meetings/" + id + "/attendance").then().statusCode(404);
        int version = as("bridge").get("/api/meetings/" + id).then().extract().jsonPath().getInt("version");
        Map<String, Object> edit = new HashMap<>(meeting("共催テスト（変更）", List.of(bridge, partner), circle, future(30)));
        edit.put("version", version);
        as("partner").body(edit).put("/api/meetings/" + id).then().statusCode(403);
        // a stranger cannot answer for the partner
        // (Hello Work sees the announced meeting as a circle member: 403, not 404)
        as("hw-naha").body(Map.of("accept", true)).post("/api/meetings/" + id + "/co-host").then().statusCode(403);
        as("csa").body(Map.of("accept", true)).post("/api/meetings/" + id + "/co-host").then().statusCode(404);
        as("partner").body(Map.of()).post("/api/meetings/" + id + "/co-host").then().statusCode(400);
        as("partner").body(Map.of("accept", true)).post("/api/meetings/" + id + "/co-host").then().statusCode(200)
                .body("canEdit", equalTo(true)).body("askedToCoHost", equalTo(false));
        // now a co-host: it may edit the meeting, but not the list of hosts
        as("partner").body(edit).put("/api/meetings/" + id).then().statusCode(200);
        version = as("bridge").get("/api/meetings/" + id).then().extract().jsonPath().getInt("version");
        Map<String, Object> takeover = new HashMap<>(meeting("乗っ取り", List.of(partner, helloWork), circle, future(30)));
        takeover.put("version", version);
        as("partner").body(takeover).put("/api/meetings/" + id).then().statusCode(403);
        assertEquals(List.of(bridge, partner), organizerRows(id, true));
        assertEquals(List.of(), organizerRows(id, false));
        // the host adds Hello Work: asked, until it agrees
        Map<String, Object> add = new HashMap<>(meeting("共催テスト（変更）", List.of(bridge, partner, helloWork), circle, future(30)));
        add.put("version", version);
        as("bridge").body(add).put("/api/meetings/" + id).then().statusCode(200);
        assertEquals(List.of(helloWork), organizerRows(id, false));
        // the host cannot drop itself
        version = as("bridge").get("/api/meetings/" + id).then().extract().jsonPath().getInt("version");
        Map<String, Object> drop = new HashMap<>(meeting("x", List.of(partner), circle, future(30)));
        drop.put("version", version);
        as("bridge").body(drop).put("/api/meetings/" + id).then().statusCode(400).body("errors.field", hasItem("organizerIds"));
        // Hello Work declines: it leaves the list
        as("hw-naha").body(Map.of("accept", false)).post("/api/meetings/" + id + "/co-host").then().statusCode(204);
        assertEquals(List.of(), organizerRows(id, false));
        assertEquals(List.of(bridge, partner), organizerRows(id, true));
    }

    // ------------------------------------------------------------------ 8. the platform's sender

    @Test
    void invitationsByCriteriaStayInTheCircleAndMailIsCapped() {
        long bridge = org("okinawa-bridge");
        long circle = TestSupport.circleId(ds, "okinawa-south-exchange");
        long id = as("bridge").body(meeting("宛先テスト", List.of(bridge), circle, future(25)))
                .post("/api/meetings").then().statusCode(201).extract().jsonPath().getLong("summary.id");
        mailbox.clear();
        // "every organization of Okinawa" reaches only the circle's organizations
        as("bridge").body(Map.of("prefectureCode", 47)).post("/api/meetings/" + id + "/invitations").then().statusCode(200);
        assertTrue(TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE meeting_id = ?", id) > 0);
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee i WHERE i.meeting_id = ? AND i.organization_id IS NOT NULL"
                + " AND i.organization_id NOT IN (SELECT organization_id FROM circle_member WHERE circle_id = ?)", id, circle));
        // the mail says plainly who hosts and where the online link goes
        List<Mail> mails = mailbox.getMailsSentTo("partner@demo.tsunagu.jp");
        assertFalse(mails.isEmpty());
        assertTrue(mails.get(0).getText().contains("主催: 障害者就業・生活支援センター ブリッジ"), mails.get(0).getText());
        assertTrue(mails.get(0).getText().contains("meet.example.org"), mails.get(0).getText());

        // without a circle, criteria are refused (a whole prefecture from the platform's sender)
        long lone = as("bridge").body(meeting("サークルなし", List.of(bridge), null, future(26)))
                .post("/api/meetings").then().statusCode(201).extract().jsonPath().getLong("summary.id");
        as("bridge").body(Map.of("prefectureCode", 47)).post("/api/meetings/" + lone + "/invitations").then().statusCode(400)
                .body("errors.field", hasItem("organizationType"));
        // at most 50 people without an account per meeting
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(Map.of("name", "外部 " + i, "email", "outsider-" + i + "-" + System.nanoTime() + "@example.jp"));
        }
        as("bridge").body(Map.of("persons", many)).post("/api/meetings/" + lone + "/invitations").then().statusCode(400)
                .body("errors.field", hasItem("persons"));
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE meeting_id = ?", lone));
        // organizations outside the meeting's reach cannot be named one by one either
        as("bridge").body(Map.of("organizationIds", List.of(org("chiba-01"))))
                .post("/api/meetings/" + lone + "/invitations").then().statusCode(400)
                .body("errors.field", hasItem("organizationIds"));
        // an online link must name its host plainly
        Map<String, Object> disguised = new HashMap<>(meeting("偽装URL", List.of(bridge), circle, future(27)));
        disguised.put("onlineUrl", "https://hellowork.go.jp@evil.example/login");
        as("bridge").body(disguised).post("/api/meetings").then().statusCode(400).body("errors.field", hasItem("onlineUrl"));
        // the daily budget of the host: one short of it, two more mails are refused and nothing is stored
        TestSupport.update(ds, "INSERT INTO mail_quota (organization_id, day, sent) VALUES (?, (now() AT TIME ZONE 'Asia/Tokyo')::date, ?)"
                + " ON CONFLICT (organization_id, day) DO UPDATE SET sent = EXCLUDED.sent", bridge, mailCap - 1);
        try {
            as("bridge").body(Map.of("persons", List.of(Map.of("name", "A", "email", "a-" + System.nanoTime() + "@example.jp"),
                            Map.of("name", "B", "email", "b-" + System.nanoTime() + "@example.jp"))))
                    .post("/api/meetings/" + lone + "/invitations").then().statusCode(429)
                    .body("type", containsString("mail-daily-cap")).header("Retry-After", org.hamcrest.Matchers.notNullValue());
            assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE meeting_id = ?", lone));
            assertEquals(mailCap - 1, TestSupport.id(ds, "SELECT sent FROM mail_quota WHERE organization_id = ?"
                    + " AND day = (now() AT TIME ZONE 'Asia/Tokyo')::date", bridge), "the refused batch is not counted");
            // change notices count too: moving the meeting would mail its invitees, over the budget
            int version = as("bridge").get("/api/meetings/" + id).then().extract().jsonPath().getInt("version");
            Map<String, Object> moved = new HashMap<>(meeting("宛先テスト", List.of(bridge), circle, future(28)));
            moved.put("version", version);
            as("bridge").body(moved).put("/api/meetings/" + id).then().statusCode(429);
        } finally {
            TestSupport.update(ds, "DELETE FROM mail_quota WHERE organization_id = ?", bridge);
        }
    }

    // ------------------------------------------------------------------ 5. retention

    @Test
    void thePurgeDeadlineIsFixedOnceMaterialExistsAndNoEditPushesItBack() {
        String starts = LocalDateTime.now().plusDays(10).withNano(0).withSecond(0).toString();
        long conference = ConferenceFixture.create(ds, starts, 30, Map.of(demo("partner"), "PRESENTER"));
        ConferenceFixture.pledge(demo("bridge"), conference);
        ConferenceFixture.pledge(demo("partner"), conference);
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM conference WHERE id = ? AND purge_after IS NOT NULL", conference));
        given().auth().oauth2(TestSupport.token(demo("partner"))).contentType(ContentType.JSON)
                .body(ConferenceFixture.caseBody(0, "① 家計が苦しい。")).put("/api/conferences/" + conference + "/case")
                .then().statusCode(200);
        String fixed = TestSupport.text(ds, "SELECT purge_after::text FROM conference WHERE id = ?", conference);
        assertTrue(fixed != null, "the deadline is fixed when the first material is written");
        // a date in 2099 is refused outright
        update(conference, LocalDateTime.of(2099, 1, 1, 10, 0).toString(), 30).then().statusCode(400)
                .body("errors.field", hasItem("startsAt"));
        // a later date and the longest retention are accepted, but the deadline does not move back
        update(conference, LocalDateTime.now().plusDays(300).withNano(0).withSecond(0).toString(), 90).then().statusCode(200);
        assertEquals(fixed, TestSupport.text(ds, "SELECT purge_after::text FROM conference WHERE id = ?", conference));
        // not even a direct UPDATE can push it back
        TestSupport.update(ds, "UPDATE conference SET purge_after = purge_after + interval '10 years' WHERE id = ?", conference);
        assertEquals(fixed, TestSupport.text(ds, "SELECT purge_after::text FROM conference WHERE id = ?", conference));
        // finishing it brings the deadline to the real end plus the retention chosen
        TestSupport.update(ds, "UPDATE conference SET finished_at = now() - interval '100 days' WHERE id = ?", conference);
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM conference WHERE id = ? AND purge_after <= now() - interval '9 days'", conference));
    }

    private io.restassured.response.Response update(long conference, String startsAt, int retention) {
        Map<String, Object> detail = given().auth().oauth2(TestSupport.token(demo("bridge")))
                .get("/api/conferences/" + conference).then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> body = new HashMap<>();
        body.put("title", "事例検討会（試験）");
        body.put("format", "NONAKA");
        body.put("legalBasis", "CONSENT");
        body.put("startsAt", startsAt);
        body.put("retentionDays", retention);
        body.put("version", detail.get("version"));
        body.put("attendees", List.of(
                Map.of("accountId", ConferenceFixture.account(ds, demo("bridge")), "role", "FACILITATOR"),
                Map.of("accountId", ConferenceFixture.account(ds, demo("partner")), "role", "PRESENTER")));
        return given().auth().oauth2(TestSupport.token(demo("bridge"))).contentType(ContentType.JSON).body(body)
                .put("/api/conferences/" + conference);
    }

    static String demo(String who) {
        return who + "@demo.tsunagu.jp";
    }

    // ------------------------------------------------------------------ 6. share rows

    @Test
    void aPostingShowsOnlyTheSharesIntoCirclesTheViewerMaySee() {
        long helloWork = org("okinawa-hw-naha");
        long posting = TestSupport.id(ds, "SELECT min(p.id) FROM posting p JOIN posting_share s ON s.posting_id = p.id"
                + " JOIN circle c ON c.id = s.circle_id WHERE p.owner_org_id = ? AND c.code = 'okinawa-south-exchange'", helloWork);
        long chiba = TestSupport.circleId(ds, "chiba-council");
        TestSupport.update(ds, "INSERT INTO posting_share (posting_id, circle_id, shared_by_org_id, shared_at) VALUES (?, ?, ?, now())",
                posting, chiba, helloWork);
        try {
            as("partner").get("/api/postings/" + posting).then().statusCode(200)
                    .body("shares.circleId", not(hasItem((int) chiba)))
                    .body("shares.circleName", not(hasItem("千葉県ナカポツ連絡協議会")));
            as("hw-naha").get("/api/postings/" + posting).then().statusCode(200).body("shares.circleId", hasItem((int) chiba));
            String page = given().header("Authorization", "Bearer " + TestSupport.token(demo("partner"))).accept("text/html")
                    .get("/postings/" + posting).then().statusCode(200).extract().asString();
            assertFalse(page.contains("千葉県ナカポツ連絡協議会"), "the page names no circle the partner is not in");
        } finally {
            TestSupport.update(ds, "DELETE FROM posting_share WHERE posting_id = ? AND circle_id = ?", posting, chiba);
        }
    }

    // ------------------------------------------------------------------ 7. carried action items

    @Test
    void carriedActionItemsOnlyComeFromMinutesTheViewerMayRead() {
        long bridge = org("okinawa-bridge");
        long partner = org("okinawa-transition-1");
        long circle = TestSupport.circleId(ds, "okinawa-south-exchange");
        long series = as("bridge").body(Map.of("circleId", circle, "title", "持ち越しテスト", "kind", "EXCHANGE",
                        "organizerIds", List.of(bridge)))
                .post("/api/series").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> first = new HashMap<>(meeting("持ち越し 第1回", List.of(bridge), circle, future(40)));
        first.put("seriesId", series);
        long m1 = as("bridge").body(first).post("/api/meetings").then().statusCode(201).extract().jsonPath().getLong("summary.id");
        as("bridge").body(Map.of("title", "非公開の宿題：関係機関の担当者名簿を作る", "ownerOrgId", bridge))
                .post("/api/meetings/" + m1 + "/actions").then().statusCode(201);
        Map<String, Object> second = new HashMap<>(meeting("持ち越し 第2回", List.of(bridge, partner), circle, future(70)));
        second.put("seriesId", series);
        long m2 = as("bridge").body(second).post("/api/meetings").then().statusCode(201).extract().jsonPath().getLong("summary.id");
        as("partner").body(Map.of("accept", true)).post("/api/meetings/" + m2 + "/co-host").then().statusCode(200);
        // the partner runs the second meeting, not the first, whose minutes are unpublished
        as("partner").get("/api/meetings/" + m2 + "/agenda").then().statusCode(200)
                .body("carriedActions.title", not(hasItem("非公開の宿題：関係機関の担当者名簿を作る")));
        as("partner").get("/api/meetings/" + m2 + "/actions").then().statusCode(200)
                .body("title", not(hasItem("非公開の宿題：関係機関の担当者名簿を作る")));
        // nor can it read or change the item through the update (not even a 409 with the item in it)
        long item = TestSupport.id(ds, "SELECT id FROM action_item WHERE meeting_id = ?", m1);
        String answer = as("partner").body(Map.of("title", "x", "version", 99, "status", "OPEN"))
                .put("/api/meetings/" + m2 + "/actions/" + item).then().statusCode(404).extract().asString();
        assertFalse(answer.contains("担当者名簿"), answer);
        assertEquals("非公開の宿題：関係機関の担当者名簿を作る", TestSupport.text(ds, "SELECT title FROM action_item WHERE id = ?", item));
        // the host, who runs both, sees it carried
        as("bridge").get("/api/meetings/" + m2 + "/actions").then().statusCode(200)
                .body("title", hasItem("非公開の宿題：関係機関の担当者名簿を作る"));
    }

    @Test
    void aSeriesCannotEnrolAnOrganizationAsCoHostWithoutItsConsent() {
        long bridge = org("okinawa-bridge");
        long helloWork = org("okinawa-hw-naha");
        long circle = TestSupport.circleId(ds, "okinawa-south-exchange");
        long series = as("bridge").body(Map.of("circleId", circle, "title", "同意なしの共催テスト", "kind", "EXCHANGE",
                        "organizerIds", List.of(bridge, helloWork)))
                .post("/api/series").then().statusCode(201).extract().jsonPath().getLong("id");
        long next = as("bridge").post("/api/series/" + series + "/next").then().statusCode(201)
                .extract().jsonPath().getLong("summary.id");
        assertEquals(List.of(bridge), organizerRows(next, true));
        assertEquals(List.of(helloWork), organizerRows(next, false), "Hello Work is asked, not enrolled");
        as("hw-naha").get("/api/meetings/" + next + "/attendance").then().statusCode(404);
    }

    // ------------------------------------------------------------------ 10. employer names

    @Test
    void theEmployerCheckDoesNotConfirmPostingsTheWriterCannotSee() {
        String company = "ゆいまーる市場" + (System.nanoTime() % 1000);
        long posting = as("hw-naha").body(Map.of("kind", "JOB", "title", "青果の仕分け", "companyName", company,
                        "prefectureCode", 47, "jobCategory", "LIGHT_WORK", "source", "COMPANY"))
                .post("/api/postings").then().statusCode(201).extract().jsonPath().getLong("id");
        String starts = LocalDateTime.now().plusDays(12).withNano(0).withSecond(0).toString();
        long conference = ConferenceFixture.create(ds, starts, 30, Map.of(demo("partner"), "PRESENTER"));
        ConferenceFixture.pledge(demo("bridge"), conference);
        // the draft is Hello Work's own: for bridge the check must not find (and so confirm) the company
        var answer = given().auth().oauth2(TestSupport.token(demo("bridge"))).contentType(ContentType.JSON)
                .body(Map.of("kind", "NOTE", "body", company + "で実習を検討。担当は山田太郎さん。"))
                .post("/api/conferences/" + conference + "/board").then().statusCode(400).extract().asString();
        assertFalse(answer.contains("\"excerpt\":\"" + company + "\""), answer);
        // once shared into the circle the company is the circle's knowledge, and the check names it
        long circle = TestSupport.circleId(ds, "okinawa-south-exchange");
        as("hw-naha").body(Map.of("circleId", circle)).post("/api/postings/" + posting + "/share").then().statusCode(200);
        given().auth().oauth2(TestSupport.token(demo("bridge"))).contentType(ContentType.JSON)
                .body(Map.of("kind", "NOTE", "body", company + "で実習を検討。"))
                .post("/api/conferences/" + conference + "/board").then().statusCode(400)
                .body("findings.excerpt", hasItem(company));
    }

    // ------------------------------------------------------------------ 12. smaller ones

    @Test
    void anAttendeeWhoseOrganizationLeftTheCircleLosesTheCaseAtOnce() {
        String starts = LocalDateTime.now().plusDays(14).withNano(0).withSecond(0).toString();
        long conference = ConferenceFixture.create(ds, starts, 30, Map.of(demo("partner"), "PRESENTER"));
        ConferenceFixture.pledge(demo("bridge"), conference);
        ConferenceFixture.pledge(demo("partner"), conference);
        as("partner").get("/api/conferences/" + conference + "/case").then().statusCode(200);
        long circle = TestSupport.circleId(ds, "okinawa-south-exchange");
        long partner = org("okinawa-transition-1");
        TestSupport.update(ds, "DELETE FROM circle_member WHERE circle_id = ? AND organization_id = ?", circle, partner);
        try {
            as("partner").get("/api/conferences/" + conference + "/case").then().statusCode(404);
            as("partner").get("/api/conferences/" + conference).then().statusCode(404);
        } finally {
            TestSupport.update(ds, "INSERT INTO circle_member (circle_id, organization_id, is_owner) VALUES (?, ?, false)", circle, partner);
        }
        as("partner").get("/api/conferences/" + conference + "/case").then().statusCode(200);
    }

    @Test
    void minutesNoticesReachOnlyThoseThePolicyLetsRead() {
        long bridge = org("okinawa-bridge");
        long circle = TestSupport.circleId(ds, "okinawa-south-exchange");
        long sysadmin = TestSupport.accountId(ds, "sysadmin@demo.tsunagu.jp");
        // a sysadmin who (wrongly) holds a membership of a circle organization
        TestSupport.update(ds, "INSERT INTO membership (account_id, organization_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                sysadmin, org("okinawa-transition-2"));
        try {
            long id = as("bridge").body(meeting("議事録通知テスト", List.of(bridge), circle, future(3)))
                    .post("/api/meetings").then().statusCode(201).extract().jsonPath().getLong("summary.id");
            TestSupport.update(ds, "UPDATE meeting SET starts_at = now() - interval '2 days', ends_at = now() - interval '47 hours',"
                    + " status = 'HELD' WHERE id = ?", id);
            int version = as("bridge").get("/api/meetings/" + id + "/minutes").then().statusCode(200)
                    .extract().jsonPath().getInt("version");
            as("bridge").body(Map.of("version", version, "items", List.of(Map.of("theme", "情報交換",
                    "content", "各機関の近況を共有した。", "results", "次回も続ける。")))).put("/api/meetings/" + id + "/minutes")
                    .then().statusCode(200);
            as("bridge").body(Map.of("acknowledgeWarnings", true)).post("/api/meetings/" + id + "/minutes/publish")
                    .then().statusCode(200);
            assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM notification WHERE account_id = ? AND link = ?",
                    sysadmin, "/meetings/" + id), "the sysadmin is not told of minutes the policy keeps from them");
            assertTrue(TestSupport.id(ds, "SELECT count(*) FROM notification n JOIN account a ON a.id = n.account_id"
                    + " WHERE a.email = 'partner@demo.tsunagu.jp' AND n.link = ?", "/meetings/" + id) >= 1);
        } finally {
            TestSupport.update(ds, "DELETE FROM membership WHERE account_id = ?", sysadmin);
        }
    }

    @Test
    void personalLinksEndAfterTheMeetingAndFeedsEndWithThePassword() {
        long bridge = org("okinawa-bridge");
        long id = as("bridge").body(meeting("リンク期限テスト", List.of(bridge), null, future(5)))
                .post("/api/meetings").then().statusCode(201).extract().jsonPath().getLong("summary.id");
        mailbox.clear();
        String guest = "guest-" + System.nanoTime() + "@example.jp";
        as("bridge").body(Map.of("persons", List.of(Map.of("name", "外部 次郎", "email", guest))))
                .post("/api/meetings/" + id + "/invitations").then().statusCode(200);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/p/([A-Za-z0-9_-]{43})")
                .matcher(mailbox.getMailsSentTo(guest).get(0).getText());
        assertTrue(link.find());
        given().get("/api/poll/" + link.group(1)).then().statusCode(200);
        // the meeting was 31 days ago: the link has ended
        TestSupport.update(ds, "UPDATE meeting SET starts_at = now() - interval '31 days 2 hours', ends_at = now() - interval '31 days' WHERE id = ?", id);
        given().get("/api/poll/" + link.group(1)).then().statusCode(410).body("type", containsString("poll-link-expired"));

        // a calendar feed works, can be revoked, and ends with a password change
        String email = TestSupport.throwAwayAccount(ds, "center-staff", "first-password-1");
        String token = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "first-password-1"))
                .post("/api/auth/login").then().statusCode(200).extract().path("token");
        String feed = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                .post("/api/me/calendar-feeds").then().statusCode(200).extract().path("url");
        String path = feed.replaceFirst("^https?://[^/]+", "");
        given().get(path).then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "first-password-1", "newPassword", "second-password-2"))
                .post("/api/me/password").then().statusCode(204);
        given().get(path).then().statusCode(404);
        String again = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of())
                .post("/api/me/calendar-feeds").then().statusCode(200).extract().path("url");
        String againPath = again.replaceFirst("^https?://[^/]+", "");
        given().get(againPath).then().statusCode(200);
        given().auth().oauth2(token).delete("/api/me/calendar-feeds").then().statusCode(204);
        given().get(againPath).then().statusCode(404);
    }
}
