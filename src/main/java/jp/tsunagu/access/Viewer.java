package jp.tsunagu.access;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: loaded once per request from the session token and the database (account,
 * memberships, the circles those organizations belong to). Anonymous visitors have no account.
 * {@code administeredOrganizationIds}: the organizations whose administrator the person is;
 * {@code archivedCircleIds}: which of their circles are archived (read-only).
 */
public record Viewer(Long accountId, String email, String displayName, Role role, Locale locale,
                     Set<Long> organizationIds, Set<Long> circleIds, UUID sessionId,
                     Set<Long> administeredOrganizationIds, Set<Long> archivedCircleIds) {

    /** A viewer who administers no organization and whose circles are all open. */
    public Viewer(Long accountId, String email, String displayName, Role role, Locale locale,
                  Set<Long> organizationIds, Set<Long> circleIds, UUID sessionId) {
        this(accountId, email, displayName, role, locale, organizationIds, circleIds, sessionId, Set.of(), Set.of());
    }

    public static Viewer anonymous(Locale locale) {
        return new Viewer(null, null, null, null, locale, Set.of(), Set.of(), null);
    }

    /** An administrator of this organization (they approve its staff and answer for it). */
    public boolean administers(Long organizationId) {
        return organizationId != null && administeredOrganizationIds.contains(organizationId);
    }

    /** A member of this circle that is not archived: something new may be put into it. */
    public boolean mayAddTo(Long circleId) {
        return circleId != null && circleIds.contains(circleId) && !archivedCircleIds.contains(circleId);
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
