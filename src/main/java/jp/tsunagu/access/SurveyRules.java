package jp.tsunagu.access;

/**
 * Surveys (意識調査): the secretariat and the centers that implement a pair ask; the owner runs its
 * survey and reads each answer; the secretariat reads every survey; what a survey shares into a
 * circle, that circle's staff read as results only. Recipients answer through their personal link,
 * which stands for their one organization and is decided where the link is resolved.
 */
final class SurveyRules {

    private SurveyRules() {
    }

    /** Starting a survey: the secretariat for the network; a center's lead or staff for a center implementing a pair. */
    static boolean theSecretariatAndImplementingCentersAsk(Viewer viewer, Resource.SurveyCreation c) {
        if (!viewer.memberOf(c.ownerOrganizationId())) {
            return false;
        }
        if (c.ownerType() == OrgType.NATIONAL_NETWORK) {
            return Who.secretariat(viewer);
        }
        return c.ownerType() == OrgType.NAKAPOTSU && c.implementsAPair()
                && (viewer.is(Role.CENTER_LEAD) || viewer.is(Role.CENTER_STAFF));
    }

    /** Running a survey (definition, recipients, sending, reminders, sharing, paper answers): the owner's people who could start it. */
    static boolean ownersRunTheirSurvey(Viewer viewer, Resource.Survey s) {
        if (!viewer.memberOf(s.ownerOrganizationId())) {
            return false;
        }
        return s.ownerType() == OrgType.NATIONAL_NETWORK ? Who.secretariat(viewer)
                : viewer.is(Role.CENTER_LEAD) || viewer.is(Role.CENTER_STAFF);
    }

    /** A survey's results: its owner's staff, the secretariat, and the staff of circles it was shared into. */
    static boolean resultsReachOwnersTheSecretariatAndSharedCircles(Viewer viewer, Resource.Survey s) {
        return Who.secretariat(viewer) || Who.staffOfAny(viewer, java.util.Set.of(s.ownerOrganizationId()))
                || (Who.staff(viewer) && s.sharedCircleIds().stream().anyMatch(c -> Who.inCircle(viewer, c)));
    }

    /** A survey list: staff (their organizations' surveys and those shared into their circles) and the secretariat. */
    static boolean staffListSurveys(Viewer viewer) {
        return Who.staff(viewer);
    }

    /** Who was asked and each answer: those who run the survey, and the secretariat. */
    static boolean responsesAreForTheOwnersAndTheSecretariat(Viewer viewer, Resource.SurveyResponses r) {
        return Who.secretariat(viewer) || ownersRunTheirSurvey(viewer, r.survey());
    }
}
