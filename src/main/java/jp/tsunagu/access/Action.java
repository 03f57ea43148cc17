package jp.tsunagu.access;

/** What a person wants to do to a resource. */
public enum Action {
    VIEW,
    EDIT,
    INVITE,
    CHANGE_ROLE,
    SHARE
}
