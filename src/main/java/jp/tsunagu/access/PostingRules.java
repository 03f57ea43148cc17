package jp.tsunagu.access;

import java.util.Set;

/**
 * Postings reach exactly where they were shared: the owner organization's staff; everyone signed
 * in for network-wide ones; members of the circles it was shared into for non-public ones. The
 * secretariat has no extra right here (a Hello Work opening shared in a circle stays in that
 * circle), sysadmins and advisors read none beyond their own organization.
 */
final class PostingRules {

    private PostingRules() {
    }

    static boolean reachesThem(AccessPolicy.PostingScope scope, Resource.Posting p) {
        return scope.ownOrganizations().contains(p.ownerOrgId())
                || (scope.network() && p.visibility() == PostingVisibility.NETWORK)
                || (p.visibility() == PostingVisibility.CIRCLES && p.circleIds().stream().anyMatch(scope.circles()::contains));
    }

    /** Editing, closing and reading the view log: the owner organization's staff. */
    static boolean ownersStaffEdit(Viewer viewer, Resource.Posting p) {
        return Who.staff(viewer) && viewer.memberOf(p.ownerOrgId());
    }

    /**
     * Sharing into one more circle: staff who see the posting and belong to the target circle (not
     * an archived one); others than the owner only when the posting may be forwarded.
     */
    static boolean mayShareFurther(Viewer viewer, AccessPolicy.PostingScope scope, Resource.PostingShare s) {
        Resource.Posting p = s.posting();
        return Who.staff(viewer) && reachesThem(scope, p) && viewer.mayAddTo(s.targetCircleId())
                && (viewer.memberOf(p.ownerOrgId()) || !p.doNotForward());
    }

    /**
     * Internship bookings: staff of another organization who see the slot book it; the slot's owner
     * decides; the requesting organization withdraws; both see the request.
     */
    static boolean booking(Viewer viewer, Action action, AccessPolicy.PostingScope scope, Resource.InternshipBooking b) {
        Resource.Posting p = b.posting();
        boolean owner = ownersStaffEdit(viewer, p);
        boolean requester = Who.staff(viewer) && b.requestingOrgId() != null && viewer.memberOf(b.requestingOrgId());
        return switch (action) {
            case REQUEST -> Who.staff(viewer) && reachesThem(scope, p) && otherOrganization(viewer, p.ownerOrgId());
            case APPROVE -> owner;
            case EDIT -> requester;
            case VIEW -> owner || requester;
            default -> false;
        };
    }

    /** "Anyone suitable?": staff of an organization who see the posting ask the circles it reached. */
    static boolean mayAskForCandidates(Viewer viewer, AccessPolicy.PostingScope scope, Resource.CandidateQuestion q) {
        return Who.staff(viewer) && !viewer.organizationIds().isEmpty() && reachesThem(scope, q.posting());
    }

    private static boolean otherOrganization(Viewer viewer, long ownerOrgId) {
        Set<Long> own = viewer.organizationIds();
        return own.stream().anyMatch(o -> o != ownerOrgId);
    }
}
