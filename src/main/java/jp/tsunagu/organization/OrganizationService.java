package jp.tsunagu.organization;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.Administrators;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.directory.DirectoryService;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.organization.OrganizationInputs.ProfileInput;
import jp.tsunagu.organization.OrganizationInputs.RegisterInput;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.Choice;
import jp.tsunagu.platform.web.DatabaseFaults;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;
import org.hibernate.reactive.mutiny.Mutiny;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Organizations kept by the network itself: an organization's administrators correct its profile
 * (version-checked); the secretariat registers organizations anywhere, a center's lead offices
 * near their center, which stay unconfirmed (未確認) until the secretariat confirms them.
 */
@ApplicationScoped
public class OrganizationService {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Vacancies confirmed before this are a typing error. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    /** The edit form's data: the organization as stored. */
    @TemplateData
    public record EditPage(Organization organization) {
    }

    /** The registration form's data: the types this viewer may register and the prefectures they may choose. */
    @TemplateData
    public record NewPage(List<OrgType> types, List<Choice> prefectures) {
    }

    /** The import page's data: the prefectures and types the export can be narrowed to. */
    @TemplateData
    public record ImportPage(List<Choice> prefectures, List<OrgType> types, List<String> columns) {
    }

    /** An office a center's lead registered, waiting for the secretariat (未確認). */
    @TemplateData
    public record Unconfirmed(long id, String name, OrgType type, String prefecture, String registeredBy, LocalDate registeredOn) {
    }

    /** Two organizations that may be one: same type and prefecture, and a name alike or a contact the same. */
    @TemplateData
    public record DuplicateCandidate(OrgRef first, OrgRef second, String reason) {
    }

    /** One side of a possible duplicate, with what hangs on it (what a merge moves). */
    @TemplateData
    public record OrgRef(long id, String code, String name, OrgType type, String municipality, String address, String phone,
                         String email, boolean confirmed, long members, long circles, long meetings, long postings) {
    }

    /** The merge's confirmation page: the duplicate that goes and the organization that stays. */
    @TemplateData
    public record MergePage(OrgRef duplicate, OrgRef keep) {
    }

    /** The secretariat's upkeep page: offices to confirm, and organizations that may be duplicates. */
    @TemplateData
    public record UpkeepPage(List<Unconfirmed> unconfirmed, List<DuplicateCandidate> duplicates) {
    }

    /** Most duplicate candidates the page shows at once (the most alike first). */
    static final int MAX_CANDIDATES = 100;

    @Inject
    AccessPolicy policy;

    @Inject
    InputCheck inputs;

    @Inject
    AuditLog audit;

    @Inject
    Administrators administrators;

    @Inject
    DirectoryService directory;

    // ------------------------------------------------------------------ correcting a profile

    @WithSession
    public Uni<EditPage> editPage(Viewer viewer, long id) {
        return Organization.<Organization>findById(id).chain(org -> {
            if (org == null) {
                throw ProblemException.notFound();
            }
            return administrators.exist(org.id).map(has -> {
                policy.decide(viewer, Action.EDIT, new Resource.OrganizationProfile(org.id, has)).orThrow();
                return new EditPage(org);
            });
        });
    }

    /** Corrects the profile; a stale version answers 409, a refusal changes nothing. */
    @WithTransaction
    public Uni<Long> update(Viewer viewer, long id, ProfileInput in, String ip) {
        Params p = inputs.of(in);
        if (in != null) {
            checkVacancies(in, p);
        }
        return Organization.<Organization>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(org -> {
            if (org == null) {
                throw ProblemException.notFound();
            }
            return administrators.exist(org.id).chain(has -> {
                policy.decide(viewer, Action.EDIT, new Resource.OrganizationProfile(org.id, has)).orThrow();
                p.check();
                if (org.version != in.version()) {
                    throw new ProblemException(409, "conflict");
                }
                apply(org, in);
                return audit.record(AuditType.ORGANIZATION_EDITED, viewer.accountId(), viewer.email(), "organization:" + org.id,
                        ip, null).map(x -> org.id);
            });
        });
    }

    static void checkVacancies(ProfileInput in, Params p) {
        if (in.vacancies() != null && in.capacity() != null && in.vacancies() > in.capacity()) {
            p.error("vacancies", "more-than-capacity");
        }
        if (in.vacanciesConfirmedOn() != null && in.vacanciesConfirmedOn().isAfter(JapaneseCalendar.today())) {
            p.error("vacanciesConfirmedOn", "date-future");
        } else if (in.vacanciesConfirmedOn() != null && in.vacanciesConfirmedOn().isBefore(EARLIEST)) {
            p.error("vacanciesConfirmedOn", "range");
        }
    }

