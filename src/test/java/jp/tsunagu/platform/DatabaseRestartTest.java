package jp.tsunagu.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL restarts under write load: every acknowledged write is present afterwards, no request
 * answers 500 (503 with Retry-After while the database is away), and readiness is back within 2 s of
 * the database. Run by .ci/run against the machine's PostgreSQL 15, which it may stop and start
 * (system properties {@code tsunagu.test.pg-stop} and {@code tsunagu.test.pg-start}); skipped elsewhere.
 */
@QuarkusTest
@Tag("restart")
class DatabaseRestartTest {

    @Inject
    AgroalDataSource ds;

    @Test
    void writesSurviveARestartWithout500AndReadinessComesBack() throws Exception {
        String stop = System.getProperty("tsunagu.test.pg-stop");
        String start = System.getProperty("tsunagu.test.pg-start");
        Assumptions.assumeTrue(stop != null && start != null, "needs a PostgreSQL this test may stop and start");
        String token = TestSupport.token("chiba@demo.tsunagu.jp");
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> bad = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        for (int w = 0; w < writers; w++) {
            int writer = w;
            pool.submit(() -> {
                int n = 0;
                while (running.get()) {
                    n++;
                    try {
                        // a draft posting of the writer's own center: a real write with its own id
                        Response r = given().auth().oauth2(token).contentType(ContentType.JSON)
                                .body(Map.of("kind", "JOB", "title", "再起動中の求人 " + writer + "-" + n, "companyName",
                                        "株式会社再起動テスト", "prefectureCode", 12, "jobCategory", "OFFICE", "source", "COMPANY"))
                                .post("/api/postings");
                        statuses.merge(r.statusCode(), 1, Integer::sum);
                        if (r.statusCode() == 201) {
                            acknowledged.add(r.jsonPath().getLong("id"));
                        } else if (r.statusCode() == 503) {
                            if (r.getHeader("Retry-After") == null || !r.getContentType().contains("problem+json")) {
                                bad.add("503 without Retry-After or problem+json");
                            }
                        } else if (r.statusCode() >= 500) {
                            bad.add(r.statusCode() + ": " + r.asString());
                        }
                    } catch (Exception e) {  // REST Assured throws the checked ones unchecked
                        // the HTTP side itself failing is not an answer; count it apart
                        statuses.merge(-1, 1, Integer::sum);
                    }
                }
                return null;
            });
        }
        Thread.sleep(3000);
        long before = acknowledged.size();
        run(stop);
        Thread.sleep(3000);
        run(start);
        long dbUp = waitForPort(30_000);
        long readyAfter = -1;
        for (int i = 0; i < 100; i++) {
            int status = TestSupport.management().get("/q/health/ready").statusCode();
            if (status == 200) {
                readyAfter = System.currentTimeMillis() - dbUp;
                break;
            }
            Thread.sleep(50);
        }
        Thread.sleep(3000);
        running.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        System.out.printf("Restart under load: %d acknowledged writes (%d before the stop), statuses %s, ready %d ms after the database%n",
                acknowledged.size(), before, statuses, readyAfter);
        assertEquals(List.of(), bad, "no 500 while the database restarts");
        assertTrue(readyAfter >= 0 && readyAfter <= 2000, "readiness back within 2 s of the database: " + readyAfter + " ms");
        assertTrue(statuses.getOrDefault(201, 0) > before, "writes went on after the restart");
        // every acknowledged write is there
        long missing = 0;
        for (Long id : acknowledged) {
            if (TestSupport.id(ds, "SELECT count(*) FROM posting WHERE id = ?", id) != 1) {
                missing++;
            }
        }
        assertEquals(0, missing, "acknowledged writes lost");
    }

    private static void run(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command);
        assertEquals(0, p.exitValue(), command);
    }

    /** Waits until PostgreSQL accepts connections again; answers the time it did. */
    private static long waitForPort(long timeoutMillis) throws InterruptedException {
        long until = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < until) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", 5432), 200);
                // accepting TCP is not accepting queries: wait for the server to answer one
                Process p = new ProcessBuilder("pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432").start();
                if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return System.currentTimeMillis();
                }
            } catch (java.io.IOException e) {
                // not yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("PostgreSQL did not come back");
    }
}
