package jp.tsunagu.meeting;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.platform.web.ProblemException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a meeting with the facts the access policy needs (co-hosts, whether the viewer holds a
 * live invitation) and asks the policy. Every meeting read and write starts here.
 */
@ApplicationScoped
public class MeetingAccess {

    /** A loaded meeting and its access facts. */
    public record Loaded(Meeting meeting, Set<Long> organizerIds, Invitee invitation, Set<Long> askedCoHostIds, boolean attendee) {

        public Loaded(Meeting meeting, Set<Long> organizerIds, Invitee invitation, Set<Long> askedCoHostIds) {
            this(meeting, organizerIds, invitation, askedCoHostIds, false);
        }

        /** The same facts, knowing whether the viewer attended (asked only while minutes are out for sign-off). */
        Loaded attended(boolean yes) {
            return new Loaded(meeting, organizerIds, invitation, askedCoHostIds, yes);
        }

        /**
         * The facts from the meeting's co-host rows (of this meeting or not: others are skipped): those that
         * agreed run it, those asked only see it; {@code invitation}: the viewer's live invitation, or null.
         */
        static Loaded of(Meeting meeting, List<MeetingOrganizer> rows, Invitee invitation) {
            Set<Long> organizerIds = new HashSet<>();
            Set<Long> asked = new HashSet<>();
            rows.stream().filter(o -> o.meetingId.equals(meeting.id))
                    .forEach(o -> (o.consentedAt != null ? organizerIds : asked).add(o.organizationId));
            return new Loaded(meeting, organizerIds, invitation, asked);
        }

        public Resource.Meeting resource() {
            return new Resource.Meeting(organizerIds, meeting.circleId, invitation != null,
                    meeting.status == MeetingTerms.Status.DRAFT, askedCoHostIds);
        }

        /** The co-host list, with the organization that created the meeting. */
        public Resource.MeetingOrganizers organizers() {
            return new Resource.MeetingOrganizers(resource(), meeting.hostOrgId);
        }

        public Resource.Minutes minutes() {
            boolean published = meeting.minutesPublishedAt != null;
            boolean circulated = meeting.minutesCirculatedAt != null && !published;
            return new Resource.Minutes(resource(), published, circulated && attendee,
                    circulated && meeting.minutesCirculatedUntil.isAfter(java.time.Instant.now()),
                    invitation != null && invitation.recordsMinutes);
        }
    }

    @Inject
    AccessPolicy policy;

    Uni<Loaded> load(Viewer viewer, long id, boolean lock) {
        Uni<Meeting> m = lock ? Meeting.findById(id, LockModeType.PESSIMISTIC_WRITE) : Meeting.findById(id);
        return m.chain(meeting -> {
            if (meeting == null) {
                throw ProblemException.notFound();
            }
            return facts(viewer, meeting);
        });
    }

    Uni<Loaded> facts(Viewer viewer, Meeting meeting) {
        return facts(viewer, meeting, viewer.signedIn() ? Invitee.<Invitee>find("meetingId = ?1 and accountId = ?2 and revokedAt is null",
                meeting.id, viewer.accountId()).firstResult() : Uni.createFrom().nullItem());
    }

    /** The facts with the viewer's live invitation found by {@code invitation} (null: none). */
    private Uni<Loaded> facts(Viewer viewer, Meeting meeting, Uni<Invitee> invitation) {
        return MeetingOrganizer.<MeetingOrganizer>list("meetingId", meeting.id).chain(orgs -> {
            if (!viewer.signedIn()) {
                return Uni.createFrom().item(Loaded.of(meeting, orgs, null));
            }
            return invitation.chain(inv -> {
                Loaded l = Loaded.of(meeting, orgs, inv);
                if (inv == null || meeting.minutesCirculatedAt == null || meeting.minutesPublishedAt != null) {
                    return Uni.createFrom().item(l);
                }
                return attended(meeting, inv).map(l::attended);
            });
        });
    }

    /**
     * Whether an invitee attended, for the sign-off of the minutes: recorded as present, or — when
     * no attendance was recorded — said they would come (as the minutes' mail is addressed).
     */
    static Uni<Boolean> attended(Meeting meeting, Invitee inv) {
        return Attendance.count("inviteeId", inv.id).chain(mine -> mine > 0 ? Uni.createFrom().item(true)
                : Attendance.count("meetingId", meeting.id).map(all -> all == 0
                        && (inv.response == MeetingTerms.Rsvp.IN_PERSON || inv.response == MeetingTerms.Rsvp.ONLINE)));
    }

