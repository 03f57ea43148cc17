package jp.tsunagu.access;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access policy alone, as a table: viewer × resource × action → decision. No database, no
 * HTTP: it runs in milliseconds. The HTTP access matrices stay beside it as the proof that every
 * endpoint asks the policy; this table proves what the policy answers.
 */
class AccessPolicyTableTest {

    static final long CENTER = 1;       // a ナカポツ center
    static final long PARTNER = 2;      // a partner office in circle A
    static final long OTHER_CENTER = 3; // a center in circle B only
    static final long HELLO_WORK = 4;   // a Hello Work office in circle A
    static final long NETWORK_ORG = 9;  // the national secretariat
    static final long CIRCLE_A = 100;
    static final long CIRCLE_B = 200;

    /** A viewer; as in the data, a center's lead administers it and the secretariat the national network. */
    static Viewer viewer(long account, Role role, Set<Long> orgs, Set<Long> circles) {
        boolean administers = role == Role.CENTER_LEAD || role == Role.NETWORK_ADMIN;
        return new Viewer(account, "p" + account + "@example.jp", "P" + account, role, Locale.JAPANESE, orgs, circles, UUID.randomUUID(),
                administers ? orgs : Set.of(), Set.of());
    }

    static final Viewer ANON = Viewer.anonymous(Locale.JAPANESE);
    static final Viewer ADMIN = viewer(10, Role.NETWORK_ADMIN, Set.of(NETWORK_ORG), Set.of());
    static final Viewer LEAD = viewer(11, Role.CENTER_LEAD, Set.of(CENTER), Set.of(CIRCLE_A));
    static final Viewer STAFF = viewer(12, Role.CENTER_STAFF, Set.of(CENTER), Set.of(CIRCLE_A));
    static final Viewer PARTNER_STAFF = viewer(13, Role.PARTNER_STAFF, Set.of(PARTNER), Set.of(CIRCLE_A));
    static final Viewer OTHER_LEAD = viewer(14, Role.CENTER_LEAD, Set.of(OTHER_CENTER), Set.of(CIRCLE_B));
    static final Viewer HW = viewer(15, Role.PARTNER_STAFF, Set.of(HELLO_WORK), Set.of(CIRCLE_A));
    static final Viewer ADVISOR = viewer(16, Role.ADVISOR, Set.of(), Set.of());
    static final Viewer SYSADMIN = viewer(17, Role.SYSADMIN, Set.of(), Set.of());
    /** The administrator of the partner organization (PARTNER_STAFF is a plain member of its staff). */
    static final Viewer PARTNER_ADMIN = new Viewer(19L, "p19@example.jp", "P19", Role.PARTNER_STAFF, Locale.JAPANESE, Set.of(PARTNER),
            Set.of(CIRCLE_A), UUID.randomUUID(), Set.of(PARTNER), Set.of());
    /** A lead whose circle B is archived. */
    static final Viewer ARCHIVED_B = new Viewer(22L, "p22@example.jp", "P22", Role.CENTER_LEAD, Locale.JAPANESE, Set.of(OTHER_CENTER),
            Set.of(CIRCLE_B), UUID.randomUUID(), Set.of(OTHER_CENTER), Set.of(CIRCLE_B));
    /** A partner whose organization has left circle A: it still has an attendee row, but no circle. */
    static final Viewer LEFT_CIRCLE = viewer(18, Role.PARTNER_STAFF, Set.of(PARTNER), Set.of());

    final AccessPolicy policy = new AccessPolicy();
    final List<String> failures = new ArrayList<>();
    int rows;

    void row(Viewer v, Action a, Resource r, Decision expected) {
        rows++;
        Decision got = policy.decide(v, a, r);
        if (got != expected) {
            failures.add(name(v) + " " + a + " " + r + " → " + got + ", expected " + expected);
        }
        if (got.allowed() != policy.permits(v, a, r)) {
            failures.add("permits disagrees with decide for " + name(v) + " " + a + " " + r);
        }
    }

    static String name(Viewer v) {
        return v.signedIn() ? v.role() + "#" + v.accountId() : "ANON";
    }

    @Test
    void theTable() {
        long start = System.nanoTime();
        directory();
        circles();
        invitations();
        pairing();
        meetings();
        postings();
        conferences();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("Access policy table: %d rows in %d ms%n", rows, millis);
        assertTrue(rows >= 150, "rows: " + rows);
        assertEquals(List.of(), failures, String.join("\n", failures));
    }

