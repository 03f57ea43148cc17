package jp.tsunagu.survey;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.directory.CatchmentArea;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.directory.Prefecture;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.questionnaire.Answers;
import jp.tsunagu.questionnaire.BuiltIn;
import jp.tsunagu.questionnaire.Definition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The survey pages' data, each page in one call of flat, named steps. */
@ApplicationScoped
public class SurveyPageService {

    @TemplateData
    public record Choice(String value, String label) {
    }

    @TemplateData
    public record ListPage(List<SurveyService.Row> rows, boolean mayCreate, List<Choice> builtIns) {
    }

    @TemplateData
    public record SurveyPage(SurveyService.Detail survey, SurveyService.Responses responses, List<Choice> orgTypes,
                             List<Choice> prefectures, List<Choice> areas, List<Choice> circles, int unsent) {
    }

    @TemplateData
    public record ResultsPage(SurveyService.Detail survey, SurveyResults.Results results, List<Choice> orgTypes) {
    }

    @TemplateData
    public record SheetPage(SurveyService.Detail survey, long organizationId, String organization, SurveySheet.Sheet sheet) {
    }

    @TemplateData
    public record QuestionRow(String code, String section, String kind, String label, boolean required, String condition,
                              boolean first, boolean last) {
    }

    @TemplateData
    public record QuestionsPage(SurveyService.Detail survey, List<QuestionRow> questions, List<Choice> sections,
                                List<Choice> choiceQuestions, List<Choice> choiceOptions, List<Choice> kinds) {
    }

    @Inject
    SurveyService surveys;

    @Inject
    SurveyResults results;

    @Inject
    SurveyWrites writes;

    @Inject
    AccessPolicy policy;

    static boolean en(Viewer v) {
        return "en".equals(v.locale().getLanguage());
    }

    @WithSession
    public Uni<ListPage> listPage(Viewer viewer) {
        return surveys.list(viewer).chain(rows -> mayCreate(viewer).map(may -> new ListPage(rows, may,
                Arrays.stream(BuiltIn.values()).map(b -> new Choice(b.code(), en(viewer) ? b.definition().title().english()
                        : b.definition().title().ja())).toList())));
    }

    /** Whether the viewer may start a survey for their (first) organization. */
    Uni<Boolean> mayCreate(Viewer viewer) {
        Long org = viewer.organizationIds().stream().findFirst().orElse(null);
        if (org == null) {
            return Uni.createFrom().item(false);
        }
        return Organization.<Organization>findById(org).chain(o -> writes.implementsAPair(o).map(impl ->
                o != null && policy.permits(viewer, Action.EDIT, new Resource.SurveyCreation(o.id, o.orgType, impl))));
    }

    @WithSession
    public Uni<SurveyPage> page(Viewer viewer, long id) {
        Locale locale = viewer.locale();
        return surveys.detail(viewer, id)
                .chain(d -> (d.maySeeResponses() ? surveys.responses(viewer, id) : Uni.createFrom().<SurveyService.Responses>nullItem())
                        .chain(r -> prefectures(d, locale).chain(prefs -> areas(d).chain(areas -> circles(viewer).map(circles ->
                                new SurveyPage(d, r, orgTypes(locale), prefs, areas, circles,
                                        r == null ? 0 : (int) r.list().stream().filter(x -> x.sentAt() == null && x.email() != null).count()))))));
    }

    static List<Choice> orgTypes(Locale locale) {
        return Arrays.stream(OrgType.values()).filter(t -> t != OrgType.NATIONAL_NETWORK)
                .map(t -> new Choice(t.name(), Messages.get(locale, "org-type." + t.name()))).toList();
    }

    /** The prefectures one may ask: all for the secretariat, the owner's own for a center. */
    private Uni<List<Choice>> prefectures(SurveyService.Detail d, Locale locale) {
        return Organization.<Organization>findById(d.ownerOrganizationId()).chain(owner -> Prefecture.<Prefecture>list("order by code")
                .map(ps -> ps.stream().filter(p -> owner.orgType == OrgType.NATIONAL_NETWORK || p.code.equals(owner.prefectureCode))
                        .map(p -> new Choice(Short.toString(p.code), p.name(locale))).toList()));
    }

