package jp.tsunagu.report;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.account.NameLookup;
import jp.tsunagu.directory.OrganizationArea;
import jp.tsunagu.directory.PersonRef;
import jp.tsunagu.meeting.Meeting;
import jp.tsunagu.meeting.MeetingAccess;
import jp.tsunagu.pairing.Application;
import jp.tsunagu.pairing.PairingService;
import jp.tsunagu.pairing.PairingViews.AssessmentView;
import jp.tsunagu.pairing.PairingViews.MilestoneView;
import jp.tsunagu.pairing.PairingViews.PairDetail;
import jp.tsunagu.pairing.PairingViews.VisitView;
import jp.tsunagu.pairing.Pairing;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.report.ReportViews.Activity;
import jp.tsunagu.report.ReportViews.CommentView;
import jp.tsunagu.report.ReportViews.Report;
import jp.tsunagu.report.ReportViews.Score;
import jp.tsunagu.report.ReportViews.SurveyQuestion;
import jp.tsunagu.report.ReportViews.SurveyRow;
import jp.tsunagu.report.ReportViews.SurveySection;
import jp.tsunagu.survey.SurveyResults;
import jp.tsunagu.survey.SurveyService;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A pair's report as one reads it, gathered in named steps: the pair (as the policy lets the
 * viewer see it), the stored text, the application's motive, the meetings of its circle, the
 * surveys that concern it and their results for its region, the remarks, the names.
 */
@ApplicationScoped
public class PairReportService {

    /** What the steps gather for one report. */
    static final class Gathered {
        final Viewer viewer;
        /** Survey results already tallied for this viewer, by survey (the program's report shows one survey for many pairs). */
        final Map<Long, SurveyResults.Results> tallied;
        Pairing pairing;
        Resource.PairReport resource;
        PairDetail detail;
        PairReport stored;
        String applicationMotive;
        List<Meeting> meetings = List.of();
        List<SurveyService.Choice> choices = List.of();
        SurveySection survey;
        List<PairReportComment> comments = List.of();
        Map<Long, PersonRef> people = Map.of();
        boolean canEdit;
        boolean canComment;
        boolean canApprove;

        Gathered(Viewer viewer, Map<Long, SurveyResults.Results> tallied) {
            this.viewer = viewer;
            this.tallied = tallied;
        }
    }

    @Inject
    AccessPolicy policy;

    @Inject
    PairingService pairings;

    @Inject
    MeetingAccess meetings;

    @Inject
    SurveyService surveys;

    @Inject
    SurveyResults results;

    @Inject
    NameLookup lookup;

    @WithSession
    public Uni<Report> report(Viewer viewer, long pairingId) {
        return report(viewer, pairingId, new java.util.HashMap<>());
    }

    /** The report, reusing survey results {@code tallied} for the same viewer before (and adding those it tallies). */
    @WithSession
    public Uni<Report> report(Viewer viewer, long pairingId, Map<Long, SurveyResults.Results> tallied) {
        return pair(new Gathered(viewer, tallied), pairingId)
                .chain(this::storedText)
                .chain(this::applicationMotive)
                .chain(this::circleMeetings)
                .chain(this::surveysConcerningThePair)
                .chain(this::surveyResultsForTheRegion)
                .chain(this::remarks)
                .chain(this::names)
                .map(PairReportService::view);
    }

    /** The remarks alone (the same check as the report, without gathering the rest). */
    @WithSession
    public Uni<List<CommentView>> comments(Viewer viewer, long pairingId) {
        return Pairing.<Pairing>findById(pairingId).chain(p -> {
            if (p == null) {
                throw ProblemException.notFound();
            }
            policy.require(viewer, Action.VIEW, new Resource.PairReport(PairingService.resource(p)));
            return PairReportComment.<PairReportComment>list("pairingId = ?1 order by createdAt, id", p.id)
                    .map(cs -> cs.stream().map(PairReportService::commentView).toList());
        });
    }

    static CommentView commentView(PairReportComment c) {
        return new CommentView(c.id, c.section.name(), c.body, c.authorName, c.authorRole.name(), c.createdAt);
    }

