package jp.tsunagu.access;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The access policy as a table: each role (and anonymous) × own / other organization or circle ×
 * each endpoint → expected status. Hidden resources answer 404, never 403.
 */
@QuarkusTest
class AccessMatrixTest {

    @Inject
    AgroalDataSource ds;

    private final Map<String, String> tokens = new HashMap<>();
    private Map<String, String> ids;

    static final Map<String, String> USERS = Map.of(
            "admin", "admin@demo.tsunagu.jp",
            "tortoise", "tortoise@demo.tsunagu.jp",
            "minato", "minato@demo.tsunagu.jp",
            "bridge", "bridge@demo.tsunagu.jp",
            "partner", "partner@demo.tsunagu.jp",
            "advisor", "advisor@demo.tsunagu.jp",
            "sysadmin", "sysadmin@demo.tsunagu.jp",
            "hw-naha", "hw-naha@demo.tsunagu.jp");

    @BeforeEach
    void ids() {
        ids = Map.of(
                "{tortoise}", Long.toString(TestSupport.orgId(ds, "gunma-tortoise")),
                "{noikeru}", Long.toString(TestSupport.orgId(ds, "hokkaido-noikeru")),
                "{minatoOrg}", Long.toString(TestSupport.orgId(ds, "aomori-minato")),
                "{partnerOrg}", Long.toString(TestSupport.orgId(ds, "okinawa-transition-1")),
                "{otherPartnerOrg}", Long.toString(TestSupport.orgId(ds, "okinawa-transition-2")),
                "{okinawaCircle}", Long.toString(TestSupport.circleId(ds, "okinawa-south-exchange")),
                "{chibaCircle}", Long.toString(TestSupport.circleId(ds, "chiba-council")),
                "{csaAccount}", Long.toString(TestSupport.accountId(ds, "csa@demo.tsunagu.jp")));
    }

    private RequestSpecification as(String who) {
        RequestSpecification spec = given().accept(ContentType.JSON);
        if (!"anon".equals(who)) {
            String token = tokens.computeIfAbsent(who, w -> TestSupport.token(USERS.get(w)));
            spec = spec.auth().oauth2(token);
        }
        return spec;
    }

