package jp.tsunagu.access;

/** What a person wants to do to a resource. */
public enum Action {
    VIEW,
    EDIT,
    INVITE,
    CHANGE_ROLE,
    SHARE,
    /** Asking for something another organization's administrator decides (an invitation into it). */
    REQUEST,
    /** Deciding such a request. */
    APPROVE,
    /** An organization leaving something it belongs to (a circle). */
    LEAVE,
    /** Remarks on something one reviews without changing it (an advisor on a pair's report). */
    COMMENT
}