    /** The catchment areas one may ask: of the owner's prefecture for a center, the centers' areas for the secretariat. */
    private Uni<List<Choice>> areas(SurveyService.Detail d) {
        return Organization.<Organization>findById(d.ownerOrganizationId()).chain(owner -> {
            Uni<List<CatchmentArea>> list = owner.orgType == OrgType.NATIONAL_NETWORK
                    ? CatchmentArea.list("kind = ?1 order by prefectureCode, name", jp.tsunagu.directory.AreaKind.CATCHMENT)
                    : CatchmentArea.list("prefectureCode = ?1 order by name", owner.prefectureCode);
            return list.map(as -> as.stream().map(a -> new Choice(Long.toString(a.id), a.name)).toList());
        });
    }

    private Uni<List<Choice>> circles(Viewer viewer) {
        List<Long> ids = viewer.circleIds().stream().filter(viewer::mayAddTo).toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Circle.<Circle>list("id in ?1 order by name", ids).map(cs -> cs.stream()
                .map(c -> new Choice(Long.toString(c.id), c.name)).toList());
    }

    @WithSession
    public Uni<ResultsPage> resultsPage(Viewer viewer, long id, String compare, String orgType) {
        return surveys.detail(viewer, id).chain(d -> results.results(viewer, id, compare, orgType)
                .map(r -> new ResultsPage(d, r, orgTypes(viewer.locale()))));
    }

    /** A paper answer keyed in for one recipient: the form, with what was typed or stored. */
    @WithSession
    public Uni<SheetPage> paperPage(Viewer viewer, long id, long organizationId, Answers typed) {
        return surveys.detail(viewer, id).chain(d -> {
            if (!d.mayEdit()) {
                throw ProblemException.notFound();
            }
            return SurveyRecipient.<SurveyRecipient>find("surveyId = ?1 and organizationId = ?2", id, organizationId).firstResult()
                    .chain(r -> {
                        if (r == null) {
                            throw ProblemException.notFound();
                        }
                        return Organization.<Organization>findById(organizationId).chain(o -> stored(d, r, typed)
                                .map(a -> new SheetPage(d, organizationId, o.name, SurveySheet.of(d.definition(), a, viewer.locale()))));
                    });
        });
    }

    private Uni<Answers> stored(SurveyService.Detail d, SurveyRecipient r, Answers typed) {
        if (typed != null || r.responseId == null) {
            return Uni.createFrom().item(typed);
        }
        return writes.questionnaire(d.id()).chain(writes.questionnaires::structure)
                .chain(st -> writes.questionnaires.given(st, r.responseId));
    }

    /** The blank form to print and post (no answers in it). */
    @WithSession
    public Uni<SheetPage> printPage(Viewer viewer, long id) {
        return surveys.detail(viewer, id).map(d -> {
            if (!d.mayEdit()) {
                throw ProblemException.notFound();
            }
            return new SheetPage(d, 0, null, SurveySheet.of(d.definition(), null, viewer.locale()));
        });
    }

    @WithSession
    public Uni<QuestionsPage> questionsPage(Viewer viewer, long id) {
        boolean en = en(viewer);
        return surveys.detail(viewer, id).map(d -> {
            if (!d.mayEdit() || !"DRAFT".equals(d.status())) {
                throw ProblemException.notFound();
            }
            Definition def = d.definition();
            List<QuestionRow> rows = new ArrayList<>();
            List<Choice> sections = new ArrayList<>();
            List<Choice> choiceQuestions = new ArrayList<>();
            List<Choice> choiceOptions = new ArrayList<>();
            List<Definition.QuestionDef> all = def.questions();
            int s = 0;
            for (Definition.SectionDef section : def.sections()) {
                s++;
                String title = SurveySheet.pick(section.title(), en);
                sections.add(new Choice(Integer.toString(s), title));
                for (Definition.QuestionDef q : section.questions()) {
                    int i = all.indexOf(q);
                    String cond = q.shownIf() == null ? null : q.shownIf().question() + " = " + String.join(", ", q.shownIf().options());
                    rows.add(new QuestionRow(q.code(), title, q.kind().name(), SurveySheet.pick(q.label(), en), q.required(), cond,
                            i == 0, i == all.size() - 1));
                    if (q.kind().choice()) {
                        choiceQuestions.add(new Choice(q.code(), q.code() + " " + SurveySheet.pick(q.label(), en)));
                        q.options().forEach(o -> choiceOptions.add(new Choice(q.code() + ":" + o.code(), q.code() + ": " + SurveySheet.pick(o.label(), en))));
                    }
                }
            }
            List<Choice> kinds = Arrays.stream(jp.tsunagu.questionnaire.QuestionKind.values())
                    .map(k -> new Choice(k.name(), Messages.get(viewer.locale(), "survey.kind." + k.name()))).toList();
            return new QuestionsPage(d, rows, sections, choiceQuestions, choiceOptions, kinds);
        });
    }
}
