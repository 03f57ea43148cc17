package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.directory.PersonRef;
import jp.tsunagu.directory.Prefecture;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.platform.search.JapaneseText;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;
import jp.tsunagu.posting.PostingTerms.Category;
import jp.tsunagu.posting.PostingTerms.Disability;
import jp.tsunagu.posting.PostingTerms.EmploymentType;
import jp.tsunagu.posting.PostingTerms.Kind;
import jp.tsunagu.posting.PostingTerms.Source;
import jp.tsunagu.posting.PostingTerms.Status;
import jp.tsunagu.access.PostingVisibility;
import jp.tsunagu.posting.PostingTerms.WageType;
import jp.tsunagu.posting.PostingViews.PostingDetail;
import jp.tsunagu.posting.PostingViews.ShareView;
import jp.tsunagu.posting.PostingViews.ViewLogEntry;
import jp.tsunagu.posting.PostingViews.Warning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Job postings and internship slots: validation (wages against the prefecture's minimum wage,
 * hours, expiry, Hello Work numbers), sharing into circles, status, the view log. Who sees what is
 * the access policy's {@code Resource.Posting}; lists and search use its scope ({@link PostingSearch}).
 */
@ApplicationScoped
public class PostingService {

    /** Postings expire after this many days unless the sharer says otherwise. */
    public static final int DEFAULT_EXPIRY_DAYS = 30;
    /** The longest a posting may stay open before it must be renewed. */
    public static final int MAX_EXPIRY_DAYS = 366;

    public record PostingInput(String kind, Long organizationId, String title, String companyName, String companyIndustry,
                               String municipality, Integer prefectureCode, Long areaId, String jobCategory,
                               String employmentType, BigDecimal hoursPerDay, BigDecimal hoursPerWeek, Integer daysPerWeek,
                               Boolean splitShift, Boolean shortHours, Boolean weeklyPay, Boolean dailyPay, Boolean trialStep,
                               String carvingNote, String wageType, Integer wageYen, LocalDate startOn, Integer openings,
                               List<String> disabilityExperience, String accommodations, Boolean belowQuota,
                               String howToApply, String description, String source, String helloWorkNumber,
                               Boolean doNotForward, LocalDate endsOn, Integer places, Boolean hiringIntent,
                               String conditions, String visibility, List<Long> circleIds, LocalDate expiresOn,
                               Long contactAccountId, Integer version) {
    }

    public record ShareInput(Long circleId) {
    }

    public record StatusInput(String status, Integer version) {
    }

    /** Facts the access policy needs about one posting, loaded together. */
    record Loaded(Posting posting, List<PostingShare> shares) {
        Resource.Posting resource() {
            Set<Long> circles = new LinkedHashSet<>();
            shares.forEach(s -> circles.add(s.circleId));
            return new Resource.Posting(posting.ownerOrgId, PostingVisibility.of(posting.visibility), circles, posting.doNotForward);
        }
    }

    @Inject
    AccessPolicy policy;

    @Inject
    NameLookup names;

    Uni<Loaded> load(long id, boolean lock) {
        Uni<Posting> found = lock
                ? Posting.<Posting>findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                : Posting.<Posting>findById(id);
        return found.chain(p -> {
            if (p == null) {
                throw ProblemException.notFound();
            }
            return PostingShare.<PostingShare>list("postingId = ?1 order by sharedAt", p.id).map(s -> new Loaded(p, s));
        });
    }

