package jp.tsunagu.survey;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.platform.time.JapaneseCalendar;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends a survey's automatic reminder on its day ({@code remind_on}, Tokyo) to those who have not
 * answered. Each survey is claimed by one UPDATE … WHERE reminder_claimed_at IS NULL … RETURNING,
 * and its recipients are taken FOR UPDATE SKIP LOCKED, so two runs at once (two instances,
 * overlapping runs, a manual reminder meanwhile) remind each office once.
 */
@ApplicationScoped
public class SurveyReminderJob {

    private static final Logger LOG = Logger.getLogger(SurveyReminderJob.class);

    @Inject
    SurveyWrites writes;

    @Inject
    SurveyAccess access;

    @Inject
    SurveyMails mails;

    @Scheduled(cron = "{tsunagu.jobs.survey-reminders.cron}", timeZone = "Asia/Tokyo",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().onFailure().invoke(e -> LOG.warnf("Survey reminder run failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One run: claims the surveys due, prepares their reminders in the same transaction, sends after commit. */
    public Uni<Integer> run() {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE survey SET reminder_claimed_at = now() WHERE status = 'SENT' AND reminder_claimed_at IS NULL"
                                + " AND remind_on <= ?1 AND deadline >= ?1 RETURNING id", Long.class)
                .setParameter(1, JapaneseCalendar.today()).getResultList())
                .chain(ids -> {
                    Uni<List<SurveyMails.OutMail>> all = Uni.createFrom().item(new ArrayList<>());
                    for (Long id : ids) {
                        all = all.chain(out -> access.load(id, false).chain(writes::remindOpen).map(sent -> {
                            out.addAll(sent.mails());
                            return out;
                        }));
                    }
                    return all;
                }))
                .chain(out -> mails.send(out).replaceWith(out.size()));
    }
}
