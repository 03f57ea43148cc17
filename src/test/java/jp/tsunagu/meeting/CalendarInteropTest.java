package jp.tsunagu.meeting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every calendar output (a meeting's download, a subscribed feed, an invitation mail and its
 * cancellation) written to files and read by a second, independent parser: ical.js, the parser of
 * Thunderbird, run by the frontend's Vitest with the process in Europe/Berlin
 * ({@code frontend/interop/calendar.interop.test.ts} holds the expectations). 15:00 in Tokyo must be
 * 07:00 in Berlin in winter and 08:00 in summer, never 15:00 floating time.
 */
@QuarkusTest
class CalendarInteropTest {

    static final String GUEST = "interop.guest@example.jp";

    @Inject
    AgroalDataSource ds;

    @Inject
    MockMailbox mailbox;

    static RequestSpecification as(String who) {
        return TestSupport.json(who);
    }

    static String attachment(Mail mail) {
        assertEquals(1, mail.getAttachments().size(), "one calendar attachment");
        return TestSupport.attachmentText(mail.getAttachments().get(0));
    }

    @Test
    void everyCalendarOutputReadsRightInAnotherZone() throws Exception {
        mailbox.clear();
        long circle = TestSupport.circleId(ds, "okinawa-south-exchange");
        long bridge = TestSupport.orgId(ds, "okinawa-bridge");
        Path dir = Path.of("target", "calendar-interop");
        Files.createDirectories(dir);
        try (var old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }

        // winter and summer meetings at 15:00–16:30 Tokyo time
        long winter = create(bridge, circle, "相互運用 冬の会", "2027-01-12T15:00", "2027-01-12T16:30");
        long summer = create(bridge, circle, "相互運用 夏の会", "2027-07-13T15:00", "2027-07-13T16:30");
        schedule(winter);
        schedule(summer);

        // the download
        write(dir, "download.ics", as("bridge").get("/api/meetings/" + winter + "/meeting.ics").then().statusCode(200)
                .extract().asString());
        write(dir, "download-summer.ics", as("bridge").get("/api/meetings/" + summer + "/meeting.ics").then().statusCode(200)
                .extract().asString());
        // the feed (bridge's own, with both meetings)
        String feed = as("bridge").body(Map.of()).post("/api/me/calendar-feeds").then().statusCode(200)
                .extract().jsonPath().getString("url");
        write(dir, "feed.ics", given().get(feed.replaceAll("^https?://[^/]+", "")).then().statusCode(200).extract().asString());
        // the invitation mail to a person without an account, then its cancellation
        as("bridge").body(Map.of("persons", List.of(Map.of("name", "相互運用 太郎", "email", GUEST))))
                .post("/api/meetings/" + winter + "/invitations").then().statusCode(200);
        Mail invitation = MeetingFlowTest.lastTo(mailbox, GUEST);
        write(dir, "invitation.ics", attachment(invitation));
        int version = as("bridge").get("/api/meetings/" + winter).then().statusCode(200).extract().jsonPath()
                .getInt("version");
        as("bridge").body(Map.of("status", "CANCELLED", "version", version)).post("/api/meetings/" + winter + "/status")
                .then().statusCode(200);
        Mail cancellation = MeetingFlowTest.lastTo(mailbox, GUEST);
        write(dir, "cancellation.ics", attachment(cancellation));
        assertTrue(cancellation.getAttachments().get(0).getContentType().contains("method=CANCEL"),
                cancellation.getAttachments().get(0).getContentType());
        assertTrue(invitation.getAttachments().get(0).getContentType().contains("method=REQUEST"));

        // ical.js reads them in Berlin
        runInterop(dir.toAbsolutePath());
    }

    void schedule(long id) {
        var summary = as("bridge").get("/api/meetings/" + id).then().statusCode(200).extract().jsonPath();
        if ("DRAFT".equals(summary.getString("summary.status"))) {
            as("bridge").body(Map.of("status", "SCHEDULED", "version", summary.getInt("version")))
                    .post("/api/meetings/" + id + "/status").then().statusCode(200);
        }
        as("bridge").get("/api/meetings/" + id).then().statusCode(200)
                .body("summary.status", org.hamcrest.Matchers.equalTo("SCHEDULED"));
    }

    long create(long org, long circle, String title, String start, String end) {
        return as("bridge").body(Map.of("kind", "EXCHANGE", "title", title, "organizerIds", List.of(org),
                        "circleId", circle, "format", "IN_PERSON", "startsAt", start, "endsAt", end,
                        "venues", List.of(Map.of("name", "那覇市 会議室", "address", "沖縄県那覇市"))))
                .post("/api/meetings").then().statusCode(201).extract().jsonPath().getLong("summary.id");
    }

    static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    static void runInterop(Path dir) throws Exception {
        Path frontend = Path.of("frontend").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder("npx", "vitest", "run", "--config", "interop/vitest.config.ts")
                .directory(frontend.toFile()).redirectErrorStream(true);
        pb.environment().put("TZ", "Europe/Berlin");
        pb.environment().put("TSUNAGU_ICS_DIR", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "vitest finished");
        assertEquals(0, p.exitValue(), "ical.js read every calendar output as expected:\n" + out);
        assertTrue(out.contains("6 passed"), "all six interop checks ran:\n" + out);
    }
}