    /** The pair, if the viewer may read its report (404 otherwise), with its workspace's records. */
    Uni<Gathered> pair(Gathered g, long pairingId) {
        return Pairing.<Pairing>findById(pairingId).chain(p -> {
            if (p == null) {
                throw ProblemException.notFound();
            }
            g.pairing = p;
            g.resource = new Resource.PairReport(PairingService.resource(p));
            policy.require(g.viewer, Action.VIEW, g.resource);
            g.canEdit = policy.permits(g.viewer, Action.EDIT, g.resource);
            g.canComment = policy.permits(g.viewer, Action.COMMENT, g.resource);
            g.canApprove = policy.permits(g.viewer, Action.APPROVE, g.resource);
            return pairings.detail(g.viewer, pairingId).map(d -> {
                g.detail = d;
                return g;
            });
        });
    }

    Uni<Gathered> storedText(Gathered g) {
        return PairReport.<PairReport>findById(g.pairing.id).map(r -> {
            g.stored = r != null ? r : new PairReport();
            return g;
        });
    }

    /** Until the centers write their own, the motive is the one they gave when they entered. */
    Uni<Gathered> applicationMotive(Gathered g) {
        if (g.pairing.applicationId == null) {
            return Uni.createFrom().item(g);
        }
        return Application.<Application>findById(g.pairing.applicationId).map(a -> {
            g.applicationMotive = a == null ? null : a.motive;
            return g;
        });
    }

    Uni<Gathered> circleMeetings(Gathered g) {
        return meetings.heldInCircle(g.viewer, g.pairing.circleId).map(ms -> {
            g.meetings = ms;
            return g;
        });
    }

    Uni<Gathered> surveysConcerningThePair(Gathered g) {
        return surveys.concerning(g.viewer, g.pairing.programId, List.of(g.pairing.implementingId, g.pairing.supportingId),
                g.pairing.circleId).map(cs -> {
            g.choices = cs;
            return g;
        });
    }

    /**
     * The chosen survey (or the newest that concerns the pair) for the implementing center's areas
     * beside the whole, through the survey's own results (its small-group rules apply).
     */
    Uni<Gathered> surveyResultsForTheRegion(Gathered g) {
        Long wanted = g.stored.surveyId;
        SurveyService.Choice chosen = g.choices.stream().filter(c -> wanted == null || c.id() == wanted).findFirst().orElse(null);
        if (chosen == null) {
            g.survey = new SurveySection(wanted == null ? "NONE" : "HIDDEN", null, null, null, false, 0, 0, List.of());
            return Uni.createFrom().item(g);
        }
        SurveyResults.Results known = g.tallied.get(chosen.id());
        Uni<SurveyResults.Results> tally = known != null ? Uni.createFrom().item(known)
                : results.results(g.viewer, chosen.id(), "area", null).invoke(r -> g.tallied.put(chosen.id(), r));
        return OrganizationArea.<OrganizationArea>list("organizationId", g.pairing.implementingId).chain(areas ->
                tally.map(r -> {
                    Set<String> keys = new HashSet<>();
                    areas.forEach(a -> keys.add(String.valueOf(a.areaId)));
                    g.survey = section(chosen, r, keys);
                    return g;
                }));
    }

    static SurveySection section(SurveyService.Choice chosen, SurveyResults.Results r, Set<String> regionKeys) {
        if (r.suppressed()) {
            return new SurveySection("FEW", chosen.id(), chosen.title(), null, r.fictitious(), r.responses(), 0, List.of());
        }
        String region = null;
        int regionResponses = 0;
        List<SurveyQuestion> questions = new ArrayList<>();
        for (SurveyResults.QuestionResult q : r.questions()) {
            if (!List.of("SINGLE", "MULTI", "SCALE").contains(q.kind())) {
                continue;
            }
            // the small-group rule holds whoever reads (the report is printed and passed on)
            SurveyResults.Tally mine = q.groups().stream().filter(t -> regionKeys.contains(t.key()))
                    .filter(t -> !SurveyResults.tooFew(t.respondents(), r.responses())).findFirst().orElse(null);
            if (mine != null) {
                region = mine.label();
                regionResponses = Math.max(regionResponses, mine.respondents());
            }
            List<SurveyRow> rows = new ArrayList<>();
            for (int i = 0; i < q.all().counts().size(); i++) {
                SurveyResults.Count all = q.all().counts().get(i);
                SurveyResults.Count own = mine == null || i >= mine.counts().size() ? null : mine.counts().get(i);
                rows.add(new SurveyRow(all.label(), own == null ? "—" : figure(own), figure(all)));
            }
            questions.add(new SurveyQuestion(q.label(), mine == null ? 0 : mine.answered(), q.all().answered(), rows));
        }
        return new SurveySection(region == null ? "FEW" : "SHOWN", chosen.id(), chosen.title(), region, r.fictitious(),
                r.responses(), regionResponses, questions);
    }

