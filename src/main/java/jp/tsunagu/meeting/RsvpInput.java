package jp.tsunagu.meeting;

import jakarta.validation.constraints.NotBlank;
import jp.tsunagu.meeting.MeetingTerms.Rsvp;
import jp.tsunagu.platform.validation.OneOf;

/** An answer to an invitation: IN_PERSON, ONLINE or DECLINED. */
public record RsvpInput(@NotBlank @OneOf(Rsvp.class) String response) {
}
