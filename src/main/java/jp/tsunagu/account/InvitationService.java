package jp.tsunagu.account;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.security.SecretTokens;
import jp.tsunagu.platform.web.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Invitation links: a center lead invites staff of its own center or of a partner organization
 * (one that shares a circle with the lead's center); network staff invite anyone. Links are single
 * use, expire after {@code tsunagu.invitation.days}, and only their SHA-256 is stored.
 */
@ApplicationScoped
public class InvitationService {

    public record Issued(long id, String email, String link, Instant expiresAt) {
    }

    public record Pending(String email, String organizationName, String role, Instant expiresAt) {
    }

    @Inject
    AccessPolicy policy;

    @Inject
    AuditLog audit;

    @Inject
    ReactiveMailer mailer;

    @Inject
    Passwords passwords;

    @Inject
    AuthService auth;

    @ConfigProperty(name = "tsunagu.invitation.days")
    int days;

    @ConfigProperty(name = "tsunagu.base-url")
    String baseUrl;

    public Uni<Issued> issue(Viewer viewer, String rawEmail, long organizationId, Role role, String title, String ip) {
        String email = AuthService.normalize(rawEmail);
        String token = SecretTokens.newToken();
        return store(viewer, email, organizationId, role, title, token, ip)
                .call(issued -> send(viewer, issued));
    }

    @WithTransaction
    Uni<Issued> store(Viewer viewer, String email, long organizationId, Role role, String title, String token, String ip) {
        return Organization.<Organization>findById(organizationId).chain(org -> {
            if (org == null) {
                throw ProblemException.field("organizationId", "unknown");
            }
            return sharesCircle(viewer, organizationId).chain(shares -> {
                if (!policy.permits(viewer, Action.INVITE, new Resource.InvitationTarget(org.id, org.type(), role, shares))) {
                    throw new ProblemException(403, "invite-not-allowed");
                }
                return Account.count("email", email).chain(existing -> {
                    if (existing > 0) {
                        throw ProblemException.field("email", "email-taken");
                    }
                    Invitation inv = new Invitation();
                    inv.tokenHash = SecretTokens.hash(token);
                    inv.email = email;
                    inv.organizationId = org.id;
                    inv.role = role.wire();
                    inv.title = title == null || title.isBlank() ? null : title.trim();
                    inv.invitedBy = viewer.accountId();
                    inv.createdAt = Instant.now();
                    inv.expiresAt = inv.createdAt.plus(Duration.ofDays(days));
                    return inv.<Invitation>persist()
                            .call(i -> audit.record(AuditLog.INVITATION_ISSUED, viewer.accountId(), viewer.email(),
                                    "organization:" + org.id, ip, "to=" + email + " role=" + role.wire()))
                            .map(i -> new Issued(i.id, email, baseUrl + "/invite/" + token, i.expiresAt));
                });
            });
        });
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

    Uni<Void> send(Viewer viewer, Issued issued) {
        Locale ja = Messages.JA;
        Locale en = Messages.EN;
        String expires = JapaneseCalendar.dateTime(issued.expiresAt(), ja);
        String body = Messages.get(ja, "mail.invite.body", viewer.displayName(), issued.link(), expires)
                + "\n\n----\n\n"
                + Messages.get(en, "mail.invite.body", viewer.displayName(), issued.link(),
                JapaneseCalendar.dateTime(issued.expiresAt(), en));
        return mailer.send(Mail.withText(issued.email(), Messages.get(ja, "mail.invite.subject") + " / "
                + Messages.get(en, "mail.invite.subject"), body));
    }

    @WithSession
    public Uni<Pending> pending(String token) {
        return find(token).chain(inv -> Organization.<Organization>findById(inv.organizationId)
                .map(org -> new Pending(inv.email, org.name, inv.role, inv.expiresAt)));
    }

    Uni<Invitation> find(String token) {
        if (token == null || token.length() > 100) {
            throw ProblemException.notFound();
        }
        return Invitation.<Invitation>find("tokenHash = ?1 and usedAt is null and expiresAt > ?2", SecretTokens.hash(token), Instant.now())
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
                return m.persist()
                        .chain(() -> audit.record(AuditLog.INVITATION_USED, account.id, account.email,
                                "invitation:" + inv.id, ip, "organization:" + inv.organizationId + " role=" + inv.role))
                        .chain(() -> auth.openSession(account))
                        .map(outcome -> (AuthService.SignedIn) outcome);
            });
        }));
    }

}
