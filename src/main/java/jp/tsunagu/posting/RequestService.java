package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.PostingVisibility;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.directory.PersonRef;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.validation.OneOf;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;
import jp.tsunagu.platform.web.Versions;
import jp.tsunagu.posting.PostingTerms.RequestStatus;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Booking requests for internship places, and "anyone suitable?" questions to a circle about a
 * posting. Neither carries anything about a person: a number of people, an office, a contact on
 * the staff. Both start from a posting the person may see (the posting's access rule).
 */
@ApplicationScoped
public class RequestService {

    public record BookingInput(@NotNull @Min(1) @Max(20) Integer people, @Size(max = 200) String office,
                               @Size(max = 1000) String message) {
    }

    public record DecisionInput(@NotBlank @OneOf(RequestStatus.class) String status, @NotNull Integer version) {
    }

    public record AskInput(@NotNull Long postingId, @NotNull Long circleId, @Size(max = 1000) String message) {
    }

    public record AnswerInput(@NotNull @Min(1) @Max(20) Integer people, Long contactAccountId) {
    }

    @TemplateData
    public record BookingView(long id, long postingId, OrgRef organization, PersonRef requestedBy, int people, String office,
                              String message, String status, Instant createdAt, int version, boolean canDecide,
                              boolean canWithdraw) {
    }

    @TemplateData
    public record AnswerView(OrgRef organization, int people, PersonRef contact, Instant createdAt) {
    }

    @TemplateData
    public record AskView(long id, long postingId, String postingTitle, long circleId, String circleName, OrgRef askedBy,
                          String message, String status, Instant createdAt, boolean mine, int answers, int people,
                          List<AnswerView> visibleAnswers) {
    }

    @Inject
    PostingAccess postings;

    @Inject
    InputCheck inputs;

    @Inject
    PostingChecks checks;

    @Inject
    PostingDetails details;

    @Inject
    AccessPolicy policy;

    @Inject
    NameLookup names;

    /** The organization a viewer acts for (their first other than the posting's owner); the policy has already allowed it. */
    static long ownOrganization(Viewer viewer, Long ownerToAvoid) {
        return viewer.organizationIds().stream().filter(o -> !o.equals(ownerToAvoid)).sorted().findFirst()
                .orElseThrow(ProblemException::notFound);
    }

    // ------------------------------------------------------------------ internship bookings

    @WithTransaction
    public Uni<BookingView> book(Viewer viewer, long postingId, BookingInput in) {
        inputs.require(in);
        return postings.visible(viewer, postingId).chain(l -> {
            Posting posting = l.posting();
            if (posting.kind != PostingTerms.Kind.INTERNSHIP) {
                throw ProblemException.notFound();
            }
            if (viewer.memberOf(posting.ownerOrgId)) {
                throw new ProblemException(409, "booking-own");
            }
            if (posting.status != PostingTerms.Status.OPEN) {
                throw new ProblemException(409, "posting-closed");
            }
            policy.decide(viewer, Action.REQUEST, new Resource.InternshipBooking(l.resource(), null)).orThrow();
            InternshipRequest r = new InternshipRequest();
            r.postingId = postingId;
            r.requestingOrgId = ownOrganization(viewer, posting.ownerOrgId);
            r.requestedBy = viewer.accountId();
            r.people = in.people();
            r.office = Values.blankToNull(in.office());
            r.message = Values.blankToNull(in.message());
            r.status = RequestStatus.PENDING;
            r.createdAt = Instant.now();
            r.version = 0;
            return r.<InternshipRequest>persist().chain(saved -> bookingView(viewer, posting, saved));
        });
    }

    /** The slot's owner sees every request; a requesting organization its own. */
    @WithSession
    public Uni<List<BookingView>> bookings(Viewer viewer, long postingId) {
        return postings.visible(viewer, postingId).chain(l -> {
            return InternshipRequest.<InternshipRequest>list("postingId = ?1 order by createdAt", postingId)
                    .chain(rs -> views(viewer, l.posting(), rs.stream().filter(r -> policy.permits(viewer, Action.VIEW,
                            new Resource.InternshipBooking(l.resource(), r.requestingOrgId))).toList()));
        });
    }

    /** Accept or decline (the owner; accepting needs free places), or withdraw (the requester). */
    @WithTransaction
    public Uni<BookingView> decide(Viewer viewer, long postingId, long requestId, DecisionInput in) {
        Params p = inputs.of(in);
        RequestStatus target = in == null || in.status() == null ? null
                : PostingTerms.parse(RequestStatus.class, in.status().trim()).orElse(null);
        if (target == RequestStatus.PENDING) {
            // a request is pending until someone decides: it cannot be decided back to pending
            p.error("status", "unknown-value");
        }
        p.check();
        return postings.load(postingId, true).chain(l -> {
            policy.require(viewer, Action.VIEW, l.resource());
            return InternshipRequest.<InternshipRequest>findById(requestId).chain(r -> {
                if (r == null || !r.postingId.equals(postingId)) {
                    throw ProblemException.notFound();
                }
                Resource.InternshipBooking booking = new Resource.InternshipBooking(l.resource(), r.requestingOrgId);
                if (!policy.permits(viewer, Action.VIEW, booking)) {
                    throw ProblemException.notFound();
                }
                // the owner accepts or declines; the requesting organization withdraws
                policy.decide(viewer, target == RequestStatus.WITHDRAWN ? Action.EDIT : Action.APPROVE, booking).orThrow();
                if (Versions.stale(r.version, in.version())) {
                    return Versions.conflict(bookingView(viewer, l.posting(), r));
                }
                if (r.status != RequestStatus.PENDING
                        && !(target == RequestStatus.WITHDRAWN && r.status == RequestStatus.ACCEPTED)) {
                    throw new ProblemException(409, "request-decided");
                }
                Uni<Integer> left = target == RequestStatus.ACCEPTED ? details.placesLeft(l.posting())
                        : Uni.createFrom().item(Integer.MAX_VALUE);
                return left.chain(free -> {
                    if (free < r.people) {
                        throw new ProblemException(409, "places-full", free);
                    }
                    r.status = target;
                    r.decidedBy = viewer.accountId();
                    r.decidedAt = Instant.now();
                    r.version++;
                    return bookingView(viewer, l.posting(), r);
                });
            });
        });
    }

    Uni<BookingView> bookingView(Viewer viewer, Posting posting, InternshipRequest r) {
        return views(viewer, posting, List.of(r)).map(vs -> vs.get(0));
    }

    Uni<List<BookingView>> views(Viewer viewer, Posting posting, List<InternshipRequest> rs) {
        Set<Long> orgs = new LinkedHashSet<>();
        Set<Long> people = new LinkedHashSet<>();
        rs.forEach(r -> {
            orgs.add(r.requestingOrgId);
            people.add(r.requestedBy);
        });
        boolean owner = viewer.memberOf(posting.ownerOrgId);
        return names.orgs(orgs, viewer.locale()).chain(os -> names.people(people).map(ps -> rs.stream()
                .map(r -> new BookingView(r.id, r.postingId, os.get(r.requestingOrgId),
                        r.requestedBy == null ? null : ps.get(r.requestedBy), r.people, r.office, r.message, r.status.name(),
                        r.createdAt, r.version, owner && r.status == RequestStatus.PENDING,
                        viewer.memberOf(r.requestingOrgId) && r.status != RequestStatus.WITHDRAWN
                                && r.status != RequestStatus.DECLINED))
                .toList()));
    }

    // ------------------------------------------------------------------ "anyone suitable?"

    /**
     * Asks a circle about a posting. Only a circle the posting already reached (shared there or
     * network-wide), so asking never shows the posting to anyone new.
     */
    @WithTransaction
    public Uni<AskView> ask(Viewer viewer, AskInput in) {
        inputs.require(in);
        return postings.visible(viewer, in.postingId()).chain(l -> {
            if (!viewer.circleIds().contains(in.circleId())) {
                throw ProblemException.field("circleId", "not-member");
            }
            if (!viewer.mayAddTo(in.circleId())) {
                throw ProblemException.field("circleId", "circle-archived");
            }
            boolean reached = l.posting().visibility == PostingVisibility.NETWORK
                    || l.shares().stream().anyMatch(s -> s.circleId.equals(in.circleId()));
            if (!reached) {
                throw ProblemException.field("circleId", "posting-not-in-circle");
            }
            CandidateRequest r = new CandidateRequest();
            r.postingId = in.postingId();
            r.circleId = in.circleId();
            policy.decide(viewer, Action.REQUEST, new Resource.CandidateQuestion(l.resource())).orThrow();
            r.askedByOrgId = ownOrganization(viewer, null);
            r.askedBy = viewer.accountId();
            r.message = Values.blankToNull(in.message());
            r.status = PostingTerms.AskStatus.OPEN;
            r.createdAt = Instant.now();
            return r.<CandidateRequest>persist().chain(saved -> askViews(viewer, List.of(saved)).map(vs -> vs.get(0)));
        });
    }

    /** Questions in the viewer's circles about postings they may see (optionally for one posting). */
    @WithSession
    public Uni<List<AskView>> asks(Viewer viewer, Long postingId) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        if (viewer.circleIds().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Uni<List<CandidateRequest>> found = postingId == null
                ? CandidateRequest.list("circleId in ?1 and status = 'OPEN' order by createdAt desc", viewer.circleIds())
                : CandidateRequest.list("circleId in ?1 and postingId = ?2 order by createdAt desc", viewer.circleIds(), postingId);
        return found.chain(rs -> filterVisible(viewer, rs)).chain(rs -> askViews(viewer, rs));
    }

    Uni<List<CandidateRequest>> filterVisible(Viewer viewer, List<CandidateRequest> rs) {
        Set<Long> ids = new LinkedHashSet<>();
        rs.forEach(r -> ids.add(r.postingId));
        return postings.loadAll(ids).map(ls -> {
            Set<Long> visible = new LinkedHashSet<>();
            ls.stream().filter(l -> policy.permits(viewer, Action.VIEW, l.resource())).forEach(l -> visible.add(l.posting().id));
            return rs.stream().filter(r -> visible.contains(r.postingId)).toList();
        });
    }

    /** An answer from the posting's page: the question must be about that posting (404 otherwise). */
    @WithTransaction
    public Uni<AskView> answer(Viewer viewer, long postingId, long requestId, AnswerInput in) {
        return CandidateRequest.<CandidateRequest>findById(requestId).chain(r -> {
            if (r == null || r.postingId == null || r.postingId.longValue() != postingId) {
                throw ProblemException.notFound();
            }
            return answer(viewer, requestId, in);
        });
    }

    /** "We may have someone": one answer per organization (answering again replaces it). */
    @WithTransaction
    public Uni<AskView> answer(Viewer viewer, long requestId, AnswerInput in) {
        inputs.require(in);
        return CandidateRequest.<CandidateRequest>findById(requestId).chain(r -> {
            if (r == null || !viewer.circleIds().contains(r.circleId)) {
                throw ProblemException.notFound();
            }
            if (!viewer.mayAddTo(r.circleId)) {
                throw new ProblemException(409, "circle-archived");
            }
            return postings.visible(viewer, r.postingId).chain(l -> {
                if (r.status != PostingTerms.AskStatus.OPEN) {
                    throw new ProblemException(409, "request-decided");
                }
                long org = ownOrganization(viewer, r.askedByOrgId);
                long contact = in.contactAccountId() != null ? in.contactAccountId() : viewer.accountId();
                return checks.contactCheck(org, contact).chain(() -> CandidateAnswer.<CandidateAnswer>find(
                        "requestId = ?1 and organizationId = ?2", requestId, org).<CandidateAnswer>firstResult()).chain(existing -> {
                    CandidateAnswer a = existing != null ? existing : new CandidateAnswer();
                    a.requestId = requestId;
                    a.organizationId = org;
                    a.people = in.people();
                    a.contactAccountId = contact;
                    a.createdAt = Instant.now();
                    Uni<CandidateAnswer> saved = existing != null ? Uni.createFrom().item(a) : a.persist();
                    return saved.chain(x -> askViews(viewer, List.of(r))).map(vs -> vs.get(0));
                });
            });
        });
    }

    /** The asker sees every answer; the others their own organization's. Counts are for everyone in the circle. */
    Uni<List<AskView>> askViews(Viewer viewer, List<CandidateRequest> rs) {
        if (rs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> ids = rs.stream().map(r -> r.id).toList();
        Set<Long> postingIds = new LinkedHashSet<>();
        Set<Long> circleIds = new LinkedHashSet<>();
        rs.forEach(r -> {
            postingIds.add(r.postingId);
            circleIds.add(r.circleId);
        });
        return CandidateAnswer.<CandidateAnswer>list("requestId in ?1 order by createdAt", ids).chain(answers ->
                Posting.<Posting>list("id in ?1", postingIds).chain(ps -> Circle.<Circle>list("id in ?1", circleIds).chain(cs -> {
                    Set<Long> orgs = new LinkedHashSet<>();
                    Set<Long> people = new LinkedHashSet<>();
                    rs.forEach(r -> orgs.add(r.askedByOrgId));
                    answers.forEach(a -> {
                        orgs.add(a.organizationId);
                        people.add(a.contactAccountId);
                    });
                    return names.orgs(orgs, viewer.locale()).chain(os -> names.people(people).map(pp -> rs.stream().map(r -> {
                        boolean mine = viewer.memberOf(r.askedByOrgId);
                        List<CandidateAnswer> its = answers.stream().filter(a -> a.requestId.equals(r.id)).toList();
                        List<AnswerView> visible = its.stream().filter(a -> mine || viewer.memberOf(a.organizationId))
                                .map(a -> new AnswerView(os.get(a.organizationId), a.people, pp.get(a.contactAccountId), a.createdAt))
                                .toList();
                        String title = ps.stream().filter(x -> x.id.equals(r.postingId)).findFirst().map(x -> x.title).orElse("");
                        String circle = cs.stream().filter(c -> c.id.equals(r.circleId)).findFirst().map(c -> c.name).orElse("");
                        return new AskView(r.id, r.postingId, title, r.circleId, circle, os.get(r.askedByOrgId), r.message,
                                r.status.name(), r.createdAt, mine, its.size(), its.stream().mapToInt(a -> a.people).sum(), visible);
                    }).toList()));
                })));
    }
}
