package jp.tsunagu.pairing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
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
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A pair's workspace: milestones, visits, the before/after self-assessment and the timeline. */
@ApplicationScoped
public class PairingService {

    public record MilestoneInput(String status, LocalDate doneOn, LocalDate dueOn, Long evidenceVisitId,
                                 String evidenceUrl, String evidenceNote, Integer version) {
    }

    public record VisitInput(String direction, String title, LocalDate startOn, LocalDate endOn,
                             Integer participantsCount, String participants, String learningsVisitor,
                             String learningsHost, List<ItineraryItem> itinerary, Integer version) {
    }

    public record AssessmentInput(List<AssessmentView> items, Integer version) {
    }

    public record PairingInput(String status, String rationale, Long officerId, Long advisorId, Integer version) {
    }

    @Inject
    AccessPolicy policy;

    @Inject
    jp.tsunagu.account.NameLookup lookup;

    @Inject
    MatchingService matching;

    // ---------------------------------------------------------------- reading

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
        return Program.<Program>listAll().chain(programs -> lookup.orgs(ids, viewer.locale()).map(orgs -> ps.stream()
                .map(p -> new PairSummary(p.id, p.programId, programs.stream().filter(x -> x.id.equals(p.programId))
                        .findFirst().map(x -> x.fiscalYear).orElse(0), orgs.get(p.implementingId),
                        orgs.get(p.supportingId), Terms.themes(p.theme1, p.theme2), p.status)).toList()));
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

    static Resource.Pairing resource(Pairing p) {
        return new Resource.Pairing(p.implementingId, p.supportingId, p.advisorId);
    }

    @WithSession
    public Uni<PairDetail> detail(Viewer viewer, long id) {
        return visible(viewer, id).chain(p -> detailOf(viewer, p));
    }

