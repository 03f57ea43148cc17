package jp.tsunagu.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The trust boundary as people meet it: a center lead's invitation into a partner becomes a request
 * (no link on the page), that partner's administrator approves it on a phone with the keyboard; a mailed link to
 * the printed copy asks the reader to confirm before anything is logged; an organization named as
 * co-host agrees on the meeting page. axe-core on every page.
 */
@QuarkusTest
class TrustBrowserIT extends BrowserSupport {

    @Inject
    AgroalDataSource ds;

    Page.GetByRoleOptions exact(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void requestApproveConfirmAndCoHost() {
        // a lead asks for an invitation into a partner office: a request, and no link anywhere on the page
        signIn("bridge@demo.tsunagu.jp");
        page.navigate(url("/invitations/new"));
        String email = "browser-invitee-" + System.nanoTime() + "@example.jp";
        page.getByLabel("招待する人のメールアドレス").fill(email);
        page.locator("#organizationId").selectOption(new SelectOption().setLabel("就労移行支援事業所 みなみ風ワークス（架空）"));
        page.locator("#role").selectOption("partner-staff");
        page.getByRole(AriaRole.BUTTON, exact("招待を送る")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("申請しました");
        assertFalse(page.content().contains("/invite/"), "no invitation link on the page");
        audit("90-invite-requested");

        // the organization's administrator (partner@ administers みなみ風ワークス) approves it on a phone, with the keyboard only
        BrowserContext adminContext = newContext(390, 844);
        Page admin = adminContext.newPage();
        signIn(admin, "partner@demo.tsunagu.jp");
        // on a phone the navigation is behind the menu button
        admin.getByRole(AriaRole.BUTTON, exact("メニュー")).click();
        admin.getByRole(AriaRole.LINK, exact("招待の申請")).click();
        assertThat(admin.locator("h1")).hasText("招待の申請");
        assertThat(admin.locator("table.list")).containsText(email);
        audit(admin, "91-invitation-requests-phone");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("承認して送る: " + email)).focus();
        admin.keyboard().press("Enter");
        assertThat(admin.locator(".notice[role=status]")).containsText("承認し、メールで送りました");
        audit(admin, "92-invitation-approved-phone");
        adminContext.close();
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM invitation WHERE email = ? AND status = 'SENT'", email));

        // a link to the printed copy opened from outside (a mail): confirm first, nothing logged until then
        long conference = TestSupport.id(ds, "SELECT id FROM conference WHERE title = '第2回 事例検討会（野中式）'");
        long prints = TestSupport.id(ds, "SELECT count(*) FROM conference_read WHERE conference_id = ? AND what = 'PRINT'", conference);
        page.navigate(url("/conferences/" + conference + "/print"));
        assertThat(page.locator("h1")).hasText("開く前の確認");
        audit("93-confirm-read");
        assertEquals(prints, TestSupport.id(ds, "SELECT count(*) FROM conference_read WHERE conference_id = ? AND what = 'PRINT'", conference));
        page.getByRole(AriaRole.LINK, exact("記録に残して開く")).click();
        assertThat(page.locator("body")).containsText("閲覧・印刷");
        assertEquals(prints + 1, TestSupport.id(ds, "SELECT count(*) FROM conference_read WHERE conference_id = ? AND what = 'PRINT'", conference));

        // a meeting that names the partner as co-host: the partner agrees on the meeting page
        long bridge = TestSupport.orgId(ds, "okinawa-bridge");
        long partnerOrg = TestSupport.orgId(ds, "okinawa-transition-1");
        String day = LocalDate.now().plusDays(21).toString();
        long meeting = given().auth().oauth2(TestSupport.token("bridge@demo.tsunagu.jp")).contentType(ContentType.JSON)
                .body(Map.of("kind", "EXCHANGE", "title", "共催の依頼（ブラウザ）", "organizerIds", List.of(bridge, partnerOrg),
                        "circleId", TestSupport.circleId(ds, "okinawa-south-exchange"), "format", "IN_PERSON",
                        "venues", List.of(Map.of("name", "南風原町 中央公民館")), "startsAt", day + "T15:00", "endsAt", day + "T16:30"))
                .post("/api/meetings").then().statusCode(201).extract().jsonPath().getLong("summary.id");
        BrowserContext partnerContext = newContext(375, 740);
        Page partner = partnerContext.newPage();
        signIn(partner, "partner@demo.tsunagu.jp");
        partner.navigate(url("/meetings/" + meeting));
        assertThat(partner.locator("#cohost-h")).hasText("共催の依頼");
        audit(partner, "94-cohost-asked-phone");
        partner.getByRole(AriaRole.BUTTON, exact("共催に同意する")).click();
        assertThat(partner.locator(".notice[role=status]")).containsText("共催に同意しました");
        assertThat(partner.getByRole(AriaRole.LINK, exact("議事録を書く"))).isVisible();
        audit(partner, "95-cohost-agreed-phone");
        partnerContext.close();

        // the learnings library outside the circle: the lessons, not where they came from
        BrowserContext outsideContext = newContext(390, 844);
        Page outside = outsideContext.newPage();
        signIn(outside, "csa@demo.tsunagu.jp");
        outside.navigate(url("/learnings"));
        assertThat(outside.locator("main")).containsText("ほかのサークルの事例検討会から");
        assertFalse(outside.content().contains("事例検討会（野中式）"), "no conference name outside the circle");
        audit(outside, "96-learnings-outside-phone");
        outsideContext.close();

        assertEquals(List.of(), violations, "axe-core: serious or critical violations");
    }
}
