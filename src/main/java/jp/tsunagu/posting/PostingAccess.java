package jp.tsunagu.posting;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.platform.web.ProblemException;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads a posting with the facts the access policy decides on (its shares), and answers it only to
 * those the policy lets see it ({@link #visible}) or edit it ({@link #editable}); 404 for the rest.
 */
@ApplicationScoped
public class PostingAccess {

    /** Facts the access policy needs about one posting, loaded together. */
    record Loaded(Posting posting, List<PostingShare> shares) {
        Resource.Posting resource() {
            Set<Long> circles = new LinkedHashSet<>();
            shares.forEach(s -> circles.add(s.circleId));
            return new Resource.Posting(posting.ownerOrgId, posting.visibility, circles, posting.doNotForward);
        }
    }

    @Inject
    AccessPolicy policy;

    Uni<Loaded> load(long id, boolean lock) {
        Uni<Posting> found = lock
                ? Posting.<Posting>findById(id, LockModeType.PESSIMISTIC_WRITE)
                : Posting.<Posting>findById(id);
        return found.chain(p -> {
            if (p == null) {
                throw ProblemException.notFound();
            }
            return PostingShare.<PostingShare>list("postingId = ?1 order by sharedAt", p.id).map(s -> new Loaded(p, s));
        });
    }

    /** Several postings with their shares in two queries (for lists that check each against the policy). */
    Uni<List<Loaded>> loadAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Posting.<Posting>list("id in ?1", ids).chain(ps -> PostingShare.<PostingShare>list(
                "postingId in ?1 order by sharedAt", ids).map(shares -> ps.stream().map(p -> new Loaded(p,
                shares.stream().filter(s -> s.postingId.equals(p.id)).toList())).toList()));
    }

    /** The posting if the viewer may see it (404 otherwise). */
    Uni<Loaded> visible(Viewer viewer, long id) {
        return load(id, false).map(l -> {
            policy.require(viewer, Action.VIEW, l.resource());
            return l;
        });
    }

    /** The posting, locked, if the viewer's organization shared it (401/403/404 otherwise). */
    Uni<Loaded> editable(Viewer viewer, long id) {
        return load(id, true).map(l -> {
            policy.requireEdit(viewer, l.resource());
            return l;
        });
    }
}
