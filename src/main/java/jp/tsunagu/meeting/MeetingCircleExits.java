package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.directory.CircleExits;

import java.time.Instant;

/**
 * An organization that leaves a circle (or is removed) loses the invitations its people held to
 * the circle's meetings, unless it co-hosts the meeting (its own meetings stay its own) or the
 * person also works for another organization still in the circle: so the circle's meetings and
 * minutes answer 404 to them at once.
 */
@ApplicationScoped
public class MeetingCircleExits implements CircleExits {

    @Override
    public Uni<Void> organizationLeft(long circleId, long organizationId) {
        return Panache.getSession().chain(s -> s.createMutationQuery(
                        "update Invitee i set i.revokedAt = :now where i.revokedAt is null and (i.organizationId = :org"
                                + " or i.accountId in (select mm.accountId from Membership mm where mm.organizationId = :org))"
                                + " and i.meetingId in (select m.id from Meeting m where m.circleId = :circle)"
                                + " and not exists (select 1 from MeetingOrganizer o where o.meetingId = i.meetingId"
                                + " and o.organizationId = :org)"
                                + " and not exists (select 1 from Membership m2, CircleMember cm2 where m2.accountId = i.accountId"
                                + " and cm2.organizationId = m2.organizationId and cm2.circleId = :circle and m2.organizationId <> :org)")
                .setParameter("now", Instant.now()).setParameter("org", organizationId).setParameter("circle", circleId)
                .executeUpdate()).replaceWithVoid();
    }
}
