package jp.tsunagu.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.validation.Violations;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.CharConversionException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * Every failure becomes problem+json under /api, or an error page for the HTML pages. Nothing a
 * user types may produce a 500: unexpected exceptions are logged with a reference and answered
 * without internals.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @Inject
    @Location("error.html")
    Template errorPage;

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(e, request);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, HttpServerRequest request) {
        return respond(ProblemException.badRequest(Violations.fieldErrors(e.getConstraintViolations())), request);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        String field = null;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    if (!sb.isEmpty()) {
                        sb.append('.');
                    }
                    sb.append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    sb.append('[').append(r.getIndex()).append(']');
                }
            }
            field = sb.toString();
        }
        ProblemException p = field == null || field.isEmpty()
                ? new ProblemException(400, "malformed-json")
                : ProblemException.field(field, e instanceof JsonLimits.TooManyItems ? "too-many-items" : "wrong-type");
        return respond(p, request);
    }

    /** More specific than Quarkus's own mapper for this type, which answers in another shape. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, HttpServerRequest request) {
        return json(e, request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        if (e.getCause() instanceof JsonProcessingException j) {
            return json(j, request);
        }
        String key = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            default -> "bad-request";
        };
        return respond(new ProblemException(status, key), request);
    }

    /** A record given the same field twice ({"role":1,"role":"x"}): more specific than Quarkus's own mapper, which answers 500. */
    @ServerExceptionMapper
    public Response definition(InvalidDefinitionException e, HttpServerRequest request) {
        return respond(new ProblemException(400, "malformed-json"), request);
    }

    /** A body in an encoding Jackson cannot read (e.g. bytes that look like UTF-32): malformed, not a fault. */
    @ServerExceptionMapper
    public Response charset(CharConversionException e, HttpServerRequest request) {
        return respond(new ProblemException(400, "malformed-json"), request);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CharConversionException || t instanceof JsonProcessingException) {
                return respond(new ProblemException(400, "malformed-json"), request);
            }
            if (readingTheBody(t)) {
                // the framework's form reader choked on the body ("%zz", a lone "="): the request was malformed
                return respond(new ProblemException(400, "malformed-body"), request);
            }
        }
        ProblemException refused = DatabaseFaults.refusedValue(e);
        if (refused != null) {
            // the database refused a value the checks before it let through (a NUL character, an unpaired
            // surrogate, a reference to nothing): the transaction is rolled back, the client is told
            LOG.warnf("Database refused a value on %s %s: %s", request.method(), request.path(), DatabaseFaults.describe(e));
            return respond(refused, request);
        }
        if (DatabaseFaults.unavailable(e)) {
            // the database is restarting or out of reach: nothing was done, ask the client to come back
            LOG.warnf("Database unavailable on %s %s: %s", request.method(), request.path(), DatabaseFaults.describe(e));
            return respond(ProblemException.withHeader(503, "database-unavailable", "Retry-After",
                    Integer.toString(DatabaseFaults.RETRY_AFTER_SECONDS)), request);
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error [ref %s] on %s %s", ref, request.method(), request.path());
        return respond(new ProblemException(500, "internal", ref), request);
    }

    /** Whether a failure was raised while the framework read the request body (before any of our code ran). */
    private static boolean readingTheBody(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String c = frame.getClassName();
            if (c.startsWith("jp.tsunagu.")) {
                return false;
            }
            if (c.endsWith("FormUrlEncodedProvider") || c.endsWith(".RequestDeserializeHandler")
                    || c.endsWith("MultipartFormDataReader") || c.contains(".multipart.")) {
                return true;
            }
        }
        return false;
    }

    private Response respond(ProblemException e, HttpServerRequest request) {
        Locale locale = RequestLocale.of(request);
        Response.ResponseBuilder rb;
        if (request.path().startsWith("/api/") || !acceptsHtml(request)) {
            rb = Response.status(e.status())
                    .type(Problems.MEDIA_TYPE)
                    .entity(Problems.body(e, locale, request.path()));
        } else if (e.status() == 401) {
            rb = Response.seeOther(URI.create("/login?next=" + URLEncoder.encode(
                    request.uri(), StandardCharsets.UTF_8)));
        } else {
            String html = errorPage.instance()
                    .data("status", e.status())
                    .data("message", Messages.get(locale, "problem." + e.key(), e.args()))
                    .setLocale(locale)
                    .render();
            rb = Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html);
        }
        e.headers().forEach(rb::header);
        return rb.build();
    }

    private static boolean acceptsHtml(HttpServerRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }
}
