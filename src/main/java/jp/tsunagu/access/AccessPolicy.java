package jp.tsunagu.access;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides what a person may do. Deny by default: every rule grants; anything
 * not granted is refused. The rules live per feature in small files beside this one
 * ({@code DirectoryRules}, {@code AccountRules}, {@code PairingRules}, {@code MeetingRules},
 * {@code PostingRules}, {@code ConferenceRules}, {@code CircleRules}, {@code SurveyRules}, {@code StatisticsRules}), each predicate named after the rule it states;
 * this class only dispatches and turns a refusal into its {@link Decision}. Lists and counts use
 * the scope methods, which express the same rules as query restrictions.
 */
@ApplicationScoped
public class AccessPolicy {

    /** Whether the viewer may do this (the decision is {@link Decision#ALLOW}). */
    public boolean permits(Viewer viewer, Action action, Resource resource) {
        return grants(viewer, action, resource);
    }

    /**
     * The whole answer: ALLOW, or why not. Refused reads are HIDDEN (404: existence does not leak);
     * an anonymous visitor asked to sign in first; a write the viewer may see but not make FORBIDDEN;
     * case material may also be PLEDGE_FIRST or GONE.
     */
    public Decision decide(Viewer viewer, Action action, Resource resource) {
        if (grants(viewer, action, resource)) {
            return Decision.ALLOW;
        }
        if (resource instanceof Resource.CaseMaterial m) {
            return ConferenceRules.materialRefusal(viewer, action, m);
        }
        if (!viewer.signedIn()) {
            return Decision.SIGN_IN_FIRST;
        }
        if (action != Action.VIEW && visibleBeside(viewer, resource)) {
            return Decision.FORBIDDEN;
        }
        return Decision.HIDDEN;
    }

    /** What a viewer refused an action may still see of the same thing (so the refusal is 403, not 404). */
    private boolean visibleBeside(Viewer viewer, Resource resource) {
        if (resource instanceof Resource.InternshipBooking b) {
            return grants(viewer, Action.VIEW, b) || grants(viewer, Action.VIEW, b.posting());
        }
        if (resource instanceof Resource.PostingShare s) {
            return grants(viewer, Action.VIEW, s.posting());
        }
        if (resource instanceof Resource.CandidateQuestion q) {
            return grants(viewer, Action.VIEW, q.posting());
        }
        if (resource instanceof Resource.MeetingOrganizers o) {
            return grants(viewer, Action.VIEW, o.meeting());
        }
        if (resource instanceof Resource.MeetingBackstage) {
            return false;
        }
        if (resource instanceof Resource.OrganizationProfile) {
            return viewer.signedIn();
        }
        if (resource instanceof Resource.SurveyCreation) {
            return viewer.signedIn();
        }
        if (resource instanceof Resource.CircleAdmin c) {
            return grants(viewer, Action.VIEW, c) || grants(viewer, Action.VIEW, new Resource.Circle(c.circleId()));
        }
        if (resource instanceof Resource.CircleRemoval r) {
            return visibleBeside(viewer, r.circle());
        }
        if (resource instanceof Resource.CircleMembership m) {
            return grants(viewer, Action.VIEW, new Resource.Circle(m.circleId()));
        }
        if (resource instanceof Resource.CoHostRequest r) {
            return grants(viewer, Action.VIEW, r.meeting());
        }
        return grants(viewer, Action.VIEW, resource);
    }

