package jp.tsunagu.posting;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.access.PostingVisibility;
import jp.tsunagu.platform.validation.OneOf;
import jp.tsunagu.posting.PostingTerms.Category;
import jp.tsunagu.posting.PostingTerms.EmploymentType;
import jp.tsunagu.posting.PostingTerms.Kind;
import jp.tsunagu.posting.PostingTerms.Source;
import jp.tsunagu.posting.PostingTerms.WageType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A job posting or internship slot as the API and the form send it. Each field's rule is on the field;
 * the rules across fields (wage, Hello Work number, visibility, dates) are {@link PostingRules}. The
 * organization, circles, area and duplicates are checked against the database by the service.
 */
@PostingRules
public record PostingInput(
        @OneOf(Kind.class) String kind,
        Long organizationId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 200) String companyName,
        @Size(max = 100) String companyIndustry,
        @Size(max = 100) String municipality,
        @NotNull @Min(1) @Max(47) Integer prefectureCode,
        Long areaId,
        @NotBlank @OneOf(Category.class) String jobCategory,
        @OneOf(EmploymentType.class) String employmentType,
        @DecimalMin("0.5") @DecimalMax("12") @Digits(integer = 2, fraction = 1) BigDecimal hoursPerDay,
        @DecimalMin("1") @DecimalMax("40") @Digits(integer = 2, fraction = 1) BigDecimal hoursPerWeek,
        @Min(1) @Max(7) Integer daysPerWeek,
        Boolean splitShift,
        Boolean shortHours,
        Boolean weeklyPay,
        Boolean dailyPay,
        Boolean trialStep,
        @Size(max = 500) String carvingNote,
        @OneOf(WageType.class) String wageType,
        Integer wageYen,
        LocalDate startOn,
        @Min(1) @Max(100) Integer openings,
        List<String> disabilityExperience,
        @Size(max = 2000) String accommodations,
        Boolean belowQuota,
        @Size(max = 1000) String howToApply,
        @Size(max = 4000) String description,
        @NotBlank @OneOf(Source.class) String source,
        String helloWorkNumber,
        Boolean doNotForward,
        LocalDate endsOn,
        @Min(1) @Max(100) Integer places,
        Boolean hiringIntent,
        @Size(max = 2000) String conditions,
        @OneOf(PostingVisibility.class) String visibility,
        List<Long> circleIds,
        LocalDate expiresOn,
        Long contactAccountId,
        Integer version) {

    /** The same posting as another kind (the internship endpoint's input is always an internship). */
    public PostingInput asKind(Kind k) {
        return new PostingInput(k.name(), organizationId, title, companyName, companyIndustry, municipality, prefectureCode,
                areaId, jobCategory, employmentType, hoursPerDay, hoursPerWeek, daysPerWeek, splitShift, shortHours,
                weeklyPay, dailyPay, trialStep, carvingNote, wageType, wageYen, startOn, openings, disabilityExperience,
                accommodations, belowQuota, howToApply, description, source, helloWorkNumber, doNotForward, endsOn, places,
                hiringIntent, conditions, visibility, circleIds, expiresOn, contactAccountId, version);
    }
}
