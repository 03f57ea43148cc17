package jp.tsunagu.circle;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.Administrators;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.circle.CircleEvent.Kind;
import jp.tsunagu.circle.CircleInputs.InviteInput;
import jp.tsunagu.account.Membership;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.directory.CircleMember;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.notification.NotificationService;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Asking an organization into a circle and its answer. Only the invited organization's
 * administrator (or the secretariat, where nobody administers it) accepts or declines; until then
 * the organization sees nothing of the circle but the invitation itself.
 */
@ApplicationScoped
public class CircleInvitations {

    /** At most this many open invitations per circle (each one mails the organization's administrators). */
    static final int MAX_OPEN = 100;

    /** At most this many invitations one person sends in 24 hours, into any circles. */
    static final int DAILY_PER_PERSON = 30;

    /** An organization that declined, or whose invitation was withdrawn, is not asked into the same circle again for this long. */
    static final Duration COOL_DOWN = Duration.ofDays(30);

    /** An invitation as its circle's owners see it. */
    @TemplateData
    public record Sent(long id, long organizationId, String organizationName, String invitedBy, Instant invitedAt,
                       String message) {
    }

    /** An invitation as the invited organization's administrator sees it: enough to decide. */
    @TemplateData
    public record Incoming(long id, long circleId, String circleName, String circleKind, String description,
                           long organizationId, String organizationName, String invitedBy, String invitedByOrganization,
                           Instant invitedAt, String message, long memberCount) {
    }

    /** The answer to a decision. */
    public record Answer(long invitationId, long circleId, CircleInvitation.Status status) {
    }

    @Inject
    AccessPolicy policy;

    @Inject
    InputCheck inputs;

    @Inject
    CircleFacts facts;

    @Inject
    Administrators administrators;

    @Inject
    AuditLog audit;

    @Inject
    NotificationService notifications;

    // ------------------------------------------------------------------ the owners' side

    /** Invites an organization; its administrators are told in the app and by mail. */
    public Uni<Sent> invite(Viewer viewer, long circleId, InviteInput in, String ip) {
        return inviteTx(viewer, circleId, in, ip)
                .call(r -> notifications.send(r.outbox()))
                .map(Invited::sent);
    }

    record Invited(Sent sent, NotificationService.Outbox outbox) {
    }

    @WithTransaction
    Uni<Invited> inviteTx(Viewer viewer, long circleId, InviteInput in, String ip) {
        return facts.runnable(viewer, circleId).chain(l -> {
            inputs.require(in);
            if (l.member(in.organizationId()) != null) {
                throw ProblemException.field("organizationId", "already-member");
            }
            return Organization.<Organization>findById(in.organizationId()).chain(org -> {
                if (org == null) {
                    throw ProblemException.field("organizationId", "unknown");
                }
                return limits(viewer, circleId, org.id)
                        .chain(() -> {
                            CircleInvitation inv = new CircleInvitation();
                            inv.circleId = circleId;
                            inv.organizationId = org.id;
                            inv.message = Values.blankToNull(in.message());
                            inv.invitedBy = viewer.accountId();
                            inv.invitedAt = Instant.now();
                            return inv.<CircleInvitation>persist();
                        })
                        .call(inv -> CircleEvent.of(circleId, org.id, Kind.INVITED, viewer.accountId()).persist())
                        .call(inv -> audit.record(AuditType.CIRCLE_INVITED, viewer.accountId(), viewer.email(),
                                "circle:" + circleId, ip, "organization:" + org.id))
                        .chain(inv -> inviterOrganization(viewer, l).chain(from -> administrators.answerers(org.id)
                                        .chain(people -> notifications.notifyPeople(people, "notify.circle-invitation",
                                                "mail.circle-invitation.body", "/circle-invitations", l.circle().name, from)))
                                .map(outbox -> new Invited(new Sent(inv.id, org.id, org.name, viewer.displayName(),
                                        inv.invitedAt, inv.message), outbox)));
            });
        });
    }

