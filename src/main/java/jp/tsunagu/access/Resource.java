package jp.tsunagu.access;

import java.util.Set;


/** The things the access policy decides about, with the facts it needs. */
public sealed interface Resource {

    /** An organization's profile (public for ナカポツ centers, network-wide for the rest). */
    record Organization(long id, OrgType type) implements Resource {
    }

    /** The people (staff) listed on an organization's profile. */
    record OrganizationPeople(long organizationId) implements Resource {
    }

    /**
     * An organization's staff as its administrators run them: the members page, adding someone,
     * naming administrators, deciding requests to join. {@code organizationHasAdministrators}:
     * whether anyone administers it (else the secretariat acts for it).
     */
    record OrganizationStaff(long organizationId, boolean organizationHasAdministrators) implements Resource {
    }

    /** Correcting an organization's own profile; {@code organizationHasAdministrators}: whether anyone administers it. */
    record OrganizationProfile(long organizationId, boolean organizationHasAdministrators) implements Resource {
    }

    /**
     * Registering an organization of a type in a prefecture; {@code leadPrefectures}: the prefectures
     * of the centers the viewer leads (a center lead registers offices there, pending confirmation).
     */
    record OrganizationRegistration(OrgType type, Short prefectureCode, Set<Short> leadPrefectures) implements Resource {
    }

    /** Confirming an office a center lead registered (未確認 until then). */
    record OrganizationConfirmation() implements Resource {
    }

    /**
     * The directory kept as a whole: importing and exporting it as a file, the offices waiting for
     * confirmation, finding and merging duplicates.
     */
    record DirectoryUpkeep() implements Resource {
    }

    /** Asking to join an organization; {@code roleFits}: the person's role fits its type; {@code member}: already is one. */
    record JoinRequest(long organizationId, boolean roleFits, boolean member) implements Resource {
    }

    /** A circle and its members (circle class). */
    record Circle(long id) implements Resource {
    }

    /**
     * Starting a circle owned by an organization ({@code ownerOrganizationId}); {@code networkWide}:
     * a circle of the whole national network.
     */
    record CircleCreation(long ownerOrganizationId, boolean networkWide) implements Resource {

        /** Starting a circle owned by one of the viewer's organizations (for "may they start any?": links, forms). */
        public static CircleCreation byViewer(Viewer viewer, boolean networkWide) {
            return new CircleCreation(viewer.organizationIds().stream().findFirst().orElse(-1L), networkWide);
        }
    }

    /**
     * Running a circle: its name and description, invitations, members and owners, archiving.
     * {@code matched}: a pair's circle, whose members follow the matching.
     */
    record CircleAdmin(long circleId, Set<Long> ownerIds, boolean archived, boolean matched) implements Resource {
    }

    /** Taking a member organization out of a circle (by its owners). */
    record CircleRemoval(CircleAdmin circle) implements Resource {
    }

    /** An organization's membership of a circle (it may leave). */
    record CircleMembership(long circleId, long organizationId, boolean matched) implements Resource {
    }

    /**
     * An invitation of an organization into a circle, answered for the organization;
     * {@code organizationHasAdministrators}: whether anyone administers it (else the secretariat answers).
     */
    record CircleInvitation(long organizationId, boolean organizationHasAdministrators) implements Resource {
    }

    /** The directory as a whole (lists, counts, filters). */
    record Directory() implements Resource {
    }

    /** The security audit log. */
    record AuditLog() implements Resource {
    }

    /**
     * Issuing an invitation into an organization with a role. {@code sharesCircleWithViewer} tells
     * whether the organization is a partner of one of the viewer's organizations (a common circle).
     */
    record InvitationTarget(long organizationId, OrgType type, Role role, boolean sharesCircleWithViewer,
                            boolean organizationHasAdministrators) implements Resource {
        /** An organization that has administrators (the usual case). */
        public InvitationTarget(long organizationId, OrgType type, Role role, boolean sharesCircleWithViewer) {
            this(organizationId, type, role, sharesCircleWithViewer, true);
        }
    }

    /** The invitation requests waiting for an administrator's decision (the queue). */
    record InvitationRequests() implements Resource {
    }

    /** One invitation request into an organization; {@code organizationHasAdministrators}: whether anyone administers it. */
    record InvitationRequest(long organizationId, boolean organizationHasAdministrators) implements Resource {
    }

    /** A person's account (role changes). */
    record Account(long id) implements Resource {
    }

    /**
     * A person's account as their organizations run it: seen in the accounts list, deactivated when
     * they leave, their responsibilities handed over. {@code organizationIds}: the organizations they
     * belong to.
     */
    record StaffAccount(long accountId, Set<Long> organizationIds) implements Resource {
    }

    /** Program years of the pairing program, their schedules and templates. */
    record Programs() implements Resource {
    }

    /** A center's application (エントリー) in an open call. */
    record Application(long centerId) implements Resource {
    }

    /** The matching workspace and the national view of every pair (secretariat only). */
    record Matching() implements Resource {
    }

    /** A pair's workspace: milestones, visits, self-assessment, timeline. */
    record Pairing(long implementingId, long supportingId, Long advisorId) implements Resource {
    }

    /** A pair's report (報告): the pair's own, commented by its advisor, approved by the secretariat. */
    record PairReport(Pairing pairing) implements Resource {
    }