    void directory() {
        Resource center = new Resource.Organization(CENTER, OrgType.NAKAPOTSU);
        Resource partner = new Resource.Organization(PARTNER, OrgType.TRANSITION_SUPPORT);
        row(ANON, Action.VIEW, center, Decision.ALLOW);
        row(ANON, Action.VIEW, partner, Decision.SIGN_IN_FIRST);
        row(OTHER_LEAD, Action.VIEW, partner, Decision.ALLOW);
        row(ANON, Action.VIEW, new Resource.OrganizationPeople(CENTER), Decision.SIGN_IN_FIRST);
        row(HW, Action.VIEW, new Resource.OrganizationPeople(CENTER), Decision.ALLOW);
        row(ANON, Action.EDIT, center, Decision.SIGN_IN_FIRST);
        row(LEAD, Action.EDIT, center, Decision.FORBIDDEN);
        Resource circleA = new Resource.Circle(CIRCLE_A);
        row(PARTNER_STAFF, Action.VIEW, circleA, Decision.ALLOW);
        row(OTHER_LEAD, Action.VIEW, circleA, Decision.HIDDEN);
        row(ADMIN, Action.VIEW, circleA, Decision.ALLOW);
        row(SYSADMIN, Action.VIEW, circleA, Decision.ALLOW);
        row(ADVISOR, Action.VIEW, circleA, Decision.HIDDEN);
        row(ANON, Action.VIEW, circleA, Decision.SIGN_IN_FIRST);
        row(ADMIN, Action.VIEW, new Resource.AuditLog(), Decision.ALLOW);
        row(SYSADMIN, Action.VIEW, new Resource.AuditLog(), Decision.ALLOW);
        row(LEAD, Action.VIEW, new Resource.AuditLog(), Decision.HIDDEN);
        row(ANON, Action.VIEW, new Resource.Directory(), Decision.ALLOW);
        // the directory as a whole (import, export, duplicates, offices to confirm): the secretariat's alone
        Resource upkeep = new Resource.DirectoryUpkeep();
        row(ADMIN, Action.EDIT, upkeep, Decision.ALLOW);
        row(ADMIN, Action.VIEW, upkeep, Decision.ALLOW);
        for (Viewer v : List.of(LEAD, STAFF, PARTNER_ADMIN, PARTNER_STAFF, HW, ADVISOR, SYSADMIN)) {
            row(v, Action.VIEW, upkeep, Decision.HIDDEN);
            row(v, Action.EDIT, upkeep, Decision.HIDDEN);
        }
        row(ANON, Action.VIEW, upkeep, Decision.SIGN_IN_FIRST);
        row(ANON, Action.EDIT, upkeep, Decision.SIGN_IN_FIRST);
        row(ADMIN, Action.APPROVE, upkeep, Decision.FORBIDDEN);
    }

