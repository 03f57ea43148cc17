package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.PostingVisibility;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.directory.PersonRef;
import jp.tsunagu.directory.Prefecture;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;
import jp.tsunagu.posting.PostingAccess.Loaded;
import jp.tsunagu.posting.PostingTerms.Kind;
import jp.tsunagu.posting.PostingTerms.RequestStatus;
import jp.tsunagu.posting.PostingViews.PostingDetail;
import jp.tsunagu.posting.PostingViews.ShareView;
import jp.tsunagu.posting.PostingViews.ViewLogEntry;
import jp.tsunagu.posting.PostingViews.Warning;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One posting as its reader sees it, assembled in flat named steps: load it through the policy,
 * log the view, gather its facts (names, circles, contact, prefecture, warnings, places left), build
 * the view. The view log of a non-public posting, for its sharing organization only.
 */
@ApplicationScoped
public class PostingDetails {

    /** What the view shows beside the posting itself, loaded before it is built. */
    record Facts(Map<Long, OrgRef> orgNames, List<Circle> circles, Map<Long, PersonRef> contact, Prefecture prefecture,
                 List<Warning> warnings, Integer placesLeft) {
    }

    @Inject
    AccessPolicy policy;

    @Inject
    PostingAccess access;

    @Inject
    PostingChecks checks;

    @Inject
    NameLookup names;

    /** One posting; a view by someone outside the sharing organization of a non-public posting is logged. */
    @WithTransaction
    public Uni<PostingDetail> get(Viewer viewer, long id) {
        return access.visible(viewer, id)
                .call(l -> logView(viewer, l.posting(), PostingTerms.ViewKind.VIEW))
                .chain(l -> detailOf(viewer, l));
    }

    /** A posting for its edit form: 404 when hidden, 403 when seen but not the viewer's to edit. */
    @WithSession
    public Uni<PostingDetail> editableDetail(Viewer viewer, long id) {
        return access.editable(viewer, id).chain(l -> detailOf(viewer, l));
    }

    @WithSession
    Uni<PostingDetail> detail(Viewer viewer, long id) {
        return access.visible(viewer, id).chain(l -> detailOf(viewer, l));
    }

    Uni<Void> logView(Viewer viewer, Posting p, PostingTerms.ViewKind kind) {
        if (p.visibility == PostingVisibility.NETWORK || viewer.memberOf(p.ownerOrgId)) {
            return Uni.createFrom().voidItem();
        }
        return PostingViewEvent.of(viewer, p.id, kind).persist().replaceWithVoid();
    }

    Uni<PostingDetail> detailOf(Viewer viewer, Loaded l) {
        return facts(viewer, l).map(f -> view(viewer, l, f));
    }

    /** Everything the view names, one query each (the statements run one after another on the session). */
    Uni<Facts> facts(Viewer viewer, Loaded l) {
        Posting p = l.posting();
        return orgNames(viewer, l).chain(orgs -> circles(l).chain(circles -> contact(p).chain(contact ->
                Prefecture.<Prefecture>findById(p.prefectureCode.shortValue()).chain(pref -> checks.warnings(p).chain(ws ->
                        placesLeft(p).map(left -> new Facts(orgs, circles, contact, pref, ws, left)))))));
    }

    Uni<Map<Long, OrgRef>> orgNames(Viewer viewer, Loaded l) {
        Set<Long> orgs = new LinkedHashSet<>();
        orgs.add(l.posting().ownerOrgId);
        l.shares().forEach(s -> orgs.add(s.sharedByOrgId));
        return names.orgs(orgs, viewer.locale());
    }

    Uni<List<Circle>> circles(Loaded l) {
        Set<Long> ids = circleIds(l);
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : Circle.list("id in ?1", ids);
    }

    Uni<Map<Long, PersonRef>> contact(Posting p) {
        return p.contactAccountId == null ? Uni.createFrom().item(Map.of()) : names.people(List.of(p.contactAccountId));
    }

    static Set<Long> circleIds(Loaded l) {
        Set<Long> ids = new LinkedHashSet<>();
        l.shares().forEach(s -> ids.add(s.circleId));
        return ids;
    }

    /** The view: what the policy lets this viewer do with it, and only the share rows they may know of. */
    PostingDetail view(Viewer viewer, Loaded l, Facts f) {
        Posting p = l.posting();
        Set<Long> circleIds = circleIds(l);
        boolean canEdit = policy.permits(viewer, Action.EDIT, l.resource());
        // warnings are for the sharer, who can fix them
        List<Warning> shown = canEdit ? f.warnings() : List.of();
        boolean canForward = viewer.circleIds().stream().anyMatch(c -> !circleIds.contains(c)
                && policy.permits(viewer, Action.SHARE, new Resource.PostingShare(l.resource(), c)));
        // a share row names a circle and who forwarded it: the owner's staff see every row, others only
        // the rows of circles they may see themselves
        List<ShareView> shares = l.shares().stream()
                .filter(s -> canEdit || policy.permits(viewer, Action.VIEW, new Resource.Circle(s.circleId)))
                .map(s -> new ShareView(s.circleId, f.circles().stream().filter(c -> c.id.equals(s.circleId)).findFirst()
                        .map(c -> c.name).orElse(""), f.orgNames().get(s.sharedByOrgId), s.sharedAt))
                .toList();
        return new PostingDetail(p.id, p.kind.name(), p.title, p.companyName, p.companyIndustry, p.municipality,
                p.prefectureCode, f.prefecture() == null ? null : f.prefecture().name(viewer.locale()),
                p.areaId, p.jobCategory.name(), Values.name(p.employmentType), p.hoursPerDay, p.hoursPerWeek, p.daysPerWeek, p.splitShift,
                p.shortHours, p.weeklyPay, p.dailyPay, p.trialStep, p.carvingNote, Values.name(p.wageType), p.wageYen, p.startOn,
                p.openings, p.disabilityExperience == null ? List.of() : List.of(p.disabilityExperience),
                p.accommodations, p.belowQuota, p.howToApply, p.description, p.source.name(), p.helloWorkNumber,
                p.doNotForward, p.endsOn, p.places, f.placesLeft(), p.hiringIntent, p.conditions, p.visibility.name(),
                p.expiresOn, p.status.name(), f.orgNames().get(p.ownerOrgId),
                p.contactAccountId == null ? null : f.contact().get(p.contactAccountId), shares, shown, canEdit,
                canForward, p.createdAt, p.updatedAt, p.version);
    }

    /** Places still free on an internship slot (accepted requests use them up). */
    Uni<Integer> placesLeft(Posting p) {
        if (p.kind != Kind.INTERNSHIP || p.places == null) {
            return Uni.createFrom().item((Integer) null);
        }
        return InternshipRequest.<InternshipRequest>list("postingId = ?1 and status = ?2", p.id, RequestStatus.ACCEPTED)
                .map(rs -> Math.max(0, p.places - rs.stream().mapToInt(r -> r.people).sum()));
    }

    /** The view log of a non-public posting: for its sharing organization only. */
    @WithSession
    public Uni<List<ViewLogEntry>> views(Viewer viewer, long id) {
        return access.load(id, false).chain(l -> {
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
                                .map(e -> new ViewLogEntry(e.at, e.kind.name(), ps.get(e.accountId), os.get(e.organizationId))).toList()));
                    });
        });
    }
}
