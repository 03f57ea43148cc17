package jp.tsunagu.pairing;

import io.quarkus.qute.TemplateData;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.directory.PersonRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the pairing API answers and the pages show. */
public final class PairingViews {

    private PairingViews() {
    }

    @TemplateData
    public record TemplateStep(int position, String kind, String title, LocalDate dueOn) {
    }

    @TemplateData
    public record ProgramView(long id, int fiscalYear, String fiscalYearLabel, String name, LocalDate callOpens,
                              LocalDate callCloses, LocalDate selectionOn, LocalDate implementationStart,
                              LocalDate implementationEnd, LocalDate surveyStart, LocalDate surveyEnd,
                              LocalDate seminarOn, LocalDate reportDue, int totalCenters, boolean callOpen,
                              int version, List<TemplateStep> template, long pairCount, long applicationCount) {
    }

    @TemplateData
    public record ApplicationView(long id, long programId, OrgRef center, List<String> themes, String motive,
                                  OrgRef desiredPartner, String desiredPractice, String regionSituation,
                                  Instant submittedAt, Instant updatedAt, int version, Long pairingId) {
    }

    @TemplateData
    public record Reason(String code, int points, String text) {
    }

    @TemplateData
    public record Candidate(OrgRef center, int score, List<Reason> reasons) {
    }

    @TemplateData
    public record PairSummary(long id, long programId, int fiscalYear, OrgRef implementing, OrgRef supporting,
                              List<String> themes, String status) {
    }

    @TemplateData
    public record MilestoneView(long id, int position, String kind, String title, LocalDate dueOn, String status,
                                boolean late, LocalDate doneOn, Long evidenceVisitId, String evidenceUrl,
                                String evidenceNote, int version) {
    }

    @TemplateData
    public record ItineraryItem(String kind, String title) {
    }

    @TemplateData
    public record VisitView(long id, String direction, String title, LocalDate startOn, LocalDate endOn,
                            Integer participantsCount, String participants, String learningsVisitor,
                            String learningsHost, List<ItineraryItem> itinerary, int version) {
    }

    @TemplateData
    public record AssessmentView(int position, @NotBlank @Size(max = 100) String label,
                                 @Min(value = 1, message = "score-range") @Max(value = 10, message = "score-range") Integer before,
                                 @Min(value = 1, message = "score-range") @Max(value = 10, message = "score-range") Integer after,
                                 @Size(max = 1000) String comment) {
    }

    @TemplateData
    public record Assessment(int version, List<AssessmentView> items) {
    }

    @TemplateData
    public record TimelineEntry(LocalDate date, String kind, String text) {
    }

    @TemplateData
    public record PairDetail(PairSummary summary, String rationale, PersonRef officer, PersonRef advisor, long circleId,
                             String distance, int version, List<MilestoneView> milestones, List<VisitView> visits,
                             Assessment assessment, List<TimelineEntry> timeline, boolean canEdit) {
    }

    @TemplateData
    public record OverviewRow(long pairingId, OrgRef implementing, OrgRef supporting, List<String> themes, String status,
                              String nextMilestone, LocalDate nextDue, int lateCount, List<String> lateMilestones,
                              int meetingsHeld, int meetingsPlanned, int visitsDone, Double assessmentChange,
                              boolean behind) {
        /** The average self-assessment change as shown (+1.7, 0.0, —). */
        public String changeText() {
            return assessmentChange == null ? "—" : (assessmentChange > 0 ? "+" : "") + assessmentChange;
        }
    }

    @TemplateData
    public record Tile(int code, String name, int x, int y, int implementing, int supporting, String state) {
        /** A label short enough for a tile: 神奈川, 北海道, Miyag … */
        public String abbr() {
            if (name.matches("^[A-Za-z].*")) {
                return name.length() > 5 ? name.substring(0, 5) : name;
            }
            return name.equals("北海道") ? name : name.replaceAll("[都府県]$", "");
        }
    }

    @TemplateData
    public record PairLine(int x1, int y1, int x2, int y2, String label) {
    }

    @TemplateData
    public record CoverageRow(int fiscalYear, String label, int pairs, Integer pairsPlanned, int centersThisYear,
                              int cumulative, Integer plannedCumulative, double percent) {
    }

    @TemplateData
    public record Overview(ProgramView program, List<OverviewRow> rows, int behindCount, List<Tile> tiles,
                           List<PairLine> lines, int mapWidth, int mapHeight, List<CoverageRow> coverage,
                           int totalCenters) {
    }
}
