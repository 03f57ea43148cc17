package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.meeting.MeetingAccess.Loaded;
import jp.tsunagu.meeting.MeetingViews.Counts;
import jp.tsunagu.meeting.MeetingViews.MeetingDetail;
import jp.tsunagu.meeting.MeetingViews.MeetingSummary;
import jp.tsunagu.meeting.MeetingViews.MyInvitation;
import jp.tsunagu.meeting.MeetingViews.Venue;
import jp.tsunagu.platform.db.PageReads;
import jp.tsunagu.platform.web.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Meetings as a person sees them: the list, one meeting in detail, and the organizations and circles they may name. */
@ApplicationScoped
public class MeetingService {

    /** Filters for the meeting list. */
    public record Filter(Long circleId, Long seriesId, MeetingTerms.Status status, boolean upcomingOnly) {
    }

    @Inject
    AccessPolicy policy;

    @Inject
    MeetingAccess access;

    @Inject
    NameLookup names;

    @WithSession
    public Uni<List<MeetingSummary>> list(Viewer viewer, Filter filter) {
        return candidates(viewer, filter).chain(ms -> access.filterVisible(viewer, ms)).chain(ls -> summaries(viewer, ls));
    }

    /** The next meetings the viewer may see, soonest first, cancelled ones left out; only those shown are named. */
    @WithSession
    public Uni<List<MeetingSummary>> next(Viewer viewer, int limit) {
        return candidates(viewer, new Filter(null, null, null, true))
                .chain(ms -> access.filterVisible(viewer, ms.stream().filter(m -> m.status != MeetingTerms.Status.CANCELLED).toList()))
                .chain(ls -> summaries(viewer, ls.stream().limit(limit).toList()));
    }

    /** The meetings page's two lists: what is coming (soonest first), and the last 30 before that (latest first). */
    public record UpcomingAndPast(List<MeetingSummary> upcoming, List<MeetingSummary> past) {
    }

    /** How many past meetings the meetings page lists, and how many candidates it reads at a time for them. */
    static final int PAST_SHOWN = 30;
    static final int PAST_BATCH = 60;
    /** At most this many past candidates are read (four batches), however many of them the viewer may not see. */
    static final int PAST_MAX = 240;

    /**
     * Both lists of the meetings page: the upcoming ones, and the latest past ones read a batch at a
     * time until thirty visible ones are found, so a center with years of meetings reads only the
     * newest; one read of the facts and names for the meetings of both.
     */
    @WithSession
    public Uni<UpcomingAndPast> upcomingAndPast(Viewer viewer) {
        Filter any = new Filter(null, null, null, false);
        // one moment divides the two lists, so no meeting is in both
        Instant cutoff = upcomingFrom();
        return candidates(viewer, any, Window.UPCOMING, cutoff, 0, 200).chain(upcoming ->
                candidates(viewer, any, Window.PAST, cutoff, 0, PAST_BATCH).chain(past -> {
                    // one decision pass over the upcoming ones and the first batch of past ones
                    List<Meeting> both = new ArrayList<>(upcoming);
                    both.addAll(past);
                    return access.filterVisible(viewer, both).chain(visible -> {
                        Set<Long> soon = upcoming.stream().map(m -> m.id).collect(java.util.stream.Collectors.toSet());
                        List<Loaded> coming = visible.stream().filter(l -> soon.contains(l.meeting().id)).toList();
                        List<Loaded> found = new ArrayList<>();
                        visible.stream().filter(l -> !soon.contains(l.meeting().id)).limit(PAST_SHOWN).forEach(found::add);
                        Uni<List<Loaded>> latest = found.size() >= PAST_SHOWN || past.size() < PAST_BATCH
                                ? Uni.createFrom().item(found) : latestPast(viewer, cutoff, PAST_BATCH, found);
                        return latest.chain(done -> {
                            List<Loaded> all = new ArrayList<>(coming);
                            all.addAll(done);
                            return summaries(viewer, all).map(summaries -> new UpcomingAndPast(
                                    summaries.subList(0, coming.size()), summaries.subList(coming.size(), summaries.size())));
                        });
                    });
                }));
    }

