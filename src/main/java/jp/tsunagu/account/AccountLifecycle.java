package jp.tsunagu.account;

import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.constraints.NotNull;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.directory.DirectoryService;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Staff who leave (引継ぎ): the accounts an administrator runs, deactivating a leaver (sessions,
 * calendar feeds and personal links end at once; their name stays in the history), and handing
 * their responsibilities to a successor in one step, with a preview of what moves.
 */
@ApplicationScoped
public class AccountLifecycle {

    /** Hand-over to this account. */
    public record HandoverInput(@NotNull Long successorId) {
    }

    @TemplateData
    public record AccountRow(long id, String name, String email, Role role, boolean active, List<String> organizations,
                             boolean canRetire) {
    }

    /** The accounts page: those the viewer may see, newest first by name, at most 200. */
    @TemplateData
    public record Accounts(String q, List<AccountRow> accounts, boolean canChangeRoles, List<Role> roles) {
    }

    /** One person's page for retiring them: the account, who may succeed them, and what would move to the chosen one. */
    @TemplateData
    public record Retire(AccountRow account, List<Successor> successors, Long successorId, List<HandoverPart.Item> moves) {
    }

    @TemplateData
    public record Successor(long id, String name, String organization) {
    }

    /** What a hand-over did. */
    public record HandedOver(long from, long to, int moved) {
    }

    @Inject
    AccessPolicy policy;

    @Inject
    InputCheck inputs;

    @Inject
    AuditLog audit;

    @Inject
    AuthService auth;

    @Inject
    @All
    List<HandoverPart> parts;

    // ------------------------------------------------------------------ the list

    @WithSession
    public Uni<Accounts> accounts(Viewer viewer, String q) {
        boolean everyone = viewer.is(Role.NETWORK_ADMIN) || viewer.is(Role.SYSADMIN);
        if (!everyone && viewer.administeredOrganizationIds().isEmpty()) {
            throw ProblemException.notFound();
        }
        String like = q == null || q.isBlank() ? null : "%" + DirectoryService.likeEscape(q.trim().toLowerCase(Locale.ROOT)) + "%";
        StringBuilder hql = new StringBuilder("select a from Account a where 1 = 1");
        if (!everyone) {
            hql.append(" and exists (select 1 from Membership m where m.accountId = a.id and m.organizationId in :mine)");
        }
        if (like != null) {
            hql.append(" and (lower(a.displayName) like :q escape '\\' or lower(a.email) like :q escape '\\'"
                    + " or lower(coalesce(a.displayKana, '')) like :q escape '\\')");
        }
        hql.append(" order by a.active desc, a.displayKana, a.id");
        return Panache.getSession().chain(s -> {
                    var query = s.createSelectionQuery(hql.toString(), Account.class).setMaxResults(200);
                    if (!everyone) {
                        query.setParameter("mine", viewer.administeredOrganizationIds());
                    }
                    if (like != null) {
                        query.setParameter("q", like);
                    }
                    return query.getResultList();
                })
                .chain(list -> rows(viewer, list))
                .map(rows -> new Accounts(q == null ? "" : q, rows, viewer.is(Role.SYSADMIN), List.of(Role.values())));
    }

