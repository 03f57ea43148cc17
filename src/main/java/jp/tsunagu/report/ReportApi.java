package jp.tsunagu.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.notification.NotificationService;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.report.ReportViews.CommentView;
import jp.tsunagu.report.ReportViews.ProgramReport;
import jp.tsunagu.report.ReportViews.Report;

import java.util.List;

/** Pair reports and the program's report over JSON and PDF; every read and write goes through the access policy. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ReportApi {

    @CheckedTemplate(basePath = "report")
    static class Templates {
        /** The program's report as one XHTML document for the PDF renderer (the page shows the same body). */
        static native TemplateInstance pdf(ProgramReport page);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PairReportService reports;

    @Inject
    PairReportWrites writes;

    @Inject
    ProgramReportService programReports;

    @Inject
    NotificationService notifications;

    @Inject
    ReportPdf pdf;

    @GET
    @Path("/pairings/{id}/report")
    public Uni<Report> report(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> reports.report(v, id));
    }

    @PUT
    @Path("/pairings/{id}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Report> save(@PathParam("id") String rawId, ReportInputs.Text body) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> writes.save(v, id, body).chain(() -> reports.report(v, id)));
    }

    @POST
    @Path("/pairings/{id}/report/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Report> submit(@PathParam("id") String rawId, ReportInputs.Decision body) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> writes.submit(v, id, body).call(notifications::send).chain(() -> reports.report(v, id)));
    }

    @POST
    @Path("/pairings/{id}/report/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Report> approve(@PathParam("id") String rawId, ReportInputs.Decision body) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> writes.approve(v, id, body).call(notifications::send).chain(() -> reports.report(v, id)));
    }

    @POST
    @Path("/pairings/{id}/report/return")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Report> sendBack(@PathParam("id") String rawId, ReportInputs.Decision body) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> writes.sendBack(v, id, body).call(notifications::send).chain(() -> reports.report(v, id)));
    }

    @GET
    @Path("/pairings/{id}/report/comments")
    public Uni<List<CommentView>> comments(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> reports.comments(v, id));
    }

    @POST
    @Path("/pairings/{id}/report/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> comment(@PathParam("id") String rawId, ReportInputs.Comment body) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> writes.comment(v, id, body).chain(commentId -> reports.comments(v, id)
                .map(cs -> Response.status(201).entity(cs.stream().filter(c -> c.id() == commentId).findFirst()
                        .orElseThrow()).build())));
    }

    @GET
    @Path("/programs/{id}/report")
    public Uni<ProgramReport> programReport(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> programReports.report(v, id));
    }

    @GET
    @Path("/programs/{id}/report.pdf")
    @Produces("application/pdf")
    public Uni<Response> programPdf(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> programReports.report(v, id)
                .chain(page -> Templates.pdf(page).setLocale(v.locale()).createUni()
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(xhtml -> Response.ok(pdf.render(xhtml)).type("application/pdf")
                                .header("Content-Disposition", "attachment; filename=\"program-report-" + page.fiscalYear() + ".pdf\"")
                                .header("Cache-Control", "no-store").build())));
    }
}
