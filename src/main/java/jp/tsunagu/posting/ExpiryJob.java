package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.platform.time.JapaneseCalendar;

/**
 * Closes open postings whose expiry date (Tokyo) has passed. One UPDATE with the condition in
 * its WHERE clause: several application instances running it at once close each posting once
 * and never touch anything else.
 */
@ApplicationScoped
public class ExpiryJob {

    @Scheduled(cron = "{tsunagu.jobs.posting-expiry.cron}", timeZone = "Asia/Tokyo", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }

    /** Closes what expired before today (Tokyo); answers how many it closed. */
    public Uni<Integer> run() {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE posting SET status = 'CLOSED', closed_reason = 'EXPIRED', closed_at = now(), updated_at = now(),"
                                + " version = version + 1 WHERE status = 'OPEN' AND expires_on < ?1")
                .setParameter(1, JapaneseCalendar.today()).executeUpdate()));
    }
}
