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
 * The registrants' rows stay, revoked (so no mail reaches them and they count as no one's seat),
 * with their organization type and questionnaire answers for the counts by group; the names on
 * the attendance list are cleared with them. Claimed by its registrants, not by the public flag,
 * so closing the page does not keep the data.
 */
@ApplicationScoped
public class SeminarRetentionJob {

    private static final Logger LOG = Logger.getLogger(SeminarRetentionJob.class);

    @ConfigProperty(name = "tsunagu.seminar.registrant-days", defaultValue = "180")
    int defaultDays;

    @Scheduled(cron = "{tsunagu.jobs.seminar-retention.cron}", timeZone = "Asia/Tokyo",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().onFailure().invoke(e -> LOG.warnf("Seminar retention run failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One run: the number of registrants whose personal data was deleted. */
    public Uni<Integer> run() {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "WITH due AS (UPDATE meeting m SET registrants_purged_at = now() WHERE coalesce(m.ends_at, m.starts_at) IS NOT NULL"
                                + " AND coalesce(m.ends_at, m.starts_at) + make_interval(days => coalesce(m.registrant_days, ?1)) < now()"
                                + " AND EXISTS (SELECT 1 FROM meeting_invitee r WHERE r.meeting_id = m.id AND r.registered AND r.purged_at IS NULL)"
                                + " RETURNING m.id),"
                                + " gone AS (UPDATE meeting_invitee i SET name = '（削除済み）', email = 'purged-' || i.id || '@deleted.invalid',"
                                + " organization_name = NULL, token_hash = 'purged-' || i.id, previous_token_hash = NULL,"
                                + " registration_ip_hash = NULL, poll_comment = NULL, revoked_at = coalesce(i.revoked_at, now()), purged_at = now()"
                                + " FROM due WHERE i.meeting_id = due.id AND i.registered AND i.purged_at IS NULL RETURNING i.id),"
                                + " names AS (UPDATE attendance a SET name = '（削除済み）' FROM gone WHERE a.invitee_id = gone.id RETURNING a.id)"
                                + " SELECT id FROM gone", Long.class)
                .setParameter(1, defaultDays).getResultList()))
                .map(List::size)
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("Deleted the personal data of %d seminar registrants", n);
                    }
                });
    }
}
