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
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.directory.CircleKind;
import jp.tsunagu.directory.DirectoryService;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.platform.web.Choice;
import jp.tsunagu.platform.web.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The manage page of a circle, assembled in named steps from one load of the circle. */
@ApplicationScoped
public class CircleManagement {

    @TemplateData
    public record Member(long organizationId, String name, OrgType type, boolean owner, LocalDate joinedOn) {
    }

    @TemplateData
    public record HistoryLine(Instant at, CircleEvent.Kind kind, String organization, String actor) {
    }

    /**
     * Everything the owners see; {@code canRun}: whether the viewer may change it now (not archived,
     * not a pair's); {@code canRemove}: whether they may take members out (also once archived).
     */
    @TemplateData
    public record Manage(long id, String name, String kind, Short prefectureCode, String description, int version,
                         Instant archivedAt, boolean canRun, boolean canRemove, long ownerCount, List<Member> members,
                         List<CircleInvitations.Sent> invitations, List<HistoryLine> history) {
    }

    /** An organization the owners may invite (found by name on the manage page). */
    @TemplateData
    public record Candidate(long id, String name, OrgType type, String prefecture) {
    }

    /**
     * The manage page: the circle, the organizations found for "invite", and for the edit form the
     * prefectures, the kinds it may take and its prefecture as the select's value.
     */
    @TemplateData
    public record ManagePage(Manage circle, String q, List<Candidate> candidates, List<Choice> prefectures,
                             List<String> kinds, String prefectureValue) {
    }

    /** The form to start a circle: the kinds this viewer may start, the prefectures, the owners they may choose. */
    @TemplateData
    public record NewPage(List<String> kinds, List<Choice> prefectures, List<Choice> owners) {
    }

    @Inject
    AccessPolicy policy;

    @Inject
    DirectoryService directory;

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

    /** The manage page with up to 20 organizations whose name contains {@code q} (members left out). */
    @WithSession
    public Uni<ManagePage> managePage(Viewer viewer, long id, String q) {
        return page(viewer, id)
                .chain(m -> candidates(viewer, id, q)
                        .chain(found -> prefectures(viewer)
                                .map(prefs -> new ManagePage(m, q == null ? "" : q, found, prefs, startable(viewer),
                                        m.prefectureCode() == null ? "" : String.valueOf(m.prefectureCode())))));
    }

    /** The form to start a circle (403 for those who start none). */
    @WithSession
    public Uni<NewPage> newPage(Viewer viewer) {
        if (!policy.permits(viewer, Action.EDIT, Resource.CircleCreation.byViewer(viewer, false))) {
            throw new ProblemException(403, "circle-not-allowed");
        }
        return prefectures(viewer).chain(prefs -> owners(viewer).map(owners -> new NewPage(startable(viewer), prefs, owners)));
    }

    /** The kinds this viewer may give a circle (a network-wide one only the secretariat). */
    List<String> startable(Viewer viewer) {
        boolean secretariat = policy.permits(viewer, Action.EDIT, Resource.CircleCreation.byViewer(viewer, true));
        return Arrays.stream(CircleKind.values()).filter(CircleKind::startable)
                .filter(k -> k != CircleKind.NETWORK || secretariat).map(Enum::name).toList();
    }

    Uni<List<Choice>> prefectures(Viewer viewer) {
        return directory.prefectureChoices(viewer.locale());
    }

    /** The organizations a new circle can belong to: the viewer's own. */
    Uni<List<Choice>> owners(Viewer viewer) {
        if (viewer.organizationIds().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Organization.<Organization>list("id in ?1 order by name", viewer.organizationIds())
                .map(os -> os.stream().map(o -> new Choice(String.valueOf(o.id), o.name)).toList());
    }

    Uni<List<Candidate>> candidates(Viewer viewer, long circleId, String q) {
        if (q == null || q.isBlank()) {
            return Uni.createFrom().item(List.of());
        }
        String like = "%" + DirectoryService.likeEscape(q.trim().toLowerCase(Locale.ROOT)) + "%";
        return directory.prefectureNames(viewer.locale()).chain(prefs -> Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select o.id, o.name, o.orgType, o.prefectureCode from Organization o"
                                + " where (lower(o.name) like :q escape '\\' or lower(coalesce(o.shortName, '')) like :q escape '\\')"
                                + " and not exists (select 1 from CircleMember m where m.circleId = :c and m.organizationId = o.id)"
                                + " order by o.prefectureCode, o.name", Object[].class)
                .setParameter("q", like).setParameter("c", circleId).setMaxResults(20).getResultList())
                .map(rows -> rows.stream().map(r -> new Candidate((Long) r[0], (String) r[1], (OrgType) r[2],
                        prefs.get((Short) r[3]))).toList()));
    }

    private Manage manage(Viewer viewer, CircleFacts.Loaded l, List<Member> members, List<CircleInvitations.Sent> sent,
                          List<HistoryLine> history) {
        Circle c = l.circle();
        return new Manage(c.id, c.name, c.kind.name(), c.prefectureCode, c.description, c.version, c.archivedAt,
                policy.permits(viewer, Action.EDIT, l.admin()),
                policy.permits(viewer, Action.EDIT, new Resource.CircleRemoval(l.admin())),
                members.stream().filter(Member::owner).count(), members, sent, history);
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
