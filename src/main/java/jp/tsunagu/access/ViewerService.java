package jp.tsunagu.access;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.platform.web.DatabaseFaults;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.RequestLocale;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
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

    private static final Logger LOG = Logger.getLogger(ViewerService.class);

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    Pool pool;

    @Inject
    JWTParser jwtParser;

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

    /**
     * The signed-in viewer (401 otherwise), then {@code body} in a reactive session opened only
     * after the viewer was read: a request holds one database connection at a time, so under
     * load the pool's connections cannot all be held by sessions waiting for a second one.
     */
    public <T> Uni<T> inSession(java.util.function.Function<Viewer, Uni<T>> body) {
        return signedIn().chain(v -> io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> body.apply(v)));
    }

    /** The account, its organizations and their circles, in one statement (this runs on every request). */
    private static final String VIEWER_SQL = "SELECT a.id, a.email, a.display_name, a.role, a.locale,"
            + " ARRAY(SELECT m.organization_id FROM membership m WHERE m.account_id = a.id) AS organization_ids,"
            + " ARRAY(SELECT DISTINCT c.circle_id FROM membership m JOIN circle_member c ON c.organization_id = m.organization_id"
            + " WHERE m.account_id = a.id) AS circle_ids,"
            + " ARRAY(SELECT m.organization_id FROM membership m JOIN organization o ON o.id = m.organization_id"
            + " WHERE m.account_id = a.id AND m.is_admin AND ((a.role IN ('center-lead', 'center-staff') AND o.org_type = 'NAKAPOTSU')"
            + " OR (a.role = 'network-admin' AND o.org_type = 'NATIONAL_NETWORK') OR (a.role = 'partner-staff'"
            + " AND o.org_type NOT IN ('NAKAPOTSU', 'NATIONAL_NETWORK')))) AS admin_ids,"
            + " ARRAY(SELECT DISTINCT c.circle_id FROM membership m JOIN circle_member c ON c.organization_id = m.organization_id"
            + " JOIN circle ci ON ci.id = c.circle_id WHERE m.account_id = a.id AND ci.archived_at IS NOT NULL) AS archived_ids"
            + " FROM account a";

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
        return pool.preparedQuery(VIEWER_SQL + " JOIN auth_session s ON s.account_id = a.id"
                        + " WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND a.active")
                .execute(Tuple.of(sessionId)).onFailure().transform(DatabaseFaults::mark)
                .map(rows -> {
                    if (rows.size() == 0) {
                        LOG.debugf("Session %s is not live", sessionId);
                        return Viewer.anonymous(locale);
                    }
                    return viewer(rows.iterator().next(), locale, sessionId);
                });
    }

    /**
     * The viewer a session token stands for (a live socket reads it from the upgrade request's
     * cookie or Authorization header): verified as every request's is; anonymous when it is not.
     */
    public Uni<Viewer> forToken(String token, Locale locale) {
        if (token == null || token.isBlank()) {
            return Uni.createFrom().item(Viewer.anonymous(locale));
        }
        UUID sessionId;
        try {
            sessionId = UUID.fromString(jwtParser.parse(token).getTokenID());
        } catch (ParseException | RuntimeException e) {
            LOG.debugf("Token not accepted: %s", e.toString());
            return Uni.createFrom().item(Viewer.anonymous(locale));
        }
        return forSession(sessionId, locale);
    }

    /** The viewer of a session that must still be live (revoked, expired or deactivated: anonymous). */
    public Uni<Viewer> forSession(UUID sessionId, Locale locale) {
        return pool.preparedQuery(VIEWER_SQL + " JOIN auth_session s ON s.account_id = a.id"
                        + " WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND a.active")
                .execute(Tuple.of(sessionId)).onFailure().transform(DatabaseFaults::mark)
                .map(rows -> rows.size() == 0 ? Viewer.anonymous(locale) : viewer(rows.iterator().next(), locale, sessionId));
    }

    /**
     * The viewer an account would be, without a session: for things a person reaches by a private
     * URL they own (calendar feeds). Inactive or unknown accounts are anonymous.
     */
    public Uni<Viewer> forAccount(long accountId) {
        return pool.preparedQuery(VIEWER_SQL + " WHERE a.id = $1 AND a.active").execute(Tuple.of(accountId)).onFailure().transform(DatabaseFaults::mark)
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Viewer.anonymous(Locale.JAPANESE);
                    }
                    Row row = rows.iterator().next();
                    return viewer(row, Locale.forLanguageTag(row.getString("locale")), null);
                });
    }

    /**
     * The viewers some accounts would be (no session), in one statement: for asking the policy about
     * each recipient of a notification or mail. Inactive or unknown accounts are left out.
     */
    public Uni<List<Viewer>> forAccounts(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery(VIEWER_SQL + " WHERE a.id = ANY($1) AND a.active")
                .execute(Tuple.of(accountIds.toArray(new Long[0]))).onFailure().transform(DatabaseFaults::mark)
                .map(rows -> {
                    List<Viewer> out = new ArrayList<>();
                    rows.forEach(row -> out.add(viewer(row, Locale.forLanguageTag(row.getString("locale")), null)));
                    return out;
                });
    }

    private static Viewer viewer(Row row, Locale locale, UUID sessionId) {
        return new Viewer(row.getLong("id"), row.getString("email"), row.getString("display_name"),
                Role.fromWire(row.getString("role")).orElseThrow(), locale,
                Set.of(row.getArrayOfLongs("organization_ids")), Set.of(row.getArrayOfLongs("circle_ids")), sessionId,
                Set.of(row.getArrayOfLongs("admin_ids")), Set.of(row.getArrayOfLongs("archived_ids")));
    }
}
