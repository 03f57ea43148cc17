package jp.tsunagu.conference;

/** An attendee of a conference and their role (FACILITATOR, PRESENTER, RECORDER, ADVISOR, PARTICIPANT). */
public record AttendeeInput(Long accountId, String role) {
}
