package jp.tsunagu.account;

/** Where an invitation stands. */
public enum InvitationStatus {
    /** Asked for by a center lead, waiting for network-admin's approval; no link exists yet. */
    REQUESTED,
    /** The link was mailed. */
    SENT,
    /** network-admin declined the request. */
    DECLINED
}
