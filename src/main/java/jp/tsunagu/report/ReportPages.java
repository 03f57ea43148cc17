package jp.tsunagu.report;

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
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.notification.NotificationService;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.report.ReportViews.ProgramReport;
import jp.tsunagu.report.ReportViews.Report;

import java.util.List;
import java.util.Map;

/**
 * Pair reports as pages (/pairings/{id}/report: the centers' form while a draft, submit, the
 * secretariat's approve and send back, remarks on each section) and the program's report
 * (/programs/{id}/report: printable A4, and the same body as PDF). Plain forms, post-redirect-get.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

    @CheckedTemplate(basePath = "report")
    static class Templates {
        static native TemplateInstance pair(Report r, Map<String, String> form, List<FieldMessage> errors, String saved,
                                            List<String> sections);

        static native TemplateInstance program(ProgramReport page);
    }

    static final java.util.Set<String> SAVED = java.util.Set.of("text", "submitted", "approved", "returned", "comment");

    static final List<String> SECTIONS = ReportTerms.SECTIONS.stream().map(Enum::name).toList();

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    PairReportService reports;

    @Inject
    PairReportWrites writes;

    @Inject
    ProgramReportService programReports;

    @Inject
    NotificationService notifications;

    @GET
    @Path("pairings/{id}/report")
    public Uni<Response> pair(@PathParam("id") String rawId, @QueryParam("saved") String saved) {
        long id = Params.pathId(rawId);
        String said = SAVED.contains(String.valueOf(saved)) ? saved : null;
        return viewers.signedIn().chain(v -> render(v, id, Map.of(), List.of(), said, 200));
    }

    Uni<Response> render(Viewer v, long id, Map<String, String> form, List<FieldMessage> errors, String saved, int status) {
        return reports.report(v, id).chain(r -> pages.render(Templates.pair(r, form, errors, saved, SECTIONS), v, "programs", status));
    }

    static Integer version(Map<String, String> form) {
        Params p = new Params();
        Integer version = p.integer("version", form.get("version"), 0, Integer.MAX_VALUE);
        p.check();
        return version;
    }

    static Long surveyId(Map<String, String> form) {
        String raw = form.get("surveyId");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Params p = new Params();
        Long id = p.optionalLong("surveyId", raw, 1, Long.MAX_VALUE);
        p.check();
        return id;
    }

    /** One use case of the report's page, post-redirect-get: back to the report saying what was done, or the form again. */
    Uni<Response> post(long id, Map<String, String> form, java.util.function.Function<Viewer, Uni<?>> useCase, String said) {
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> useCase.apply(v),
                x -> "/pairings/" + id + "/report?saved=" + said,
                (errors, status) -> render(v, id, form, errors, null, status)));
    }

    @POST
    @Path("pairings/{id}/report")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> save(@PathParam("id") String rawId, MultivaluedMap<String, String> raw) {
        long id = Params.pathId(rawId);
        Map<String, String> form = Forms.flat(raw);
        return post(id, form, v -> writes.save(v, id, new ReportInputs.Text(version(form), form.get("motive"), form.get("activities"),
                form.get("keyPoints"), form.get("changes"), form.get("surveyNotes"), form.get("message"), surveyId(form))), "text");
    }

    @POST
    @Path("pairings/{id}/report/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> submit(@PathParam("id") String rawId, MultivaluedMap<String, String> raw) {
        long id = Params.pathId(rawId);
        Map<String, String> form = Forms.flat(raw);
        return post(id, form, v -> writes.submit(v, id, new ReportInputs.Decision(version(form), null)).call(notifications::send),
                "submitted");
    }

    @POST
    @Path("pairings/{id}/report/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> approve(@PathParam("id") String rawId, MultivaluedMap<String, String> raw) {
        long id = Params.pathId(rawId);
        Map<String, String> form = Forms.flat(raw);
        return post(id, form, v -> writes.approve(v, id, new ReportInputs.Decision(version(form), form.get("comment")))
                .call(notifications::send), "approved");
    }

    @POST
    @Path("pairings/{id}/report/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> sendBack(@PathParam("id") String rawId, MultivaluedMap<String, String> raw) {
        long id = Params.pathId(rawId);
        Map<String, String> form = Forms.flat(raw);
        return post(id, form, v -> writes.sendBack(v, id, new ReportInputs.Decision(version(form), form.get("comment")))
                .call(notifications::send), "returned");
    }

    @POST
    @Path("pairings/{id}/report/comments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> comment(@PathParam("id") String rawId, MultivaluedMap<String, String> raw) {
        long id = Params.pathId(rawId);
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> writes.comment(v, id, new ReportInputs.Comment(form.get("section"), form.get("body"))),
                x -> "/pairings/" + id + "/report?saved=comment#comments-" + form.get("section"),
                (errors, status) -> render(v, id, form, errors, null, status)));
    }

    @GET
    @Path("programs/{id}/report")
    public Uni<Response> program(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> programReports.report(v, id).chain(page -> pages.render(Templates.program(page), v, "programs")));
    }
}