    void circles() {
        // an organization's staff: its administrators; the secretariat sees all, acts only where nobody administers
        row(PARTNER_ADMIN, Action.VIEW, new Resource.OrganizationStaff(PARTNER, true), Decision.ALLOW);
        row(PARTNER_ADMIN, Action.EDIT, new Resource.OrganizationStaff(PARTNER, true), Decision.ALLOW);
        row(PARTNER_STAFF, Action.VIEW, new Resource.OrganizationStaff(PARTNER, true), Decision.HIDDEN);
        row(ADMIN, Action.VIEW, new Resource.OrganizationStaff(PARTNER, true), Decision.ALLOW);
        row(ADMIN, Action.EDIT, new Resource.OrganizationStaff(PARTNER, true), Decision.FORBIDDEN);
        row(ADMIN, Action.APPROVE, new Resource.OrganizationStaff(PARTNER, false), Decision.ALLOW);
        row(LEAD, Action.EDIT, new Resource.OrganizationStaff(PARTNER, false), Decision.HIDDEN);
        row(HW, Action.REQUEST, new Resource.JoinRequest(PARTNER, true, false), Decision.ALLOW);
        row(HW, Action.REQUEST, new Resource.JoinRequest(PARTNER, true, true), Decision.HIDDEN);
        row(ADVISOR, Action.REQUEST, new Resource.JoinRequest(PARTNER, false, false), Decision.HIDDEN);
        row(ADMIN, Action.REQUEST, new Resource.JoinRequest(PARTNER, false, false), Decision.HIDDEN);
        // retiring an account: the administrators of all its organizations, the secretariat, sysadmins; never one's own
        row(LEAD, Action.EDIT, new Resource.StaffAccount(12, Set.of(CENTER)), Decision.ALLOW);
        row(LEAD, Action.EDIT, new Resource.StaffAccount(12, Set.of(CENTER, PARTNER)), Decision.FORBIDDEN);
        row(LEAD, Action.EDIT, new Resource.StaffAccount(11, Set.of(CENTER)), Decision.FORBIDDEN);
        row(STAFF, Action.EDIT, new Resource.StaffAccount(13, Set.of(CENTER)), Decision.HIDDEN);
        row(ADMIN, Action.EDIT, new Resource.StaffAccount(12, Set.of(CENTER)), Decision.ALLOW);
        row(SYSADMIN, Action.EDIT, new Resource.StaffAccount(12, Set.of()), Decision.ALLOW);
        row(OTHER_LEAD, Action.VIEW, new Resource.StaffAccount(12, Set.of(CENTER)), Decision.HIDDEN);
        // starting: center staff for their own center, the secretariat for its own; never owned by someone else's
        row(LEAD, Action.EDIT, new Resource.CircleCreation(CENTER, false), Decision.ALLOW);
        row(STAFF, Action.EDIT, new Resource.CircleCreation(CENTER, false), Decision.ALLOW);
        row(LEAD, Action.EDIT, new Resource.CircleCreation(OTHER_CENTER, false), Decision.HIDDEN);
        row(LEAD, Action.EDIT, new Resource.CircleCreation(CENTER, true), Decision.HIDDEN);
        row(ADMIN, Action.EDIT, new Resource.CircleCreation(NETWORK_ORG, true), Decision.ALLOW);
        row(ADMIN, Action.EDIT, new Resource.CircleCreation(CENTER, false), Decision.HIDDEN);
        row(PARTNER_ADMIN, Action.EDIT, new Resource.CircleCreation(PARTNER, false), Decision.HIDDEN);
        row(ADVISOR, Action.EDIT, new Resource.CircleCreation(-1, false), Decision.HIDDEN);
        row(ANON, Action.EDIT, new Resource.CircleCreation(-1, false), Decision.SIGN_IN_FIRST);
        // running: the owners' staff and the secretariat; members who do not own it see it but do not run it
        Resource.CircleAdmin owned = new Resource.CircleAdmin(CIRCLE_A, Set.of(CENTER), false, false);
        row(STAFF, Action.EDIT, owned, Decision.ALLOW);
        row(ADMIN, Action.EDIT, owned, Decision.ALLOW);
        row(PARTNER_ADMIN, Action.EDIT, owned, Decision.FORBIDDEN);
        row(PARTNER_ADMIN, Action.VIEW, owned, Decision.HIDDEN);
        row(OTHER_LEAD, Action.EDIT, owned, Decision.HIDDEN);
        row(SYSADMIN, Action.EDIT, owned, Decision.FORBIDDEN);
        row(ANON, Action.EDIT, owned, Decision.SIGN_IN_FIRST);
        // archived: read-only, but the owners still take members out; a pair's follows the matching
        Resource.CircleAdmin archived = new Resource.CircleAdmin(CIRCLE_A, Set.of(CENTER), true, false);
        row(LEAD, Action.VIEW, archived, Decision.ALLOW);
        row(LEAD, Action.EDIT, archived, Decision.FORBIDDEN);
        row(LEAD, Action.EDIT, new Resource.CircleRemoval(archived), Decision.ALLOW);
        row(PARTNER_ADMIN, Action.EDIT, new Resource.CircleRemoval(archived), Decision.FORBIDDEN);
        Resource.CircleAdmin pair = new Resource.CircleAdmin(CIRCLE_A, Set.of(CENTER), false, true);
        row(LEAD, Action.EDIT, pair, Decision.FORBIDDEN);
        row(LEAD, Action.EDIT, new Resource.CircleRemoval(pair), Decision.FORBIDDEN);
        // leaving: the organization's administrator
        row(PARTNER_ADMIN, Action.LEAVE, new Resource.CircleMembership(CIRCLE_A, PARTNER, false), Decision.ALLOW);
        row(PARTNER_STAFF, Action.LEAVE, new Resource.CircleMembership(CIRCLE_A, PARTNER, false), Decision.FORBIDDEN);
        row(PARTNER_ADMIN, Action.LEAVE, new Resource.CircleMembership(CIRCLE_A, PARTNER, true), Decision.FORBIDDEN);
        row(OTHER_LEAD, Action.LEAVE, new Resource.CircleMembership(CIRCLE_A, PARTNER, false), Decision.HIDDEN);
        // answering an invitation: the invited organization's administrator; the secretariat where nobody administers it
        row(PARTNER_ADMIN, Action.APPROVE, new Resource.CircleInvitation(PARTNER, true), Decision.ALLOW);
        row(PARTNER_STAFF, Action.APPROVE, new Resource.CircleInvitation(PARTNER, true), Decision.HIDDEN);
        row(ADMIN, Action.APPROVE, new Resource.CircleInvitation(PARTNER, true), Decision.HIDDEN);
        row(ADMIN, Action.APPROVE, new Resource.CircleInvitation(PARTNER, false), Decision.ALLOW);
        row(LEAD, Action.APPROVE, new Resource.CircleInvitation(PARTNER, false), Decision.HIDDEN);
        // nothing new goes into an archived circle: sharing a posting, setting up a conference
        Resource.Posting network = new Resource.Posting(OTHER_CENTER, PostingVisibility.NETWORK, Set.of(), false);
        row(ARCHIVED_B, Action.SHARE, new Resource.PostingShare(network, CIRCLE_B), Decision.FORBIDDEN);
        row(ARCHIVED_B, Action.EDIT, new Resource.ConferenceCreation(CIRCLE_B), Decision.HIDDEN);
        row(ARCHIVED_B, Action.VIEW, new Resource.Circle(CIRCLE_B), Decision.ALLOW);
    }