    /** The program's report: every pair's report and the national figures (the secretariat compiles it). */
    record ProgramReport() implements Resource {
    }

    /**
     * A meeting. {@code organizerIds}: its co-hosts; {@code invited}: the viewer holds a live
     * invitation; {@code draft}: not yet announced (only organizers see drafts).
     */
    record Meeting(Set<Long> organizerIds, Long circleId, boolean invited, boolean draft,
                   Set<Long> askedCoHostIds) implements Resource {
        public Meeting(Set<Long> organizerIds, Long circleId, boolean invited, boolean draft) {
            this(organizerIds, circleId, invited, draft, Set.of());
        }
    }

    /**
     * Mailing beyond the limits a meeting's organizers keep to (criteria outside the circle, any
     * organization by name, people without an account past the cap, the daily budget).
     */
    record NetworkWideMail() implements Resource {
    }

    /** Answering a request to co-host a meeting (staff of an organization that was asked). */
    record CoHostRequest(Meeting meeting) implements Resource {
    }

    /** A meeting's minutes and action items: drafts for organizers, published ones for everyone who sees the meeting. */
    /**
     * A meeting's minutes. {@code circulatedToViewer}: the draft is out for sign-off and the viewer
     * attended (or said they would); {@code circulationOpen}: comments are still taken (circulated,
     * before its end, not yet published).
     */
    /**
     * A meeting's minutes: published or a draft; the draft out for sign-off to this viewer (an
     * attendee) and still open for comments; {@code recorder}: the viewer is an invitee an
     * organizer named to write the minutes with them.
     */
    record Minutes(Meeting meeting, boolean published, boolean circulatedToViewer, boolean circulationOpen,
                   boolean recorder) implements Resource {
        public Minutes(Meeting meeting, boolean published) {
            this(meeting, published, false, false, false);
        }
    }

    /**
     * What only the people who run a meeting read (attendance names, the invitation list, the
     * editors' pages): organizers and network-admin; everyone else, participants too, gets 404.
     */
    record MeetingBackstage(Meeting meeting) implements Resource {
    }

    /**
     * A meeting's list of co-hosts. {@code creatorOrgId}: the organization that created the meeting;
     * {@code consenting}: the organizations being added have agreed (or are the creator's own).
     */
    record MeetingOrganizers(Meeting meeting, Long creatorOrgId) implements Resource {
    }

    /** A circle's meeting series; creating one needs membership of the circle. */
    record Series(long circleId, Set<Long> organizerIds) implements Resource {
    }

    /**
     * A job posting or internship slot. {@code visibility}: ORGANIZATION (a draft of its owner),
     * CIRCLES (the circles in {@code circleIds}) or NETWORK; {@code doNotForward}: members of those
     * circles may not pass it on.
     */
    record Posting(long ownerOrgId, PostingVisibility visibility, Set<Long> circleIds, boolean doNotForward)
            implements Resource {
    }

    /**
     * An internship booking on a slot: {@code requestingOrgId} the organization asking (null when the
     * viewer is about to ask). REQUEST: book; APPROVE: accept or decline (the slot's owner); EDIT:
     * withdraw (the requesting organization); VIEW: the owner or the requesting organization.
     */
    record InternshipBooking(Posting posting, Long requestingOrgId) implements Resource {
    }

    /** Asking the circles a posting reached whether anyone suits it ("anyone suitable?"). */
    record CandidateQuestion(Posting posting) implements Resource {
    }

    /** Sharing a posting into one more circle. */
    record PostingShare(Posting posting, long targetCircleId) implements Resource {
    }

    /**
     * A case-study conference. {@code attendeeRole}: the viewer's role when they are a current
     * (not removed) attendee, else null; {@code pledged}: they accepted the pledge;
     * {@code materialsDeleted}: the retention period is over and the case and board are gone.
     */
    record Conference(long circleId, AttendeeRole attendeeRole, boolean pledged, boolean materialsDeleted) implements Resource {
    }

    /** A conference's case material: {@code part} CASE (case sheet and ecomap), BOARD, LEARNINGS (drafts) or LOG (read log). */
    record CaseMaterial(Conference conference, CasePart part) implements Resource {
    }

    /** Setting up a conference in a circle. */
    record ConferenceCreation(long circleId) implements Resource {
    }

    /** The library of approved, de-identified learnings. */
    record LearningsLibrary() implements Resource {
    }

    /**
     * Starting a survey owned by an organization: the secretariat's, or a center that implements a
     * pair ({@code implementsAPair}), which then asks offices of its own area.
     */
    record SurveyCreation(long ownerOrganizationId, OrgType ownerType, boolean implementsAPair) implements Resource {
    }

    /**
     * A survey: its definition, recipients and results. {@code sharedCircleIds}: the circles its
     * results were shared into (their members read the results, nothing more).
     */
    record Survey(long id, long ownerOrganizationId, OrgType ownerType, Set<Long> sharedCircleIds) implements Resource {
    }

    /** A center's yearly figures (実績): its staff enter them, the secretariat reads them. */
    record CenterStatistics(long centerId, OrgType type) implements Resource {
    }

    /** The national and prefecture tables of the centers' figures. */
    record NationalStatistics() implements Resource {
    }

    /** Who a survey went to and who answered, each organization's answer, paper answers keyed in. */
    record SurveyResponses(Survey survey) implements Resource {
    }
}
