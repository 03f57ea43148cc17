package jp.tsunagu.conference;

import java.time.LocalDateTime;
import java.util.List;

/** A conference as set up: its circle, schedule (Tokyo wall clock), format, legal basis, attendees and phases. */
public record ConferenceInput(Long circleId, String title, String format, String legalBasis, LocalDateTime startsAt,
                              Integer durationMinutes, String venue, Integer retentionDays,
                              List<AttendeeInput> attendees, List<PhaseInput> phases, Integer version) {
}