    void invitations() {
        Resource ownStaff = new Resource.InvitationTarget(CENTER, OrgType.NAKAPOTSU, Role.CENTER_STAFF, false);
        Resource ownLead = new Resource.InvitationTarget(CENTER, OrgType.NAKAPOTSU, Role.CENTER_LEAD, false);
        Resource ownAsPartner = new Resource.InvitationTarget(CENTER, OrgType.NAKAPOTSU, Role.PARTNER_STAFF, false);
        Resource partnerInCircle = new Resource.InvitationTarget(PARTNER, OrgType.TRANSITION_SUPPORT, Role.PARTNER_STAFF, true);
        Resource helloWorkInCircle = new Resource.InvitationTarget(HELLO_WORK, OrgType.HELLO_WORK, Role.PARTNER_STAFF, true);
        Resource partnerNotInCircle = new Resource.InvitationTarget(PARTNER, OrgType.TRANSITION_SUPPORT, Role.PARTNER_STAFF, false);
        Resource otherCenter = new Resource.InvitationTarget(OTHER_CENTER, OrgType.NAKAPOTSU, Role.CENTER_STAFF, true);
        Resource asSysadmin = new Resource.InvitationTarget(CENTER, OrgType.NAKAPOTSU, Role.SYSADMIN, false);
        Resource partnerAsLead = new Resource.InvitationTarget(PARTNER, OrgType.TRANSITION_SUPPORT, Role.CENTER_LEAD, true);
        row(LEAD, Action.INVITE, ownStaff, Decision.ALLOW);
        row(LEAD, Action.INVITE, ownLead, Decision.ALLOW);
        row(LEAD, Action.INVITE, ownAsPartner, Decision.HIDDEN);
        // the reproduced attack: a lead can no longer place an account in a partner, only ask
        row(LEAD, Action.INVITE, partnerInCircle, Decision.HIDDEN);
        row(LEAD, Action.REQUEST, partnerInCircle, Decision.ALLOW);
        row(LEAD, Action.INVITE, helloWorkInCircle, Decision.HIDDEN);
        row(LEAD, Action.REQUEST, helloWorkInCircle, Decision.ALLOW);
        row(LEAD, Action.REQUEST, partnerNotInCircle, Decision.HIDDEN);
        row(LEAD, Action.REQUEST, partnerAsLead, Decision.HIDDEN);
        row(LEAD, Action.INVITE, otherCenter, Decision.HIDDEN);
        row(LEAD, Action.REQUEST, otherCenter, Decision.HIDDEN);
        row(LEAD, Action.REQUEST, ownStaff, Decision.HIDDEN);
        row(STAFF, Action.INVITE, ownStaff, Decision.HIDDEN);
        row(STAFF, Action.REQUEST, partnerInCircle, Decision.HIDDEN);
        row(PARTNER_STAFF, Action.INVITE, partnerInCircle, Decision.HIDDEN);
        // the secretariat invites an organization's first account only: where nobody administers it
        row(ADMIN, Action.INVITE, ownStaff, Decision.HIDDEN);
        row(ADMIN, Action.INVITE, partnerInCircle, Decision.HIDDEN);
        row(ADMIN, Action.INVITE, new Resource.InvitationTarget(CENTER, OrgType.NAKAPOTSU, Role.CENTER_STAFF, false, false), Decision.ALLOW);
        row(ADMIN, Action.INVITE, new Resource.InvitationTarget(PARTNER, OrgType.TRANSITION_SUPPORT, Role.PARTNER_STAFF, true, false),
                Decision.ALLOW);
        row(ADMIN, Action.INVITE, new Resource.InvitationTarget(PARTNER, OrgType.TRANSITION_SUPPORT, Role.ADVISOR, true, false),
                Decision.HIDDEN);
        row(ADMIN, Action.INVITE, new Resource.InvitationTarget(NETWORK_ORG, OrgType.NATIONAL_NETWORK, Role.ADVISOR, false, true),
                Decision.ALLOW);
        row(LEAD, Action.INVITE, new Resource.InvitationTarget(CENTER, OrgType.NAKAPOTSU, Role.ADVISOR, false, true), Decision.HIDDEN);
        row(ADMIN, Action.INVITE, partnerAsLead, Decision.HIDDEN);
        row(ADMIN, Action.INVITE, asSysadmin, Decision.HIDDEN);
        row(ADVISOR, Action.INVITE, ownStaff, Decision.HIDDEN);
        row(SYSADMIN, Action.INVITE, ownStaff, Decision.HIDDEN);
        row(ANON, Action.INVITE, ownStaff, Decision.SIGN_IN_FIRST);
        // an organization's administrator invites its own staff, with a role that fits it
        row(PARTNER_ADMIN, Action.INVITE, partnerInCircle, Decision.ALLOW);
        row(PARTNER_ADMIN, Action.INVITE, partnerAsLead, Decision.HIDDEN);
        row(PARTNER_ADMIN, Action.INVITE, helloWorkInCircle, Decision.HIDDEN);
        row(PARTNER_ADMIN, Action.APPROVE, new Resource.InvitationRequests(), Decision.ALLOW);
        row(PARTNER_STAFF, Action.APPROVE, new Resource.InvitationRequests(), Decision.HIDDEN);
        // a request into an organization: its administrator decides, the secretariat only where nobody administers it
        row(PARTNER_ADMIN, Action.APPROVE, new Resource.InvitationRequest(PARTNER, true), Decision.ALLOW);
        row(ADMIN, Action.APPROVE, new Resource.InvitationRequest(PARTNER, true), Decision.HIDDEN);
        row(ADMIN, Action.APPROVE, new Resource.InvitationRequest(PARTNER, false), Decision.ALLOW);
        row(PARTNER_STAFF, Action.APPROVE, new Resource.InvitationRequest(PARTNER, true), Decision.HIDDEN);
        row(LEAD, Action.APPROVE, new Resource.InvitationRequest(PARTNER, false), Decision.HIDDEN);
        row(HW, Action.APPROVE, new Resource.InvitationRequest(PARTNER, true), Decision.HIDDEN);
        row(ADMIN, Action.APPROVE, new Resource.InvitationRequests(), Decision.ALLOW);
        row(LEAD, Action.APPROVE, new Resource.InvitationRequests(), Decision.HIDDEN);
        row(SYSADMIN, Action.APPROVE, new Resource.InvitationRequests(), Decision.HIDDEN);
        row(ANON, Action.APPROVE, new Resource.InvitationRequests(), Decision.SIGN_IN_FIRST);
        row(SYSADMIN, Action.CHANGE_ROLE, new Resource.Account(11), Decision.ALLOW);
        row(SYSADMIN, Action.CHANGE_ROLE, new Resource.Account(17), Decision.HIDDEN);
        row(ADMIN, Action.CHANGE_ROLE, new Resource.Account(11), Decision.HIDDEN);
    }

