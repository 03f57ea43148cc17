package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.access.AttendeeRole;
import jp.tsunagu.account.HandoverPart;

import java.time.Instant;
import java.util.List;

/**
 * A leaver's roles in conferences not yet finished pass to the successor, who must pledge again
 * before reading any case material; the leaver's row is removed (their reads stay in the log).
 */
@ApplicationScoped
public class ConferenceHandover implements HandoverPart {

    @jakarta.inject.Inject
    BoardNotices notices;

    @Override
    public Uni<List<Item>> preview(long from, long to) {
        return open(from).map(rows -> rows.stream().map(r -> new Item("handover.conference", (Long) r[0], (String) r[1],
                (Instant) r[2])).toList());
    }

    /** The conferences not finished where the person is an attendee: id, title, start. */
    Uni<List<Object[]>> open(long accountId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select c.id, c.title, c.startsAt from Conference c, ConferenceAttendee a where a.conferenceId = c.id"
                                + " and a.accountId = :who and a.removedAt is null and c.finishedAt is null order by c.startsAt",
                        Object[].class)
                .setParameter("who", accountId).getResultList());
    }

    @Override
    public Uni<Integer> handOver(long from, long to) {
        Instant now = Instant.now();
        return ConferenceAttendee.<ConferenceAttendee>list("accountId = ?1 and removedAt is null and conferenceId in"
                        + " (select c.id from Conference c where c.finishedAt is null)", from)
                .chain(rows -> {
                    Uni<Integer> moved = Uni.createFrom().item(0);
                    for (ConferenceAttendee leaver : rows) {
                        moved = moved.chain(n -> ConferenceAttendee.<ConferenceAttendee>find(
                                        "conferenceId = ?1 and accountId = ?2", leaver.conferenceId, to)
                                .firstResult().chain(existing -> {
                                    leaver.removedAt = now;
                                    if (existing != null && existing.removedAt != null) {
                                        // removed once before: back with the leaver's role, and a fresh pledge to make
                                        existing.removedAt = null;
                                        existing.role = leaver.role;
                                        existing.pledgedAt = null;
                                        existing.pledgeBasis = null;
                                        existing.addedAt = now;
                                        return Uni.createFrom().item(n + 1);
                                    }
                                    if (existing != null) {
                                        // already attending: they take the leader's part when the leaver led it
                                        if (leaver.role == AttendeeRole.FACILITATOR) {
                                            existing.role = AttendeeRole.FACILITATOR;
                                        }
                                        return Uni.createFrom().item(n + 1);
                                    }
                                    ConferenceAttendee successor = new ConferenceAttendee();
                                    successor.conferenceId = leaver.conferenceId;
                                    successor.accountId = to;
                                    successor.role = leaver.role;
                                    successor.addedAt = now;
                                    return successor.persist().map(x -> n + 1);
                                }));
                    }
                    return moved.call(() -> notices.changed(rows.stream().map(r -> r.conferenceId).distinct().toList()));
                });
    }
}
