package jp.tsunagu.access;

import io.quarkus.qute.TemplateData;

/** What the page layout needs to know about the viewer; the flags come from the access policy. */
@TemplateData
public record PageViewer(boolean signedIn, boolean canInvite, boolean canReadAudit, boolean canApproveInvitations,
                         boolean canRunAccounts, boolean canSeeSurveys, boolean canSeeStatistics) {
}
