package jp.tsunagu.platform.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Bean Validation violations as the field errors every other check names: the field as its full path
 * ({@code slots[0].startsAt}), the message key as the rest of the code uses it ({@code required},
 * {@code too-long}, {@code range}, {@code unknown-value}, ...). A constraint whose message is a plain key
 * (not a {@code {template}}) reports that key: the cross-field rules of an input say what they found.
 */
public final class Violations {

    private Violations() {
    }

    /** Validates {@code input} and records what is wrong in {@code p} (nothing is thrown: the caller checks). */
    public static <T> void check(Validator validator, T input, Params p) {
        if (input == null) {
            p.error("body", "required");
            return;
        }
        for (ProblemException.FieldError e : fieldErrors(validator.validate(input))) {
            p.errorWith(e.field(), e.key(), e.args().toArray());
        }
    }

    /** A validator outside the container (plain unit tests of an input's rules), built once. */
    public static Validator standalone() {
        return Standalone.VALIDATOR;
    }

    private static final class Standalone {
        static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    }

    public static ProblemException.FieldError fieldError(ConstraintViolation<?> v) {
        String field = path(v.getPropertyPath());
        String template = v.getMessageTemplate();
        if (template != null && !template.startsWith("{")) {
            return new ProblemException.FieldError(field, template);
        }
        String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Map<String, Object> attrs = v.getConstraintDescriptor().getAttributes();
        return switch (annotation) {
            case "NotNull", "NotBlank", "NotEmpty" -> new ProblemException.FieldError(field, "required");
            case "Size" -> ((Integer) attrs.get("min")) == 0
                    ? new ProblemException.FieldError(field, "too-long")
                    : new ProblemException.FieldError(field, "size", List.of(attrs.get("min"), attrs.get("max")));
            case "Email" -> new ProblemException.FieldError(field, "email");
            case "Min", "Max", "DecimalMin", "DecimalMax", "Digits", "Positive", "PositiveOrZero", "Range"
                    -> new ProblemException.FieldError(field, "range");
            default -> new ProblemException.FieldError(field, "format");
        };
    }

    /**
     * The property path as the JSON names it: {@code slots[0].startsAt}; method and parameter nodes of a
     * validated call are left out, and an element of a list is its index ({@code themes[2]}).
     */
    static String path(Path path) {
        StringBuilder sb = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.CROSS_PARAMETER
                    || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null || node.getKey() != null) {
                // the index belongs to the container named before this node (a list parameter: its name)
                if (sb.isEmpty() && parameter != null) {
                    sb.append(parameter);
                }
                sb.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (kind == ElementKind.BEAN || kind == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(node.getName());
        }
        // a parameter itself (a missing request body): its name
        return sb.isEmpty() && parameter != null ? parameter : sb.toString();
    }

    /**
     * The field errors of a set of violations, in a stable order (by field, then key) and each once: two
     * constraints may find the same thing (a number over its maximum and with too many digits).
     */
    public static List<ProblemException.FieldError> fieldErrors(Set<? extends ConstraintViolation<?>> violations) {
        Map<String, ProblemException.FieldError> unique = new TreeMap<>();
        for (ConstraintViolation<?> v : violations) {
            ProblemException.FieldError e = fieldError(v);
            unique.putIfAbsent(e.field() + "\u0000" + e.key(), e);
        }
        // a list of twenty thousand bad elements names the first ones, not every one (the answer stays small and quick)
        return unique.values().stream().limit(MAX_REPORTED).toList();
    }

    /** At most this many findings are named in one answer. */
    public static final int MAX_REPORTED = 100;
}
