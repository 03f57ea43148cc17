package jp.tsunagu.access;


import java.util.List;

/** Invitations, invitation requests and role changes. */
final class AccountRules {

    private AccountRules() {
    }

    /**
     * Inviting straight away, with a role that fits the organization: its administrator (a center's
     * lead: lead or staff; a partner's administrator: partner staff); the secretariat only into an
     * organization nobody administers (its first account), and alone names advisors and its own
     * (into the national network). Never as sysadmin.
     */
    static boolean mayInviteDirectly(Viewer viewer, Resource.InvitationTarget t) {
        if (!viewer.signedIn() || t.role() == Role.SYSADMIN || !roleFitsOrganization(t.role(), t.type())) {
            return false;
        }
        if (t.role() == Role.ADVISOR || t.role() == Role.NETWORK_ADMIN) {
            return Who.secretariat(viewer) && t.type() == OrgType.NATIONAL_NETWORK;
        }
        if (Who.secretariat(viewer) && !t.organizationHasAdministrators()) {
            return true;
        }
        return Who.staff(viewer) && viewer.administers(t.organizationId());
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

    /** The accounts list: an organization's administrators see its people; the secretariat and sysadmins everyone's. */
    static boolean administratorsSeeTheirPeoplesAccounts(Viewer viewer, Resource.StaffAccount a) {
        return Who.secretariat(viewer) || viewer.is(Role.SYSADMIN)
                || a.organizationIds().stream().anyMatch(viewer::administers);
    }

    /**
     * Retiring an account (deactivating it, handing its responsibilities over): the administrators
     * of every organization the person belongs to, the secretariat, sysadmins; never one's own.
     * An administrator of only one of several organizations ends the person's membership there instead.
     */
    static boolean administratorsRetireTheirStaff(Viewer viewer, Resource.StaffAccount a) {
        if (!viewer.signedIn() || a.accountId() == viewer.accountId()) {
            return false;
        }
        return Who.secretariat(viewer) || viewer.is(Role.SYSADMIN)
                || (!a.organizationIds().isEmpty() && a.organizationIds().stream().allMatch(viewer::administers));
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
