package jp.tsunagu.account;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.notification.NotificationService;
import jp.tsunagu.notification.NotificationService.Outbox;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Locale;

/**
 * An organization's staff as its administrators run them: who belongs (adding someone who has an
 * account, deciding requests to join), who administers it, and their titles. Joining always needs
 * the organization's administrator, or the secretariat where nobody administers it.
 */
@ApplicationScoped
public class StaffService {

    /**
     * Adding a member: an administrator names someone by e-mail (they must have an account — new
     * people are invited); without an e-mail, or with their own, the viewer asks to join.
     */
    public record AddInput(@Email @Size(max = 254) String email, @Size(max = 100) String title) {
    }

    /** An administrator changes a member: administrator or not, and the title. */
    public record MemberInput(@NotNull Boolean admin, @Size(max = 100) String title) {
    }

    /** What an add or a decision answered: ADDED (a member now), REQUESTED (waiting for the administrator) or DECLINED. */
    public record Added(String status, long organizationId, long accountId, Long requestId) {
    }

    @TemplateData
    public record Member(long accountId, String name, String kana, String email, String title, Role role, boolean admin,
                         LocalDate since, boolean active) {
    }

    @TemplateData
    public record Pending(long id, long accountId, String name, String email, String title, Instant requestedAt,
                          String elsewhere) {
    }

    /** The members page: the organization, its members, requests to join, and what the viewer may do. */
    @TemplateData
    public record Staff(long organizationId, String organizationName, boolean canEdit, List<Member> members,
                       List<Pending> requests) {

        /** Active administrators (the last one cannot be dropped, so the page offers no button for it). */
        public long adminCount() {
            return members.stream().filter(m -> m.admin() && m.active()).count();
        }
    }

    @Inject
    AccessPolicy policy;

    @Inject
    InputCheck inputs;

    @Inject
    AuditLog audit;

    @Inject
    NotificationService notifications;

    @Inject
    Administrators administrators;

    // ------------------------------------------------------------------ reading

    @WithSession
    public Uni<Staff> staff(Viewer viewer, long organizationId) {
        return organization(organizationId)
                .chain(org -> administrators.exist(org.id).invoke(has -> policy.require(viewer, Action.VIEW,
                                new Resource.OrganizationStaff(org.id, has)))
                        .chain(has -> members(org.id)
                                .chain(members -> requests(org.id)
                                        .map(requests -> new Staff(org.id, org.name,
                                                policy.permits(viewer, Action.EDIT, new Resource.OrganizationStaff(org.id, has)),
                                                members, requests)))));
    }

    Uni<Organization> organization(long id) {
        return Organization.<Organization>findById(id).map(org -> {
            if (org == null) {
                throw ProblemException.notFound();
            }
            return org;
        });
    }

