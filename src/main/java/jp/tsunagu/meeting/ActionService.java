package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.Account;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.meeting.MeetingAccess.Loaded;
import jp.tsunagu.meeting.MeetingTerms.ActionStatus;
import jp.tsunagu.meeting.MeetingViews.ActionView;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.validation.OneOf;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Versions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Action items (確認事項): what, who (person or organization), by when, open or done. Open items
 * of a series appear on each later meeting's agenda until they are done.
 */
@ApplicationScoped
public class ActionService {

    public record ActionInput(@NotBlank @Size(max = 300) String title, Long ownerOrgId, Long ownerAccountId, LocalDate dueOn,
                              @OneOf(ActionStatus.class) String status, LocalDate doneOn, Integer version) {
    }

    @Inject
    InputCheck inputs;

    @Inject
    MeetingAccess access;

    @Inject
    NameLookup names;

    /** The meeting's own action items and the open ones carried from earlier meetings of its series. */
    @WithSession
    public Uni<List<ActionView>> list(Viewer viewer, long meetingId) {
        // one query after the other: a reactive session runs one statement at a time
        return access.minutesVisible(viewer, meetingId).chain(l -> carried(viewer, l).chain(before -> listOf(viewer, l, before)));
    }

    /** The same from facts already loaded (the minutes readable: asked by the caller), with the items carried before it. */
    Uni<List<ActionView>> listOf(Viewer viewer, Loaded l, List<ActionView> before) {
        return listOf(viewer, l, before, Map.of());
    }

    /** The same with the organizations' names the caller read. */
    Uni<List<ActionView>> listOf(Viewer viewer, Loaded l, List<ActionView> before, Map<Long, OrgRef> known) {
        return ActionItem.<ActionItem>list("meetingId = ?1 order by id", l.meeting().id)
                .chain(items -> views(viewer, items, List.of(l.meeting()), known))
                .map(own -> {
                    List<ActionView> all = new ArrayList<>(before);
                    all.addAll(own);
                    return all;
                });
    }

    /**
     * Open items from earlier meetings of the same series. Only items whose minutes are published
     * travel, unless the viewer runs this meeting (then drafts of earlier meetings too).
     */
    Uni<List<ActionView>> carried(Viewer viewer, Meeting m) {
        if (m.seriesId == null) {
            return Uni.createFrom().item(List.of());
        }
        return access.facts(viewer, m).chain(l -> carried(viewer, l));
    }

    /** The same from the meeting's access facts already loaded. */
    Uni<List<ActionView>> carried(Viewer viewer, Loaded l) {
        Meeting m = l.meeting();
        if (m.seriesId == null) {
            return Uni.createFrom().item(List.of());
        }
        boolean organizer = access.canEdit(viewer, l);
        return Panache.getSession().chain(s -> s.createSelectionQuery("select a from ActionItem a, Meeting x"
                        + " where x.id = a.meetingId and a.seriesId = :series and a.status = 'OPEN' and a.meetingId <> :m"
                        + " and coalesce(x.startsAt, x.createdAt) < coalesce(:start, current_timestamp)"
                        + (organizer ? "" : " and x.minutesPublishedAt is not null")
                        + " order by a.dueOn nulls last, a.id", ActionItem.class)
                .setParameter("series", m.seriesId).setParameter("m", m.id)
                .setParameter("start", m.startsAt == null ? m.createdAt : m.startsAt).getResultList())
                .chain(list -> visibleOnly(viewer, list))
                .chain(list -> views(viewer, list));
    }

