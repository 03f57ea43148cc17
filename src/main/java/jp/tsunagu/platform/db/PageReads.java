package jp.tsunagu.platform.db;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.FlushMode;

import java.util.function.Supplier;

/**
 * The first step of a page that only reads: the session stops flushing before each query.
 * <p>
 * With Hibernate's default (AUTO), every query first walks every entity the session has loaded
 * (Hibernate Reactive cascades each one through a chain of futures) to see whether something must
 * be written first. A list page loads hundreds of entities and sends several queries, so at
 * national scale that walk was a quarter of the meetings page's CPU. A page read changes nothing it
 * loads, so nothing is pending: COMMIT leaves queries alone and still flushes when a transaction
 * in the same session commits (a sensitive read's log entry, for example, is written as before).
 * Only for services that change no loaded entity; a write use case keeps the default. The mode is
 * the session's again once the reads are done.
 */
public final class PageReads {

    private PageReads() {
    }

    /**
     * Runs a page's reads without the flush before each query, and gives the session its flush mode
     * back afterwards (call inside {@code @WithSession}).
     */
    public static <T> Uni<T> read(Supplier<Uni<T>> reads) {
        return Panache.getSession().chain(s -> {
            FlushMode before = s.getFlushMode();
            s.setFlushMode(FlushMode.COMMIT);
            // deferred: a read that throws at once still gives the mode back
            return Uni.createFrom().<T>deferred(reads::get).eventually(() -> s.setFlushMode(before));
        });
    }
}
