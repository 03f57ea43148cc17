package jp.tsunagu.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.support.TestSupport;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An exchange meeting arranged, held, recorded and followed up in a real browser: the organizer
 * (沖縄 bridge) plans the meeting from a series and proposes dates; a partner-agency member
 * answers with the keyboard, a guest without an account answers through the personal link from
 * the mail; the organizer confirms (invitation mail with .ics), builds the agenda from a template,
 * records attendance, writes minutes with an action item (autosave, and a second browser saving
 * the same minutes gets the conflict view without losing text), publishes; the partner reads the
 * minutes and answers the questionnaire; the next meeting shows the open action item. axe-core
 * on every page.
 */
@QuarkusTest
class MeetingBrowserIT extends BrowserSupport {

    static final String GUEST = "guest-browser@example.jp";

    @Inject
    MockMailbox mailbox;

    @Inject
    AgroalDataSource ds;

    Page.GetByRoleOptions name(String text) {
        return new Page.GetByRoleOptions().setName(text).setExact(true);
    }

    Locator button(Page on, String text) {
        return on.getByRole(AriaRole.BUTTON, name(text));
    }

    long idFrom(String url, String prefix) {
        Matcher m = Pattern.compile(prefix + "(\\d+)").matcher(url);
        assertTrue(m.find(), url);
        return Long.parseLong(m.group(1));
    }

