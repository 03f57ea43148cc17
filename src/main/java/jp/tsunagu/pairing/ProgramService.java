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
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.pairing.PairingViews.ProgramView;
import jp.tsunagu.pairing.PairingViews.TemplateStep;
import jp.tsunagu.pairing.Terms.MilestoneKind;
import jp.tsunagu.platform.db.Rows;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.validation.InputCheck;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Values;
import jp.tsunagu.platform.web.Versions;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleFunction;

/** Program years and their milestone templates. The open call's applications are {@link ApplicationService}. */
@ApplicationScoped
public class ProgramService {

    @Inject
    InputCheck inputs;

    @Inject
    AccessPolicy policy;

    @Inject
    AuditLog audit;

    @WithSession
    public Uni<List<ProgramView>> list(Viewer viewer) {
        policy.require(viewer, Action.VIEW, new Resource.Programs());
        return Program.<Program>list("order by fiscalYear desc").chain(programs -> {
            Uni<List<ProgramView>> acc = Uni.createFrom().item(new ArrayList<>());
            for (Program p : programs) {
                acc = acc.chain(list -> view(p, viewer).map(v -> {
                    list.add(v);
                    return list;
                }));
            }
            return acc;
        });
    }

    @WithSession
    public Uni<ProgramView> get(Viewer viewer, long id) {
        policy.require(viewer, Action.VIEW, new Resource.Programs());
        return find(id).chain(p -> view(p, viewer));
    }

    Uni<Program> find(long id) {
        return Program.<Program>findById(id).map(p -> {
            if (p == null) {
                throw ProblemException.notFound();
            }
            return p;
        });
    }

    Uni<ProgramView> view(Program p, Viewer viewer) {
        return Pairing.count("programId", p.id).chain(pairs -> view(p, viewer, pairs));
    }

    /** The same, the program's pairs already counted. */
    Uni<ProgramView> view(Program p, Viewer viewer, long pairs) {
        return ProgramMilestone.<ProgramMilestone>list("programId = ?1 order by position", p.id).chain(steps ->
                countApplications(viewer, p.id).map(apps ->
                        new ProgramView(p.id, p.fiscalYear, JapaneseCalendar.fiscalYearLabel(p.fiscalYear, viewer.locale()),
                                p.name, p.callOpens, p.callCloses, p.selectionOn, p.implementationStart,
                                p.implementationEnd, p.surveyStart, p.surveyEnd, p.seminarOn, p.reportDue,
                                p.totalCenters, callOpen(p), p.version,
                                steps.stream().map(s -> new TemplateStep(s.position, s.kind.name(), s.title, s.dueOn)).toList(),
                                pairs, apps)));
    }