    Uni<PairDetail> detailOf(Viewer viewer, Pairing p) {
        return summaries(List.of(p), viewer).chain(s -> lookup.people(java.util.Arrays.asList(p.officerId, p.advisorId))
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
        return new MilestoneView(m.id, m.position, m.kind, m.title, m.dueOn, m.status,
                MilestoneStatus.PLANNED.name().equals(m.status) && m.dueOn.isBefore(today), m.doneOn,
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
                    items.stream().filter(i -> i.visitId.equals(v.id)).map(i -> new ItineraryItem(i.kind, i.title)).toList()))
                    .toList());
        });
    }

    static VisitView visitView(PairingVisit v, List<ItineraryItem> items) {
        return new VisitView(v.id, v.direction, v.title, v.startOn, v.endOn, v.participantsCount, v.participants,
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

    // ---------------------------------------------------------------- writing

    Uni<Pairing> editable(Viewer viewer, long id) {
        return Pairing.<Pairing>findById(id, LockModeType.PESSIMISTIC_WRITE).map(p -> {
            if (p == null) {
                throw ProblemException.notFound();
            }
            policy.requireEdit(viewer, resource(p));
            return p;
        });
    }

    @WithTransaction
    public Uni<MilestoneView> updateMilestone(Viewer viewer, long pairingId, long milestoneId, MilestoneInput in) {
        Params params = new Params();
        MilestoneStatus status = params.choice("status", in.status(), v -> Terms.parse(MilestoneStatus.class, v));
        if (in.status() == null) {
            params.error("status", "required");
        }
        if (in.version() == null) {
            params.error("version", "required");
        }
        if (status == MilestoneStatus.DONE && in.doneOn() == null) {
            params.error("doneOn", "required");
        }
        if (in.doneOn() != null && in.doneOn().isAfter(JapaneseCalendar.today())) {
            params.error("doneOn", "date-future");
        }
        if (in.evidenceUrl() != null && !in.evidenceUrl().isBlank()
                && (in.evidenceUrl().length() > 500 || !in.evidenceUrl().matches("^https?://\\S+$"))) {
            params.error("evidenceUrl", "url");
        }
        if (in.evidenceNote() != null && in.evidenceNote().length() > 1000) {
            params.error("evidenceNote", "too-long");
        }
        params.check();
        return editable(viewer, pairingId).chain(p -> PairingMilestone.<PairingMilestone>findById(milestoneId,
                LockModeType.PESSIMISTIC_WRITE).chain(m -> {
            if (m == null || !m.pairingId.equals(p.id)) {
                throw ProblemException.notFound();
            }
            if (m.version.intValue() != in.version()) {
                throw ProblemException.conflict(milestoneView(m, JapaneseCalendar.today()));
            }
            Uni<Void> visitCheck = in.evidenceVisitId() == null ? Uni.createFrom().voidItem()
                    : PairingVisit.<PairingVisit>findById(in.evidenceVisitId()).map(v -> {
                if (v == null || !v.pairingId.equals(p.id)) {
                    throw ProblemException.field("evidenceVisitId", "unknown");
                }
                return null;
            });
            return visitCheck.map(x -> {
                m.status = status.name();
                m.doneOn = status == MilestoneStatus.DONE ? in.doneOn() : null;
                if (in.dueOn() != null) {
                    m.dueOn = in.dueOn();
                }
                m.evidenceVisitId = in.evidenceVisitId();
                m.evidenceUrl = Values.blankToNull(in.evidenceUrl());
                m.evidenceNote = Values.blankToNull(in.evidenceNote());
                m.updatedAt = Instant.now();
                m.version++;
                return milestoneView(m, JapaneseCalendar.today());
            });
        }));
    }

    static void validate(VisitInput in, Params params) {
        params.choice("direction", in.direction(), v -> Terms.parse(Terms.VisitDirection.class, v));
        if (in.direction() == null) {
            params.error("direction", "required");
        }
        if (in.title() == null || in.title().isBlank()) {
            params.error("title", "required");
        } else if (in.title().length() > 200) {
            params.error("title", "too-long");
        }
        if (in.startOn() == null) {
            params.error("startOn", "required");
        }
        if (in.endOn() != null && in.startOn() != null
                && (in.endOn().isBefore(in.startOn()) || in.endOn().isAfter(in.startOn().plusDays(14)))) {
            params.error("endOn", "date-order");
        }
        if (in.participantsCount() != null && (in.participantsCount() < 0 || in.participantsCount() > 10000)) {
            params.error("participantsCount", "range");
        }
        if (in.participants() != null && in.participants().length() > 1000) {
            params.error("participants", "too-long");
        }
        if (in.learningsVisitor() != null && in.learningsVisitor().length() > 4000) {
            params.error("learningsVisitor", "too-long");
        }
        if (in.learningsHost() != null && in.learningsHost().length() > 4000) {
            params.error("learningsHost", "too-long");
        }
        if (in.itinerary() != null) {
            if (in.itinerary().size() > 30) {
                params.error("itinerary", "range");
            }
            for (int i = 0; i < in.itinerary().size(); i++) {
                ItineraryItem item = in.itinerary().get(i);
                if (item == null || Terms.parse(Terms.ItineraryKind.class, item.kind()).isEmpty()) {
                    params.error("itinerary[" + i + "].kind", "unknown-value");
                }
                if (item == null || item.title() == null || item.title().isBlank()) {
                    params.error("itinerary[" + i + "].title", "required");
                } else if (item.title().length() > 300) {
                    params.error("itinerary[" + i + "].title", "too-long");
                }
            }
        }
    }

    @WithTransaction
    public Uni<VisitView> addVisit(Viewer viewer, long pairingId, VisitInput in) {
        Params params = new Params();
        validate(in, params);
        params.check();
        return editable(viewer, pairingId).chain(p -> {
            PairingVisit v = new PairingVisit();
            v.pairingId = p.id;
            v.createdBy = viewer.accountId();
            v.createdAt = Instant.now();
            return saveVisit(v, in);
        });
    }

    @WithTransaction
    public Uni<VisitView> updateVisit(Viewer viewer, long pairingId, long visitId, VisitInput in) {
        Params params = new Params();
        validate(in, params);
        if (in.version() == null) {
            params.error("version", "required");
        }
        params.check();
        return editable(viewer, pairingId).chain(p -> PairingVisit.<PairingVisit>findById(visitId,
                LockModeType.PESSIMISTIC_WRITE).chain(v -> {
            if (v == null || !v.pairingId.equals(p.id)) {
                throw ProblemException.notFound();
            }
            if (v.version.intValue() != in.version()) {
                return visitsOf(p.id).map(all -> {
                    throw ProblemException.conflict(all.stream().filter(x -> x.id() == visitId).findFirst().orElse(null));
                });
            }
            v.version++;
            return saveVisit(v, in);
        }));
    }

    Uni<VisitView> saveVisit(PairingVisit v, VisitInput in) {
        v.direction = in.direction();
        v.title = in.title().trim();
        v.startOn = in.startOn();
        v.endOn = in.endOn() == null ? in.startOn() : in.endOn();
        v.participantsCount = in.participantsCount();
        v.participants = Values.blankToNull(in.participants());
        v.learningsVisitor = Values.blankToNull(in.learningsVisitor());
        v.learningsHost = Values.blankToNull(in.learningsHost());
        v.updatedAt = Instant.now();
        List<ItineraryItem> items = in.itinerary() == null ? List.of()
                : in.itinerary().stream().map(i -> new ItineraryItem(i.kind(), i.title().trim())).toList();
        return v.<PairingVisit>persistAndFlush()
                .call(saved -> PairingVisitItem.<PairingVisitItem>list("visitId", saved.id).chain(old -> {
                    List<PairingVisitItem> fresh = new ArrayList<>();
                    for (ItineraryItem i : items) {
                        PairingVisitItem item = new PairingVisitItem();
                        item.visitId = saved.id;
                        item.position = fresh.size() + 1;
                        item.kind = i.kind();
                        item.title = i.title();
                        fresh.add(item);
                    }
                    return Rows.replace(old, fresh);
                }))
                .map(saved -> visitView(saved, items));
    }

    @WithTransaction
    public Uni<Assessment> saveAssessment(Viewer viewer, long pairingId, AssessmentInput in) {
        Params params = new Params();
        if (in.version() == null) {
            params.error("version", "required");
        }
        if (in.items() == null || in.items().isEmpty() || in.items().size() > 10) {
            params.error("items", in.items() == null || in.items().isEmpty() ? "required" : "range");
        } else {
            for (int i = 0; i < in.items().size(); i++) {
                AssessmentView item = in.items().get(i);
                if (item == null || item.label() == null || item.label().isBlank()) {
                    params.error("items[" + i + "].label", "required");
                    continue;
                }
                if (item.label().length() > 100) {
                    params.error("items[" + i + "].label", "too-long");
                }
                if (item.before() != null && (item.before() < 1 || item.before() > 10)) {
                    params.error("items[" + i + "].before", "score-range");
                }
                if (item.after() != null && (item.after() < 1 || item.after() > 10)) {
                    params.error("items[" + i + "].after", "score-range");
                }
                if (item.comment() != null && item.comment().length() > 1000) {
                    params.error("items[" + i + "].comment", "too-long");
                }
            }
        }
        params.check();
        return editable(viewer, pairingId).chain(p -> {
            if (p.assessmentVersion.intValue() != in.version()) {
                return assessmentOf(p).map(current -> {
                    throw ProblemException.conflict(current);
                });
            }
            p.assessmentVersion++;
            p.assessedAt = Instant.now();
            List<AssessmentItem> fresh = new ArrayList<>();
            for (AssessmentView v : in.items()) {
                AssessmentItem item = new AssessmentItem();
                item.pairingId = p.id;
                item.position = fresh.size() + 1;
                item.label = v.label().trim();
                item.beforeScore = v.before();
                item.afterScore = v.after();
                item.comment = Values.blankToNull(v.comment());
                fresh.add(item);
            }
            return AssessmentItem.<AssessmentItem>list("pairingId", p.id)
                    .chain(old -> Rows.replace(old, fresh))
                    .chain(Panache::flush).chain(() -> assessmentOf(p));
        });
    }

    /** Status, rationale, officer and advisor: the secretariat's part of a pair. */
    @WithTransaction
    public Uni<PairDetail> updatePairing(Viewer viewer, long pairingId, PairingInput in) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        Params params = new Params();
        Terms.PairingStatus status = params.choice("status", in.status(), v -> Terms.parse(Terms.PairingStatus.class, v));
        if (in.version() == null) {
            params.error("version", "required");
        }
        if (in.rationale() != null && in.rationale().length() > 2000) {
            params.error("rationale", "too-long");
        }
        params.check();
        return Pairing.<Pairing>findById(pairingId, LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p == null) {
                throw ProblemException.notFound();
            }
            policy.require(viewer, Action.VIEW, resource(p));
            if (!policy.permits(viewer, Action.EDIT, new Resource.Matching())) {
                throw new ProblemException(403, "forbidden");
            }
            if (p.version.intValue() != in.version()) {
                return detailOf(viewer, p).map(current -> {
                    throw ProblemException.conflict(current);
                });
            }
            return matching.checkAccount(in.officerId(), "officerId", jp.tsunagu.access.Role.NETWORK_ADMIN)
                    .chain(() -> matching.checkAccount(in.advisorId(), "advisorId", jp.tsunagu.access.Role.ADVISOR))
                    .chain(() -> {
                        if (status != null) {
                            p.status = status.name();
                        }
                        if (in.rationale() != null) {
                            p.rationale = Values.blankToNull(in.rationale());
                        }
                        p.officerId = in.officerId();
                        p.advisorId = in.advisorId();
                        p.version++;
                        return Panache.flush().chain(() -> detailOf(viewer, p));
                    });
        });
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
