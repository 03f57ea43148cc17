package jp.tsunagu.meeting;

import io.quarkus.qute.TemplateData;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.directory.PersonRef;
import jp.tsunagu.meeting.MeetingTerms.AgendaType;
import jp.tsunagu.meeting.MeetingTerms.AttendanceMode;
import jp.tsunagu.platform.validation.OneOf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What the meeting API returns and the pages show. Times are instants; pages show them in Asia/Tokyo. */
public final class MeetingViews {

    private MeetingViews() {
    }

    @TemplateData
    public record Venue(@NotBlank @Size(max = 200) String name, @Size(max = 300) String address) {
    }

    @TemplateData
    public record MeetingSummary(long id, String title, String kind, String status, Instant startsAt, Instant endsAt,
                                 String format, Long seriesId, Integer number, String circleName,
                                 List<OrgRef> organizers, String myResponse, String holiday) {
    }

    @TemplateData
    public record Counts(int inPerson, int online, int declined, int pending, int waitlisted, int invited) {
        public int attending() {
            return inPerson + online;
        }
    }

    @TemplateData
    public record MyInvitation(long id, String response, boolean waitlisted) {
    }

    @TemplateData
    public record MeetingDetail(MeetingSummary summary, OrgRef circle, String seriesTitle, List<Venue> venues,
                                String onlineUrl, Integer capacity, String description, String feeNote,
                                Counts counts, MyInvitation mine, boolean canEdit, boolean minutesPublished,
                                boolean minutesVisible, int lengthMinutes, int version, boolean askedToCoHost) {
        public long id() {
            return summary.id();
        }
    }

    /** One candidate slot with its tally; {@code best} marks the highest-scoring open slots. */
    @TemplateData
    public record SlotView(long id, Instant startsAt, Instant endsAt, String holiday, int yes, int maybe, int no,
                           boolean best) {
    }

    @TemplateData
    public record PollRow(long inviteeId, String name, String organization, List<String> answers, String comment,
                          boolean answered, int version) {
    }

    @TemplateData
    public record PollView(long meetingId, String status, List<SlotView> slots, List<PollRow> rows, PollRow mine) {
    }

    @TemplateData
    public record InviteeView(long id, String name, String email, OrgRef organization, boolean hasAccount,
                              String response, boolean waitlisted, boolean revoked, Instant respondedAt) {
    }

    @TemplateData
    public record AgendaItemView(int position, @NotBlank @OneOf(AgendaType.class) String type,
                                 @NotBlank @Size(max = 300) String title, @Min(0) @Max(600) int minutes, Long presenterOrgId,
                                 Long presenterAccountId, String presenter, @Size(max = 2000) String notes) {
    }

    @TemplateData
    public record AgendaView(long meetingId, int version, List<AgendaItemView> items, int totalMinutes,
                             int meetingMinutes, boolean overLength, List<ActionView> carriedActions) {
    }

    @TemplateData
    public record TemplateView(long id, String name, String kind, boolean own, List<AgendaItemView> items) {
    }

    @TemplateData
    public record AttendanceView(long id, Long inviteeId, OrgRef organization, @Size(max = 100) String name,
                                 @NotBlank @OneOf(AttendanceMode.class) String mode) {
    }

    @TemplateData
    public record MinutesItemView(Long agendaItemPosition, @NotBlank @Size(max = 300) String theme,
                                  @Size(max = 8000) String content, @Size(max = 8000) String results) {
    }

    /** A possible piece of personal data in the minutes: where, what kind, and the text that matched. */
    @TemplateData
    public record Warning(String field, String kind, String excerpt) {
    }

    @TemplateData
    public record MinutesView(long meetingId, int version, boolean published, Instant updatedAt, Instant publishedAt,
                              List<MinutesItemView> items, List<Warning> warnings, Integer attendedInPerson,
                              Integer attendedOnline, Instant circulatedAt, Instant circulatedUntil) {
    }

    @TemplateData
    public record ActionView(long id, long meetingId, String meetingTitle, String title, OrgRef ownerOrganization,
                             PersonRef ownerPerson, LocalDate dueOn, String status, LocalDate doneOn, boolean overdue,
                             int version) {
    }

    @TemplateData
    public record SeriesView(long id, String title, String kind, OrgRef circle, List<OrgRef> organizers,
                             Integer defaultWeekday, String defaultStart, Integer defaultMinutes, Integer perYearMin,
                             Integer perYearMax, List<MeetingSummary> meetings, List<ActionView> openActions,
                             LocalDateTime suggestedNext, boolean canEdit) {
    }

    /** What a personal link shows: the meeting, the slots, and this person's own answers only. */
    @TemplateData
    public record PersonalView(String name, MeetingSummary meeting, List<Venue> venues, String onlineUrl,
                               List<SlotView> slots, PollRow mine, String response, boolean waitlisted,
                               boolean pollOpen, boolean canRespond) {
    }
}