    @Test
    void exchangeMeetingFromPollToFollowUp() throws Exception {
        mailbox.clear();
        LocalDate day = JapaneseCalendar.today().plusDays(21).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));

        // the organizer starts a series for the circle and plans its first meeting
        signIn("bridge@demo.tsunagu.jp");
        page.navigate(url("/meetings"));
        assertThat(page.locator("h1")).hasText("会議・情報交換会");
        audit("40-meetings");
        page.locator("#seriesTitle").fill("南部ブラウザ試験 情報交換会");
        page.locator("#seriesCircleId").selectOption(new SelectOption().setLabel("沖縄南部 就労移行等情報交換会"));
        page.locator("#seriesKind").selectOption("EXCHANGE");
        page.locator("#defaultWeekday").selectOption("3");
        page.locator("#defaultStart").fill("15:00");
        page.locator("#defaultMinutes").fill("90");
        page.locator("form[action='/series'] button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("南部ブラウザ試験 情報交換会");
        String seriesUrl = page.url();
        audit("41-series");
        button(page, "次回の下書きをつくる").click();
        assertThat(page.locator(".notice")).containsText("次回の会議を下書きで作りました");
        long meeting = idFrom(page.url(), "/meetings/");
        String meetingUrl = url("/meetings/" + meeting);

        // the venue goes in through the edit form
        page.locator("#edit summary").click();
        page.getByLabel("会場", new Page.GetByLabelOptions().setExact(true)).fill("南風原町 中央公民館");
        page.locator("#venueAddress").fill("沖縄県島尻郡南風原町");
        button(page, "変更を保存する").click();
        assertThat(page.locator(".notice")).containsText("会議を更新しました");
        assertThat(page.locator("dl.facts")).containsText("南風原町 中央公民館");

        // two candidate dates, then the circle and a guest without an account are invited
        page.locator("#slotDate0").fill(day.toString());
        page.locator("#slotStart0").fill("15:00");
        page.locator("#slotEnd0").fill("16:30");
        page.locator("#slotDate1").fill(day.plusWeeks(1).toString());
        page.locator("#slotStart1").fill("15:00");
        page.locator("#slotEnd1").fill("16:30");
        button(page, "候補日を保存する").click();
        assertThat(page.locator(".notice")).containsText("候補日を出しました");
        page.locator("#inviteCircleId").selectOption(new SelectOption().setLabel("沖縄南部 就労移行等情報交換会"));
        page.locator("#persons").fill("外部 花子, " + GUEST);
        button(page, "招待を送る").click();
        assertThat(page.locator(".notice")).containsText("招待を送りました");
        assertThat(page.locator("#invitations")).containsText("外部 花子");
        audit("42-meeting-scheduling");

        // a partner-agency member answers with the keyboard only: O for the first slot, X for the second
        BrowserContext partnerContext = newContext(1280, 900);
        Page partner = partnerContext.newPage();
        signIn(partner, "partner@demo.tsunagu.jp");
        partner.navigate(meetingUrl);
        assertThat(partner.locator("[role=status]").filter(new Locator.FilterOptions().setHasText("未回答の候補があと 2 件")))
                .isVisible();
        partner.locator("fieldset.choices").first().locator("input").first().focus();
        partner.keyboard().press("o");
        partner.keyboard().press("x");
        assertThat(partner.locator("fieldset.choices").nth(0).locator("input[value=YES]")).isChecked();
        assertThat(partner.locator("fieldset.choices").nth(1).locator("input[value=NO]")).isChecked();
        assertThat(partner.getByText("すべての候補に回答しました。")).isVisible();
        audit(partner, "43-poll-partner");
        button(partner, "回答を送る").click();
        assertThat(partner.locator(".notice")).containsText("回答を保存しました");

        // the guest answers through the personal link in the mail, without signing in
        List<Mail> guestMails = mailbox.getMailsSentTo(GUEST);
        assertTrue(guestMails != null && !guestMails.isEmpty(), "the guest got an invitation");
        Matcher link = Pattern.compile("/p/([A-Za-z0-9_-]{43})").matcher(guestMails.get(guestMails.size() - 1).getText());
        assertTrue(link.find(), "the mail carries a personal link");
        BrowserContext guestContext = newContext(375, 740);
        Page guest = guestContext.newPage();
        guest.navigate(url("/p/" + link.group(1)));
        assertThat(guest.locator(".lead")).containsText("外部 花子 さん");
        guest.locator("fieldset.choices").nth(0).locator("input[value=YES]").check();
        guest.locator("fieldset.choices").nth(1).locator("input[value=MAYBE]").check();
        audit(guest, "44-personal-link-phone");
        button(guest, "回答を送る").click();
        assertThat(guest.locator(".notice")).containsText("回答を保存しました");

        // the organizer sees both answers, the first date is best, and confirms it
        page.navigate(meetingUrl);
        assertThat(page.locator("tr.best th")).containsText(String.valueOf(day.getDayOfMonth()));
        mailbox.clear();
        page.locator("tr.best").getByRole(AriaRole.BUTTON).click();
        assertThat(page.locator(".notice")).containsText("日程を確定し");
        List<Mail> confirmed = mailbox.getMailsSentTo(GUEST);
        assertEquals(1, confirmed.size(), "one invitation mail to the guest");
        var ics = confirmed.get(0).getAttachments().stream().filter(a -> a.getContentType().startsWith("text/calendar"))
                .findFirst().orElseThrow();
        Calendar calendar = new CalendarBuilder().build(new java.io.StringReader(TestSupport.attachmentText(ics)));
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        ZonedDateTime start = ZonedDateTime.from(event.getDateTimeStart().getDate());
        assertEquals(LocalDateTime.of(day, java.time.LocalTime.of(15, 0)),
                start.withZoneSameInstant(JapaneseCalendar.TOKYO).toLocalDateTime(), "the .ics imports at 15:00 Tokyo time");
        audit("45-meeting-scheduled");
        // the status form starts on the status the meeting has; cancelling is asked for on its own page
        assertThat(page.locator("#status")).hasValue("SCHEDULED");
        assertThat(page.locator("#prefectureCode option", new Page.LocatorOptions().setHasText("沖縄県"))).hasCount(1);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("この会議を中止する…")).click();
        assertThat(page.locator("h1")).containsText("中止しますか");
        assertThat(page.locator("main")).containsText("全員に中止のお知らせ");
        audit("45b-meeting-cancel-confirm");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("中止しないで戻る")).click();
        assertThat(page.locator("#status")).hasValue("SCHEDULED");
        // keeping the status as it is changes nothing and tells no one
        mailbox.clear();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("状態を変える")).click();
        assertThat(page.locator(".notice")).containsText("状態は変わっていません");
        assertThat(page.locator("dl.facts")).containsText("開催予定");
        var unchanged = mailbox.getMailsSentTo(GUEST);
        org.junit.jupiter.api.Assertions.assertTrue(unchanged == null || unchanged.isEmpty(), "no mail for an unchanged status");

        // agenda from the exchange-meeting template; the editor moves items and keeps the total live
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("次第を編集")).click();
        page.locator("#templateId").selectOption(new SelectOption().setLabel("情報交換会の標準プログラム（説明・講義・グループワーク・求人情報・交流）"));
        button(page, "テンプレートを使う").click();
        assertThat(page.locator(".notice")).containsText("テンプレートから次第を作りました");
        String firstTitle = page.locator("ol.agenda-rows > li").nth(0).locator("input[name^=title]").inputValue();
        page.locator("ol.agenda-rows > li").nth(0).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("下へ")).click();
        assertEquals(firstTitle, page.locator("ol.agenda-rows > li").nth(1).locator("input[name^=title]").inputValue());
        assertEquals("title1", page.locator("ol.agenda-rows > li").nth(1).locator("input[name^=title]").getAttribute("name"));
        page.locator("ol.agenda-rows > li").nth(0).locator("[data-minutes]").fill("200");
        assertThat(page.locator("[data-total]")).containsText("会議の長さを超えています");
        Matcher total = Pattern.compile("合計 (\\d+)分").matcher(page.locator("[data-total]").textContent());
        assertTrue(total.find());
        page.locator("ol.agenda-rows > li").nth(0).locator("[data-minutes]").fill("10");
        assertThat(page.locator("[data-total]")).containsText("合計 " + (Integer.parseInt(total.group(1)) - 190) + "分");
        audit("46-agenda-editor");
        button(page, "保存").click();
        assertThat(page.locator(".notice")).containsText("次第を保存しました");
        assertEquals(firstTitle, page.locator("ol.agenda-rows > li").nth(1).locator("input[name^=title]").inputValue(),
                "the new order is stored");

        // the meeting day: attendance is recorded during the meeting
        TestSupport.update(ds, "UPDATE meeting SET starts_at = now() - interval '2 hours', ends_at = now() - interval '30 minutes'"
                + " WHERE id = ?", meeting);
        page.navigate(meetingUrl + "/attendance");
        page.getByLabel("出席方法: 金城 さくら").selectOption("IN_PERSON");
        page.getByLabel("出席方法: 外部 花子").selectOption("ONLINE");
        page.locator("#walkName0").fill("当日 参加者");
        audit("47-attendance");
        button(page, "保存").click();
        assertThat(page.locator(".notice")).containsText("出席を記録しました");

        // minutes: written live, an action item, and (without JavaScript) two browsers saving the same minutes
        page.navigate(meetingUrl + "/minutes/edit");
        page.getByRole(com.microsoft.playwright.options.AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("項目 1 内容")
                .setExact(true)).fill("各機関から今年度の取り組みを報告した。");
        assertThat(page.locator("[data-live-status]")).hasText("保存済み", new com.microsoft.playwright.assertions
                .LocatorAssertions.HasTextOptions().setTimeout(10_000));
        page.locator("#title").fill("職場実習の受け入れ先リストを共有する");
        page.locator("#ownerOrgId").selectOption(new SelectOption().setIndex(1));
        page.locator("#dueOn").fill(day.plusMonths(1).toString());
        button(page, "確認事項を追加").click();
        assertThat(page.locator("#actions")).containsText("職場実習の受け入れ先リストを共有する");
        audit("48-minutes-edit");

        // the version-checked form, as a browser without JavaScript uses it
        BrowserContext firstContext = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 900).setLocale("ja-JP").setTimezoneId("Asia/Tokyo").setJavaScriptEnabled(false));
        Page first = firstContext.newPage();
        signIn(first, "bridge@demo.tsunagu.jp");
        BrowserContext otherContext = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 900).setLocale("ja-JP").setTimezoneId("Asia/Tokyo").setJavaScriptEnabled(false));
        Page other = otherContext.newPage();
        signIn(other, "bridge@demo.tsunagu.jp");
        first.navigate(meetingUrl + "/minutes/edit");
        other.navigate(meetingUrl + "/minutes/edit");
        first.locator("#items1-content").fill("第一の画面で書いた内容");
        button(first, "下書きを保存").click();
        assertThat(first.locator(".notice")).containsText("議事録を保存しました");
        firstContext.close();
        other.locator("#items2-content").fill("第二の画面で書いた内容");
        other.locator("form[data-island=minutes-editor] button[type=submit]").click();
        assertThat(other.locator("#conflict")).containsText("ほかの人が先に議事録を保存しました");
        assertThat(other.locator("#conflict")).containsText("第一の画面で書いた内容");
        assertEquals("第二の画面で書いた内容", other.locator("#items2-content").inputValue(), "the second browser keeps its text");
        // axe-core needs script, which this browser has not: the page is screenshotted and HTML-checked
        auditWithoutScript(other, "49-minutes-conflict");
        other.locator("#items1-content").fill("第一の画面で書いた内容");
        other.locator("form[data-island=minutes-editor] button[type=submit]").click();
        assertThat(other.locator(".notice")).containsText("議事録を保存しました");
        otherContext.close();

        page.navigate(meetingUrl + "/minutes/edit");
        assertEquals("第二の画面で書いた内容", page.locator("#items2-content").inputValue(), "the merged text was stored");
        button(page, "公開する").click();
        assertThat(page.locator("h1")).containsText("議事録");
        assertThat(page.locator("[data-island=print-button]")).isVisible();
        assertThat(page.locator("dl.facts")).containsText("南風原町 中央公民館");
        assertThat(page.locator("dl.facts")).containsText("会場 2名・オンライン 1名（出席記録より）");
        assertThat(page.locator("main")).not().containsText("休憩");
        audit("50-minutes-published");

        // the partner reads the minutes and answers the questionnaire
        partner.navigate(meetingUrl + "/minutes");
        assertThat(partner.locator("main")).containsText("各機関から今年度の取り組みを報告した。");
        partner.navigate(meetingUrl + "/questionnaire");
        partner.getByLabel("続けたい").check();
        partner.getByLabel("2か月に1回").check();
        partner.getByLabel("水曜").check();
        audit(partner, "51-questionnaire");
        button(partner, "アンケートに回答する").click();
        assertThat(partner.locator(".notice").first()).containsText("アンケート");
        assertThat(partner.getByText("回答ありがとうございました。")).isVisible();
        partnerContext.close();
        guestContext.close();

        // the next meeting of the series carries the open action item
        page.navigate(seriesUrl);
        assertThat(page.locator("main")).containsText("職場実習の受け入れ先リストを共有する");
        button(page, "次回の下書きをつくる").click();
        assertThat(page.locator("#agenda")).containsText("前回からの確認事項（未完了）");
        assertThat(page.locator("#agenda")).containsText("職場実習の受け入れ先リストを共有する");
        audit("52-next-meeting");
        assertEquals(List.of(), violations, "axe-core: serious or critical violations");
    }
}
