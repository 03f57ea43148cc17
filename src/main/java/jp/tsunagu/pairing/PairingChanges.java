package jp.tsunagu.pairing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.pairing.PairingViews.Assessment;
import jp.tsunagu.pairing.PairingViews.AssessmentView;
import jp.tsunagu.pairing.PairingViews.ItineraryItem;
import jp.tsunagu.pairing.PairingViews.MilestoneView;
import jp.tsunagu.pairing.PairingViews.PairDetail;
import jp.tsunagu.pairing.PairingViews.VisitView;
import jp.tsunagu.pairing.Terms.MilestoneStatus;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;
import jp.tsunagu.platform.web.Versions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Changing a pair's workspace: milestones, visits, the self-assessment, and the secretariat's status, officer and advisor. */
@ApplicationScoped
public class PairingChanges {

    @Inject
    InputCheck inputs;

    @Inject
    AccessPolicy policy;

    @Inject
    MatchingService matching;

    @Inject
    PairingService pairings;

    Uni<Pairing> editable(Viewer viewer, long id) {
        return Pairing.<Pairing>findById(id, LockModeType.PESSIMISTIC_WRITE).map(p -> {
            if (p == null) {
                throw ProblemException.notFound();
            }
            policy.requireEdit(viewer, PairingService.resource(p));
            return p;
        });
    }

    @WithTransaction
    public Uni<MilestoneView> updateMilestone(Viewer viewer, long pairingId, long milestoneId, MilestoneInput in) {
        Params params = inputs.of(in);
        MilestoneStatus status = in.status() == null ? null : Terms.parse(MilestoneStatus.class, in.status().trim()).orElse(null);
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
        params.check();
        return editable(viewer, pairingId).chain(p -> PairingMilestone.<PairingMilestone>findById(milestoneId,
                LockModeType.PESSIMISTIC_WRITE).chain(m -> {
            if (m == null || !m.pairingId.equals(p.id)) {
                throw ProblemException.notFound();
            }
            if (Versions.stale(m.version, in.version())) {
                throw ProblemException.conflict(PairingService.milestoneView(m, JapaneseCalendar.today()));
            }
            Uni<Void> visitCheck = in.evidenceVisitId() == null ? Uni.createFrom().voidItem()
                    : PairingVisit.<PairingVisit>findById(in.evidenceVisitId()).map(v -> {
                if (v == null || !v.pairingId.equals(p.id)) {
                    throw ProblemException.field("evidenceVisitId", "unknown");
                }
                return null;
            });
            return visitCheck.map(x -> {
                m.status = status;
                m.doneOn = status == MilestoneStatus.DONE ? in.doneOn() : null;
                if (in.dueOn() != null) {
                    m.dueOn = in.dueOn();
                }
                m.evidenceVisitId = in.evidenceVisitId();
                m.evidenceUrl = Values.blankToNull(in.evidenceUrl());
                m.evidenceNote = Values.blankToNull(in.evidenceNote());
                m.updatedAt = Instant.now();
                m.version++;
                return PairingService.milestoneView(m, JapaneseCalendar.today());
            });
        }));
    }

    /** The field rules (Bean Validation), then the dates' order and the itinerary's rows. */
    Params validate(VisitInput in) {
        Params params = inputs.of(in);
        if (in.endOn() != null && in.startOn() != null
                && (in.endOn().isBefore(in.startOn()) || in.endOn().isAfter(in.startOn().plusDays(14)))) {
            params.error("endOn", "date-order");
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
        return params;
    }

    @WithTransaction
    public Uni<VisitView> addVisit(Viewer viewer, long pairingId, VisitInput in) {
        validate(in).check();
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
        Params params = validate(in);
        if (in.version() == null) {
            params.error("version", "required");
        }
        params.check();
        return editable(viewer, pairingId).chain(p -> PairingVisit.<PairingVisit>findById(visitId,
                LockModeType.PESSIMISTIC_WRITE).chain(v -> {
            if (v == null || !v.pairingId.equals(p.id)) {
                throw ProblemException.notFound();
            }
            if (Versions.stale(v.version, in.version())) {
                return pairings.visitsOf(p.id).map(all -> {
                    throw ProblemException.conflict(all.stream().filter(x -> x.id() == visitId).findFirst().orElse(null));
                });
            }
            v.version++;
            return saveVisit(v, in);
        }));
    }

    Uni<VisitView> saveVisit(PairingVisit v, VisitInput in) {
        v.direction = Values.code(Terms.VisitDirection.class, in.direction());
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
                        item.kind = Values.code(Terms.ItineraryKind.class, i.kind());
                        item.title = i.title();
                        fresh.add(item);
                    }
                    return Rows.replace(old, fresh);
                }))
                .map(saved -> PairingService.visitView(saved, items));
    }

    @WithTransaction
    public Uni<Assessment> saveAssessment(Viewer viewer, long pairingId, AssessmentInput in) {
        inputs.require(in);
        return editable(viewer, pairingId).chain(p -> {
            if (Versions.stale(p.assessmentVersion, in.version())) {
                return Versions.conflict(pairings.assessmentOf(p));
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
                    .chain(Panache::flush).chain(() -> pairings.assessmentOf(p));
        });
    }

    /** Status, rationale, officer and advisor: the secretariat's part of a pair. */
    @WithTransaction
    public Uni<PairDetail> updatePairing(Viewer viewer, long pairingId, PairingInput in) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        inputs.require(in);
        Terms.PairingStatus status = in.status() == null || in.status().isBlank() ? null
                : Terms.parse(Terms.PairingStatus.class, in.status().trim()).orElse(null);
        return Pairing.<Pairing>findById(pairingId, LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p == null) {
                throw ProblemException.notFound();
            }
            policy.require(viewer, Action.VIEW, PairingService.resource(p));
            if (!policy.permits(viewer, Action.EDIT, new Resource.Matching())) {
                throw new ProblemException(403, "forbidden");
            }
            if (Versions.stale(p.version, in.version())) {
                return Versions.conflict(pairings.detailOf(viewer, p));
            }
            return matching.checkAccount(in.officerId(), "officerId", Role.NETWORK_ADMIN)
                    .chain(() -> matching.checkAccount(in.advisorId(), "advisorId", Role.ADVISOR))
                    .chain(() -> {
                        if (status != null) {
                            p.status = status;
                        }
                        if (in.rationale() != null) {
                            p.rationale = Values.blankToNull(in.rationale());
                        }
                        p.officerId = in.officerId();
                        p.advisorId = in.advisorId();
                        p.version++;
                        return Panache.flush().chain(() -> pairings.detailOf(viewer, p));
                    });
        });
    }
}
