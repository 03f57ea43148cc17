package jp.tsunagu.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jp.tsunagu.conference.ConferenceFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.tsunagu.conference.ConferenceFixture.as;
import static jp.tsunagu.conference.ConferenceFixture.demo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The case-conference board live in three browsers: the recorder writes a line (keyboard only) and
 * it appears on the presenter's phone-sized page without a reload; the facilitator's phase change
 * moves the presenter's phase and timer and is read out politely; an attendee removed mid-conference
 * stops receiving at once and the board leaves their screen. axe-core on the live pages.
 */
@QuarkusTest
class LiveBoardBrowserIT extends BrowserSupport {

    @Inject
    AgroalDataSource ds;

    Page.GetByRoleOptions exact(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void theBoardIsLiveOnEveryPledgedAttendeesScreen() {
        String startsAt = LocalDateTime.now().plusHours(1).withNano(0).toString();
        String participant = ConferenceFixture.staffOf(ds, "okinawa-transition-2");
        long id = ConferenceFixture.create(ds, startsAt, 30,
                Map.of(demo("partner"), "PRESENTER", demo("hw-naha"), "RECORDER", participant, "PARTICIPANT"));
        for (String who : List.of(demo("bridge"), demo("partner"), demo("hw-naha"), participant)) {
            ConferenceFixture.pledge(who, id);
        }
        String board = url("/conferences/" + id + "/board");

        BrowserContext presenterContext = newContext(390, 844);
        Page presenter = presenterContext.newPage();
        signIn(presenter, demo("partner"));
        presenter.navigate(board);
        assertThat(presenter.locator("[data-live-state]")).containsText("ライブ表示中");
        presenter.evaluate("() => { window.notReloaded = true; }");

        BrowserContext participantContext = newContext(1280, 900);
        Page removed = participantContext.newPage();
        signIn(removed, participant);
        removed.navigate(board);
        assertThat(removed.locator("[data-live-state]")).containsText("ライブ表示中");

        // the recorder writes a line with the keyboard alone; the page does not reload either
        signIn(page, demo("hw-naha"));
        page.navigate(board);
        assertThat(page.locator("[data-live-state]")).containsText("ライブ表示中");
        page.getByLabel("種類").selectOption("QUESTION");
        page.getByLabel("内容").focus();
        page.keyboard().type("ご本人は通勤の練習をどこまで進めていますか");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator("#board")).containsText("ご本人は通勤の練習をどこまで進めていますか");
        assertThat(page.getByLabel("内容")).hasValue("");
        assertThat(presenter.locator("#board")).containsText("ご本人は通勤の練習をどこまで進めていますか");
        assertThat(presenter.locator("[data-live-announce]")).containsText("板書に 1 件追加されました");
        audit(page, "89-live-board-recorder");

        // the facilitator starts the run: the presenter's phase and timer follow
        int version = as(demo("bridge")).get("/api/conferences/" + id).then().statusCode(200).extract().jsonPath().getInt("version");
        as(demo("bridge")).contentType(ContentType.JSON).body(Map.of("action", "START", "version", version))
                .post("/api/conferences/" + id + "/phase").then().statusCode(200);
        assertThat(presenter.locator(".phase-now")).containsText("事例の概要");
        assertThat(presenter.locator(".timer-clock")).containsText("残り 9:");
        assertThat(presenter.locator("[data-live-announce]")).containsText("段階が「事例の概要」になりました");
        assertEquals(true, presenter.evaluate("() => window.notReloaded === true"), "the presenter's page was not reloaded");
        audit(presenter, "90-live-board-presenter-phone");

        // removed mid-conference: cut at once, and the board leaves the screen
        ConferenceFixture.setAttendees(ds, id, startsAt, Map.of(demo("partner"), "PRESENTER", demo("hw-naha"), "RECORDER"));
        assertThat(removed.locator("[data-live-state]")).containsText("ライブ表示は終わりました");
        assertThat(removed.locator("#board")).hasCount(0);
        assertThat(removed.getByRole(AriaRole.HEADING, exact("板書"))).hasCount(0);
        audit(removed, "91-live-board-removed");

        // what the recorder writes next reaches the presenter, not the removed attendee
        page.getByLabel("内容").fill("次回、職場実習の振り返りを共有する");
        page.getByRole(AriaRole.BUTTON, exact("板書に追加する")).click();
        assertThat(presenter.locator("#board")).containsText("次回、職場実習の振り返りを共有する");
        assertThat(removed.locator("body")).not().containsText("次回、職場実習の振り返りを共有する");
        presenterContext.close();
        participantContext.close();
        assertEquals(List.of(), violations, "axe-core: serious or critical violations");
    }
}