    void pairing() {
        Resource pair = new Resource.Pairing(CENTER, OTHER_CENTER, 16L);
        row(LEAD, Action.VIEW, pair, Decision.ALLOW);
        row(OTHER_LEAD, Action.EDIT, pair, Decision.ALLOW);
        row(STAFF, Action.EDIT, pair, Decision.ALLOW);
        row(PARTNER_STAFF, Action.VIEW, pair, Decision.HIDDEN);
        row(ADVISOR, Action.VIEW, pair, Decision.ALLOW);
        row(ADVISOR, Action.EDIT, pair, Decision.FORBIDDEN);
        row(viewer(99, Role.ADVISOR, Set.of(), Set.of()), Action.VIEW, pair, Decision.HIDDEN);
        row(ADMIN, Action.EDIT, pair, Decision.ALLOW);
        row(SYSADMIN, Action.VIEW, pair, Decision.HIDDEN);
        row(ANON, Action.VIEW, pair, Decision.SIGN_IN_FIRST);
        row(PARTNER_STAFF, Action.VIEW, new Resource.Programs(), Decision.ALLOW);
        row(LEAD, Action.EDIT, new Resource.Programs(), Decision.FORBIDDEN);
        row(ADMIN, Action.EDIT, new Resource.Programs(), Decision.ALLOW);
        row(LEAD, Action.EDIT, new Resource.Application(CENTER), Decision.ALLOW);
        row(STAFF, Action.EDIT, new Resource.Application(CENTER), Decision.FORBIDDEN);
        row(OTHER_LEAD, Action.VIEW, new Resource.Application(CENTER), Decision.HIDDEN);
        row(ADMIN, Action.VIEW, new Resource.Application(CENTER), Decision.ALLOW);
        row(ADMIN, Action.EDIT, new Resource.Matching(), Decision.ALLOW);
        row(LEAD, Action.VIEW, new Resource.Matching(), Decision.HIDDEN);
    }

