package jp.tsunagu.directory;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;

/**
 * The prefectures are read once per instance, by whichever page asks first: after a start or a
 * rolling update that may be the postings list, which asks before it opens a database session.
 */
@QuarkusTest
class PrefecturesTest {

    @Inject
    Prefectures prefectures;

    /** As just after a start: nothing read yet. */
    void forget() throws ReflectiveOperationException {
        var field = Prefectures.class.getDeclaredField("byCode");
        field.setAccessible(true);
        field.set(io.quarkus.arc.ClientProxy.unwrap(prefectures), null);
    }

    @Test
    void thePostingsListIsTheFirstPageAfterAStart() throws Exception {
        for (String page : new String[] {"/postings", "/postings?q=%E6%B8%85%E6%8E%83", "/api/postings"}) {
            forget();
            TestSupport.as("bridge").accept(page.startsWith("/api") ? "application/json" : "text/html").get(page)
                    .then().statusCode(200);
        }
        forget();
        TestSupport.as("bridge").accept("text/html").get("/postings").then().statusCode(200).body(containsString("沖縄県"));
    }
}
