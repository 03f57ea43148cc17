package jp.tsunagu.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.conference.RetentionJob;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Nonaka conference from setup to deletion, in Chromium: the facilitator (bridge@) prepares it
 * with a presenter (partner@) and a recorder (hw-naha@) → attendees pledge → the presenter's case
 * sheet is refused while it names someone (the name is marked), saved once reworded, with the
 * ecomap → the facilitator runs the phases with the timer → the recorder writes on the board →
 * a learning is approved → after the retention time the case is gone (410) and the learning is
 * in the library. axe-core on every page.
 */
@QuarkusTest
class ConferenceBrowserIT extends BrowserSupport {

    @Inject
    AgroalDataSource ds;

    @Inject
    RetentionJob retention;

    Page.GetByRoleOptions exact(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void aConferenceFromSetupToDeletion() {
        long circle = TestSupport.circleId(ds, "okinawa-south-exchange");
        signIn("bridge@demo.tsunagu.jp");
        page.navigate(url("/conferences"));
        assertThat(page.locator("h1")).hasText("事例検討会");
        audit("80-conferences");
        page.navigate(url("/conferences/new?circle=" + circle));
        page.getByLabel("名称").fill("第9回 事例検討会（ブラウザ試験）");
        page.getByLabel("日付").fill(LocalDate.now().plusDays(14).toString());
        page.getByLabel("金城 さくら").selectOption("PRESENTER");
        page.getByLabel("宮城 大輔").selectOption("RECORDER");
        audit("81-conference-form");
        page.getByRole(AriaRole.BUTTON, exact("準備する")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("事例検討会を作成しました");
        String conference = page.url().replaceAll("\\?.*$", "");
        assertThat(page.locator("#h-pledge")).hasText("守秘の誓約");
        audit("82-conference-pledge");
        page.getByLabel("上記に同意します").check();
        page.getByRole(AriaRole.BUTTON, exact("誓約して資料を開く")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("誓約しました");

        // the presenter pledges and writes the case sheet on a phone-sized window
        BrowserContext presenterContext = newContext(390, 844);
        Page presenter = presenterContext.newPage();
        signIn(presenter, "partner@demo.tsunagu.jp");
        presenter.navigate(url(conference.replaceAll("^.*(/conferences/\\d+)$", "$1") + "/case"));
        assertThat(presenter.locator(".notice[role=status]")).containsText("守秘の誓約をしてください");
        presenter.getByLabel("上記に同意します").check();
        presenter.getByRole(AriaRole.BUTTON, exact("誓約して資料を開く")).click();
        presenter.getByRole(AriaRole.LINK, exact("事例シート")).click();
        presenter.getByLabel("年代").selectOption("60");
        presenter.getByLabel("手帳の種類").selectOption("MENTAL");
        presenter.getByLabel("等級").selectOption("2");
        presenter.getByLabel("世帯の状況").fill("兄弟2人と同居。");
        presenter.getByLabel("要因（面談で分かったこと）").fill("① 山田太郎さんが近所とトラブルになっている。");
        presenter.getByLabel("1行目の機関・人").selectOption("CONSULTATION");
        presenter.getByLabel("1行目の頻度").selectOption("TWICE_MONTHLY");
        presenter.getByLabel("1行目の関係").selectOption("STRONG");
        presenter.getByLabel("2行目の機関・人").selectOption("SELF_HELP_GROUP");
        presenter.getByLabel("2行目の頻度").selectOption("WEEKLY");
        presenter.getByLabel("2行目の関係").selectOption("STRESSED");
        presenter.getByRole(AriaRole.BUTTON, exact("事例シートを保存する")).click();
        assertThat(presenter.locator("#error-summary")).containsText("山田太郎さん");
        assertThat(presenter.locator(".findings mark")).containsText("山田太郎さん");
        assertEquals("① 山田太郎さんが近所とトラブルになっている。", presenter.getByLabel("要因（面談で分かったこと）").inputValue(),
                "what was typed is kept");
        audit(presenter, "83-case-refused-phone");
        presenter.getByLabel("要因（面談で分かったこと）").fill("① Aさんが近所とトラブルになっている。");
        presenter.getByRole(AriaRole.BUTTON, exact("事例シートを保存する")).click();
        assertThat(presenter.locator(".notice[role=status]")).containsText("事例シートを保存しました");
        assertThat(presenter.locator(".ecomap svg title")).hasText("エコマップ");
        assertThat(presenter.locator("table:has(caption:text('支援チーム（エコマップの内容）'))")).containsText("週1回");
        audit(presenter, "84-case-saved-phone");
        presenterContext.close();

        // the facilitator starts the run; the timer counts the first phase
        page.navigate(conference + "/board");
        page.getByRole(AriaRole.BUTTON, exact("開始する")).click();
        assertThat(page.locator(".phase-now")).containsText("事例の概要");
        assertThat(page.locator(".timer-clock")).containsText("残り 9:");
        page.getByRole(AriaRole.BUTTON, exact("次の段階へ")).click();
        assertThat(page.locator(".phase-now")).containsText("質問（順番に）");
        audit("85-board-run");

        // the recorder pledges and writes the board (keyboard only)
        BrowserContext recorderContext = newContext(1280, 900);
        Page recorder = recorderContext.newPage();
        signIn(recorder, "hw-naha@demo.tsunagu.jp");
        recorder.navigate(conference);
        recorder.getByLabel("上記に同意します").check();
        recorder.getByRole(AriaRole.BUTTON, exact("誓約して資料を開く")).click();
        recorder.navigate(conference + "/board");
        recorder.getByLabel("種類").selectOption("QUESTION");
        recorder.getByLabel("内容").focus();
        recorder.keyboard().type("自助グループではどんな役割を担っていますか");
        recorder.keyboard().press("Tab");
        recorder.keyboard().press("Enter");
        assertThat(recorder.locator("#bp-QUESTIONS + ul")).containsText("自助グループではどんな役割を担っていますか");
        audit(recorder, "86-board-recorder");
        recorderContext.close();

        // a learning, approved by the facilitator
        page.navigate(conference);
        page.getByLabel("内容").fill("断酒の仲間の会の運営を一人で抱えていないか、早めに確かめる。");
        page.getByLabel("依存症").check();
        page.getByRole(AriaRole.BUTTON, exact("学びを追加する")).click();
        page.getByRole(AriaRole.BUTTON, exact("確認して公開する")).click();
        assertThat(page.locator("#learnings")).containsText("公開（");
        audit("87-conference-learnings");
        page.navigate(conference + "/log");
        assertThat(page.locator("table")).containsText("金城 さくら");
        audit("88-read-log");

        // after the retention time: the case is gone, the learning stays
        long id = Long.parseLong(conference.replaceAll("^.*/", ""));
        TestSupport.update(ds, "UPDATE conference SET starts_at = now() - interval '40 days' WHERE id = ?", id);
        List<Long> deleted;
        try {
            deleted = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> retention.run(Instant.now()));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        assertTrue(deleted.contains(id), deleted.toString());
        Page gone = page;
        var response = gone.navigate(conference + "/case");
        assertEquals(410, response.status());
        assertThat(gone.locator("main")).containsText("削除されました");
        gone.navigate(url("/learnings?tag=ADDICTION"));
        assertThat(gone.locator(".learnings")).containsText("断酒の仲間の会の運営を一人で抱えていないか");
        audit("89-learnings-library");
        assertEquals(List.of(), violations);
    }
}
