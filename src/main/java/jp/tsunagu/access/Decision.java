package jp.tsunagu.access;

import jp.tsunagu.platform.web.ProblemException;

/**
 * The policy's whole answer. Callers never decide refusals themselves: they ask for a decision
 * and {@link #orThrow()} turns every refusal into its one HTTP answer.
 */
public enum Decision {
    /** Granted. */
    ALLOW,
    /** An anonymous visitor tried to act or to open something that needs an account (401). */
    SIGN_IN_FIRST,
    /** Not for this person, and not even its existence (404, exactly like a missing resource). */
    HIDDEN,
    /** The person may see it but not do this (403). */
    FORBIDDEN,
    /** It was there for this person and has been deleted (410, e.g. case material after retention). */
    GONE,
    /** An attendee who has not yet accepted the confidentiality pledge (404 with "pledge first"). */
    PLEDGE_FIRST;

    public boolean allowed() {
        return this == ALLOW;
    }

    /** Does nothing when allowed; otherwise throws the refusal's problem. */
    public void orThrow() {
        switch (this) {
            case ALLOW -> {
            }
            case SIGN_IN_FIRST -> throw ProblemException.unauthorized();
            case FORBIDDEN -> throw new ProblemException(403, "forbidden");
            case GONE -> throw new ProblemException(410, "material-deleted");
            case PLEDGE_FIRST -> throw new ProblemException(404, "pledge-required");
            default -> throw ProblemException.notFound();
        }
    }
}
