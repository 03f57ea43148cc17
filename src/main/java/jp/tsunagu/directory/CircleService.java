package jp.tsunagu.directory;

import jp.tsunagu.access.OrgType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.DirectoryViews.CircleDetail;
import jp.tsunagu.directory.DirectoryViews.CircleMemberView;
import jp.tsunagu.directory.DirectoryViews.CircleSummary;
import jp.tsunagu.directory.DirectoryViews.CirclesPage;
import jp.tsunagu.platform.web.ProblemException;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Circles: named groups of organizations. Visible to their members' staff and to network staff. */
@ApplicationScoped
public class CircleService {

    @Inject
    AccessPolicy policy;

    @Inject
    DirectoryService directory;

    @WithSession
    public Uni<List<CircleSummary>> list(Viewer viewer) {
        return list(viewer, policy.listableCircles(viewer));
    }

    /**
     * The circles the viewer's organizations belong to, as the list shows them (the home page's
     * panel): the listable ones only, read alone rather than picked out of every listable circle.
     */
    @WithSession
    public Uni<List<CircleSummary>> mine(Viewer viewer) {
        Set<Long> ids = new java.util.HashSet<>(viewer.circleIds());
        policy.listableCircles(viewer).ifPresent(ids::retainAll);
        return list(viewer, Optional.of(ids));
    }

    /** How many circles the viewer may list (the national figures on the secretariat's home page). */
    @WithSession
    public Uni<Long> countListable(Viewer viewer) {
        Optional<Set<Long>> scope = policy.listableCircles(viewer);
        if (scope.isEmpty()) {
            return Circle.count();
        }
        return scope.get().isEmpty() ? Uni.createFrom().item(0L) : Circle.count("id in ?1", scope.get());
    }

    private Uni<List<CircleSummary>> list(Viewer viewer, Optional<Set<Long>> scope) {
        if (scope.isPresent() && scope.get().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String hql = "select c.id, c.code, c.name, c.kind, c.prefectureCode, c.description,"
                + " (select count(m) from CircleMember m where m.circleId = c.id), c.archivedAt from Circle c"
                + (scope.isPresent() ? " where c.id in :ids" : "") + " order by c.prefectureCode, c.name";
        return directory.prefectureNames(viewer.locale()).chain(prefs -> Panache.getSession().chain(s -> {
            var q = s.createSelectionQuery(hql, Object[].class);
            scope.ifPresent(ids -> q.setParameter("ids", ids));
            return q.getResultList();
        }).map(rows -> rows.stream().map(r -> new CircleSummary((Long) r[0], (String) r[1], (String) r[2],
                ((CircleKind) r[3]).name(), (Short) r[4], prefs.get((Short) r[4]), (String) r[5], (Long) r[6],
                viewer.circleIds().contains((Long) r[0]), r[7] != null)).toList()));
    }

    /** The circles page: the list, and the ways in to starting a circle and answering invitations. */
    @WithSession
    public Uni<CirclesPage> page(Viewer viewer) {
        boolean canStart = policy.permits(viewer, Action.EDIT, Resource.CircleCreation.byViewer(viewer, false));
        boolean answers = !viewer.administeredOrganizationIds().isEmpty() || viewer.is(Role.NETWORK_ADMIN);
        return list(viewer).map(list -> new CirclesPage(list, canStart, answers));
    }

    @WithSession
    public Uni<CircleDetail> detail(Viewer viewer, long id) {
        policy.require(viewer, Action.VIEW, new Resource.Circle(id));
        return Circle.<Circle>findById(id).chain(c -> {
            if (c == null) {
                throw ProblemException.notFound();
            }
            return directory.prefectureNames(viewer.locale()).chain(prefs -> Panache.getSession().chain(s -> s.createSelectionQuery(
                            "select o.id, o.name, o.orgType, o.prefectureCode, m.owner from CircleMember m, Organization o"
                                    + " where m.organizationId = o.id and m.circleId = :c"
                                    + " order by m.owner desc, o.prefectureCode, o.name", Object[].class)
                    .setParameter("c", id).getResultList())
                    .map(rows -> {
                        List<CircleMemberView> members = rows.stream().map(r -> new CircleMemberView((Long) r[0], (String) r[1],
                                (OrgType) r[2], prefs.get((Short) r[3]), (Boolean) r[4])).toList();
                        boolean matched = c.kind == CircleKind.PAIR;
                        Set<Long> owners = members.stream().filter(CircleMemberView::owner).map(CircleMemberView::organizationId)
                                .collect(Collectors.toSet());
                        boolean canManage = policy.permits(viewer, Action.VIEW,
                                new Resource.CircleAdmin(c.id, owners, c.archivedAt != null, matched));
                        List<OrgRef> leaveAs = members.stream().filter(m -> viewer.memberOf(m.organizationId()))
                                .filter(m -> policy.permits(viewer, Action.LEAVE, new Resource.CircleMembership(c.id, m.organizationId(), matched)))
                                .map(m -> new OrgRef(m.organizationId(), m.name(), null)).toList();
                        return new CircleDetail(c.id, c.code, c.name, c.kind.name(), c.prefectureCode, prefs.get(c.prefectureCode),
                                c.description, members, c.archivedAt, canManage, leaveAs);
                    }));
        });
    }
}
