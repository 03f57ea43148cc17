package jp.tsunagu.access;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.directory.OrgType;
import jp.tsunagu.platform.web.ProblemException;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides what a person may do. Deny by default: every rule below grants;
 * anything not granted is refused, and refused reads answer 404 so existence does not leak.
 * Lists and counts use the scope methods, which express the same rules as query restrictions.
 */
@ApplicationScoped
public class AccessPolicy {

    public boolean permits(Viewer viewer, Action action, Resource resource) {
        if (resource instanceof Resource.Organization o) {
            return action == Action.VIEW && (viewer.signedIn() || o.type() == OrgType.NAKAPOTSU);
        }
        if (resource instanceof Resource.OrganizationPeople) {
            return action == Action.VIEW && viewer.signedIn();
        }
        if (resource instanceof Resource.Directory) {
            return action == Action.VIEW;
        }
        if (resource instanceof Resource.Circle c) {
            return action == Action.VIEW && viewer.signedIn()
                    && (viewer.is(Role.NETWORK_ADMIN) || viewer.is(Role.SYSADMIN) || viewer.circleIds().contains(c.id()));
        }
        if (resource instanceof Resource.AuditLog) {
            return action == Action.VIEW && (viewer.is(Role.NETWORK_ADMIN) || viewer.is(Role.SYSADMIN));
        }
        if (resource instanceof Resource.InvitationTarget t) {
            return action == Action.INVITE ? mayInvite(viewer, t) : action == Action.REQUEST && mayRequestInvitation(viewer, t);
        }
        if (resource instanceof Resource.InvitationRequests) {
            // until organizations have administrators of their own, network-admin decides
            return action == Action.APPROVE && viewer.is(Role.NETWORK_ADMIN);
        }
        if (resource instanceof Resource.Account a) {
            return action == Action.CHANGE_ROLE && viewer.is(Role.SYSADMIN) && a.id() != viewer.accountId();
        }
        if (resource instanceof Resource.Programs) {
            return action == Action.VIEW ? viewer.signedIn() : action == Action.EDIT && viewer.is(Role.NETWORK_ADMIN);
        }
        if (resource instanceof Resource.Application a) {
            if (action == Action.VIEW) {
                return viewer.is(Role.NETWORK_ADMIN) || (viewer.signedIn() && viewer.memberOf(a.centerId()));
            }
            return action == Action.EDIT && viewer.is(Role.CENTER_LEAD) && viewer.memberOf(a.centerId());
        }
        if (resource instanceof Resource.Matching) {
            return (action == Action.VIEW || action == Action.EDIT) && viewer.is(Role.NETWORK_ADMIN);
        }
        if (resource instanceof Resource.Pairing p) {
            boolean member = viewer.signedIn() && (viewer.memberOf(p.implementingId()) || viewer.memberOf(p.supportingId()));
            boolean centerRole = viewer.is(Role.CENTER_LEAD) || viewer.is(Role.CENTER_STAFF);
            if (action == Action.VIEW) {
                return viewer.is(Role.NETWORK_ADMIN) || member
                        || (viewer.is(Role.ADVISOR) && p.advisorId() != null && p.advisorId().equals(viewer.accountId()));
            }
            return action == Action.EDIT && (viewer.is(Role.NETWORK_ADMIN) || (member && centerRole));
        }
        if (resource instanceof Resource.Meeting m) {
            return permitsMeeting(viewer, action, m);
        }
        if (resource instanceof Resource.Minutes m) {
            return action == Action.VIEW && m.published() ? permitsMeeting(viewer, Action.VIEW, m.meeting())
                    : permitsMeeting(viewer, Action.EDIT, m.meeting());
        }
        if (resource instanceof Resource.Posting p) {
            return permitsPosting(viewer, action, p);
        }
        if (resource instanceof Resource.PostingShare s) {
            return action == Action.SHARE && mayShare(viewer, s);
        }
        if (resource instanceof Resource.Conference c) {
            return permitsConference(viewer, action, c);
        }
        if (resource instanceof Resource.CaseMaterial m) {
            return permitsCaseMaterial(viewer, action, m);
        }
        if (resource instanceof Resource.ConferenceCreation c) {
            return action == Action.EDIT && staff(viewer) && viewer.circleIds().contains(c.circleId());
        }
        if (resource instanceof Resource.LearningsLibrary) {
            return action == Action.VIEW && viewer.signedIn();
        }
        if (resource instanceof Resource.Series s) {
            if (action == Action.VIEW) {
                return viewer.is(Role.NETWORK_ADMIN) || (viewer.signedIn()
                        && (viewer.circleIds().contains(s.circleId()) || s.organizerIds().stream().anyMatch(viewer::memberOf)));
            }
            return action == Action.EDIT && (viewer.is(Role.NETWORK_ADMIN) || (organizes(viewer, s.organizerIds())
                    && viewer.circleIds().contains(s.circleId())));
        }
        return false;
    }

