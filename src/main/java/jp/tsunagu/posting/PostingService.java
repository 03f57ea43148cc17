package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.PostingVisibility;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.platform.search.JapaneseText;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.validation.OneOf;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;
import jp.tsunagu.platform.web.Versions;
import jp.tsunagu.posting.PostingTerms.Category;
import jp.tsunagu.posting.PostingTerms.EmploymentType;
import jp.tsunagu.posting.PostingTerms.Kind;
import jp.tsunagu.posting.PostingTerms.WageType;
import jp.tsunagu.posting.PostingTerms.Source;
import jp.tsunagu.posting.PostingTerms.Status;
import jp.tsunagu.posting.PostingViews.PostingDetail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Job postings and internship slots: creating, editing, status and sharing into circles. Loading
 * through the policy is {@link PostingAccess}, the checks {@link PostingChecks}, the reader's view
 * {@link PostingDetails}. Who sees what is the access policy's {@code Resource.Posting}; lists and
 * search use its scope ({@link PostingSearch}).
 */
@ApplicationScoped
public class PostingService {

    /** Postings expire after this many days unless the sharer says otherwise. */
    public static final int DEFAULT_EXPIRY_DAYS = 30;
    /** The longest a posting may stay open before it must be renewed. */
    public static final int MAX_EXPIRY_DAYS = 366;

    public record ShareInput(Long circleId) {
    }

    public record StatusInput(@NotBlank @OneOf(Status.class) String status, @NotNull Integer version) {
    }

    @Inject
    AccessPolicy policy;

    @Inject
    PostingAccess access;

    @Inject
    InputCheck inputs;

    @Inject
    PostingChecks checks;

    @Inject
    PostingDetails details;

    // ------------------------------------------------------------------ writes

    static void apply(Posting p, PostingInput in) {
        p.kind = in.kind() == null || in.kind().isBlank() ? Kind.JOB : Values.code(Kind.class, in.kind());
        p.title = in.title().trim();
        p.companyName = in.companyName().trim();
        p.companyIndustry = Values.blankToNull(in.companyIndustry());
        p.municipality = Values.blankToNull(in.municipality());
        p.prefectureCode = in.prefectureCode();
        p.areaId = in.areaId();
        p.jobCategory = Values.code(Category.class, in.jobCategory());
        p.employmentType = Values.code(EmploymentType.class, in.employmentType());
        p.hoursPerDay = in.hoursPerDay();
        p.hoursPerWeek = in.hoursPerWeek();
        p.daysPerWeek = in.daysPerWeek();
        p.splitShift = Boolean.TRUE.equals(in.splitShift());
        p.shortHours = Boolean.TRUE.equals(in.shortHours());
        p.weeklyPay = Boolean.TRUE.equals(in.weeklyPay());
        p.dailyPay = Boolean.TRUE.equals(in.dailyPay());
        p.trialStep = Boolean.TRUE.equals(in.trialStep());
        p.carvingNote = Values.blankToNull(in.carvingNote());
        p.wageType = Values.code(WageType.class, in.wageType());
        p.wageYen = in.wageYen();
        p.startOn = in.startOn();
        p.openings = in.openings();
        p.disabilityExperience = in.disabilityExperience() == null ? new String[0]
                : new LinkedHashSet<>(in.disabilityExperience()).toArray(String[]::new);
        p.accommodations = Values.blankToNull(in.accommodations());
        p.belowQuota = Boolean.TRUE.equals(in.belowQuota());
        p.howToApply = Values.blankToNull(in.howToApply());
        p.description = Values.blankToNull(in.description());
        p.source = Values.code(Source.class, in.source());
        p.helloWorkNumber = p.source == Source.HELLO_WORK ? JapaneseText.normalize(in.helloWorkNumber()).trim() : null;
        p.doNotForward = Boolean.TRUE.equals(in.doNotForward());
        p.endsOn = in.endsOn();
        p.places = in.places();
        p.hiringIntent = in.hiringIntent();
        p.conditions = Values.blankToNull(in.conditions());
        p.expiresOn = in.expiresOn() != null ? in.expiresOn() : JapaneseCalendar.today().plusDays(DEFAULT_EXPIRY_DAYS);
        if (in.contactAccountId() != null) {
            p.contactAccountId = in.contactAccountId();
        }
        p.searchVector = searchVector(p);
        p.updatedAt = Instant.now();
    }

    /** Title (A), company (B), the rest of the text (C), cut by {@link JapaneseText}. */
    static String searchVector(Posting p) {
        String rest = String.join(" ", nonNull(p.companyIndustry, p.municipality, p.description, p.accommodations,
                p.carvingNote, p.conditions));
        return JapaneseText.tsvector(List.of(p.title, p.companyName, rest), List.of('A', 'B', 'C'));
    }

    private static List<String> nonNull(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toList();
    }


