package jp.tsunagu.circle;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.Circle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The manage page of a circle, assembled in named steps from one load of the circle. */
@ApplicationScoped
public class CircleManagement {

    @TemplateData
    public record Member(long organizationId, String name, OrgType type, boolean owner, LocalDate joinedOn) {
    }

    @TemplateData
    public record HistoryLine(Instant at, CircleEvent.Kind kind, String organization, String actor) {
    }

    /** Everything the owners see; {@code canRun}: whether the viewer may change it now (not archived, not a pair's). */
    @TemplateData
    public record Manage(long id, String name, String kind, Short prefectureCode, String description, int version,
                         Instant archivedAt, boolean canRun, List<Member> members,
                         List<CircleInvitations.Sent> invitations, List<HistoryLine> history) {
    }

    @Inject
    AccessPolicy policy;

    @Inject
    CircleFacts facts;

    @Inject
    CircleInvitations invitations;

    @WithSession
    public Uni<Manage> page(Viewer viewer, long id) {
        return facts.managed(viewer, id).chain(l -> members(id)
                .chain(members -> invitations.sent(id)
                        .chain(sent -> history(id)
                                .map(history -> manage(viewer, l, members, sent, history)))));
    }

    private Manage manage(Viewer viewer, CircleFacts.Loaded l, List<Member> members, List<CircleInvitations.Sent> sent,
                          List<HistoryLine> history) {
        Circle c = l.circle();
        return new Manage(c.id, c.name, c.kind.name(), c.prefectureCode, c.description, c.version, c.archivedAt,
                policy.permits(viewer, Action.EDIT, l.admin()), members, sent, history);
    }

    Uni<List<Member>> members(long circleId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select o.id, o.name, o.orgType, m.owner, m.joinedOn from CircleMember m, Organization o"
                                + " where o.id = m.organizationId and m.circleId = :c order by m.owner desc, o.name", Object[].class)
                .setParameter("c", circleId).getResultList())
                .map(rows -> rows.stream().map(r -> new Member((Long) r[0], (String) r[1], (OrgType) r[2], (Boolean) r[3],
                        (LocalDate) r[4])).toList());
    }

    /** The newest 200 lines of the membership history. */
    Uni<List<HistoryLine>> history(long circleId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select e.occurredAt, e.kind, o.name, a.displayName from CircleEvent e"
                                + " left join Organization o on o.id = e.organizationId left join Account a on a.id = e.actorId"
                                + " where e.circleId = :c order by e.occurredAt desc, e.id desc", Object[].class)
                .setParameter("c", circleId).setMaxResults(200).getResultList())
                .map(rows -> rows.stream().map(r -> new HistoryLine((Instant) r[0], (CircleEvent.Kind) r[1], (String) r[2],
                        (String) r[3])).toList());
    }
}
