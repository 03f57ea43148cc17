package jp.tsunagu.platform.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Every request carries an id: the one the reverse proxy sent in {@code X-Request-Id} when it
 * looks like one (letters, digits, ".", "_", "-", at most 64), else a fresh one. It is answered in
 * the same header and put in the log's context ({@code requestId}), so each log line of the
 * request (JSON in production) can be found from the proxy's log and the other way round.
 */
@ApplicationScoped
public class RequestId {

    public static final String HEADER = "X-Request-Id";
    static final Pattern WELL_FORMED = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    void install(@Observes Router router) {
        router.route().order(-300).handler(this::tag);
    }

    void tag(RoutingContext rc) {
        String given = rc.request().getHeader(HEADER);
        String id = given != null && WELL_FORMED.matcher(given).matches() ? given : fresh();
        rc.response().putHeader(HEADER, id);
        MDC.put("requestId", id);
        rc.addEndHandler(x -> MDC.remove("requestId"));
        rc.next();
    }

    static String fresh() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
