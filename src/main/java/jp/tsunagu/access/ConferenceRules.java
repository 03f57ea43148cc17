package jp.tsunagu.access;

/**
 * Case-study conferences. Their existence, date and format: the circle's staff, the secretariat
 * and the attendees. Case material: current attendees who accepted the pledge, until it is deleted
 * — never the wider circle, the secretariat or sysadmins as such.
 */
final class ConferenceRules {

    private ConferenceRules() {
    }

    /**
     * An attendee counts as one only while they could still be chosen: staff of an organization in
     * the conference's circle, or an advisor. Re-checked on every request, so an organization that
     * leaves the circle takes its people's access with it.
     */
    static boolean stillAnAttendee(Viewer viewer, Resource.Conference c) {
        return c.attendeeRole() != null && viewer.signedIn()
                && (viewer.is(Role.ADVISOR) || (Who.staff(viewer) && Who.inCircle(viewer, c.circleId())));
    }

    /** Who knows of a conference; the facilitator sets it up and runs it. */
    static boolean conference(Viewer viewer, Action action, Resource.Conference c) {
        if (!viewer.signedIn()) {
            return false;
        }
        boolean attendee = stillAnAttendee(viewer, c);
        if (action == Action.EDIT) {
            return attendee && c.attendeeRole() == AttendeeRole.FACILITATOR;
        }
        return action == Action.VIEW && (attendee || Who.secretariat(viewer)
                || (Who.staff(viewer) && Who.inCircle(viewer, c.circleId())));
    }

    /**
     * Case material for current attendees who pledged, until deletion. The case sheet is written by
     * the presenter and the facilitator, the board by the recorder and the facilitator; every attendee
     * adds learnings; the read log is for the facilitator and the presenter. Learnings outlive the material.
     */
    static boolean material(Viewer viewer, Action action, Resource.CaseMaterial m) {
        Resource.Conference c = m.conference();
        AttendeeRole role = c.attendeeRole();
        if (!stillAnAttendee(viewer, c)) {
            return false;
        }
        if (m.part() == CasePart.LOG) {
            return action == Action.VIEW && (role == AttendeeRole.FACILITATOR || role == AttendeeRole.PRESENTER);
        }
        if (!c.pledged() || (c.materialsDeleted() && m.part() != CasePart.LEARNINGS)) {
            return false;
        }
        if (action == Action.VIEW) {
            return true;
        }
        return action == Action.EDIT && switch (m.part()) {
            case CASE -> role == AttendeeRole.PRESENTER || role == AttendeeRole.FACILITATOR;
            case BOARD -> role == AttendeeRole.RECORDER || role == AttendeeRole.FACILITATOR;
            case LEARNINGS -> true;
            case LOG -> false;
        };
    }

    /** Why case material is refused: pledge first, gone after retention, forbidden for the wrong role, else hidden. */
    static Decision materialRefusal(Viewer viewer, Action action, Resource.CaseMaterial m) {
        Resource.Conference c = m.conference();
        if (!viewer.signedIn()) {
            return Decision.SIGN_IN_FIRST;
        }
        if (!stillAnAttendee(viewer, c)) {
            return Decision.HIDDEN;
        }
        if (!c.pledged() && m.part() != CasePart.LOG) {
            return Decision.PLEDGE_FIRST;
        }
        if (c.materialsDeleted() && m.part() != CasePart.LEARNINGS) {
            return Decision.GONE;
        }
        if (action != Action.VIEW && material(viewer, Action.VIEW, m)) {
            return Decision.FORBIDDEN;
        }
        return Decision.HIDDEN;
    }

    /** Setting up a conference: staff of an organization in the circle (not an archived one). */
    static boolean circleStaffSetUpConferences(Viewer viewer, Resource.ConferenceCreation c) {
        return Who.staff(viewer) && viewer.mayAddTo(c.circleId());
    }
}
