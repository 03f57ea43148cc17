package jp.tsunagu.directory;

import jp.tsunagu.access.OrgType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.DirectoryViews.AreaView;
import jp.tsunagu.directory.DirectoryViews.CircleRef;
import jp.tsunagu.directory.DirectoryViews.OrgFilter;
import jp.tsunagu.directory.DirectoryViews.OrgPage;
import jp.tsunagu.directory.DirectoryViews.OrgProfile;
import jp.tsunagu.directory.DirectoryViews.OrgSummary;
import jp.tsunagu.directory.DirectoryViews.PersonView;
import jp.tsunagu.directory.DirectoryViews.PrefectureView;
import jp.tsunagu.platform.web.Choice;
import jp.tsunagu.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The network directory: organizations, their areas, people and circles, filtered by the access policy. */
@ApplicationScoped
public class DirectoryService {

    @Inject
    Prefectures prefectures;

    @Inject
    AccessPolicy policy;

    @WithSession
    public Uni<OrgPage> search(Viewer viewer, OrgFilter filter) {
        policy.require(viewer, Action.VIEW, new Resource.Directory());
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        Optional<Set<OrgType>> types = policy.listableOrganizationTypes(viewer);
        if (types.isPresent()) {
            where.append(" and o.orgType in :allowedTypes");
            params.put("allowedTypes", List.copyOf(types.get()));
        }
        if (filter.type() != null) {
            where.append(" and o.orgType = :type");
            params.put("type", filter.type());
        }
        if (filter.prefecture() != null) {
            where.append(" and o.prefectureCode = :pref");
            params.put("pref", filter.prefecture().shortValue());
        }
        if (filter.area() != null) {
            where.append(" and exists (select 1 from OrganizationArea oa where oa.organizationId = o.id and oa.areaId = :area)");
            params.put("area", filter.area());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            // the four fields of the organization itself in one stored, indexed column (V21)
            where.append(" and (o.searchText like :q escape '\\'"
                    + " or exists (select 1 from OrganizationArea oa2, CatchmentArea a2 where oa2.organizationId = o.id"
                    + " and a2.id = oa2.areaId and lower(a2.name) like :q escape '\\')"
                    + " or exists (select 1 from OrganizationArea oa3, CatchmentMunicipality m3 where oa3.organizationId = o.id"
                    + " and m3.areaId = oa3.areaId and m3.name like :q escape '\\'))");
            // control characters never match (search_text separates its fields with one)
            params.put("q", "%" + likeEscape(filter.q().replaceAll("\\p{Cntrl}", "").trim().toLowerCase(Locale.ROOT)) + "%");
        }
        // Centers first, then by the short (usually kana) name people know them by.
        String order = " order by o.prefectureCode, case when o.orgType = 'NAKAPOTSU' then 0 else 1 end,"
                + " coalesce(o.shortName, o.name), o.id";
        return Organization.<Organization>find("from Organization o" + where + order, params)
                .page(filter.page() - 1, filter.size()).list()
                .chain(orgs -> Organization.count("from Organization o" + where, params)
                        .chain(total -> summaries(orgs, viewer.locale())
                                .map(items -> new OrgPage(items, total, filter.page(), filter.size()))));
    }

    @WithSession
    public Uni<OrgProfile> profile(Viewer viewer, long id) {
        return Organization.<Organization>findById(id).chain(org -> {
            if (org == null) {
                throw ProblemException.notFound();
            }
            policy.require(viewer, Action.VIEW, new Resource.Organization(org.id, org.orgType));
            boolean showPeople = policy.permits(viewer, Action.VIEW, new Resource.OrganizationPeople(org.id));
            return hasAdministrators(org.id).chain(administered -> prefectureNames(viewer.locale()).chain(prefs -> areasOf(List.of(org.id)).chain(areas ->
                    (showPeople ? people(org.id) : Uni.createFrom().item(List.<PersonView>of())).chain(people ->
                            circlesOf(viewer, org.id).map(circles -> new OrgProfile(org.id, org.code, org.name,
                                    org.shortName, org.orgType, org.prefectureCode, prefs.get(org.prefectureCode),
                                    org.municipality, org.address, org.operatingCorporation, org.openedOn, org.website,
                                    org.identityStatement, org.staffTotal, org.staffComposition, areas,
                                    showPeople ? people : null, circles,
                                    policy.permits(viewer, Action.VIEW, new Resource.OrganizationStaff(org.id, true)),
                                    policy.permits(viewer, Action.REQUEST, new Resource.JoinRequest(org.id,
                                            viewer.role() != null && viewer.role().staffOf(org.orgType), viewer.memberOf(org.id))),
                                    org.phone, org.fax, org.email, org.services, org.specialties, org.openingHours,
                                    org.certificateTypes, org.capacity, org.vacancies, org.vacanciesConfirmedOn, org.confirmed,
                                    policy.permits(viewer, Action.EDIT, new Resource.OrganizationProfile(org.id, administered)),
                                    org.version))))));
        });
    }

