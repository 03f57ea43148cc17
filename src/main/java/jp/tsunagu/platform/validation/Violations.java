package jp.tsunagu.platform.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bean Validation violations as the field errors every other check names: the field as its full path
 * ({@code slots[0].startsAt}), the message key as the rest of the code uses it ({@code required},
 * {@code too-long}, {@code range}, {@code unknown-value}, ...). A constraint whose message is a plain key
 * (not a {@code {template}}) reports that key: the cross-field rules of an input say what they found.
 */
public final class Violations {

    private static volatile Validator standalone;

    private Violations() {
    }

    /** Validates {@code input} and records what is wrong in {@code p} (nothing is thrown: the caller checks). */
    public static <T> void check(Validator validator, T input, Params p) {
        if (input == null) {
            return;
        }
        // two constraints may find the same thing (a number over its maximum and with too many digits): say it once
        Set<String> said = new HashSet<>();
        for (ConstraintViolation<T> v : validator.validate(input)) {
            ProblemException.FieldError e = fieldError(v);
            if (said.add(e.field() + "\u0000" + e.key())) {
                p.errorWith(e.field(), e.key(), e.args().toArray());
            }
        }
    }

    /** A validator outside the container (plain unit tests of an input's rules). */
    public static Validator standalone() {
        if (standalone == null) {
            standalone = Validation.byDefaultProvider().configure()
                    .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        }
        return standalone;
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
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
            }
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.PARAMETER
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE || kind == ElementKind.BEAN) {
                continue;
            }
            if (node.getIndex() != null && !sb.isEmpty()) {
                // the index belongs to the container named before this node
                sb.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null && !sb.isEmpty()) {
                sb.append('[').append(node.getKey()).append(']');
            }
            if (kind == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
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

    /** The field errors of a set of violations (the resource-level {@code @Valid} and {@code @NotNull} checks). */
    public static List<ProblemException.FieldError> fieldErrors(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(Violations::fieldError).toList();
    }
}
