package jp.tsunagu.circle;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jp.tsunagu.posting.DigestJob;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.support.TestSupport.as;
import static jp.tsunagu.support.TestSupport.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Circles people run: a center lead starts one and invites organizations, each organization's
 * administrator answers for it, owners remove members and archive, an organization leaves on its
 * own, and a removal takes effect on the next request everywhere the policy looks.
 */
@QuarkusTest
@Tag("data")
class CircleAdminTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    MockMailbox mailbox;

    @Inject
    DigestJob digests;

    /**
     * The demo data is shared by every test class: the circles made here end with no members, so
     * other classes see the demo's circles exactly (the history stays, being append-only).
     */
    @AfterEach
    void emptyTheCirclesMadeHere() {
        TestSupport.update(ds, "DELETE FROM circle_member WHERE circle_id IN (SELECT id FROM circle WHERE created_by IS NOT NULL)");
    }

    long bridge() {
        return TestSupport.orgId(ds, "okinawa-bridge");
    }

    long partnerOrg() {
        return TestSupport.orgId(ds, "okinawa-transition-1");
    }

    long hwNaha() {
        return TestSupport.orgId(ds, "okinawa-hw-naha");
    }

    /** A fresh circle started by bridge@ (owner: ブリッジ). */
    long circle(String name) {
        return json("bridge").body(Map.of("name", name, "kind", "WORKING_GROUP", "prefectureCode", 47,
                        "description", "定着支援の事例を持ち寄るワーキング"))
                .post("/api/circles").then().statusCode(201)
                .header("Location", containsString("/api/circles/"))
                .body("members[0].organizationId", equalTo((int) bridge())).body("members[0].owner", equalTo(true))
                .extract().jsonPath().getLong("id");
    }

    long invite(String who, long circle, long org) {
        return json(who).body(Map.of("organizationId", org)).post("/api/circles/" + circle + "/invitations")
                .then().statusCode(201).body("organizationId", equalTo((int) org)).extract().jsonPath().getLong("id");
    }

    /** A circle with みなみ風ワークス in it (invited by bridge@, accepted by partner@). */
    long circleWithPartner(String name) {
        long c = circle(name);
        long inv = invite("bridge", c, partnerOrg());
        as("partner").post("/api/circle-invitations/" + inv + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("circleId", equalTo((int) c));
        return c;
    }

    void digest(LocalDate day) {
        try {
            io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> digests.run(day));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static Mail lastTo(MockMailbox mailbox, String email) {
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertTrue(mails != null && !mails.isEmpty(), "a mail to " + email);
        return mails.get(mails.size() - 1);
    }

    @Test
    void aLeadStartsACircleAndEachAdministratorAnswersForTheirOrganization() {
        mailbox.clear();
        long c = circle("南部 定着支援ワーキング");
        as("bridge").get("/api/circles/" + c + "/manage").then().statusCode(200)
                .body("canRun", equalTo(true)).body("history.kind", hasItems("CREATED", "JOINED"));
        long toPartner = invite("bridge", c, partnerOrg());
        long toHw = invite("bridge", c, hwNaha());

        // each administrator is told, by mail too; the mail names the circle and where to answer
        Mail m = lastTo(mailbox, "partner@demo.tsunagu.jp");
        assertTrue(m.getSubject().contains("南部 定着支援ワーキング"), m.getSubject());
        assertTrue(m.getText().contains("/circle-invitations"), m.getText());
        lastTo(mailbox, "hw-naha@demo.tsunagu.jp");

        // invited is not a member: the circle stays hidden until the answer
        as("partner").get("/api/circles/" + c).then().statusCode(404);
        as("partner").get("/api/me/circle-invitations").then().statusCode(200)
                .body("id", hasItem((int) toPartner)).body("circleName", hasItem("南部 定着支援ワーキング"))
                .body("id", not(hasItem((int) toHw)));
        as("tortoise").get("/api/me/circle-invitations").then().statusCode(200)
                .body("id", not(hasItem((int) toPartner)));

        // the same organization twice, a member, an unknown organization
        json("bridge").body(Map.of("organizationId", partnerOrg())).post("/api/circles/" + c + "/invitations")
                .then().statusCode(409).body("type", containsString("already-invited"));
        json("bridge").body(Map.of("organizationId", bridge())).post("/api/circles/" + c + "/invitations")
                .then().statusCode(400).body("errors[0].field", equalTo("organizationId"))
                .body("errors[0].code", equalTo("already-member"));
        json("bridge").body(Map.of("organizationId", 99_999_999)).post("/api/circles/" + c + "/invitations")
                .then().statusCode(400).body("errors[0].code", equalTo("unknown"));

        // hw-naha cannot answer for みなみ風ワークス, nor partner for ハローワーク那覇
        as("hw-naha").post("/api/circle-invitations/" + toPartner + "/accept").then().statusCode(404);
        as("partner").post("/api/circle-invitations/" + toHw + "/decline").then().statusCode(404);

        as("partner").post("/api/circle-invitations/" + toPartner + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        as("partner").post("/api/circle-invitations/" + toPartner + "/accept").then().statusCode(409)
                .body("type", containsString("invitation-decided"));
        as("hw-naha").post("/api/circle-invitations/" + toHw + "/decline").then().statusCode(200)
                .body("status", equalTo("DECLINED"));

        as("partner").get("/api/circles/" + c).then().statusCode(200).body("members.organizationId", hasItem((int) partnerOrg()));
        as("hw-naha").get("/api/circles/" + c).then().statusCode(404);
        as("bridge").get("/api/circles/" + c + "/manage").then().statusCode(200)
                .body("members.organizationId", hasItems((int) bridge(), (int) partnerOrg()))
                .body("members.organizationId", not(hasItem((int) hwNaha())))
                .body("history.kind", hasItems("INVITED", "JOINED", "DECLINED"))
                .body("invitations", org.hamcrest.Matchers.hasSize(0));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'CIRCLE_JOINED' AND subject = ?",
                "circle:" + c));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'CIRCLE_DECLINED' AND subject = ?",
                "circle:" + c));
        // the history cannot be rewritten
        assertTrue(TestSupport.updateFails(ds, "UPDATE circle_event SET kind = 'LEFT' WHERE circle_id = " + c));
    }

    @Test
    void onlyAnAdministratorAnswersAndTheSecretariatWhereThereIsNone() {
        long c = circle("県内 連絡会（テスト）");
        // あおもりみなと has no administrator: its center-staff cannot answer, the secretariat can
        long minato = TestSupport.orgId(ds, "aomori-minato");
        long toMinato = invite("bridge", c, minato);
        as("minato").get("/api/me/circle-invitations").then().statusCode(200).body("id", not(hasItem((int) toMinato)));
        as("minato").post("/api/circle-invitations/" + toMinato + "/accept").then().statusCode(404);
        as("admin").get("/api/me/circle-invitations").then().statusCode(200).body("id", hasItem((int) toMinato));

        // みなみ風ワークス has one: a plain member of its staff cannot answer, and the secretariat does not either
        String plain = TestSupport.staffOf(ds, "okinawa-transition-1");
        long toPartner = invite("bridge", c, partnerOrg());
        as(plain).post("/api/circle-invitations/" + toPartner + "/accept").then().statusCode(404);
        as("admin").post("/api/circle-invitations/" + toPartner + "/accept").then().statusCode(404);
        as("admin").get("/api/me/circle-invitations").then().statusCode(200).body("id", not(hasItem((int) toPartner)));
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM circle_member WHERE circle_id = ? AND organization_id = ?",
                c, partnerOrg()), "refused answers change nothing");

        mailbox.clear();
        as("admin").post("/api/circle-invitations/" + toMinato + "/accept").then().statusCode(200);
        as("minato").get("/api/circles/" + c).then().statusCode(200);
        // its staff are told that the secretariat answered for them
        assertTrue(lastTo(mailbox, "minato@demo.tsunagu.jp").getSubject().contains("県内 連絡会（テスト）"));
        // anonymous
        given().post("/api/circle-invitations/" + toPartner + "/accept").then().statusCode(401);
        given().get("/api/me/circle-invitations").then().statusCode(401);
    }

    @Test
    void theSecretariatDoesNotAnswerItsOwnInvitationAndOwnsWhatItStarts() {
        long c = json("admin").body(Map.of("name", "全国 ワーキング（テスト）", "kind", "NETWORK")).post("/api/circles")
                .then().statusCode(201).body("members[0].organizationId", equalTo((int) TestSupport.orgId(ds, "national-network")))
                .extract().jsonPath().getLong("id");
        long toMinato = invite("admin", c, TestSupport.orgId(ds, "aomori-minato"));
        as("admin").post("/api/circle-invitations/" + toMinato + "/accept").then().statusCode(409)
                .body("type", containsString("own-invitation"));
        // nobody is made a member without consent: not even the secretariat starts a circle owned by a center
        json("admin").body(Map.of("name", "他組織主催の確認", "kind", "OTHER", "ownerOrganizationId", bridge()))
                .post("/api/circles").then().statusCode(400).body("errors[0].field", equalTo("ownerOrganizationId"));
    }

    @Test
    void invitationsDoNotBecomeAMailingTool() {
        long c = circle("招待の上限の確認");
        long toHw = invite("bridge", c, hwNaha());
        as("hw-naha").post("/api/circle-invitations/" + toHw + "/decline").then().statusCode(200);
        json("bridge").body(Map.of("organizationId", hwNaha())).post("/api/circles/" + c + "/invitations").then().statusCode(409)
                .body("type", containsString("invited-recently"));
        long toPartner = invite("bridge", c, partnerOrg());
        as("bridge").delete("/api/circles/" + c + "/invitations/" + toPartner).then().statusCode(204);
        json("bridge").body(Map.of("organizationId", partnerOrg())).post("/api/circles/" + c + "/invitations").then().statusCode(409)
                .body("type", containsString("invited-recently"));
        // a name that carries a link or a line break never reaches a mail
        for (String name : List.of("お知らせ https://example.com/login", "詳しくは www.example.jp へ", "ｅｘａｍｐｌｅ．ｃｏｍ で確認",
                "一行目\n二行目")) {
            json("bridge").body(Map.of("name", name, "kind", "OTHER")).post("/api/circles").then().statusCode(400)
                    .body("errors[0].field", equalTo("name")).body("errors[0].code", equalTo("plain-name"));
        }
        // a plain Japanese name with a period is fine
        json("bridge").body(Map.of("name", "第2回 南部ネットワーク会議。", "kind", "OTHER")).post("/api/circles").then().statusCode(201);
    }

    @Test
    void aRemovalTakesEffectOnTheNextRequestAndWhatTheyEarlierSharedStays() {
        long c = circleWithPartner("南部 求人共有（除外の確認）");
        long bridgePosting = json("bridge").body(posting("除外確認の求人（ブリッジ）", c)).post("/api/postings")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long partnerPosting = json("partner").body(posting("除外確認の求人（みなみ風）", c)).post("/api/postings")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long meeting = scheduledMeeting(c);
        as("partner").get("/api/postings/" + bridgePosting).then().statusCode(200);
        as("partner").get("/api/meetings/" + meeting).then().statusCode(200);
        as("partner").get("/api/meetings").then().statusCode(200).body("id", hasItem((int) meeting));
        as("partner").get("/api/circles").then().statusCode(200).body("id", hasItem((int) c));
        String feed = json("partner").body(Map.of()).post("/api/me/calendar-feeds").then().statusCode(200).extract().path("url");
        String feedPath = feed.substring(feed.indexOf("/ical/"));
        assertTrue(given().get(feedPath).then().statusCode(200).extract().asString().contains("UID:meeting-" + meeting + "@tsunagu"));
        // a digest (of a past week, so today's stays untouched) carries the circle's posting
        mailbox.clear();
        digest(LocalDate.of(2020, 1, 13));
        assertTrue(lastTo(mailbox, "partner@demo.tsunagu.jp").getText().contains("除外確認の求人（ブリッジ）"));

        mailbox.clear();
        as("bridge").delete("/api/circles/" + c + "/members/" + partnerOrg()).then().statusCode(204);
        as("partner").get("/api/postings/" + bridgePosting).then().statusCode(404);
        as("partner").get("/api/meetings/" + meeting).then().statusCode(404);
        as("partner").get("/api/meetings/" + meeting + "/minutes").then().statusCode(404);
        as("partner").get("/api/meetings/" + meeting + "/meeting.ics").then().statusCode(404);
        as("partner").get("/api/meetings").then().statusCode(200).body("id", not(hasItem((int) meeting)));
        as("partner").get("/api/circles/" + c).then().statusCode(404);
        as("partner").get("/api/circles").then().statusCode(200).body("id", not(hasItem((int) c)));
        // the next feed leaves the meeting out
        assertTrue(!given().get(feedPath).then().statusCode(200).extract().asString().contains("UID:meeting-" + meeting + "@tsunagu"));
        as("partner").queryParam("q", "除外確認の求人").get("/api/postings").then().statusCode(200)
                .body("items.id", not(hasItem((int) bridgePosting)));
        // what みなみ風ワークス shared stays with the remaining members
        as("bridge").get("/api/postings/" + partnerPosting).then().statusCode(200);
        // its administrator is told
        assertTrue(lastTo(mailbox, "partner@demo.tsunagu.jp").getSubject().contains("南部 求人共有（除外の確認）"));
        as("bridge").get("/api/circles/" + c + "/manage").then().statusCode(200).body("history.kind", hasItem("REMOVED"));
        // the next digest leaves the posting out (partner@ still gets one, for its other circle)
        mailbox.clear();
        digest(LocalDate.of(2020, 1, 20));
        assertTrue(!lastTo(mailbox, "partner@demo.tsunagu.jp").getText().contains("除外確認の求人（ブリッジ）"));
        // removing again: no such member
        as("bridge").delete("/api/circles/" + c + "/members/" + partnerOrg()).then().statusCode(404);
    }

    static Map<String, Object> posting(String title, long circle) {
        Map<String, Object> m = new HashMap<>(Map.of("kind", "JOB", "title", title, "companyName", "株式会社テスト物流",
                "prefectureCode", 47, "jobCategory", "LIGHT_WORK", "source", "COMPANY", "circleIds", List.of(circle)));
        return m;
    }

    /** A meeting in the circle, announced (it has its times), with no one invited by name. */
    long scheduledMeeting(long circle) {
        String day = LocalDate.now().plusDays(20).toString();
        var created = json("bridge").body(Map.of("kind", "EXCHANGE", "title", "除外確認の情報交換会", "circleId", circle, "organizerIds", List.of(bridge()),
                        "format", "IN_PERSON", "venues", List.of(Map.of("name", "南風原町 中央公民館")),
                        "startsAt", day + "T15:00", "endsAt", day + "T16:30"))
                .post("/api/meetings").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("summary.id");
        assertEquals("SCHEDULED", created.getString("summary.status"), "a meeting with its times is announced");
        return id;
    }

    @Test
    void anOrganizationLeavesThroughItsAdministrator() {
        long c = circleWithPartner("南部 脱退の確認");
        String plain = TestSupport.staffOf(ds, "okinawa-transition-1");
        as(plain).contentType(ContentType.JSON).body("{}").post("/api/circles/" + c + "/leave").then().statusCode(403);
        as("hw-naha").contentType(ContentType.JSON).body("{}").post("/api/circles/" + c + "/leave").then().statusCode(404);
        // the only owner cannot leave its circle behind
        as("bridge").contentType(ContentType.JSON).body("{}").post("/api/circles/" + c + "/leave").then().statusCode(409)
                .body("type", containsString("last-owner"));
        as("partner").contentType(ContentType.JSON).body("{}").post("/api/circles/" + c + "/leave").then().statusCode(204);
        as("partner").get("/api/circles/" + c).then().statusCode(404);
        as(plain).get("/api/circles/" + c).then().statusCode(404);
        as("bridge").get("/api/circles/" + c + "/manage").then().statusCode(200).body("history.kind", hasItem("LEFT"))
                .body("members.organizationId", not(hasItem((int) partnerOrg())));
    }

    @Test
    void coOwnersRunItAndAnArchivedCircleIsReadOnly() {
        long c = circleWithPartner("南部 共同管理の確認");
        // a member who is not an owner sees the circle but does not run it
        json("partner").body(Map.of("organizationId", hwNaha())).post("/api/circles/" + c + "/invitations").then().statusCode(403);
        as("partner").get("/api/circles/" + c + "/manage").then().statusCode(404);
        json("bridge").body(Map.of("owner", true)).put("/api/circles/" + c + "/members/" + partnerOrg()).then().statusCode(204);
        long toHw = invite("partner", c, hwNaha());
        json("bridge").body(Map.of("owner", false)).put("/api/circles/" + c + "/members/" + bridge()).then().statusCode(204);
        json("partner").body(Map.of("owner", false)).put("/api/circles/" + c + "/members/" + partnerOrg()).then().statusCode(409)
                .body("type", containsString("last-owner"));

        // edit, version-checked
        int version = as("partner").get("/api/circles/" + c + "/manage").then().statusCode(200).extract().jsonPath().getInt("version");
        Map<String, Object> edit = Map.of("name", "南部 共同管理（改称）", "kind", "LIAISON_COUNCIL", "version", version);
        json("partner").body(edit).put("/api/circles/" + c).then().statusCode(200).body("name", equalTo("南部 共同管理（改称）"))
                .body("kind", equalTo("LIAISON_COUNCIL"));
        json("partner").body(edit).put("/api/circles/" + c).then().statusCode(409);

        as("partner").post("/api/circles/" + c + "/archive").then().statusCode(204);
        // read-only now: no edits, invitations, answers, new postings or meetings; still visible to its members
        json("partner").body(Map.of("organizationId", TestSupport.orgId(ds, "gunma-tortoise")))
                .post("/api/circles/" + c + "/invitations").then().statusCode(409).body("type", containsString("circle-archived"));
        as("partner").post("/api/circles/" + c + "/archive").then().statusCode(409);
        as("hw-naha").post("/api/circle-invitations/" + toHw + "/accept").then().statusCode(409);
        as("bridge").get("/api/circles/" + c).then().statusCode(200);
        as("partner").get("/api/circles/" + c + "/manage").then().statusCode(200).body("canRun", equalTo(false))
                .body("archivedAt", org.hamcrest.Matchers.notNullValue()).body("history.kind", hasItems("OWNER_ADDED", "ARCHIVED"));
        json("bridge").body(posting("アーカイブ後の求人", c)).post("/api/postings").then().statusCode(400)
                .body("errors[0].field", equalTo("circleIds[0]")).body("errors[0].code", equalTo("circle-archived"));
        String day = LocalDate.now().plusDays(20).toString();
        json("bridge").body(Map.of("kind", "EXCHANGE", "title", "アーカイブ後の会議", "circleId", c, "organizerIds", List.of(bridge()), "format", "IN_PERSON",
                        "venues", List.of(Map.of("name", "南風原町 中央公民館")), "startsAt", day + "T15:00", "endsAt", day + "T16:30"))
                .post("/api/meetings").then().statusCode(400).body("errors[0].field", equalTo("circleId"))
                .body("errors[0].code", equalTo("circle-archived"));
        // its owners can still take a member out
        as("partner").delete("/api/circles/" + c + "/members/" + bridge()).then().statusCode(204);
        as("bridge").get("/api/circles/" + c).then().statusCode(404);
    }

    @ParameterizedTest(name = "{0} starts a circle → {1}")
    @CsvSource({
            "anonymous, 401", "partner, 403", "hw-naha, 403", "advisor, 403", "sysadmin, 403",
            "minato, 201", "tortoise, 201", "admin, 201"
    })
    void whoStartsACircle(String who, int status) {
        long before = TestSupport.count(ds, "circle");
        json(who).body(Map.of("name", "開始権限の確認 " + UUID.randomUUID(), "kind", "EXCHANGE_MEETING"))
                .post("/api/circles").then().statusCode(status);
        assertEquals(before + (status == 201 ? 1 : 0), TestSupport.count(ds, "circle"));
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "name | '' | name", "name | 201 | name", "kind | PAIR | kind", "kind | NETWORK | kind", "kind | pair | kind",
            "kind | '' | kind", "prefectureCode | 48 | prefectureCode", "prefectureCode | 0 | prefectureCode",
            "description | 4001 | description", "ownerOrganizationId | 99999999 | ownerOrganizationId"
    })
    void badCircleInputIsRefusedWithNothingStored(String field, String value, String named) {
        long before = TestSupport.count(ds, "circle");
        Map<String, Object> body = new HashMap<>(Map.of("name", "入力確認", "kind", "EXCHANGE_MEETING"));
        Object typed = value.matches("[0-9]+") && !field.equals("name") && !field.equals("description")
                ? (Object) Long.parseLong(value) : value;
        if (field.equals("name") || field.equals("description")) {
            typed = value.isEmpty() ? "" : "あ".repeat(Integer.parseInt(value));
        }
        body.put(field, typed);
        int status = field.equals("kind") && value.equals("NETWORK") ? 403 : 400;
        var r = json("bridge").body(body).post("/api/circles").then().statusCode(status)
                .contentType(containsString("application/problem+json")).body("message.ja", org.hamcrest.Matchers.notNullValue());
        if (status == 400) {
            r.body("errors.field", hasItem(named));
        }
        assertEquals(before, TestSupport.count(ds, "circle"), "nothing stored");
    }

    @Test
    void malformedBodiesAndIdsAreAnsweredClearly() {
        long c = circle("入力確認のサークル");
        json("bridge").body("{\"name\": ").post("/api/circles").then().statusCode(400);
        json("bridge").body("[]").post("/api/circles").then().statusCode(400);
        json("bridge").body("{}").post("/api/circles/" + c + "/invitations").then().statusCode(400)
                .body("errors[0].field", equalTo("organizationId"));
        json("bridge").body(Map.of("organizationId", "abc")).post("/api/circles/" + c + "/invitations").then().statusCode(400);
        json("bridge").body(Map.of("message", "x".repeat(1001), "organizationId", hwNaha()))
                .post("/api/circles/" + c + "/invitations").then().statusCode(400).body("errors[0].field", equalTo("message"));
        json("bridge").body("{}").put("/api/circles/" + c + "/members/" + bridge()).then().statusCode(400)
                .body("errors[0].field", equalTo("owner"));
        json("bridge").body(Map.of("name", "x", "kind", "OTHER")).put("/api/circles/" + c).then().statusCode(400)
                .body("errors.field", hasItem("version"));
        as("bridge").get("/api/circles/abc/manage").then().statusCode(400);
        as("bridge").post("/api/circle-invitations/abc/accept").then().statusCode(400);
        as("bridge").post("/api/circle-invitations/99999999/accept").then().statusCode(404);
        as("bridge").delete("/api/circles/" + c + "/members/99999999").then().statusCode(404);
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM circle_invitation WHERE circle_id = ?", c), "nothing stored");
    }

    @ParameterizedTest(name = "{0} on a circle they are {1} → manage {2}, invite {3}, archive {4}")
    @CsvSource({
            "bridge,    owner,      200, 201, 204",
            "admin,     secretariat, 200, 201, 204",
            "partner,   member,     404, 403, 403",
            "tortoise,  stranger,   404, 404, 404",
            "sysadmin,  sysadmin,   404, 403, 403",
            "advisor,   advisor,    404, 404, 404",
            "anonymous, anonymous,  401, 401, 401"
    })
    void accessMatrix(String who, String relation, int manage, int invite, int archive) {
        long c = circleWithPartner("権限表の確認 " + who);
        long before = TestSupport.id(ds, "SELECT count(*) FROM circle_invitation WHERE circle_id = ?", c);
        as(who).get("/api/circles/" + c + "/manage").then().statusCode(manage);
        json(who).body(Map.of("organizationId", hwNaha())).post("/api/circles/" + c + "/invitations").then().statusCode(invite);
        assertEquals(before + (invite == 201 ? 1 : 0), TestSupport.id(ds, "SELECT count(*) FROM circle_invitation WHERE circle_id = ?", c));
        json(who).body(Map.of("owner", true)).put("/api/circles/" + c + "/members/" + hwNaha()).then()
                .statusCode(invite == 201 ? 404 : invite);
        as(who).post("/api/circles/" + c + "/archive").then().statusCode(archive);
        assertEquals(archive == 204 ? 1 : 0, TestSupport.id(ds, "SELECT count(*) FROM circle WHERE id = ? AND archived_at IS NOT NULL", c));
    }
}