    static void apply(Organization org, ProfileInput in) {
        org.address = Values.blankToNull(in.address());
        org.phone = Values.blankToNull(in.phone());
        org.fax = Values.blankToNull(in.fax());
        org.email = in.email() == null || in.email().isBlank() ? null : in.email().trim();
        org.website = Values.blankToNull(in.website());
        org.operatingCorporation = Values.blankToNull(in.operatingCorporation());
        org.services = Values.blankToNull(in.services());
        boolean vacanciesChanged = !Objects.equals(org.vacancies, in.vacancies())
                || !Objects.equals(org.capacity, in.capacity());
        org.capacity = in.capacity();
        org.vacancies = in.vacancies();
        // the date the vacancies were confirmed: as given; today when the numbers change and the date sent is
        // none or still the stored one (the form sends the stored date back); none once vacancies are cleared
        boolean dateKept = in.vacanciesConfirmedOn() == null || in.vacanciesConfirmedOn().equals(org.vacanciesConfirmedOn);
        org.vacanciesConfirmedOn = in.vacancies() == null ? null
                : vacanciesChanged && dateKept ? JapaneseCalendar.today()
                : in.vacanciesConfirmedOn() != null ? in.vacanciesConfirmedOn() : org.vacanciesConfirmedOn;
        org.specialties = Values.blankToNull(in.specialties());
        org.openingHours = Values.blankToNull(in.openingHours());
        org.certificateTypes = Values.blankToNull(in.certificateTypes());
    }

    // ------------------------------------------------------------------ the directory as a file

    /** The import page: the secretariat's only (403 otherwise, as the import itself). */
    @WithSession
    public Uni<ImportPage> importPage(Viewer viewer) {
        policy.require(viewer, Action.EDIT, new Resource.DirectoryUpkeep());
        return directory.prefectureChoices(viewer.locale()).map(prefs -> new ImportPage(prefs, List.of(OrgType.values()),
                DirectoryCsv.COLUMNS));
    }

    // ------------------------------------------------------------------ upkeep: confirming and merging

    @WithSession
    public Uni<UpkeepPage> upkeepPage(Viewer viewer) {
        policy.require(viewer, Action.VIEW, new Resource.DirectoryUpkeep());
        return directory.prefectureNames(viewer.locale()).chain(prefs -> unconfirmed(prefs)
                .chain(unconfirmed -> duplicateCandidates().map(dups -> new UpkeepPage(unconfirmed, dups))));
    }

