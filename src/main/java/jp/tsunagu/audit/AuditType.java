package jp.tsunagu.audit;

import java.util.List;

/** What a row of the security log records. Stored by name; the audit page filters by the sign-in and invitation ones. */
public enum AuditType {
    // Sign-in and the session
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_IN_LOCKED,
    SIGN_OUT,
    PASSWORD_CHANGED,
    // Invitations and roles
    INVITATION_ISSUED,
    INVITATION_USED,
    INVITATION_REQUESTED,
    INVITATION_APPROVED,
    INVITATION_DECLINED,
    ROLE_CHANGED,
    MEMBERSHIP_ADDED,
    MEMBERSHIP_REQUESTED,
    MEMBERSHIP_DECLINED,
    ADMIN_CHANGED,
    MEMBERSHIP_ENDED,
    ACCOUNT_DEACTIVATED,
    HANDED_OVER,
    // The pairing program
    PROGRAM_CREATED,
    PROGRAM_CHANGED,
    APPLICATION_SUBMITTED,
    APPLICATION_CHANGED,
    PAIRING_CREATED,
    // Circles people run
    CIRCLE_CREATED,
    CIRCLE_EDITED,
    CIRCLE_INVITED,
    CIRCLE_INVITATION_WITHDRAWN,
    CIRCLE_JOINED,
    CIRCLE_DECLINED,
    CIRCLE_LEFT,
    CIRCLE_MEMBER_REMOVED,
    CIRCLE_OWNER_CHANGED,
    CIRCLE_ARCHIVED,
    // Exports of personal data
    PROGRAM_EXPORTED,
    MEETING_ATTENDANCE_EXPORTED,
    POSTINGS_EXPORTED;

    /** The types the audit page offers as a filter (security events: sign-in, invitations, roles). */
    public static final List<AuditType> SECURITY = List.of(SIGN_IN, SIGN_IN_FAILED, SIGN_IN_LOCKED, SIGN_OUT,
            PASSWORD_CHANGED, INVITATION_ISSUED, INVITATION_REQUESTED, INVITATION_APPROVED, INVITATION_DECLINED, INVITATION_USED,
            ROLE_CHANGED, MEMBERSHIP_ADDED, MEMBERSHIP_REQUESTED, MEMBERSHIP_DECLINED, ADMIN_CHANGED,
            MEMBERSHIP_ENDED, ACCOUNT_DEACTIVATED, HANDED_OVER);
}