    private String path(String template) {
        String p = template;
        for (Map.Entry<String, String> e : ids.entrySet()) {
            p = p.replace(e.getKey(), e.getValue());
        }
        return p;
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
            // who,      path,                                   status
            "anon,       /api/me,                                401",
            "admin,      /api/me,                                200",
            "partner,    /api/me,                                200",
            "anon,       /api/organizations,                     200",
            "minato,     /api/organizations,                     200",
            // a center's profile is public; a partner office's is for members only
            "anon,       /api/organizations/{tortoise},          200",
            "tortoise,   /api/organizations/{tortoise},          200",
            "minato,     /api/organizations/{tortoise},          200",
            "anon,       /api/organizations/{partnerOrg},        404",
            "partner,    /api/organizations/{partnerOrg},        200",
            "tortoise,   /api/organizations/{partnerOrg},        200",
            "advisor,    /api/organizations/{partnerOrg},        200",
            "anon,       /api/organizations/999999,              404",
            "admin,      /api/organizations/999999,              404",
            // circles: members of member organizations, network staff and sysadmin
            "anon,       /api/circles,                           401",
            "partner,    /api/circles,                           200",
            "anon,       /api/circles/{okinawaCircle},           404",
            "admin,      /api/circles/{okinawaCircle},           200",
            "sysadmin,   /api/circles/{okinawaCircle},           200",
            "bridge,     /api/circles/{okinawaCircle},           200",
            "partner,    /api/circles/{okinawaCircle},           200",
            "tortoise,   /api/circles/{okinawaCircle},           404",
            "minato,     /api/circles/{okinawaCircle},           404",
            "advisor,    /api/circles/{okinawaCircle},           404",
            "bridge,     /api/circles/{chibaCircle},             404",
            "partner,    /api/circles/{chibaCircle},             404",
            "admin,      /api/circles/{chibaCircle},             200",
            "admin,      /api/circles/999999,                    404",
            // audit log: network staff and sysadmin only
            "anon,       /api/audit,                             404",
            "admin,      /api/audit,                             200",
            "sysadmin,   /api/audit,                             200",
            "tortoise,   /api/audit,                             404",
            "minato,     /api/audit,                             404",
            "partner,    /api/audit,                             404",
            "advisor,    /api/audit,                             404",
            "anon,       /api/prefectures,                       200",
            "anon,       /api/areas?prefecture=1,                200",
    })
    void reads(String who, String template, int status) {
        as(who).get(path(template)).then().statusCode(status);
    }

    @ParameterizedTest(name = "{0} invites {2} into {1} -> {3}")
    @CsvSource({
            // who,      organization,        role,          status
            "anon,       {tortoise},          center-staff,  401",
            "tortoise,   {tortoise},          center-staff,  201",
            "tortoise,   {tortoise},          center-lead,   201",
            "tortoise,   {tortoise},          partner-staff, 403",
            "tortoise,   {noikeru},           center-staff,  403",
            "tortoise,   {otherPartnerOrg},   partner-staff, 403",
            "minato,     {tortoise},          center-staff,  403",
            "bridge,     {tortoise},          center-staff,  403",
            // a lead into a partner sharing a circle: stored as a REQUEST (mailed only after approval)
            "bridge,     {otherPartnerOrg},   partner-staff, 201",
            "bridge,     {otherPartnerOrg},   center-lead,   403",
            "bridge,     {noikeru},           center-staff,  403",
            "bridge,     {otherPartnerOrg},   center-staff,  403",
            // an organization's administrator invites its own staff (partner@ administers みなみ風ワークス)
            "partner,    {partnerOrg},        partner-staff, 201",
            "partner,    {partnerOrg},        center-staff,  403",
            "partner,    {otherPartnerOrg},   partner-staff, 403",
            "hw-naha,    {partnerOrg},        partner-staff, 403",
            "advisor,    {tortoise},          center-staff,  403",
            "sysadmin,   {tortoise},          center-staff,  403",
            // the secretariat invites only where nobody administers the organization (its first account)
            "admin,      {tortoise},          center-staff,  403",
            "admin,      {partnerOrg},        partner-staff, 403",
            "admin,      {minatoOrg},         center-staff,  201",
            "admin,      {minatoOrg},         advisor,       403",
            "admin,      {partnerOrg},        center-lead,   403",
            "admin,      {tortoise},          sysadmin,      403",
    })
    void invitations(String who, String org, String role, int status) {
        long before = TestSupport.count(ds, "invitation");
        String answer = as(who).contentType(ContentType.JSON)
                .body(Map.of("email", "new-" + UUID.randomUUID() + "@example.jp",
                        "organizationId", Long.parseLong(path(org)), "role", role))
                .post("/api/invitations").then().statusCode(status).extract().asString();
        Assertions.assertFalse(answer.contains("/invite/"), "no answer carries an invitation link");
        if (status == 201) {
            String expected = "bridge".equals(who) && !"{tortoise}".equals(org) ? "REQUESTED" : "SENT";
            Assertions.assertTrue(answer.contains("\"status\":\"" + expected + "\""), answer);
        }
        Assertions.assertEquals(before + (status == 201 ? 1 : 0), TestSupport.count(ds, "invitation"),
                "an invitation is stored exactly when it is allowed");
    }

    @ParameterizedTest(name = "{0} opens page {1} -> {2}")
    @CsvSource({
            "anon,     /,                       200",
            "anon,     /directory,              200",
            "anon,     /directory/{tortoise},   200",
            "anon,     /directory/{partnerOrg}, 404",
            "partner,  /directory/{partnerOrg}, 200",
            "anon,     /circles,                303",
            "anon,     /account,                303",
            "anon,     /admin/audit,            303",
            "partner,  /admin/audit,            404",
            "admin,    /admin/audit,            200",
            "partner,  /circles/{okinawaCircle},200",
            "partner,  /circles/{chibaCircle},  404",
            "tortoise, /circles/{okinawaCircle},404",
            "admin,    /circles/{chibaCircle},  200",
            "partner,  /invitations/new,        200",
            "bridge,   /invitations/new,        200",
            // the directory as a whole: the secretariat's pages only
            "anon,     /organizations/import,   303",
            "admin,    /organizations/import,   200",
            "bridge,   /organizations/import,   404",
            "partner,  /organizations/import,   404",
            "sysadmin, /organizations/import,   404",
            "anon,     /organizations/upkeep,   303",
            "admin,    /organizations/upkeep,   200",
            "bridge,   /organizations/upkeep,   404",
            "hw-naha,  /organizations/upkeep,   404",
            "advisor,  /organizations/upkeep,   404",
            "admin,    /organizations/{partnerOrg}/merge?into={tortoise}, 200",
            "bridge,   /organizations/{partnerOrg}/merge?into={tortoise}, 404",
            "admin,    /organizations/999999/merge?into={tortoise}, 404",
    })
    void pages(String who, String template, int status) {
        as(who).accept("text/html").redirects().follow(false).get(path(template)).then().statusCode(status);
    }

    @ParameterizedTest(name = "{0} reads the invitation requests -> {1}")
    @CsvSource({
            "anon,     401",
            "admin,    200",
            "tortoise, 404",
            "bridge,   404",
            "partner,  200",
            "minato,   404",
            "advisor,  404",
            "sysadmin, 404",
    })
    void invitationRequests(String who, int status) {
        as(who).get("/api/invitation-requests").then().statusCode(status);
        // deciding someone else's request: only the approver gets as far as "no such request"
        as(who).contentType(ContentType.JSON).body(Map.of("approve", true))
                .post("/api/invitation-requests/99999999/decision").then().statusCode(status == 200 ? 404 : status);
        as(who).accept("text/html").redirects().follow(false).get("/admin/invitations").then()
                .statusCode(status == 401 ? 303 : status);
    }

    @ParameterizedTest(name = "{0} changes a role -> {1}")
    @CsvSource({
            "anon,     401",
            "admin,    404",
            "tortoise, 404",
            "partner,  404",
            "sysadmin, 204",
    })
    void roleChange(String who, int status) {
        as(who).contentType(ContentType.JSON).body(Map.of("role", "center-staff"))
                .put(path("/api/accounts/{csaAccount}/role")).then().statusCode(status);
    }
}
