package jp.tsunagu.posting;

import io.quarkus.qute.TemplateExtension;
import jp.tsunagu.access.PostingVisibility;

import java.util.Arrays;
import java.util.List;

/** The posting vocabularies for forms and filters: {pst:categories()}, {pst:sources()} … */
@TemplateExtension(namespace = "pst")
public class PostingTemplateExtensions {

    private PostingTemplateExtensions() {
    }

    static List<String> kinds() {
        return names(PostingTerms.Kind.values());
    }

    static List<String> categories() {
        return names(PostingTerms.Category.values());
    }

    static List<String> employmentTypes() {
        return names(PostingTerms.EmploymentType.values());
    }

    static List<String> wageTypes() {
        return names(PostingTerms.WageType.values());
    }

    static List<String> sources() {
        return names(PostingTerms.Source.values());
    }

    static List<String> visibilities() {
        return names(PostingVisibility.values());
    }

    static List<String> disabilities() {
        return names(PostingTerms.Disability.values());
    }

    static List<String> statuses() {
        return names(PostingTerms.Status.values());
    }

    static List<String> sorts() {
        return names(PostingTerms.Sort.values());
    }

    /** The job-carving options as their form field names. */
    static List<String> carvings() {
        return List.of("splitShift", "shortHours", "weeklyPay", "dailyPay", "trialStep");
    }

    /** Yen with thousands separators. */
    static String yen(Integer amount) {
        return amount == null ? "" : String.format("%,d", amount);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
