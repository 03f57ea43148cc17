package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.web.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The platform's sender is not a mass mailer: the mails about the meetings an organization hosts
 * (invitations and the notices of a change, confirmation or cancellation) count against that
 * organization's budget for the Tokyo day, {@code tsunagu.mail.per-organization-per-day}. The
 * count is one row per organization and day, raised by an upsert inside the caller's transaction,
 * so parallel invitations cannot pass the cap together, and a refused batch is rolled back with it.
 * The secretariat's own meetings (the national seminars) are exempt.
 */
@ApplicationScoped
public class MailQuota {

    @ConfigProperty(name = "tsunagu.mail.per-organization-per-day", defaultValue = "300")
    int perOrganizationPerDay;

    /** Counts {@code mails} against the host's budget (call inside the transaction); 429 when over. */
    Uni<Void> charge(Meeting m, int mails) {
        if (mails <= 0 || m.hostOrgId == null) {
            return Uni.createFrom().voidItem();
        }
        LocalDate today = JapaneseCalendar.today();
        // one statement: no row comes back for the secretariat's meetings, which are exempt
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "INSERT INTO mail_quota (organization_id, day, sent) SELECT o.id, ?2, ?3 FROM organization o"
                                + " WHERE o.id = ?1 AND o.org_type <> 'NATIONAL_NETWORK'"
                                + " ON CONFLICT (organization_id, day) DO UPDATE SET sent = mail_quota.sent + EXCLUDED.sent"
                                + " RETURNING sent", Integer.class)
                .setParameter(1, m.hostOrgId).setParameter(2, today).setParameter(3, mails).getResultList())
                        .map(rows -> rows.isEmpty() ? 0 : rows.get(0))
                        .map(sent -> {
                            if (sent > perOrganizationPerDay) {
                                Instant tomorrow = today.plusDays(1).atStartOfDay(JapaneseCalendar.TOKYO).toInstant();
                                long retry = Duration.between(Instant.now(), tomorrow).toSeconds() + 1;
                                throw ProblemException.withHeader(429, "mail-daily-cap", "Retry-After", Long.toString(retry),
                                        perOrganizationPerDay, Math.max(0, perOrganizationPerDay - (sent - mails)));
                            }
                            return null;
                        });
    }
}
