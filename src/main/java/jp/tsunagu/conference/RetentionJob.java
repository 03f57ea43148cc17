package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Deletes the case sheet, its support team and the board of every conference whose retention
 * period has ended, and marks the conference (its learnings and read log stay). One statement:
 * the UPDATE claims the due conferences (a row another instance is claiming waits for it, then no
 * longer matches), and the deletes in the same statement remove exactly their material.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @jakarta.inject.Inject
    BoardNotices notices;

    @Scheduled(cron = "{tsunagu.jobs.case-retention.cron}", timeZone = "Asia/Tokyo", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run(Instant.now()).invoke(ids -> {
            if (!ids.isEmpty()) {
                LOG.infof("Deleted the case material of conferences %s (retention period over)", ids);
            }
        }).replaceWithVoid();
    }

    /** Deletes what is due at {@code now}; answers the conferences whose material it deleted. */
    public Uni<List<Long>> run(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "WITH due AS (UPDATE conference SET materials_deleted_at = ?1, current_phase = NULL,"
                                + " phase_started_at = NULL, version = version + 1 WHERE materials_deleted_at IS NULL"
                                + " AND least(coalesce(purge_after, 'infinity'::timestamptz), starts_at + make_interval(mins => duration_minutes)"
                                + " + make_interval(days => retention_days)) <= ?1 RETURNING id),"
                                + " team AS (DELETE FROM case_team_member WHERE conference_id IN (SELECT id FROM due)),"
                                + " sheet AS (DELETE FROM case_sheet WHERE conference_id IN (SELECT id FROM due)),"
                                + " board AS (DELETE FROM board_entry WHERE conference_id IN (SELECT id FROM due))"
                                + " SELECT id FROM due ORDER BY id", Long.class)
                .setParameter(1, at).getResultList()).call(ids -> notices.changed(ids)));
    }
}
