package jp.tsunagu.platform.web;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One use case posted from a page form, the post-redirect-get way: run it, then 303 See Other to
 * where it leads; a refusal the person can put right (400, 409, 422 …) renders the form again with
 * what was typed and the errors, at the status the API would answer. 401, 404 and 410 are not
 * recovered: they answer as the error pages do, so nothing is shown that the policy hides.
 *
 * <pre>{@code
 * return FormPost.run(v.locale(), () -> changes.changeStatus(v, id, in),
 *         x -> "/meetings/" + id + "?saved=status",
 *         (errors, status) -> renderMeeting(v, id, form, errors, status));
 * }</pre>
 */
public final class FormPost {

    /** Renders the page again with the errors of a refused post. */
    @FunctionalInterface
    public interface Rerender {
        Uni<Response> with(List<FieldMessage> errors, int status);
    }

    private FormPost() {
    }

    /** Runs the use case (built lazily, so a refusal while reading the form is recovered too). */
    public static <T> Uni<Response> run(Locale locale, Supplier<Uni<? extends T>> useCase, Function<T, String> redirectTo,
                                        Rerender rerender) {
        Uni<T> run = Uni.createFrom().<T>deferred(useCase);
        return run.map(result -> Forms.redirect(redirectTo.apply(result)))
                .onFailure(FormPost::fixable)
                .recoverWithUni(e -> rerender.with(FormErrors.of((ProblemException) e, locale), ((ProblemException) e).status()));
    }

    /** A refusal the person can put right on the same form. */
    public static boolean fixable(Throwable e) {
        return e instanceof ProblemException pe && pe.status() != 401 && pe.status() != 404 && pe.status() != 410;
    }
}
