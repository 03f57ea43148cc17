package jp.tsunagu.platform.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jp.tsunagu.platform.web.Params;

/**
 * Runs an input record's Bean Validation rules where the use case starts (in its service, so the API
 * and the form pages are checked alike) and answers the findings in a {@link Params}, to which the
 * service adds what only it can check before {@link Params#check()} answers one 400 naming every field.
 */
@ApplicationScoped
public class InputCheck {

    @Inject
    Validator validator;

    public Params of(Object input) {
        Params p = new Params();
        if (input == null) {
            p.error("body", "required");
        } else {
            Violations.check(validator, input, p);
        }
        return p;
    }

    /** The findings alone: 400 at once if there are any. */
    public void require(Object input) {
        of(input).check();
    }
}
