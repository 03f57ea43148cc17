package jp.tsunagu.platform;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.support.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What operations read: every answer carries a request id (the proxy's, when it is well formed);
 * the metrics name each route's latency by its template, the database pool, the scheduled jobs'
 * runs and the live sockets.
 */
@QuarkusTest
class OperationsTest {

    @Test
    void everyAnswerCarriesARequestId() {
        given().get("/login").then().header("X-Request-Id", matchesPattern("^[0-9a-f]{24}$"));
        given().header("X-Request-Id", "proxy-7f3a.01_x").get("/login").then().header("X-Request-Id", equalTo("proxy-7f3a.01_x"));
        // one that is not an id (too long, odd characters, a line break attempt) is replaced
        for (String odd : new String[] {"x".repeat(65), "a b", "<script>", "a\tb"}) {
            given().header("X-Request-Id", odd).get("/login").then().header("X-Request-Id", matchesPattern("^[0-9a-f]{24}$"));
        }
        as("bridge").get("/api/pairings/999999999").then().statusCode(404).header("X-Request-Id", matchesPattern("^[0-9a-f]{24}$"));
    }

    @Test
    void healthMetricsAndTheApiDocumentAreOnlyOnTheManagementPort() {
        // the public port (what the ingress forwards) does not have them
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/ready", "/q/health/live", "/q/health/started",
                "/q/openapi", "/q/openapi?format=json", "/q/swagger-ui", "/q/dev-ui", "/q/", "/q/metrics/../health"}) {
            int status = given().redirects().follow(false).get(path).statusCode();
            assertTrue(status == 404, path + " on the public port: " + status);
        }
        // the management port does
        TestSupport.management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        TestSupport.management().get("/q/health/live").then().statusCode(200);
        TestSupport.management().get("/q/health/started").then().statusCode(200);
        TestSupport.management().get("/q/metrics").then().statusCode(200);
        TestSupport.management().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Tsunagu API"));
    }

    @Test
    void theMetricsNameRoutesThePoolTheJobsAndTheLiveSockets() throws Exception {
        as("bridge").get("/api/me").then().statusCode(200);
        as("bridge").get("/api/pairings/999999999").then().statusCode(404);
        // paths that match no route, as a scanner sends them: never labels of their own
        given().get("/wp-admin/zz-junk-setup.php").then().statusCode(404);
        given().get("/api/zz-junk-" + System.nanoTime()).then().statusCode(404);
        given().contentType("application/json").body("{").post("/zz-junk/login.action").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        String metrics = "";
        long until = System.currentTimeMillis() + 10_000;
        // the live documents' sweeps run every second: their runs are counted once they ran
        while (System.currentTimeMillis() < until) {
            metrics = TestSupport.management().get("/q/metrics").then().statusCode(200).extract().asString();
            if (metrics.contains("scheduled_methods")) {
                break;
            }
            Thread.sleep(200);
        }
        String m = metrics;
        assertTrue(m.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count") && l.contains("uri=\"/api/me\"")),
                () -> "route latency by template: " + m.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).toList());
        assertTrue(m.lines().noneMatch(l -> l.contains("999999999")), "ids are not labels: the route's template is");
        assertTrue(m.lines().noneMatch(l -> l.contains("zz-junk")), "a path that matched no route is not a label");
        assertTrue(m.contains("scheduled_methods"), "scheduled job runs");
        assertTrue(m.contains("tsunagu_live_connections{document=\"minutes\"") && m.contains("tsunagu_live_connections{document=\"board\""),
                "live sockets");
        // the reactive pool the application uses (in use, idle, waiting) and Flyway's JDBC pool
        for (String pool : new String[] {"sql_pool_active", "sql_pool_idle", "postgresql_queue_size", "agroal_active_count",
                // and what the chart's dashboard draws besides
                "http_server_requests_seconds_bucket", "jvm_memory_used_bytes", "process_cpu_usage", "scheduled_methods_seconds_count"}) {
            assertTrue(m.lines().anyMatch(l -> l.startsWith(pool)), pool);
        }
    }
}
