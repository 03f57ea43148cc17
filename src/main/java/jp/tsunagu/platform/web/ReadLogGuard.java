package jp.tsunagu.platform.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads that write a log entry (a case sheet or board read, a posting view, a printed copy, an
 * export) must be the person's own act, never something a hostile page or a mailed link can make
 * happen in their name. The browser says where a request comes from ({@code Sec-Fetch-Site}):
 * <ul>
 *   <li><b>logged views</b> (case sheet, board, posting detail) are refused when another site
 *       started them ({@code cross-site}, {@code same-site}); a link typed, bookmarked or opened from
 *       a mail ({@code none}) is the person opening it and is logged;</li>
 *   <li><b>deliberate reads</b> (the printed copy, CSV exports) only from Tsunagu's own pages
 *       ({@code same-origin}; without fetch metadata, a same-origin Referer) — a mailed or foreign
 *       link gets a page that asks the person to confirm with a click, and nothing is logged.</li>
 * </ul>
 * Requests without the session cookie (API clients with a Bearer token, anonymous visitors) carry
 * no ambient authority and pass.
 */
@ApplicationScoped
public class ReadLogGuard {

    private static final Pattern LOGGED_VIEW = Pattern.compile(
            "^/(api/)?conferences/\\d+/(case|board)/?$|^/(api/)?postings/\\d+/?$");
    private static final Pattern DELIBERATE = Pattern.compile(
            "^/conferences/\\d+/print/?$|^/api/postings/export\\.csv$|^/api/programs/\\d+/overview\\.csv$"
                    + "|^/api/meetings/\\d+/attendance\\.csv$|^/api/surveys/\\d+/results\\.(csv|xlsx)$"
                    + "|^/surveys/\\d+/results\\.(csv|xlsx)$");

    @Inject
    OriginCheck origins;

    @Inject
    @Location("confirm-read.html")
    Template confirmPage;

    @ServerRequestFilter(preMatching = true)
    public Response check(HttpServerRequest request) {
        if (!"GET".equals(request.method().name()) && !"HEAD".equals(request.method().name())) {
            return null;
        }
        String path = canonical(request.path());
        boolean deliberate = DELIBERATE.matcher(path).matches();
        if (!deliberate && !LOGGED_VIEW.matcher(path).matches()) {
            return null;
        }
        if (request.getCookie(SessionCookie.NAME) == null) {
            // no ambient authority: a Bearer client acts for itself, an anonymous visitor logs nothing
            return null;
        }
        String site = lower(request.getHeader("Sec-Fetch-Site"));
        boolean ok;
        if (deliberate) {
            ok = "same-origin".equals(site) || (site == null && sameOriginReferer(request));
        } else {
            ok = site == null || "same-origin".equals(site) || "none".equals(site);
        }
        if (ok) {
            return null;
        }
        Locale locale = RequestLocale.of(request);
        if (path.startsWith("/api/") && !path.endsWith(".csv")) {
            ProblemException p = new ProblemException(403, "read-not-own-act");
            return Response.status(403).type(Problems.MEDIA_TYPE).entity(Problems.body(p, locale, path)).build();
        }
        String html = confirmPage.instance().data("target", request.uri()).setLocale(locale).render();
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").entity(html).build();
    }

    /**
     * The path as the router will match it: percent-escapes decoded, matrix parameters (";x") cut from
     * each segment, empty and "." segments dropped, ".." resolved — so "//conferences/5/%63ase;x"
     * is recognised as "/conferences/5/case".
     */
    static String canonical(String raw) {
        if (raw == null) {
            return "/";
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = raw;
        }
        Deque<String> out = new ArrayDeque<>();
        for (String segment : decoded.replace('\\', '/').split("/")) {
            int matrix = segment.indexOf(';');
            String s = matrix >= 0 ? segment.substring(0, matrix) : segment;
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                out.pollLast();
                continue;
            }
            out.addLast(s);
        }
        return "/" + String.join("/", out);
    }

    private boolean sameOriginReferer(HttpServerRequest request) {
        String source = OriginCheck.originOf(request.getHeader("Referer"));
        return source != null && origins.isOwn(source, request);
    }

    private static String lower(String s) {
        return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
    }
}
