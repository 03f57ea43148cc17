package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.account.HandoverPart;
import jp.tsunagu.meeting.MeetingTerms.ActionStatus;
import jp.tsunagu.meeting.MeetingTerms.Status;
import jp.tsunagu.platform.time.JapaneseCalendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A leaver's meetings: the meetings not yet held and the series they organize, their open action
 * items and the agenda items they were to present move to the successor; deactivating ends their
 * calendar feeds and personal meeting links.
 */
@ApplicationScoped
public class MeetingHandover implements HandoverPart {

    static final List<Status> AHEAD = List.of(Status.DRAFT, Status.SCHEDULING, Status.SCHEDULED);

    @Override
    public Uni<List<Item>> preview(long from, long to) {
        List<Item> items = new ArrayList<>();
        return Meeting.<Meeting>list("createdBy = ?1 and status in ?2 order by startsAt", from, AHEAD)
                .invoke(ms -> ms.forEach(m -> items.add(new Item("handover.meeting", m.id, m.title, m.startsAt))))
                .chain(() -> MeetingSeries.<MeetingSeries>list("createdBy = ?1 order by id", from))
                .invoke(ss -> ss.forEach(s -> items.add(new Item("handover.series", s.id, s.title, null))))
                .chain(() -> ActionItem.<ActionItem>list("ownerAccountId = ?1 and status = ?2 order by dueOn", from, ActionStatus.OPEN))
                .invoke(as -> as.forEach(a -> items.add(new Item("handover.action", a.id, a.title,
                        a.dueOn == null ? null : a.dueOn.atStartOfDay(JapaneseCalendar.TOKYO).toInstant()))))
                .chain(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                                "select i.id, i.title, m.startsAt from AgendaItem i, Meeting m where m.id = i.meetingId"
                                        + " and i.presenterAccountId = :from and m.status in :ahead order by m.startsAt", Object[].class)
                        .setParameter("from", from).setParameter("ahead", AHEAD).getResultList()))
                .map(rows -> {
                    rows.forEach(r -> items.add(new Item("handover.agenda", (Long) r[0], (String) r[1], (Instant) r[2])));
                    return items;
                });
    }

    @Override
    public Uni<Integer> handOver(long from, long to) {
        return Meeting.update("createdBy = ?1 where createdBy = ?2 and status in ?3", to, from, AHEAD)
                .chain(a -> MeetingSeries.update("createdBy = ?1 where createdBy = ?2", to, from).map(b -> a + b))
                .chain(n -> ActionItem.update("ownerAccountId = ?1 where ownerAccountId = ?2 and status = ?3", to, from, ActionStatus.OPEN)
                        .map(c -> n + c))
                .chain(n -> Panache.getSession().chain(s -> s.createMutationQuery(
                                "update AgendaItem i set i.presenterAccountId = :to where i.presenterAccountId = :from"
                                        + " and i.meetingId in (select m.id from Meeting m where m.status in :ahead)")
                        .setParameter("to", to).setParameter("from", from).setParameter("ahead", AHEAD).executeUpdate())
                        .map(d -> n + d));
    }

    @Override
    public Uni<Void> deactivated(long accountId) {
        Instant now = Instant.now();
        return CalendarFeed.update("revokedAt = ?1 where accountId = ?2 and revokedAt is null", now, accountId)
                .chain(() -> Invitee.update("revokedAt = ?1 where accountId = ?2 and revokedAt is null", now, accountId))
                .replaceWithVoid();
    }
}
