package jp.tsunagu.browser;

import com.microsoft.playwright.BrowserContext;
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
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A survey as a center runs it: the lead builds one on the builder page, sends it to the B-type
 * offices of its area, an office answers through its link on a phone (a refusal first, then a
 * conditional question appearing), the lead keys in a paper answer and sees the rate; the FY2023
 * results beside each area. axe-core and the HTML checker on every page.
 */
@QuarkusTest
class SurveyBrowserIT extends BrowserSupport {

    @Inject
    AgroalDataSource ds;

    @Inject
    MockMailbox mailbox;

    Page.GetByRoleOptions exact(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void buildSendAnswerOnAPhoneKeyInPaperAndCompare() {
        signIn("tortoise@demo.tsunagu.jp");
        page.navigate(url("/surveys"));
        assertThat(page.locator("h1")).hasText("アンケート（意識調査）");
        audit("118-surveys-list");
        page.getByLabel("題名", new Page.GetByLabelOptions().setExact(true)).fill("藤岡圏域 定着支援アンケート（ブラウザ）");
        page.getByLabel("締切").fill(JapaneseCalendar.today().plusDays(10).toString());
        page.getByRole(AriaRole.BUTTON, exact("アンケートを作る")).click();
        assertThat(page.locator("h1")).hasText("藤岡圏域 定着支援アンケート（ブラウザ）");
        long survey = Long.parseLong(page.url().replaceAll(".*/surveys/(\\d+).*", "$1"));

        // the builder: a choice with "other", a question shown only after "yes", a scale
        page.getByRole(AriaRole.LINK, exact("設問の編集")).click();
        page.getByLabel("新しい区分の題名").fill("定着支援の状況");
        page.locator("#kind").selectOption("SINGLE");
        page.getByLabel("設問", new Page.GetByLabelOptions().setExact(true)).fill("就職後の定着支援をしていますか");
        page.getByLabel("選択肢（1行に1つ）").fill("している\nしていない\n*その他");
        page.getByLabel("必須にする").check();
        page.getByRole(AriaRole.BUTTON, exact("設問を追加する")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("設問を追加しました");
        page.locator("#section").selectOption(new SelectOption().setLabel("定着支援の状況"));
        page.locator("#kind").selectOption("TEXT");
        page.getByLabel("設問", new Page.GetByLabelOptions().setExact(true)).fill("どのような支援をしていますか");
        page.locator("#shownIfQuestion").selectOption("q1");
        page.getByRole(AriaRole.CHECKBOX, exact("q1: している")).check();
        page.getByRole(AriaRole.BUTTON, exact("設問を追加する")).click();
        page.locator("#section").selectOption(new SelectOption().setLabel("定着支援の状況"));
        page.locator("#kind").selectOption("SCALE");
        page.getByLabel("設問", new Page.GetByLabelOptions().setExact(true)).fill("企業・職場に対する支援の自己評価");
        page.getByLabel("段階の数").fill("4");
        page.getByLabel("最低の段階の説明（任意）").fill("不足している");
        page.getByLabel("最高の段階の説明（任意）").fill("十分に取り組んでいる");
        page.getByRole(AriaRole.BUTTON, exact("設問を追加する")).click();
        assertThat(page.locator("table.list tbody tr")).hasCount(3);
        audit("119-survey-builder");

        // recipients: the B-type offices of the center's area, then send
        page.getByRole(AriaRole.LINK, exact("← 藤岡圏域 定着支援アンケート（ブラウザ）")).click();
        page.getByRole(AriaRole.CHECKBOX, exact("就労継続支援B型事業所")).check();
        page.locator("#areaIds").selectOption(new SelectOption().setLabel(
                TestSupport.text(ds, "SELECT name FROM catchment_area WHERE code = 'gunma-tortoise-area'")));
        page.getByRole(AriaRole.BUTTON, exact("送付先に加える")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("送付先を加えました");
        mailbox.clear();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("依頼メールを送る"))).click();
        assertThat(page.locator(".notice[role=status]")).containsText("依頼メールを送りました");
        audit("120-survey-sent");
        String to = TestSupport.text(ds, "SELECT email FROM survey_recipient WHERE survey_id = ? AND email IS NOT NULL ORDER BY id LIMIT 1", survey);
        List<Mail> mails = mailbox.getMailsSentTo(to);
        assertEquals(1, mails.size());
        Matcher link = Pattern.compile("(/survey/[A-Za-z0-9_-]+)").matcher(mails.get(0).getText());
        assertTrue(link.find());

        // an office answers through its link on a phone, without an account
        BrowserContext phone = newContext(390, 844);
        Page office = phone.newPage();
        office.navigate(url(link.group(1)));
        assertThat(office.locator("h1")).hasText("藤岡圏域 定着支援アンケート（ブラウザ）");
        // the conditional question waits for its answer
        assertThat(office.locator("#item-q2")).isHidden();
        audit(office, "121-survey-answer-phone");
        office.getByRole(AriaRole.BUTTON, exact("回答を送る")).click();
        assertThat(office.locator("#error-summary")).isVisible();
        assertThat(office.locator("#error-summary a[href='#answers.q1']")).isVisible();
        audit(office, "122-survey-answer-refused-phone");
        office.getByRole(AriaRole.RADIO, exact("している")).check();
        assertThat(office.locator("#item-q2")).isVisible();
        office.getByLabel(Pattern.compile("どのような支援")).fill("月1回、職場を訪ねて本人と上司の話を聞いています。");
        office.getByRole(AriaRole.RADIO, exact("1（不足している）")).check();
        office.getByRole(AriaRole.BUTTON, exact("回答を送る")).click();
        assertThat(office.locator(".notice[role=status]")).containsText("回答を保存しました");
        assertThat(office.getByRole(AriaRole.BUTTON, exact("回答を更新する"))).isVisible();
        audit(office, "123-survey-answered-phone");
        phone.close();

        // a paper answer keyed in for an office without an address; the rate follows
        page.navigate(url("/surveys/" + survey));
        page.locator("#responses summary").click();
        long paperOrg = TestSupport.id(ds, "SELECT organization_id FROM survey_recipient WHERE survey_id = ? AND email IS NULL ORDER BY id LIMIT 1", survey);
        page.locator("a[href='/surveys/" + survey + "/paper/" + paperOrg + "']").click();
        assertThat(page.locator("h1")).hasText("紙の回答の入力");
        page.getByRole(AriaRole.RADIO, exact("していない")).check();
        audit("124-survey-paper");
        page.getByRole(AriaRole.BUTTON, exact("紙の回答を保存")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("紙の回答を保存しました");
        assertThat(page.locator("#responses")).containsText("オンライン 1 件、紙 1 件");
        audit("125-survey-rate");
        page.navigate(url("/surveys/" + survey + "/print"));
        audit("126-survey-print");

        // the FY2023 survey: each area beside the whole, as the secretariat reads it
        signOut();
        signIn("admin@demo.tsunagu.jp");
        long demo = TestSupport.id(ds, "SELECT id FROM survey WHERE fictitious AND deadline = DATE '2023-10-31'");
        page.navigate(url("/surveys/" + demo));
        assertThat(page.locator("main")).containsText("164 / 478 件（34.3%）");
        audit("127-survey-fy2023");
        page.navigate(url("/surveys/" + demo + "/results?compare=area"));
        assertThat(page.locator("#r-self-employer")).isVisible();
        assertThat(page.locator("main table").first()).containsText("水戸");
        audit("128-survey-results-by-area");
    }
}
