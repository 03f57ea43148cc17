package jp.tsunagu.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A seminar's public page on a phone, without an account: the announcement, a registration refused
 * (no consent) and then taken, the thanks, and the personal link from the mail. axe-core and the
 * HTML checker on each page.
 */
@QuarkusTest
class SeminarBrowserIT extends BrowserSupport {

    @Inject
    AgroalDataSource ds;

    @Inject
    MockMailbox mailbox;

    Page.GetByRoleOptions exact(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void registerOnAPhoneWithoutAnAccount() {
        long seminar = TestSupport.id(ds, "SELECT id FROM meeting WHERE title = '令和8年度 ペア事業 事業報告セミナー'");
        BrowserContext phone = newContext(390, 844);
        Page p = phone.newPage();
        p.navigate(url("/seminars/" + seminar));
        assertThat(p.locator("h1")).hasText("令和8年度 ペア事業 事業報告セミナー");
        audit(p, "129-seminar-public-phone");
        p.getByLabel("お名前").fill("（架空）川辺 さくら");
        p.getByLabel("所属（事業所・機関名）").fill("（架空）就労継続支援B型 かわべ");
        p.getByLabel("所属の種別").selectOption("CONTINUOUS_B");
        p.getByLabel("メールアドレス").fill("kawabe.browser@example.org");
        p.getByRole(AriaRole.RADIO, exact("オンラインで出席")).check();
        p.getByRole(AriaRole.BUTTON, exact("申し込む")).click();
        assertThat(p.locator("#error-summary a[href='#consent']")).isVisible();
        assertThat(p.getByLabel("お名前")).hasValue("（架空）川辺 さくら");
        audit(p, "130-seminar-refused-phone");
        mailbox.clear();
        p.getByLabel("上記に同意して申し込む").check();
        p.getByRole(AriaRole.BUTTON, exact("申し込む")).click();
        assertThat(p.locator("#registered")).containsText("お申し込みを受け付けました");
        audit(p, "131-seminar-registered-phone");
        String mail = mailbox.getMailsSentTo("kawabe.browser@example.org").get(0).getText();
        var link = Pattern.compile("(/p/[A-Za-z0-9_-]+)").matcher(mail);
        link.find();
        p.navigate(url(link.group(1)));
        assertThat(p.locator("main")).containsText("令和8年度 ペア事業 事業報告セミナー");
        audit(p, "132-seminar-personal-phone");
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM meeting_invitee WHERE meeting_id = ? AND email = 'kawabe.browser@example.org'",
                seminar));
        phone.close();
    }
}
