package jp.tsunagu.access;

/** Meetings, their minutes and action items, series, and who hosts them. */
final class MeetingRules {

    private MeetingRules() {
    }

    /** The people who run a meeting: staff of a co-host that consented (not advisors or sysadmins), and the secretariat. */
    static boolean runsTheMeeting(Viewer viewer, Resource.Meeting m) {
        return Who.secretariat(viewer) || Who.staffOfAny(viewer, m.organizerIds());
    }

    /**
     * Who sees a meeting: the people who run it; once announced also its live invitees and the
     * members of its circle (sysadmins excepted).
     */
    static boolean seesTheMeeting(Viewer viewer, Resource.Meeting m) {
        if (!viewer.signedIn()) {
            return false;
        }
        return runsTheMeeting(viewer, m) || askedToCoHost(viewer, m)
                || (!m.draft() && (m.invited() || (Who.inCircle(viewer, m.circleId()) && !viewer.is(Role.SYSADMIN))));
    }

    /**
     * An organization named as co-host runs nothing until it agrees: its staff see the meeting (to
     * decide) and answer the request.
     */
    static boolean askedToCoHost(Viewer viewer, Resource.Meeting m) {
        return Who.staffOfAny(viewer, m.askedCoHostIds());
    }

    /**
     * Minutes and action items: published ones for whoever sees the meeting; drafts for those who
     * run it, and — while circulated for sign-off — for its attendees, who comment and propose
     * wording (REQUEST) until the circulation ends; only those who run it decide (EDIT, APPROVE).
     */
    static boolean minutes(Viewer viewer, Action action, Resource.Minutes m) {
        return switch (action) {
            case VIEW -> m.published() ? seesTheMeeting(viewer, m.meeting())
                    : runsTheMeeting(viewer, m.meeting()) || circulatedTo(viewer, m) || recorder(viewer, m);
            case REQUEST -> m.circulationOpen() && (runsTheMeeting(viewer, m.meeting()) || circulatedTo(viewer, m));
            // the text: organizers and the recorders they named; publishing, circulating and deciding stay with organizers
            case EDIT -> runsTheMeeting(viewer, m.meeting()) || (!m.published() && recorder(viewer, m));
            default -> runsTheMeeting(viewer, m.meeting());
        };
    }

    /** An invitee an organizer named to write the minutes (記録係), while invited (sysadmins excepted). */
    static boolean recorder(Viewer viewer, Resource.Minutes m) {
        return viewer.signedIn() && m.recorder() && m.meeting().invited() && !viewer.is(Role.SYSADMIN);
    }

    /** An attendee of a meeting whose draft minutes are out for sign-off (sysadmins excepted, as for any meeting). */
    static boolean circulatedTo(Viewer viewer, Resource.Minutes m) {
        return viewer.signedIn() && m.circulatedToViewer() && m.meeting().invited() && !viewer.is(Role.SYSADMIN);
    }

    /**
     * The list of co-hosts is changed only by the organization that created the meeting and the
     * secretariat (a co-host cannot rewrite it, nor name any organization as host).
     */
    static boolean onlyTheHostChangesTheCoHosts(Viewer viewer, Resource.MeetingOrganizers o) {
        return Who.secretariat(viewer) || (o.creatorOrgId() != null && Who.staff(viewer) && viewer.memberOf(o.creatorOrgId())
                && runsTheMeeting(viewer, o.meeting()));
    }

    /** Only the secretariat mails the whole network (its national seminars); everyone else keeps to their meeting's reach. */
    static boolean secretariatMailsTheWholeNetwork(Viewer viewer) {
        return Who.secretariat(viewer);
    }

    /** A series: members of its circle, its organizers and the secretariat see it; organizers in the circle plan it. */
    static boolean series(Viewer viewer, Action action, Resource.Series s) {
        if (action == Action.VIEW) {
            return Who.secretariat(viewer) || (viewer.signedIn()
                    && (Who.inCircle(viewer, s.circleId()) || s.organizerIds().stream().anyMatch(viewer::memberOf)));
        }
        return action == Action.EDIT && (Who.secretariat(viewer)
                || (Who.staffOfAny(viewer, s.organizerIds()) && viewer.mayAddTo(s.circleId())));
    }
}
