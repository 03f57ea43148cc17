package jp.tsunagu.pairing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.directory.Prefecture;
import jp.tsunagu.pairing.PairingViews.Assessment;
import jp.tsunagu.pairing.PairingViews.AssessmentView;
import jp.tsunagu.pairing.PairingViews.ItineraryItem;
import jp.tsunagu.pairing.PairingViews.MilestoneView;
import jp.tsunagu.pairing.PairingViews.PairDetail;
import jp.tsunagu.pairing.PairingViews.PairSummary;
import jp.tsunagu.pairing.PairingViews.TimelineEntry;
import jp.tsunagu.pairing.PairingViews.VisitView;
import jp.tsunagu.pairing.Terms.MilestoneStatus;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.web.ProblemException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A pair's workspace as one sees it: the pairs, one pair with its milestones, visits, self-assessment and timeline. */
@ApplicationScoped
public class PairingService {

    @Inject
    AccessPolicy policy;

    @Inject
    NameLookup lookup;

    /** Pairs and their themes: visible to every signed-in member. */
    @WithSession
    public Uni<List<PairSummary>> list(Viewer viewer, Long programId) {
        policy.require(viewer, Action.VIEW, new Resource.Programs());
        Uni<List<Pairing>> pairs = programId == null ? Pairing.list("order by programId desc, id")
                : Pairing.list("programId = ?1 order by id", programId);
        return pairs.chain(ps -> summaries(ps, viewer));
    }

    Uni<List<PairSummary>> summaries(List<Pairing> ps, Viewer viewer) {
        Set<Long> ids = new HashSet<>();
        ps.forEach(p -> {
            ids.add(p.implementingId);
            ids.add(p.supportingId);
        });
        return Program.<Program>listAll().chain(programs -> summaries(ps, viewer, programs, ids));
    }

    /** The same with every program already read. */
    Uni<List<PairSummary>> summaries(List<Pairing> ps, Viewer viewer, List<Program> programs) {
        Set<Long> ids = new HashSet<>();
        ps.forEach(p -> {
            ids.add(p.implementingId);
            ids.add(p.supportingId);
        });
        return summaries(ps, viewer, programs, ids);
    }

    private Uni<List<PairSummary>> summaries(List<Pairing> ps, Viewer viewer, List<Program> programs, Set<Long> ids) {
        return lookup.orgs(ids, viewer.locale()).map(orgs -> ps.stream()
                .map(p -> new PairSummary(p.id, p.programId, programs.stream().filter(x -> x.id.equals(p.programId))
                        .findFirst().map(x -> x.fiscalYear).orElse(0), orgs.get(p.implementingId),
                        orgs.get(p.supportingId), Terms.themes(p.theme1, p.theme2), p.status.name())).toList());
    }

    Uni<Pairing> visible(Viewer viewer, long id) {
        return Pairing.<Pairing>findById(id).map(p -> {
            if (p == null) {
                throw ProblemException.notFound();
            }
            policy.require(viewer, Action.VIEW, resource(p));
            return p;
        });
    }

    public static Resource.Pairing resource(Pairing p) {
        return new Resource.Pairing(p.implementingId, p.supportingId, p.advisorId);
    }

    @WithSession
    public Uni<PairDetail> detail(Viewer viewer, long id) {
        return visible(viewer, id).chain(p -> detailOf(viewer, p));
    }

    Uni<PairDetail> detailOf(Viewer viewer, Pairing p) {
        return summaries(List.of(p), viewer).chain(s -> lookup.people(Arrays.asList(p.officerId, p.advisorId))
                .chain(people -> milestonesOf(p.id).chain(ms -> visitsOf(p.id).chain(vs -> assessmentOf(p)
                        .chain(as -> distance(p).map(distance -> new PairDetail(s.get(0), p.rationale,
                                p.officerId == null ? null : people.get(p.officerId),
                                p.advisorId == null ? null : people.get(p.advisorId), p.circleId, distance, p.version,
                                ms, vs, as, timeline(viewer, p, s.get(0), ms, vs, as),
                                policy.permits(viewer, Action.EDIT, resource(p)))))))));
    }

