package jp.tsunagu.pairing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
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
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.pairing.PairingViews.ApplicationView;
import jp.tsunagu.pairing.Terms.Theme;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;
import jp.tsunagu.platform.web.Versions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The open call's applications: a center lead applies for their ナカポツ center, changes it, and who may read which. */
@ApplicationScoped
public class ApplicationService {

    @Inject
    InputCheck inputs;

    @Inject
    AccessPolicy policy;

    @Inject
    NameLookup lookup;

    @Inject
    AuditLog audit;

    @Inject
    ProgramService programs;

    @WithSession
    public Uni<List<ApplicationView>> list(Viewer viewer, long programId) {
        policy.require(viewer, Action.VIEW, new Resource.Programs());
        return programs.find(programId).chain(p -> {
            Optional<Set<Long>> centers = policy.listableApplicationCenters(viewer);
            if (centers.isPresent() && centers.get().isEmpty()) {
                return Uni.createFrom().item(List.<Application>of());
            }
            return centers.isEmpty()
                    ? Application.<Application>list("programId = ?1 order by submittedAt, id", programId)
                    : Application.<Application>list("programId = ?1 and centerId in ?2 order by submittedAt, id",
                    programId, centers.get());
        }).chain(apps -> views(apps, viewer));
    }

    @WithSession
    public Uni<ApplicationView> get(Viewer viewer, long programId, long applicationId) {
        return Application.<Application>findById(applicationId).chain(a -> {
            if (a == null || a.programId != programId) {
                throw ProblemException.notFound();
            }
            policy.require(viewer, Action.VIEW, new Resource.Application(a.centerId));
            return views(List.of(a), viewer).map(l -> l.get(0));
        });
    }

    Uni<List<ApplicationView>> views(List<Application> apps, Viewer viewer) {
        Set<Long> orgIds = new HashSet<>();
        apps.forEach(a -> {
            orgIds.add(a.centerId);
            orgIds.add(a.desiredPartnerId);
        });
        List<Long> appIds = apps.stream().map(a -> a.id).toList();
        Uni<List<Pairing>> pairs = appIds.isEmpty() ? Uni.createFrom().item(List.of())
                : Pairing.list("applicationId in ?1", appIds);
        return lookup.orgs(orgIds, viewer.locale()).chain(orgs -> pairs.map(ps -> apps.stream().map(a ->
                new ApplicationView(a.id, a.programId, orgs.get(a.centerId), Terms.themes(a.theme1, a.theme2),
                        a.motive, a.desiredPartnerId == null ? null : orgs.get(a.desiredPartnerId), a.desiredPractice,
                        a.regionSituation, a.submittedAt, a.updatedAt, a.version,
                        ps.stream().filter(x -> a.id.equals(x.applicationId)).map(x -> x.id).findFirst().orElse(null)))
                .toList()));
    }

    /** The centers a viewer may apply for (center leads: their own ナカポツ). */
    @WithSession
    public Uni<List<OrgRef>> applyingCenters(Viewer viewer) {
        if (!viewer.is(Role.CENTER_LEAD) || viewer.organizationIds().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Organization.<Organization>list("id in ?1 and orgType = ?2 order by name", viewer.organizationIds(),
                OrgType.NAKAPOTSU).map(list -> list.stream()
                .map(o -> new OrgRef(o.id, o.name, null)).toList());
    }

    /** Submits a new application, or (with {@code version}) changes the center's existing one. */
    @WithTransaction
    public Uni<ApplicationView> submit(Viewer viewer, long programId, ApplicationInput in, Integer version, String ip) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        return programs.find(programId).chain(program -> resolveCenter(viewer, in.centerId()).chain(centerId -> {
            policy.requireEdit(viewer, new Resource.Application(centerId));
            return Organization.<Organization>findById(centerId).map(center -> {
                if (center == null || center.orgType != OrgType.NAKAPOTSU) {
                    throw ProblemException.field("centerId", "unknown"); // only ナカポツ centers take part
                }
                return centerId;
            });
        }).chain(centerId -> {
            if (!ProgramService.callOpen(program)) {
                throw new ProblemException(400, "call-closed", JapaneseCalendar.date(program.callOpens, viewer.locale()),
                        JapaneseCalendar.date(program.callCloses, viewer.locale()));
            }
            List<String> themes = validate(in, centerId);
            Uni<Void> partnerCheck = in.desiredPartnerId() == null ? Uni.createFrom().voidItem()
                    : Organization.<Organization>findById(in.desiredPartnerId()).map(o -> {
                if (o == null || o.orgType != OrgType.NAKAPOTSU) {
                    throw ProblemException.field("desiredPartnerId", "unknown");
                }
                return null;
            });
            return partnerCheck.chain(() -> Application.<Application>find("programId = ?1 and centerId = ?2", programId, centerId)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).<Application>firstResult()).chain(existing -> {
                Application a;
                if (existing == null) {
                    if (version != null) {
                        throw ProblemException.notFound();
                    }
                    a = new Application();
                    a.programId = programId;
                    a.centerId = centerId;
                    a.submittedAt = Instant.now();
                    a.submittedBy = viewer.accountId();
                } else {
                    if (version == null) {
                        throw new ProblemException(409, "application-exists");
                    }
                    if (Versions.stale(existing.version, version)) {
                        return Versions.conflict(views(List.of(existing), viewer).map(l -> l.get(0)));
                    }
                    a = existing;
                    a.version++;
                }
                a.theme1 = Values.code(Terms.Theme.class, themes.get(0));
                a.theme2 = themes.size() > 1 ? Values.code(Terms.Theme.class, themes.get(1)) : null;
                a.motive = in.motive().trim();
                a.desiredPartnerId = in.desiredPartnerId();
                a.desiredPractice = Values.blankToNull(in.desiredPractice());
                a.regionSituation = Values.blankToNull(in.regionSituation());
                a.updatedAt = Instant.now();
                return a.<Application>persist()
                        .call(saved -> audit.record(existing == null ? AuditType.APPLICATION_SUBMITTED
                                        : AuditType.APPLICATION_CHANGED, viewer.accountId(), viewer.email(),
                                "application:" + saved.id, ip, "program:" + programId + " center:" + centerId))
                        .call(Panache::flush)
                        .chain(saved -> views(List.of(saved), viewer).map(l -> l.get(0)));
            });
        }));
    }

    Uni<Long> resolveCenter(Viewer viewer, Long requested) {
        if (requested != null) {
            return Uni.createFrom().item(requested);
        }
        return applyingCenters(viewer).map(list -> {
            if (list.isEmpty()) {
                throw new ProblemException(403, "apply-not-allowed");
            }
            if (list.size() != 1) {
                throw ProblemException.field("centerId", "required");
            }
            return list.get(0).id();
        });
    }

    /** The field rules (Bean Validation), then the themes (one or two, named as one field) and the partner. */
    List<String> validate(ApplicationInput in, long centerId) {
        Params p = inputs.of(in);
        List<String> themes = new ArrayList<>();
        if (in.themes() == null || in.themes().isEmpty()) {
            p.error("themes", "required");
        } else if (in.themes().size() > 2) {
            p.error("themes", "themes-max-two");
        } else {
            for (String t : in.themes()) {
                if (Terms.parse(Theme.class, t).isEmpty()) {
                    p.error("themes", "unknown-value");
                } else if (themes.contains(t)) {
                    p.error("themes", "themes-max-two");
                } else {
                    themes.add(t);
                }
            }
        }
        if (in.desiredPartnerId() != null && in.desiredPartnerId() == centerId) {
            p.error("desiredPartnerId", "pair-self");
        }
        p.check();
        return themes;
    }
}
