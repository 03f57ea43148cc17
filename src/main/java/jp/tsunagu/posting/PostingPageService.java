package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.directory.DirectoryService;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.platform.web.Choice;
import jp.tsunagu.posting.PostingViews.SearchPage;

import java.util.List;

/**
 * The data of the posting list and form pages, each assembled by one call in flat named steps
 * (the pages themselves query nothing).
 */
@ApplicationScoped
public class PostingPageService {

    /** The list page: the search's results and what the filters and the side panel offer. */
    public record ListPage(SearchPage result, List<Choice> prefectures, boolean digestOn, List<SavedSearches.View> saved) {
    }

    /** What the form offers: prefectures, the organizations one shares for, the circles one shares into. */
    public record FormChoices(List<Choice> prefectures, List<Choice> organizations, List<Choice> circles) {
    }

    @Inject
    PostingSearch search;

    @Inject
    DigestPreference digest;

    @Inject
    SavedSearches savedSearches;

    @Inject
    DirectoryService directory;

    public Uni<ListPage> listPage(Viewer viewer, PostingSearch.Filters filters) {
        return search.search(viewer, filters)
                .chain(result -> prefectures(viewer)
                        .chain(prefs -> digest.get(viewer)
                                .chain(d -> savedSearches.list(viewer)
                                        .map(saved -> new ListPage(result, prefs, d.enabled(), saved)))));
    }

    @WithSession
    public Uni<FormChoices> formChoices(Viewer viewer) {
        return prefectures(viewer)
                .chain(prefs -> organizations(viewer)
                        .chain(orgs -> circles(viewer)
                                .map(circles -> new FormChoices(prefs, orgs, circles))));
    }

    Uni<List<Choice>> prefectures(Viewer viewer) {
        return directory.prefectureChoices(viewer.locale());
    }

    /** The viewer's own organizations (a posting is shared for one of them). */
    Uni<List<Choice>> organizations(Viewer viewer) {
        if (viewer.organizationIds().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Organization.<Organization>list("id in ?1 order by name", viewer.organizationIds())
                .map(os -> os.stream().map(o -> new Choice(String.valueOf(o.id), o.name)).toList());
    }

    /** The viewer's own circles (a posting is shared into circles one is in). */
    Uni<List<Choice>> circles(Viewer viewer) {
        if (viewer.circleIds().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Circle.<Circle>list("id in ?1 order by name", viewer.circleIds())
                .map(cs -> cs.stream().map(c -> new Choice(String.valueOf(c.id), c.name)).toList());
    }
}