    /**
     * The meetings of a circle that took place (held, or with published minutes) and
     * that the viewer may see, oldest first: for a pair's report. One query each for the meetings,
     * their co-hosts and the viewer's invitations.
     */
    public Uni<List<Meeting>> heldInCircle(Viewer viewer, long circleId) {
        return Meeting.<Meeting>list("circleId = ?1 and status in ?2 order by startsAt, id", circleId,
                List.of(MeetingTerms.Status.HELD, MeetingTerms.Status.MINUTES_PUBLISHED))
                .chain(meetings -> {
                    if (meetings.isEmpty()) {
                        return Uni.createFrom().item(List.<Meeting>of());
                    }
                    List<Long> ids = meetings.stream().map(m -> m.id).toList();
                    Uni<List<Invitee>> invitations = viewer.signedIn()
                            ? Invitee.list("meetingId in ?1 and accountId = ?2 and revokedAt is null", ids, viewer.accountId())
                            : Uni.createFrom().item(List.of());
                    return MeetingOrganizer.<MeetingOrganizer>list("meetingId in ?1", ids).chain(orgs -> invitations
                            .map(invs -> meetings.stream().filter(m -> policy.permits(viewer, Action.VIEW,
                                    Loaded.of(m, orgs, invs.stream().filter(i -> i.meetingId.equals(m.id)).findFirst()
                                            .orElse(null)).resource())).toList()));
                });
    }

    /** A meeting the viewer may see, with all its invitations (by id), read once for a whole page. */
    public record WithInvitations(Loaded loaded, List<Invitee> invitations) {
    }

    /**
     * The meeting if the viewer may see it (404 otherwise), with every invitation to it: the
     * viewer's own is taken from them rather than read apart. The list stays on the server; what
     * the page shows of it is decided part by part.
     */
    public Uni<WithInvitations> visibleWithInvitations(Viewer viewer, long id) {
        return Meeting.getSession().chain(s -> s.createSelectionQuery("select m, c, x from Meeting m"
                        + " left join jp.tsunagu.directory.Circle c on c.id = m.circleId left join MeetingSeries x on x.id = m.seriesId"
                        + " where m.id = :id", Object[].class).setParameter("id", id).getResultList())
                .map(rows -> rows.isEmpty() ? null : (Meeting) rows.get(0)[0]).chain(meeting -> {
            if (meeting == null) {
                throw ProblemException.notFound();
            }
            return Invitee.<Invitee>list("meetingId = ?1 order by id", id).chain(all -> {
                Invitee mine = !viewer.signedIn() ? null : all.stream().filter(i -> i.revokedAt == null
                        && viewer.accountId().equals(i.accountId)).findFirst().orElse(null);
                return facts(viewer, meeting, Uni.createFrom().item(mine)).map(l -> {
                    policy.require(viewer, Action.VIEW, l.resource());
                    return new WithInvitations(l, all);
                });
            });
        });
    }

    /** The meeting if the viewer may see it; 404 otherwise. */
    public Uni<Loaded> visible(Viewer viewer, long id) {
        return load(viewer, id, false).map(l -> {
            policy.require(viewer, Action.VIEW, l.resource());
            return l;
        });
    }

    /** The meeting, locked for update, if the viewer runs it: 401/403/404 otherwise. */
    public Uni<Loaded> editable(Viewer viewer, long id) {
        return load(viewer, id, true).map(l -> {
            policy.requireEdit(viewer, l.resource());
            return l;
        });
    }

    /**
     * Whether the viewer may write the minutes live now: runs the meeting (401/403/404 otherwise)
     * and the minutes are open (409 before the meeting is scheduled and once it is cancelled).
     * Asked when a socket opens, for every message on it and every second while it is open.
     */
    public Uni<Loaded> minutesWritable(Viewer viewer, long id) {
        return minutesWritable(viewer, id, false);
    }

    /** The same, the meeting locked for a write ({@code lock}). */
    public Uni<Loaded> minutesWritable(Viewer viewer, long id, boolean lock) {
        return load(viewer, id, lock).map(l -> {
            requireMinutesWritable(viewer, l);
            return l;
        });
    }

    /** Who opens the minutes editor: true for those who run the meeting, false for a recorder they named; 404 for anyone else. */
    public Uni<Boolean> minutesEditor(Viewer viewer, long id) {
        return load(viewer, id, false).map(l -> minutesEditor(viewer, l));
    }

