package jp.tsunagu.audit;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;

import java.util.List;

/** Reading the security log (network staff and system administrators). */
@ApplicationScoped
public class AuditService {

    public record Page(List<AuditEvent> items, long total, int page, int size) {
    }

    @Inject
    AccessPolicy policy;

    @WithSession
    public Uni<Page> list(Viewer viewer, AuditType type, int page, int size) {
        policy.require(viewer, Action.VIEW, new Resource.AuditLog());
        String where = type == null ? "" : "eventType = ?1";
        Object[] params = type == null ? new Object[0] : new Object[]{type};
        String order = (where.isEmpty() ? "" : where + " ") + "order by occurredAt desc, id desc";
        return AuditEvent.<AuditEvent>find(order, params).page(page - 1, size).list()
                .chain(items -> (type == null ? AuditEvent.count() : AuditEvent.count(where, params))
                        .map(total -> new Page(items, total, page, size)));
    }
}
