package jp.tsunagu.posting;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The weekly digest: each circle member gets the week's postings of their own circles (built with
 * their rights), once per week even when several instances run it at the same moment, and nobody
 * who opted out gets one.
 */
@QuarkusTest
class PostingDigestTest {

    @Inject
    DigestJob digest;

    @Inject
    MockMailbox mailbox;

    @Inject
    AgroalDataSource ds;

    int run() {
        try {
            return io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> digest.run(JapaneseCalendar.today()));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    String text(String who) {
        List<Mail> mails = mailbox.getMailsSentTo(who + "@demo.tsunagu.jp");
        assertTrue(mails != null && mails.size() == 1, who + " gets exactly one digest");
        return mails.get(0).getText();
    }

    @Test
    void eachMemberGetsTheirCirclesPostingsOnceAndOptOutIsHonoured() throws Exception {
        String chiba = TestSupport.token("chiba@demo.tsunagu.jp");
        given().auth().oauth2(chiba).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .put("/api/me/posting-digest").then().statusCode(200);
        given().auth().oauth2(chiba).get("/api/me/posting-digest").then().statusCode(200)
                .body("enabled", org.hamcrest.Matchers.equalTo(false));
        mailbox.clear();
        // two instances at the same moment
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(this::run);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(this::run);
        int sent = a.get() + b.get();
        assertTrue(sent > 0, "digests went out");

        String partner = text("partner");
        assertTrue(partner.contains("ホテル客室清掃スタッフ（短時間から）"), "circle A's posting");
        assertTrue(partner.contains("農園スタッフ"), "network-wide posting");
        assertFalse(partner.contains("病院内清掃"), "not circle B's");
        assertFalse(partner.contains("厨房補助"), "not a draft");
        assertFalse(partner.contains("物流センター 軽作業"), "not older than a week");
        String csa = text("csa");
        assertFalse(csa.contains("ホテル客室清掃"), "csa is not in circle A");
        assertFalse(csa.contains("事務補助（データ入力・書類整理）"), "not its own organization's");
        // the sharer does not get its own postings back; the Hello Work office sees the circle's others
        String hw = text("hw-naha");
        assertTrue(hw.contains("ホテル客室清掃スタッフ"));
        assertFalse(hw.contains("一般事務補助（障害者求人）"), "its own posting");
        assertTrue(mailbox.getMailsSentTo("chiba@demo.tsunagu.jp") == null
                || mailbox.getMailsSentTo("chiba@demo.tsunagu.jp").isEmpty(), "opted out");
        assertTrue(mailbox.getMailsSentTo("sysadmin@demo.tsunagu.jp") == null
                || mailbox.getMailsSentTo("sysadmin@demo.tsunagu.jp").isEmpty(), "no digest for sysadmins");
        // a digest is in the view log of the non-public postings it carried
        assertTrue(TestSupport.id(ds, "SELECT count(*) FROM posting_view WHERE kind = 'DIGEST'") > 0);
        // once per week: a third run sends nothing
        mailbox.clear();
        assertEquals(0, run());
        assertEquals(0, mailbox.getTotalMessagesSent());
        given().auth().oauth2(chiba).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .put("/api/me/posting-digest").then().statusCode(200);
    }
}
