package jp.tsunagu.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.platform.web.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * bcrypt hashing off the event loop, and the password rules: 10–128 characters, not only
 * digits, not the e-mail address.
 */
@ApplicationScoped
public class Passwords {

    static final int COST = 10;
    /** Compared against when an e-mail is unknown, so both paths cost the same. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("tsunagu-no-such-account", COST);

    @Inject
    Vertx vertx;

    public Uni<Boolean> matches(String password, String hash) {
        String h = hash == null ? DUMMY_HASH : hash;
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.matches(password, h) && hash != null));
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(password, COST)));
    }

    /** Checks the rules; field is the form/JSON field name to report. */
    public void validate(String field, String password, String email) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        if (password == null || password.length() < 10 || password.length() > 128) {
            errors.add(new ProblemException.FieldError(field, "password-length"));
        } else if (password.chars().allMatch(Character::isDigit)) {
            errors.add(new ProblemException.FieldError(field, "password-weak"));
        } else if (email != null && password.equalsIgnoreCase(email)) {
            errors.add(new ProblemException.FieldError(field, "password-weak"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
    }
}
