package jp.tsunagu.report;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.pairing.Pairing;
import jp.tsunagu.pairing.Program;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.report.ReportViews.ProgramReport;
import jp.tsunagu.report.ReportViews.ProgramSurvey;
import jp.tsunagu.report.ReportViews.Report;
import jp.tsunagu.statistics.StatisticsService;
import jp.tsunagu.survey.SurveyService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The program's report, as the secretariat compiles it: every pair's report in the order the
 * pairs were made, the surveys they show, and the national figures of the program's fiscal year.
 */
@ApplicationScoped
public class ProgramReportService {

    @Inject
    AccessPolicy policy;

    @Inject
    PairReportService pairReports;

    @Inject
    StatisticsService statistics;

    @WithSession
    public Uni<ProgramReport> report(Viewer viewer, long programId) {
        policy.require(viewer, Action.VIEW, new Resource.ProgramReport());
        return program(programId)
                .chain(program -> pairsOf(program).chain(ids -> eachPairsReport(viewer, ids))
                        .chain(reports -> statistics.national(viewer, program.fiscalYear, null)
                                .map(national -> compile(viewer, program, reports, national))));
    }

    Uni<Program> program(long id) {
        return Program.<Program>findById(id).map(p -> {
            if (p == null) {
                throw ProblemException.notFound();
            }
            return p;
        });
    }

    Uni<List<Long>> pairsOf(Program program) {
        return Pairing.<Pairing>list("programId = ?1 order by id", program.id).map(ps -> ps.stream().map(p -> p.id).toList());
    }

    /** One after another (a reactive session runs one query at a time); a survey shown by many pairs is tallied once. */
    Uni<List<Report>> eachPairsReport(Viewer viewer, List<Long> ids) {
        Map<Long, jp.tsunagu.survey.SurveyResults.Results> tallied = new java.util.HashMap<>();
        Uni<List<Report>> all = Uni.createFrom().item(new ArrayList<>());
        for (Long id : ids) {
            all = all.chain(list -> pairReports.report(viewer, id, tallied).map(r -> {
                list.add(r);
                return list;
            }));
        }
        return all;
    }

    static ProgramReport compile(Viewer viewer, Program program, List<Report> reports, StatisticsService.National national) {
        Map<Long, ProgramSurvey> surveys = new LinkedHashMap<>();
        for (Report r : reports) {
            if (r.survey() == null || r.survey().surveyId() == null) {
                continue;
            }
            for (SurveyService.Choice c : r.surveyChoices()) {
                if (c.id() == r.survey().surveyId()) {
                    surveys.putIfAbsent(c.id(), new ProgramSurvey(c.title(), c.recipients(), c.answered(), c.rate(), c.fictitious()));
                }
            }
        }
        int approved = (int) reports.stream().filter(r -> "APPROVED".equals(r.status())).count();
        return new ProgramReport(program.id, program.name, program.fiscalYear,
                JapaneseCalendar.fiscalYearLabel(program.fiscalYear, viewer.locale()),
                JapaneseCalendar.date(JapaneseCalendar.today(), viewer.locale()), reports.size(), approved, reports, national,
                List.copyOf(surveys.values()));
    }
}