    /** Several postings with their shares in two queries (for lists that check each against the policy). */
    Uni<List<Loaded>> loadAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Posting.<Posting>list("id in ?1", ids).chain(ps -> PostingShare.<PostingShare>list(
                "postingId in ?1 order by sharedAt", ids).map(shares -> ps.stream().map(p -> new Loaded(p,
                shares.stream().filter(s -> s.postingId.equals(p.id)).toList())).toList()));
    }

    /** The posting if the viewer may see it (404 otherwise). */
    Uni<Loaded> visible(Viewer viewer, long id) {
        return load(id, false).map(l -> {
            policy.require(viewer, Action.VIEW, l.resource());
            return l;
        });
    }

    /** The posting, locked, if the viewer's organization shared it (401/403/404 otherwise). */
    Uni<Loaded> editable(Viewer viewer, long id) {
        return load(id, true).map(l -> {
            policy.requireEdit(viewer, l.resource());
            return l;
        });
    }

    // ------------------------------------------------------------------ validation

    /** Checks every field; the organization, circles and duplicates are checked against the database later. */
    static void validate(PostingInput in, Params p) {
        Kind kind = p.choice("kind", in.kind(), v -> PostingTerms.parse(Kind.class, v));
        p.required("title", in.title(), 200);
        p.required("companyName", in.companyName(), 200);
        p.text("companyIndustry", in.companyIndustry(), 100);
        p.text("municipality", in.municipality(), 100);
        if (in.prefectureCode() == null) {
            p.error("prefectureCode", "required");
        } else if (in.prefectureCode() < 1 || in.prefectureCode() > 47) {
            p.error("prefectureCode", "range");
        }
        p.choice("jobCategory", in.jobCategory(), v -> PostingTerms.parse(Category.class, v));
        if (in.jobCategory() == null || in.jobCategory().isBlank()) {
            p.error("jobCategory", "required");
        }
        p.choice("employmentType", in.employmentType(), v -> PostingTerms.parse(EmploymentType.class, v));
        range(p, "hoursPerDay", in.hoursPerDay(), "0.5", "12");
        range(p, "hoursPerWeek", in.hoursPerWeek(), "1", "40");
        if (in.hoursPerDay() != null && in.hoursPerWeek() != null && in.hoursPerWeek().compareTo(in.hoursPerDay()) < 0) {
            p.error("hoursPerWeek", "less-than-day");
        }
        if (in.daysPerWeek() != null && (in.daysPerWeek() < 1 || in.daysPerWeek() > 7)) {
            p.error("daysPerWeek", "range");
        }
        p.text("carvingNote", in.carvingNote(), 500);
        WageType wageType = p.choice("wageType", in.wageType(), v -> PostingTerms.parse(WageType.class, v));
        if ((in.wageType() == null || in.wageType().isBlank()) != (in.wageYen() == null)) {
            p.error(in.wageYen() == null ? "wageYen" : "wageType", "required");
        } else if (in.wageYen() != null && wageType != null) {
            int max = wageType == WageType.HOURLY ? 10_000 : 2_000_000;
            int min = wageType == WageType.HOURLY ? 1 : 1_000;
            if (in.wageYen() < min || in.wageYen() > max) {
                p.error("wageYen", "range");
            }
        }
        if (in.openings() != null && (in.openings() < 1 || in.openings() > 100)) {
            p.error("openings", "range");
        }
        if (in.disabilityExperience() != null) {
            if (in.disabilityExperience().size() > Disability.values().length) {
                p.error("disabilityExperience", "range");
            }
            for (String d : in.disabilityExperience()) {
                if (d == null || PostingTerms.parse(Disability.class, d).isEmpty()) {
                    p.error("disabilityExperience", "unknown-value");
                    break;
                }
            }
        }
        p.text("accommodations", in.accommodations(), 2000);
        p.text("howToApply", in.howToApply(), 1000);
        p.text("description", in.description(), 4000);
        Source source = p.choice("source", in.source(), v -> PostingTerms.parse(Source.class, v));
        if (in.source() == null || in.source().isBlank()) {
            p.error("source", "required");
        }
        String hw = in.helloWorkNumber() == null ? null : JapaneseText.normalize(in.helloWorkNumber()).trim();
        if (source == Source.HELLO_WORK) {
            if (hw == null || hw.isBlank()) {
                p.error("helloWorkNumber", "required");
            } else if (!hw.matches("[0-9]{5}-[0-9]{7,8}")) {
                p.error("helloWorkNumber", "format");
            }
        } else if (hw != null && !hw.isBlank()) {
            p.error("helloWorkNumber", "only-hello-work");
        }
        PostingVisibility visibility = p.choice("visibility", in.visibility(), v -> PostingTerms.parse(PostingVisibility.class, v));
        if (visibility == PostingVisibility.NETWORK && Boolean.TRUE.equals(in.doNotForward())) {
            p.error("visibility", "do-not-forward-network");
        }
        if (visibility == PostingVisibility.CIRCLES && (in.circleIds() == null || in.circleIds().isEmpty())) {
            p.error("circleIds", "required");
        }
        if (in.circleIds() != null && (in.circleIds().size() > 20 || in.circleIds().stream().anyMatch(java.util.Objects::isNull))) {
            p.error("circleIds", "range");
        }
        LocalDate today = JapaneseCalendar.today();
        if (in.expiresOn() != null && in.expiresOn().isBefore(today)) {
            p.error("expiresOn", "past");
        } else if (in.expiresOn() != null && in.expiresOn().isAfter(today.plusDays(MAX_EXPIRY_DAYS))) {
            p.error("expiresOn", "range");
        }
        if (in.startOn() != null && (in.startOn().isBefore(today.minusYears(1)) || in.startOn().isAfter(today.plusYears(2)))) {
            p.error("startOn", "range");
        }
        if (kind == Kind.INTERNSHIP) {
            if (in.places() == null) {
                p.error("places", "required");
            }
            if (in.startOn() == null) {
                p.error("startOn", "required");
            }
        }
        if (in.places() != null && (in.places() < 1 || in.places() > 100)) {
            p.error("places", "range");
        }
        if (in.endsOn() != null && in.startOn() != null && in.endsOn().isBefore(in.startOn())) {
            p.error("endsOn", "before-start");
        }
        p.text("conditions", in.conditions(), 2000);
    }

    static void range(Params p, String field, BigDecimal value, String min, String max) {
        if (value != null && (value.compareTo(new BigDecimal(min)) < 0 || value.compareTo(new BigDecimal(max)) > 0
                || value.scale() > 1 && value.stripTrailingZeros().scale() > 1)) {
            p.error(field, "range");
        }
    }

    /** Hourly equivalent of a wage: monthly wages over the stated weekly hours (52 weeks / 12 months). */
    static Integer hourly(String wageType, Integer wageYen, BigDecimal hoursPerWeek) {
        if (wageType == null || wageYen == null) {
            return null;
        }
        if (WageType.HOURLY.name().equals(wageType)) {
            return wageYen;
        }
        if (hoursPerWeek == null || hoursPerWeek.signum() <= 0) {
            return null;
        }
        BigDecimal monthlyHours = hoursPerWeek.multiply(BigDecimal.valueOf(52)).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
        return BigDecimal.valueOf(wageYen).divide(monthlyHours, 0, RoundingMode.DOWN).intValue();
    }

    /** The prefecture's minimum wage in force on the day, from the {@code minimum_wage} table. */
    Uni<MinimumWage> minimumWage(int prefectureCode, LocalDate on) {
        return MinimumWage.<MinimumWage>find("prefectureCode = ?1 and effectiveFrom <= ?2 order by effectiveFrom desc",
                prefectureCode, on).firstResult();
    }

    Uni<List<Warning>> warnings(Posting p) {
        Integer hourly = hourly(p.wageType, p.wageYen, p.hoursPerWeek);
        if (hourly == null || p.prefectureCode == null) {
            return Uni.createFrom().item(List.of());
        }
        return minimumWage(p.prefectureCode, p.startOn != null ? p.startOn : JapaneseCalendar.today()).map(mw ->
                mw != null && hourly < mw.hourlyYen
                        ? List.of(new Warning("wageYen", "below-minimum-wage", List.of(hourly, mw.hourlyYen, mw.fiscalYear, mw.source)))
                        : List.of());
    }

    // ------------------------------------------------------------------ writes

    static void apply(Posting p, PostingInput in) {
        p.kind = in.kind() == null ? Kind.JOB.name() : in.kind();
        p.title = in.title().trim();
        p.companyName = in.companyName().trim();
        p.companyIndustry = Values.blankToNull(in.companyIndustry());
        p.municipality = Values.blankToNull(in.municipality());
        p.prefectureCode = in.prefectureCode();
        p.areaId = in.areaId();
        p.jobCategory = in.jobCategory();
        p.employmentType = Values.blankToNull(in.employmentType());
        p.hoursPerDay = in.hoursPerDay();
        p.hoursPerWeek = in.hoursPerWeek();
        p.daysPerWeek = in.daysPerWeek();
        p.splitShift = Boolean.TRUE.equals(in.splitShift());
        p.shortHours = Boolean.TRUE.equals(in.shortHours());
        p.weeklyPay = Boolean.TRUE.equals(in.weeklyPay());
        p.dailyPay = Boolean.TRUE.equals(in.dailyPay());
        p.trialStep = Boolean.TRUE.equals(in.trialStep());
        p.carvingNote = Values.blankToNull(in.carvingNote());
        p.wageType = Values.blankToNull(in.wageType());
        p.wageYen = in.wageYen();
        p.startOn = in.startOn();
        p.openings = in.openings();
        p.disabilityExperience = in.disabilityExperience() == null ? new String[0]
                : new LinkedHashSet<>(in.disabilityExperience()).toArray(String[]::new);
        p.accommodations = Values.blankToNull(in.accommodations());
        p.belowQuota = Boolean.TRUE.equals(in.belowQuota());
        p.howToApply = Values.blankToNull(in.howToApply());
        p.description = Values.blankToNull(in.description());
        p.source = in.source();
        p.helloWorkNumber = Source.HELLO_WORK.name().equals(in.source()) ? JapaneseText.normalize(in.helloWorkNumber()).trim() : null;
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


    /** The organization the viewer shares for: the one named, or their only one. */
    static long sharingOrganization(Viewer viewer, Long requested, Params p) {
        if (requested != null) {
            if (!viewer.memberOf(requested)) {
                p.error("organizationId", "not-member");
            }
            return requested;
        }
        if (viewer.organizationIds().size() != 1) {
            p.error("organizationId", "required");
            return -1;
        }
        return viewer.organizationIds().iterator().next();
    }

    public Uni<PostingDetail> create(Viewer viewer, PostingInput in) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        Params p = new Params();
        validate(in, p);
        long owner = sharingOrganization(viewer, in.organizationId(), p);
        PostingVisibility visibility = PostingTerms.parse(PostingVisibility.class, in.visibility()).orElse(
                in.circleIds() != null && !in.circleIds().isEmpty() ? PostingVisibility.CIRCLES : PostingVisibility.ORGANIZATION);
        List<Long> circles = in.circleIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.circleIds()));
        for (int i = 0; i < circles.size(); i++) {
            if (!viewer.circleIds().contains(circles.get(i))) {
                p.error("circleIds[" + i + "]", "not-member");
            }
        }
        p.check();
        if (!policy.permits(viewer, Action.EDIT, new Resource.Posting(owner, visibility, Set.of(), false))) {
            throw new ProblemException(403, "forbidden");
        }
        return createTx(viewer, in, owner, visibility, circles).chain(id -> detail(viewer, id));
    }

    @WithTransaction
    Uni<Long> createTx(Viewer viewer, PostingInput in, long owner, PostingVisibility visibility, List<Long> circles) {
        return duplicateCheck(owner, in, null).chain(() -> contactCheck(owner, in.contactAccountId()))
                .chain(() -> areaCheck(in)).chain(() -> {
            Posting p = new Posting();
            p.ownerOrgId = owner;
            p.createdBy = viewer.accountId();
            // the person who shares it is the contact unless another colleague is named
            p.contactAccountId = viewer.accountId();
            p.visibility = visibility.name();
            p.status = Status.OPEN.name();
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

    /** One Hello Work number per organization (the same opening is not shared twice). */
    Uni<Void> duplicateCheck(long owner, PostingInput in, Long self) {
        if (!Source.HELLO_WORK.name().equals(in.source()) || in.helloWorkNumber() == null) {
            return Uni.createFrom().voidItem();
        }
        String number = JapaneseText.normalize(in.helloWorkNumber()).trim();
        return Posting.count("ownerOrgId = ?1 and helloWorkNumber = ?2 and id <> ?3", owner, number, self == null ? -1L : self)
                .map(n -> {
                    if (n > 0) {
                        throw ProblemException.field("helloWorkNumber", "hello-work-duplicate");
                    }
                    return null;
                });
    }

    /** A catchment area, if named, must exist and lie in the posting's prefecture. */
    Uni<Void> areaCheck(PostingInput in) {
        if (in.areaId() == null) {
            return Uni.createFrom().voidItem();
        }
        return jp.tsunagu.directory.CatchmentArea.<jp.tsunagu.directory.CatchmentArea>findById(in.areaId()).map(a -> {
            if (a == null || in.prefectureCode() == null || a.prefectureCode.intValue() != in.prefectureCode()) {
                throw ProblemException.field("areaId", "unknown");
            }
            return null;
        });
    }

    /** The contact person must be on the sharing organization's staff. */
    Uni<Void> contactCheck(long owner, Long contact) {
        if (contact == null) {
            return Uni.createFrom().voidItem();
        }
        return jp.tsunagu.account.Membership.count("accountId = ?1 and organizationId = ?2", contact, owner).map(n -> {
            if (n == 0) {
                throw ProblemException.field("contactAccountId", "not-member");
            }
            return null;
        });
    }

    public Uni<PostingDetail> update(Viewer viewer, long id, PostingInput in) {
        Params p = new Params();
        validate(in, p);
        if (in.version() == null) {
            p.error("version", "required");
        }
        p.check();
        return updateTx(viewer, id, in).chain(x -> detail(viewer, id));
    }

    @WithTransaction
    Uni<Long> updateTx(Viewer viewer, long id, PostingInput in) {
        return editable(viewer, id).chain(l -> {
            Posting p = l.posting();
            if (p.version.intValue() != in.version()) {
                return detailOf(viewer, l).map(current -> {
                    throw ProblemException.conflict(current);
                });
            }
            if (in.visibility() != null && PostingVisibility.NETWORK.name().equals(in.visibility()) && Boolean.TRUE.equals(in.doNotForward())) {
                throw ProblemException.field("visibility", "do-not-forward-network");
            }
            return duplicateCheck(p.ownerOrgId, in, p.id).chain(() -> contactCheck(p.ownerOrgId, in.contactAccountId()))
                    .chain(() -> areaCheck(in)).map(x -> {
                apply(p, in);
                PostingTerms.parse(PostingVisibility.class, in.visibility()).ifPresent(v -> {
                    // a posting already in circles stays there unless its owner widens it to the network
                    if (v == PostingVisibility.NETWORK || l.shares().isEmpty()) {
                        p.visibility = v.name();
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
        Params p = new Params();
        Status target = p.choice("status", in.status(), v -> PostingTerms.parse(Status.class, v));
        if (in.status() == null) {
            p.error("status", "required");
        }
        if (in.version() == null) {
            p.error("version", "required");
        }
        p.check();
        return editable(viewer, id).chain(l -> {
            Posting posting = l.posting();
            if (posting.version.intValue() != in.version()) {
                return detailOf(viewer, l).map(current -> {
                    throw ProblemException.conflict(current);
                });
            }
            if (target == Status.OPEN && posting.expiresOn.isBefore(JapaneseCalendar.today())) {
                throw ProblemException.field("expiresOn", "past");
            }
            posting.status = target.name();
            posting.closedAt = target == Status.OPEN ? null : Instant.now();
            posting.closedReason = switch (target) {
                case OPEN -> null;
                case FILLED -> "FILLED";
                case CLOSED -> "WITHDRAWN";
            };
            posting.version++;
            posting.updatedAt = Instant.now();
            return detailOf(viewer, l);
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
        return load(id, true).chain(l -> {
            Resource.Posting r = l.resource();
            policy.require(viewer, Action.VIEW, r);
            if (!policy.permits(viewer, Action.SHARE, new Resource.PostingShare(r, in.circleId()))) {
                if (r.doNotForward() && !viewer.memberOf(r.ownerOrgId())) {
                    throw new ProblemException(403, "posting-do-not-forward");
                }
                throw ProblemException.field("circleId", "not-member");
            }
            if (l.shares().stream().anyMatch(s -> s.circleId.equals(in.circleId()))) {
                return detailOf(viewer, l);
            }
            Posting p = l.posting();
            if (PostingVisibility.ORGANIZATION.name().equals(p.visibility)) {
                p.visibility = PostingVisibility.CIRCLES.name();
            }
            p.version++;
            long byOrg = viewer.memberOf(p.ownerOrgId) ? p.ownerOrgId
                    : viewer.organizationIds().stream().sorted().findFirst().orElseThrow();
            PostingShare s = share(p.id, in.circleId(), byOrg, viewer.accountId());
            return s.persist().chain(x -> {
                List<PostingShare> all = new ArrayList<>(l.shares());
                all.add(s);
                return detailOf(viewer, new Loaded(p, all));
            });
        });
    }

    // ------------------------------------------------------------------ reads

    /** One posting; a view by someone outside the sharing organization of a non-public posting is logged. */
    @WithTransaction
    public Uni<PostingDetail> get(Viewer viewer, long id) {
        return visible(viewer, id).call(l -> logView(viewer, l.posting(), "VIEW")).chain(l -> detailOf(viewer, l));
    }

    /** A posting for its edit form: 404 when hidden, 403 when seen but not the viewer's to edit. */
    @WithSession
    public Uni<PostingDetail> editableDetail(Viewer viewer, long id) {
        return editable(viewer, id).chain(l -> detailOf(viewer, l));
    }

    @WithSession
    Uni<PostingDetail> detail(Viewer viewer, long id) {
        return visible(viewer, id).chain(l -> detailOf(viewer, l));
    }

    Uni<Void> logView(Viewer viewer, Posting p, String kind) {
        if (PostingVisibility.NETWORK.name().equals(p.visibility) || viewer.memberOf(p.ownerOrgId)) {
            return Uni.createFrom().voidItem();
        }
        return PostingViewEvent.of(viewer, p.id, kind).persist().replaceWithVoid();
    }

    Uni<PostingDetail> detailOf(Viewer viewer, Loaded l) {
        Posting p = l.posting();
        Set<Long> orgs = new LinkedHashSet<>();
        orgs.add(p.ownerOrgId);
        l.shares().forEach(s -> orgs.add(s.sharedByOrgId));
        Set<Long> circleIds = new LinkedHashSet<>();
        l.shares().forEach(s -> circleIds.add(s.circleId));
        Uni<List<Circle>> circles = circleIds.isEmpty() ? Uni.createFrom().item(List.of()) : Circle.list("id in ?1", circleIds);
        Uni<Map<Long, PersonRef>> people = p.contactAccountId == null ? Uni.createFrom().item(Map.of())
                : names.people(List.of(p.contactAccountId));
        return names.orgs(orgs, viewer.locale()).chain(o -> circles.chain(cs -> people.chain(ps ->
                Prefecture.<Prefecture>findById(p.prefectureCode.shortValue()).chain(pref -> warnings(p).chain(ws -> placesLeft(p).map(left -> {
                    boolean canEdit = policy.permits(viewer, Action.EDIT, l.resource());
                    // warnings are for the sharer, who can fix them
                    List<Warning> shown = canEdit ? ws : List.of();
                    boolean canForward = viewer.circleIds().stream().anyMatch(c -> !circleIds.contains(c)
                            && policy.permits(viewer, Action.SHARE, new Resource.PostingShare(l.resource(), c)));
                    // a share row names a circle and who forwarded it: the owner's staff see every row, others only
                    // the rows of circles they may see themselves
                    List<ShareView> shares = l.shares().stream().filter(s -> canEdit
                            || policy.permits(viewer, Action.VIEW, new Resource.Circle(s.circleId))).map(s -> new ShareView(s.circleId, cs.stream()
                            .filter(c -> c.id.equals(s.circleId)).findFirst().map(c -> c.name).orElse(""),
                            o.get(s.sharedByOrgId), s.sharedAt)).toList();
                    return new PostingDetail(p.id, p.kind, p.title, p.companyName, p.companyIndustry, p.municipality,
                            p.prefectureCode, pref == null ? null : pref.name(viewer.locale()),
                            p.areaId, p.jobCategory, p.employmentType, p.hoursPerDay, p.hoursPerWeek, p.daysPerWeek, p.splitShift,
                            p.shortHours, p.weeklyPay, p.dailyPay, p.trialStep, p.carvingNote, p.wageType, p.wageYen, p.startOn,
                            p.openings, p.disabilityExperience == null ? List.of() : List.of(p.disabilityExperience),
                            p.accommodations, p.belowQuota, p.howToApply, p.description, p.source, p.helloWorkNumber,
                            p.doNotForward, p.endsOn, p.places, left, p.hiringIntent, p.conditions, p.visibility,
                            p.expiresOn, p.status, o.get(p.ownerOrgId), p.contactAccountId == null ? null : ps.get(p.contactAccountId), shares, shown, canEdit,
                            canForward, p.createdAt, p.updatedAt, p.version);
                }))))));
    }

    /** Places still free on an internship slot (accepted requests use them up). */
    Uni<Integer> placesLeft(Posting p) {
        if (!Kind.INTERNSHIP.name().equals(p.kind) || p.places == null) {
            return Uni.createFrom().item((Integer) null);
        }
        return InternshipRequest.<InternshipRequest>list("postingId = ?1 and status = 'ACCEPTED'", p.id)
                .map(rs -> Math.max(0, p.places - rs.stream().mapToInt(r -> r.people).sum()));
    }

    /** The view log of a non-public posting: for its sharing organization only. */
    @WithSession
    public Uni<List<ViewLogEntry>> views(Viewer viewer, long id) {
        return load(id, false).chain(l -> {
            if (!policy.permits(viewer, Action.EDIT, l.resource())) {
                policy.require(viewer, Action.VIEW, l.resource());
                throw ProblemException.notFound();
            }
            return PostingViewEvent.<PostingViewEvent>find("postingId = ?1 order by at desc", id).page(0, 500).list()
                    .chain(events -> {
                        Set<Long> accounts = new LinkedHashSet<>();
                        Set<Long> orgs = new LinkedHashSet<>();
                        events.forEach(e -> {
                            accounts.add(e.accountId);
                            orgs.add(e.organizationId);
                        });
                        return names.people(accounts).chain(ps -> names.orgs(orgs, viewer.locale()).map(os -> events.stream()
                                .map(e -> new ViewLogEntry(e.at, e.kind, ps.get(e.accountId), os.get(e.organizationId))).toList()));
                    });
        });
    }
}
