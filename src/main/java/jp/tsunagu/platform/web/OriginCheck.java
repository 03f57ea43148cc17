package jp.tsunagu.platform.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CSRF defence for every state-changing request, signed in or not (sign-in, invitation
 * acceptance and personal-link answers included): a POST/PUT/PATCH/DELETE must come from this
 * site's own origin. The rule, in order:
 * <ol>
 *   <li>{@code Sec-Fetch-Site: cross-site} or {@code same-site} → refused, {@code same-origin} → allowed
 *       (a browser says so itself, and no page can set the header);</li>
 *   <li>an Origin header (else the Referer's origin) that is not this site → refused
 *       ({@code Origin: null}, sent from sandboxed or privacy-stripped pages, counts as foreign);</li>
 *   <li>no Origin, Referer or fetch metadata at all: allowed only without the session cookie — a
 *       program, not a browser (every browser sends Origin with a cross-site POST), which carries no
 *       ambient authority; with the cookie → refused;</li>
 *   <li>a Bearer token and no session cookie → allowed (API clients; nothing is ambient).</li>
 * </ol>
 * It also answers 415 to a page form route given a body that is not a form (JSON or XML to a
 * form route used to fail inside the form reader).
 */
@ApplicationScoped
public class OriginCheck {

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ConfigProperty(name = "tsunagu.csrf.allowed-origins")
    List<String> allowedOrigins;

    @ServerRequestFilter(preMatching = true)
    public Response check(HttpServerRequest request) {
        if (!UNSAFE.contains(request.method().name())) {
            return null;
        }
        if (!sameSite(request)) {
            return refuse(request, 403, "csrf");
        }
        if (!request.path().startsWith("/api/") && hasBody(request) && !formBody(request.getHeader("Content-Type"))) {
            return refuse(request, 415, "unsupported-media-type");
        }
        return null;
    }

    /** Whether an unsafe request may act: it comes from this site, or from a program without ambient authority. */
    boolean sameSite(HttpServerRequest request) {
        boolean cookie = request.getCookie(SessionCookie.NAME) != null;
        String authorization = request.getHeader("Authorization");
        if (!cookie && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return true;
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && (fetchSite.equalsIgnoreCase("cross-site") || fetchSite.equalsIgnoreCase("same-site"))) {
            return false;
        }
        if (fetchSite != null && fetchSite.equalsIgnoreCase("same-origin")) {
            // the browser's own word (a page cannot set it); pages sent with Referrer-Policy no-referrer
            // (the personal links) post with Origin: null, so this comes first
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.isBlank()) {
            return !"null".equals(origin.trim()) && isOwn(origin.trim(), request);
        }
        String referer = request.getHeader("Referer");
        if (referer != null && !referer.isBlank()) {
            String source = originOf(referer);
            return source != null && isOwn(source, request);
        }
        // no Origin, no Referer: a browser never sends a cross-site POST like this; a program with the cookie is refused
        return !cookie && (fetchSite == null || fetchSite.equalsIgnoreCase("same-origin") || fetchSite.equalsIgnoreCase("none"));
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeader("Transfer-Encoding") != null || request.getHeader("Content-Type") != null;
    }

    private static boolean formBody(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.toLowerCase(Locale.ROOT).trim();
        return t.startsWith("application/x-www-form-urlencoded") || t.startsWith("multipart/form-data");
    }

    private static Response refuse(HttpServerRequest request, int status, String key) {
        ProblemException p = new ProblemException(status, key);
        return Response.status(status).type(Problems.MEDIA_TYPE)
                .entity(Problems.body(p, RequestLocale.of(request), request.path())).build();
    }

    /**
     * For a WebSocket upgrade (a GET, so {@link #check} does not see it): a browser always sends
     * Origin with one, and a page of another site must not open a socket with the visitor's cookie.
     * Without the session cookie nothing is ambient, so any origin may try its token.
     */
    public boolean socketAllowed(HttpServerRequest request) {
        if (request.getCookie(SessionCookie.NAME) == null) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !origin.isBlank() && !"null".equals(origin.trim()) && isOwn(origin.trim(), request);
    }

    /** Whether an origin ("scheme://host[:port]") is this site: the request's own host, or one of the allowed origins. */
    boolean isOwn(String origin, HttpServerRequest request) {
        String o = origin.toLowerCase(Locale.ROOT);
        String host = request.getHeader("Host");
        if (host != null) {
            String h = host.toLowerCase(Locale.ROOT);
            if (o.equals("http://" + h) || o.equals("https://" + h)) {
                return true;
            }
        }
        for (String a : allowedOrigins) {
            if (o.equals(a.toLowerCase(Locale.ROOT).replaceAll("/+$", ""))) {
                return true;
            }
        }
        return false;
    }

    static String originOf(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI u = URI.create(url);
            if (u.getScheme() == null || u.getHost() == null) {
                return null;
            }
            return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
