package jp.tsunagu.access;

/** The pairing program: program years, applications, matching and pair workspaces. */
final class PairingRules {

    private PairingRules() {
    }

    /** Program years and the list of pairs: every member reads; the secretariat edits. */
    static boolean programs(Viewer viewer, Action action) {
        return action == Action.VIEW ? viewer.signedIn() : action == Action.EDIT && Who.secretariat(viewer);
    }

    /** An application: its center's members and the secretariat read it; the center's lead submits and changes it. */
    static boolean application(Viewer viewer, Action action, Resource.Application a) {
        if (action == Action.VIEW) {
            return Who.secretariat(viewer) || (viewer.signedIn() && viewer.memberOf(a.centerId()));
        }
        return action == Action.EDIT && viewer.is(Role.CENTER_LEAD) && viewer.memberOf(a.centerId());
    }

    /** The matching workspace, the national view and its CSV: the secretariat. */
    static boolean matchingIsTheSecretariats(Viewer viewer, Action action) {
        return (action == Action.VIEW || action == Action.EDIT) && Who.secretariat(viewer);
    }

    /**
     * A pair's workspace: staff of the two centers and the secretariat; its assigned advisor reads;
     * the two centers' lead and staff and the secretariat edit.
     */
    static boolean pairWorkspace(Viewer viewer, Action action, Resource.Pairing p) {
        boolean member = viewer.signedIn() && (viewer.memberOf(p.implementingId()) || viewer.memberOf(p.supportingId()));
        boolean centerRole = viewer.is(Role.CENTER_LEAD) || viewer.is(Role.CENTER_STAFF);
        if (action == Action.VIEW) {
            return Who.secretariat(viewer) || member
                    || (viewer.is(Role.ADVISOR) && p.advisorId() != null && p.advisorId().equals(viewer.accountId()));
        }
        return action == Action.EDIT && (Who.secretariat(viewer) || (member && centerRole));
    }

    /**
     * A pair's report: read as its workspace is; written and submitted by the two centers' lead and
     * staff (and the secretariat); commented by the pair's assigned advisor, the secretariat and the
     * two centers (answering); approved or sent back by the secretariat.
     */
    static boolean pairReport(Viewer viewer, Action action, Resource.PairReport r) {
        Resource.Pairing p = r.pairing();
        return switch (action) {
            case VIEW, EDIT -> pairWorkspace(viewer, action, p);
            case COMMENT -> pairWorkspace(viewer, Action.EDIT, p) || theAssignedAdvisor(viewer, p);
            case APPROVE -> Who.secretariat(viewer);
            default -> false;
        };
    }

    /** The program's report (all pairs and the national figures): the secretariat. */
    static boolean theProgramsReportIsTheSecretariats(Viewer viewer) {
        return Who.secretariat(viewer);
    }

    static boolean theAssignedAdvisor(Viewer viewer, Resource.Pairing p) {
        return viewer.is(Role.ADVISOR) && p.advisorId() != null && p.advisorId().equals(viewer.accountId());
    }
}
