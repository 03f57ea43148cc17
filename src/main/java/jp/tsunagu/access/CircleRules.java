package jp.tsunagu.access;

/** Circles people run: starting one, running it as its owner, joining with consent, leaving. */
final class CircleRules {

    private CircleRules() {
    }

    /**
     * Center staff start circles owned by their own center, the secretariat by the national network
     * (and alone a circle of the whole network): nobody makes another organization a member without
     * its consent. Pairs' circles come from the matching, never from here.
     */
    static boolean centerStaffAndTheSecretariatStartCircles(Viewer viewer, Resource.CircleCreation c) {
        if (!viewer.memberOf(c.ownerOrganizationId())) {
            return false;
        }
        return Who.secretariat(viewer)
                || (!c.networkWide() && (viewer.is(Role.CENTER_LEAD) || viewer.is(Role.CENTER_STAFF)));
    }

    /** The manage page: the owners' staff and the secretariat (also once the circle is archived). */
    static boolean ownersSeeTheManagement(Viewer viewer, Resource.CircleAdmin c) {
        return Who.secretariat(viewer) || Who.staffOfAny(viewer, c.ownerIds());
    }

    /**
     * Owners run their circle (edit it, invite, remove, name co-owners, archive): staff of an owner
     * organization, and the secretariat. An archived circle is read-only; a pair's follows the matching.
     */
    static boolean ownersRunTheCircle(Viewer viewer, Resource.CircleAdmin c) {
        return !c.archived() && !c.matched() && ownersSeeTheManagement(viewer, c);
    }

    /**
     * Owners take a member out, also of an archived circle (which otherwise is read-only), so what
     * it shows can still be narrowed; a pair's members follow the matching.
     */
    static boolean ownersTakeMembersOut(Viewer viewer, Resource.CircleRemoval r) {
        return !r.circle().matched() && ownersSeeTheManagement(viewer, r.circle());
    }

    /** An organization leaves on its own: its administrator decides (or the secretariat). */
    static boolean administratorsTakeTheirOrganizationOut(Viewer viewer, Resource.CircleMembership m) {
        return !m.matched() && (viewer.administers(m.organizationId()) || Who.secretariat(viewer));
    }

    /**
     * Joining needs the invited organization's consent: its administrator accepts or declines; the
     * secretariat answers only for an organization nobody administers yet.
     */
    static boolean administratorsAnswerForTheirOrganization(Viewer viewer, Resource.CircleInvitation i) {
        return viewer.administers(i.organizationId())
                || (Who.secretariat(viewer) && !i.organizationHasAdministrators());
    }
}
