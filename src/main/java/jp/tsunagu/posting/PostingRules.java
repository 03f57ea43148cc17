package jp.tsunagu.posting;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jp.tsunagu.access.PostingVisibility;
import jp.tsunagu.platform.search.JapaneseText;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.web.Values;
import jp.tsunagu.posting.PostingTerms.Disability;
import jp.tsunagu.posting.PostingTerms.Kind;
import jp.tsunagu.posting.PostingTerms.Source;
import jp.tsunagu.posting.PostingTerms.WageType;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The posting rules that span fields: a wage needs its type and lies in that type's range; the weekly
 * hours are at least a day's; a Hello Work number belongs to Hello Work postings, in its own format;
 * a network posting cannot be "do not forward"; circles are named for a circle posting; the expiry
 * and start dates lie near today; an internship has places and a start, and ends after it starts.
 * Each finding is reported on its field with its own message key.
 */
@Documented
@Constraint(validatedBy = PostingRules.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PostingRules {

    String message() default "format";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<PostingRules, PostingInput> {

        /** The Hello Work (ハローワーク) job number: 5-digit office code, hyphen, 7 or 8 digits. */
        static final String HELLO_WORK_NUMBER = "[0-9]{5}-[0-9]{7,8}";

        @Override
        public boolean isValid(PostingInput in, ConstraintValidatorContext context) {
            if (in == null) {
                return true;
            }
            Findings f = new Findings(context);
            hours(in, f);
            wage(in, f);
            disabilities(in, f);
            helloWork(in, f);
            visibility(in, f);
            dates(in, f);
            return f.none;
        }

        static void hours(PostingInput in, Findings f) {
            if (in.hoursPerDay() != null && in.hoursPerWeek() != null && in.hoursPerWeek().compareTo(in.hoursPerDay()) < 0) {
                f.add("hoursPerWeek", "less-than-day");
            }
        }

        static void wage(PostingInput in, Findings f) {
            boolean typeMissing = in.wageType() == null || in.wageType().isBlank();
            if (typeMissing != (in.wageYen() == null)) {
                f.add(in.wageYen() == null ? "wageYen" : "wageType", "required");
                return;
            }
            WageType type = Values.enumOf(WageType.class, typeMissing ? null : in.wageType().trim()).orElse(null);
            if (in.wageYen() != null && type != null) {
                int max = type == WageType.HOURLY ? 10_000 : 2_000_000;
                int min = type == WageType.HOURLY ? 1 : 1_000;
                if (in.wageYen() < min || in.wageYen() > max) {
                    f.add("wageYen", "range");
                }
            }
        }

        static void disabilities(PostingInput in, Findings f) {
            if (in.disabilityExperience() == null) {
                return;
            }
            if (in.disabilityExperience().size() > Disability.values().length) {
                f.add("disabilityExperience", "range");
            }
            if (in.disabilityExperience().stream().anyMatch(d -> d == null || Values.enumOf(Disability.class, d).isEmpty())) {
                f.add("disabilityExperience", "unknown-value");
            }
        }

        static void helloWork(PostingInput in, Findings f) {
            String hw = in.helloWorkNumber() == null ? null : JapaneseText.normalize(in.helloWorkNumber()).trim();
            boolean fromHelloWork = in.source() != null && Source.HELLO_WORK.name().equals(in.source().trim());
            if (fromHelloWork) {
                if (hw == null || hw.isBlank()) {
                    f.add("helloWorkNumber", "required");
                } else if (!hw.matches(HELLO_WORK_NUMBER)) {
                    f.add("helloWorkNumber", "format");
                }
            } else if (hw != null && !hw.isBlank()) {
                f.add("helloWorkNumber", "only-hello-work");
            }
        }

        static void visibility(PostingInput in, Findings f) {
            PostingVisibility visibility = in.visibility() == null ? null
                    : Values.enumOf(PostingVisibility.class, in.visibility().trim()).orElse(null);
            if (visibility == PostingVisibility.NETWORK && Boolean.TRUE.equals(in.doNotForward())) {
                f.add("visibility", "do-not-forward-network");
            }
            if (visibility == PostingVisibility.CIRCLES && (in.circleIds() == null || in.circleIds().isEmpty())) {
                f.add("circleIds", "required");
            }
            if (in.circleIds() != null && (in.circleIds().size() > 20 || in.circleIds().stream().anyMatch(Objects::isNull))) {
                f.add("circleIds", "range");
            }
        }

        static void dates(PostingInput in, Findings f) {
            LocalDate today = JapaneseCalendar.today();
            if (in.expiresOn() != null && in.expiresOn().isBefore(today)) {
                f.add("expiresOn", "past");
            } else if (in.expiresOn() != null && in.expiresOn().isAfter(today.plusDays(PostingService.MAX_EXPIRY_DAYS))) {
                f.add("expiresOn", "range");
            }
            if (in.startOn() != null && (in.startOn().isBefore(today.minusYears(1)) || in.startOn().isAfter(today.plusYears(2)))) {
                f.add("startOn", "range");
            }
            boolean internship = in.kind() != null && Kind.INTERNSHIP.name().equals(in.kind().trim());
            if (internship && in.places() == null) {
                f.add("places", "required");
            }
            if (internship && in.startOn() == null) {
                f.add("startOn", "required");
            }
            if (in.endsOn() != null && in.startOn() != null && in.endsOn().isBefore(in.startOn())) {
                f.add("endsOn", "before-start");
            }
        }
    }

    /** What a rule found, each on its own field under its own key. */
    final class Findings {
        private final ConstraintValidatorContext context;
        boolean none = true;

        Findings(ConstraintValidatorContext context) {
            this.context = context;
            context.disableDefaultConstraintViolation();
        }

        void add(String field, String key) {
            none = false;
            context.buildConstraintViolationWithTemplate(key).addPropertyNode(field).addConstraintViolation();
        }
    }
}