    private boolean grants(Viewer viewer, Action action, Resource resource) {
        if (resource instanceof Resource.Organization o) {
            return action == Action.VIEW && DirectoryRules.profileIsOpenToThem(viewer, o);
        }
        if (resource instanceof Resource.OrganizationPeople) {
            return action == Action.VIEW && DirectoryRules.peopleAreShownToMembers(viewer);
        }
        if (resource instanceof Resource.OrganizationProfile p) {
            return action == Action.EDIT && DirectoryRules.administratorsCorrectTheirProfile(viewer, p);
        }
        if (resource instanceof Resource.OrganizationRegistration r) {
            return action == Action.EDIT && DirectoryRules.registrationIsTheSecretariatsOrALeadsNearby(viewer, r);
        }
        if (resource instanceof Resource.DirectoryUpkeep) {
            return (action == Action.VIEW || action == Action.EDIT) && DirectoryRules.theSecretariatKeepsTheDirectory(viewer);
        }
        if (resource instanceof Resource.OrganizationConfirmation) {
            return action == Action.APPROVE && DirectoryRules.theSecretariatConfirms(viewer);
        }
        if (resource instanceof Resource.OrganizationStaff s) {
            return action == Action.VIEW ? AccountRules.administratorsSeeTheirStaff(viewer, s)
                    : (action == Action.EDIT || action == Action.APPROVE) && AccountRules.administratorsRunTheirStaff(viewer, s);
        }
        if (resource instanceof Resource.JoinRequest j) {
            return action == Action.REQUEST && AccountRules.staffAskToJoin(viewer, j);
        }
        if (resource instanceof Resource.Directory) {
            return action == Action.VIEW;
        }
        if (resource instanceof Resource.Circle c) {
            return action == Action.VIEW && DirectoryRules.circleIsOpenToItsMembers(viewer, c);
        }
        if (resource instanceof Resource.CircleCreation c) {
            return action == Action.EDIT && CircleRules.centerStaffAndTheSecretariatStartCircles(viewer, c);
        }
        if (resource instanceof Resource.CircleAdmin c) {
            return action == Action.VIEW ? CircleRules.ownersSeeTheManagement(viewer, c)
                    : action == Action.EDIT && CircleRules.ownersRunTheCircle(viewer, c);
        }
        if (resource instanceof Resource.CircleRemoval r) {
            return action == Action.EDIT && CircleRules.ownersTakeMembersOut(viewer, r);
        }
        if (resource instanceof Resource.CircleMembership m) {
            return action == Action.LEAVE && CircleRules.administratorsTakeTheirOrganizationOut(viewer, m);
        }
        if (resource instanceof Resource.CircleInvitation i) {
            return action == Action.APPROVE && CircleRules.administratorsAnswerForTheirOrganization(viewer, i);
        }
        if (resource instanceof Resource.AuditLog) {
            return action == Action.VIEW && DirectoryRules.auditLogIsForTheSecretariatAndSysadmins(viewer);
        }
        if (resource instanceof Resource.InvitationTarget t) {
            return action == Action.INVITE ? AccountRules.mayInviteDirectly(viewer, t)
                    : action == Action.REQUEST && AccountRules.mayRequestAnInvitationIntoAPartner(viewer, t);
        }
        if (resource instanceof Resource.InvitationRequests) {
            return action == Action.APPROVE && AccountRules.administratorsSeeTheRequestsIntoTheirOrganization(viewer);
        }
        if (resource instanceof Resource.InvitationRequest r) {
            return action == Action.APPROVE && AccountRules.theOrganizationDecidesWhoJoinsIt(viewer, r);
        }
        if (resource instanceof Resource.StaffAccount a) {
            return action == Action.VIEW ? AccountRules.administratorsSeeTheirPeoplesAccounts(viewer, a)
                    : action == Action.EDIT && AccountRules.administratorsRetireTheirStaff(viewer, a);
        }
        if (resource instanceof Resource.Account a) {
            return action == Action.CHANGE_ROLE && AccountRules.sysadminChangesOthersRoles(viewer, a);
        }
        if (resource instanceof Resource.Programs) {
            return PairingRules.programs(viewer, action);
        }
        if (resource instanceof Resource.Application a) {
            return PairingRules.application(viewer, action, a);
        }
        if (resource instanceof Resource.Matching) {
            return PairingRules.matchingIsTheSecretariats(viewer, action);
        }
        if (resource instanceof Resource.Pairing p) {
            return PairingRules.pairWorkspace(viewer, action, p);
        }
        if (resource instanceof Resource.PairReport r) {
            return PairingRules.pairReport(viewer, action, r);
        }
        if (resource instanceof Resource.ProgramReport) {
            return action == Action.VIEW && PairingRules.theProgramsReportIsTheSecretariats(viewer);
        }
        if (resource instanceof Resource.Meeting m) {
            return action == Action.EDIT ? MeetingRules.runsTheMeeting(viewer, m)
                    : action == Action.VIEW && MeetingRules.seesTheMeeting(viewer, m);
        }
        if (resource instanceof Resource.MeetingBackstage b) {
            return action == Action.VIEW && MeetingRules.runsTheMeeting(viewer, b.meeting());
        }
        if (resource instanceof Resource.MeetingOrganizers o) {
            return action == Action.EDIT && MeetingRules.onlyTheHostChangesTheCoHosts(viewer, o);
        }
        if (resource instanceof Resource.CoHostRequest r) {
            return action == Action.APPROVE && MeetingRules.askedToCoHost(viewer, r.meeting());
        }
        if (resource instanceof Resource.NetworkWideMail) {
            return action == Action.INVITE && MeetingRules.secretariatMailsTheWholeNetwork(viewer);
        }
        if (resource instanceof Resource.Minutes m) {
            return MeetingRules.minutes(viewer, action, m);
        }
        if (resource instanceof Resource.Series s) {
            return MeetingRules.series(viewer, action, s);
        }
        if (resource instanceof Resource.Posting p) {
            return action == Action.VIEW ? PostingRules.reachesThem(postingScope(viewer), p)
                    : action == Action.EDIT && PostingRules.ownersStaffEdit(viewer, p);
        }
        if (resource instanceof Resource.PostingShare s) {
            return action == Action.SHARE && PostingRules.mayShareFurther(viewer, postingScope(viewer), s);
        }
        if (resource instanceof Resource.InternshipBooking b) {
            return PostingRules.booking(viewer, action, postingScope(viewer), b);
        }
        if (resource instanceof Resource.CandidateQuestion q) {
            return action == Action.REQUEST && PostingRules.mayAskForCandidates(viewer, postingScope(viewer), q);
        }
        if (resource instanceof Resource.Conference c) {
            return ConferenceRules.conference(viewer, action, c);
        }
        if (resource instanceof Resource.CaseMaterial m) {
            return ConferenceRules.material(viewer, action, m);
        }
        if (resource instanceof Resource.ConferenceCreation c) {
            return action == Action.EDIT && ConferenceRules.circleStaffSetUpConferences(viewer, c);
        }
        if (resource instanceof Resource.SurveyCreation c) {
            return action == Action.EDIT && SurveyRules.theSecretariatAndImplementingCentersAsk(viewer, c);
        }
        if (resource instanceof Resource.Survey s) {
            return action == Action.VIEW ? SurveyRules.resultsReachOwnersTheSecretariatAndSharedCircles(viewer, s)
                    : action == Action.EDIT && SurveyRules.ownersRunTheirSurvey(viewer, s);
        }
        if (resource instanceof Resource.SurveyResponses r) {
            return action == Action.VIEW && SurveyRules.responsesAreForTheOwnersAndTheSecretariat(viewer, r);
        }
        if (resource instanceof Resource.CenterStatistics s) {
            return action == Action.VIEW ? StatisticsRules.figuresAreReadByTheCenterAndTheSecretariat(viewer, s)
                    : action == Action.EDIT && StatisticsRules.aCentersStaffKeepItsFigures(viewer, s);
        }
        if (resource instanceof Resource.NationalStatistics) {
            return action == Action.VIEW && StatisticsRules.nationalTablesAreTheSecretariats(viewer);
        }
        if (resource instanceof Resource.LearningsLibrary) {
            return action == Action.VIEW && viewer.signedIn();
        }
        return false;
    }

