package jp.tsunagu.pairing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Who may see and do what in the pairing program, endpoint by endpoint and role by role, on the
 * FY2023 demo pairs: トータス × みなと (tortoise@ lead, minato@ staff), のいける × あいらいさ (noikeru@
 * lead, advisor@ assigned), and outsiders (bridge@ of another pair, partner@, sysadmin@).
 */
@QuarkusTest
class PairingAccessTest {

    @Inject
    AgroalDataSource ds;

    long program;
    long tortoisePair;
    long noikeruPair;
    long tortoiseApp;

    @BeforeEach
    void ids() {
        program = TestSupport.id(ds, "SELECT id FROM program WHERE fiscal_year = 2023");
        tortoisePair = TestSupport.id(ds, "SELECT x.id FROM pairing x JOIN organization o ON o.id = x.implementing_id WHERE o.code = 'gunma-tortoise'");
        noikeruPair = TestSupport.id(ds, "SELECT x.id FROM pairing x JOIN organization o ON o.id = x.implementing_id WHERE o.code = 'hokkaido-noikeru'");
        tortoiseApp = TestSupport.id(ds, "SELECT a.id FROM application a JOIN organization o ON o.id = a.center_id WHERE o.code = 'gunma-tortoise'");
    }

    static String token(String who) {
        return TestSupport.token(TestSupport.email(who));
    }

    static io.restassured.specification.RequestSpecification as(String who) {
        return TestSupport.as(who);
    }

    String path(String template) {
        return template.replace("{program}", String.valueOf(program)).replace("{pair1}", String.valueOf(tortoisePair))
                .replace("{pair5}", String.valueOf(noikeruPair)).replace("{app1}", String.valueOf(tortoiseApp));
    }

    @ParameterizedTest(name = "{0} GET {1} → {2}")
    @CsvSource({
            // programs and the list of pairs: every signed-in member
            "anonymous, /api/programs, 401", "partner, /api/programs, 200", "sysadmin, /api/programs, 200",
            "anonymous, /api/pairings, 401", "partner, /api/pairings?program={program}, 200", "advisor, /api/pairings, 200",
            "anonymous, /api/programs/{program}, 401", "minato, /api/programs/{program}, 200",
            // an application: its center and the secretariat
            "admin, /api/programs/{program}/applications/{app1}, 200", "tortoise, /api/programs/{program}/applications/{app1}, 200",
            "minato, /api/programs/{program}/applications/{app1}, 404", "bridge, /api/programs/{program}/applications/{app1}, 404",
            "partner, /api/programs/{program}/applications/{app1}, 404", "advisor, /api/programs/{program}/applications/{app1}, 404",
            "sysadmin, /api/programs/{program}/applications/{app1}, 404", "anonymous, /api/programs/{program}/applications/{app1}, 401",
            // matching and the national view: the secretariat only
            "admin, /api/programs/{program}/candidates?application={app1}, 200",
            "tortoise, /api/programs/{program}/candidates?application={app1}, 404",
            "sysadmin, /api/programs/{program}/candidates?application={app1}, 404",
            "advisor, /api/programs/{program}/candidates?application={app1}, 404",
            "anonymous, /api/programs/{program}/candidates?application={app1}, 401",
            "admin, /api/programs/{program}/overview, 200", "tortoise, /api/programs/{program}/overview, 404",
            "sysadmin, /api/programs/{program}/overview, 404", "advisor, /api/programs/{program}/overview, 404",
            "admin, /api/programs/{program}/overview.csv, 200", "minato, /api/programs/{program}/overview.csv, 404",
            "partner, /api/programs/{program}/overview.csv, 404", "anonymous, /api/programs/{program}/overview.csv, 401",
            // a pair workspace: its two centers, the secretariat and its assigned advisor
            "admin, /api/pairings/{pair1}, 200", "tortoise, /api/pairings/{pair1}, 200", "minato, /api/pairings/{pair1}, 200",
            "bridge, /api/pairings/{pair1}, 404", "partner, /api/pairings/{pair1}, 404", "sysadmin, /api/pairings/{pair1}, 404",
            "advisor, /api/pairings/{pair1}, 404", "anonymous, /api/pairings/{pair1}, 401",
            "advisor, /api/pairings/{pair5}, 200", "noikeru, /api/pairings/{pair5}, 200", "tortoise, /api/pairings/{pair5}, 404",
            "minato, /api/pairings/{pair1}/milestones, 200", "bridge, /api/pairings/{pair1}/milestones, 404",
            "sysadmin, /api/pairings/{pair1}/milestones, 404",
            "tortoise, /api/pairings/{pair1}/visits, 200", "partner, /api/pairings/{pair1}/visits, 404",
            "advisor, /api/pairings/{pair5}/assessments, 200", "advisor, /api/pairings/{pair1}/assessments, 404",
            "csa, /api/pairings/{pair5}/assessments, 404",
            // the same rules on the pages
            "tortoise, /pairings/{pair1}, 200", "bridge, /pairings/{pair1}, 404", "sysadmin, /pairings/{pair1}, 404",
            "admin, /programs/{program}/overview, 200", "tortoise, /programs/{program}/overview, 404",
            "admin, /programs/{program}/applications/{app1}, 200", "minato, /programs/{program}/applications/{app1}, 404",
            "partner, /programs/{program}, 200", "partner, /programs, 200"
    })
    void reads(String who, String template, int status) {
        as(who).redirects().follow(false).get(path(template)).then().statusCode(status);
    }