    /**
     * A carried item shows its title, owner and meeting: only where the viewer may read the minutes
     * of the meeting it came from (the one decision, per earlier meeting).
     */
    Uni<List<ActionItem>> visibleOnly(Viewer viewer, List<ActionItem> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(items);
        }
        List<Long> ids = items.stream().map(a -> a.meetingId).distinct().toList();
        return Meeting.<Meeting>list("id in ?1", ids).chain(meetings -> access.filterMinutesVisible(viewer, meetings))
                .map(readable -> {
                    Set<Long> ok = readable.stream().map(l -> l.meeting().id).collect(Collectors.toSet());
                    return items.stream().filter(a -> ok.contains(a.meetingId)).toList();
                });
    }

    Uni<List<ActionView>> views(Viewer viewer, List<ActionItem> items) {
        return views(viewer, items, List.of(), Map.of());
    }

    /**
     * The same, knowing some meetings already ({@code read}: their items' titles need no read) and
     * the organizations' names the caller read.
     */
    Uni<List<ActionView>> views(Viewer viewer, List<ActionItem> items, java.util.Collection<Meeting> read, Map<Long, OrgRef> known) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        LocalDate today = JapaneseCalendar.today();
        Map<Long, String> readTitles = new HashMap<>();
        read.forEach(m -> readTitles.put(m.id, m.title));
        List<Long> others = items.stream().map(a -> a.meetingId).distinct().filter(id -> !readTitles.containsKey(id)).toList();
        Uni<List<Meeting>> meetings = others.isEmpty() ? Uni.createFrom().item(List.of()) : Meeting.list("id in ?1", others);
        return names.orgs(items.stream().map(a -> a.ownerOrgId).toList(), viewer.locale(), known).chain(orgs ->
                names.people(items.stream().map(a -> a.ownerAccountId).toList()).chain(people ->
                        meetings.map(ms -> {
                                    Map<Long, String> titles = new HashMap<>(readTitles);
                                    ms.forEach(m -> titles.put(m.id, m.title));
                                    return items.stream().map(a -> new ActionView(a.id, a.meetingId, titles.get(a.meetingId),
                                            a.title, a.ownerOrgId == null ? null : orgs.get(a.ownerOrgId),
                                            a.ownerAccountId == null ? null : people.get(a.ownerAccountId), a.dueOn, a.status.name(),
                                            a.doneOn, a.status == ActionStatus.OPEN && a.dueOn != null
                                            && a.dueOn.isBefore(today), a.version)).toList();
                                })));
    }

    /** The field rules (Bean Validation), then the dates and what a change needs. */
    Params validate(ActionInput in, boolean update) {
        Params p = inputs.of(in);
        ActionStatus s = in.status() == null || in.status().isBlank() ? null
                : MeetingTerms.parse(ActionStatus.class, in.status().trim()).orElse(null);
        if (s == ActionStatus.DONE && in.doneOn() != null && in.doneOn().isAfter(JapaneseCalendar.today())) {
            p.error("doneOn", "date-future");
        }
        if (in.dueOn() != null && (in.dueOn().getYear() < 2000 || in.dueOn().getYear() > 2100)) {
            p.error("dueOn", "range");
        }
        if (update && in.version() == null) {
            p.error("version", "required");
        }
        return p;
    }

    @WithTransaction
    public Uni<ActionView> create(Viewer viewer, long meetingId, ActionInput in) {
        validate(in, false).check();
        return access.editable(viewer, meetingId).chain(l -> checkOwners(in).chain(() -> {
            ActionItem a = new ActionItem();
            a.meetingId = l.meeting().id;
            a.seriesId = l.meeting().seriesId;
            a.createdBy = viewer.accountId();
            a.createdAt = Instant.now();
            a.version = 0;
            fill(a, in);
            return a.<ActionItem>persistAndFlush().chain(saved -> views(viewer, List.of(saved))).map(v -> v.get(0));
        }));
    }

    /** Changes an item; anyone who runs a meeting of the series may mark a carried item done. */
    @WithTransaction
    public Uni<ActionView> update(Viewer viewer, long meetingId, long actionId, ActionInput in) {
        validate(in, true).check();
        return access.editable(viewer, meetingId).chain(l -> ActionItem.<ActionItem>findById(actionId,
                LockModeType.PESSIMISTIC_WRITE).chain(a -> {
            boolean own = a != null && a.meetingId.equals(meetingId);
            boolean carried = a != null && a.seriesId != null && a.seriesId.equals(l.meeting().seriesId);
            if (!own && !carried) {
                throw ProblemException.notFound();
            }
            // a carried item is changed (and shown, even in a conflict answer) only by someone who may read
            // the minutes of the meeting it came from
            Uni<Void> readable = own ? Uni.createFrom().voidItem() : Meeting.<Meeting>findById(a.meetingId)
                    .chain(origin -> access.filterMinutesVisible(viewer, List.of(origin))).map(ok -> {
                        if (ok.isEmpty()) {
                            throw ProblemException.notFound();
                        }
                        return null;
                    });
            return readable.chain(() -> change(viewer, a, in));
        }));
    }

    private Uni<ActionView> change(Viewer viewer, ActionItem a, ActionInput in) {
        {
            if (Versions.stale(a.version, in.version())) {
                return Versions.conflict(views(viewer, List.of(a)).map(v -> v.get(0)));
            }
            return checkOwners(in).chain(() -> {
                fill(a, in);
                a.version++;
                return Panache.flush().chain(() -> views(viewer, List.of(a))).map(v -> v.get(0));
            });
        }
    }

    static void fill(ActionItem a, ActionInput in) {
        a.title = in.title().trim();
        a.ownerOrgId = in.ownerOrgId();
        a.ownerAccountId = in.ownerAccountId();
        a.dueOn = in.dueOn();
        ActionStatus s = in.status() == null ? ActionStatus.OPEN : ActionStatus.valueOf(in.status());
        a.status = s;
        a.doneOn = s == ActionStatus.DONE ? (in.doneOn() == null ? JapaneseCalendar.today() : in.doneOn()) : null;
    }

    Uni<Void> checkOwners(ActionInput in) {
        Uni<Void> org = in.ownerOrgId() == null ? Uni.createFrom().voidItem()
                : Organization.findById(in.ownerOrgId()).map(o -> {
            if (o == null) {
                throw ProblemException.field("ownerOrgId", "unknown");
            }
            return null;
        });
        Uni<Void> person = in.ownerAccountId() == null ? Uni.createFrom().voidItem()
                : Account.findById(in.ownerAccountId()).map(o -> {
            if (o == null) {
                throw ProblemException.field("ownerAccountId", "unknown");
            }
            return null;
        });
        return org.chain(() -> person);
    }
}
