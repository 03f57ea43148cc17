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
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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
