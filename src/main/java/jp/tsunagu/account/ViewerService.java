package jp.tsunagu.account;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.CircleMember;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.RequestLocale;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Resolves the {@link Viewer} of the current request: the token (cookie or Bearer) is verified by
 * SmallRye JWT; its session must still be live in the database and its account active. An
 * invalid, expired or revoked token makes the visitor anonymous.
 */
@ApplicationScoped
public class ViewerService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ViewerService.class);

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    CurrentVertxRequest currentRequest;

    /** The viewer is kept on the request's routing context once loaded (not in a CDI scope: the
     * reactive chain may resume on another context, the routing context is captured up front). */
    static final String KEY = "tsunagu.viewer";

    public Uni<Viewer> current() {
        RoutingContext rc = currentRequest.getCurrent();
        Viewer cached = rc.get(KEY);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        Locale locale = RequestLocale.of(rc.request());
        return identities.getDeferredIdentity()
                .onFailure().invoke(e -> LOG.debugf("Token not accepted: %s", e.toString()))
                .onFailure().recoverWithNull()
                .chain(identity -> load(identity, locale))
                .invoke(v -> rc.put(KEY, v));
    }

    /** The signed-in viewer, or 401. */
    public Uni<Viewer> signedIn() {
        return current().invoke(v -> {
            if (!v.signedIn()) {
                throw ProblemException.unauthorized();
            }
        });
    }

    @WithSession
    Uni<Viewer> load(SecurityIdentity identity, Locale locale) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            LOG.debugf("Anonymous request (identity %s)", identity == null ? null : identity.getPrincipal());
            return Uni.createFrom().item(Viewer.anonymous(locale));
        }
        UUID sessionId;
        try {
            sessionId = UUID.fromString(jwt.getTokenID());
        } catch (RuntimeException e) {
            return Uni.createFrom().item(Viewer.anonymous(locale));
        }
        return Account.<Account>find("select a from Account a, AuthSession s where s.id = ?1 and a.id = s.accountId"
                        + " and s.revokedAt is null and s.expiresAt > ?2 and a.active = true", sessionId, Instant.now())
                .firstResult()
                .chain(account -> {
                    if (account == null) {
                        LOG.debugf("Session %s is not live", sessionId);
                        return Uni.createFrom().item(Viewer.anonymous(locale));
                    }
                    return of(account, locale, sessionId);
                });
    }

    /**
     * The viewer an account would be, without a session: for things a person reaches by a private
     * URL they own (calendar feeds). Inactive or unknown accounts are anonymous.
     */
    @WithSession
    public Uni<Viewer> forAccount(long accountId) {
        return Account.<Account>findById(accountId).chain(account -> account == null || !account.active
                ? Uni.createFrom().item(Viewer.anonymous(Locale.JAPANESE))
                : of(account, Locale.forLanguageTag(account.locale), null));
    }

    private Uni<Viewer> of(Account account, Locale locale, UUID sessionId) {
        return Membership.<Membership>list("accountId", account.id).chain(memberships -> {
            Set<Long> orgIds = new HashSet<>();
            memberships.forEach(m -> orgIds.add(m.organizationId));
            Uni<List<Long>> circles = orgIds.isEmpty() ? Uni.createFrom().item(List.of())
                    : CircleMember.getSession().chain(s -> s.createSelectionQuery(
                            "select distinct m.circleId from CircleMember m where m.organizationId in :orgs", Long.class)
                            .setParameter("orgs", orgIds).getResultList());
            return circles.map(circleIds -> new Viewer(account.id, account.email, account.displayName,
                    Role.fromWire(account.role).orElseThrow(), locale, Set.copyOf(orgIds),
                    Set.copyOf(circleIds), sessionId));
        });
    }
}
