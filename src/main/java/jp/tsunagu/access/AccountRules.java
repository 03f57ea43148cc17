package jp.tsunagu.access;


import java.util.List;

/** Invitations, invitation requests and role changes. */
final class AccountRules {

    private AccountRules() {
    }

    /**
     * Inviting straight away: the secretariat into any organization with a role that fits it; an
     * organization's administrator into that organization with a role that fits it (a center's lead:
     * lead or staff; a partner's administrator: partner staff). Never as sysadmin, and only the
     * secretariat names advisors and its own.
     */
    static boolean mayInviteDirectly(Viewer viewer, Resource.InvitationTarget t) {
        if (!viewer.signedIn() || t.role() == Role.SYSADMIN) {
            return false;
        }
        if (Who.secretariat(viewer)) {
            return roleFitsOrganization(t.role(), t.type());
        }
        return Who.staff(viewer) && viewer.administers(t.organizationId()) && roleFitsOrganization(t.role(), t.type())
                && t.role() != Role.ADVISOR && t.role() != Role.NETWORK_ADMIN;
    }

    /**
     * A center lead may ask for someone to be invited into a partner organization that shares a
     * circle with their center; that organization's administrator (the secretariat for now) decides.
     */
    static boolean mayRequestAnInvitationIntoAPartner(Viewer viewer, Resource.InvitationTarget t) {
        return viewer.signedIn() && viewer.is(Role.CENTER_LEAD) && !viewer.memberOf(t.organizationId())
                && t.sharesCircleWithViewer() && t.type() != OrgType.NAKAPOTSU && t.type() != OrgType.NATIONAL_NETWORK
                && t.role() == Role.PARTNER_STAFF;
    }

    /**
     * The queue of invitation requests: administrators of partner organizations (the requests are
     * into those) and the secretariat, which decides for organizations nobody administers.
     */
    static boolean administratorsSeeTheRequestsIntoTheirOrganization(Viewer viewer) {
        return Who.secretariat(viewer) || (viewer.is(Role.PARTNER_STAFF) && !viewer.administeredOrganizationIds().isEmpty());
    }

    /** One request: the organization's administrator decides; the secretariat only where nobody administers it. */
    static boolean theOrganizationDecidesWhoJoinsIt(Viewer viewer, Resource.InvitationRequest r) {
        return viewer.administers(r.organizationId()) || (Who.secretariat(viewer) && !r.organizationHasAdministrators());
    }

    /** An organization's members page: its administrators and the secretariat. */
    static boolean administratorsSeeTheirStaff(Viewer viewer, Resource.OrganizationStaff s) {
        return viewer.administers(s.organizationId()) || Who.secretariat(viewer);
    }

    /**
     * Who joins an organization, and who administers it, is its administrators' decision; the
     * secretariat acts only for an organization nobody administers (so it can name the first).
     */
    static boolean administratorsRunTheirStaff(Viewer viewer, Resource.OrganizationStaff s) {
        return viewer.administers(s.organizationId()) || (Who.secretariat(viewer) && !s.organizationHasAdministrators());
    }

    /** Staff of the network ask to join an organization their role fits (not advisors or sysadmins, who hold none). */
    static boolean staffAskToJoin(Viewer viewer, Resource.JoinRequest j) {
        return Who.staff(viewer) && !Who.secretariat(viewer) && j.roleFits() && !j.member();
    }

    /** Roles are changed by sysadmins, never on their own account. */
    static boolean sysadminChangesOthersRoles(Viewer viewer, Resource.Account a) {
        return viewer.is(Role.SYSADMIN) && a.id() != viewer.accountId();
    }

    static boolean roleFitsOrganization(Role role, OrgType type) {
        return role.fits(type);
    }

    /** Roles a viewer can hand out (directly or by request), most common first (for forms). */
    static List<Role> invitableRoles(Viewer viewer) {
        if (viewer.role() == null) {
            return List.of();
        }
        return switch (viewer.role()) {
            case NETWORK_ADMIN -> List.of(Role.CENTER_STAFF, Role.CENTER_LEAD, Role.PARTNER_STAFF, Role.ADVISOR,
                    Role.NETWORK_ADMIN);
            case CENTER_LEAD -> List.of(Role.CENTER_STAFF, Role.CENTER_LEAD, Role.PARTNER_STAFF);
            case PARTNER_STAFF -> viewer.administeredOrganizationIds().isEmpty() ? List.of() : List.of(Role.PARTNER_STAFF);
            default -> List.of();
        };
    }
}
