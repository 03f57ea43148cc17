package jp.tsunagu.platform.live;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.web.OriginCheck;
import jp.tsunagu.platform.web.RequestLocale;
import jp.tsunagu.platform.web.SessionCookie;

import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every live socket needs alike: who it carries, in which language, and a context to read the database on. */
public final class LiveSockets {

    /** The notice that an account's sessions ended (sign-out, password change, deactivation): its sockets are asked again at once. */
    public static final String SESSIONS_ENDED = "s";

    private LiveSockets() {
    }

    /** The setting both live documents (minutes, case board) cap one account's sockets per instance with. */
    public static final String SOCKETS_PER_ACCOUNT = "tsunagu.live.sockets-per-account";
    /** Its default: tabs and windows of one person. */
    public static final int DEFAULT_SOCKETS_PER_ACCOUNT = 8;

    /** The setting's value, refused below 1 (nobody could open a live document). */
    public static int socketsPerAccount(int configured) {
        if (configured < 1) {
            throw new IllegalStateException(SOCKETS_PER_ACCOUNT + " must be at least 1 (is " + configured
                    + "): with none, nobody could open a live document");
        }
        return configured;
    }

    public static JsonObject sessionsEnded(long accountId) {
        return new JsonObject().put("t", SESSIONS_ENDED).put("a", accountId);
    }

    /**
     * What every live upgrade check does first: another site's page with the visitor's cookie is
     * refused (403), a path that does not name a document 404; otherwise {@code decide} is given the
     * upgrade's session token (null when none) and the document's id.
     */
    public static Uni<HttpUpgradeCheck.CheckResult> upgrade(HttpServerRequest request, Pattern path, OriginCheck origins,
                                                            BiFunction<String, Long, Uni<HttpUpgradeCheck.CheckResult>> decide) {
        if (!origins.socketAllowed(request)) {
            return HttpUpgradeCheck.CheckResult.rejectUpgrade(403);
        }
        Matcher m = path.matcher(request.path());
        if (!m.matches()) {
            return HttpUpgradeCheck.CheckResult.rejectUpgrade(404);
        }
        return decide.apply(token(request), Long.parseLong(m.group(1)));
    }

    /** The session token of an upgrade: a Bearer header (programs), else the session cookie a browser sends. */
    public static String token(HttpServerRequest request) {
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        Cookie cookie = request.getCookie(SessionCookie.NAME);
        return cookie == null ? null : cookie.getValue();
    }

    /** The same for an open socket, from the request that opened it. */
    public static String token(WebSocketConnection c) {
        String auth = c.handshakeRequest().header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return cookie(c.handshakeRequest().header("Cookie"), SessionCookie.NAME);
    }

    /** The language the socket's pages are in: the language switch's cookie, else Japanese. */
    public static Locale locale(WebSocketConnection c) {
        String lang = cookie(c.handshakeRequest().header("Cookie"), RequestLocale.COOKIE);
        return lang == null ? Messages.JA : Messages.parse(lang);
    }

    static String cookie(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }

    /**
     * Runs database work on a fresh duplicated context: a socket's callbacks may resume on a
     * database client's or the notice listener's thread, where Hibernate Reactive refuses to run.
     */
    public static <T> Uni<T> onContext(Vertx vertx, Supplier<Uni<T>> work) {
        Context ctx = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        return Uni.createFrom().emitter(em -> ctx.runOnContext(v -> {
            VertxContextSafetyToggle.setCurrentContextSafe(true);
            Uni<T> uni;
            try {
                uni = work.get();
            } catch (RuntimeException e) {
                em.fail(e);
                return;
            }
            uni.subscribe().with(em::complete, em::fail);
        }));
    }
}
