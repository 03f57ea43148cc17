package jp.tsunagu.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.qute.TemplateData;
import jp.tsunagu.directory.PersonRef;
import jp.tsunagu.pairing.PairingViews.PairSummary;
import jp.tsunagu.statistics.StatisticsService;
import jp.tsunagu.survey.SurveyService;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A pair's report and the program's report as the API answers and the pages (and the PDF) show them. */
public final class ReportViews {

    private ReportViews() {
    }

    /** One thing the pair did, from its records: a visit, a meeting of its circle, a milestone reached. */
    @TemplateData
    public record Activity(LocalDate date, LocalDate until, String kind, String title, String link, String detail) {
    }

    /** One item of the before/after self-assessment (the bars are drawn with classes w0–w10). */
    @TemplateData
    public record Score(String label, Integer before, Integer after, String change, String comment) {
    }

    /** One option of a survey question: the pair's region beside the whole. */
    @TemplateData
    public record SurveyRow(String label, String region, String all) {
    }

    @TemplateData
    public record SurveyQuestion(String label, int regionAnswered, int allAnswered, List<SurveyRow> rows) {
    }

    /**
     * The survey's results for the pair's region. {@code state}: NONE (no survey concerns the pair),
     * HIDDEN (the viewer may not read it), FEW (too few answers in the region to show), SHOWN.
     */
    @TemplateData
    public record SurveySection(String state, Long surveyId, String title, String region, boolean fictitious,
                                int responses, int regionResponses, List<SurveyQuestion> questions) {
    }

    @TemplateData
    public record CommentView(long id, String section, String body, String author, String role, Instant createdAt) {
    }

    @TemplateData
    public record Report(long pairingId, PairSummary pair, String fiscalYearLabel, String status, PersonRef advisor,
                         String motive, boolean motiveFromApplication, String activitiesText, List<Activity> activities,
                         String keyPoints, List<Score> assessment, String changes, String surveyNotes, String message,
                         Long surveyId, List<SurveyService.Choice> surveyChoices, SurveySection survey,
                         List<CommentView> comments, Instant submittedAt, String submittedBy, Instant approvedAt,
                         String approvedBy, Instant updatedAt, int version, boolean canEdit, boolean canComment,
                         boolean canApprove) {
        /** The remarks on one section, oldest first. */
        @JsonIgnore
        public List<CommentView> on(String section) {
            return comments.stream().filter(c -> c.section().equals(section)).toList();
        }

        @JsonIgnore
        public boolean draft() {
            return "DRAFT".equals(status);
        }

        /** The text may be changed now (the centers' draft). */
        @com.fasterxml.jackson.annotation.JsonProperty("editable")
        public boolean editable() {
            return canEdit && draft();
        }
    }

    /** The survey figures of the program: each survey the pairs' reports show. */
    @TemplateData
    public record ProgramSurvey(String title, int recipients, int answered, String rate, boolean fictitious) {
    }

    @TemplateData
    public record ProgramReport(long programId, String name, int fiscalYear, String fiscalYearLabel, String generatedOn,
                                int pairCount, int approvedCount, List<Report> pairs, StatisticsService.National national,
                                List<ProgramSurvey> surveys) {
    }
}
