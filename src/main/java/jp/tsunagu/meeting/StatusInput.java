package jp.tsunagu.meeting;

/** A status an organizer sets by hand (SCHEDULED, HELD, CANCELLED), against the meeting's version. */
public record StatusInput(String status, Integer version) {
}