    Uni<List<Unconfirmed>> unconfirmed(Map<Short, String> prefs) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT o.id, o.name, o.org_type, o.prefecture_code, a.display_name,"
                        + " (o.created_at AT TIME ZONE 'Asia/Tokyo')::date FROM organization o LEFT JOIN account a ON a.id = o.registered_by"
                        + " WHERE NOT o.confirmed ORDER BY o.created_at, o.id", Object[].class).getResultList())
                .map(rows -> rows.stream().map(r -> new Unconfirmed(((Number) r[0]).longValue(), (String) r[1],
                        OrgType.valueOf((String) r[2]), r[3] == null ? null : prefs.get(((Number) r[3]).shortValue()), (String) r[4],
                        (LocalDate) r[5])).toList());
    }

    /**
     * Pairs of the same type in the same prefecture whose names, without the words all of a type
     * share, spaces and punctuation (V12's organization_name_key), are alike (trigram similarity
     * ≥ 0.6), or who give the same phone, e-mail or website.
     */
    Uni<List<DuplicateCandidate>> duplicateCandidates() {
        // each name's key computed once, then the pairs within a type and prefecture compared
        String sql = "WITH o AS (SELECT id, org_type, prefecture_code, phone, email, website, organization_name_key(name) AS k"
                + " FROM organization)"
                + " SELECT a.id, b.id, similarity(a.k, b.k) AS sim, a.phone IS NOT NULL AND a.phone = b.phone,"
                + " a.email IS NOT NULL AND a.email = b.email, a.website IS NOT NULL AND a.website = b.website"
                + " FROM o a JOIN o b ON a.id < b.id AND a.org_type = b.org_type AND a.prefecture_code IS NOT DISTINCT FROM b.prefecture_code"
                + " WHERE similarity(a.k, b.k) >= 0.6 OR (a.phone IS NOT NULL AND a.phone = b.phone)"
                + " OR (a.email IS NOT NULL AND a.email = b.email) OR (a.website IS NOT NULL AND a.website = b.website)"
                + " ORDER BY sim DESC, a.id, b.id LIMIT " + MAX_CANDIDATES;
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class).getResultList().chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(List.<DuplicateCandidate>of());
            }
            Set<Long> ids = new HashSet<>();
            rows.forEach(r -> {
                ids.add(((Number) r[0]).longValue());
                ids.add(((Number) r[1]).longValue());
            });
            return refs(s, ids).map(refs -> {
                        // a pair one of whose sides a merge removed meanwhile is no candidate any more
                        return rows.stream().filter(r -> refs.containsKey(((Number) r[0]).longValue())
                                        && refs.containsKey(((Number) r[1]).longValue()))
                                .map(r -> new DuplicateCandidate(refs.get(((Number) r[0]).longValue()),
                                refs.get(((Number) r[1]).longValue()), Boolean.TRUE.equals(r[3]) ? "phone"
                                : Boolean.TRUE.equals(r[4]) ? "email" : Boolean.TRUE.equals(r[5]) ? "website" : "name")).toList();
            });
        }));
    }

    static Uni<Map<Long, OrgRef>> refs(Mutiny.Session s, Set<Long> ids) {
        return s.createNativeQuery("SELECT o.id, o.code, o.name, o.org_type, o.municipality, o.address, o.phone, o.email, o.confirmed,"
                        + " (SELECT count(*) FROM membership m WHERE m.organization_id = o.id),"
                        + " (SELECT count(*) FROM circle_member c WHERE c.organization_id = o.id),"
                        + " (SELECT count(*) FROM meeting_organizer mo WHERE mo.organization_id = o.id),"
                        + " (SELECT count(*) FROM posting p WHERE p.owner_org_id = o.id)"
                        + " FROM organization o WHERE o.id = ANY(cast(:ids as bigint[]))", Object[].class)
                .setParameter("ids", ids.toArray(Long[]::new)).getResultList().map(orgs -> {
                    Map<Long, OrgRef> refs = new HashMap<>();
                    orgs.forEach(o -> refs.put(((Number) o[0]).longValue(), new OrgRef(((Number) o[0]).longValue(), (String) o[1],
                            (String) o[2], OrgType.valueOf((String) o[3]), (String) o[4], (String) o[5], (String) o[6], (String) o[7],
                            (Boolean) o[8], ((Number) o[9]).longValue(), ((Number) o[10]).longValue(), ((Number) o[11]).longValue(),
                            ((Number) o[12]).longValue())));
                    return refs;
                });
    }

    /** The merge's confirmation page; 404 for anyone but the secretariat, or when either is gone. */
    @WithSession
    public Uni<MergePage> mergePage(Viewer viewer, long id, Long into) {
        policy.require(viewer, Action.EDIT, new Resource.DirectoryUpkeep());
        if (into == null || into == id) {
            throw ProblemException.notFound();
        }
        return Panache.getSession().chain(s -> refs(s, Set.of(id, into))).map(refs -> {
            if (refs.get(id) == null || refs.get(into) == null) {
                throw ProblemException.notFound();
            }
            return new MergePage(refs.get(id), refs.get(into));
        });
    }

    /**
     * Merges the duplicate {@code id} into {@code in.intoId()}: its staff, circles, meetings,
     * postings, pairs and history come to the organization that stays, and the duplicate is deleted
     * (see V12's merge_organization). Both rows are locked first (lower id first); what cannot hold
     * for one organization answers 409 and nothing changes.
     */
    public Uni<Long> merge(Viewer viewer, long id, OrganizationInputs.MergeInput in, String ip) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        policy.require(viewer, Action.EDIT, new Resource.DirectoryUpkeep());
        inputs.require(in);
        long into = in.intoId();
        if (into == id) {
            throw ProblemException.field("intoId", "merge-same");
        }
        return Panache.withTransaction(() -> Organization.<Organization>findById(Math.min(id, into), LockModeType.PESSIMISTIC_WRITE)
                        .chain(first -> Organization.<Organization>findById(Math.max(id, into), LockModeType.PESSIMISTIC_WRITE)
                                .chain(second -> {
                                    Organization dup = first != null && first.id == id ? first : second != null && second.id == id ? second : null;
                                    Organization keep = first != null && first.id == into ? first : second != null && second.id == into ? second : null;
                                    if (dup == null) {
                                        throw ProblemException.notFound();
                                    }
                                    if (keep == null) {
                                        throw ProblemException.field("intoId", "not-found");
                                    }
                                    if (dup.orgType != keep.orgType) {
                                        throw ProblemException.field("intoId", "merge-type");
                                    }
                                    String detail = "merged organization:" + dup.id + " code=" + dup.code + " name=" + dup.name;
                                    boolean confirmed = keep.confirmed || dup.confirmed;
                                    return Panache.getSession().chain(s -> s.createNativeQuery("SELECT 1 FROM merge_organization(:dup, :keep, :actor)")
                                                    .setParameter("dup", dup.id).setParameter("keep", keep.id)
                                                    .setParameter("actor", viewer.accountId()).getSingleResult()
                                                    .invoke(x -> s.detach(dup)))
                                            .invoke(x -> keep.confirmed = confirmed)
                                            .chain(x -> audit.record(AuditType.ORGANIZATION_MERGED, viewer.accountId(), viewer.email(),
                                                    "organization:" + keep.id, ip, detail))
                                            .map(x -> keep.id);
                                })))
                .onFailure(e -> !(e instanceof ProblemException) && (DatabaseFaults.refusedValue(e) != null || DatabaseFaults.contention(e)))
                .transform(e -> new ProblemException(409, "merge-conflict"));
    }

    // ------------------------------------------------------------------ registering

    @WithSession
    public Uni<NewPage> newPage(Viewer viewer) {
        boolean secretariat = viewer.is(Role.NETWORK_ADMIN);
        return leadPrefectures(viewer).chain(prefs -> {
            List<OrgType> types = Arrays.stream(OrgType.values()).filter(t -> secretariat || (!prefs.isEmpty()
                    && policy.permits(viewer, Action.EDIT, new Resource.OrganizationRegistration(t, prefs.iterator().next(), prefs))))
                    .toList();
            if (!viewer.signedIn() || types.isEmpty()) {
                throw new ProblemException(403, "register-not-allowed");
            }
            return directory.prefectureChoices(viewer.locale()).map(all -> new NewPage(types, all.stream()
                    .filter(c -> secretariat || prefs.contains(Short.valueOf(c.value()))).toList()));
        });
    }

    /** The prefectures of the centers the viewer leads. */
    Uni<Set<Short>> leadPrefectures(Viewer viewer) {
        if (viewer.administeredOrganizationIds().isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select o.prefectureCode from Organization o where o.id in :ids and o.orgType = :center", Short.class)
                .setParameter("ids", viewer.administeredOrganizationIds()).setParameter("center", OrgType.NAKAPOTSU).getResultList())
                .map(HashSet::new);
    }

    /** Registers an organization: confirmed when the secretariat registers it, 未確認 otherwise. Returns its id. */
    @WithTransaction
    public Uni<Long> register(Viewer viewer, RegisterInput in, String ip) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        inputs.require(in);
        OrgType type = Values.code(OrgType.class, in.type());
        return leadPrefectures(viewer).chain(prefs -> {
            Resource.OrganizationRegistration r = new Resource.OrganizationRegistration(type, in.prefectureCode().shortValue(), prefs);
            if (!policy.permits(viewer, Action.EDIT, r)) {
                throw new ProblemException(403, "register-not-allowed");
            }
            Organization org = new Organization();
            org.code = "org-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
            org.name = in.name().trim();
            org.shortName = Values.blankToNull(in.shortName());
            org.orgType = type;
            org.prefectureCode = in.prefectureCode().shortValue();
            org.municipality = Values.blankToNull(in.municipality());
            org.address = Values.blankToNull(in.address());
            org.operatingCorporation = Values.blankToNull(in.operatingCorporation());
            org.phone = Values.blankToNull(in.phone());
            org.email = Values.blankToNull(in.email());
            org.website = Values.blankToNull(in.website());
            org.confirmed = policy.permits(viewer, Action.APPROVE, new Resource.OrganizationConfirmation());
            org.registeredBy = viewer.accountId();
            return org.<Organization>persist()
                    .call(saved -> audit.record(AuditType.ORGANIZATION_REGISTERED, viewer.accountId(), viewer.email(),
                            "organization:" + saved.id, ip, "type=" + type.name() + (saved.confirmed ? "" : " (unconfirmed)")))
                    .map(saved -> saved.id);
        });
    }

    /** The secretariat confirms an office a center lead registered. */
    @WithTransaction
    public Uni<Void> confirm(Viewer viewer, long id, String ip) {
        policy.require(viewer, Action.APPROVE, new Resource.OrganizationConfirmation());
        return Organization.<Organization>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(org -> {
            if (org == null) {
                throw ProblemException.notFound();
            }
            if (org.confirmed) {
                return Uni.createFrom().voidItem();
            }
            org.confirmed = true;
            return audit.record(AuditType.ORGANIZATION_CONFIRMED, viewer.accountId(), viewer.email(), "organization:" + org.id, ip, null)
                    .replaceWithVoid();
        });
    }
}