    /**
     * Meetings: organizers (staff of a co-host, not advisors or sysadmins) and the secretariat run
     * them; invitees and the circle's members see announced ones; drafts only organizers.
     */
    private boolean permitsMeeting(Viewer viewer, Action action, Resource.Meeting m) {
        boolean runs = viewer.is(Role.NETWORK_ADMIN) || organizes(viewer, m.organizerIds());
        if (action == Action.EDIT) {
            return runs;
        }
        if (action != Action.VIEW || !viewer.signedIn()) {
            return false;
        }
        if (runs) {
            return true;
        }
        return !m.draft() && (m.invited() || (m.circleId() != null && viewer.circleIds().contains(m.circleId())
                && !viewer.is(Role.SYSADMIN)));
    }

    /**
     * Postings reach exactly where they were shared: the owner organization's staff; everyone
     * signed in for network-wide ones; members of the circles it was shared into for non-public
     * ones. The secretariat has no extra right here (a Hello Work opening shared in a circle stays
     * in that circle), sysadmins and advisors read none beyond their own organization. Editing,
     * closing and reading the view log: the owner organization's staff.
     */
    private boolean permitsPosting(Viewer viewer, Action action, Resource.Posting p) {
        PostingScope scope = postingScope(viewer);
        if (action == Action.VIEW) {
            return scope.ownOrganizations().contains(p.ownerOrgId())
                    || (scope.network() && "NETWORK".equals(p.visibility()))
                    || ("CIRCLES".equals(p.visibility()) && p.circleIds().stream().anyMatch(scope.circles()::contains));
        }
        return action == Action.EDIT && staff(viewer) && viewer.memberOf(p.ownerOrgId());
    }

    /**
     * Sharing into a circle: staff who see the posting and belong to the target circle; others than
     * the owner only when the posting may be forwarded.
     */
    private boolean mayShare(Viewer viewer, Resource.PostingShare s) {
        Resource.Posting p = s.posting();
        return staff(viewer) && permitsPosting(viewer, Action.VIEW, p) && viewer.circleIds().contains(s.targetCircleId())
                && (viewer.memberOf(p.ownerOrgId()) || !p.doNotForward());
    }

    /**
     * Conferences: their existence, date and format are visible to the circle's staff, the
     * secretariat and the attendees; the facilitator (a current attendee) sets them up and runs them.
     */
    private boolean permitsConference(Viewer viewer, Action action, Resource.Conference c) {
        if (!viewer.signedIn()) {
            return false;
        }
        if (action == Action.EDIT) {
            return "FACILITATOR".equals(c.attendeeRole());
        }
        return action == Action.VIEW && (c.attendeeRole() != null || viewer.is(Role.NETWORK_ADMIN)
                || (staff(viewer) && viewer.circleIds().contains(c.circleId())));
    }

    /**
     * Case material is for current attendees who accepted the pledge, and only until it is deleted
     * — never for the wider circle, the secretariat or sysadmins as such. The case sheet is written
     * by the presenter and the facilitator, the board by the recorder and the facilitator; every
     * attendee adds learnings; the read log is for the facilitator and the presenter. Learnings
     * outlive the material.
     */
    private boolean permitsCaseMaterial(Viewer viewer, Action action, Resource.CaseMaterial m) {
        Resource.Conference c = m.conference();
        String role = c.attendeeRole();
        if (!viewer.signedIn() || role == null) {
            return false;
        }
        if ("LOG".equals(m.part())) {
            return action == Action.VIEW && ("FACILITATOR".equals(role) || "PRESENTER".equals(role));
        }
        if (!c.pledged() || (c.materialsDeleted() && !"LEARNINGS".equals(m.part()))) {
            return false;
        }
        if (action == Action.VIEW) {
            return true;
        }
        return action == Action.EDIT && switch (m.part()) {
            case "CASE" -> "PRESENTER".equals(role) || "FACILITATOR".equals(role);
            case "BOARD" -> "RECORDER".equals(role) || "FACILITATOR".equals(role);
            case "LEARNINGS" -> true;
            default -> false;
        };
    }

    /** Staff of a member organization (not advisors or sysadmins, who hold no organization's data). */
    private static boolean staff(Viewer viewer) {
        return viewer.signedIn() && !viewer.is(Role.ADVISOR) && !viewer.is(Role.SYSADMIN);
    }

    /** What a viewer's posting lists, searches, counts, digests and exports may contain (the same rule as VIEW). */
    public record PostingScope(Set<Long> ownOrganizations, boolean network, Set<Long> circles) {
    }

