package jp.tsunagu.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two organizers write the same minutes item at once in two browsers: both pages and the stored
 * minutes end with both texts in full; one goes offline, writes, comes back: merged; someone who
 * does not run the meeting cannot open the socket, and an organizer removed mid-way is cut off at
 * once. Keyboard moves between items; axe-core on the live editor, on a phone-sized window too.
 */
@QuarkusTest
class LiveMinutesBrowserIT extends BrowserSupport {

    @Inject
    AgroalDataSource ds;

    long meeting;
    long partnerOrg;

    /** A held meeting of its own, run by ブリッジ and (agreed) by the transition office of the partner. */
    @BeforeEach
    void meeting() {
        meeting = TestSupport.heldMeetingCopy(ds, "ライブ議事録（ブラウザ）");
        partnerOrg = TestSupport.orgId(ds, "okinawa-transition-1");
        TestSupport.update(ds, "INSERT INTO meeting_organizer (meeting_id, organization_id, consented_at)"
                + " SELECT ?, id, now() FROM organization WHERE code IN ('okinawa-bridge', 'okinawa-transition-1')", meeting);
    }

    String stored() {
        return TestSupport.text(ds, "SELECT coalesce(string_agg(theme || '|' || coalesce(content, ''), '/' ORDER BY position), '')"
                + " FROM minutes_item WHERE meeting_id = ?", meeting);
    }

    void waitStored(String... parts) {
        long until = System.currentTimeMillis() + 10000;
        String last = "";
        while (System.currentTimeMillis() < until) {
            last = stored();
            boolean all = true;
            for (String p : parts) {
                all &= last.contains(p);
            }
            if (all) {
                return;
            }
            page.waitForTimeout(200);
        }
        throw new AssertionError("stored minutes lack a part: " + last);
    }