    void meetings() {
        Resource.Meeting announced = new Resource.Meeting(Set.of(CENTER), CIRCLE_A, false, false);
        Resource.Meeting draft = new Resource.Meeting(Set.of(CENTER), CIRCLE_A, false, true);
        Resource.Meeting invitedOutsider = new Resource.Meeting(Set.of(CENTER), CIRCLE_A, true, false);
        row(LEAD, Action.EDIT, announced, Decision.ALLOW);
        row(STAFF, Action.EDIT, draft, Decision.ALLOW);
        row(PARTNER_STAFF, Action.VIEW, announced, Decision.ALLOW);
        row(PARTNER_STAFF, Action.EDIT, announced, Decision.FORBIDDEN);
        row(PARTNER_STAFF, Action.VIEW, draft, Decision.HIDDEN);
        row(PARTNER_STAFF, Action.EDIT, draft, Decision.HIDDEN);
        row(OTHER_LEAD, Action.VIEW, announced, Decision.HIDDEN);
        row(OTHER_LEAD, Action.VIEW, invitedOutsider, Decision.ALLOW);
        row(ADMIN, Action.EDIT, draft, Decision.ALLOW);
        row(SYSADMIN, Action.VIEW, new Resource.Meeting(Set.of(CENTER), CIRCLE_A, false, false), Decision.HIDDEN);
        row(viewer(20, Role.SYSADMIN, Set.of(), Set.of(CIRCLE_A)), Action.VIEW, announced, Decision.HIDDEN);
        row(viewer(21, Role.ADVISOR, Set.of(CENTER), Set.of(CIRCLE_A)), Action.EDIT, announced, Decision.FORBIDDEN);
        row(ANON, Action.VIEW, announced, Decision.SIGN_IN_FIRST);
        // the backstage (attendance names, invitation list): organizers only, 404 even for participants
        row(LEAD, Action.VIEW, new Resource.MeetingBackstage(announced), Decision.ALLOW);
        row(PARTNER_STAFF, Action.VIEW, new Resource.MeetingBackstage(announced), Decision.HIDDEN);
        row(OTHER_LEAD, Action.VIEW, new Resource.MeetingBackstage(invitedOutsider), Decision.HIDDEN);
        row(ANON, Action.VIEW, new Resource.MeetingBackstage(announced), Decision.SIGN_IN_FIRST);
        // the co-host list: the creating organization and the secretariat only
        Resource.Meeting cohosted = new Resource.Meeting(Set.of(CENTER, PARTNER), CIRCLE_A, false, false);
        row(LEAD, Action.EDIT, new Resource.MeetingOrganizers(cohosted, CENTER), Decision.ALLOW);
        row(PARTNER_STAFF, Action.EDIT, new Resource.MeetingOrganizers(cohosted, CENTER), Decision.FORBIDDEN);
        row(PARTNER_STAFF, Action.EDIT, cohosted, Decision.ALLOW);
        row(ADMIN, Action.EDIT, new Resource.MeetingOrganizers(cohosted, CENTER), Decision.ALLOW);
        row(OTHER_LEAD, Action.EDIT, new Resource.MeetingOrganizers(cohosted, CENTER), Decision.HIDDEN);
        // mail beyond the meeting's reach: the secretariat only
        row(ADMIN, Action.INVITE, new Resource.NetworkWideMail(), Decision.ALLOW);
        row(LEAD, Action.INVITE, new Resource.NetworkWideMail(), Decision.HIDDEN);
        row(SYSADMIN, Action.INVITE, new Resource.NetworkWideMail(), Decision.HIDDEN);
        // minutes
        row(PARTNER_STAFF, Action.VIEW, new Resource.Minutes(announced, true), Decision.ALLOW);
        row(PARTNER_STAFF, Action.VIEW, new Resource.Minutes(announced, false), Decision.HIDDEN);
        row(STAFF, Action.VIEW, new Resource.Minutes(announced, false), Decision.ALLOW);
        row(PARTNER_STAFF, Action.EDIT, new Resource.Minutes(announced, true), Decision.FORBIDDEN);
        row(OTHER_LEAD, Action.VIEW, new Resource.Minutes(announced, true), Decision.HIDDEN);
        // series
        Resource series = new Resource.Series(CIRCLE_A, Set.of(CENTER));
        row(PARTNER_STAFF, Action.VIEW, series, Decision.ALLOW);
        row(PARTNER_STAFF, Action.EDIT, series, Decision.FORBIDDEN);
        row(LEAD, Action.EDIT, series, Decision.ALLOW);
        row(viewer(22, Role.CENTER_LEAD, Set.of(CENTER), Set.of()), Action.EDIT, series, Decision.FORBIDDEN);
        row(OTHER_LEAD, Action.VIEW, series, Decision.HIDDEN);
    }

