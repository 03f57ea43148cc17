package jp.tsunagu.pairing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.Account;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.directory.CircleKind;
import jp.tsunagu.directory.CircleMember;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.directory.PersonRef;
import jp.tsunagu.directory.Prefecture;
import jp.tsunagu.notification.NotificationService;
import jp.tsunagu.pairing.PairingViews.Candidate;
import jp.tsunagu.pairing.PairingViews.Reason;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The secretariat's matching workspace: ranks candidate supporting centers for an application
 * with the reasons shown, and creates a pair (its circle, milestones and self-assessment items),
 * telling both centers in the app and by e-mail.
 */
@ApplicationScoped
public class MatchingService {

    /** The six FY2023 self-assessment items every new pair starts from (トータス, notes-001 §3.7); editable per pair. */
    static final List<String> DEFAULT_ASSESSMENT_ITEMS = List.of(
            "普段からの関係性の構築", "ニーズの把握", "目的の明確化", "役割分担", "行政機関を巻き込む", "企業との協働");

    public record PairInput(@NotNull Long applicationId, @NotNull Long supportingId, List<String> themes,
                            @Size(max = 2000) String rationale, Long officerId, Long advisorId) {
    }

    /** A center's record in past programs. */
    record Experience(int fiscalYear, String role, Set<String> themes) {
    }

    /** The size and resources of a center's catchment area. */
    record Region(long population, long offices) {
        double density() {
            return population == 0 ? 0 : offices * 100_000.0 / population;
        }
    }

    @Inject
    InputCheck inputs;

    @Inject
    AccessPolicy policy;

    @Inject
    NameLookup lookup;

    @Inject
    AuditLog audit;

    @Inject
    NotificationService notifications;

    @WithSession
    public Uni<List<Candidate>> candidates(Viewer viewer, long programId, long applicationId, int limit) {
        policy.require(viewer, Action.VIEW, new Resource.Matching());
        return Program.<Program>findById(programId).chain(program -> {
            if (program == null) {
                throw ProblemException.notFound();
            }
            return Application.<Application>findById(applicationId).chain(app -> {
                if (app == null || !app.programId.equals(programId)) {
                    throw ProblemException.field("application", "unknown");
                }
                return rank(viewer.locale(), program, app, limit);
            });
        });
    }

