package jp.tsunagu.report;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.platform.validation.OneOf;

/** What the report's API and forms take. */
public final class ReportInputs {

    private ReportInputs() {
    }

    /** The centers' text of a report, against its version; {@code surveyId}: one of the surveys offered, or none. */
    public record Text(@NotNull @Min(0) Integer version, @Size(max = 4000) String motive, @Size(max = 4000) String activities,
                       @Size(max = 4000) String keyPoints, @Size(max = 4000) String changes,
                       @Size(max = 2000) String surveyNotes, @Size(max = 2000) String message, @Min(1) Long surveyId) {
    }

    /** Submitting, approving: the version read. Sending back: with what is to be put right. */
    public record Decision(@NotNull @Min(0) Integer version, @Size(max = 2000) String comment) {
    }

    /** A remark on one section. */
    public record Comment(@NotBlank @OneOf(ReportTerms.Section.class) String section, @NotBlank @Size(max = 2000) String body) {
    }
}