    /** More visible past meetings, latest first, from candidate {@code first} on, until {@link #PAST_SHOWN} are found. */
    Uni<List<Loaded>> latestPast(Viewer viewer, Instant cutoff, int first, List<Loaded> found) {
        return candidates(viewer, new Filter(null, null, null, false), Window.PAST, cutoff, first, PAST_BATCH)
                .chain(ms -> access.filterVisible(viewer, ms).chain(visible -> {
                    visible.stream().limit(PAST_SHOWN - found.size()).forEach(found::add);
                    boolean more = ms.size() == PAST_BATCH && first + PAST_BATCH < PAST_MAX;
                    return found.size() >= PAST_SHOWN || !more ? Uni.createFrom().item(found)
                            : latestPast(viewer, cutoff, first + PAST_BATCH, found);
                }));
    }

    /** Which meetings by their time: upcoming (from twelve hours ago, or no date yet), past (before that), or all. */
    enum Window { UPCOMING, PAST, ALL }

    /** The meetings the filter names that the viewer could possibly see (at most 200); the policy decides per row after. */
    Uni<List<Meeting>> candidates(Viewer viewer, Filter filter) {
        return candidates(viewer, filter, filter.upcomingOnly() ? Window.UPCOMING : Window.ALL, upcomingFrom(), 0, 200);
    }

    /** Upcoming means from twelve hours ago (a meeting of this morning is still on the list tonight). */
    static Instant upcomingFrom() {
        return Instant.now().minus(Duration.ofHours(12));
    }

