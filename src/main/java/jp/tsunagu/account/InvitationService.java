package jp.tsunagu.account;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.notification.NotificationService;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.security.SecretTokens;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.web.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * Invitation links: an organization's administrators invite its staff; inviting someone into another
 * organization (a partner sharing a circle with a lead's center) is a request that the
 * organization's administrator approves — network-admin where it has none — and the link is mailed
 * only then. Network-admin invites an organization's first account. The link is only ever mailed to
 * the invitee (no answer, page or log shows it); links are single use, expire after
 * {@code tsunagu.invitation.days}, and only their SHA-256 is stored.
 */
@ApplicationScoped
public class InvitationService {

    /**
     * What became of an invitation: {@code SENT} (mailed to the invitee now) or {@code REQUESTED}
     * (waiting for an administrator of the organization; mailed only once approved). The link itself
     * is never part of it: it exists only in the mail.
     */
    public record Issued(long id, String email, InvitationStatus status, Instant expiresAt) {
    }

    public record Pending(String email, String organizationName, String role, Instant expiresAt) {
    }

    /** A request to invite someone into another organization, as its approver sees it. */
    @TemplateData
    public record Request(long id, String email, String role, String title, long organizationId, String organizationName,
                          String requestedBy, String requesterOrganization, Instant requestedAt) {
    }

    /** A mail to send once the transaction has committed. */
    record Outgoing(Issued issued, String token, String inviterName, String organizationName, boolean approval) {
    }

    @Inject
    AccessPolicy policy;

    @Inject
    Administrators administrators;

    @Inject
    AuditLog audit;

    @Inject
    ReactiveMailer mailer;

    @Inject
    Passwords passwords;

    @Inject
    AuthService auth;

    @Inject
    NotificationService notifications;

    @ConfigProperty(name = "tsunagu.invitation.days")
    int days;

    @ConfigProperty(name = "tsunagu.base-url")
    String baseUrl;

    /**
     * Invites someone: straight away where the viewer may (a center lead into their own center,
     * network-admin anywhere), as a request for the organization's administrator to approve where
     * the viewer may only ask (a center lead for a partner organization sharing a circle), else 403.
     */
    public Uni<Issued> issue(Viewer viewer, String rawEmail, long organizationId, Role role, String title, String ip) {
        String email = AuthService.normalize(rawEmail);
        return store(viewer, email, organizationId, role, title, ip)
                .call(this::deliver)
                .map(Outgoing::issued);
    }

    @WithTransaction
    Uni<Outgoing> store(Viewer viewer, String email, long organizationId, Role role, String title, String ip) {
        return Organization.<Organization>findById(organizationId).chain(org -> {
            if (org == null) {
                throw ProblemException.field("organizationId", "unknown");
            }
            return sharesCircle(viewer, organizationId).chain(shares -> administrators.of(org.id).chain(admins -> {
                Resource.InvitationTarget target = new Resource.InvitationTarget(org.id, org.orgType, role, shares, !admins.isEmpty());
                boolean direct = policy.permits(viewer, Action.INVITE, target);
                if (!direct && !policy.permits(viewer, Action.REQUEST, target)) {
                    throw new ProblemException(403, "invite-not-allowed");
                }
                return Account.count("email", email).chain(existing -> {
                    if (existing > 0) {
                        throw ProblemException.field("email", "email-taken");
                    }
                    Invitation inv = new Invitation();
                    inv.email = email;
                    inv.organizationId = org.id;
                    inv.role = role;
                    inv.title = title == null || title.isBlank() ? null : title.trim();
                    inv.invitedBy = viewer.accountId();
                    inv.createdAt = Instant.now();
                    String token = direct ? open(inv) : null;
                    if (!direct) {
                        inv.status = InvitationStatus.REQUESTED;
                    }
                    inv.grantsAdmin = direct && grantsAdministration(viewer, role, org, admins.isEmpty());
                    return inv.<Invitation>persist()
                            .call(i -> audit.record(direct ? AuditType.INVITATION_ISSUED : AuditType.INVITATION_REQUESTED,
                                    viewer.accountId(), viewer.email(), "organization:" + org.id, ip,
                                    "to=" + email + " role=" + role.wire()))
                            .call(i -> direct ? Uni.createFrom().voidItem() : notifyApprovers(org))
                            .map(i -> new Outgoing(new Issued(i.id, email, i.status, i.expiresAt),
                                    token, viewer.displayName(), org.name, false));
                });
            }));
        });
    }

    /**
     * Whether an invitation makes its invitee an administrator: a center's lead administers their
     * center, the secretariat its network; the secretariat's invitation of an organization nobody
     * administers gives it its first administrator.
     */
    static boolean grantsAdministration(Viewer issuer, Role role, Organization org, boolean noAdministrators) {
        return (role == Role.CENTER_LEAD && org.orgType == OrgType.NAKAPOTSU)
                || (role == Role.NETWORK_ADMIN && org.orgType == OrgType.NATIONAL_NETWORK)
                || (issuer.is(Role.NETWORK_ADMIN) && noAdministrators);
    }

    /** Gives the invitation a fresh link (only its hash is kept) and its expiry; returns the link's token. */
    private String open(Invitation inv) {
        String token = SecretTokens.newToken();
        inv.tokenHash = SecretTokens.hash(token);
        inv.status = InvitationStatus.SENT;
        inv.expiresAt = Instant.now().plus(Duration.ofDays(days));
        return token;
    }

    /** The organization's administrators decide; network-admin where nobody administers it. */
    Uni<Void> notifyApprovers(Organization org) {
        return administrators.answerers(org.id)
                .chain(ids -> notifications.notifyAccounts(ids, "notify.invitation-request", "/admin/invitations", org.name));
    }

    /**
     * Requests waiting for this viewer's decision (404 for anyone who approves none): into the
     * organizations they administer, and for the secretariat into those nobody administers.
     */
    @WithSession
    public Uni<List<Request>> requests(Viewer viewer) {
        policy.require(viewer, Action.APPROVE, new Resource.InvitationRequests());
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select i.id, i.email, i.role, i.title, o.id, o.name, a.displayName, i.createdAt,"
                                + " (select min(ro.name) from Membership m, Organization ro where m.accountId = a.id and ro.id = m.organizationId)"
                                + " from Invitation i, Organization o, Account a where o.id = i.organizationId and a.id = i.invitedBy"
                                + " and i.status = :requested and (o.id in :mine or (:secretariat = true and not exists"
                                + " (select 1 from Membership am, Account aa where am.organizationId = o.id and am.admin = true"
                                + " and aa.id = am.accountId and aa.active = true))) order by i.createdAt", Object[].class)
                        .setParameter("requested", InvitationStatus.REQUESTED)
                        .setParameter("mine", viewer.administeredOrganizationIds().isEmpty() ? Set.of(-1L) : viewer.administeredOrganizationIds())
                        .setParameter("secretariat", viewer.is(Role.NETWORK_ADMIN))
                        .getResultList())
                .map(rows -> rows.stream().map(r -> new Request((Long) r[0], (String) r[1], ((Role) r[2]).wire(), (String) r[3],
                        (Long) r[4], (String) r[5], (String) r[6], (String) r[8], (Instant) r[7])).toList());
    }

    /**
     * The organizations this viewer may invite into, for the invitation form: none without a role to invite; the
     * secretariat, every organization; others, their own and those (not centers, not the national network) that share a
     * circle with them.
     */
    @WithSession
    public Uni<List<OrgRef>> targets(Viewer viewer) {
        if (policy.invitableRoles(viewer).isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Uni<List<Organization>> orgs;
        if (viewer.is(Role.NETWORK_ADMIN)) {
            orgs = Organization.list("order by prefectureCode, name");
        } else if (!viewer.is(Role.CENTER_LEAD)) {
            // a partner's administrator invites into the organizations they administer
            orgs = Organization.list("id in ?1 order by name", viewer.administeredOrganizationIds().isEmpty()
                    ? Set.of(-1L) : viewer.administeredOrganizationIds());
        } else if (viewer.circleIds().isEmpty()) {
            orgs = Organization.list("id in ?1 order by name", viewer.organizationIds());
        } else {
            orgs = Organization.list("from Organization o where o.id in ?1 or (o.orgType not in ('NAKAPOTSU', 'NATIONAL_NETWORK')"
                    + " and exists (select 1 from CircleMember m where m.organizationId = o.id and m.circleId in ?2)) order by o.name",
                    viewer.organizationIds(), viewer.circleIds());
        }
        return orgs.map(list -> list.stream().map(o -> new OrgRef(o.id, o.name, null)).toList());
    }

    /** Approves (the link is mailed now) or declines a request; a decided request answers 409. */
    public Uni<Issued> decide(Viewer viewer, long id, boolean approve, String ip) {
        return storeDecision(viewer, id, approve, ip)
                .call(this::deliver)
                .map(Outgoing::issued);
    }

    @WithTransaction
    Uni<Outgoing> storeDecision(Viewer viewer, long id, boolean approve, String ip) {
        policy.require(viewer, Action.APPROVE, new Resource.InvitationRequests());
        return Invitation.<Invitation>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(inv -> {
            if (inv == null) {
                throw ProblemException.notFound();
            }
            return administrators.of(inv.organizationId).chain(admins -> {
                policy.require(viewer, Action.APPROVE, new Resource.InvitationRequest(inv.organizationId, !admins.isEmpty()));
                return decideLocked(viewer, inv, approve, !admins.isEmpty(), ip);
            });
        });
    }

    private Uni<Outgoing> decideLocked(Viewer viewer, Invitation inv, boolean approve, boolean hasAdmins, String ip) {
        if (inv.status != InvitationStatus.REQUESTED) {
            throw new ProblemException(409, "invitation-decided");
        }
        return Organization.<Organization>findById(inv.organizationId).chain(org -> Account.count("email", inv.email)
                .chain(taken -> {
                    inv.decidedBy = viewer.accountId();
                    inv.decidedAt = Instant.now();
                    Role role = inv.role;
                    boolean fits = policy.permits(viewer, Action.INVITE,
                            new Resource.InvitationTarget(org.id, org.orgType, role, false, hasAdmins));
                    String token = approve && taken == 0 && fits ? open(inv) : null;
                    inv.grantsAdmin = token != null && grantsAdministration(viewer, role, org, !hasAdmins);
                    if (token == null) {
                        inv.status = InvitationStatus.DECLINED;
                    }
                    return audit.record(token != null ? AuditType.INVITATION_APPROVED : AuditType.INVITATION_DECLINED,
                                    viewer.accountId(), viewer.email(), "invitation:" + inv.id, ip,
                                    "to=" + inv.email + " organization:" + org.id + (approve && token == null ? " (cannot be approved)" : ""))
                            .chain(() -> Account.<Account>findById(inv.invitedBy))
                            .map(requester -> new Outgoing(new Issued(inv.id, inv.email, inv.status, inv.expiresAt), token,
                                    requester == null ? "" : requester.displayName, org.name, true));
                }));
    }

    Uni<Boolean> sharesCircle(Viewer viewer, long organizationId) {
        if (viewer.circleIds().isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select count(m) from CircleMember m where m.organizationId = :org and m.circleId in :circles", Long.class)
                .setParameter("org", organizationId).setParameter("circles", viewer.circleIds()).getSingleResult())
                .map(n -> n > 0);
    }

    /**
     * Mails the link once the invitation is stored. The link exists only in that mail, so when the mail
     * cannot be sent the invitation is undone (an approval goes back to the queue, a direct invitation's
     * link ends) and the answer is 503: trying again issues a fresh link.
     */
    Uni<Void> deliver(Outgoing out) {
        if (out.token() == null) {
            return Uni.createFrom().voidItem();
        }
        return send(out).onFailure().call(e -> undo(out))
                .onFailure().transform(e -> ProblemException.withHeader(503, "mail-unavailable", "Retry-After", "60"));
    }

    @WithTransaction
    Uni<Void> undo(Outgoing out) {
        return Invitation.<Invitation>findById(out.issued().id()).invoke(inv -> {
            if (inv == null || inv.usedAt != null) {
                return;
            }
            if (out.approval()) {
                inv.status = InvitationStatus.REQUESTED;
                inv.tokenHash = null;
                inv.expiresAt = null;
                inv.decidedAt = null;
                inv.decidedBy = null;
            } else {
                inv.expiresAt = Instant.now();
            }
        }).replaceWithVoid();
    }

    Uni<Void> send(Outgoing out) {
        Locale ja = Messages.JA;
        Locale en = Messages.EN;
        String link = baseUrl + "/invite/" + out.token();
        Instant expires = out.issued().expiresAt();
        String body = Messages.get(ja, "mail.invite.body", out.inviterName(), link, JapaneseCalendar.dateTime(expires, ja),
                out.organizationName())
                + "\n\n----\n\n"
                + Messages.get(en, "mail.invite.body", out.inviterName(), link, JapaneseCalendar.dateTime(expires, en),
                out.organizationName());
        return mailer.send(Mail.withText(out.issued().email(), Messages.get(ja, "mail.invite.subject") + " / "
                + Messages.get(en, "mail.invite.subject"), body));
    }

    /**
     * Whether the new account administers its organization at once: as its invitation decided (a
     * center's lead, the secretariat's own, an organization's first account) — the first account
     * only while the organization still has no administrator, checked with the organization locked,
     * so two links used at once make one administrator.
     */
    Uni<Boolean> administersFromTheStart(Invitation inv) {
        if (!inv.grantsAdmin) {
            return Uni.createFrom().item(false);
        }
        return Organization.<Organization>findById(inv.organizationId, LockModeType.PESSIMISTIC_WRITE).chain(org -> {
            if ((inv.role == Role.CENTER_LEAD && org.orgType == OrgType.NAKAPOTSU)
                    || (inv.role == Role.NETWORK_ADMIN && org.orgType == OrgType.NATIONAL_NETWORK)) {
                return Uni.createFrom().item(true);
            }
            return administrators.of(org.id).map(List::isEmpty);
        });
    }

    @WithSession
    public Uni<Pending> pending(String token) {
        return find(token).chain(inv -> Organization.<Organization>findById(inv.organizationId)
                .map(org -> new Pending(inv.email, org.name, inv.role.wire(), inv.expiresAt)));
    }

    Uni<Invitation> find(String token) {
        if (token == null || token.length() > 100) {
            throw ProblemException.notFound();
        }
        return Invitation.<Invitation>find("tokenHash = ?1 and status = ?2 and usedAt is null and expiresAt > ?3",
                        SecretTokens.hash(token), InvitationStatus.SENT, Instant.now())
                .firstResult().map(inv -> {
                    if (inv == null) {
                        throw new ProblemException(404, "invitation-invalid");
                    }
                    return inv;
                });
    }

    /** Creates the account, uses up the link, and signs the new person in. */
    public Uni<AuthService.SignedIn> accept(String token, String displayName, String password, String ip) {
        return pending(token).chain(p -> {
            passwords.validate("password", password, p.email());
            return passwords.hash(password);
        }).chain(hash -> create(token, displayName.trim(), hash, ip));
    }

    @WithTransaction
    Uni<AuthService.SignedIn> create(String token, String displayName, String hash, String ip) {
        return find(token).chain(inv -> Account.count("email", inv.email).chain(n -> {
            if (n > 0) {
                throw ProblemException.field("email", "email-taken");
            }
            Account a = new Account();
            a.email = inv.email;
            a.displayName = displayName;
            a.passwordHash = hash;
            a.role = inv.role;
            a.passwordChangedAt = Instant.now();
            return a.<Account>persist().chain(account -> {
                Membership m = new Membership();
                m.accountId = account.id;
                m.organizationId = inv.organizationId;
                m.title = inv.title;
                inv.usedAt = Instant.now();
                inv.usedBy = account.id;
                return administersFromTheStart(inv).invoke(admin -> m.admin = admin)
                        .call(admin -> admin ? audit.record(AuditType.ADMIN_CHANGED, account.id, account.email,
                                "account:" + account.id, ip, "organization:" + inv.organizationId + " admin=true (invitation)")
                                : Uni.createFrom().voidItem())
                        .chain(admin -> m.persist())
                        .chain(() -> audit.record(AuditType.INVITATION_USED, account.id, account.email,
                                "invitation:" + inv.id, ip, "organization:" + inv.organizationId + " role=" + inv.role.wire()))
                        .chain(() -> auth.openSession(account))
                        .map(outcome -> (AuthService.SignedIn) outcome);
            });
        }));
    }

}