    Uni<List<Candidate>> rank(Locale locale, Program program, Application app, int limit) {
        return Organization.<Organization>list("orgType", OrgType.NAKAPOTSU).chain(centers ->
                Application.<Application>list("programId", program.id).chain(apps ->
                        Pairing.<Pairing>list("programId", program.id).chain(thisYear ->
                                experience(program.fiscalYear).chain(history ->
                                        regions().chain(regions -> Prefecture.<Prefecture>listAll().map(prefs -> {
            Map<Short, Prefecture> pref = prefs.stream().collect(Collectors.toMap(p -> p.code, p -> p));
            Set<Long> learners = new HashSet<>();
            apps.forEach(a -> learners.add(a.centerId));
            thisYear.forEach(p -> learners.add(p.implementingId));
            Map<Long, Long> load = thisYear.stream().collect(Collectors.groupingBy(p -> p.supportingId, Collectors.counting()));
            Organization applicant = centers.stream().filter(o -> o.id.equals(app.centerId)).findFirst().orElse(null);
            Set<String> wanted = new HashSet<>(Terms.themes(app.theme1, app.theme2));
            List<Candidate> out = new ArrayList<>();
            for (Organization c : centers) {
                if (learners.contains(c.id) || applicant == null) {
                    continue;
                }
                List<Reason> reasons = new ArrayList<>();
                if (c.id.equals(app.desiredPartnerId)) {
                    reasons.add(reason(locale, "desired", 40));
                }
                List<Experience> past = history.getOrDefault(c.id, List.of());
                Set<String> matched = new TreeSet<>();
                for (Experience e : past) {
                    for (String t : e.themes()) {
                        if (wanted.contains(t)) {
                            matched.add(t);
                        }
                    }
                }
                if (!matched.isEmpty()) {
                    String years = past.stream().map(e -> JapaneseCalendar.fiscalYearLabel(e.fiscalYear(), locale) + " "
                            + Messages.get(locale, "candidate.role." + e.role())).distinct().collect(Collectors.joining("、"));
                    String names = matched.stream().map(t -> Messages.get(locale, "theme." + t)).collect(Collectors.joining("・"));
                    reasons.add(reason(locale, "theme", 25 * matched.size(), names, years));
                } else if (!past.isEmpty()) {
                    reasons.add(reason(locale, "participated", 10, JapaneseCalendar.fiscalYearLabel(past.get(0).fiscalYear(), locale)));
                } else {
                    reasons.add(reason(locale, "new", 0));
                }
                Region a = regions.get(applicant.id);
                Region b = regions.get(c.id);
                if (a != null && b != null && a.population() > 0 && b.population() > 0) {
                    int popPoints = closeness(a.population(), b.population());
                    int densPoints = closeness(a.density(), b.density());
                    reasons.add(reason(locale, "region", popPoints + densPoints, man(a.population()), man(b.population()),
                            String.format(Locale.ROOT, "%.0f", a.density()), String.format(Locale.ROOT, "%.0f", b.density())));
                } else {
                    reasons.add(reason(locale, "region-unknown", 0));
                }
                Prefecture pa = pref.get(applicant.prefectureCode);
                Prefecture pb = pref.get(c.prefectureCode);
                String distance = Geography.distance(pa, pb);
                int km = Geography.km(pa, pb);
                switch (distance) {
                    case "SAME" -> reasons.add(reason(locale, "distance-same", 5));
                    case "NEAR" -> reasons.add(reason(locale, "distance-near", 10, km));
                    default -> reasons.add(reason(locale, "distance-far", 3, km));
                }
                long n = load.getOrDefault(c.id, 0L);
                reasons.add(n == 0 ? reason(locale, "load-none", 5) : reason(locale, "load", (int) (-20 * n), n));
                int score = reasons.stream().mapToInt(Reason::points).sum();
                out.add(new Candidate(new OrgRef(c.id, c.name, pb.name(locale)), score, reasons));
            }
            out.sort(Comparator.comparingInt(Candidate::score).reversed().thenComparing(x -> x.center().name()));
            return out.size() > limit ? out.subList(0, limit) : out;
        }))))));
    }

    /** 0–10 points: 10 when equal, 0 when one is four times the other or more. */
    static int closeness(double x, double y) {
        if (x <= 0 || y <= 0) {
            return 0;
        }
        double ratio = Math.max(x, y) / Math.min(x, y);
        return (int) Math.round(Math.max(0, 10 * (1 - Math.log(ratio) / Math.log(4))));
    }

    static String man(long population) {
        return String.format(Locale.ROOT, "%.1f", population / 10_000.0);
    }

    static Reason reason(Locale locale, String code, int points, Object... args) {
        return new Reason(code, points, Messages.get(locale, "candidate.reason." + code, args));
    }

