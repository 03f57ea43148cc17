package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.meeting.MeetingNotices.Kind;
import jp.tsunagu.meeting.MeetingNotices.OutMail;
import jp.tsunagu.platform.web.ProblemException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Reminds invitees a day before a scheduled meeting. Each meeting is claimed by one atomic
 * UPDATE … WHERE reminder_sent_at IS NULL … RETURNING, so even with several application
 * instances (or overlapping runs) the reminder goes out exactly once.
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    @Inject
    MeetingNotices notices;

    @Scheduled(cron = "{tsunagu.jobs.reminders.cron}", timeZone = "Asia/Tokyo",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().onFailure().invoke(e -> LOG.warnf("Reminder run failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One run: claims due meetings, prepares their reminders in the same transaction, sends after commit. */
    public Uni<Integer> run() {
        return claim().chain(mails -> notices.send(mails).replaceWith(mails.size()));
    }

    @WithTransaction
    Uni<List<OutMail>> claim() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE meeting SET reminder_sent_at = now() WHERE status = 'SCHEDULED' AND reminder_sent_at IS NULL"
                                + " AND starts_at > now() AND starts_at <= now() + interval '24 hours' RETURNING id", Long.class)
                .getResultList())
                .chain(ids -> {
                    Uni<List<OutMail>> chain = Uni.createFrom().item(new ArrayList<>());
                    for (Long id : ids) {
                        chain = chain.chain(acc -> Meeting.<Meeting>findById(id).chain(m -> MeetingVenue.<MeetingVenue>list(
                                "meetingId = ?1 order by position", id).chain(venues -> Invitee.<Invitee>list(
                                "meetingId = ?1 and revokedAt is null and response <> 'DECLINED' order by id", id)
                                .chain(invs -> notices.prepare(m, venues, invs, Kind.REMINDER))))
                                // one meeting's bad data must not hold back every other meeting's reminders
                                .onFailure(e -> !(e instanceof ProblemException pe && pe.status() == 503))
                                .recoverWithItem(e -> {
                                    LOG.warnf("Reminders for meeting %d could not be prepared: %s", id, e.toString());
                                    return List.<OutMail>of();
                                }).map(mails -> {
                            acc.addAll(mails);
                            return acc;
                        }));
                    }
                    return chain;
                });
    }
}
