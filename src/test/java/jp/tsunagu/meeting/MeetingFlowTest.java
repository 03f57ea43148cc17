package jp.tsunagu.meeting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.support.TestSupport;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An exchange meeting arranged, held, recorded and followed up through the API, by people with
 * and without accounts, with the rules of the issue: times, slots in the past, answering twice,
 * capacity and the waiting list, revoked links, agenda length, version checks, personal-data
 * warnings, the reminder sent exactly once, and .ics files that ical4j reads back.
 */
@QuarkusTest
@Tag("data")
class MeetingFlowTest {

    static final String GUEST = "guest.flow@example.jp";

    @Inject
    AgroalDataSource ds;

    @Inject
    MockMailbox mailbox;

    @Inject
    ReminderJob reminders;

    static RequestSpecification as(String who) {
        return TestSupport.json(who);
    }

    static String personalToken(Mail mail) {
        Matcher m = Pattern.compile("/p/([A-Za-z0-9_-]{43})").matcher(mail.getText());
        assertTrue(m.find(), "mail carries a personal link");
        return m.group(1);
    }

    static Mail lastTo(MockMailbox box, String to) {
        List<Mail> mails = box.getMailsSentTo(to);
        assertTrue(mails != null && !mails.isEmpty(), "a mail to " + to);
        return mails.get(mails.size() - 1);
    }

    static VEvent event(String ics) throws Exception {
        Calendar c = new CalendarBuilder().build(new StringReader(ics));
        return c.<VEvent>getComponent("VEVENT").orElseThrow();
    }

