package jp.tsunagu.account;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.access.Role;

import java.util.List;

/** Who answers for an organization: its active administrators, or the secretariat where it has none. */
@ApplicationScoped
public class Administrators {

    /** The organization's active administrators. */
    public Uni<List<Long>> of(long organizationId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select a.id from Membership m, Account a"
                        + " where a.id = m.accountId and a.active = true and m.admin = true and m.organizationId = :org", Long.class)
                .setParameter("org", organizationId).getResultList());
    }

    /** Whether anyone (active) administers the organization. */
    public Uni<Boolean> exist(long organizationId) {
        return of(organizationId).map(ids -> !ids.isEmpty());
    }

    /** Who decides for an organization: its administrators, or every active network-admin where it has none. */
    public Uni<List<Long>> answerers(long organizationId) {
        return of(organizationId).chain(ids -> ids.isEmpty()
                ? Account.<Account>list("role = ?1 and active = true", Role.NETWORK_ADMIN).map(as -> as.stream().map(a -> a.id).toList())
                : Uni.createFrom().item(ids));
    }
}
