package jp.tsunagu.platform.web;

import java.util.List;
import java.util.Map;

/**
 * A failure that answers as RFC 9457 problem+json. {@code key} names a message in the bundles
 * (problem.KEY in messages*.properties); field errors name the offending fields.
 */
public class ProblemException extends RuntimeException {

    public record FieldError(String field, String key, List<Object> args) {
        public FieldError(String field, String key) {
            this(field, key, List.of());
        }
    }

    private final int status;
    private final String key;
    private final Object[] args;
    private final List<FieldError> fieldErrors;
    private final Map<String, String> headers;
    private final Object current;
    private Object findings;

    public ProblemException(int status, String key, Object... args) {
        this(status, key, List.of(), Map.of(), null, args);
    }

    private ProblemException(int status, String key, List<FieldError> fieldErrors, Map<String, String> headers,
                             Object current, Object... args) {
        super(key);
        this.status = status;
        this.key = key;
        this.args = args;
        this.fieldErrors = fieldErrors;
        this.headers = headers;
        this.current = current;
    }

    public static ProblemException badRequest(List<FieldError> errors) {
        return new ProblemException(400, "invalid", errors, Map.of(), null);
    }

    public static ProblemException field(String field, String key) {
        return badRequest(List.of(new FieldError(field, key)));
    }

    /** What the caller may not see, or what does not exist: the two answer alike. */
    public static ProblemException notFound() {
        return new ProblemException(404, "not-found");
    }

    /** A stale write (version check failed): 409 carrying the current state so nothing typed is lost. */
    public static ProblemException conflict(Object current) {
        return new ProblemException(409, "conflict", List.of(), Map.of(), current);
    }

    /** A 400 whose text fields hold something that could identify a person, with the spans found. */
    public static ProblemException identifying(List<FieldError> errors, Object findings) {
        ProblemException e = new ProblemException(400, "identifying", errors, Map.of(), null);
        e.findings = findings;
        return e;
    }

    public Object findings() {
        return findings;
    }

    public static ProblemException unauthorized() {
        return new ProblemException(401, "unauthorized");
    }

    public static ProblemException withHeader(int status, String key, String header, String value, Object... args) {
        return new ProblemException(status, key, List.of(), Map.of(header, value), null, args);
    }

    public int status() {
        return status;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Object current() {
        return current;
    }
}
