package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Saved posting searches, one person's own (others' answer 404). The query is checked like a
 * search (unknown filters refused), and running it goes through the search and its access rule
 * as any search does — saving a search never saves results.
 */
@ApplicationScoped
public class SavedSearches {

    public static final int MAX_PER_PERSON = 20;

    public record Input(@NotBlank @Size(max = 100) String name, String query) {
    }

    @TemplateData
    public record View(long id, String name, String query, Instant createdAt) {
    }

    @Inject
    InputCheck inputs;

    @WithSession
    public Uni<List<View>> list(Viewer viewer) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        return SavedSearch.<SavedSearch>list("accountId = ?1 order by name", viewer.accountId())
                .map(ss -> ss.stream().map(s -> new View(s.id, s.name, s.query, s.createdAt)).toList());
    }

    @WithTransaction
    public Uni<View> save(Viewer viewer, Input in) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        Params p = inputs.of(in);
        String query = in == null || in.query() == null ? "" : in.query().replaceFirst("^\\?", "");
        p.text("query", query, 1000);
        p.check();
        // the query must be a valid search: parse it as one (400 naming the bad filter otherwise)
        PostingSearch.parse(PostingSearch.Query.of(key -> param(query, key)));
        return SavedSearch.count("accountId", viewer.accountId()).chain(n -> {
            if (n >= MAX_PER_PERSON) {
                throw ProblemException.field("name", "too-many");
            }
            SavedSearch s = new SavedSearch();
            s.accountId = viewer.accountId();
            s.name = in.name().trim();
            s.query = query;
            s.createdAt = Instant.now();
            return s.<SavedSearch>persist().map(x -> new View(x.id, x.name, x.query, x.createdAt));
        });
    }

    @WithTransaction
    public Uni<Void> delete(Viewer viewer, long id) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        return SavedSearch.delete("id = ?1 and accountId = ?2", id, viewer.accountId()).map(n -> {
            if (n == 0) {
                throw ProblemException.notFound();
            }
            return null;
        });
    }

    /** The first value of one parameter in a query string. */
    static String param(String query, String key) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(k).equals(key)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /** A query-string part; a broken escape ("%zz") is a 400 naming the query, not a 500. */
    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.field("query", "format");
        }
    }
}