    /** The candidates of a window, {@code size} of them from the {@code first}th, soonest first when upcoming, latest first otherwise. */
    Uni<List<Meeting>> candidates(Viewer viewer, Filter filter, Window window, Instant cutoff, int first, int size) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        StringBuilder q = new StringBuilder("1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.circleId() != null) {
            args.add(filter.circleId());
            q.append(" and circleId = ?").append(args.size());
        }
        if (filter.seriesId() != null) {
            args.add(filter.seriesId());
            q.append(" and seriesId = ?").append(args.size());
        }
        if (filter.status() != null) {
            args.add(filter.status());
            q.append(" and status = ?").append(args.size());
        }
        if (window != Window.ALL) {
            args.add(cutoff);
            q.append(window == Window.UPCOMING ? " and (startsAt is null or startsAt >= ?" + args.size() + ")"
                    : " and startsAt < ?" + args.size());
        }
        // Narrow in the query to what the viewer could possibly see, then let the policy decide per row.
        if (!viewer.is(Role.NETWORK_ADMIN)) {
            args.add(viewer.organizationIds().isEmpty() ? Set.of(-1L) : viewer.organizationIds());
            int orgs = args.size();
            args.add(viewer.circleIds().isEmpty() ? Set.of(-1L) : viewer.circleIds());
            int circles = args.size();
            args.add(viewer.accountId());
            q.append(" and (id in (select o.meetingId from MeetingOrganizer o where o.organizationId in ?").append(orgs)
                    .append(") or circleId in ?").append(circles)
                    .append(" or id in (select i.meetingId from Invitee i where i.accountId = ?").append(args.size())
                    .append(" and i.revokedAt is null))");
        }
        q.append(" order by coalesce(startsAt, createdAt) ").append(window == Window.UPCOMING ? "asc" : "desc").append(", id");
        return Meeting.<Meeting>find(q.toString(), args.toArray()).range(first, first + size - 1).list();
    }

    Uni<List<MeetingSummary>> summaries(Viewer viewer, List<Loaded> ls) {
        return summaries(viewer, ls, Map.of());
    }

    /** The same with the organizations' names the caller already read. */
    Uni<List<MeetingSummary>> summaries(Viewer viewer, List<Loaded> ls, Map<Long, OrgRef> known) {
        Set<Long> orgIds = new HashSet<>();
        Set<Long> circleIds = new HashSet<>();
        ls.forEach(l -> {
            orgIds.addAll(l.organizerIds());
            if (l.meeting().circleId != null) {
                circleIds.add(l.meeting().circleId);
            }
        });
        Uni<List<Circle>> circles = circleIds.isEmpty() ? Uni.createFrom().item(List.of())
                : circleIds.size() == 1 ? Circle.<Circle>findById(circleIds.iterator().next()).map(c -> c == null ? List.of() : List.of(c))
                : Circle.list("id in ?1", circleIds);
        return names.orgs(orgIds, viewer.locale(), known).chain(orgs -> circles.map(cs -> ls.stream()
                .map(l -> summary(viewer, l, orgs, cs.stream().filter(c -> c.id.equals(l.meeting().circleId))
                        .findFirst().map(c -> c.name).orElse(null))).toList()));
    }

    static MeetingSummary summary(Viewer viewer, Loaded l, Map<Long, OrgRef> orgs, String circleName) {
        Meeting m = l.meeting();
        return new MeetingSummary(m.id, m.title, m.kind.name(), m.status.name(), m.startsAt, m.endsAt, m.format.name(), m.seriesId, m.number,
                circleName, l.organizerIds().stream().map(orgs::get).filter(Objects::nonNull).toList(),
                l.invitation() == null ? null : l.invitation().response.name(), MeetingTimes.holiday(m.startsAt, viewer.locale()));
    }

    @WithSession
    public Uni<MeetingDetail> detail(Viewer viewer, long id) {
        return access.visible(viewer, id).chain(l -> detailOf(viewer, l));
    }

    Uni<MeetingDetail> detailOf(Viewer viewer, Loaded l) {
        return Invitee.<Invitee>list("meetingId = ?1 and revokedAt is null", l.meeting().id)
                .chain(live -> detailOf(viewer, l, live, Map.of()));
    }

    /** The detail from facts already loaded: the meeting with its access facts, its live invitations, names read. */
    Uni<MeetingDetail> detailOf(Viewer viewer, Loaded l, List<Invitee> live, Map<Long, OrgRef> known) {
        Meeting m = l.meeting();
        // the circle is in the session once summaries has read it: no second statement
        Uni<Circle> circle = m.circleId == null ? Uni.createFrom().nullItem() : Circle.findById(m.circleId);
        Uni<MeetingSeries> series = m.seriesId == null ? Uni.createFrom().nullItem() : MeetingSeries.findById(m.seriesId);
        return summaries(viewer, List.of(l), known).chain(s -> circle.chain(c -> series.chain(se ->
                MeetingVenue.<MeetingVenue>list("meetingId = ?1 order by position", m.id).map(venues -> {
                            Counts counts = counts(live);
                            Invitee mine = l.invitation();
                            return new MeetingDetail(s.get(0), c == null ? null : new OrgRef(c.id, c.name, null),
                                    se == null ? null : se.title,
                                    venues.stream().map(v -> new Venue(v.name, v.address)).toList(), m.onlineUrl,
                                    m.capacity, m.description, m.feeNote, counts,
                                    mine == null ? null : new MyInvitation(mine.id, mine.response.name(), mine.waitlisted),
                                    access.canEdit(viewer, l), m.minutesPublishedAt != null, access.canSeeMinutes(viewer, l),
                                    MeetingTimes.lengthMinutes(m), m.version,
                                    policy.permits(viewer, Action.APPROVE, new Resource.CoHostRequest(l.resource())));
                        }))));
    }

    static Counts counts(List<Invitee> invs) {
        int inPerson = 0;
        int online = 0;
        int declined = 0;
        int pending = 0;
        int waitlisted = 0;
        for (Invitee i : invs) {
            if (i.waitlisted) {
                waitlisted++;
                continue;
            }
            switch (i.response) {
                case IN_PERSON -> inPerson++;
                case ONLINE -> online++;
                case DECLINED -> declined++;
                case PENDING -> pending++;
            }
        }
        return new Counts(inPerson, online, declined, pending, waitlisted, invs.size());
    }

    /** The meetings page: both lists, and the organizations and circles to create a meeting for. */
    public record ListPage(UpcomingAndPast lists, List<OrgRef> organizations, List<OrgRef> circles) {
    }

    @WithSession
    public Uni<ListPage> listPage(Viewer viewer) {
        return PageReads.read(() -> upcomingAndPast(viewer).chain(lists -> ownOrganizations(viewer)
                .chain(orgs -> ownCircles(viewer).map(circles -> new ListPage(lists, orgs, circles)))));
    }

    /** The organizations a person can name as organizer: their own (the secretariat: its own too). */
    @WithSession
    public Uni<List<OrgRef>> ownOrganizations(Viewer viewer) {
        return names.orgs(viewer.organizationIds(), viewer.locale())
                .map(m -> m.values().stream().sorted(Comparator.comparing(OrgRef::name)).toList());
    }

    /** Circles a person may hold meetings in (not archived ones). */
    @WithSession
    public Uni<List<OrgRef>> ownCircles(Viewer viewer) {
        Uni<List<Circle>> cs = viewer.is(Role.NETWORK_ADMIN) ? Circle.list("archivedAt is null order by name")
                : viewer.circleIds().isEmpty() ? Uni.createFrom().item(List.of())
                : Circle.list("id in ?1 and archivedAt is null order by name", viewer.circleIds());
        return cs.map(list -> list.stream().map(c -> new OrgRef(c.id, c.name, null)).toList());
    }
}