    /**
     * Whether anyone active administers the organization (as account.Administrators counts them;
     * the directory sits below the account layer, so it asks the tables itself).
     */
    Uni<Boolean> hasAdministrators(long organizationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT EXISTS (SELECT 1 FROM membership m JOIN account a"
                        + " ON a.id = m.account_id WHERE m.organization_id = :org AND m.is_admin AND a.active)", Boolean.class)
                .setParameter("org", organizationId).getSingleResult());
    }

    /** Prefectures with the number of organizations the viewer may list in each. */
    @WithSession
    public Uni<List<PrefectureView>> prefectures(Viewer viewer) {
        policy.require(viewer, Action.VIEW, new Resource.Directory());
        Optional<Set<OrgType>> types = policy.listableOrganizationTypes(viewer);
        // one pass over the organizations, grouped (a count per prefecture in a subquery read the
        // whole table 47 times: 16 ms at national scale, on every organizer's meeting page)
        String hql = "select p.code, p.nameJa, p.nameEn, p.regionJa, p.regionEn, count(o)"
                + " from Prefecture p left join Organization o on o.prefectureCode = p.code"
                + (types.isPresent() ? " and o.orgType in :types" : "")
                + " group by p.code, p.nameJa, p.nameEn, p.regionJa, p.regionEn order by p.code";
        return Panache.getSession().chain(s -> {
            var query = s.createSelectionQuery(hql, Object[].class);
            types.ifPresent(t -> query.setParameter("types", List.copyOf(t)));
            return query.getResultList();
        }).map(rows -> rows.stream().map(r -> {
            boolean en = "en".equals(viewer.locale().getLanguage());
            return new PrefectureView(((Short) r[0]).intValue(), (String) (en ? r[2] : r[1]), (String) (en ? r[4] : r[3]), (Long) r[5]);
        }).toList());
    }

    /** Areas of a prefecture (for the area filter). */
    @WithSession
    public Uni<List<AreaView>> areas(Viewer viewer, Short prefecture) {
        policy.require(viewer, Action.VIEW, new Resource.Directory());
        return CatchmentArea.<CatchmentArea>list("prefectureCode = ?1 order by kind desc, code", prefecture)
                .chain(areas -> municipalities(areas.stream().map(a -> a.id).toList())
                        .map(munis -> areas.stream().map(a -> areaView(a, munis.getOrDefault(a.id, List.of()))).toList()));
    }

    Uni<List<OrgSummary>> summaries(List<Organization> orgs, Locale locale) {
        if (orgs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> ids = orgs.stream().map(o -> o.id).toList();
        return prefectureNames(locale).chain(prefs -> Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select oa.organizationId, a.name from OrganizationArea oa, CatchmentArea a"
                                + " where a.id = oa.areaId and oa.organizationId in :ids order by a.code", Object[].class)
                .setParameter("ids", ids).getResultList()).map(rows -> {
            Map<Long, List<String>> areas = new HashMap<>();
            for (Object[] r : rows) {
                areas.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]);
            }
            return orgs.stream().map(o -> new OrgSummary(o.id, o.code, o.name, o.shortName, o.orgType, o.prefectureCode,
                    prefs.get(o.prefectureCode), o.municipality, areas.getOrDefault(o.id, List.of()), o.confirmed)).toList();
        }));
    }

    /** The prefectures as choices for a select, in code order (北海道 … 沖縄県). */
    public Uni<List<Choice>> prefectureChoices(Locale locale) {
        return prefectures.all().map(ps -> ps.stream()
                .map(p -> new Choice(String.valueOf(p.code()), p.name(locale))).toList());
    }

    /** Every prefecture's name in the locale, by code (for labels and selects). */
    public Uni<Map<Short, String>> prefectureNames(Locale locale) {
        return prefectures.names(locale);
    }

    Uni<List<AreaView>> areasOf(List<Long> orgIds) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select a from CatchmentArea a, OrganizationArea oa where oa.areaId = a.id"
                                + " and oa.organizationId in :ids order by a.code", CatchmentArea.class)
                .setParameter("ids", orgIds).getResultList())
                .chain(areas -> municipalities(areas.stream().map(a -> a.id).toList())
                        .map(munis -> areas.stream().map(a -> areaView(a, munis.getOrDefault(a.id, List.of()))).toList()));
    }

    Uni<Map<Long, List<String>>> municipalities(List<Long> areaIds) {
        if (areaIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return CatchmentMunicipality.<CatchmentMunicipality>list("areaId in ?1 order by areaId, position", areaIds)
                .map(ms -> {
                    Map<Long, List<String>> out = new LinkedHashMap<>();
                    ms.forEach(m -> out.computeIfAbsent(m.areaId, k -> new ArrayList<>()).add(m.name));
                    return out;
                });
    }

    static AreaView areaView(CatchmentArea a, List<String> municipalities) {
        return new AreaView(a.id, a.code, a.name, a.kind.name(), a.prefectureCode, a.population, a.countTransition,
                a.countRetention, a.countTypeA, a.countTypeB, a.countHelloWork, a.countsAsOf, a.note, municipalities);
    }

    Uni<List<PersonView>> people(long orgId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select a.id, a.displayName, a.displayKana, m.title, a.role, a.email from Account a, Membership m"
                                + " where m.accountId = a.id and m.organizationId = :org and a.active = true"
                                + " order by a.displayKana, a.id", Object[].class)
                .setParameter("org", orgId).getResultList())
                .map(rows -> rows.stream().map(r -> new PersonView((Long) r[0], (String) r[1], (String) r[2],
                        (String) r[3], ((Role) r[4]).wire(), (String) r[5])).toList());
    }

    /** The circles an organization belongs to — only those the viewer may see. */
    Uni<List<CircleRef>> circlesOf(Viewer viewer, long orgId) {
        if (!viewer.signedIn()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select c.id, c.code, c.name, c.kind, m.owner from Circle c, CircleMember m"
                                + " where m.circleId = c.id and m.organizationId = :org order by c.name", Object[].class)
                .setParameter("org", orgId).getResultList())
                .map(rows -> rows.stream()
                        .filter(r -> policy.permits(viewer, Action.VIEW, new Resource.Circle((Long) r[0])))
                        .map(r -> new CircleRef((Long) r[0], (String) r[1], (String) r[2], ((CircleKind) r[3]).name(), (Boolean) r[4]))
                        .toList());
    }

    public static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
