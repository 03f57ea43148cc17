package jp.tsunagu.survey;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.platform.web.ProblemException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads a survey with the facts the access policy decides on (its owner and the circles it is
 * shared into) and answers it only to those the policy lets read ({@link #visible}), see the
 * responses ({@link #responses}) or run it ({@link #editable}); 404 for the rest.
 */
@ApplicationScoped
public class SurveyAccess {

    /** A survey with its owner and shares. */
    public record Loaded(Survey survey, Organization owner, List<SurveyShare> shares) {
        public Resource.Survey resource() {
            Set<Long> circles = new LinkedHashSet<>();
            shares.forEach(s -> circles.add(s.circleId));
            return new Resource.Survey(survey.id, survey.ownerOrganizationId, owner.orgType, circles);
        }
    }

    @Inject
    AccessPolicy policy;

    Uni<Loaded> load(long id, boolean lock) {
        Uni<Survey> found = lock ? Survey.<Survey>findById(id, LockModeType.PESSIMISTIC_WRITE) : Survey.<Survey>findById(id);
        return found.chain(s -> {
            if (s == null) {
                throw ProblemException.notFound();
            }
            return Organization.<Organization>findById(s.ownerOrganizationId).chain(owner ->
                    SurveyShare.<SurveyShare>list("surveyId = ?1 order by sharedAt", s.id).map(shares -> new Loaded(s, owner, shares)));
        });
    }

    Uni<Loaded> visible(Viewer viewer, long id) {
        return load(id, false).map(l -> {
            policy.require(viewer, Action.VIEW, l.resource());
            return l;
        });
    }

    Uni<Loaded> responses(Viewer viewer, long id) {
        return load(id, false).map(l -> {
            policy.require(viewer, Action.VIEW, new Resource.SurveyResponses(l.resource()));
            return l;
        });
    }

    /** The survey if the viewer runs it, then locked (no one else takes the lock on a survey they may not run). */
    Uni<Loaded> editable(Viewer viewer, long id) {
        return load(id, false).chain(l -> {
            policy.requireEdit(viewer, l.resource());
            return Panache.getSession().chain(s -> s.refresh(l.survey(), LockModeType.PESSIMISTIC_WRITE)).replaceWith(l);
        });
    }

    boolean mayEdit(Viewer viewer, Loaded l) {
        return policy.permits(viewer, Action.EDIT, l.resource());
    }

    boolean maySeeResponses(Viewer viewer, Loaded l) {
        return policy.permits(viewer, Action.VIEW, new Resource.SurveyResponses(l.resource()));
    }

    /** Several surveys with their owners and shares in three queries (for the list, each checked against the policy). */
    Uni<List<Loaded>> loadAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Survey.<Survey>list("id in ?1", ids).chain(surveys -> Organization.<Organization>list("id in ?1",
                        surveys.stream().map(s -> s.ownerOrganizationId).distinct().toList())
                .chain(owners -> SurveyShare.<SurveyShare>list("surveyId in ?1 order by sharedAt", ids).map(shares -> {
                    java.util.Map<Long, Organization> byId = new java.util.HashMap<>();
                    owners.forEach(o -> byId.put(o.id, o));
                    java.util.Map<Long, Survey> surveyById = new java.util.HashMap<>();
                    surveys.forEach(s -> surveyById.put(s.id, s));
                    return ids.stream().filter(surveyById::containsKey).map(id -> new Loaded(surveyById.get(id),
                            byId.get(surveyById.get(id).ownerOrganizationId),
                            shares.stream().filter(x -> x.surveyId.equals(id)).toList())).toList();
                })));
    }
}
