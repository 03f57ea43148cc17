package jp.tsunagu.survey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.questionnaire.Answers;
import jp.tsunagu.questionnaire.Definition;

import java.time.LocalDate;
import java.util.List;

/** What the survey use cases take, each with its field rules. */
public final class SurveyInputs {

    private SurveyInputs() {
    }

    /**
     * A new survey: owned by one of the viewer's organizations ({@code ownerOrganizationId}, else the
     * first), starting from a built-in definition ({@code from}: {@code attitude-fy2023},
     * {@code after-meeting}) or from the definition given, or empty.
     */
    public record CreateInput(@Positive Long ownerOrganizationId, @Size(max = 40) String from,
                              @Valid Definition definition, @Valid Definition.Label title,
                              LocalDate opensOn, @NotNull LocalDate deadline, LocalDate remindOn, @Positive Long programId) {
    }

    /**
     * A change: the dates always; the definition while nothing has been sent (afterwards the
     * questions stay, so the answers keep their meaning: 409).
     */
    public record UpdateInput(@NotNull @Min(0) Integer version, @Valid Definition definition,
                              LocalDate opensOn, @NotNull LocalDate deadline, LocalDate remindOn) {
    }

    /**
     * Whom to ask, chosen from the directory: every organization of these types, in these
     * prefectures, these catchment areas and these circles (each list that is given narrows the
     * choice; types are required unless organizations are named one by one).
     */
    public record RecipientsInput(@Size(max = 13) List<@NotNull OrgType> orgTypes,
                                  @Size(max = 47) List<@NotNull @Min(1) @Max(47) Integer> prefectures,
                                  @Size(max = 200) List<@NotNull @Positive Long> areaIds,
                                  @Size(max = 50) List<@NotNull @Positive Long> circleIds,
                                  @Size(max = 1000) List<@NotNull @Positive Long> organizationIds) {
    }

    /** A paper answer keyed in by staff for one of the recipients; {@code replace}: over an answer already there. */
    public record PaperInput(@NotNull @Positive Long organizationId, @NotNull @Valid Answers answers, boolean replace) {
    }

    /** Sharing the results into circles (the pair's circle, say). */
    public record ShareInput(@NotNull @Size(min = 1, max = 20) List<@NotNull @Positive Long> circleIds) {
    }
}
