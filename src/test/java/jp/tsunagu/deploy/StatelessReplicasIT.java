package jp.tsunagu.deploy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jp.tsunagu.conference.ConferenceFixture;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.support.AppInstance;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of the packaged application on one database with one key pair, as the Helm chart
 * runs them: a session made through one is accepted by the other, and signing out through the
 * other ends it on both; a sign-in lock-out counts failures made through either and holds on both;
 * every scheduled job, run by both at the same moment again and again (the same cron on one
 * clock), does its work once — each mail once, each row changed once; and restarting one replica
 * after the other while people write loses no acknowledged write and answers no 500.
 *
 * <p>The replicas send real mail over SMTP to a GreenMail server in this test (their mock mailbox
 * would be out of reach in another process). The due work is made before they start, and is the
 * only work due, so every count below is exact.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatelessReplicasIT {

    static final int SMTP_PORT = 13025;
    /** Every job's schedule on both replicas: every 3 seconds, on the same seconds of one clock. */
    static final String EVERY_3S = "*/3 * * * * ?";
    static final List<String> JOBS = List.of("reminders", "survey-reminders", "seminar-retention", "case-retention",
            "posting-expiry", "digest", "sign-in-records");
    /** The scheduled methods, as the metrics name them (class and method). */
    static final Map<String, String> JOB_METHODS = Map.of(
            "jp.tsunagu.meeting.ReminderJob", "scheduled", "jp.tsunagu.survey.SurveyReminderJob", "scheduled",
            "jp.tsunagu.meeting.SeminarRetentionJob", "scheduled", "jp.tsunagu.conference.RetentionJob", "scheduled",
            "jp.tsunagu.posting.ExpiryJob", "scheduled", "jp.tsunagu.posting.DigestJob", "scheduled",
            "jp.tsunagu.account.SignInGate", "cleanUp");

    static GreenMail smtp;
    static Map<String, String> props;
    static AppInstance first;
    static AppInstance second;
    static Due due;

    @Inject
    AgroalDataSource ds;

    /** What is due when the replicas start; every job has one thing to do. */
    record Due(long meeting, List<String> guests, long survey, List<String> surveyed, long expired, int expiredVersion,
               long fresh, String freshTitle, long conference, int conferenceVersion, long seminar, long registrant,
               long staleThrottle) {
    }

    /** Once, before the first test (here this test's own application answers, to make the due work through it). */
    @BeforeEach
    void startTwo() {
        if (first != null) {
            return;
        }
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        due = makeDueWork(ds);
        props = AppInstance.besideThisTest("target/replicas/keys");
        // a lock-out within a few tries, without the growing delay before it
        props.put("tsunagu.login.delay-after", "100");
        props.put("tsunagu.login.lock-after", "4");
        // every test signs in from 127.0.0.1: the per-client limit is not what is tested here
        props.put("tsunagu.login.client-max-failures", "1000");
        // real mail to this test's SMTP server; the jobs on the clock, both replicas on the same seconds
        props.put("quarkus.mailer.mock", "false");
        props.put("quarkus.mailer.host", "127.0.0.1");
        props.put("quarkus.mailer.port", Integer.toString(SMTP_PORT));
        props.put("quarkus.mailer.start-tls", "DISABLED");
        props.put("tsunagu.mail.per-organization-per-day", "100000");
        props.put("quarkus.scheduler.enabled", "true");
        for (String job : JOBS) {
            props.put("tsunagu.jobs." + job + ".cron", EVERY_3S);
        }
        // as the chart runs it: requests in flight finish when the pod is told to stop
        props.put("quarkus.shutdown.timeout", "10s");
        // the first makes the key pair, the second reads it (two generating at once could each write half)
        first = AppInstance.start(18093, props).awaitReady();
        second = AppInstance.start(18094, props).awaitReady();
    }

    @AfterAll
    static void stopTwo() {
        AppInstance.closeAll(first, second);
        if (smtp != null) {
            smtp.stop();
        }
    }

    static Response signIn(int port, String email, String password) {
        return given().port(port).contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/auth/login");
    }

    // ------------------------------------------------------------------ the due work

    /**
     * One thing due for each job, made through this test's own application (the same database):
     * a meeting tomorrow with three guests, a survey whose reminder day is today, a posting past
     * its date and a fresh one for the digest, a conference past its retention, a seminar past its
     * registrants' period, a stale sign-in counter. Other work that happens to be due in the shared
     * test data is marked done first, so what the replicas send is exactly this.
     */
    static Due makeDueWork(AgroalDataSource ds) {
        String nonce = UUID.randomUUID().toString().substring(0, 8);
        // a meeting two hours from now with three guests, nobody reminded yet
        long meeting = TestSupport.heldMeetingCopy(ds, "複製の前日案内");
        TestSupport.update(ds, "UPDATE meeting SET status = 'SCHEDULED', starts_at = now() + interval '2 hours',"
                + " ends_at = now() + interval '210 minutes', reminder_sent_at = NULL WHERE id = ?", meeting);
        List<String> guests = new ArrayList<>();
        for (int g = 1; g <= 3; g++) {
            String email = "replica-guest-" + g + "-" + nonce + "@example.jp";
            guests.add(email);
            TestSupport.update(ds, "INSERT INTO meeting_invitee (meeting_id, name, email, token_hash) VALUES (?, ?, ?, ?)",
                    meeting, "（架空）招待 " + g, email, "replica-" + nonce + "-" + g);
        }
        TestSupport.update(ds, "UPDATE meeting SET reminder_sent_at = now() WHERE id <> ? AND reminder_sent_at IS NULL", meeting);

        // a survey sent today whose reminder day is today
        long survey = TestSupport.json("bridge").body(Map.of("from", "attitude-fy2023",
                        "deadline", JapaneseCalendar.today().plusDays(14).toString(), "remindOn", JapaneseCalendar.today().toString()))
                .post("/api/surveys").then().statusCode(201).extract().jsonPath().getLong("id");
        TestSupport.json("bridge").body(Map.of("orgTypes", List.of("CONTINUOUS_B", "CONTINUOUS_A", "TRANSITION_SUPPORT")))
                .post("/api/surveys/" + survey + "/recipients").then().statusCode(200);
        TestSupport.as("bridge").post("/api/surveys/" + survey + "/send").then().statusCode(200);
        List<String> surveyed = TestSupport.strings(ds, "SELECT email FROM survey_recipient WHERE survey_id = " + survey
                + " AND email IS NOT NULL AND answered_at IS NULL ORDER BY id");
        TestSupport.update(ds, "UPDATE survey SET reminder_claimed_at = now() WHERE id <> ? AND reminder_claimed_at IS NULL", survey);

        // a posting past its date (the others stay as they are: nothing else is past its date in the test data
        // unless a test made it so, and those are closed by the same statement, once)
        long circle = TestSupport.circleId(ds, "okinawa-south-exchange");
        long expired = TestSupport.json("bridge").body(job("期限切れ（複製試験）" + nonce, circle)).post("/api/postings")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        TestSupport.update(ds, "UPDATE posting SET expires_on = ? WHERE id = ?", JapaneseCalendar.today().minusDays(2), expired);
        int expiredVersion = (int) TestSupport.id(ds, "SELECT version FROM posting WHERE id = ?", expired);
        // a fresh one the circle's other members get in their weekly digest
        String freshTitle = "週報に載る求人（複製試験）" + nonce;
        long fresh = TestSupport.json("bridge").body(job(freshTitle, circle)).post("/api/postings")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        // a conference whose material's retention period is over
        long conference = ConferenceFixture.create(ds, LocalDateTime.now().minusDays(40).withNano(0).toString(), 30,
                Map.of(ConferenceFixture.demo("partner"), "PRESENTER"));
        int conferenceVersion = (int) TestSupport.id(ds, "SELECT version FROM conference WHERE id = ?", conference);

        // a seminar long over with one registrant whose data is to go
        long seminar = TestSupport.id(ds, "WITH m AS (INSERT INTO meeting (kind, title, format, starts_at, ends_at, capacity, status,"
                + " public_registration, registrant_days, host_org_id) SELECT 'SEMINAR', '複製試験の研修 ' || ?, 'IN_PERSON',"
                + " now() - interval '200 days' - interval '2 hours', now() - interval '200 days', 30, 'HELD', true, 180, o.id"
                + " FROM organization o WHERE o.code = 'national-network' RETURNING id) SELECT id FROM m", nonce);
        long registrant = TestSupport.id(ds, "INSERT INTO meeting_invitee (meeting_id, name, email, token_hash, registered,"
                + " organization_name, organization_type, consented_at) VALUES (?, '（架空）研修 受講者', ?, ?, true,"
                + " '（架空）就労移行支援 さくら', 'TRANSITION_SUPPORT', now() - interval '201 days') RETURNING id",
                seminar, "replica-registrant-" + nonce + "@example.org", "replica-reg-" + nonce);

        // a sign-in counter idle for two days
        TestSupport.update(ds, "INSERT INTO login_throttle (email, failures, last_failure_at) VALUES (?, 2, now() - interval '2 days')",
                "replica-stale-" + nonce + "@example.jp");
        long staleThrottle = TestSupport.id(ds, "SELECT count(*) FROM login_throttle WHERE email = ?", "replica-stale-" + nonce + "@example.jp");
        assertEquals(1, staleThrottle);
        return new Due(meeting, guests, survey, surveyed, expired, expiredVersion, fresh, freshTitle, conference,
                conferenceVersion, seminar, registrant, staleThrottle);
    }

    static Map<String, Object> job(String title, long circle) {
        return new HashMap<>(Map.of("kind", "JOB", "title", title, "companyName", "株式会社テスト物流", "prefectureCode", 47,
                "jobCategory", "LIGHT_WORK", "source", "COMPANY", "circleIds", List.of(circle)));
    }

    // ------------------------------------------------------------------ the tests

    @Test
    @Order(1)
    void everyJobRunByBothAtTheSameMomentDoesItsWorkOnce() throws Exception {
        // both replicas have run every job at the same moments several times since the work was due
        await(Duration.ofSeconds(90), () -> JOB_METHODS.entrySet().stream().allMatch(e ->
                runs(first.managementPort, e.getKey(), e.getValue()) >= 4 && runs(second.managementPort, e.getKey(), e.getValue()) >= 4),
                "each job ran at least four times on each replica");
        // and a last tick for anything still on its way
        Thread.sleep(3500);

        Map<String, List<MimeMessage>> mails = mailsByRecipient();
        // the meeting's reminder: each guest once
        for (String guest : due.guests()) {
            assertEquals(1, count(mails, guest, "明日の会議"), guest + ": " + subjects(mails, guest));
        }
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM meeting WHERE id = ? AND reminder_sent_at IS NOT NULL", due.meeting()));
        // the survey's reminder: each office that has not answered, once, and counted once
        assertTrue(due.surveyed().size() > 3, due.surveyed().toString());
        for (String office : due.surveyed()) {
            assertEquals(1, count(mails, office, "締切"), office + ": " + subjects(mails, office));
        }
        assertEquals(due.surveyed().size(), TestSupport.id(ds, "SELECT count(*) FROM survey_recipient WHERE survey_id = ? AND reminders = 1",
                due.survey()));
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM survey_recipient WHERE survey_id = ? AND reminders > 1", due.survey()));
        // the weekly digest: once per person and week, the fresh posting in the circle's other members' digest
        var today = JapaneseCalendar.today();
        String period = String.format("%d-W%02d", today.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                today.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        long withItems = TestSupport.id(ds, "SELECT count(*) FROM digest_delivery WHERE period = ? AND items > 0", period);
        long digests = mails.values().stream().flatMap(List::stream).filter(m -> subject(m).contains("今週の求人")).count();
        assertTrue(withItems > 0, "digests went out");
        assertEquals(withItems, digests, "one digest mail per person with something in it");
        for (String person : mails.keySet()) {
            assertTrue(count(mails, person, "今週の求人") <= 1, person + ": " + subjects(mails, person));
        }
        String partner = TestSupport.email("partner");
        assertEquals(1, count(mails, partner, "今週の求人"), subjects(mails, partner).toString());
        assertTrue(text(only(mails, partner, "今週の求人")).contains(due.freshTitle()), "the circle's new posting is in it");
        String bridge = TestSupport.email("bridge");
        if (count(mails, bridge, "今週の求人") == 1) {
            assertTrue(!text(only(mails, bridge, "今週の求人")).contains(due.freshTitle()), "the sharer does not get its own posting back");
        }
        // no mail at all went twice: the same subject to the same person
        for (var e : mails.entrySet()) {
            Set<String> seen = new java.util.HashSet<>();
            for (MimeMessage m : e.getValue()) {
                assertTrue(seen.add(subject(m)), e.getKey() + " got \"" + subject(m) + "\" twice");
            }
        }
        // the posting past its date: closed once (one version step), the fresh one still open
        assertEquals("CLOSED", TestSupport.text(ds, "SELECT status FROM posting WHERE id = ?", due.expired()));
        assertEquals(due.expiredVersion() + 1, TestSupport.id(ds, "SELECT version FROM posting WHERE id = ?", due.expired()));
        assertEquals("OPEN", TestSupport.text(ds, "SELECT status FROM posting WHERE id = ?", due.fresh()));
        // the conference's material: deleted once (one version step), its read log and the conference kept
        assertNotNull(TestSupport.text(ds, "SELECT materials_deleted_at::text FROM conference WHERE id = ?", due.conference()));
        assertEquals(due.conferenceVersion() + 1, TestSupport.id(ds, "SELECT version FROM conference WHERE id = ?", due.conference()));
        assertEquals(0, TestSupport.count(ds, "case_sheet WHERE conference_id = " + due.conference()));
        // the seminar registrant's personal data: gone, the row kept for the counts
        assertEquals("（削除済み）", TestSupport.text(ds, "SELECT name FROM meeting_invitee WHERE id = ?", due.registrant()));
        assertEquals("TRANSITION_SUPPORT", TestSupport.text(ds, "SELECT organization_type FROM meeting_invitee WHERE id = ?", due.registrant()));
        assertNotNull(TestSupport.text(ds, "SELECT registrants_purged_at::text FROM meeting WHERE id = ?", due.seminar()));
        // the stale sign-in counter: forgotten
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM login_throttle WHERE email LIKE 'replica-stale-%'"));
    }

    @Test
    @Order(2)
    void aSessionFromOneReplicaWorksOnTheOtherAndEndsOnBoth() {
        String token = signIn(first.port, TestSupport.email("bridge"), TestSupport.PASSWORD).then().statusCode(200)
                .extract().path("token");
        given().port(second.port).auth().oauth2(token).get("/api/me").then().statusCode(200)
                .body("email", equalTo(TestSupport.email("bridge")));
        given().port(first.port).auth().oauth2(token).get("/api/me").then().statusCode(200);
        // signed out through the second: the first refuses the session too
        given().port(second.port).auth().oauth2(token).post("/api/auth/logout").then().statusCode(204);
        given().port(first.port).auth().oauth2(token).get("/api/me").then().statusCode(401);
        given().port(second.port).auth().oauth2(token).get("/api/me").then().statusCode(401);
    }

    @Test
    @Order(3)
    void aLockOutCountsFailuresThroughEitherAndHoldsOnBoth() {
        String email = TestSupport.throwAwayAccount(ds, "center-staff", "correct-horse-battery");
        for (int i = 0; i < 3; i++) {
            signIn(i % 2 == 0 ? first.port : second.port, email, "wrong-" + i).then().statusCode(401);
        }
        // the fourth failure, through the other replica than the third, locks the address
        signIn(second.port, email, "wrong-3").then().statusCode(429).body("type", endsWith("/sign-in-locked"));
        // now the right password is refused on both
        signIn(first.port, email, "correct-horse-battery").then().statusCode(429).body("type", endsWith("/sign-in-locked"));
        signIn(second.port, email, "correct-horse-battery").then().statusCode(429).body("type", endsWith("/sign-in-locked"));
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM login_throttle WHERE email = ? AND locked_until > now()", email),
                "one lock, in the database both replicas read");
    }

    /**
     * A rolling restart under writes, as Kubernetes does it with {@code maxUnavailable: 0}: four
     * writers send new postings through a balancer that tries the other replica when one refuses
     * the connection or answers 503 (draining); the first replica is stopped (SIGTERM, requests in
     * flight finish) and started again, then the second. Every acknowledged write is in the
     * database, nothing answered 500, and the other replica took the writes while one was away.
     */
    @Test
    @Order(4)
    void aRollingRestartLosesNoAcknowledgedWrite() throws Exception {
        String token = signIn(first.port, "chiba@demo.tsunagu.jp", TestSupport.PASSWORD).then().statusCode(200)
                .extract().path("token");
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        List<String> bad = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger phase = new AtomicInteger();
        Map<Integer, AtomicInteger> ackedInPhase = new ConcurrentHashMap<>();
        int[] ports = {first.port, second.port};
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                int n = 0;
                while (running.get()) {
                    n++;
                    Map<String, Object> body = Map.of("kind", "JOB", "title", "再起動中の求人 " + writer + "-" + n, "companyName",
                            "株式会社再起動テスト", "prefectureCode", 12, "jobCategory", "OFFICE", "source", "COMPANY");
                    // the balancer: this writer's turn first, the other replica when that one is away or draining
                    for (int attempt = 0; attempt < 2; attempt++) {
                        int port = ports[(writer + n + attempt) % 2];
                        try {
                            Response r = given().port(port).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                                    .post("/api/postings");
                            answers.merge(Integer.toString(r.statusCode()), 1, Integer::sum);
                            if (r.statusCode() == 201) {
                                acknowledged.add(r.jsonPath().getLong("id"));
                                ackedInPhase.computeIfAbsent(phase.get(), k -> new AtomicInteger()).incrementAndGet();
                                break;
                            }
                            if (r.statusCode() != 503) {
                                bad.add(r.statusCode() + ": " + r.asString());
                                break;
                            }
                        } catch (Exception e) {
                            // refused or cut (REST Assured throws the checked exceptions unchecked): not an
                            // answer; the balancer tries the other
                            answers.merge("no answer", 1, Integer::sum);
                        }
                    }
                }
                return n;
            }));
        }
        // each phase lasts at least its time and until writes were acknowledged in it: a cold JVM
        // (the CI machine) may take longer than the phase's time for its first writes
        awaitAcknowledged(ackedInPhase, 0, 2000);
        phase.set(1);
        first.close();
        Thread.sleep(1000);
        first = AppInstance.start(18093, props).awaitReady();
        phase.set(2);
        awaitAcknowledged(ackedInPhase, 2, 2000);
        phase.set(3);
        second.close();
        Thread.sleep(1000);
        second = AppInstance.start(18094, props).awaitReady();
        phase.set(4);
        awaitAcknowledged(ackedInPhase, 4, 2000);
        running.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        int attempts = 0;
        for (var f : writers) {
            attempts += f.get();  // a writer that died would throw here
        }
        System.out.printf("Rolling restart under writes: %d writes, %d acknowledged, answers %s, acknowledged per phase %s%n",
                attempts, acknowledged.size(), answers, ackedInPhase);
        assertEquals(List.of(), bad, "nothing but 201 or 503 while the replicas restart");
        for (int p = 0; p <= 4; p++) {
            assertTrue(ackedInPhase.containsKey(p) && ackedInPhase.get(p).get() > 0, "writes acknowledged in phase " + p + ": " + ackedInPhase);
        }
        long missing = acknowledged.stream().filter(id -> TestSupport.id(ds, "SELECT count(*) FROM posting WHERE id = ?", id) != 1).count();
        assertEquals(0, missing, "acknowledged writes lost");
        // both replicas serve again, and the session made before the restart still holds on both
        given().port(first.port).auth().oauth2(token).get("/api/me").then().statusCode(200);
        given().port(second.port).auth().oauth2(token).get("/api/me").then().statusCode(200);
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Waits at least {@code millis}, and then until a few writes were acknowledged in the phase
     * (at most 60 s more, after which the test's own assertion reports the phase's count).
     */
    static void awaitAcknowledged(Map<Integer, AtomicInteger> ackedInPhase, int phase, long millis) throws InterruptedException {
        Thread.sleep(millis);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            AtomicInteger acked = ackedInPhase.get(phase);
            if (acked != null && acked.get() >= 5) {
                return;
            }
            Thread.sleep(50);
        }
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** How often a replica has run a scheduled method (its metrics, as Prometheus reads them). */
    static long runs(int port, String className, String method) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("^scheduled_methods_seconds_count\\{([^}]*)\\} ([0-9.E]+)$", Pattern.MULTILINE).matcher(metrics);
            long total = 0;
            while (m.find()) {
                if (m.group(1).contains("class=\"" + className + "\"") && m.group(1).contains("method=\"" + method + "\"")) {
                    total += (long) Double.parseDouble(m.group(2));
                }
            }
            return total;
        } catch (java.io.IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void await(Duration timeout, BooleanSupplier done, String what) throws InterruptedException {
        long until = System.currentTimeMillis() + timeout.toMillis();
        while (!done.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < until, "within " + timeout.toSeconds() + " s: " + what);
            Thread.sleep(500);
        }
    }

    /** Every mail GreenMail received, by recipient (each recipient's copy is its own message). */
    static Map<String, List<MimeMessage>> mailsByRecipient() throws Exception {
        Map<String, List<MimeMessage>> out = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            for (Address a : m.getAllRecipients()) {
                String email = ((jakarta.mail.internet.InternetAddress) a).getAddress().toLowerCase(java.util.Locale.ROOT);
                out.computeIfAbsent(email, k -> new ArrayList<>()).add(m);
            }
        }
        return out;
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(Map<String, List<MimeMessage>> mails, String to, String subjectPart) {
        return mails.getOrDefault(to, List.of()).stream().filter(m -> subject(m).contains(subjectPart)).count();
    }

    static MimeMessage only(Map<String, List<MimeMessage>> mails, String to, String subjectPart) {
        return mails.getOrDefault(to, List.of()).stream().filter(m -> subject(m).contains(subjectPart)).findFirst().orElseThrow();
    }

    static List<String> subjects(Map<String, List<MimeMessage>> mails, String to) {
        return mails.getOrDefault(to, List.of()).stream().map(StatelessReplicasIT::subject).toList();
    }

    /** The text of a mail (its first text part when it has attachments). */
    static String text(MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof MimeMultipart mp) {
                return String.valueOf(mp.getBodyPart(0).getContent());
            }
            return String.valueOf(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