    /** The same decision on facts already loaded. */
    public boolean minutesEditor(Viewer viewer, Loaded l) {
        if (policy.permits(viewer, Action.EDIT, l.resource())) {
            return true;
        }
        policy.require(viewer, Action.EDIT, l.minutes());
        return false;
    }

    /** Whether the viewer may read what only those who run the meeting read (the invitation list), on facts already loaded. */
    public boolean canSeeBackstage(Viewer viewer, Loaded l) {
        return policy.decide(viewer, Action.VIEW, new Resource.MeetingBackstage(l.resource())).allowed();
    }

    /** The same decision on facts already loaded (a live socket's message between two loads). */
    public void requireMinutesWritable(Viewer viewer, Loaded l) {
        if (!policy.permits(viewer, Action.EDIT, l.minutes())) {
            // 403 for those who see the meeting, 404 for the rest, as for any write to it
            policy.requireEdit(viewer, l.resource());
        }
        MeetingTerms.Status s = l.meeting().status;
        if (s == MeetingTerms.Status.DRAFT || s == MeetingTerms.Status.SCHEDULING || s == MeetingTerms.Status.CANCELLED) {
            throw new ProblemException(409, "minutes-not-open");
        }
    }

    /**
     * Reads for the people who run the meeting (attendance names, the invitation list, the
     * editors' pages): 401 for anonymous visitors, 404 for everyone else, even participants.
     */
    public Uni<Loaded> organizerView(Viewer viewer, long id) {
        return load(viewer, id, false).map(l -> {
            policy.decide(viewer, Action.VIEW, new Resource.MeetingBackstage(l.resource())).orThrow();
            return l;
        });
    }

    /** Minutes and action items: published ones for whoever sees the meeting, drafts for organizers. */
    public Uni<Loaded> minutesVisible(Viewer viewer, long id) {
        return load(viewer, id, false).map(l -> {
            policy.require(viewer, Action.VIEW, l.minutes());
            return l;
        });
    }

    /** The minutes readable on facts already loaded: 401/404 otherwise. */
    public void requireMinutesVisible(Viewer viewer, Loaded l) {
        policy.require(viewer, Action.VIEW, l.minutes());
    }

    public boolean canEdit(Viewer viewer, Loaded l) {
        return policy.permits(viewer, Action.EDIT, l.resource());
    }

    public boolean canSee(Viewer viewer, Loaded l) {
        return policy.permits(viewer, Action.VIEW, l.resource());
    }

    public boolean canSeeMinutes(Viewer viewer, Loaded l) {
        return policy.permits(viewer, Action.VIEW, l.minutes());
    }

    /** Keeps the meetings of a list the viewer may see (the one decision, applied per row). */
    Uni<List<Loaded>> filterVisible(Viewer viewer, List<Meeting> meetings) {
        return loadAll(viewer, meetings).map(all -> all.stream().filter(l -> canSee(viewer, l)).toList());
    }

    /** Keeps the meetings of a list whose minutes and action items the viewer may read. */
    Uni<List<Loaded>> filterMinutesVisible(Viewer viewer, List<Meeting> meetings) {
        return loadAll(viewer, meetings).map(all -> all.stream().filter(l -> canSeeMinutes(viewer, l)).toList());
    }

    private Uni<List<Loaded>> loadAll(Viewer viewer, List<Meeting> meetings) {
        if (meetings.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> ids = meetings.stream().map(m -> m.id).toList();
        Uni<List<Invitee>> mine = viewer.signedIn()
                ? Invitee.list("meetingId in ?1 and accountId = ?2 and revokedAt is null", ids, viewer.accountId())
                : Uni.createFrom().item(List.of());
        // the rows grouped by meeting once: a list page's hundreds of meetings each take only their own
        return MeetingOrganizer.<MeetingOrganizer>list("meetingId in ?1", ids).chain(orgs -> mine.map(invs -> {
            Map<Long, List<MeetingOrganizer>> orgsByMeeting = orgs.stream()
                    .collect(java.util.stream.Collectors.groupingBy(o -> o.meetingId));
            Map<Long, Invitee> mineByMeeting = new HashMap<>();
            invs.forEach(i -> mineByMeeting.putIfAbsent(i.meetingId, i));
            return meetings.stream().map(m -> Loaded.of(m, orgsByMeeting.getOrDefault(m.id, List.of()),
                    mineByMeeting.get(m.id))).toList();
        }));
    }
}
