package jp.tsunagu.account;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.platform.web.ProblemException;

/** Role changes (system administrators only); every change is audited. */
@ApplicationScoped
public class AccountAdminService {

    @Inject
    AccessPolicy policy;

    @Inject
    AuditLog audit;

    @WithTransaction
    public Uni<Void> changeRole(Viewer viewer, long accountId, Role role, String ip) {
        return Account.<Account>findById(accountId).chain(account -> {
            if (account == null || !viewer.signedIn()) {
                throw ProblemException.notFound();
            }
            Role current = account.role;
            policy.require(viewer, Action.CHANGE_ROLE, new Resource.Account(account.id));
            if (current == role) {
                return Uni.createFrom().voidItem();
            }
            account.role = role;
            return audit.record(AuditType.ROLE_CHANGED, viewer.accountId(), viewer.email(), "account:" + account.id, ip,
                    current.wire() + " -> " + role.wire()).replaceWithVoid();
        });
    }
}