    public PostingScope postingScope(Viewer viewer) {
        if (!viewer.signedIn()) {
            return new PostingScope(Set.of(), false, Set.of());
        }
        boolean staff = staff(viewer);
        return new PostingScope(viewer.organizationIds(), staff, staff ? viewer.circleIds() : Set.of());
    }

    private static boolean organizes(Viewer viewer, Set<Long> organizerIds) {
        return viewer.signedIn() && !viewer.is(Role.ADVISOR) && !viewer.is(Role.SYSADMIN)
                && organizerIds.stream().anyMatch(viewer::memberOf);
    }

    /** Throws the 404 problem unless permitted (for reads) — the caller cannot tell "hidden" from "absent". */
    public void require(Viewer viewer, Action action, Resource resource) {
        if (!permits(viewer, action, resource)) {
            if (!viewer.signedIn() && action != Action.VIEW) {
                throw ProblemException.unauthorized();
            }
            throw ProblemException.notFound();
        }
    }

    /**
     * For writes: 401 for anonymous visitors, 403 when the viewer may see the resource but not
     * change it, 404 when the viewer may not even see it.
     */
    public void requireEdit(Viewer viewer, Resource resource) {
        if (permits(viewer, Action.EDIT, resource)) {
            return;
        }
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        if (permits(viewer, Action.VIEW, resource)) {
            throw new ProblemException(403, "forbidden");
        }
        throw ProblemException.notFound();
    }

    /** Organization types a viewer may list; empty means all. */
    public Optional<Set<OrgType>> listableOrganizationTypes(Viewer viewer) {
        return viewer.signedIn() ? Optional.empty() : Optional.of(EnumSet.of(OrgType.NAKAPOTSU));
    }

    /** Circles a viewer may list; empty means all. */
    public Optional<Set<Long>> listableCircles(Viewer viewer) {
        if (viewer.is(Role.NETWORK_ADMIN) || viewer.is(Role.SYSADMIN)) {
            return Optional.empty();
        }
        return Optional.of(viewer.signedIn() ? viewer.circleIds() : Set.of());
    }

    /** Centers whose applications a viewer may list; empty means all. */
    public Optional<Set<Long>> listableApplicationCenters(Viewer viewer) {
        if (viewer.is(Role.NETWORK_ADMIN)) {
            return Optional.empty();
        }
        return Optional.of(viewer.signedIn() ? viewer.organizationIds() : Set.of());
    }

    /** Roles this viewer can hand out with an invitation, most common first (for forms). */
    public List<Role> invitableRoles(Viewer viewer) {
        return switch (viewer.role() == null ? Role.PARTNER_STAFF : viewer.role()) {
            case NETWORK_ADMIN -> List.of(Role.CENTER_STAFF, Role.CENTER_LEAD, Role.PARTNER_STAFF, Role.ADVISOR,
                    Role.NETWORK_ADMIN);
            case CENTER_LEAD -> List.of(Role.CENTER_STAFF, Role.CENTER_LEAD, Role.PARTNER_STAFF);
            default -> List.of();
        };
    }

    private boolean mayInvite(Viewer viewer, Resource.InvitationTarget t) {
        if (!viewer.signedIn() || t.role() == Role.SYSADMIN) {
            return false;
        }
        if (viewer.is(Role.NETWORK_ADMIN)) {
            return roleFitsOrganization(t.role(), t.type());
        }
        if (!viewer.is(Role.CENTER_LEAD)) {
            return false;
        }
        // a center lead invites into their own center only
        return viewer.memberOf(t.organizationId()) && t.type() == OrgType.NAKAPOTSU
                && (t.role() == Role.CENTER_LEAD || t.role() == Role.CENTER_STAFF);
    }

    /**
     * A center lead may ask for someone to be invited into a partner organization that shares a
     * circle with their center; that organization's administrator (network-admin for now) decides.
     */
    private boolean mayRequestInvitation(Viewer viewer, Resource.InvitationTarget t) {
        return viewer.signedIn() && viewer.is(Role.CENTER_LEAD) && !viewer.memberOf(t.organizationId())
                && t.sharesCircleWithViewer() && t.type() != OrgType.NAKAPOTSU && t.type() != OrgType.NATIONAL_NETWORK
                && t.role() == Role.PARTNER_STAFF;
    }

    private static boolean roleFitsOrganization(Role role, OrgType type) {
        return switch (role) {
            case CENTER_LEAD, CENTER_STAFF -> type == OrgType.NAKAPOTSU;
            case NETWORK_ADMIN -> type == OrgType.NATIONAL_NETWORK;
            case PARTNER_STAFF -> type != OrgType.NAKAPOTSU && type != OrgType.NATIONAL_NETWORK;
            case ADVISOR -> true;
            case SYSADMIN -> false;
        };
    }
}
