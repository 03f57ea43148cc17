package jp.tsunagu.account;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.platform.live.LiveBus;
import jp.tsunagu.platform.live.LiveSockets;
import jp.tsunagu.platform.web.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Sign-in, sign-out and password change. Failed sign-ins are counted per e-mail address (known
 * or not): from the {@code delay-after}-th failure on, each further attempt must wait an
 * exponentially growing delay (answered 429 with Retry-After); at {@code lock-after} failures
 * the address is locked for {@code lock-minutes}. Every outcome is written to the audit log.
 */
@ApplicationScoped
public class AuthService {

    public sealed interface Outcome {
    }

    public record SignedIn(Account account, String token, Instant expiresAt) implements Outcome {
    }

    /** kind: invalid (401), wait (429, retryAfter seconds), locked (429, retryAfter seconds). */
    public record Refused(String kind, long retryAfterSeconds) implements Outcome {
    }

    @Inject
    Passwords passwords;

    @Inject
    TokenService tokens;

    @Inject
    AuditLog audit;

    @Inject
    LiveBus bus;

    @Inject
    SignInGate gate;

    @ConfigProperty(name = "tsunagu.login.lock-minutes", defaultValue = "15")
    int lockMinutes;

    public Uni<Outcome> signIn(String rawEmail, String password, String ip) {
        String email = normalize(rawEmail);
        String client = clientKey(ip);
        return gate.enter(email, client).chain(entry -> {
            if (entry instanceof Refused r) {
                return "wait".equals(r.kind()) ? Uni.createFrom().item((Outcome) r)
                        : read(email).chain(account -> recordRefusal(email, account, ip, AuditType.SIGN_IN_LOCKED,
                                "client-limit".equals(r.kind()) ? "client address over its limit" : "still locked"))
                        .replaceWith((Outcome) r);
            }
            boolean lockedNow = ((SignInGate.Pass) entry).lockedNow();
            return read(email).chain(account -> passwords.matches(password, account == null ? null : account.passwordHash)
                    .chain(ok -> ok && account.active
                            ? gate.succeeded(email, client).chain(() -> succeed(account, ip))
                            : fail(email, account, ip, lockedNow)));
        });
    }

    @WithSession
    Uni<Account> read(String email) {
        return Account.<Account>find("email", email).firstResult();
    }

    @WithTransaction
    Uni<Outcome> succeed(Account account, String ip) {
        return audit.record(AuditType.SIGN_IN, account.id, account.email, "account:" + account.id, ip, null)
                .chain(() -> openSession(account));
    }

    /** Starts a session for the account (inside the caller's transaction) and issues its token. */
    Uni<Outcome> openSession(Account account) {
        AuthSession session = new AuthSession();
        session.id = UUID.randomUUID();
        session.accountId = account.id;
        session.createdAt = Instant.now();
        session.expiresAt = session.createdAt.plus(tokens.lifetime());
        return session.persist()
                .map(x -> (Outcome) new SignedIn(account, tokens.issue(account, session.id, session.expiresAt), session.expiresAt));
    }

    /** The failure was booked by the gate before the check; here it is only written to the audit log. */
    @WithTransaction
    Uni<Outcome> fail(String email, Account account, String ip, boolean lock) {
        return audit.record(lock ? AuditType.SIGN_IN_LOCKED : AuditType.SIGN_IN_FAILED,
                        account == null ? null : account.id, email, account == null ? "unknown-account" : "account:" + account.id,
                        ip, lock ? "locked for " + lockMinutes + " min" : null)
                .map(x -> (Outcome) (lock ? new Refused("locked", lockMinutes * 60L) : new Refused("invalid", 0)));
    }

    @WithTransaction
    Uni<Void> recordRefusal(String email, Account account, String ip, AuditType type, String detail) {
        return audit.record(type, account == null ? null : account.id, email,
                account == null ? "unknown-account" : "account:" + account.id, ip, detail).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> signOut(Viewer viewer, String ip) {
        if (!viewer.signedIn()) {
            return Uni.createFrom().voidItem();
        }
        return AuthSession.<AuthSession>findById(viewer.sessionId())
                .invoke(session -> {
                    if (session != null && session.revokedAt == null) {
                        session.revokedAt = Instant.now();
                    }
                })
                .chain(() -> audit.record(AuditType.SIGN_OUT, viewer.accountId(), viewer.email(),
                        "account:" + viewer.accountId(), ip, null))
                .chain(() -> sessionsEnded(viewer.accountId()));
    }

    /** Tells the live sockets, when this transaction commits, that the account's sessions ended (they close at once). */
    Uni<Void> sessionsEnded(long accountId) {
        return Panache.getSession().chain(s -> bus.send(s, LiveSockets.sessionsEnded(accountId)));
    }

    /** Changes the password after checking the current one; revokes every other session. */
    public Uni<Void> changePassword(Viewer viewer, String current, String next, String ip) {
        passwords.validate("newPassword", next, viewer.email());
        return readAccount(viewer.accountId())
                .chain(account -> passwords.matches(current, account.passwordHash).chain(ok -> {
                    if (!ok) {
                        throw ProblemException.field("currentPassword", "password-wrong");
                    }
                    return passwords.hash(next);
                }))
                .chain(hash -> storePassword(viewer, hash, ip));
    }

    @WithSession
    Uni<Account> readAccount(Long id) {
        return Account.findById(id);
    }

    @WithTransaction
    Uni<Void> storePassword(Viewer viewer, String hash, String ip) {
        Instant now = Instant.now();
        return Account.<Account>findById(viewer.accountId())
                .invoke(account -> {
                    account.passwordHash = hash;
                    account.passwordChangedAt = now;
                })
                .chain(() -> AuthSession.<AuthSession>list("accountId = ?1 and id <> ?2 and revokedAt is null",
                        viewer.accountId(), viewer.sessionId()))
                .invoke(others -> others.forEach(other -> other.revokedAt = now))
                // private calendar feed URLs end with the old password too
                .chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "UPDATE calendar_feed SET revoked_at = now() WHERE account_id = ?1 AND revoked_at IS NULL")
                        .setParameter(1, viewer.accountId()).executeUpdate()))
                .chain(() -> audit.record(AuditType.PASSWORD_CHANGED, viewer.accountId(), viewer.email(),
                        "account:" + viewer.accountId(), ip, null))
                .call(() -> sessionsEnded(viewer.accountId()))
                .replaceWithVoid();
    }

    /**
     * The client address as the throttle counts it: an IPv4 address as it is, an IPv6 address by its
     * /64 network (one home or office line gets a whole /64, so single addresses would be free to rotate).
     */
    static String clientKey(String ip) {
        if (ip == null || ip.isBlank()) {
            return "unknown";
        }
        String host = ip.trim();
        if (host.indexOf(':') < 0 || !host.matches("^[\\[]?[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?[\\]]?$")) {
            // IPv4, or not an address literal at all (never resolved: that would ask DNS)
            return host.length() > 100 ? host.substring(0, 100) : host;
        }
        try {
            byte[] a = InetAddress.getByName(host.replaceAll("^\\[|\\]$", "").replaceAll("%.*$", "")).getAddress();
            if (a.length != 16) {
                return host;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                sb.append(Integer.toHexString(((a[i] & 0xff) << 8) | (a[i + 1] & 0xff))).append(':');
            }
            return sb.append(":/64").toString();
        } catch (UnknownHostException | RuntimeException e) {
            return host.length() > 100 ? host.substring(0, 100) : host;
        }
    }

    public static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