    Locator field(Page on, int item, String name) {
        return on.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("項目 " + item + " " + name).setExact(true));
    }

    void openEditor(Page on) {
        on.navigate(url("/meetings/" + meeting + "/minutes/edit"));
        assertThat(on.locator("[data-island=live-minutes] [data-live-editor]")).isVisible();
        assertThat(on.locator("[data-live-status]")).hasText("保存済み");
    }

    @Test
    void twoOrganizersWriteTheSameItemAtOnceAndLoseNothing() {
        signIn("bridge@demo.tsunagu.jp");
        openEditor(page);
        BrowserContext other = newContext(1280, 900);
        Page second = other.newPage();
        signIn(second, "partner@demo.tsunagu.jp");
        openEditor(second);
        // each sees the other
        assertThat(page.locator("[data-live-people]")).containsText("金城 さくら");
        assertThat(second.locator("[data-live-people]")).containsText("比嘉 翔太");

        field(page, 1, "テーマ").fill("就労移行の状況");
        Locator a = field(page, 1, "内容");
        Locator b = field(second, 1, "内容");
        a.click();
        b.click();
        assertThat(second.locator("[data-live-who='items.0.content']")).containsText("比嘉 翔太");
        // both type into the same item at the same time, keystroke by keystroke
        String textA = "ブリッジより：今月の実習は三件。";
        String textB = "移行支援より：見学の受入れを再開。";
        for (int i = 0; i < Math.max(textA.length(), textB.length()); i++) {
            if (i < textA.length()) {
                page.keyboard().type(String.valueOf(textA.charAt(i)));
            }
            if (i < textB.length()) {
                second.keyboard().type(String.valueOf(textB.charAt(i)));
            }
        }
        for (Page on : new Page[] {page, second}) {
            assertThat(on.locator("[data-live-status]")).hasText("保存済み");
        }
        String onA = a.inputValue();
        String onB = b.inputValue();
        assertTrue(onA.contains(textA) && onA.contains(textB), "first page has both in full: " + onA);
        assertEquals(onA, onB, "both pages show the same text");
        waitStored("就労移行の状況", textA, textB);
        audit("110-live-minutes-two-writers");

        // the second goes offline, keeps writing, comes back: merged both ways
        other.setOffline(true);
        field(second, 1, "結果・決まったこと").click();
        second.keyboard().type("オフラインで書いた結果");
        assertThat(second.locator("[data-live-status]")).containsText("オフライン");
        field(page, 1, "結果・決まったこと").click();
        page.keyboard().type("その間の記録");
        other.setOffline(false);
        assertThat(second.locator("[data-live-status]")).hasText("保存済み", new com.microsoft.playwright.assertions
                .LocatorAssertions.HasTextOptions().setTimeout(15000));
        assertThat(field(page, 1, "結果・決まったこと")).hasValue(java.util.regex.Pattern.compile(".*オフラインで書いた結果.*"));
        assertThat(field(page, 1, "結果・決まったこと")).hasValue(java.util.regex.Pattern.compile(".*その間の記録.*"));
        assertThat(field(second, 1, "結果・決まったこと")).hasValue(field(page, 1, "結果・決まったこと").inputValue());
        long until = System.currentTimeMillis() + 10000;
        String results = "";
        while (System.currentTimeMillis() < until) {
            results = TestSupport.text(ds, "SELECT coalesce(string_agg(coalesce(results, ''), '/'), '') FROM minutes_item WHERE meeting_id = ?", meeting);
            if (results.contains("オフラインで書いた結果") && results.contains("その間の記録")) {
                break;
            }
            page.waitForTimeout(200);
        }
        assertTrue(results.contains("オフラインで書いた結果") && results.contains("その間の記録"), "stored: " + results);

        // a new item, and the keyboard between items
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("項目を追加")).click();
        assertThat(field(second, 2, "テーマ")).isVisible();
        field(page, 1, "内容").focus();
        page.keyboard().press("Alt+ArrowDown");
        assertThat(field(page, 2, "内容")).isFocused();

        // the partner's office is no longer a co-host: its socket closes at once
        TestSupport.update(ds, "DELETE FROM meeting_organizer WHERE meeting_id = ? AND organization_id = ?", meeting, partnerOrg);
        assertThat(second.getByRole(AriaRole.ALERT)).containsText("編集できなくなりました");
        assertTrue((Boolean) field(second, 1, "内容").evaluate("el => el.readOnly"), "the removed organizer's text stays, read-only");
        audit(second, "111-live-minutes-removed");
        other.close();
    }

    @Test
    void someoneWhoDoesNotRunTheMeetingCannotOpenTheSocket() {
        signIn("hw-naha@demo.tsunagu.jp");
        page.navigate(url("/"));
        Object outcome = page.evaluate("id => new Promise(done => { const ws = new WebSocket(`ws://${location.host}/live/minutes/${id}`);"
                + " ws.onopen = () => done('opened'); ws.onclose = (e) => done('closed ' + e.code); })", String.valueOf(meeting));
        assertEquals("closed 1006", outcome, "the upgrade is refused before the socket opens");
        assertEquals(404, page.navigate(url("/meetings/" + meeting + "/minutes/edit")).status());
    }

    @Test
    void theAttendeesSignOffOnThePages() {
        TestSupport.update(ds, "INSERT INTO meeting_invitee (meeting_id, account_id, name, email, token_hash, response)"
                + " SELECT ?, id, display_name, email, md5(random()::text), 'IN_PERSON' FROM account WHERE email = 'hw-naha@demo.tsunagu.jp'", meeting);
        TestSupport.json("bridge").body(java.util.Map.of("version", 0, "items", java.util.List.of(java.util.Map.of(
                "theme", "求人情報の共有", "content", "ハローワークから二件。")))).put("/api/meetings/" + meeting + "/minutes").then().statusCode(200);
        signIn("bridge@demo.tsunagu.jp");
        page.navigate(url("/meetings/" + meeting + "/minutes/edit"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("出席者に回覧する")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("回覧しました");
        assertThat(page.locator("#signoff")).containsText("回覧中");

        BrowserContext other = newContext(390, 844);
        Page attendee = other.newPage();
        signIn(attendee, "hw-naha@demo.tsunagu.jp");
        attendee.navigate(url("/meetings/" + meeting + "/minutes"));
        assertThat(attendee.locator(".notice").first()).containsText("回覧中の議事録案");
        attendee.getByLabel("種類").selectOption("PROPOSAL");
        attendee.getByLabel("コメント・理由").fill("件数は三件でした");
        attendee.getByLabel("修正後の文案").fill("ハローワークから三件。");
        attendee.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("送る")).click();
        assertThat(attendee.locator("#signoff")).containsText("未対応");
        audit(attendee, "113-minutes-sign-off-attendee");

        page.navigate(url("/meetings/" + meeting + "/minutes/edit"));
        audit("114-minutes-sign-off-organizer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("文案を採用する")).click();
        assertThat(page.locator("#signoff")).containsText("採用");
        assertEquals("ハローワークから三件。", TestSupport.text(ds, "SELECT content FROM minutes_item WHERE meeting_id = ?", meeting));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("公開する")).click();
        assertThat(page.locator(".facts")).containsText("出席者に回覧済み");
        other.close();
    }

    @Test
    void anAttendeeNamedRecorderWritesWithTheOrganizer() {
        TestSupport.update(ds, "INSERT INTO meeting_invitee (meeting_id, account_id, name, email, token_hash, response)"
                + " SELECT ?, id, display_name, email, md5(random()::text), 'IN_PERSON' FROM account WHERE email = 'hw-naha@demo.tsunagu.jp'", meeting);
        signIn("bridge@demo.tsunagu.jp");
        page.navigate(url("/meetings/" + meeting + "/minutes/edit"));
        page.getByLabel("記録係に指名する人").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("宮城 大輔"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("記録係に指名する")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("記録係を指名しました");
        assertThat(page.locator("#recorders")).containsText("宮城 大輔");
        audit("115-minutes-recorders-organizer");

        BrowserContext other = newContext(1280, 900);
        Page recorder = other.newPage();
        signIn(recorder, "hw-naha@demo.tsunagu.jp");
        // the meeting page leads the recorder to the editor
        recorder.navigate(url("/meetings/" + meeting));
        audit(recorder, "117-meeting-recorder-link");
        recorder.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("議事録を書く（記録係）")).click();
        assertThat(recorder.locator("[data-island=live-minutes] [data-live-editor]")).isVisible();
        assertThat(recorder.locator("[data-live-status]")).hasText("保存済み");
        assertThat(recorder.locator(".notice").first()).containsText("記録係として");
        assertThat(recorder.locator("#recorders, #actions, #signoff")).hasCount(0);
        field(recorder, 1, "内容").fill("記録係が書いた行");
        assertThat(recorder.locator("[data-live-status]")).hasText("保存済み");
        page.navigate(url("/meetings/" + meeting + "/minutes/edit"));
        assertThat(field(page, 1, "内容")).hasValue("記録係が書いた行");
        audit(recorder, "116-minutes-recorder");

        // the role taken back: the recorder's editor closes at once, the text stays on their screen
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("指名を取り消す")).click();
        assertThat(recorder.locator("[data-live-status]")).containsText("編集できなくなりました");
        other.close();
        assertEquals(java.util.List.of(), violations, "axe-core: serious or critical violations");
    }

    @Test
    void onAPhoneSizedWindow() {
        BrowserContext phone = newContext(390, 844);
        Page p = phone.newPage();
        signIn(p, "bridge@demo.tsunagu.jp");
        openEditor(p);
        field(p, 1, "テーマ").fill("電話から");
        field(p, 1, "内容").fill("画面が小さくても書ける");
        assertThat(p.locator("[data-live-status]")).hasText("保存済み");
        waitStored("電話から|画面が小さくても書ける");
        audit(p, "112-live-minutes-phone");
        assertTrue((Boolean) p.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways scrolling");
        phone.close();
    }
}