    Uni<Long> countApplications(Viewer viewer, long programId) {
        Optional<Set<Long>> centers = policy.listableApplicationCenters(viewer);
        if (centers.isEmpty()) {
            return Application.count("programId", programId);
        }
        if (centers.get().isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        return Application.count("programId = ?1 and centerId in ?2", programId, centers.get());
    }

    static boolean callOpen(Program p) {
        LocalDate today = JapaneseCalendar.today();
        return p.callOpens != null && p.callCloses != null && !today.isBefore(p.callOpens) && !today.isAfter(p.callCloses);
    }

    @WithTransaction
    public Uni<ProgramView> create(Viewer viewer, ProgramInput in, String ip) {
        policy.requireEdit(viewer, new Resource.Programs());
        validate(in);
        return Program.count("fiscalYear", in.fiscalYear()).chain(n -> {
            if (n > 0) {
                throw ProblemException.field("fiscalYear", "program-year-taken");
            }
            Program p = new Program();
            apply(p, in);
            return p.<Program>persistAndFlush()
                    .call(saved -> Rows.replace(List.of(), steps(saved.id, defaultTemplate(saved))))
                    .call(saved -> audit.record(AuditType.PROGRAM_CREATED, viewer.accountId(), viewer.email(),
                            "program:" + saved.id, ip, "fiscalYear=" + saved.fiscalYear))
                    .chain(saved -> view(saved, viewer));
        });
    }

    /** The field rules (Bean Validation), then the order of the dates and the fiscal year they lie in. */
    void validate(ProgramInput in) {
        Params p = inputs.of(in);
        order(p, "callCloses", in.callOpens(), in.callCloses());
        order(p, "implementationEnd", in.implementationStart(), in.implementationEnd());
        order(p, "surveyEnd", in.surveyStart(), in.surveyEnd());
        order(p, "implementationStart", in.callCloses(), in.implementationStart());
        if (in.fiscalYear() != null && in.implementationStart() != null
                && JapaneseCalendar.fiscalYear(in.implementationStart()) != in.fiscalYear()) {
            p.error("implementationStart", "outside-fiscal-year");
        }
        p.check();
    }

    private static void order(Params p, String field, LocalDate first, LocalDate then) {
        if (first != null && then != null && then.isBefore(first)) {
            p.error(field, "date-order");
        }
    }

    static void apply(Program p, ProgramInput in) {
        p.fiscalYear = in.fiscalYear();
        p.name = in.name().trim();
        p.callOpens = in.callOpens();
        p.callCloses = in.callCloses();
        p.selectionOn = in.selectionOn();
        p.implementationStart = in.implementationStart();
        p.implementationEnd = in.implementationEnd();
        p.surveyStart = in.surveyStart();
        p.surveyEnd = in.surveyEnd();
        p.seminarOn = in.seminarOn();
        p.reportDue = in.reportDue();
        p.totalCenters = in.totalCenters() == null ? 337 : in.totalCenters();
    }

    /**
     * The FY2023 sequence (notes-001 §3.1) laid over a program's implementation window:
     * meeting 1 → visit to the supporting center → survey → meeting 2 → return visit → meeting 3
     * → seminar report → written report.
     */
    static List<TemplateStep> defaultTemplate(Program p) {
        LocalDate s = p.implementationStart;
        long days = ChronoUnit.DAYS.between(s, p.implementationEnd);
        DoubleFunction<LocalDate> at = f -> s.plusDays(Math.round(days * f));
        LocalDate survey = p.surveyEnd != null ? p.surveyEnd : at.apply(0.55);
        LocalDate seminar = p.seminarOn != null ? p.seminarOn : p.implementationEnd.plusMonths(2);
        LocalDate report = p.reportDue != null ? p.reportDue : seminar.plusMonths(1);
        return List.of(
                new TemplateStep(1, MilestoneKind.ONLINE_MEETING.name(), "第1回オンラインミーティング", at.apply(0.1)),
                new TemplateStep(2, MilestoneKind.VISIT_TO_SUPPORTING.name(), "応援センター訪問", at.apply(0.4)),
                new TemplateStep(3, MilestoneKind.SURVEY.name(), "就労支援機関意識調査", survey),
                new TemplateStep(4, MilestoneKind.ONLINE_MEETING.name(), "第2回オンラインミーティング", at.apply(0.62)),
                new TemplateStep(5, MilestoneKind.VISIT_TO_IMPLEMENTING.name(), "実施センター訪問", at.apply(0.85)),
                new TemplateStep(6, MilestoneKind.ONLINE_MEETING.name(), "第3回オンラインミーティング", p.implementationEnd),
                new TemplateStep(7, MilestoneKind.SEMINAR_REPORT.name(), "事業報告セミナーでの報告", seminar),
                new TemplateStep(8, MilestoneKind.WRITTEN_REPORT.name(), "報告書の提出", report));
    }

    /** Replaces a program's milestone template (pairs created later receive the new one). */
    @WithTransaction
    public Uni<ProgramView> replaceTemplate(Viewer viewer, long programId, int version, List<TemplateStep> steps, String ip) {
        policy.requireEdit(viewer, new Resource.Programs());
        Params p = new Params();
        if (steps == null || steps.isEmpty() || steps.size() > 30) {
            p.error("steps", steps == null || steps.isEmpty() ? "required" : "range");
        } else {
            for (int i = 0; i < steps.size(); i++) {
                TemplateStep s = steps.get(i);
                if (s == null || Terms.parse(MilestoneKind.class, s.kind()).isEmpty()) {
                    p.error("steps[" + i + "].kind", "unknown-value");
                }
                if (s == null || s.title() == null || s.title().isBlank()) {
                    p.error("steps[" + i + "].title", "required");
                } else if (s.title().length() > 200) {
                    p.error("steps[" + i + "].title", "too-long");
                }
                if (s == null || s.dueOn() == null) {
                    p.error("steps[" + i + "].dueOn", "required");
                }
            }
        }
        p.check();
        return Program.<Program>findById(programId, LockModeType.PESSIMISTIC_WRITE).chain(program -> {
            if (program == null) {
                throw ProblemException.notFound();
            }
            if (Versions.stale(program.version, version)) {
                return Versions.conflict(view(program, viewer));
            }
            program.version++;
            return ProgramMilestone.<ProgramMilestone>list("programId", programId)
                    .chain(old -> Rows.replace(old, steps(programId, steps)))
                    .call(x -> audit.record(AuditType.PROGRAM_CHANGED, viewer.accountId(), viewer.email(),
                            "program:" + programId, ip, "template steps=" + steps.size()))
                    .chain(Panache::flush)
                    .chain(x -> view(program, viewer));
        });
    }

    /** Template rows numbered 1… in the given order. */
    static List<ProgramMilestone> steps(long programId, List<TemplateStep> steps) {
        List<ProgramMilestone> out = new ArrayList<>();
        for (TemplateStep s : steps) {
            ProgramMilestone m = new ProgramMilestone();
            m.programId = programId;
            m.position = out.size() + 1;
            m.kind = Values.code(Terms.MilestoneKind.class, s.kind());
            m.title = s.title().trim();
            m.dueOn = s.dueOn();
            out.add(m);
        }
        return out;
    }
}
