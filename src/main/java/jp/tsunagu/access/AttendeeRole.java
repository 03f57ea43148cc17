package jp.tsunagu.access;

/** A conference attendee's role. */
public enum AttendeeRole {
    FACILITATOR, PRESENTER, RECORDER, ADVISOR, PARTICIPANT
}
