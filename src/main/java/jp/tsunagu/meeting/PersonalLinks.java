package jp.tsunagu.meeting;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.meeting.MeetingTerms.Status;
import jp.tsunagu.platform.security.SecretTokens;
import jp.tsunagu.platform.web.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;

/**
 * Personal links: the invitation a link stands for, and how long it keeps working, so that people without an
 * account can take part.
 */
@ApplicationScoped
public class PersonalLinks {

    /** What a personal link resolves to. */
    public record Personal(Invitee invitee, Meeting meeting) {
    }

    /** A personal link ends this many days after its meeting (after its creation while it has no date). */
    @ConfigProperty(name = "tsunagu.personal-link.days-after-meeting", defaultValue = "30")
    int linkDays;

    boolean expired(Meeting m, Instant now) {
        Instant end = m.endsAt != null ? m.endsAt : m.startsAt != null ? m.startsAt : m.createdAt;
        // a meeting still being scheduled keeps its links until it is dated (then the clock starts)
        if (m.startsAt == null && m.status == Status.SCHEDULING) {
            end = m.createdAt.plus(Duration.ofDays(365));
        }
        return end != null && end.plus(Duration.ofDays(linkDays)).isBefore(now);
    }

    /**
     * The invitation a personal link stands for. Unknown (or replaced twice over) → 404 with a
     * clear message; revoked by the organizer → 410.
     */
    Uni<Personal> byToken(String token) {
        if (!SecretTokens.wellFormed(token)) {
            throw new ProblemException(404, "poll-link-unknown");
        }
        String hash = SecretTokens.hash(token);
        return Invitee.<Invitee>find("tokenHash = ?1 or previousTokenHash = ?1", hash).firstResult().chain(i -> {
            if (i == null) {
                throw new ProblemException(404, "poll-link-unknown");
            }
            if (i.revokedAt != null) {
                throw new ProblemException(410, "poll-link-revoked");
            }
            return Meeting.<Meeting>findById(i.meetingId).map(m -> {
                if (m.status == Status.DRAFT) {
                    throw new ProblemException(404, "poll-link-unknown");
                }
                if (expired(m, Instant.now())) {
                    throw new ProblemException(410, "poll-link-expired", linkDays);
                }
                return new Personal(i, m);
            });
        });
    }
}