    /** Each account with its organizations' names and whether the viewer may retire it. */
    Uni<List<AccountRow>> rows(Viewer viewer, List<Account> accounts) {
        if (accounts.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select m.accountId, o.id, o.name from Membership m, Organization o where o.id = m.organizationId"
                                + " and m.accountId in :ids order by o.name", Object[].class)
                .setParameter("ids", accounts.stream().map(a -> a.id).toList()).getResultList())
                .map(memberships -> accounts.stream().map(a -> {
                    Set<Long> orgIds = new HashSet<>();
                    List<String> names = new ArrayList<>();
                    memberships.stream().filter(r -> r[0].equals(a.id)).forEach(r -> {
                        orgIds.add((Long) r[1]);
                        names.add((String) r[2]);
                    });
                    Resource.StaffAccount resource = new Resource.StaffAccount(a.id, orgIds);
                    return new AccountRow(a.id, a.displayName, a.email, a.role, a.active, names,
                            policy.permits(viewer, Action.EDIT, resource));
                }).toList());
    }

    /** The account and the facts the policy needs about it; 404 if it does not exist or the viewer may not see it. */
    Uni<Account> visible(Viewer viewer, long accountId, boolean forUpdate) {
        Uni<Account> found = forUpdate ? Account.findById(accountId, LockModeType.PESSIMISTIC_WRITE) : Account.findById(accountId);
        return found.chain(a -> {
            if (a == null) {
                throw ProblemException.notFound();
            }
            return organizationsOf(a.id).map(orgs -> {
                policy.require(viewer, Action.VIEW, new Resource.StaffAccount(a.id, orgs));
                return a;
            });
        });
    }

    Uni<Set<Long>> organizationsOf(long accountId) {
        return Membership.<Membership>list("accountId", accountId).map(ms -> {
            Set<Long> ids = new HashSet<>();
            ms.forEach(m -> ids.add(m.organizationId));
            return ids;
        });
    }

    /** The retire page: who may succeed (active staff of the same organizations; advisors for an advisor) and, for the chosen one, what moves. */
    @WithSession
    public Uni<Retire> retire(Viewer viewer, long accountId, Long successorId) {
        return visible(viewer, accountId, false)
                .chain(a -> organizationsOf(a.id)
                        .invoke(orgs -> policy.decide(viewer, Action.EDIT, new Resource.StaffAccount(a.id, orgs)).orThrow())
                        .chain(orgs -> rows(viewer, List.of(a))
                                .chain(rows -> successors(a, orgs)
                                        .chain(successors -> successorId == null ? Uni.createFrom().item(new Retire(rows.get(0),
                                                        successors, null, List.of()))
                                                : checkSuccessor(successors, successorId).chain(() -> preview(a.id, successorId))
                                                        .map(moves -> new Retire(rows.get(0), successors, successorId, moves))))));
    }

    Uni<List<Successor>> successors(Account leaver, Set<Long> orgs) {
        if (orgs.isEmpty()) {
            // an advisor's responsibilities go to another advisor
            return Account.<Account>list("role = ?1 and active = true and id <> ?2 order by displayKana", leaver.role, leaver.id)
                    .map(as -> as.stream().map(x -> new Successor(x.id, x.displayName, "")).toList());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select a.id, a.displayName, min(o.name) from Account a, Membership m, Organization o"
                                + " where m.accountId = a.id and o.id = m.organizationId and m.organizationId in :orgs"
                                + " and a.active = true and a.id <> :leaver group by a.id, a.displayName, a.displayKana"
                                + " order by a.displayKana, a.id", Object[].class)
                .setParameter("orgs", orgs).setParameter("leaver", leaver.id).getResultList())
                .map(rows -> rows.stream().map(r -> new Successor((Long) r[0], (String) r[1], (String) r[2])).toList());
    }

    static Uni<Void> checkSuccessor(List<Successor> successors, long successorId) {
        if (successors.stream().noneMatch(s -> s.id() == successorId)) {
            throw ProblemException.field("successorId", "not-a-successor");
        }
        return Uni.createFrom().voidItem();
    }

    /** What each feature would move. */
    Uni<List<HandoverPart.Item>> preview(long from, long to) {
        Uni<List<HandoverPart.Item>> all = Uni.createFrom().item(new ArrayList<>());
        for (HandoverPart p : parts) {
            all = all.chain(list -> p.preview(from, to).map(items -> {
                list.addAll(items);
                return list;
            }));
        }
        return all;
    }

    // ------------------------------------------------------------------ writes

    /** Moves the leaver's responsibilities to the successor (one transaction; audited). */
    @WithTransaction
    public Uni<HandedOver> handOver(Viewer viewer, long accountId, HandoverInput in, String ip) {
        inputs.require(in);
        return visible(viewer, accountId, true).chain(a -> organizationsOf(a.id).chain(orgs -> {
            policy.decide(viewer, Action.EDIT, new Resource.StaffAccount(a.id, orgs)).orThrow();
            return successors(a, orgs).chain(successors -> checkSuccessor(successors, in.successorId()))
                    .chain(() -> moveAll(a.id, in.successorId()))
                    .call(moved -> audit.record(AuditType.HANDED_OVER, viewer.accountId(), viewer.email(), "account:" + a.id, ip,
                            "to=account:" + in.successorId() + " moved=" + moved))
                    .map(moved -> new HandedOver(a.id, in.successorId(), moved));
        }));
    }

    Uni<Integer> moveAll(long from, long to) {
        Uni<Integer> total = Uni.createFrom().item(0);
        for (HandoverPart p : parts) {
            total = total.chain(n -> p.handOver(from, to).map(m -> n + m));
        }
        return total;
    }

    /**
     * Deactivates the account: it signs in no more, its sessions end, each feature ends its private
     * links (calendar feeds, personal meeting links); its name stays wherever it acted.
     */
    @WithTransaction
    public Uni<Void> deactivate(Viewer viewer, long accountId, String ip) {
        return visible(viewer, accountId, true).chain(a -> organizationsOf(a.id).chain(orgs -> {
            policy.decide(viewer, Action.EDIT, new Resource.StaffAccount(a.id, orgs)).orThrow();
            if (!a.active) {
                return Uni.createFrom().voidItem();
            }
            a.active = false;
            Uni<Void> chain = AuthSession.update("revokedAt = ?1 where accountId = ?2 and revokedAt is null", Instant.now(), a.id)
                    .chain(() -> auth.sessionsEnded(a.id));
            for (HandoverPart p : parts) {
                chain = chain.chain(() -> p.deactivated(a.id));
            }
            return chain.chain(() -> audit.record(AuditType.ACCOUNT_DEACTIVATED, viewer.accountId(), viewer.email(),
                    "account:" + a.id, ip, null)).replaceWithVoid();
        }));
    }

    /**
     * Lets a deactivated account sign in again (someone back from leave, or deactivated by mistake),
     * with the same rights as deactivating it. Nothing that ended comes back: its sessions, calendar
     * feeds and personal links stay revoked, and what was handed over stays with the successor.
     */
    @WithTransaction
    public Uni<Void> reactivate(Viewer viewer, long accountId, String ip) {
        return visible(viewer, accountId, true).chain(a -> organizationsOf(a.id).chain(orgs -> {
            policy.decide(viewer, Action.EDIT, new Resource.StaffAccount(a.id, orgs)).orThrow();
            if (a.active) {
                return Uni.createFrom().voidItem();
            }
            a.active = true;
            return audit.record(AuditType.ACCOUNT_REACTIVATED, viewer.accountId(), viewer.email(), "account:" + a.id, ip, null)
                    .replaceWithVoid();
        }));
    }
}
