package jp.tsunagu.access;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: loaded once per request from the session token and the database (account,
 * memberships, the circles those organizations belong to). Anonymous visitors have no account.
 */
public record Viewer(Long accountId, String email, String displayName, Role role, Locale locale,
                     Set<Long> organizationIds, Set<Long> circleIds, UUID sessionId) {

    public static Viewer anonymous(Locale locale) {
        return new Viewer(null, null, null, null, locale, Set.of(), Set.of(), null);
    }

    public boolean signedIn() {
        return accountId != null;
    }

    public boolean is(Role r) {
        return role == r;
    }

    public boolean memberOf(Long organizationId) {
        return organizationIds.contains(organizationId);
    }
}
