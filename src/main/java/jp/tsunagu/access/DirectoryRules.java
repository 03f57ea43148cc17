package jp.tsunagu.access;


/** The directory: organizations, their people, circles, and the audit log. */
final class DirectoryRules {

    private DirectoryRules() {
    }

    /** ナカポツ centers' profiles are public; every other organization's needs an account. */
    static boolean profileIsOpenToThem(Viewer viewer, Resource.Organization o) {
        return viewer.signedIn() || o.type() == OrgType.NAKAPOTSU;
    }

    /** The people on a profile are shown to signed-in members only. */
    static boolean peopleAreShownToMembers(Viewer viewer) {
        return viewer.signedIn();
    }

    /** A circle and its members: staff of a member organization, the secretariat, sysadmins. */
    static boolean circleIsOpenToItsMembers(Viewer viewer, Resource.Circle c) {
        return viewer.signedIn() && (Who.secretariat(viewer) || viewer.is(Role.SYSADMIN) || Who.inCircle(viewer, c.id()));
    }

    /** The security audit log: the secretariat and sysadmins. */
    static boolean auditLogIsForTheSecretariatAndSysadmins(Viewer viewer) {
        return Who.secretariat(viewer) || viewer.is(Role.SYSADMIN);
    }
}
