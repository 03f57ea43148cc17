package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.platform.security.SecretTokens;
import jp.tsunagu.platform.web.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * .ics downloads and private calendar feeds. A feed belongs to a person; each fetch rebuilds
 * that person's viewer, so the feed shows exactly the meetings the policy lets them see now
 * (a person who leaves an organization stops seeing its meetings in the feed too).
 */
@ApplicationScoped
public class CalendarService {

    /** A new feed URL; shown once (only its hash is stored). */
    public record FeedUrl(String url, Long circleId) {
    }

    public record FeedInput(Long circleId) {
    }

    @Inject
    MeetingAccess access;

    @Inject
    AccessPolicy policy;

    @Inject
    MeetingNotices notices;

    @Inject
    ViewerService viewers;

    @Inject
    MeetingService meetings;

    @ConfigProperty(name = "tsunagu.base-url")
    String baseUrl;

    @WithSession
    public Uni<byte[]> meetingFile(Viewer viewer, long id) {
        return access.visible(viewer, id).chain(l -> {
            Meeting m = l.meeting();
            if (m.startsAt == null) {
                throw new ProblemException(404, "meeting-no-date");
            }
            return MeetingVenue.<MeetingVenue>list("meetingId = ?1 order by position", m.id)
                    .map(venues -> CalendarFiles.download(notices.event(m, venues)));
        });
    }

    /** Issues a feed URL for the person (or their view of one circle), replacing the previous one. */
    @WithTransaction
    public Uni<FeedUrl> issue(Viewer viewer, FeedInput in) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        Long circleId = in == null ? null : in.circleId();
        if (circleId != null && !policy.permits(viewer, Action.VIEW, new Resource.Circle(circleId))) {
            throw ProblemException.field("circleId", "unknown");
        }
        String token = SecretTokens.newToken();
        return CalendarFeed.<CalendarFeed>list(circleId == null ? "accountId = ?1 and circleId is null and revokedAt is null"
                        : "accountId = ?1 and circleId = ?2 and revokedAt is null",
                circleId == null ? new Object[]{viewer.accountId()} : new Object[]{viewer.accountId(), circleId})
                .chain(old -> {
                    old.forEach(f -> f.revokedAt = Instant.now());
                    return Panache.flush();
                }).chain(() -> {
                    CalendarFeed f = new CalendarFeed();
                    f.tokenHash = SecretTokens.hash(token);
                    f.accountId = viewer.accountId();
                    f.circleId = circleId;
                    f.createdAt = Instant.now();
                    return f.persistAndFlush();
                }).map(x -> new FeedUrl(baseUrl + "/ical/" + token + ".ics", circleId));
    }

    /** Revokes all of a person's feeds (their calendar apps stop receiving anything). */
    @WithTransaction
    public Uni<Integer> revokeAll(Viewer viewer) {
        return CalendarFeed.update("revokedAt = ?1 where accountId = ?2 and revokedAt is null", Instant.now(),
                viewer.accountId());
    }

    /** The feed's text; unknown or revoked tokens answer 404. */
    @WithSession
    public Uni<String> feed(String token) {
        if (!SecretTokens.wellFormed(token)) {
            throw ProblemException.notFound();
        }
        return CalendarFeed.<CalendarFeed>find("tokenHash = ?1 and revokedAt is null", SecretTokens.hash(token))
                .firstResult().chain(f -> {
                    if (f == null) {
                        throw ProblemException.notFound();
                    }
                    return viewers.forAccount(f.accountId).chain(viewer -> {
                        if (!viewer.signedIn()) {
                            throw ProblemException.notFound();
                        }
                        Instant from = Instant.now().minus(Duration.ofDays(180));
                        String q = "startsAt >= ?1 and status in ('SCHEDULED', 'HELD', 'MINUTES_PUBLISHED', 'CANCELLED')"
                                + (f.circleId == null ? "" : " and circleId = ?2") + " order by startsAt";
                        Uni<List<Meeting>> candidates = f.circleId == null ? Meeting.list(q, from) : Meeting.list(q, from, f.circleId);
                        Uni<String> name = f.circleId == null || !viewer.circleIds().contains(f.circleId) ? Uni.createFrom().item("Tsunagu")
                                : Circle.<Circle>findById(f.circleId).map(c -> c == null ? "Tsunagu" : "Tsunagu — " + c.name);
                        return candidates.chain(ms -> access.filterVisible(viewer, ms)).chain(ls -> {
                            List<Long> ids = ls.stream().map(l -> l.meeting().id).toList();
                            Uni<List<MeetingVenue>> venues = ids.isEmpty() ? Uni.createFrom().item(List.of())
                                    : MeetingVenue.list("meetingId in ?1 order by meetingId, position", ids);
                            return venues.chain(vs -> name.map(n -> CalendarFiles.feed(n, ls.stream().map(l -> notices.event(
                                    l.meeting(), vs.stream().filter(v -> v.meetingId.equals(l.meeting().id)).toList()))
                                    .toList())));
                        });
                    });
                });
    }
}
