package jp.tsunagu.access;


/** The directory: organizations, their people, circles, and the audit log. */
final class DirectoryRules {

    private DirectoryRules() {
    }

    /** ナカポツ centers' profiles are public; every other organization's needs an account. */
    static boolean profileIsOpenToThem(Viewer viewer, Resource.Organization o) {
        return viewer.signedIn() || o.type() == OrgType.NAKAPOTSU;
    }

    /** An organization corrects its own profile: its administrators; the secretariat where nobody administers it. */
    static boolean administratorsCorrectTheirProfile(Viewer viewer, Resource.OrganizationProfile p) {
        return viewer.administers(p.organizationId()) || (Who.secretariat(viewer) && !p.organizationHasAdministrators());
    }

    /**
     * Registering an organization: the secretariat anywhere; a center's lead an office that is not a
     * center (nor the national network) in the prefecture of a center they lead, unconfirmed until
     * the secretariat confirms it.
     */
    static boolean registrationIsTheSecretariatsOrALeadsNearby(Viewer viewer, Resource.OrganizationRegistration r) {
        if (Who.secretariat(viewer)) {
            return true;
        }
        return viewer.is(Role.CENTER_LEAD) && r.type() != OrgType.NAKAPOTSU && r.type() != OrgType.NATIONAL_NETWORK
                && r.prefectureCode() != null && r.leadPrefectures().contains(r.prefectureCode());
    }

    /** Only the secretariat confirms a registered office. */
    static boolean theSecretariatConfirms(Viewer viewer) {
        return Who.secretariat(viewer);
    }

    /**
     * The directory as a whole (bulk import and export with every office's contacts, duplicates and
     * their merging, the offices waiting for confirmation) is kept by the secretariat alone.
     */
    static boolean theSecretariatKeepsTheDirectory(Viewer viewer) {
        return Who.secretariat(viewer);
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