    Uni<List<Member>> members(long organizationId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select a.id, a.displayName, a.displayKana, a.email, m.title, a.role, m.admin, m.since, a.active"
                                + " from Membership m, Account a where a.id = m.accountId and m.organizationId = :org"
                                + " order by a.active desc, m.admin desc, a.displayKana, a.id", Object[].class)
                .setParameter("org", organizationId).getResultList())
                .map(rows -> rows.stream().map(r -> new Member((Long) r[0], (String) r[1], (String) r[2], (String) r[3],
                        (String) r[4], (Role) r[5], (Boolean) r[6], (LocalDate) r[7], (Boolean) r[8])).toList());
    }

    Uni<List<Pending>> requests(long organizationId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select r.id, a.id, a.displayName, a.email, r.title, r.requestedAt,"
                                + " (select min(o.name) from Membership m, Organization o where m.accountId = a.id and o.id = m.organizationId)"
                                + " from MembershipRequest r, Account a where a.id = r.accountId and r.organizationId = :org"
                                + " and r.status = :pending and a.active = true order by r.requestedAt", Object[].class)
                .setParameter("org", organizationId).setParameter("pending", MembershipRequest.Status.PENDING).getResultList())
                .map(rows -> rows.stream().map(r -> new Pending((Long) r[0], (Long) r[1], (String) r[2], (String) r[3],
                        (String) r[4], (Instant) r[5], (String) r[6])).toList());
    }

    // ------------------------------------------------------------------ adding and asking

    /** An administrator adds someone who has an account, or the viewer asks to join. */
    public Uni<Added> add(Viewer viewer, long organizationId, AddInput in, String ip) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        inputs.require(in);
        boolean self = in.email() == null || in.email().isBlank() || in.email().trim().equalsIgnoreCase(viewer.email());
        Uni<Told<Added>> told = self ? askTx(viewer, organizationId, in, ip) : addTx(viewer, organizationId, in, ip);
        return told.call(t -> notifications.send(t.outbox())).map(Told::value);
    }

    /** A result and the mails to send once it is stored. */
    record Told<T>(T value, Outbox outbox) {
    }

    @WithTransaction
    Uni<Told<Added>> addTx(Viewer viewer, long organizationId, AddInput in, String ip) {
        return organization(organizationId).chain(org -> administrators.exist(org.id).chain(has -> {
            Resource.OrganizationStaff staff = new Resource.OrganizationStaff(org.id, has);
            policy.decide(viewer, Action.EDIT, staff).orThrow();
            String email = in.email().trim().toLowerCase(Locale.ROOT);
            return Account.<Account>find("email = ?1", email).firstResult().chain(a -> {
                if (a == null || !a.active) {
                    throw ProblemException.field("email", "no-account");
                }
                if (!a.role.staffOf(org.orgType)) {
                    throw ProblemException.field("email", "role-does-not-fit");
                }
                return Membership.count("accountId = ?1 and organizationId = ?2", a.id, org.id).chain(n -> {
                    if (n > 0) {
                        throw ProblemException.field("email", "already-member");
                    }
                    return join(viewer, a, org, in.title(), ip)
                            .chain(() -> closeRequests(a.id, org.id, viewer, MembershipRequest.Status.APPROVED))
                            .chain(() -> notifications.notifyPeople(List.of(a.id), "notify.membership-added",
                                    "mail.membership-added.body", "/directory/" + org.id, org.name))
                            .map(outbox -> new Told<>(new Added("ADDED", org.id, a.id, null), outbox));
                });
            });
        }));
    }

    /** The membership starts; a center's lead administers the center they join. */
    private Uni<Void> join(Viewer viewer, Account a, Organization org, String title, String ip) {
        Membership m = new Membership();
        m.accountId = a.id;
        m.organizationId = org.id;
        m.title = Values.blankToNull(title);
        m.admin = a.role == Role.CENTER_LEAD && org.orgType == OrgType.NAKAPOTSU;
        return m.persist()
                .chain(() -> audit.record(AuditType.MEMBERSHIP_ADDED, viewer.accountId(), viewer.email(), "account:" + a.id,
                        ip, "organization:" + org.id + (m.admin ? " admin=true" : "")))
                .replaceWithVoid();
    }

    private static Uni<Void> closeRequests(long accountId, long organizationId, Viewer viewer, MembershipRequest.Status status) {
        return MembershipRequest.update("status = ?1, decidedBy = ?2, decidedAt = ?3 where accountId = ?4 and organizationId = ?5"
                        + " and status = ?6", status, viewer.accountId(), Instant.now(), accountId, organizationId,
                MembershipRequest.Status.PENDING).replaceWithVoid();
    }

    @WithTransaction
    Uni<Told<Added>> askTx(Viewer viewer, long organizationId, AddInput in, String ip) {
        return organization(organizationId).chain(org -> {
            Resource.JoinRequest join = new Resource.JoinRequest(org.id, viewer.role() != null && viewer.role().staffOf(org.orgType),
                    viewer.memberOf(org.id));
            if (!policy.permits(viewer, Action.REQUEST, join)) {
                throw new ProblemException(403, viewer.memberOf(org.id) ? "already-member" : "join-not-allowed");
            }
            return joinLimits(viewer, org.id).chain(() -> MembershipRequest.count("accountId = ?1 and organizationId = ?2 and status = ?3",
                    viewer.accountId(), org.id, MembershipRequest.Status.PENDING)).chain(open -> {
                if (open > 0) {
                    throw new ProblemException(409, "join-requested");
                }
                MembershipRequest r = new MembershipRequest();
                r.accountId = viewer.accountId();
                r.organizationId = org.id;
                r.title = Values.blankToNull(in.title());
                r.requestedAt = Instant.now();
                return r.<MembershipRequest>persist()
                        .call(saved -> audit.record(AuditType.MEMBERSHIP_REQUESTED, viewer.accountId(), viewer.email(),
                                "organization:" + org.id, ip, null))
                        .chain(saved -> administrators.answerers(org.id).chain(people -> notifications.notifyPeople(people,
                                        "notify.membership-request", "mail.membership-request.body", "/organizations/" + org.id + "/members",
                                        viewer.displayName(), org.name))
                                .map(outbox -> new Told<>(new Added("REQUESTED", org.id, viewer.accountId(), saved.id), outbox)));
            });
        });
    }

    /** At most 10 requests a day per person, and none again to the same organization for 30 days after a decline. */
    Uni<Void> joinLimits(Viewer viewer, long organizationId) {
        Instant now = Instant.now();
        return MembershipRequest.count("accountId = ?1 and organizationId = ?2 and status = ?3 and decidedAt > ?4", viewer.accountId(),
                        organizationId, MembershipRequest.Status.DECLINED, now.minus(Duration.ofDays(30)))
                .chain(declined -> {
                    if (declined > 0) {
                        throw new ProblemException(409, "join-declined-recently", 30);
                    }
                    return MembershipRequest.count("accountId = ?1 and requestedAt > ?2", viewer.accountId(), now.minus(Duration.ofHours(24)));
                })
                .invoke(today -> {
                    if (today >= 10) {
                        throw ProblemException.withHeader(429, "join-budget", "Retry-After", "3600", 10);
                    }
                })
                .replaceWithVoid();
    }

    // ------------------------------------------------------------------ deciding

    /** Approves a request to join: a member from now on. */
    public Uni<Added> approve(Viewer viewer, long requestId, String ip) {
        return decide(viewer, requestId, true, ip);
    }

    public Uni<Added> decline(Viewer viewer, long requestId, String ip) {
        return decide(viewer, requestId, false, ip);
    }

    Uni<Added> decide(Viewer viewer, long requestId, boolean approve, String ip) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        return decideTx(viewer, requestId, approve, ip).call(t -> notifications.send(t.outbox())).map(Told::value);
    }

    @WithTransaction
    Uni<Told<Added>> decideTx(Viewer viewer, long requestId, boolean approve, String ip) {
        return MembershipRequest.<MembershipRequest>findById(requestId, LockModeType.PESSIMISTIC_WRITE).chain(r -> {
            if (r == null) {
                throw ProblemException.notFound();
            }
            return organization(r.organizationId).chain(org -> administrators.exist(org.id).chain(has -> {
                policy.require(viewer, Action.APPROVE, new Resource.OrganizationStaff(org.id, has));
                if (r.status != MembershipRequest.Status.PENDING) {
                    throw new ProblemException(409, "join-decided");
                }
                return Account.<Account>findById(r.accountId).chain(a -> {
                    if (approve && (a == null || !a.active || !a.role.staffOf(org.orgType))) {
                        throw new ProblemException(409, "join-cannot-be-approved");
                    }
                    r.status = approve ? MembershipRequest.Status.APPROVED : MembershipRequest.Status.DECLINED;
                    r.decidedBy = viewer.accountId();
                    r.decidedAt = Instant.now();
                    Uni<Void> done = approve
                            ? Membership.count("accountId = ?1 and organizationId = ?2", a.id, org.id)
                                    .chain(n -> n > 0 ? Uni.createFrom().voidItem() : join(viewer, a, org, r.title, ip))
                            : audit.record(AuditType.MEMBERSHIP_DECLINED, viewer.accountId(), viewer.email(), "account:" + r.accountId,
                                    ip, "organization:" + org.id).replaceWithVoid();
                    return done.chain(() -> notifications.notifyPeople(List.of(r.accountId),
                                    approve ? "notify.membership-approved" : "notify.membership-declined",
                                    approve ? "mail.membership-added.body" : "mail.membership-declined.body",
                                    "/directory/" + org.id, org.name))
                            .map(outbox -> new Told<>(new Added(approve ? "ADDED" : "DECLINED", org.id, r.accountId, r.id), outbox));
                });
            }));
        });
    }

    // ------------------------------------------------------------------ administrators and titles

    /**
     * Names a member administrator or not, and sets their title; the last administrator stays (409).
     * The organization row is locked first, so two administrators dropping each other at once
     * leave one.
     */
    @WithTransaction
    public Uni<Member> change(Viewer viewer, long organizationId, long accountId, MemberInput in, String ip) {
        inputs.require(in);
        return locked(organizationId).chain(org -> administrators.exist(org.id).chain(has -> {
            policy.decide(viewer, Action.EDIT, new Resource.OrganizationStaff(org.id, has)).orThrow();
            return Membership.<Membership>find("accountId = ?1 and organizationId = ?2", accountId, org.id)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult().chain(m -> {
                        if (m == null) {
                            throw ProblemException.notFound();
                        }
                        return Account.<Account>findById(accountId).chain(a -> {
                            if (in.admin() && (!a.active || !a.role.staffOf(org.orgType))) {
                                throw new ProblemException(409, "admin-not-eligible");
                            }
                            return administrators.of(org.id);
                        }).chain(admins -> {
                            if (m.admin && !in.admin() && admins.size() == 1 && admins.contains(accountId)) {
                                throw new ProblemException(409, "last-admin");
                            }
                            boolean changed = m.admin != in.admin();
                            String title = Values.blankToNull(in.title());
                            boolean retitled = !Objects.equals(m.title, title);
                            m.admin = in.admin();
                            m.title = title;
                            Uni<?> logged = changed ? audit.record(AuditType.ADMIN_CHANGED, viewer.accountId(), viewer.email(),
                                    "account:" + accountId, ip, "organization:" + org.id + " admin=" + in.admin())
                                    : Uni.createFrom().voidItem();
                            Uni<?> titled = retitled ? audit.record(AuditType.MEMBERSHIP_CHANGED, viewer.accountId(), viewer.email(),
                                    "account:" + accountId, ip, "organization:" + org.id + " title")
                                    : Uni.createFrom().voidItem();
                            return logged.chain(() -> titled).chain(() -> members(org.id)).map(ms -> ms.stream()
                                    .filter(x -> x.accountId() == accountId).findFirst().orElseThrow());
                        });
                    });
        }));
    }

    Uni<Organization> locked(long id) {
        return Organization.<Organization>findById(id, LockModeType.PESSIMISTIC_WRITE).map(org -> {
            if (org == null) {
                throw ProblemException.notFound();
            }
            return org;
        });
    }

    /** Ends someone's membership (they leave this organization but may stay in others); the last administrator stays. */
    @WithTransaction
    public Uni<Void> remove(Viewer viewer, long organizationId, long accountId, String ip) {
        return locked(organizationId).chain(org -> administrators.exist(org.id).chain(has -> {
            policy.decide(viewer, Action.EDIT, new Resource.OrganizationStaff(org.id, has)).orThrow();
            return Membership.<Membership>find("accountId = ?1 and organizationId = ?2", accountId, org.id).firstResult().chain(m -> {
                if (m == null) {
                    throw ProblemException.notFound();
                }
                return administrators.of(org.id).chain(admins -> {
                    if (m.admin && admins.size() == 1 && admins.contains(accountId)) {
                        throw new ProblemException(409, "last-admin");
                    }
                    return m.delete().chain(() -> audit.record(AuditType.MEMBERSHIP_ENDED, viewer.accountId(), viewer.email(),
                            "account:" + accountId, ip, "organization:" + org.id)).replaceWithVoid();
                });
            });
        }));
    }
}
