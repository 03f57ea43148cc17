package jp.tsunagu.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A circle as people start and run it: a center lead starts one and invites two organizations; one
 * administrator accepts on a phone, the other declines; a posting shared into the circle reaches only
 * the one that accepted; the lead removes it again (asked first) and archives the circle. axe-core
 * on every page.
 */
@QuarkusTest
class CircleBrowserIT extends BrowserSupport {

    @Inject
    AgroalDataSource ds;

    Page.GetByRoleOptions exact(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @AfterEach
    void emptyTheCirclesMadeHere() {
        TestSupport.update(ds, "DELETE FROM circle_member WHERE circle_id IN (SELECT id FROM circle WHERE created_by IS NOT NULL)");
    }

    @Test
    void startInviteAnswerShareRemoveArchive() {
        // the lead starts a circle
        signIn("bridge@demo.tsunagu.jp");
        page.navigate(url("/circles"));
        audit("94-circles-list");
        page.getByRole(AriaRole.LINK, exact("サークルを作る")).click();
        assertThat(page.locator("h1")).hasText("サークルを作る");
        audit("95-circle-new");
        // a name with a link is refused on the form, with what was typed kept
        page.getByLabel("サークル名").fill("詳しくは https://example.com");
        page.getByRole(AriaRole.BUTTON, exact("作成する")).click();
        assertThat(page.locator("#name-error")).isVisible();
        assertThat(page.getByLabel("サークル名")).hasValue("詳しくは https://example.com");
        audit("95b-circle-new-error");
        page.getByLabel("サークル名").fill("南部 定着支援ワーキング（ブラウザ）");
        page.locator("#kind").selectOption("WORKING_GROUP");
        page.locator("#prefectureCode").selectOption(new SelectOption().setLabel("沖縄県"));
        page.getByLabel("説明").fill("定着支援の事例を持ち寄り、年3回集まります。");
        page.getByRole(AriaRole.BUTTON, exact("作成する")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("サークルを作りました");
        long circle = Long.parseLong(page.url().replaceAll(".*/circles/(\\d+)/manage.*", "$1"));

        // find and invite two organizations
        page.getByLabel("組織名で探す").fill("みなみ風");
        page.getByRole(AriaRole.BUTTON, exact("探す")).click();
        page.getByRole(AriaRole.BUTTON, exact("就労移行支援事業所 みなみ風ワークス（架空） を招待する")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("招待を送りました");
        page.getByLabel("組織名で探す").fill("ハローワーク那覇");
        page.getByRole(AriaRole.BUTTON, exact("探す")).click();
        page.getByRole(AriaRole.BUTTON, exact("ハローワーク那覇 を招待する")).click();
        assertThat(page.locator("#open-h")).containsText("(2)");
        audit("96-circle-manage");

        // みなみ風ワークス's administrator accepts on a phone
        BrowserContext phone = newContext(390, 844);
        Page partner = phone.newPage();
        signIn(partner, "partner@demo.tsunagu.jp");
        partner.navigate(url("/circles"));
        partner.getByRole(AriaRole.LINK, exact("サークルへの招待に回答する")).click();
        assertThat(partner.locator("h1")).hasText("サークルへの招待");
        assertThat(partner.locator("main")).containsText("南部 定着支援ワーキング（ブラウザ）");
        audit(partner, "97-circle-invitations-phone");
        partner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("参加する")).first().click();
        assertThat(partner.locator(".notice[role=status]")).containsText("サークルに参加しました");
        assertThat(partner.locator("h1")).hasText("南部 定着支援ワーキング（ブラウザ）");
        audit(partner, "98-circle-joined-phone");

        // ハローワーク那覇's administrator declines
        BrowserContext other = newContext(1280, 900);
        Page hw = other.newPage();
        signIn(hw, "hw-naha@demo.tsunagu.jp");
        hw.navigate(url("/circle-invitations"));
        hw.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("辞退する")).first().click();
        assertThat(hw.locator(".notice[role=status]")).containsText("招待を辞退しました");

        // a posting shared into the circle reaches the one that accepted only
        long posting = given().auth().oauth2(TestSupport.token("bridge@demo.tsunagu.jp")).contentType(ContentType.JSON)
                .body(Map.of("kind", "JOB", "title", "ブラウザ確認の求人（サークル共有）", "companyName", "株式会社テスト物流",
                        "prefectureCode", 47, "jobCategory", "LIGHT_WORK", "source", "COMPANY", "circleIds", List.of(circle)))
                .post("/api/postings").then().statusCode(201).extract().jsonPath().getLong("id");
        partner.navigate(url("/postings/" + posting));
        assertThat(partner.locator("h1")).hasText("ブラウザ確認の求人（サークル共有）");
        Response refused = hw.navigate(url("/postings/" + posting));
        assertEquals(404, refused.status());
        other.close();

        // the lead sees the history, removes みなみ風ワークス (asked first) and archives the circle
        page.navigate(url("/circles/" + circle + "/manage"));
        assertThat(page.locator("table[aria-labelledby=history-h]")).containsText("辞退");
        page.getByRole(AriaRole.LINK, exact("就労移行支援事業所 みなみ風ワークス（架空） をサークルから外す")).click();
        assertThat(page.locator("h1")).hasText("確認");
        audit("99-circle-remove-confirm");
        page.getByRole(AriaRole.BUTTON, exact("外す")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("組織をサークルから外しました");
        assertEquals(404, partner.navigate(url("/postings/" + posting)).status());
        phone.close();
        page.getByRole(AriaRole.LINK, exact("アーカイブする")).click();
        audit("99b-circle-archive-confirm");
        page.getByRole(AriaRole.BUTTON, exact("アーカイブする")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("アーカイブしました");
        assertThat(page.locator(".alert")).containsText("閲覧のみ");
        audit("99c-circle-archived");
    }

    @Test
    void aMoverAsksToJoinAndTheAdministratorApproves() {
        // a support worker moving from another office asks to join みなみ風ワークス on its profile
        String mover = TestSupport.staffOf(ds, "okinawa-transition-5");
        long partnerOrg = TestSupport.orgId(ds, "okinawa-transition-1");
        signIn(mover);
        page.navigate(url("/directory/" + partnerOrg));
        page.locator("details.join summary").click();
        page.getByLabel("役職（任意）").fill("就労支援員");
        page.getByRole(AriaRole.BUTTON, exact("所属を申請する")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("所属を申請しました");
        audit("9a-join-requested");

        // the administrator approves it on the members page
        BrowserContext other = newContext(1280, 900);
        Page admin = other.newPage();
        signIn(admin, "partner@demo.tsunagu.jp");
        admin.navigate(url("/directory/" + partnerOrg));
        admin.getByRole(AriaRole.LINK, exact("職員と管理者")).click();
        assertThat(admin.locator("#requests-h")).containsText("所属の申請");
        audit(admin, "9b-staff-page");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("テスト 利用者 さんの所属を承認する")).first().click();
        assertThat(admin.locator(".notice[role=status]")).containsText("承認しました");
        assertThat(admin.locator("table[aria-labelledby=members-h]")).containsText(mover);
        audit(admin, "9c-staff-approved");
        other.close();
    }

    @Test
    void theLeadHandsALeaversMeetingsOverAndDeactivatesThem() {
        // bridge@ leads its center; a leaver and a successor are on its staff
        String leaver = TestSupport.throwAwayAccount(ds, "center-staff", TestSupport.PASSWORD);
        String successor = TestSupport.throwAwayAccount(ds, "center-staff", TestSupport.PASSWORD);
        for (String email : List.of(leaver, successor)) {
            TestSupport.update(ds, "INSERT INTO membership (account_id, organization_id) SELECT a.id, o.id FROM account a, organization o"
                    + " WHERE a.email = ? AND o.code = 'okinawa-bridge'", email);
        }
        TestSupport.update(ds, "UPDATE account SET display_name = '退職 予定' WHERE email = ?", leaver);
        TestSupport.update(ds, "UPDATE account SET display_name = '後任 担当' WHERE email = ?", successor);
        long bridgeOrg = TestSupport.orgId(ds, "okinawa-bridge");
        String day = java.time.LocalDate.now().plusDays(40).toString();
        long meeting = given().auth().oauth2(TestSupport.token(leaver)).contentType(ContentType.JSON)
                .body(Map.of("kind", "EXCHANGE", "title", "引継ぎ予定の定着支援連絡会", "organizerIds", List.of(bridgeOrg),
                        "format", "IN_PERSON", "venues", List.of(Map.of("name", "那覇市 障害者福祉センター")),
                        "startsAt", day + "T14:00", "endsAt", day + "T15:30"))
                .post("/api/meetings").then().statusCode(201).extract().jsonPath().getLong("summary.id");

        signIn("bridge@demo.tsunagu.jp");
        page.navigate(url("/admin/accounts"));
        page.getByLabel("名前・メールアドレスで探す").fill("退職");
        page.getByRole(AriaRole.BUTTON, exact("探す")).click();
        audit("9d-accounts");
        page.getByRole(AriaRole.LINK, exact("退職 予定")).click();
        assertThat(page.locator("h1")).containsText("退職 予定");
        page.locator("#to").selectOption(new SelectOption().setLabel("後任 担当（障害者就業・生活支援センター ブリッジ）"));
        page.getByRole(AriaRole.BUTTON, exact("引き継がれるものを確認する")).click();
        assertThat(page.locator("ul[aria-labelledby=moves-h]")).containsText("引継ぎ予定の定着支援連絡会");
        audit("9e-handover-preview");
        page.getByRole(AriaRole.BUTTON, exact("後任に引き継ぐ")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("担当を引き継ぎました");
        assertEquals(TestSupport.accountId(ds, successor), TestSupport.id(ds, "SELECT created_by FROM meeting WHERE id = ?", meeting));
        page.getByRole(AriaRole.BUTTON, exact("利用停止にする")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("利用停止にしました");
        audit("9f-deactivated");
        assertEquals(0, TestSupport.id(ds, "SELECT count(*) FROM account WHERE email = ? AND active", leaver));
        // the leaver's page now offers reactivation (someone back from leave), and it works
        page.navigate(url("/admin/accounts/" + TestSupport.accountId(ds, leaver)));
        audit("9g-deactivated-account");
        page.getByRole(AriaRole.BUTTON, exact("利用を再開する")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("利用を再開しました");
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM account WHERE email = ? AND active", leaver));

        // a sysadmin changes roles on the same list
        BrowserContext other = newContext(1280, 900);
        Page sys = other.newPage();
        signIn(sys, "sysadmin@demo.tsunagu.jp");
        sys.navigate(url("/admin/accounts?q=" + java.net.URLEncoder.encode("後任", java.nio.charset.StandardCharsets.UTF_8)));
        sys.getByLabel("後任 担当 さんの役割", new Page.GetByLabelOptions().setExact(true)).selectOption("center-lead");
        sys.getByRole(AriaRole.BUTTON, exact("後任 担当 さんの役割を変更する")).click();
        assertThat(sys.locator(".notice[role=status]")).containsText("役割を変更しました");
        audit(sys, "9j-accounts-sysadmin");
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM account WHERE email = ? AND role = 'center-lead'", successor));
        other.close();
    }

    @Test
    void anAdministratorCorrectsTheProfileAndALeadRegistersAnOffice() {
        long partnerOrg = TestSupport.orgId(ds, "okinawa-transition-1");
        signIn("partner@demo.tsunagu.jp");
        page.navigate(url("/directory/" + partnerOrg));
        page.getByRole(AriaRole.LINK, exact("組織の情報を修正する")).click();
        page.getByLabel("定員（名）").fill("20");
        page.getByLabel("空き（名）").fill("25");
        page.getByRole(AriaRole.BUTTON, exact("保存する")).click();
        assertThat(page.locator("#vacancies-error")).isVisible();
        audit("9g-profile-error");
        page.getByLabel("空き（名）").fill("4");
        page.getByRole(AriaRole.BUTTON, exact("保存する")).click();
        assertThat(page.locator(".notice[role=status]")).containsText("組織の情報を保存しました");
        assertThat(page.locator("main")).containsText("空き 4 名");
        audit("9h-profile-saved");

        BrowserContext other = newContext(390, 844);
        Page lead = other.newPage();
        signIn(lead, "bridge@demo.tsunagu.jp");
        lead.navigate(url("/organizations/new"));
        lead.getByLabel("名称").fill("就労継続支援B型事業所 うりずん工房（架空）");
        lead.locator("#type").selectOption("CONTINUOUS_B");
        lead.locator("#prefectureCode").selectOption(new SelectOption().setLabel("沖縄県"));
        audit(lead, "9i-register-phone");
        lead.getByRole(AriaRole.BUTTON, exact("登録する")).click();
        assertThat(lead.locator(".notice[role=status]")).containsText("組織を登録しました");
        assertThat(lead.locator("main")).containsText("未確認");
        other.close();
    }
}
