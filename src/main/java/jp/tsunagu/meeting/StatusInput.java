package jp.tsunagu.meeting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jp.tsunagu.meeting.MeetingTerms.Status;
import jp.tsunagu.platform.validation.OneOf;

/** A status an organizer sets by hand (SCHEDULED, HELD, CANCELLED), against the meeting's version. */
public record StatusInput(@NotBlank @OneOf(Status.class) String status, @NotNull Integer version) {
}
