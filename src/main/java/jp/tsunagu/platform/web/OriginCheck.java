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
 * CSRF defence for every state-changing request: the session cookie is SameSite=Lax, and a
 * POST/PUT/PATCH/DELETE that carries the session cookie must come from this site's own origin
 * (Origin header, else Referer). Requests without the cookie carry no ambient authority.
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
        if (request.getCookie(SessionCookie.NAME) == null) {
            return null;
        }
        String source = request.getHeader("Origin");
        if (source == null || source.isBlank() || "null".equals(source)) {
            source = originOf(request.getHeader("Referer"));
        }
        if (source != null && allowed(source, request)) {
            return null;
        }
        ProblemException p = new ProblemException(403, "csrf");
        return Response.status(403).type(Problems.MEDIA_TYPE)
                .entity(Problems.body(p, RequestLocale.of(request), request.path())).build();
    }

    private boolean allowed(String origin, HttpServerRequest request) {
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
