package jp.tsunagu.meeting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.meeting.MeetingTerms.Format;
import jp.tsunagu.meeting.MeetingTerms.Kind;
import jp.tsunagu.meeting.MeetingViews.Venue;
import jp.tsunagu.platform.validation.OneOf;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A meeting as entered: start and end are wall-clock times in Asia/Tokyo. Each field's rule is on
 * the field; what differs between creating and changing a meeting, and the rules across fields
 * (format and venue or URL, the times), are {@link MeetingChecks}.
 */
public record MeetingInput(@NotBlank @OneOf(Kind.class) String kind,
                           @NotBlank @Size(max = 200) String title,
                           List<Long> organizerIds,
                           Long circleId,
                           Long seriesId,
                           @Min(0) @Max(999) Integer number,
                           @NotBlank @OneOf(Format.class) String format,
                           @Size(max = 5, message = "range") List<@NotNull @Valid Venue> venues,
                           String onlineUrl,
                           LocalDateTime startsAt,
                           LocalDateTime endsAt,
                           @Min(1) @Max(10000) Integer capacity,
                           @Size(max = 4000) String description,
                           @Size(max = 200) String feeNote,
                           Integer version) {
}
