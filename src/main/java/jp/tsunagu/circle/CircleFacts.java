package jp.tsunagu.circle;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Decision;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.directory.CircleKind;
import jp.tsunagu.directory.CircleMember;
import jp.tsunagu.platform.web.ProblemException;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Loads a circle with the facts the access policy needs. */
@ApplicationScoped
public class CircleFacts {

    /** A circle, its members, and the policy's view of it. */
    public record Loaded(Circle circle, List<CircleMember> members) {

        public Set<Long> ownerIds() {
            return members.stream().filter(m -> m.owner).map(m -> m.organizationId).collect(Collectors.toSet());
        }

        public CircleMember member(long organizationId) {
            return members.stream().filter(m -> m.organizationId == organizationId).findFirst().orElse(null);
        }

        public boolean archived() {
            return circle.archivedAt != null;
        }

        public Resource.CircleAdmin admin() {
            return new Resource.CircleAdmin(circle.id, ownerIds(), archived(), circle.kind == CircleKind.PAIR);
        }

        public Resource.CircleMembership membership(long organizationId) {
            return new Resource.CircleMembership(circle.id, organizationId, circle.kind == CircleKind.PAIR);
        }
    }

    @Inject
    AccessPolicy policy;

    Uni<Loaded> load(long id, boolean lock) {
        Uni<Circle> c = lock ? Circle.findById(id, LockModeType.PESSIMISTIC_WRITE) : Circle.findById(id);
        return c.chain(circle -> {
            if (circle == null) {
                throw ProblemException.notFound();
            }
            return CircleMember.<CircleMember>list("circleId", id).map(ms -> new Loaded(circle, ms));
        });
    }

    /** The circle for its manage page (owners' staff and the secretariat); 404 for everyone else. */
    Uni<Loaded> managed(Viewer viewer, long id) {
        return load(id, false).invoke(l -> policy.require(viewer, Action.VIEW, l.admin()));
    }

    /**
     * The circle, locked, for a change its owners make. 404 to those who may not see it, 403 to
     * members who are not owners, 409 once it is archived or when it is a pair's.
     */
    Uni<Loaded> runnable(Viewer viewer, long id) {
        return load(id, true).invoke(l -> {
            Decision d = policy.decide(viewer, Action.EDIT, l.admin());
            if (d == Decision.ALLOW) {
                return;
            }
            if (policy.permits(viewer, Action.VIEW, l.admin())) {
                if (l.archived()) {
                    throw new ProblemException(409, "circle-archived");
                }
                if (l.circle.kind == CircleKind.PAIR) {
                    throw new ProblemException(409, "circle-matched");
                }
            }
            d.orThrow();
        });
    }

    /**
     * The circle, locked, for taking a member out: its owners may, also once it is archived; 409 for a
     * pair's circle, 403 to members who are not owners, 404 to everyone else.
     */
    Uni<Loaded> removable(Viewer viewer, long id) {
        return load(id, true).invoke(l -> {
            Resource.CircleRemoval removal = new Resource.CircleRemoval(l.admin());
            Decision d = policy.decide(viewer, Action.EDIT, removal);
            if (d != Decision.ALLOW && l.circle.kind == CircleKind.PAIR && policy.permits(viewer, Action.VIEW, l.admin())) {
                throw new ProblemException(409, "circle-matched");
            }
            d.orThrow();
        });
    }
}
