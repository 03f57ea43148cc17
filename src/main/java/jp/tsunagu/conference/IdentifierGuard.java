package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.conference.ConferenceViews.FieldHighlight;
import jp.tsunagu.conference.ConferenceViews.FindingView;
import jp.tsunagu.conference.ConferenceViews.Segment;
import jp.tsunagu.platform.web.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the identifier check over every free-text field of a save, with the employer names of the
 * directory (companies) and of shared postings, and refuses the save (400 "identifying", one
 * field error per field, the spans in {@code findings}) while anything is found.
 */
@ApplicationScoped
public class IdentifierGuard {

    /**
     * The employer names (directory companies, their short names, names without a "（…）" note,
     * and companies of shared postings) that occur in the given text. The database does the
     * matching, so a save never pulls every company name of the network into the application.
     */
    Uni<Set<String>> employersIn(String text) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT DISTINCT n FROM (SELECT name AS n FROM organization WHERE org_type = 'COMPANY'"
                        + " UNION SELECT short_name FROM organization WHERE org_type = 'COMPANY'"
                        + " UNION SELECT regexp_replace(name, '[（(][^）)]*[）)]$', '') FROM organization WHERE org_type = 'COMPANY'"
                        + " UNION SELECT company_name FROM posting) x WHERE length(n) >= 2 AND strpos(?1, n) > 0",
                String.class).setParameter(1, text).getResultList()).map(Set::copyOf);
    }

    /** Checks the named texts (field → text); throws the 400 with the findings when any text identifies someone. */
    Uni<Void> require(Map<String, String> texts) {
        return employersIn(String.join("\n", texts.values())).map(names -> {
            List<FindingView> found = check(new IdentifierCheck(names), texts);
            if (!found.isEmpty()) {
                LinkedHashMap<String, List<Object>> byField = new LinkedHashMap<>();
                found.forEach(f -> byField.computeIfAbsent(f.field(), k -> new ArrayList<>()).add(f.excerpt()));
                List<ProblemException.FieldError> errors = new ArrayList<>();
                byField.forEach((field, excerpts) -> errors.add(new ProblemException.FieldError(field, "identifying",
                        List.of(String.join("、", excerpts.stream().map(String::valueOf).toList())))));
                throw ProblemException.identifying(errors, found);
            }
            return null;
        });
    }

    static List<FindingView> check(IdentifierCheck check, Map<String, String> texts) {
        List<FindingView> out = new ArrayList<>();
        texts.forEach((field, text) -> check.check(text).forEach(f ->
                out.add(new FindingView(field, f.kind().name(), f.start(), f.end(), f.excerpt()))));
        return out;
    }

    /** The texts cut at the findings, for pages that show the refused text with the spans marked. */
    public static List<FieldHighlight> highlight(Map<String, String> texts, Object findings) {
        List<FieldHighlight> out = new ArrayList<>();
        if (!(findings instanceof List<?> list)) {
            return out;
        }
        texts.forEach((field, text) -> {
            List<FindingView> mine = list.stream().filter(FindingView.class::isInstance).map(FindingView.class::cast)
                    .filter(f -> f.field().equals(field)).sorted(java.util.Comparator.comparingInt(FindingView::start)).toList();
            if (mine.isEmpty() || text == null) {
                return;
            }
            List<Segment> segments = new ArrayList<>();
            int at = 0;
            for (FindingView f : mine) {
                if (f.start() < at || f.end() > text.length()) {
                    continue;
                }
                if (f.start() > at) {
                    segments.add(new Segment(text.substring(at, f.start()), null));
                }
                segments.add(new Segment(text.substring(f.start(), f.end()), f.kind()));
                at = f.end();
            }
            if (at < text.length()) {
                segments.add(new Segment(text.substring(at), null));
            }
            out.add(new FieldHighlight(field, segments));
        });
        return out;
    }
}
