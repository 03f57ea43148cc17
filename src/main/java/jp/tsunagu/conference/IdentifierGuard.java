package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.conference.ConferenceViews.FieldHighlight;
import jp.tsunagu.conference.ConferenceViews.FindingView;
import jp.tsunagu.conference.ConferenceViews.Segment;
import jp.tsunagu.platform.web.ProblemException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the identifier check over every free-text field of a save, with the employer names of the
 * directory (companies) and of the postings the writer may see, and refuses the save (400 "identifying", one
 * field error per field, the spans in {@code findings}) while anything is found.
 */
@ApplicationScoped
public class IdentifierGuard {

    @Inject
    AccessPolicy policy;

    /**
     * The employer names that occur in the given text: companies of the directory (their names,
     * short names and names without a "（…）" note — the directory is open to every member) and
     * companies of the postings this viewer may see (the policy's posting scope, so the check never
     * confirms a posting that is hidden from them). The database does the matching, so a save
     * never pulls every company name of the network into the application.
     */
    Uni<Set<String>> employersIn(Viewer viewer, String text) {
        AccessPolicy.PostingScope scope = policy.postingScope(viewer);
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT DISTINCT n FROM (SELECT name AS n FROM organization WHERE org_type = 'COMPANY'"
                        + " UNION SELECT short_name FROM organization WHERE org_type = 'COMPANY'"
                        + " UNION SELECT regexp_replace(name, '[（(][^）)]*[）)]$', '') FROM organization WHERE org_type = 'COMPANY'"
                        + " UNION SELECT p.company_name FROM posting p WHERE p.owner_org_id = ANY(?2)"
                        + " OR (?3 AND p.visibility = 'NETWORK')"
                        + " OR (p.visibility = 'CIRCLES' AND EXISTS (SELECT 1 FROM posting_share ps WHERE ps.posting_id = p.id"
                        + " AND ps.circle_id = ANY(?4)))) x WHERE length(n) >= 2 AND strpos(?1, n) > 0",
                String.class).setParameter(1, text).setParameter(2, array(scope.ownOrganizations()))
                .setParameter(3, scope.network()).setParameter(4, array(scope.circles())).getResultList()).map(Set::copyOf);
    }

    private static Long[] array(Set<Long> ids) {
        return ids.toArray(new Long[0]);
    }

    /** Checks the named texts (field → text); throws the 400 with the findings when any text identifies someone. */
    Uni<Void> require(Viewer viewer, Map<String, String> texts) {
        return employersIn(viewer, String.join("\n", texts.values())).map(names -> {
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
                    .filter(f -> f.field().equals(field)).sorted(Comparator.comparingInt(FindingView::start)).toList();
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
