package jp.tsunagu.access;

import java.util.Set;

/** Who someone is, in the words the rules use. */
final class Who {

    private Who() {
    }

    /** Staff of a member organization (not advisors or sysadmins, who hold no organization's data). */
    static boolean staff(Viewer viewer) {
        return viewer.signedIn() && !viewer.is(Role.ADVISOR) && !viewer.is(Role.SYSADMIN);
    }

    /** The secretariat of the national network. */
    static boolean secretariat(Viewer viewer) {
        return viewer.is(Role.NETWORK_ADMIN);
    }

    /** Staff of one of the given organizations. */
    static boolean staffOfAny(Viewer viewer, Set<Long> organizationIds) {
        return staff(viewer) && organizationIds.stream().anyMatch(viewer::memberOf);
    }

    static boolean inCircle(Viewer viewer, Long circleId) {
        return circleId != null && viewer.circleIds().contains(circleId);
    }
}