    /** What a viewer's posting lists, searches, counts, digests and exports may contain (the same rule as VIEW). */
    public record PostingScope(Set<Long> ownOrganizations, boolean network, Set<Long> circles) {
    }

    public PostingScope postingScope(Viewer viewer) {
        if (!viewer.signedIn()) {
            return new PostingScope(Set.of(), false, Set.of());
        }
        boolean staff = Who.staff(viewer);
        return new PostingScope(viewer.organizationIds(), staff, staff ? viewer.circleIds() : Set.of());
    }

    /** Throws the refusal for reads: 404 (the caller cannot tell "hidden" from "absent"), 401 when an anonymous visitor acts. */
    public void require(Viewer viewer, Action action, Resource resource) {
        if (grants(viewer, action, resource)) {
            return;
        }
        if (!viewer.signedIn() && action != Action.VIEW) {
            Decision.SIGN_IN_FIRST.orThrow();
        }
        Decision.HIDDEN.orThrow();
    }

    /**
     * For writes: 401 for anonymous visitors, 403 when the viewer may see the resource but not
     * change it, 404 when the viewer may not even see it.
     */
    public void requireEdit(Viewer viewer, Resource resource) {
        decide(viewer, Action.EDIT, resource).orThrow();
    }

    /** What a viewer's survey list may contain (the same rule as VIEW on a survey). */
    public record SurveyScope(boolean all, Set<Long> ownOrganizations, Set<Long> circles) {
    }

    public SurveyScope surveyScope(Viewer viewer) {
        boolean staff = Who.staff(viewer);
        return new SurveyScope(Who.secretariat(viewer), staff ? viewer.organizationIds() : Set.of(), staff ? viewer.circleIds() : Set.of());
    }

    /** Whether the viewer has a survey list at all (staff of member organizations and the secretariat). */
    public boolean surveysListable(Viewer viewer) {
        return SurveyRules.staffListSurveys(viewer);
    }

    /** Whether the viewer has statistics to open (the secretariat's tables, a center's own figures). */
    public boolean statisticsListable(Viewer viewer) {
        return StatisticsRules.nationalTablesAreTheSecretariats(viewer) || viewer.is(Role.CENTER_LEAD) || viewer.is(Role.CENTER_STAFF);
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

    /** Roles this viewer can hand out with an invitation (directly or by request), most common first (for forms). */
    public List<Role> invitableRoles(Viewer viewer) {
        return AccountRules.invitableRoles(viewer);
    }
}
