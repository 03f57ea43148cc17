package jp.tsunagu.access;

/** A conference attendee's role. */
public enum AttendeeRole {
    FACILITATOR, PRESENTER, RECORDER, ADVISOR, PARTICIPANT;

    /** The stored value, or null when there is none (not an attendee) or it is unknown. */
    public static AttendeeRole of(String stored) {
        for (AttendeeRole r : values()) {
            if (r.name().equals(stored)) {
                return r;
            }
        }
        return null;
    }
}