    public Uni<PostingDetail> create(Viewer viewer, PostingInput in) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        Params p = new Params();
        checks.validate(in, p);
        long owner = PostingChecks.sharingOrganization(viewer, in.organizationId(), p);
        PostingVisibility visibility = PostingTerms.parse(PostingVisibility.class, in.visibility()).orElse(
                in.circleIds() != null && !in.circleIds().isEmpty() ? PostingVisibility.CIRCLES : PostingVisibility.ORGANIZATION);
        List<Long> circles = in.circleIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.circleIds()));
        for (int i = 0; i < circles.size(); i++) {
            if (!viewer.circleIds().contains(circles.get(i))) {
                p.error("circleIds[" + i + "]", "not-member");
            } else if (!viewer.mayAddTo(circles.get(i))) {
                p.error("circleIds[" + i + "]", "circle-archived");
            }
        }
        p.check();
        if (!policy.permits(viewer, Action.EDIT, new Resource.Posting(owner, visibility, Set.of(), false))) {
            throw new ProblemException(403, "forbidden");
        }
        return createTx(viewer, in, owner, visibility, circles).chain(id -> details.detail(viewer, id));
    }

    @WithTransaction
    Uni<Long> createTx(Viewer viewer, PostingInput in, long owner, PostingVisibility visibility, List<Long> circles) {
        return checks.duplicateCheck(owner, in, null).chain(() -> checks.contactCheck(owner, in.contactAccountId()))
                .chain(() -> checks.areaCheck(in)).chain(() -> {
            Posting p = new Posting();
            p.ownerOrgId = owner;
            p.createdBy = viewer.accountId();
            // the person who shares it is the contact unless another colleague is named
            p.contactAccountId = viewer.accountId();
            p.visibility = visibility;
            p.status = Status.OPEN;
            p.createdAt = Instant.now();
            p.version = 0;
            apply(p, in);
            return p.<Posting>persist().chain(saved -> Rows.persistAll(circles.stream().map(c -> share(saved.id, c, owner,
                    viewer.accountId())).toList()).map(x -> saved.id));
        });
    }

    static PostingShare share(long postingId, long circleId, long byOrg, Long byAccount) {
        PostingShare s = new PostingShare();
        s.postingId = postingId;
        s.circleId = circleId;
        s.sharedByOrgId = byOrg;
        s.sharedByAccountId = byAccount;
        s.sharedAt = Instant.now();
        return s;
    }

    public Uni<PostingDetail> update(Viewer viewer, long id, PostingInput in) {
        Params p = new Params();
        checks.validate(in, p);
        if (in.version() == null) {
            p.error("version", "required");
        }
        p.check();
        return updateTx(viewer, id, in).chain(x -> details.detail(viewer, id));
    }

    @WithTransaction
    Uni<Long> updateTx(Viewer viewer, long id, PostingInput in) {
        return access.editable(viewer, id).chain(l -> {
            Posting p = l.posting();
            if (Versions.stale(p.version, in.version())) {
                return Versions.conflict(details.detailOf(viewer, l));
            }
            if (in.visibility() != null && PostingVisibility.NETWORK.name().equals(in.visibility()) && Boolean.TRUE.equals(in.doNotForward())) {
                throw ProblemException.field("visibility", "do-not-forward-network");
            }
            return checks.duplicateCheck(p.ownerOrgId, in, p.id).chain(() -> checks.contactCheck(p.ownerOrgId, in.contactAccountId()))
                    .chain(() -> checks.areaCheck(in)).map(x -> {
                apply(p, in);
                PostingTerms.parse(PostingVisibility.class, in.visibility()).ifPresent(v -> {
                    // a posting already in circles stays there unless its owner widens it to the network
                    if (v == PostingVisibility.NETWORK || l.shares().isEmpty()) {
                        p.visibility = v;
                    }
                });
                p.version++;
                return p.id;
            });
        });
    }

    /** Open → filled or closed (and back to open while not expired). */
    @WithTransaction
    public Uni<PostingDetail> changeStatus(Viewer viewer, long id, StatusInput in) {
        inputs.require(in);
        Status target = PostingTerms.parse(Status.class, in.status()).orElseThrow();
        return access.editable(viewer, id).chain(l -> {
            Posting posting = l.posting();
            if (Versions.stale(posting.version, in.version())) {
                return Versions.conflict(details.detailOf(viewer, l));
            }
            if (target == Status.OPEN && posting.expiresOn.isBefore(JapaneseCalendar.today())) {
                throw ProblemException.field("expiresOn", "past");
            }
            posting.status = target;
            posting.closedAt = target == Status.OPEN ? null : Instant.now();
            posting.closedReason = switch (target) {
                case OPEN -> null;
                case FILLED -> "FILLED";
                case CLOSED -> "WITHDRAWN";
            };
            posting.version++;
            posting.updatedAt = Instant.now();
            return details.detailOf(viewer, l);
        });
    }

    /**
     * Shares the posting into one more circle. Its origin (the owner) stays; a circle member may
     * pass it on only if it is not marked do-not-forward. Sharing a draft makes it non-public.
     */
    @WithTransaction
    public Uni<PostingDetail> share(Viewer viewer, long id, ShareInput in) {
        if (in == null || in.circleId() == null) {
            throw ProblemException.field("circleId", "required");
        }
        return access.load(id, true).chain(l -> {
            Resource.Posting r = l.resource();
            policy.require(viewer, Action.VIEW, r);
            if (!policy.permits(viewer, Action.SHARE, new Resource.PostingShare(r, in.circleId()))) {
                if (r.doNotForward() && !viewer.memberOf(r.ownerOrgId())) {
                    throw new ProblemException(403, "posting-do-not-forward");
                }
                throw ProblemException.field("circleId", "not-member");
            }
            if (l.shares().stream().anyMatch(s -> s.circleId.equals(in.circleId()))) {
                return details.detailOf(viewer, l);
            }
            Posting p = l.posting();
            if (p.visibility == PostingVisibility.ORGANIZATION) {
                p.visibility = PostingVisibility.CIRCLES;
            }
            p.version++;
            long byOrg = viewer.memberOf(p.ownerOrgId) ? p.ownerOrgId
                    : viewer.organizationIds().stream().sorted().findFirst().orElseThrow();
            PostingShare s = share(p.id, in.circleId(), byOrg, viewer.accountId());
            return s.persist().chain(x -> {
                List<PostingShare> all = new ArrayList<>(l.shares());
                all.add(s);
                return details.detailOf(viewer, new PostingAccess.Loaded(p, all));
            });
        });
    }

}