    /** One run of the reminder job on a Vert.x context, as the scheduler runs it. */
    int remind() {
        try {
            return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> reminders.run());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One meeting through its life, step by step (each step needs the ones before it; a failing step
     * names the part of the cycle that broke).
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class AnExchangeMeetingFromSeriesToFollowUp {

        long circle;
        long bridge;
        long meetingsBefore;
        long series;
        long id;
        LocalDate day;
        List<Long> slots;
        String token;
        String newer;
        long guestInvitee;
        long action;
        String latest;

        @Test
        @Order(1)
        void seriesAndADraftMeeting() throws Exception {
            mailbox.clear();
            circle = TestSupport.circleId(ds, "okinawa-south-exchange");
            bridge = TestSupport.orgId(ds, "okinawa-bridge");
            meetingsBefore = TestSupport.count(ds, "meeting");

            // a series for the circle (Tuesdays 15:00, 90 minutes, 4–6 a year)
            series = as("bridge").body(Map.of("circleId", circle, "title", "テスト情報交換会", "kind", "EXCHANGE",
                            "organizerIds", List.of(bridge), "defaultWeekday", 2, "defaultStart", "15:00",
                            "defaultMinutes", 90, "perYearMin", 4, "perYearMax", 6))
                    .post("/api/series").then().statusCode(201).extract().jsonPath().getLong("id");
            // someone outside the circle cannot create a series in it
            as("csa").body(Map.of("circleId", circle, "title", "x", "kind", "EXCHANGE", "organizerIds",
                    List.of(TestSupport.orgId(ds, "saitama-csa")))).post("/api/series").then().statusCode(400)
                    .body("errors[0].field", equalTo("circleId"));

            // bad times are refused with a named field, nothing stored
            Map<String, Object> bad = new java.util.HashMap<>(Map.of("kind", "EXCHANGE", "title", "x", "organizerIds",
                    List.of(bridge), "format", "IN_PERSON", "venues", List.of(Map.of("name", "会場")),
                    "startsAt", "2030-01-08T15:00", "endsAt", "2030-01-08T14:00"));
            as("bridge").body(bad).post("/api/meetings").then().statusCode(400).body("errors[0].field", equalTo("endsAt"));
            assertEquals(meetingsBefore, TestSupport.count(ds, "meeting"));

            // the meeting, without a date yet: a draft in the series, numbered 第0回
            id = as("bridge").body(Map.of("kind", "EXCHANGE", "title", "第0回 テスト情報交換会", "organizerIds", List.of(bridge),
                            "circleId", circle, "seriesId", series, "format", "IN_PERSON", "capacity", 1,
                            "venues", List.of(Map.of("name", "南風原町 中央公民館", "address", "沖縄県島尻郡南風原町"))))
                    .post("/api/meetings").then().statusCode(201).body("summary.status", equalTo("DRAFT"))
                    .body("summary.number", equalTo(0)).extract().jsonPath().getLong("summary.id");
            // a draft: organizers only
            as("partner").get("/api/meetings/" + id).then().statusCode(404);
        }

        @Test
        @Order(2)
        void aPollAnsweredByMembersAndByAGuestWithoutAnAccount() throws Exception {
            // poll: a past slot is refused; three future Tuesdays at 15:00, one on a public holiday
            day = JapaneseCalendar.today().plusDays(20).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
            as("bridge").body(Map.of("slots", List.of(Map.of("startsAt", "2020-01-07T15:00", "endsAt", "2020-01-07T16:30"))))
                    .put("/api/meetings/" + id + "/poll").then().statusCode(400).body("errors[0].field", equalTo("slots[0].startsAt"));
            var poll = as("bridge").body(Map.of("slots", List.of(
                            Map.of("startsAt", day + "T15:00", "endsAt", day + "T16:30"),
                            Map.of("startsAt", day.plusWeeks(1) + "T15:00", "endsAt", day.plusWeeks(1) + "T16:30"),
                            Map.of("startsAt", "2027-02-11T15:00", "endsAt", "2027-02-11T16:30"))))
                    .put("/api/meetings/" + id + "/poll").then().statusCode(200).body("status", equalTo("SCHEDULING"))
                    .body("slots", hasSize(3)).extract().jsonPath();
            slots = poll.getList("slots.id", Long.class);
            assertTrue(poll.getList("slots.holiday", String.class).contains("建国記念の日"), "holiday marked");

            // invite the circle and one person without an account
            as("bridge").body(Map.of("circleId", circle, "persons", List.of(Map.of("name", "外部 参加者", "email", GUEST))))
                    .post("/api/meetings/" + id + "/invitations").then().statusCode(200).body("added", notNullValue());
            token = personalToken(lastTo(mailbox, GUEST));
            // the personal link needs no sign-in and shows only this person's answers
            given().get("/api/poll/" + token).then().statusCode(200).body("name", equalTo("外部 参加者"))
                    .body("slots[0].yes", equalTo(0)).body("pollOpen", equalTo(true));
            Map<String, String> answers = Map.of(String.valueOf(slots.get(0)), "YES", String.valueOf(slots.get(1)), "MAYBE",
                    String.valueOf(slots.get(2)), "NO");
            given().contentType(ContentType.JSON).body(Map.of("answers", answers, "comment", "午後なら", "version", 0))
                    .post("/api/poll/" + token).then().statusCode(200).body("answered", equalTo(true));
            // answering twice from the same (stale) page: 409 with what is stored
            given().contentType(ContentType.JSON).body(Map.of("answers", answers, "version", 0))
                    .post("/api/poll/" + token).then().statusCode(409).body("current.comment", equalTo("午後なら"));
            // every slot must be answered
            given().contentType(ContentType.JSON).body(Map.of("answers", Map.of(String.valueOf(slots.get(0)), "YES"), "version", 1))
                    .post("/api/poll/" + token).then().statusCode(400);
            // a member of the circle answers in the app
            as("partner").body(Map.of("answers", answers, "version", 0)).post("/api/meetings/" + id + "/poll")
                    .then().statusCode(200);
            // a made-up link and a stranger
            given().get("/api/poll/" + "A".repeat(43)).then().statusCode(404);
            as("csa").get("/api/meetings/" + id).then().statusCode(404);
        }

        @Test
        @Order(3)
        void theBestSlotConfirmedWithACalendarFile() throws Exception {
            // the best slot is the first
            as("bridge").get("/api/meetings/" + id + "/poll").then().statusCode(200)
                    .body("slots[0].best", equalTo(true)).body("slots[0].yes", equalTo(2)).body("rows", hasSize(2));

            // confirm: scheduled, everyone told, with an .ics that ical4j reads back at the right time
            mailbox.clear();
            as("bridge").body(Map.of("slotId", slots.get(0))).post("/api/meetings/" + id + "/poll/confirm")
                    .then().statusCode(200).body("status", equalTo("SCHEDULED"));
            Mail confirmed = lastTo(mailbox, GUEST);
            assertEquals(1, confirmed.getAttachments().size());
            String ics = TestSupport.attachmentText(confirmed.getAttachments().get(0));
            VEvent ev = event(ics);
            Temporal start = ev.getDateTimeStart().getDate();
            assertEquals(LocalDateTime.of(day, java.time.LocalTime.of(15, 0)).atZone(JapaneseCalendar.TOKYO).toInstant(),
                    ZonedDateTime.from(start).toInstant());
            newer = personalToken(confirmed);
            // the link from the first mail still works (one step back); the newest too
            given().get("/api/poll/" + token).then().statusCode(200);
            given().get("/api/poll/" + newer).then().statusCode(200).body("canRespond", equalTo(true));
        }

        @Test
        @Order(4)
        void capacityAndTheWaitingList() throws Exception {
            // capacity 1: partner takes the seat, the guest goes to the waiting list, moves up when partner declines
            as("partner").body(Map.of("response", "IN_PERSON")).post("/api/meetings/" + id + "/rsvp").then().statusCode(200)
                    .body("waitlisted", equalTo(false));
            given().contentType(ContentType.JSON).body(Map.of("response", "IN_PERSON")).post("/api/poll/" + newer + "/rsvp")
                    .then().statusCode(200).body("waitlisted", equalTo(true));
            as("partner").body(Map.of("response", "DECLINED")).post("/api/meetings/" + id + "/rsvp").then().statusCode(200);
            given().get("/api/poll/" + newer).then().statusCode(200).body("waitlisted", equalTo(false));
            given().contentType(ContentType.JSON).body(Map.of("response", "MAYBE")).post("/api/poll/" + newer + "/rsvp")
                    .then().statusCode(400);
        }

        @Test
        @Order(5)
        void anAgendaFromTheTemplate() throws Exception {
            // agenda from the exchange-meeting template: longer than the 90-minute meeting → flagged
            long template = TestSupport.id(ds, "SELECT id FROM agenda_template WHERE code = 'exchange-program'");
            as("bridge").body(Map.of("templateId", template, "version", 0)).post("/api/meetings/" + id + "/agenda/template")
                    .then().statusCode(200).body("items", hasSize(8)).body("overLength", equalTo(true));
            as("bridge").body(Map.of("version", 0, "items", List.of())).put("/api/meetings/" + id + "/agenda")
                    .then().statusCode(409).body("current.items", hasSize(8));
        }

        @Test
        @Order(6)
        void theReminderGoesOutOnce() throws Exception {
            // the reminder goes out exactly once, even when two runs race
            TestSupport.update(ds, "UPDATE meeting SET starts_at = now() + interval '2 hours', ends_at = now() + interval '210 minutes'"
                    + " WHERE id = ?", id);
            mailbox.clear();
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(MeetingFlowTest.this::remind);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(MeetingFlowTest.this::remind);
            int sent = a.get() + b.get() + remind();
            long notDeclined = TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE meeting_id = ? AND revoked_at IS NULL"
                    + " AND response <> 'DECLINED'", id);
            assertEquals(notDeclined, sent);
            assertEquals(1, mailbox.getMailsSentTo(GUEST).size());
        }

        @Test
        @Order(7)
        void heldAttendanceAndMinutesPublished() throws Exception {
            // held: attendance, minutes with personal-data warnings, version check, publish
            TestSupport.update(ds, "UPDATE meeting SET starts_at = now() - interval '2 hours', ends_at = now() - interval '30 minutes'"
                    + " WHERE id = ?", id);
            guestInvitee = TestSupport.id(ds, "SELECT id FROM meeting_invitee WHERE meeting_id = ? AND email = ?", id, GUEST);
            as("bridge").body(Map.of("entries", List.of(Map.of("inviteeId", guestInvitee, "mode", "IN_PERSON"),
                            Map.of("name", "当日 参加", "mode", "ONLINE"))))
                    .put("/api/meetings/" + id + "/attendance").then().statusCode(200).body("", hasSize(2));
            String csv = as("bridge").get("/api/meetings/" + id + "/attendance.csv").then().statusCode(200).extract().asString();
            assertTrue(csv.startsWith("\uFEFF") && csv.contains("外部 参加者"));
            // attendance names are the organizers' to read: a participant gets 404 as for anything they may not see
            as("partner").get("/api/meetings/" + id + "/attendance").then().statusCode(404);

            List<Map<String, Object>> items = List.of(Map.of("theme", "求人情報の共有", "content", "連絡先は 090-1234-5678 まで",
                    "results", "次回も共有する"));
            as("bridge").body(Map.of("version", 0, "items", items)).put("/api/meetings/" + id + "/minutes").then().statusCode(200)
                    .body("warnings[0].kind", equalTo("phone"));
            as("bridge").body(Map.of("version", 0, "items", items)).put("/api/meetings/" + id + "/minutes").then().statusCode(409)
                    .body("current.version", equalTo(1));
            // draft minutes: organizers only
            as("partner").get("/api/meetings/" + id + "/minutes").then().statusCode(404);
            as("bridge").body(Map.of()).post("/api/meetings/" + id + "/minutes/publish").then().statusCode(400)
                    .body("errors[0].field", equalTo("acknowledgeWarnings"));
            as("bridge").body(Map.of("version", 1, "items", List.of(Map.of("theme", "求人情報の共有",
                    "content", "ハローワークから2件、事業所から1件", "results", "次回も会の最後に共有する")))).put("/api/meetings/" + id + "/minutes")
                    .then().statusCode(200).body("warnings", hasSize(0));
            action = as("bridge").body(Map.of("title", "次回の会場を確保する", "ownerOrgId", bridge,
                            "dueOn", JapaneseCalendar.today().plusDays(30).toString()))
                    .post("/api/meetings/" + id + "/actions").then().statusCode(201).extract().jsonPath().getLong("id");
            mailbox.clear();
            as("bridge").body(Map.of()).post("/api/meetings/" + id + "/minutes/publish").then().statusCode(200)
                    .body("published", equalTo(true));
            // the circle reads the published minutes; the guest is mailed a link
            as("partner").get("/api/meetings/" + id + "/minutes").then().statusCode(200).body("items", hasSize(1));
            latest = personalToken(lastTo(mailbox, GUEST));
        }

        @Test
        @Order(8)
        void theQuestionnaireThroughThePersonalLink() throws Exception {
            // the questionnaire: the guest answers through the link, once
            given().get("/api/poll/" + latest + "/questionnaire").then().statusCode(200).body("canAnswer", equalTo(true));
            Map<String, Object> answer = Map.of("answers", Map.of("continue", List.of("yes"), "frequency", List.of("quarterly"),
                    "weekday", List.of("tue", "thu"), "length", List.of("90"), "next", List.of("事例検討をしたい")));
            // an option that does not exist, or two answers to a single-choice question: 400 naming the question
            given().contentType(ContentType.JSON).body(Map.of("answers", Map.of("continue", List.of("forever"))))
                    .post("/api/poll/" + latest + "/questionnaire").then().statusCode(400)
                    .body("errors.field", org.hamcrest.Matchers.hasItem("answers.continue"));
            given().contentType(ContentType.JSON).body(Map.of("answers", Map.of("continue", List.of("yes", "no"))))
                    .post("/api/poll/" + latest + "/questionnaire").then().statusCode(400)
                    .body("errors.field", org.hamcrest.Matchers.hasItem("answers.continue"));
            given().contentType(ContentType.JSON).body(answer).post("/api/poll/" + latest + "/questionnaire").then().statusCode(204);
            given().contentType(ContentType.JSON).body(answer).post("/api/poll/" + latest + "/questionnaire").then().statusCode(409);
            given().contentType(ContentType.JSON).body(Map.of("answers", Map.of("continue", List.of("yes", "no"))))
                    .post("/api/meetings/" + id + "/questionnaire").then().statusCode(401);
            as("bridge").get("/api/meetings/" + id + "/questionnaire").then().statusCode(200).body("form.responses", equalTo(1))
                    .body("form.questions[0].options[0].count", equalTo(1));
            as("bridge").body(Map.of("followup", "ご意見を受けて、次回は火曜15時・90分で事例検討を入れます。"))
                    .put("/api/meetings/" + id + "/questionnaire/followup").then().statusCode(200);
        }

        @Test
        @Order(9)
        void theNextMeetingTheEndedLinkAndTheFeed() throws Exception {
            // the next meeting of the series carries the open action item on its agenda
            long next = as("bridge").post("/api/series/" + series + "/next").then().statusCode(201)
                    .body("summary.number", equalTo(1)).body("summary.status", equalTo("DRAFT"))
                    .extract().jsonPath().getLong("summary.id");
            as("bridge").get("/api/meetings/" + next + "/agenda").then().statusCode(200)
                    .body("carriedActions.id", hasItem((int) action)).body("items", hasSize(8));
            as("bridge").get("/api/series/" + series).then().statusCode(200).body("meetings", hasSize(2))
                    .body("openActions.id", hasItem((int) action));

            // revoking the guest's invitation ends the link with a clear answer
            as("bridge").delete("/api/meetings/" + id + "/invitations/" + guestInvitee).then().statusCode(200);
            given().get("/api/poll/" + latest).then().statusCode(410).body("message.ja", startsWith("このリンクは主催者"));

            // a private calendar feed for a circle member
            String feed = as("partner").body(Map.of()).post("/api/me/calendar-feeds").then().statusCode(200)
                    .extract().path("url");
            String feedPath = feed.substring(feed.indexOf("/ical/"));
            String text = given().get(feedPath).then().statusCode(200).extract().asString();
            Calendar cal = new CalendarBuilder().build(new StringReader(text));
            assertTrue(cal.getComponents("VEVENT").stream().anyMatch(c -> c.getProperty("UID").map(u -> u.getValue())
                    .orElse("").equals("meeting-" + id + "@tsunagu")));
        }
    }
}
