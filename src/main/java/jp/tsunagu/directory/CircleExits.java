package jp.tsunagu.directory;

import io.smallrye.mutiny.Uni;

/**
 * What a feature undoes when an organization leaves a circle or is removed from it (run in the
 * same transaction): e.g. meetings withdraw the invitations their staff held only as members. The
 * circle itself is left by deleting the membership row, which every viewer's circles reflect on
 * their next request; what the organization shared into the circle stays for the others.
 */
public interface CircleExits {

    Uni<Void> organizationLeft(long circleId, long organizationId);
}
