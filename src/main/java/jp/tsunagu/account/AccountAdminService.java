package jp.tsunagu.account;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.platform.web.ProblemException;

import java.util.List;

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
            return keepAdministration(account.id, current, role)
                    .chain(() -> audit.record(AuditType.ROLE_CHANGED, viewer.accountId(), viewer.email(), "account:" + account.id,
                            ip, current.wire() + " -> " + role.wire()))
                    .replaceWithVoid();
        });
    }

    /**
     * The administration that comes with a role follows it: a center's lead administers their center,
     * the secretariat the national network; losing the role ends that (a partner organization's
     * administrators are named, not derived from a role, and stay).
     */
    static Uni<Void> keepAdministration(long accountId, Role from, Role to) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Role r : List.of(Role.CENTER_LEAD, Role.NETWORK_ADMIN)) {
            OrgType type = r == Role.CENTER_LEAD ? OrgType.NAKAPOTSU : OrgType.NATIONAL_NETWORK;
            if (to == r || from == r) {
                boolean admin = to == r;
                chain = chain.chain(() -> Panache.getSession().chain(s -> s.createMutationQuery(
                                "update Membership m set m.admin = :admin where m.accountId = :a and m.organizationId in"
                                        + " (select o.id from Organization o where o.orgType = :type)")
                        .setParameter("admin", admin).setParameter("a", accountId).setParameter("type", type).executeUpdate()))
                        .replaceWithVoid();
            }
        }
        return chain;
    }
}
