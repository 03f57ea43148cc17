package jp.tsunagu.meeting;

import jp.tsunagu.meeting.MeetingViews.Venue;

import java.time.LocalDateTime;
import java.util.List;

/** A meeting as entered: start and end are wall-clock times in Asia/Tokyo. */
public record MeetingInput(String kind, String title, List<Long> organizerIds, Long circleId, Long seriesId,
                           Integer number, String format, List<Venue> venues, String onlineUrl,
                           LocalDateTime startsAt, LocalDateTime endsAt, Integer capacity, String description,
                           String feeNote, Integer version) {
}