    /**
     * What keeps invitations from becoming a mailing tool: open ones per circle, one open per
     * organization, none again soon after a decline or a withdrawal, and a daily number per person.
     */
    Uni<Void> limits(Viewer viewer, long circleId, long organizationId) {
        Instant now = Instant.now();
        return CircleInvitation.count("circleId = ?1 and status = ?2", circleId, CircleInvitation.Status.PENDING)
                .chain(open -> {
                    if (open >= MAX_OPEN) {
                        throw new ProblemException(409, "too-many-circle-invitations", MAX_OPEN);
                    }
                    return CircleInvitation.count("circleId = ?1 and organizationId = ?2 and status = ?3", circleId,
                            organizationId, CircleInvitation.Status.PENDING);
                })
                .chain(same -> {
                    if (same > 0) {
                        throw new ProblemException(409, "already-invited");
                    }
                    return CircleInvitation.count("circleId = ?1 and organizationId = ?2 and status in ?3 and decidedAt > ?4",
                            circleId, organizationId, List.of(CircleInvitation.Status.DECLINED, CircleInvitation.Status.WITHDRAWN),
                            now.minus(COOL_DOWN));
                })
                .chain(recent -> {
                    if (recent > 0) {
                        throw new ProblemException(409, "invited-recently", COOL_DOWN.toDays());
                    }
                    return CircleInvitation.count("invitedBy = ?1 and invitedAt > ?2", viewer.accountId(), now.minus(Duration.ofHours(24)));
                })
                .invoke(today -> {
                    if (today >= DAILY_PER_PERSON) {
                        throw ProblemException.withHeader(429, "circle-invitation-budget", "Retry-After", "3600", DAILY_PER_PERSON);
                    }
                })
                .replaceWithVoid();
    }

    /** The inviting side as the invitation names it: the owner organization the viewer belongs to, or the network. */
    private static Uni<String> inviterOrganization(Viewer viewer, CircleFacts.Loaded l) {
        Long id = l.ownerIds().stream().filter(viewer::memberOf).findFirst()
                .orElse(viewer.organizationIds().stream().findFirst().orElse(null));
        return id == null ? Uni.createFrom().item("") : Organization.<Organization>findById(id).map(o -> o == null ? "" : o.name);
    }

    /** The owners withdraw an open invitation. */
    @WithTransaction
    public Uni<Void> withdraw(Viewer viewer, long circleId, long invitationId, String ip) {
        return facts.runnable(viewer, circleId).chain(l -> CircleInvitation.<CircleInvitation>findById(invitationId,
                LockModeType.PESSIMISTIC_WRITE).chain(inv -> {
            if (inv == null || inv.circleId != circleId) {
                throw ProblemException.notFound();
            }
            if (inv.status != CircleInvitation.Status.PENDING) {
                throw new ProblemException(409, "invitation-decided");
            }
            decide(inv, viewer, CircleInvitation.Status.WITHDRAWN);
            return CircleEvent.of(circleId, inv.organizationId, Kind.WITHDRAWN, viewer.accountId()).persist()
                    .chain(() -> audit.record(AuditType.CIRCLE_INVITATION_WITHDRAWN, viewer.accountId(), viewer.email(),
                            "circle:" + circleId, ip, "organization:" + inv.organizationId))
                    .replaceWithVoid();
        }));
    }

