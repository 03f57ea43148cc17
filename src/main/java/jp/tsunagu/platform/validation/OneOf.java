package jp.tsunagu.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jp.tsunagu.platform.web.Values;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A code that must name one of an enum's constants exactly (names are codes: no case folding, no
 * trimming, so what passes is what is stored); blank or missing passes (add {@code @NotBlank} where it
 * must be given). Reported as {@code unknown-value}.
 */
@Documented
@Constraint(validatedBy = OneOf.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

    Class<? extends Enum<?>> value();

    String message() default "unknown-value";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<OneOf, String> {

        private Class<? extends Enum<?>> type;

        @Override
        public void initialize(OneOf annotation) {
            type = annotation.value();
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || Values.enumOf((Class) type, value).isPresent();
        }
    }
}
