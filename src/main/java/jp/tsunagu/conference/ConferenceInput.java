package jp.tsunagu.conference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.conference.ConferenceTerms.Format;
import jp.tsunagu.conference.ConferenceTerms.LegalBasis;
import jp.tsunagu.platform.validation.OneOf;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A conference as set up: its circle, schedule (Tokyo wall clock), format, legal basis, attendees and
 * phases. Each field's rule is on the field; the start within a year, the retention limits, the
 * attendees (one facilitator, no one twice) and what differs between setting up and changing are
 * {@code ConferenceSetup.validate}.
 */
public record ConferenceInput(Long circleId,
                              @NotBlank @Size(max = 120) String title,
                              @NotNull @OneOf(Format.class) String format,
                              @NotNull @OneOf(LegalBasis.class) String legalBasis,
                              @NotNull LocalDateTime startsAt,
                              @Min(30) @Max(240) Integer durationMinutes,
                              @Size(max = 200) String venue,
                              Integer retentionDays,
                              List<AttendeeInput> attendees,
                              @Size(min = 1, max = 12, message = "list-size") List<@NotNull @Valid PhaseInput> phases,
                              Integer version) {
}
