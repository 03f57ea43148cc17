package jp.tsunagu.survey;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.questionnaire.Answers;
import jp.tsunagu.questionnaire.Definition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Surveys as pages: the list and starting one, a survey (recipients, sending, reminders, sharing,
 * dates, the rate), its questions while it is a draft, the results beside each region, a paper
 * answer keyed in, the form to print. One route per use case; each post redirects, or renders its
 * form again with what was typed and the errors.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SurveyPages {

    @CheckedTemplate(basePath = "survey")
    static class Templates {
        static native TemplateInstance list(SurveyPageService.ListPage page, Map<String, String> form, List<FieldMessage> errors);

        static native TemplateInstance survey(SurveyPageService.SurveyPage page, Map<String, String> form,
                                              List<FieldMessage> errors, String saved);

        static native TemplateInstance results(SurveyPageService.ResultsPage page);

        static native TemplateInstance paper(SurveyPageService.SheetPage page, List<FieldMessage> errors);

        static native TemplateInstance print(SurveyPageService.SheetPage page);

        static native TemplateInstance questions(SurveyPageService.QuestionsPage page, Map<String, String> form,
                                                 List<FieldMessage> errors, String saved);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    SurveyPageService pageService;

    @Inject
    SurveyService surveys;

    @Inject
    SurveyWrites writes;

    @Inject
    SurveyMails mails;

    static Map<String, String> flat(MultivaluedMap<String, String> form) {
        Map<String, String> out = new java.util.HashMap<>();
        form.forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
        return out;
    }

    // ---- the list and a new survey ------------------------------------------------------------

    @GET
    @Path("surveys")
    public Uni<Response> list() {
        return viewers.signedIn().chain(v -> renderList(v, Map.of(), List.of(), 200));
    }

    Uni<Response> renderList(Viewer v, Map<String, String> form, List<FieldMessage> errors, int status) {
        return pageService.listPage(v).chain(p -> pages.render(Templates.list(p, form, errors), v, "surveys", status));
    }

    @POST
    @Path("surveys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(MultivaluedMap<String, String> raw) {
        Map<String, String> form = flat(raw);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> {
            Params p = new Params();
            LocalDate deadline = p.date("deadline", form.get("deadline"));
            LocalDate remindOn = p.date("remindOn", form.get("remindOn"));
            String titleJa = p.text("titleJa", form.get("titleJa"), 300);
            String titleEn = p.text("titleEn", form.get("titleEn"), 300);
            String from = form.get("from") == null || form.get("from").isBlank() ? null : form.get("from");
            p.check();
            return writes.create(v, new SurveyInputs.CreateInput(null, from, null,
                    titleJa == null ? null : new Definition.Label(titleJa, titleEn), null, deadline, remindOn, null));
        }, id -> "/surveys/" + id, (errors, status) -> renderList(v, form, errors, status)));
    }

    // ---- a survey ------------------------------------------------------------------------------

    @GET
    @Path("surveys/{id}")
    public Uni<Response> survey(@PathParam("id") String rawId, @QueryParam("saved") String saved) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> renderSurvey(v, id, Map.of(), List.of(), Forms.savedKey(saved), 200));
    }

    Uni<Response> renderSurvey(Viewer v, long id, Map<String, String> form, List<FieldMessage> errors, String saved, int status) {
        return pageService.page(v, id).chain(p -> pages.render(Templates.survey(p, form, errors, saved), v, "surveys", status));
    }

    Uni<Response> post(long id, Map<String, String> form, Function<Viewer, Uni<?>> useCase, String saved) {
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> useCase.apply(v),
                x -> "/surveys/" + id + "?saved=" + saved, (errors, status) -> renderSurvey(v, id, form, errors, null, status)));
    }

    static List<Long> ids(Params p, String field, List<String> raw) {
        List<Long> out = new ArrayList<>();
        for (String r : raw == null ? List.<String>of() : raw) {
            if (r != null && !r.isBlank()) {
                Long x = p.id(field, r);
                if (x != null) {
                    out.add(x);
                }
            }
        }
        return out;
    }

    @POST
    @Path("surveys/{id}/recipients")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> recipients(@PathParam("id") String rawId, MultivaluedMap<String, String> raw) {
        long id = Params.pathId(rawId);
        return post(id, flat(raw), v -> {
            Params p = new Params();
            List<OrgType> types = new ArrayList<>();
            for (String t : raw.getOrDefault("orgTypes", List.of())) {
                OrgType type = p.choice("orgTypes", t, OrgType::parse);
                if (type != null) {
                    types.add(type);
                }
            }
            List<Integer> prefs = ids(p, "prefectures", raw.get("prefectures")).stream().map(Long::intValue).toList();
            List<Long> areas = ids(p, "areaIds", raw.get("areaIds"));
            List<Long> circles = ids(p, "recipientCircleIds", raw.get("recipientCircleIds"));
            p.check();
            return writes.addRecipients(v, id, new SurveyInputs.RecipientsInput(types, prefs, areas, circles, null));
        }, "recipients");
    }

    @POST
    @Path("surveys/{id}/recipients/{recipientId}/remove")
    public Uni<Response> removeRecipient(@PathParam("id") String rawId, @PathParam("recipientId") String rawRecipient) {
        long id = Params.pathId(rawId);
        long recipient = Params.pathId(rawRecipient);
        return post(id, Map.of(), v -> writes.removeRecipient(v, id, recipient), "recipient-removed");
    }

    @POST
    @Path("surveys/{id}/send")
    public Uni<Response> send(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return post(id, Map.of(), v -> writes.send(v, id).call(sent -> mails.send(sent.mails())), "sent");
    }

    @POST
    @Path("surveys/{id}/remind")
    public Uni<Response> remind(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return post(id, Map.of(), v -> writes.remind(v, id).call(sent -> mails.send(sent.mails())), "reminded");
    }

    @POST
    @Path("surveys/{id}/shares")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> share(@PathParam("id") String rawId, MultivaluedMap<String, String> raw) {
        long id = Params.pathId(rawId);
        return post(id, flat(raw), v -> {
            Params p = new Params();
            List<Long> circles = ids(p, "circleIds", raw.get("circleIds"));
            if (circles.isEmpty()) {
                p.error("circleIds", "required");
            }
            p.check();
            return writes.share(v, id, new SurveyInputs.ShareInput(circles));
        }, "shared");
    }

    @POST
    @Path("surveys/{id}/dates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> dates(@PathParam("id") String rawId, MultivaluedMap<String, String> raw) {
        long id = Params.pathId(rawId);
        Map<String, String> form = flat(raw);
        return post(id, form, v -> {
            Params p = new Params();
            Integer version = p.integer("version", form.get("version"), 0, Integer.MAX_VALUE);
            LocalDate opensOn = p.date("opensOn", form.get("opensOn"));
            LocalDate deadline = p.date("deadline", form.get("deadline"));
            LocalDate remindOn = p.date("remindOn", form.get("remindOn"));
            p.check();
            return writes.update(v, id, new SurveyInputs.UpdateInput(version, null, opensOn, deadline, remindOn));
        }, "dates");
    }

    // ---- results, a paper answer, the printed form ---------------------------------------------

    @GET
    @Path("surveys/{id}/results")
    public Uni<Response> results(@PathParam("id") String rawId, @QueryParam("compare") String compare,
                                 @QueryParam("orgType") String orgType) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> pageService.resultsPage(v, id, compare, orgType)
                .chain(p -> pages.render(Templates.results(p), v, "surveys")));
    }

    @GET
    @Path("surveys/{id}/paper/{organizationId}")
    public Uni<Response> paper(@PathParam("id") String rawId, @PathParam("organizationId") String rawOrg) {
        long id = Params.pathId(rawId);
        long org = Params.pathId(rawOrg);
        return viewers.signedIn().chain(v -> pageService.paperPage(v, id, org, null)
                .chain(p -> pages.render(Templates.paper(p, List.of()), v, "surveys")));
    }

    @POST
    @Path("surveys/{id}/paper/{organizationId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> paperAnswer(@PathParam("id") String rawId, @PathParam("organizationId") String rawOrg,
                                     MultivaluedMap<String, String> raw) {
        long id = Params.pathId(rawId);
        long org = Params.pathId(rawOrg);
        return viewers.signedIn().chain(v -> surveys.detail(v, id).chain(d -> {
            Params p = new Params();
            Answers typed = SurveySheet.read(d.definition(), raw, p);
            boolean replace = raw.getFirst("replace") != null;
            return FormPost.run(v.locale(), () -> {
                        p.check();
                        return writes.paper(v, id, new SurveyInputs.PaperInput(org, typed, replace));
                    }, x -> "/surveys/" + id + "?saved=paper#responses",
                    (errors, status) -> pageService.paperPage(v, id, org, typed)
                            .chain(page -> pages.render(Templates.paper(page, errors), v, "surveys", status)));
        }));
    }

    @GET
    @Path("surveys/{id}/print")
    public Uni<Response> print(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> pageService.printPage(v, id)
                .chain(p -> pages.render(Templates.print(p), v, "surveys")));
    }

    // ---- the questions (while a draft) ---------------------------------------------------------

    @GET
    @Path("surveys/{id}/questions")
    public Uni<Response> questions(@PathParam("id") String rawId, @QueryParam("saved") String saved) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> renderQuestions(v, id, Map.of(), List.of(), Forms.savedKey(saved), 200));
    }

    /** The add-question form's fields; a finding elsewhere (the whole definition's rules) is said without a link. */
    static final java.util.Set<String> QUESTION_FIELDS = java.util.Set.of("version", "section", "sectionJa", "kind", "labelJa",
            "labelEn", "hintJa", "options", "rows", "columns", "scaleMax", "scaleLow", "scaleHigh", "shownIfQuestion", "shownIfOptions");

    Uni<Response> renderQuestions(Viewer v, long id, Map<String, String> form, List<FieldMessage> errors, String saved, int status) {
        List<FieldMessage> shown = errors.stream().map(e -> e.field() == null || QUESTION_FIELDS.contains(e.field()) ? e
                : new FieldMessage(null, e.message())).toList();
        return pageService.questionsPage(v, id).chain(p -> pages.render(Templates.questions(p, form, shown, saved), v, "surveys", status));
    }

    /** One edit of the definition, stored through the same check as the API (version, rules, not once sent). */
    Uni<Response> edit(long id, MultivaluedMap<String, String> raw, java.util.function.BiFunction<Definition, Params, Definition> change,
                       String saved) {
        Map<String, String> form = flat(raw);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> surveys.detail(v, id).chain(d -> {
                    Params p = new Params();
                    Integer version = p.integer("version", form.get("version"), 0, Integer.MAX_VALUE);
                    Definition next = SurveyBuilder.forStoring(change.apply(d.definition(), p));
                    p.check();
                    return writes.update(v, id, new SurveyInputs.UpdateInput(version, next, d.opensOn(), d.deadline(), d.remindOn()));
                }), x -> "/surveys/" + id + "/questions?saved=" + saved,
                (errors, status) -> renderQuestions(v, id, form, errors, null, status)));
    }

    @POST
    @Path("surveys/{id}/questions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> addQuestion(@PathParam("id") String rawId, MultivaluedMap<String, String> raw) {
        long id = Params.pathId(rawId);
        return edit(id, raw, (def, p) -> SurveyBuilder.addQuestion(def, raw, p), "question-added");
    }

    @POST
    @Path("surveys/{id}/questions/{code}/up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> up(@PathParam("id") String rawId, @PathParam("code") String code, MultivaluedMap<String, String> raw) {
        long id = Params.pathId(rawId);
        return edit(id, raw, (def, p) -> {
            SurveyBuilder.requireQuestion(def, code);
            return SurveyBuilder.move(def, code, true);
        }, "question-moved");
    }

    @POST
    @Path("surveys/{id}/questions/{code}/down")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> down(@PathParam("id") String rawId, @PathParam("code") String code, MultivaluedMap<String, String> raw) {
        long id = Params.pathId(rawId);
        return edit(id, raw, (def, p) -> {
            SurveyBuilder.requireQuestion(def, code);
            return SurveyBuilder.move(def, code, false);
        }, "question-moved");
    }

    @POST
    @Path("surveys/{id}/questions/{code}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> delete(@PathParam("id") String rawId, @PathParam("code") String code, MultivaluedMap<String, String> raw) {
        long id = Params.pathId(rawId);
        return edit(id, raw, (def, p) -> {
            SurveyBuilder.requireQuestion(def, code);
            return SurveyBuilder.delete(def, code);
        }, "question-deleted");
    }
}
