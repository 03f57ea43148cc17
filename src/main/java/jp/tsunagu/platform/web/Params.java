package jp.tsunagu.platform.web;

import io.vertx.core.http.HttpServerRequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Parses query and path parameters, collecting every error so one 400 names all bad fields. */
public final class Params {

    private final List<ProblemException.FieldError> errors = new ArrayList<>();

    public Long id(String field, String raw) {
        Long v = optionalLong(field, raw, 1, Long.MAX_VALUE);
        if (v == null && !hasError(field)) {
            errors.add(new ProblemException.FieldError(field, "required"));
        }
        return v;
    }

    public Long optionalLong(String field, String raw, long min, long max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(raw.trim());
            if (v < min || v > max) {
                errors.add(new ProblemException.FieldError(field, "range"));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(new ProblemException.FieldError(field, "wrong-type"));
            return null;
        }
    }

    /** A whole number typed in a form (thousands separators allowed: {@code 1,000}), or null when blank. */
    public Integer integer(String field, String raw, long min, long max) {
        Long v = optionalLong(field, raw == null ? null : raw.replace(",", "").trim(), min, max);
        return v == null ? null : v.intValue();
    }

    /** A decimal number ({@code 7.5}), or null when blank. */
    public BigDecimal decimal(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            errors.add(new ProblemException.FieldError(field, "format"));
            return null;
        }
    }

    public int intOr(String field, String raw, int fallback, int min, int max) {
        Long v = optionalLong(field, raw, min, max);
        return v == null ? fallback : v.intValue();
    }

    public String text(String field, String raw, int max) {
        if (raw == null) {
            return null;
        }
        if (raw.length() > max) {
            errors.add(new ProblemException.FieldError(field, "too-long"));
            return null;
        }
        return raw;
    }

    /** Text that must be given (not blank) and fit in {@code max} characters. */
    public String required(String field, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            errors.add(new ProblemException.FieldError(field, "required"));
            return null;
        }
        return text(field, raw, max);
    }

    public <T> T choice(String field, String raw, Function<String, Optional<T>> parser) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Optional<T> v = parser.apply(raw.trim());
        if (v.isEmpty()) {
            errors.add(new ProblemException.FieldError(field, "unknown-value"));
            return null;
        }
        return v.get();
    }

    /** An ISO date (yyyy-MM-dd), or null when blank. */
    public LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            errors.add(new ProblemException.FieldError(field, "format"));
            return null;
        }
    }

    /** Records a field error found by the caller. */
    public void error(String field, String key) {
        errors.add(new ProblemException.FieldError(field, key));
    }

    /** Records a field error whose message takes arguments (limits, names). */
    public void errorWith(String field, String key, Object... args) {
        errors.add(new ProblemException.FieldError(field, key, List.of(args)));
    }

    private boolean hasError(String field) {
        return errors.stream().anyMatch(e -> field.equals(e.field()));
    }

    /** Whether a finding names this field or one inside it ({@code field.…}). */
    public boolean has(String field) {
        return errors.stream().anyMatch(e -> field.equals(e.field()) || e.field().startsWith(field + "."));
    }

    /** What was found so far, in order. */
    public List<ProblemException.FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Whether anything was found. */
    public boolean any() {
        return !errors.isEmpty();
    }

    /** Throws the collected 400, if any. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(List.copyOf(errors));
        }
    }

    /** A positive numeric path id, or the 400 that names it. */
    public static long pathId(String raw) {
        Params p = new Params();
        Long id = p.id("id", raw);
        p.check();
        return id;
    }

    public static String ip(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().host();
    }
}