    /** Every center's participation in programs before the given fiscal year. */
    Uni<Map<Long, List<Experience>>> experience(int beforeYear) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT mc.organization_id, p.fiscal_year, 'MODEL', mc.theme_1, mc.theme_2 FROM program_model_center mc"
                                + " JOIN program p ON p.id = mc.program_id WHERE p.fiscal_year < :y"
                                + " UNION ALL SELECT x.implementing_id, p.fiscal_year, 'IMPLEMENTING', x.theme_1, x.theme_2"
                                + " FROM pairing x JOIN program p ON p.id = x.program_id WHERE p.fiscal_year < :y"
                                + " UNION ALL SELECT x.supporting_id, p.fiscal_year, 'SUPPORTING', x.theme_1, x.theme_2"
                                + " FROM pairing x JOIN program p ON p.id = x.program_id WHERE p.fiscal_year < :y"
                                + " ORDER BY 2 DESC", Object[].class)
                .setParameter("y", (short) beforeYear).getResultList())
                .map(rows -> {
                    Map<Long, List<Experience>> out = new HashMap<>();
                    for (Object[] r : rows) {
                        Set<String> themes = new HashSet<>();
                        themes.add((String) r[3]);
                        if (r[4] != null) {
                            themes.add((String) r[4]);
                        }
                        out.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                                .add(new Experience(((Number) r[1]).intValue(), (String) r[2], themes));
                    }
                    return out;
                });
    }

    /** Population and number of employment-support offices of each center's catchment area(s). */
    Uni<Map<Long, Region>> regions() {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select oa.organizationId, sum(coalesce(a.population, 0)), sum(coalesce(a.countTransition, 0)"
                                + " + coalesce(a.countRetention, 0) + coalesce(a.countTypeA, 0) + coalesce(a.countTypeB, 0))"
                                + " from OrganizationArea oa, CatchmentArea a where a.id = oa.areaId and a.kind = 'CATCHMENT'"
                                + " group by oa.organizationId", Object[].class).getResultList())
                .map(rows -> {
                    Map<Long, Region> out = new HashMap<>();
                    for (Object[] r : rows) {
                        out.put((Long) r[0], new Region(((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
                    }
                    return out;
                });
    }

    /** Creates the pair and its workspace, then mails both centers. */
    public Uni<Long> createPair(Viewer viewer, long programId, PairInput in, String ip) {
        policy.requireEdit(viewer, new Resource.Matching());
        return store(viewer, programId, in, ip)
                .call(created -> notifications.send(created.outbox()))
                .map(Created::pairingId);
    }

    record Created(long pairingId, NotificationService.Outbox outbox) {
    }

    @WithTransaction
    Uni<Created> store(Viewer viewer, long programId, PairInput in, String ip) {
        Params p = inputs.of(in);
        // at most two distinct themes, named as one field (the pair's themes are chosen together)
        if (in.themes() != null) {
            if (in.themes().size() > 2 || new HashSet<>(in.themes()).size() != in.themes().size()) {
                p.error("themes", "themes-max-two");
            }
            in.themes().forEach(t -> {
                if (Terms.parse(Terms.Theme.class, t).isEmpty()) {
                    p.error("themes", "unknown-value");
                }
            });
        }
        p.check();
        return Program.<Program>findById(programId).chain(program -> {
            if (program == null) {
                throw ProblemException.notFound();
            }
            return Application.<Application>findById(in.applicationId()).chain(app -> {
                if (app == null || !app.programId.equals(programId)) {
                    throw ProblemException.field("applicationId", "unknown");
                }
                if (app.centerId.equals(in.supportingId())) {
                    throw ProblemException.field("supportingId", "pair-self");
                }
                return Organization.<Organization>findById(in.supportingId()).chain(supporting -> {
                    if (supporting == null || supporting.orgType != OrgType.NAKAPOTSU) {
                        throw ProblemException.field("supportingId", "unknown");
                    }
                    return Pairing.count("programId = ?1 and implementingId = ?2", programId, app.centerId).chain(n -> {
                        if (n > 0) {
                            throw new ProblemException(409, "already-paired");
                        }
                        return checkAccount(in.officerId(), "officerId", Role.NETWORK_ADMIN)
                                .chain(() -> checkAccount(in.advisorId(), "advisorId", Role.ADVISOR))
                                .chain(() -> Organization.<Organization>findById(app.centerId))
                                .chain(implementing -> create(viewer, program, app, implementing, supporting, in, ip));
                    });
                });
            });
        });
    }

    Uni<Void> checkAccount(Long id, String field, Role role) {
        if (id == null) {
            return Uni.createFrom().voidItem();
        }
        return Account.<Account>findById(id).map(a -> {
            if (a == null || !a.active || role != a.role) {
                throw ProblemException.field(field, "unknown");
            }
            return null;
        });
    }

    Uni<Created> create(Viewer viewer, Program program, Application app, Organization implementing,
                        Organization supporting, PairInput in, String ip) {
        String label = JapaneseCalendar.fiscalYearLabel(program.fiscalYear, Messages.JA);
        Circle circle = new Circle();
        circle.code = "pair-" + program.fiscalYear + "-" + implementing.id + "-" + supporting.id;
        circle.name = label + " ペア " + shortName(implementing) + " × " + shortName(supporting);
        circle.kind = CircleKind.PAIR;
        circle.description = Values.blankToNull(in.rationale());
        List<String> themes = in.themes() == null || in.themes().isEmpty()
                ? Terms.themes(app.theme1, app.theme2) : in.themes();
        return circle.<Circle>persistAndFlush().chain(c -> {
            Pairing pair = new Pairing();
            pair.programId = program.id;
            pair.applicationId = app.id;
            pair.implementingId = implementing.id;
            pair.supportingId = supporting.id;
            pair.theme1 = Values.code(Terms.Theme.class, themes.get(0));
            pair.theme2 = themes.size() > 1 ? Values.code(Terms.Theme.class, themes.get(1)) : null;
            pair.rationale = Values.blankToNull(in.rationale());
            pair.officerId = in.officerId();
            pair.advisorId = in.advisorId();
            pair.circleId = c.id;
            pair.status = Terms.PairingStatus.ACTIVE;
            pair.createdAt = Instant.now();
            return member(c.id, implementing.id, true).chain(() -> member(c.id, supporting.id, false))
                    .chain(() -> pair.<Pairing>persistAndFlush())
                    .call(saved -> ProgramMilestone.<ProgramMilestone>list("programId = ?1 order by position", program.id)
                            .chain(steps -> Rows.persistAll(workspaceRows(saved.id, steps))))
                    .call(saved -> audit.record(AuditType.PAIRING_CREATED, viewer.accountId(), viewer.email(),
                            "pairing:" + saved.id, ip, "program:" + program.id + " implementing:" + implementing.id
                                    + " supporting:" + supporting.id))
                    .chain(saved -> notifications.notifyOrganizations(List.of(implementing.id, supporting.id),
                                    "notify.pair-created", "mail.pair-created.body", "/pairings/" + saved.id,
                                    label, implementing.name, supporting.name)
                            .map(outbox -> new Created(saved.id, outbox)));
        });
    }

    /** Active accounts of a role (officers: network-admin; advisors), for the matching form. */
    @WithSession
    public Uni<List<PersonRef>> people(Viewer viewer, Role role) {
        policy.require(viewer, Action.VIEW, new Resource.Matching());
        return Account.<Account>list("role = ?1 and active = true order by displayName", role)
                .map(list -> list.stream().map(a -> new PersonRef(a.id, a.displayName)).toList());
    }

    /** Every ナカポツ center (for choosing a desired partner). */
    @WithSession
    public Uni<List<OrgRef>> centers(Viewer viewer) {
        policy.require(viewer, Action.VIEW, new Resource.Programs());
        return Organization.<Organization>list("orgType = ?1 order by prefectureCode, name", OrgType.NAKAPOTSU)
                .map(list -> list.stream().map(o -> new OrgRef(o.id, o.name, null)).toList());
    }

    /** A new pair's milestones (copied from the template) and its default self-assessment items. */
    static List<PanacheEntityBase> workspaceRows(long pairingId, List<ProgramMilestone> steps) {
        List<PanacheEntityBase> rows = new ArrayList<>();
        for (ProgramMilestone step : steps) {
            PairingMilestone m = new PairingMilestone();
            m.pairingId = pairingId;
            m.position = step.position;
            m.kind = step.kind;
            m.title = step.title;
            m.dueOn = step.dueOn;
            m.status = Terms.MilestoneStatus.PLANNED;
            m.updatedAt = Instant.now();
            rows.add(m);
        }
        for (int i = 0; i < DEFAULT_ASSESSMENT_ITEMS.size(); i++) {
            AssessmentItem item = new AssessmentItem();
            item.pairingId = pairingId;
            item.position = i + 1;
            item.label = DEFAULT_ASSESSMENT_ITEMS.get(i);
            rows.add(item);
        }
        return rows;
    }

    static Uni<Void> member(long circleId, long orgId, boolean owner) {
        CircleMember m = new CircleMember();
        m.circleId = circleId;
        m.organizationId = orgId;
        m.owner = owner;
        m.joinedOn = JapaneseCalendar.today();
        return m.persist().replaceWithVoid();
    }

    static String shortName(Organization o) {
        return o.shortName == null ? o.name : o.shortName;
    }
}
