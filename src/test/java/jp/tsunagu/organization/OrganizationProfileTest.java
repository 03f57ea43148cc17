package jp.tsunagu.organization;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.support.TestSupport.as;
import static jp.tsunagu.support.TestSupport.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Organizations kept by the network: an organization's administrators correct its profile
 * (version-checked; contacts, capacity and vacancies with their date); the secretariat registers
 * anywhere, a center lead offices near their center (未確認 until the secretariat confirms).
 */
@QuarkusTest
@Tag("data")
class OrganizationProfileTest {

    @Inject
    AgroalDataSource ds;

    long partnerOrg() {
        return TestSupport.orgId(ds, "okinawa-transition-1");
    }

    int version(long org) {
        return as("partner").get("/api/organizations/" + org).then().statusCode(200).extract().jsonPath().getInt("version");
    }

    Map<String, Object> profile(int version, Object... overrides) {
        Map<String, Object> m = new HashMap<>(Map.of("address", "沖縄県島尻郡南風原町字兼城（架空）", "phone", "098-000-0000",
                "email", "office@example.jp", "capacity", 20, "vacancies", 3, "openingHours", "平日 9:00〜17:00",
                "certificateTypes", "障害福祉サービス受給者証（就労移行支援）", "version", version));
        for (int i = 0; i < overrides.length; i += 2) {
            m.put((String) overrides[i], overrides[i + 1]);
        }
        return m;
    }

    @Test
    void theAdministratorCorrectsTheProfileWithTheVersionItRead() {
        long org = partnerOrg();
        int v = version(org);
        json("partner").body(profile(v)).put("/api/organizations/" + org).then().statusCode(200)
                .body("capacity", equalTo(20)).body("vacancies", equalTo(3))
                .body("vacanciesConfirmedOn", equalTo(jp.tsunagu.platform.time.JapaneseCalendar.today().toString()))
                .body("email", equalTo("office@example.jp")).body("version", equalTo(v + 1));
        // the version read before the save is stale now
        json("partner").body(profile(v)).put("/api/organizations/" + org).then().statusCode(409);
        assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM audit_event WHERE event_type = 'ORGANIZATION_EDITED' AND subject = ?",
                "organization:" + org) >= 1 ? 1 : 0);
        // others see the profile but do not change it; the secretariat does not where it has an administrator
        for (String who : new String[]{"hw-naha", "bridge", "admin"}) {
            json(who).body(profile(v + 1, "capacity", 99)).put("/api/organizations/" + org).then().statusCode(403);
        }
        given().contentType("application/json").body(profile(v + 1)).put("/api/organizations/" + org).then().statusCode(401);
        // the edit link is offered exactly to those the save would accept
        as("partner").get("/api/organizations/" + org).then().body("canEditProfile", equalTo(true));
        as("admin").get("/api/organizations/" + org).then().body("canEditProfile", equalTo(false));
        as("hw-naha").get("/api/organizations/" + org).then().body("canEditProfile", equalTo(false));
        as("admin").get("/api/organizations/" + TestSupport.orgId(ds, "aomori-minato")).then().body("canEditProfile", equalTo(true));
        assertEquals(20, TestSupport.id(ds, "SELECT capacity FROM organization WHERE id = ?", org), "refused writes change nothing");
    }

    @ParameterizedTest(name = "{0} = {1} → 400 on {2}")
    @CsvSource(delimiter = '|', value = {
            "vacancies | 30 | vacancies", "capacity | -1 | capacity", "phone | 電話番号 | phone", "email | office | email",
            "website | ftp://example.jp | website", "vacanciesConfirmedOn | FUTURE | vacanciesConfirmedOn",
            "address | LONG | address", "vacanciesConfirmedOn | 1800-01-01 | vacanciesConfirmedOn",
            "email | info?bcc=x@example.jp | email", "email | '\"a b\"@example.jp' | email", "phone | '    12' | phone"
    })
    void badProfileInput(String field, String value, String named) {
        long org = partnerOrg();
        int v = version(org);
        Object typed = value.matches("-?[0-9]+") ? (Object) Integer.parseInt(value)
                : value.equals("FUTURE") ? LocalDate.now().plusDays(10).toString() : value.equals("LONG") ? "あ".repeat(301) : value;
        json("partner").body(profile(v, field, typed)).put("/api/organizations/" + org).then().statusCode(400)
                .body("errors.field", hasItem(named));
        assertEquals(v, version(org), "nothing stored");
    }

    @Test
    void theSecretariatCorrectsWhereNobodyAdministers() {
        long minato = TestSupport.orgId(ds, "aomori-minato");
        int v = as("admin").get("/api/organizations/" + minato).then().statusCode(200).extract().jsonPath().getInt("version");
        json("admin").body(profile(v, "address", "青森県（架空）")).put("/api/organizations/" + minato).then().statusCode(200);
        json("minato").body(profile(v + 1)).put("/api/organizations/" + minato).then().statusCode(403);
    }

    @ParameterizedTest(name = "{0} registers a {1} in prefecture {2} → {3}")
    @CsvSource({
            "bridge, TRANSITION_SUPPORT, 47, 201", "bridge, TRANSITION_SUPPORT, 13, 403", "bridge, NAKAPOTSU, 47, 403",
            "minato, TRANSITION_SUPPORT, 2, 403", "partner, TRANSITION_SUPPORT, 47, 403", "admin, NAKAPOTSU, 13, 201",
            "sysadmin, OTHER, 13, 403", "anonymous, OTHER, 13, 401"
    })
    void whoRegisters(String who, String type, int prefecture, int status) {
        long before = TestSupport.count(ds, "organization");
        String name = "登録確認の事業所 " + UUID.randomUUID().toString().substring(0, 6);
        var r = json(who).body(Map.of("name", name, "type", type, "prefectureCode", prefecture)).post("/api/organizations")
                .then().statusCode(status);
        assertEquals(before + (status == 201 ? 1 : 0), TestSupport.count(ds, "organization"));
        if (status == 201) {
            long id = r.extract().jsonPath().getLong("id");
            boolean byLead = !"admin".equals(who);
            r.body("confirmed", equalTo(!byLead));
            if (byLead) {
                as("bridge").post("/api/organizations/" + id + "/confirm").then().statusCode(404);
                as("admin").post("/api/organizations/" + id + "/confirm").then().statusCode(204);
                assertEquals(1, TestSupport.id(ds, "SELECT count(*) FROM organization WHERE id = ? AND confirmed", id));
            }
        }
    }

    @Test
    void badRegistrationsAreNamed() {
        long before = TestSupport.count(ds, "organization");
        json("admin").body(Map.of("type", "OTHER", "prefectureCode", 13)).post("/api/organizations").then().statusCode(400)
                .body("errors.field", hasItem("name"));
        json("admin").body(Map.of("name", "x", "type", "CASTLE", "prefectureCode", 48)).post("/api/organizations").then().statusCode(400)
                .body("errors.field", hasItem("type")).body("errors.field", hasItem("prefectureCode"));
        json("admin").body("{").post("/api/organizations").then().statusCode(400);
        assertEquals(before, TestSupport.count(ds, "organization"));
    }
}