    @Test
    void applicationListsAreScopedToTheViewersCenter() {
        as("admin").get(path("/api/programs/{program}/applications")).then().statusCode(200).body("$", hasSize(6));
        as("tortoise").get(path("/api/programs/{program}/applications")).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].center.name", equalTo("障害者就業・生活支援センター トータス"));
        as("partner").get(path("/api/programs/{program}/applications")).then().statusCode(200).body("$", hasSize(0));
        as("sysadmin").get(path("/api/programs/{program}/applications")).then().statusCode(200).body("$", hasSize(0));
        // the pair list (with themes) is for everyone signed in
        as("partner").get(path("/api/pairings?program={program}")).then().statusCode(200).body("$", hasSize(6));
    }

    @ParameterizedTest(name = "{0} writes {1} → {2}")
    @CsvSource({
            "tortoise, program, 403", "partner, program, 403", "sysadmin, program, 403", "anonymous, program, 401",
            "advisor, milestone5, 403", "partner, milestone1, 404", "sysadmin, milestone1, 404", "bridge, milestone1, 404",
            "advisor, assessment5, 403", "sysadmin, assessment1, 404", "anonymous, assessment1, 401",
            "minato, pair1, 403", "tortoise, pair1, 403", "advisor, visit5, 403", "partner, visit1, 404",
            "tortoise, createPair, 404", "sysadmin, createPair, 404"
    })
    void writesAreRefused(String who, String what, int status) {
        long milestone1 = TestSupport.id(ds, "SELECT id FROM pairing_milestone WHERE pairing_id = ? AND position = 1", tortoisePair);
        long milestone5 = TestSupport.id(ds, "SELECT id FROM pairing_milestone WHERE pairing_id = ? AND position = 1", noikeruPair);
        long before = TestSupport.count(ds, "pairing_visit") + TestSupport.count(ds, "program") + TestSupport.count(ds, "pairing");
        var spec = as(who).contentType(ContentType.JSON);
        var response = switch (what) {
            case "program" -> spec.body(Map.of("fiscalYear", 2030, "name", "x", "callOpens", "2030-05-01",
                    "callCloses", "2030-05-31", "implementationStart", "2030-06-01", "implementationEnd", "2030-12-01"))
                    .post("/api/programs");
            case "milestone1" -> spec.body(Map.of("status", "PLANNED", "version", 0))
                    .put("/api/pairings/" + tortoisePair + "/milestones/" + milestone1);
            case "milestone5" -> spec.body(Map.of("status", "PLANNED", "version", 0))
                    .put("/api/pairings/" + noikeruPair + "/milestones/" + milestone5);
            case "assessment1" -> spec.body(Map.of("version", 0, "items", List.of(Map.of("label", "x", "before", 1))))
                    .put("/api/pairings/" + tortoisePair + "/assessments");
            case "assessment5" -> spec.body(Map.of("version", 0, "items", List.of(Map.of("label", "x", "before", 1))))
                    .put("/api/pairings/" + noikeruPair + "/assessments");
            case "pair1" -> spec.body(Map.of("status", "CLOSED", "version", 0)).put("/api/pairings/" + tortoisePair);
            case "visit1" -> spec.body(Map.of("direction", "TO_SUPPORTING", "title", "x", "startOn", "2023-10-01"))
                    .post("/api/pairings/" + tortoisePair + "/visits");
            case "visit5" -> spec.body(Map.of("direction", "TO_SUPPORTING", "title", "x", "startOn", "2023-10-01"))
                    .post("/api/pairings/" + noikeruPair + "/visits");
            default -> spec.body(Map.of("programId", program, "applicationId", tortoiseApp, "supportingId", 1))
                    .post("/api/pairings");
        };
        response.then().statusCode(status);
        long after = TestSupport.count(ds, "pairing_visit") + TestSupport.count(ds, "program") + TestSupport.count(ds, "pairing");
        org.junit.jupiter.api.Assertions.assertEquals(before, after, "nothing stored");
    }
}