    void postings() {
        Resource.Posting draft = new Resource.Posting(CENTER, PostingVisibility.ORGANIZATION, Set.of(), false);
        Resource.Posting inCircleA = new Resource.Posting(HELLO_WORK, PostingVisibility.CIRCLES, Set.of(CIRCLE_A), true);
        Resource.Posting network = new Resource.Posting(CENTER, PostingVisibility.NETWORK, Set.of(), false);
        row(STAFF, Action.VIEW, draft, Decision.ALLOW);
        row(STAFF, Action.EDIT, draft, Decision.ALLOW);
        row(PARTNER_STAFF, Action.VIEW, draft, Decision.HIDDEN);
        row(ADMIN, Action.VIEW, draft, Decision.HIDDEN);
        row(PARTNER_STAFF, Action.VIEW, inCircleA, Decision.ALLOW);
        row(LEAD, Action.VIEW, inCircleA, Decision.ALLOW);
        row(LEAD, Action.EDIT, inCircleA, Decision.FORBIDDEN);
        row(HW, Action.EDIT, inCircleA, Decision.ALLOW);
        row(OTHER_LEAD, Action.VIEW, inCircleA, Decision.HIDDEN);
        row(ADMIN, Action.VIEW, inCircleA, Decision.HIDDEN);
        row(SYSADMIN, Action.VIEW, inCircleA, Decision.HIDDEN);
        row(ADVISOR, Action.VIEW, network, Decision.HIDDEN);
        row(OTHER_LEAD, Action.VIEW, network, Decision.ALLOW);
        row(ADMIN, Action.VIEW, network, Decision.ALLOW);
        row(ANON, Action.VIEW, network, Decision.SIGN_IN_FIRST);
        // sharing further: do-not-forward stays in its circles unless the owner shares it
        row(LEAD, Action.SHARE, new Resource.PostingShare(inCircleA, CIRCLE_A), Decision.FORBIDDEN);
        row(viewer(23, Role.PARTNER_STAFF, Set.of(HELLO_WORK), Set.of(CIRCLE_A, CIRCLE_B)), Action.SHARE,
                new Resource.PostingShare(inCircleA, CIRCLE_B), Decision.ALLOW);
        row(viewer(24, Role.CENTER_LEAD, Set.of(CENTER), Set.of(CIRCLE_A, CIRCLE_B)), Action.SHARE,
                new Resource.PostingShare(inCircleA, CIRCLE_B), Decision.FORBIDDEN);
        Resource.Posting forwardable = new Resource.Posting(HELLO_WORK, PostingVisibility.CIRCLES, Set.of(CIRCLE_A), false);
        row(viewer(25, Role.CENTER_LEAD, Set.of(CENTER), Set.of(CIRCLE_A, CIRCLE_B)), Action.SHARE,
                new Resource.PostingShare(forwardable, CIRCLE_B), Decision.ALLOW);
        row(LEAD, Action.SHARE, new Resource.PostingShare(forwardable, CIRCLE_B), Decision.FORBIDDEN);
        row(OTHER_LEAD, Action.SHARE, new Resource.PostingShare(forwardable, CIRCLE_B), Decision.HIDDEN);
        // internship bookings
        Resource.Posting slot = new Resource.Posting(HELLO_WORK, PostingVisibility.CIRCLES, Set.of(CIRCLE_A), false);
        row(LEAD, Action.REQUEST, new Resource.InternshipBooking(slot, null), Decision.ALLOW);
        row(HW, Action.REQUEST, new Resource.InternshipBooking(slot, null), Decision.FORBIDDEN);
        row(OTHER_LEAD, Action.REQUEST, new Resource.InternshipBooking(slot, null), Decision.HIDDEN);
        row(viewer(26, Role.ADVISOR, Set.of(CENTER), Set.of(CIRCLE_A)), Action.REQUEST,
                new Resource.InternshipBooking(network, null), Decision.FORBIDDEN);
        Resource.InternshipBooking leadsBooking = new Resource.InternshipBooking(slot, CENTER);
        row(HW, Action.APPROVE, leadsBooking, Decision.ALLOW);
        row(LEAD, Action.APPROVE, leadsBooking, Decision.FORBIDDEN);
        row(STAFF, Action.EDIT, leadsBooking, Decision.ALLOW);
        row(HW, Action.EDIT, leadsBooking, Decision.FORBIDDEN);
        row(PARTNER_STAFF, Action.VIEW, leadsBooking, Decision.HIDDEN);
        row(PARTNER_STAFF, Action.APPROVE, leadsBooking, Decision.FORBIDDEN);
        row(PARTNER_STAFF, Action.REQUEST, new Resource.CandidateQuestion(slot), Decision.ALLOW);
        row(OTHER_LEAD, Action.REQUEST, new Resource.CandidateQuestion(slot), Decision.HIDDEN);
    }

