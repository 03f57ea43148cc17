package jp.tsunagu.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * A form body ({@code application/x-www-form-urlencoded}) is read and checked before the REST
 * layer sees it: a broken percent-escape ("%zz", a lone "%"), a field without a name ("=x") or bytes that are not UTF-8 answer 400
 * problem+json at once. (The framework's form parser throws such input outside any request scope,
 * which left the request without an answer.) A well-formed body is handed on as read, so it is
 * parsed once, as before. Bodies over {@link #LIMIT} answer 413.
 */
@ApplicationScoped
public class FormBodyCheck {

    /**
     * A form with every text field at its maximum stays far below this. The REST layer's
     * {@code quarkus.rest.input-buffer-size} must be at least this: a body read here and handed on
     * that is larger than its buffer was read again as zeros.
     */
    static final int LIMIT = 1024 * 1024;

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(-200).handler(this::check);
    }

    void check(RoutingContext rc) {
        String type = rc.request().getHeader("Content-Type");
        if (!WITH_BODY.contains(rc.request().method()) || type == null
                || !type.toLowerCase(Locale.ROOT).trim().startsWith("application/x-www-form-urlencoded")) {
            rc.next();
            return;
        }
        String length = rc.request().getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > LIMIT) {
                    refuse(rc, 413, "too-large");
                    return;
                }
            } catch (NumberFormatException e) {
                refuse(rc, 400, "malformed-body");
                return;
            }
        }
        // read chunk by chunk, counting: a body sent in chunks has no length to refuse it by beforehand
        Buffer body = Buffer.buffer();
        rc.request().handler(chunk -> {
            if (rc.response().ended()) {
                return;
            }
            if (body.length() + chunk.length() > LIMIT) {
                refuse(rc, 413, "too-large");
                return;
            }
            body.appendBuffer(chunk);
        });
        rc.request().exceptionHandler(e -> refuse(rc, 400, "malformed-body"));
        rc.request().endHandler(v -> {
            if (rc.response().ended()) {
                return;
            }
            if (!wellFormed(body)) {
                refuse(rc, 400, "malformed-body");
            } else {
                ((RoutingContextInternal) rc).setBody(body);
                rc.next();
            }
        });
        // the router may hand the request on paused; reading the body needs it flowing
        rc.request().resume();
    }

    /** Every escape is "%" and two hex digits, and each decoded name and value is valid UTF-8. */
    static boolean wellFormed(Buffer body) {
        byte[] bytes = body.getBytes();
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        for (int i = 0; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] == '=' && (i == 0 || bytes[i - 1] == '&')) {
                // a field without a name ("=", "=x", "a&=b"): the framework's form reader fails on some of these
                // (an index out of bounds, which once the JIT drops its stack can no longer be told from a bug)
                return false;
            }
            if (i == bytes.length || bytes[i] == '&' || bytes[i] == '=') {
                if (!utf8(part.toByteArray())) {
                    return false;
                }
                part.reset();
                continue;
            }
            byte b = bytes[i];
            if (b == '%') {
                if (i + 2 >= bytes.length || hex(bytes[i + 1]) < 0 || hex(bytes[i + 2]) < 0) {
                    return false;
                }
                part.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                part.write(b == '+' ? ' ' : b);
            }
        }
        return true;
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    private static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private void refuse(RoutingContext rc, int status, String key) {
        if (rc.response().ended() || rc.response().closed()) {
            return;
        }
        ProblemException p = new ProblemException(status, key);
        String body;
        try {
            body = json.writeValueAsString(Problems.body(p, RequestLocale.of(rc.request()), rc.request().path()));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        // the connection is closed once the answer is out: the rest of a refused body is not read
        rc.response().setStatusCode(status).putHeader("Content-Type", Problems.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store").putHeader("Connection", "close").end(body)
                .onComplete(x -> rc.request().connection().close());
    }
}
