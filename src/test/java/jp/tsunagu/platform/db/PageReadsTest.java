package jp.tsunagu.platform.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jp.tsunagu.notification.Notification;
import jp.tsunagu.support.TestSupport;
import org.hibernate.FlushMode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A page's reads run without the flush before each query; writes in the same session are still stored. */
@QuarkusTest
class PageReadsTest {

    @Inject
    AgroalDataSource ds;

    long notification() {
        long account = TestSupport.accountId(ds, TestSupport.email("bridge"));
        return TestSupport.id(ds, "INSERT INTO notification (account_id, title_ja, title_en, link) VALUES (?, 'テスト', 'Test', '/')"
                + " RETURNING id", account);
    }

    static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(work));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theReadsRunWithoutFlushBeforeQueriesAndTheSessionGetsItsModeBack() {
        long id = notification();
        List<FlushMode> modes = new ArrayList<>();
        await(() -> Panache.getSession().invoke(s -> modes.add(s.getFlushMode()))
                .chain(() -> PageReads.read(() -> Notification.<Notification>findById(id)
                        .chain(n -> {
                            // a change no one flushes: the next query does not write it first
                            n.readAt = Instant.now();
                            return Notification.count("id = ?1 and readAt is not null", id);
                        })
                        .invoke(count -> assertEquals(0L, count, "the query saw a flushed change"))
                        .chain(() -> Panache.getSession()).invoke(s -> modes.add(s.getFlushMode()))))
                .chain(() -> Panache.getSession()).invoke(s -> {
                    modes.add(s.getFlushMode());
                    s.clear();  // the test's change is not to be written when the session closes
                }));
        assertEquals(List.of(FlushMode.AUTO, FlushMode.COMMIT, FlushMode.AUTO), modes);
        assertNull(TestSupport.text(ds, "SELECT read_at::text FROM notification WHERE id = ?", id));
    }

    @Test
    void aTransactionInTheSameSessionStillWritesWhenItCommits() {
        long id = notification();
        await(() -> PageReads.read(() -> Panache.withTransaction(() -> Notification.<Notification>findById(id)
                .invoke(n -> n.readAt = Instant.now()))));
        assertNotNull(TestSupport.text(ds, "SELECT read_at::text FROM notification WHERE id = ?", id));
    }

    @Test
    void theModeComesBackWhenTheReadsFail() {
        List<FlushMode> modes = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> await(() -> PageReads.read(
                        () -> Uni.createFrom().<Long>failure(new IllegalArgumentException("the page failed")))
                .onFailure().call(() -> Panache.getSession().invoke(s -> modes.add(s.getFlushMode())))));
        assertEquals(List.of(FlushMode.AUTO), modes);
        // reads that throw before they return a Uni
        List<FlushMode> after = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> await(() -> PageReads.<Long>read(() -> {
                    throw new IllegalArgumentException("the page failed at once");
                })
                .onFailure().call(() -> Panache.getSession().invoke(s -> after.add(s.getFlushMode())))));
        assertEquals(List.of(FlushMode.AUTO), after);
    }
}
