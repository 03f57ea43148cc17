package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Deletes seminar registrants' personal data (name, e-mail, organization name; their link stops
 * working) a set time after the seminar: {@code registrant_days}, else
 * {@code tsunagu.seminar.registrant-days} (180). One statement claims the seminars due and clears
 * their registrants, so it happens once whatever runs it (several instances, overlapping runs).
 * The organization type, the answer and attendance stay, for the counts.
 */
@ApplicationScoped
public class SeminarRetentionJob {

    private static final Logger LOG = Logger.getLogger(SeminarRetentionJob.class);

    @ConfigProperty(name = "tsunagu.seminar.registrant-days", defaultValue = "180")
    int defaultDays;

    @Scheduled(every = "{tsunagu.seminar-retention.every:1h}", delayed = "{tsunagu.seminar-retention.delay:3m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().onFailure().invoke(e -> LOG.warnf("Seminar retention run failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One run: the number of registrants whose personal data was deleted. */
    public Uni<Integer> run() {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "WITH due AS (UPDATE meeting SET registrants_purged_at = now() WHERE public_registration"
                                + " AND registrants_purged_at IS NULL AND coalesce(ends_at, starts_at) IS NOT NULL"
                                + " AND coalesce(ends_at, starts_at) + make_interval(days => coalesce(registrant_days, ?1)) < now()"
                                + " RETURNING id)"
                                + " UPDATE meeting_invitee i SET name = '（削除済み）', email = 'purged-' || i.id || '@deleted.invalid',"
                                + " organization_name = NULL, token_hash = 'purged-' || i.id, previous_token_hash = NULL,"
                                + " poll_comment = NULL, revoked_at = coalesce(i.revoked_at, now()), purged_at = now()"
                                + " FROM due WHERE i.meeting_id = due.id AND i.registered AND i.purged_at IS NULL RETURNING i.id", Long.class)
                .setParameter(1, defaultDays).getResultList()))
                .map(List::size)
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("Deleted the personal data of %d seminar registrants", n);
                    }
                });
    }
}