    static String figure(SurveyResults.Count c) {
        return c.percent() == null ? String.valueOf(c.count()) : c.count() + " (" + c.percent() + "%)";
    }

    Uni<Gathered> remarks(Gathered g) {
        return PairReportComment.<PairReportComment>list("pairingId = ?1 order by createdAt, id", g.pairing.id).map(cs -> {
            g.comments = cs;
            return g;
        });
    }

    Uni<Gathered> names(Gathered g) {
        List<Long> ids = Arrays.asList(g.stored.submittedBy, g.stored.approvedBy);
        return lookup.people(ids.stream().filter(Objects::nonNull).toList()).map(people -> {
            g.people = people;
            return g;
        });
    }

    static Report view(Gathered g) {
        PairDetail d = g.detail;
        PairReport r = g.stored;
        Viewer v = g.viewer;
        boolean ownMotive = r.motive != null;
        return new Report(g.pairing.id, d.summary(), JapaneseCalendar.fiscalYearLabel(d.summary().fiscalYear(), v.locale()),
                r.status.name(), d.advisor(), ownMotive ? r.motive : g.applicationMotive, !ownMotive && g.applicationMotive != null,
                r.activities, activities(g), r.keyPoints, scores(d.assessment().items()), r.changes, r.surveyNotes, r.message,
                "HIDDEN".equals(g.survey.state()) ? null : r.surveyId, g.choices, g.survey,
                g.comments.stream().map(PairReportService::commentView).toList(),
                r.submittedAt, name(g, r.submittedBy), r.approvedAt, name(g, r.approvedBy), r.updatedAt, r.version,
                g.canEdit, g.canComment, g.canApprove);
    }

    private static String name(Gathered g, Long id) {
        PersonRef p = id == null ? null : g.people.get(id);
        return p == null ? null : p.name();
    }

    /** What the pair did, by date: visits, its circle's meetings, the milestones reached (those not already a visit). */
    static List<Activity> activities(Gathered g) {
        long id = g.pairing.id;
        var locale = g.viewer.locale();
        List<Activity> out = new ArrayList<>();
        for (VisitView visit : g.detail.visits()) {
            out.add(new Activity(visit.startOn(), visit.endOn().equals(visit.startOn()) ? null : visit.endOn(), "VISIT",
                    visit.title(), "/pairings/" + id + "#visit-" + visit.id(),
                    Messages.get(locale, "visit-direction." + visit.direction())));
        }
        for (Meeting m : g.meetings) {
            out.add(new Activity(m.startsAt.atZone(JapaneseCalendar.TOKYO).toLocalDate(), null, "MEETING", m.title,
                    "/meetings/" + m.id, Messages.get(locale, "meeting-kind." + m.kind.name())));
        }
        for (MilestoneView ms : g.detail.milestones()) {
            if (ms.doneOn() != null && ms.evidenceVisitId() == null) {
                out.add(new Activity(ms.doneOn(), null, "MILESTONE", ms.title(), "/pairings/" + id + "#milestones", ms.evidenceNote()));
            }
        }
        out.sort(Comparator.comparing(Activity::date));
        return out;
    }

    static List<Score> scores(List<AssessmentView> items) {
        return items.stream().map(i -> new Score(i.label(), i.before(), i.after(),
                i.before() == null || i.after() == null ? null
                        : (i.after() > i.before() ? "+" : "") + (i.after() - i.before()), i.comment())).toList();
    }
}