    /** The open invitations of a circle, for its manage page. */
    Uni<List<Sent>> sent(long circleId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select i.id, o.id, o.name, a.displayName, i.invitedAt, i.message from CircleInvitation i, Organization o,"
                                + " Account a where o.id = i.organizationId and a.id = i.invitedBy and i.circleId = :c"
                                + " and i.status = :open order by i.invitedAt", Object[].class)
                .setParameter("c", circleId).setParameter("open", CircleInvitation.Status.PENDING).getResultList())
                .map(rows -> rows.stream().map(r -> new Sent((Long) r[0], (Long) r[1], (String) r[2], (String) r[3],
                        (Instant) r[4], (String) r[5])).toList());
    }

    // ------------------------------------------------------------------ the invited organization's side

    /**
     * The open invitations this viewer answers: for the organizations they administer, and for the
     * secretariat those of organizations nobody administers.
     */
    @WithSession
    public Uni<List<Incoming>> incoming(Viewer viewer) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        boolean secretariat = viewer.is(Role.NETWORK_ADMIN);
        if (viewer.administeredOrganizationIds().isEmpty() && !secretariat) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select i.id, c.id, c.name, c.kind, c.description, o.id, o.name, a.displayName,"
                                + " (select min(io.name) from CircleMember cm, Organization io, Membership im"
                                + "  where cm.circleId = c.id and cm.owner = true and io.id = cm.organizationId"
                                + "  and im.organizationId = io.id and im.accountId = a.id),"
                                + " i.invitedAt, i.message, (select count(m) from CircleMember m where m.circleId = c.id)"
                                + " from CircleInvitation i, Circle c, Organization o, Account a"
                                + " where c.id = i.circleId and o.id = i.organizationId and a.id = i.invitedBy and i.status = :open"
                                + " and (o.id in :mine or (:secretariat = true and not exists (select 1 from Membership am, Account aa"
                                + "  where am.organizationId = o.id and am.admin = true and aa.id = am.accountId and aa.active = true)))"
                                + " order by i.invitedAt desc", Object[].class)
                .setParameter("open", CircleInvitation.Status.PENDING)
                .setParameter("mine", viewer.administeredOrganizationIds().isEmpty() ? List.of(-1L) : viewer.administeredOrganizationIds())
                .setParameter("secretariat", secretariat)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Incoming((Long) r[0], (Long) r[1], (String) r[2],
                        Values.name((Enum<?>) r[3]), (String) r[4], (Long) r[5], (String) r[6], (String) r[7],
                        (String) r[8], (Instant) r[9], (String) r[10], (Long) r[11])).toList());
    }

    /** Accepts for the organization: it is a member from now on. */
    public Uni<Answer> accept(Viewer viewer, long invitationId, String ip) {
        return answer(viewer, invitationId, true, ip);
    }

    /** Declines for the organization. */
    public Uni<Answer> decline(Viewer viewer, long invitationId, String ip) {
        return answer(viewer, invitationId, false, ip);
    }

    /** Accepts or declines, then sends the mails of the answer once it is stored. */
    Uni<Answer> answer(Viewer viewer, long invitationId, boolean accept, String ip) {
        return answerTx(viewer, invitationId, accept, ip).call(a -> notifications.send(a.outbox())).map(Answered::answer);
    }

    record Answered(Answer answer, NotificationService.Outbox outbox) {
    }

    /**
     * Locks the circle first, then the invitation (the order every circle write keeps), so an answer
     * racing a withdrawal or the archiving waits instead of deadlocking.
     */
    @WithTransaction
    Uni<Answered> answerTx(Viewer viewer, long invitationId, boolean accept, String ip) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        return CircleInvitation.<CircleInvitation>findById(invitationId).chain(found -> {
            if (found == null) {
                throw ProblemException.notFound();
            }
            return administrators.exist(found.organizationId).chain(hasAdmins -> {
                policy.require(viewer, Action.APPROVE, new Resource.CircleInvitation(found.organizationId, hasAdmins));
                return Circle.<Circle>findById(found.circleId, LockModeType.PESSIMISTIC_WRITE)
                        .chain(c -> CircleInvitation.<CircleInvitation>findById(invitationId, LockModeType.PESSIMISTIC_WRITE)
                                .chain(inv -> decideLocked(viewer, c, inv, hasAdmins, accept, ip)));
            });
        });
    }

    private Uni<Answered> decideLocked(Viewer viewer, Circle c, CircleInvitation inv, boolean hasAdmins, boolean accept, String ip) {
        if (inv.status != CircleInvitation.Status.PENDING) {
            throw new ProblemException(409, "invitation-decided");
        }
        if (c.archivedAt != null) {
            throw new ProblemException(409, "circle-archived");
        }
        if (inv.invitedBy.equals(viewer.accountId())) {
            // the secretariat answering for an organization nobody administers must not be the one who asked
            throw new ProblemException(409, "own-invitation");
        }
        decide(inv, viewer, accept ? CircleInvitation.Status.ACCEPTED : CircleInvitation.Status.DECLINED);
        return (accept ? join(inv) : Uni.createFrom().voidItem())
                .chain(() -> CircleEvent.of(c.id, inv.organizationId, accept ? Kind.JOINED : Kind.DECLINED,
                        viewer.accountId()).persist())
                .chain(() -> audit.record(accept ? AuditType.CIRCLE_JOINED : AuditType.CIRCLE_DECLINED,
                        viewer.accountId(), viewer.email(), "circle:" + c.id, ip, "organization:" + inv.organizationId
                                + (viewer.memberOf(inv.organizationId) ? "" : " (answered by the secretariat)")))
                .chain(() -> Organization.<Organization>findById(inv.organizationId))
                .chain(org -> tellTheOwners(c, inv, org, accept)
                        .chain(() -> tellTheOrganization(viewer, c, org, hasAdmins, accept)))
                .map(outbox -> new Answered(new Answer(inv.id, c.id, inv.status), outbox));
    }

    /** The owners' administrators, and whoever invited while they still work for an owner, see the answer in the app. */
    private Uni<Void> tellTheOwners(Circle c, CircleInvitation inv, Organization org, boolean accept) {
        return CircleMember.<CircleMember>list("circleId = ?1 and owner = true", c.id).chain(owners -> {
            List<Long> ownerIds = owners.stream().map(o -> o.organizationId).toList();
            return Membership.<Membership>list("organizationId in ?1 and (admin = true or accountId = ?2)", ownerIds, inv.invitedBy)
                    .chain(ms -> notifications.notifyPeopleInApp(ms.stream().map(m -> m.accountId).distinct().toList(),
                            accept ? "notify.circle-accepted" : "notify.circle-declined", "/circles/" + c.id + "/manage",
                            org.name, c.name));
        });
    }

    /** When the secretariat answered for an organization nobody administers, its staff are told. */
    private Uni<NotificationService.Outbox> tellTheOrganization(Viewer viewer, Circle c, Organization org, boolean hasAdmins,
                                                                 boolean accept) {
        if (hasAdmins || viewer.memberOf(org.id)) {
            return Uni.createFrom().item(new NotificationService.Outbox(List.of(), "", "", "", new Object[0]));
        }
        return notifications.notifyOrganizations(List.of(org.id),
                accept ? "notify.circle-joined-for-you" : "notify.circle-declined-for-you",
                accept ? "mail.circle-joined-for-you.body" : "mail.circle-declined-for-you.body",
                accept ? "/circles/" + c.id : "/circles", c.name);
    }

    private static Uni<Void> join(CircleInvitation inv) {
        return CircleMember.count("circleId = ?1 and organizationId = ?2", inv.circleId, inv.organizationId).chain(n -> {
            if (n > 0) {
                return Uni.createFrom().voidItem();
            }
            CircleMember m = new CircleMember();
            m.circleId = inv.circleId;
            m.organizationId = inv.organizationId;
            m.joinedOn = JapaneseCalendar.today();
            return m.persist().replaceWithVoid();
        });
    }

    private static void decide(CircleInvitation inv, Viewer viewer, CircleInvitation.Status status) {
        inv.status = status;
        inv.decidedBy = viewer.accountId();
        inv.decidedAt = Instant.now();
    }
}