    void conferences() {
        Resource.Conference asFacilitator = new Resource.Conference(CIRCLE_A, AttendeeRole.FACILITATOR, true, false);
        Resource.Conference asPresenter = new Resource.Conference(CIRCLE_A, AttendeeRole.PRESENTER, true, false);
        Resource.Conference asRecorderUnpledged = new Resource.Conference(CIRCLE_A, AttendeeRole.RECORDER, false, false);
        Resource.Conference notAttendee = new Resource.Conference(CIRCLE_A, null, false, false);
        Resource.Conference deleted = new Resource.Conference(CIRCLE_A, AttendeeRole.PRESENTER, true, true);
        row(LEAD, Action.EDIT, asFacilitator, Decision.ALLOW);
        row(PARTNER_STAFF, Action.EDIT, asPresenter, Decision.FORBIDDEN);
        row(PARTNER_STAFF, Action.VIEW, notAttendee, Decision.ALLOW);
        row(OTHER_LEAD, Action.VIEW, notAttendee, Decision.HIDDEN);
        row(ADMIN, Action.VIEW, notAttendee, Decision.ALLOW);
        row(SYSADMIN, Action.VIEW, notAttendee, Decision.HIDDEN);
        row(ANON, Action.VIEW, notAttendee, Decision.SIGN_IN_FIRST);
        for (CasePart part : List.of(CasePart.CASE, CasePart.BOARD, CasePart.LEARNINGS)) {
            row(PARTNER_STAFF, Action.VIEW, new Resource.CaseMaterial(asPresenter, part), Decision.ALLOW);
            row(HW, Action.VIEW, new Resource.CaseMaterial(asRecorderUnpledged, part), Decision.PLEDGE_FIRST);
            row(PARTNER_STAFF, Action.VIEW, new Resource.CaseMaterial(notAttendee, part), Decision.HIDDEN);
            row(ADMIN, Action.VIEW, new Resource.CaseMaterial(notAttendee, part), Decision.HIDDEN);
            row(SYSADMIN, Action.VIEW, new Resource.CaseMaterial(notAttendee, part), Decision.HIDDEN);
            row(ANON, Action.VIEW, new Resource.CaseMaterial(notAttendee, part), Decision.SIGN_IN_FIRST);
            // an attendee whose organization left the circle keeps nothing
            row(LEFT_CIRCLE, Action.VIEW, new Resource.CaseMaterial(asPresenter, part), Decision.HIDDEN);
        }
        row(PARTNER_STAFF, Action.VIEW, new Resource.CaseMaterial(deleted, CasePart.CASE), Decision.GONE);
        row(PARTNER_STAFF, Action.VIEW, new Resource.CaseMaterial(deleted, CasePart.BOARD), Decision.GONE);
        row(PARTNER_STAFF, Action.VIEW, new Resource.CaseMaterial(deleted, CasePart.LEARNINGS), Decision.ALLOW);
        row(PARTNER_STAFF, Action.EDIT, new Resource.CaseMaterial(asPresenter, CasePart.CASE), Decision.ALLOW);
        row(PARTNER_STAFF, Action.EDIT, new Resource.CaseMaterial(asPresenter, CasePart.BOARD), Decision.FORBIDDEN);
        row(LEAD, Action.EDIT, new Resource.CaseMaterial(asFacilitator, CasePart.BOARD), Decision.ALLOW);
        row(HW, Action.EDIT, new Resource.CaseMaterial(new Resource.Conference(CIRCLE_A, AttendeeRole.RECORDER, true, false),
                CasePart.BOARD), Decision.ALLOW);
        row(HW, Action.EDIT, new Resource.CaseMaterial(new Resource.Conference(CIRCLE_A, AttendeeRole.RECORDER, true, false),
                CasePart.CASE), Decision.FORBIDDEN);
        row(PARTNER_STAFF, Action.VIEW, new Resource.CaseMaterial(asPresenter, CasePart.LOG), Decision.ALLOW);
        row(HW, Action.VIEW, new Resource.CaseMaterial(new Resource.Conference(CIRCLE_A, AttendeeRole.PARTICIPANT, true, false),
                CasePart.LOG), Decision.HIDDEN);
        row(HW, Action.VIEW, new Resource.CaseMaterial(asRecorderUnpledged, CasePart.LOG), Decision.HIDDEN);
        // an advisor attendee needs no circle
        row(ADVISOR, Action.VIEW, new Resource.CaseMaterial(new Resource.Conference(CIRCLE_A, AttendeeRole.ADVISOR, true, false),
                CasePart.CASE), Decision.ALLOW);
        row(LEFT_CIRCLE, Action.VIEW, asPresenter, Decision.HIDDEN);
        row(LEAD, Action.EDIT, new Resource.ConferenceCreation(CIRCLE_A), Decision.ALLOW);
        row(OTHER_LEAD, Action.EDIT, new Resource.ConferenceCreation(CIRCLE_A), Decision.HIDDEN);
        row(SYSADMIN, Action.EDIT, new Resource.ConferenceCreation(CIRCLE_A), Decision.HIDDEN);
        row(PARTNER_STAFF, Action.VIEW, new Resource.LearningsLibrary(), Decision.ALLOW);
        row(ANON, Action.VIEW, new Resource.LearningsLibrary(), Decision.SIGN_IN_FIRST);
    }
}
