package jp.tsunagu.conference;

import io.quarkus.qute.TemplateData;

import java.time.Instant;
import java.util.List;

/** What conference pages and the API show. */
public final class ConferenceViews {

    private ConferenceViews() {
    }

    /** What the circle may see: existence, date and format — plus the viewer's own place in it. */
    @TemplateData
    public record ConferenceSummary(long id, String title, long circleId, String circleName, String format,
                                    String legalBasis, Instant startsAt, Instant endsAt, String myRole,
                                    boolean pledged, boolean materialsDeleted) {
    }

    @TemplateData
    public record PhaseStep(int position, String phase, int minutes) {
    }

    @TemplateData
    public record AttendeeView(long accountId, String name, String role, Instant pledgedAt, Instant removedAt) {
    }

    /** The conference for its attendees (attendees, phases, retention) and the viewer's rights. */
    @TemplateData
    public record ConferenceDetail(ConferenceSummary summary, String venue, int durationMinutes, int retentionDays,
                                   Instant deleteAfter, Instant materialsDeletedAt, List<PhaseStep> phases,
                                   List<AttendeeView> attendees, boolean attendee, boolean canEdit,
                                   boolean canReadMaterial, boolean canWriteCase, boolean canWriteBoard,
                                   boolean canReadLog, PhaseView run, int version) {
        public long id() {
            return summary.id();
        }
    }

    /** Where the run stands: the current phase, when it began and ends, what comes next. */
    @TemplateData
    public record PhaseView(Integer current, String phase, Integer minutes, Instant startedAt, Instant endsAt,
                            String nextPhase, boolean finished, int version) {
    }

    @TemplateData
    public record TeamMemberView(String agencyType, String role, String frequency, String relation) {
    }

    @TemplateData
    public record CaseView(Integer ageBand, String sex, String certificateType, String certificateGrade,
                           String diagnosis, String household, String referralRoute, String presentingProblem,
                           String factors, String actionsOutcomes, String discussionPoints,
                           List<TeamMemberView> team, Instant updatedAt, String updatedBy, int version) {
        public boolean empty() {
            return version == 0;
        }
    }

    @TemplateData
    public record BoardEntryView(long id, String phase, String kind, String body, String author, Instant createdAt) {
    }

    @TemplateData
    public record BoardPhase(String phase, List<BoardEntryView> entries) {
    }

    @TemplateData
    public record ReadView(String name, String what, Instant at, boolean stillAttendee) {
    }

    @TemplateData
    /** {@code conferenceId}, title, date and format are null where the viewer may not know of the conference. */
    public record LearningView(long id, Long conferenceId, String kind, String body, List<String> tags,
                               boolean approved, Instant approvedAt, String conferenceTitle, Instant conferenceDate,
                               String conferenceFormat) {
    }

    /** One identifier found in a text field: the field, what kind, where (offsets in the text as sent). */
    public record FindingView(String field, String kind, int start, int end, String excerpt) {
    }

    /** A text cut into plain and highlighted pieces for showing what the check found. */
    @TemplateData
    public record Segment(String text, String kind) {
        public boolean marked() {
            return kind != null;
        }
    }

    @TemplateData
    public record FieldHighlight(String field, List<Segment> segments) {
        /** The label key of the field (every support-team row shares one). */
        public String label() {
            return field.startsWith("team[") ? "teamRole" : field;
        }
    }
}