    Uni<String> distance(Pairing p) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select pa, pb from Organization a, Organization b,"
                        + " Prefecture pa, Prefecture pb where a.id = :a and b.id = :b and pa.code = a.prefectureCode"
                        + " and pb.code = b.prefectureCode", Object[].class)
                .setParameter("a", p.implementingId).setParameter("b", p.supportingId).getSingleResult())
                .map(r -> Geography.distance((Prefecture) r[0], (Prefecture) r[1]));
    }

    @WithSession
    public Uni<List<MilestoneView>> milestones(Viewer viewer, long id) {
        return visible(viewer, id).chain(p -> milestonesOf(p.id));
    }

    Uni<List<MilestoneView>> milestonesOf(long pairingId) {
        LocalDate today = JapaneseCalendar.today();
        return PairingMilestone.<PairingMilestone>list("pairingId = ?1 order by position", pairingId)
                .map(list -> list.stream().map(m -> milestoneView(m, today)).toList());
    }

    static MilestoneView milestoneView(PairingMilestone m, LocalDate today) {
        return new MilestoneView(m.id, m.position, m.kind.name(), m.title, m.dueOn, m.status.name(),
                m.status == MilestoneStatus.PLANNED && m.dueOn.isBefore(today), m.doneOn,
                m.evidenceVisitId, m.evidenceUrl, m.evidenceNote, m.version);
    }

    @WithSession
    public Uni<List<VisitView>> visits(Viewer viewer, long id) {
        return visible(viewer, id).chain(p -> visitsOf(p.id));
    }

    Uni<List<VisitView>> visitsOf(long pairingId) {
        return PairingVisit.<PairingVisit>list("pairingId = ?1 order by startOn, id", pairingId).chain(visits -> {
            if (visits.isEmpty()) {
                return Uni.createFrom().item(List.<VisitView>of());
            }
            return PairingVisitItem.<PairingVisitItem>list("visitId in ?1 order by visitId, position",
                    visits.stream().map(v -> v.id).toList()).map(items -> visits.stream().map(v -> visitView(v,
                    items.stream().filter(i -> i.visitId.equals(v.id)).map(i -> new ItineraryItem(i.kind.name(), i.title)).toList()))
                    .toList());
        });
    }

    static VisitView visitView(PairingVisit v, List<ItineraryItem> items) {
        return new VisitView(v.id, v.direction.name(), v.title, v.startOn, v.endOn, v.participantsCount, v.participants,
                v.learningsVisitor, v.learningsHost, items, v.version);
    }

    @WithSession
    public Uni<Assessment> assessment(Viewer viewer, long id) {
        return visible(viewer, id).chain(this::assessmentOf);
    }

    Uni<Assessment> assessmentOf(Pairing p) {
        return AssessmentItem.<AssessmentItem>list("pairingId = ?1 order by position", p.id)
                .map(items -> new Assessment(p.assessmentVersion, items.stream()
                        .map(i -> new AssessmentView(i.position, i.label, i.beforeScore, i.afterScore, i.comment)).toList()));
    }

    /** Everything the pair did, newest first. */
    static List<TimelineEntry> timeline(Viewer viewer, Pairing p, PairSummary s, List<MilestoneView> ms,
                                        List<VisitView> vs, Assessment as) {
        List<TimelineEntry> out = new ArrayList<>();
        var locale = viewer.locale();
        out.add(new TimelineEntry(p.createdAt.atZone(JapaneseCalendar.TOKYO).toLocalDate(), "created",
                Messages.get(locale, "timeline.created", s.implementing().name(), s.supporting().name())));
        for (MilestoneView m : ms) {
            if (m.doneOn() != null) {
                out.add(new TimelineEntry(m.doneOn(), "milestone", Messages.get(locale, "timeline.milestone", m.title())));
            }
        }
        for (VisitView v : vs) {
            out.add(new TimelineEntry(v.startOn(), "visit", Messages.get(locale, "timeline.visit." + v.direction(), v.title())));
        }
        long scored = as.items().stream().filter(i -> i.before() != null || i.after() != null).count();
        if (p.assessedAt != null && scored > 0) {
            out.add(new TimelineEntry(p.assessedAt.atZone(JapaneseCalendar.TOKYO).toLocalDate(), "assessment",
                    Messages.get(locale, "timeline.assessment", scored)));
        }
        out.sort(Comparator.comparing(TimelineEntry::date).reversed());
        return out;
    }

    /** The pairs a person takes part in (their organizations' pairs, or as assigned advisor), for the home page. */
    @WithSession
    public Uni<List<PairSummary>> mine(Viewer viewer) {
        if (!viewer.signedIn()) {
            return Uni.createFrom().item(List.of());
        }
        Uni<List<Pairing>> pairs = viewer.organizationIds().isEmpty()
                ? Pairing.list("advisorId = ?1 order by id desc", viewer.accountId())
                : Pairing.list("implementingId in ?1 or supportingId in ?1 or advisorId = ?2 order by id desc",
                viewer.organizationIds(), viewer.accountId());
        return pairs.chain(ps -> summaries(ps, viewer));
    }
}
