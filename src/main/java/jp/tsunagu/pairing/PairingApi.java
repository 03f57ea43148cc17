package jp.tsunagu.pairing;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.pairing.PairingViews.ApplicationView;
import jp.tsunagu.pairing.PairingViews.Assessment;
import jp.tsunagu.pairing.PairingViews.Candidate;
import jp.tsunagu.pairing.PairingViews.MilestoneView;
import jp.tsunagu.pairing.PairingViews.Overview;
import jp.tsunagu.pairing.PairingViews.PairDetail;
import jp.tsunagu.pairing.PairingViews.PairSummary;
import jp.tsunagu.pairing.PairingViews.ProgramView;
import jp.tsunagu.pairing.PairingViews.TemplateStep;
import jp.tsunagu.pairing.PairingViews.VisitView;
import jp.tsunagu.platform.web.Params;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** JSON API of the pairing program. Every call goes through the services' access checks. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class PairingApi {

    public record TemplateRequest(@NotNull Integer version, List<TemplateStep> steps) {
    }

    public record ApplicationRequest(Long centerId, List<String> themes, String motive, Long desiredPartnerId,
                                     String desiredPractice, String regionSituation, Integer version) {
        ApplicationInput input(Long center) {
            return new ApplicationInput(center, themes, motive, desiredPartnerId, desiredPractice,
                    regionSituation);
        }
    }

    public record PairRequest(@NotNull Long programId, Long applicationId, Long supportingId, List<String> themes,
                              String rationale, Long officerId, Long advisorId) {
    }

    @Inject
    ViewerService viewers;

    @Inject
    ProgramService programs;

    @Inject
    ApplicationService applications;

    @Inject
    MatchingService matching;

    @Inject
    PairingService pairings;

    @Inject
    PairingChanges changes;

    @Inject
    OverviewService overviews;

    // ---------------------------------------------------------------- programs

    @GET
    @Path("/programs")
    public Uni<List<ProgramView>> programs() {
        return viewers.signedIn().chain(v -> programs.list(v));
    }

    @POST
    @Path("/programs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> createProgram(@NotNull @Valid ProgramInput body, @Context HttpServerRequest request) {
        return viewers.signedIn().chain(v -> programs.create(v, body, Params.ip(request)))
                .map(p -> Response.created(URI.create("/api/programs/" + p.id())).entity(p).build());
    }

    @GET
    @Path("/programs/{id}")
    public Uni<ProgramView> program(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> programs.get(v, id));
    }

    @PUT
    @Path("/programs/{id}/template")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ProgramView> template(@PathParam("id") String rawId, @NotNull @Valid TemplateRequest body,
                                     @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> programs.replaceTemplate(v, id, body.version(), body.steps(), Params.ip(request)));
    }

    @GET
    @Path("/programs/{id}/applications")
    public Uni<List<ApplicationView>> applications(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> applications.list(v, id));
    }

    @POST
    @Path("/programs/{id}/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> apply(@PathParam("id") String rawId, @NotNull @Valid ApplicationRequest body,
                               @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> applications.submit(v, id, body.input(body.centerId()), null, Params.ip(request)))
                .map(a -> Response.created(URI.create("/api/programs/" + id + "/applications/" + a.id())).entity(a).build());
    }

    @GET
    @Path("/programs/{id}/applications/{applicationId}")
    public Uni<ApplicationView> application(@PathParam("id") String rawId, @PathParam("applicationId") String rawApp) {
        long id = Params.pathId(rawId);
        long app = Params.pathId(rawApp);
        return viewers.signedIn().chain(v -> applications.get(v, id, app));
    }

    @PUT
    @Path("/programs/{id}/applications/{applicationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ApplicationView> changeApplication(@PathParam("id") String rawId, @PathParam("applicationId") String rawApp,
                                                  @NotNull @Valid ApplicationRequest body,
                                                  @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        long app = Params.pathId(rawApp);
        Params p = new Params();
        if (body.version() == null) {
            p.error("version", "required");
        }
        p.check();
        return viewers.signedIn().chain(v -> applications.get(v, id, app)
                .chain(existing -> applications.submit(v, id, body.input(existing.center().id()), body.version(),
                        Params.ip(request))));
    }

    @GET
    @Path("/programs/{id}/candidates")
    public Uni<List<Candidate>> candidates(@PathParam("id") String rawId, @QueryParam("application") String application,
                                           @QueryParam("limit") String limit) {
        long id = Params.pathId(rawId);
        Params p = new Params();
        Long app = p.id("application", application);
        int max = p.intOr("limit", limit, 10, 1, 50);
        p.check();
        return viewers.signedIn().chain(v -> matching.candidates(v, id, app, max));
    }

    @GET
    @Path("/programs/{id}/overview")
    public Uni<Overview> overview(@PathParam("id") String rawId, @QueryParam("theme") String theme,
                                  @QueryParam("status") String status, @QueryParam("behind") String behind,
                                  @QueryParam("sort") String sort, @QueryParam("dir") String dir) {
        long id = Params.pathId(rawId);
        OverviewService.Filter filter = filter(theme, status, behind, sort, dir);
        return viewers.signedIn().chain(v -> overviews.overview(v, id, filter));
    }

    /** Parses the national view's filter (shared with the page). */
    public static OverviewService.Filter filter(String theme, String status, String behind, String sort, String dir) {
        Params p = new Params();
        Terms.Theme t = p.choice("theme", theme, v -> Terms.parse(Terms.Theme.class, v));
        Terms.PairingStatus s = p.choice("status", status, v -> Terms.parse(Terms.PairingStatus.class, v));
        String so = p.choice("sort", sort, v -> OverviewService.Filter.SORTS.contains(v)
                ? Optional.of(v) : Optional.empty());
        String d = p.choice("dir", dir, v -> v.equals("asc") || v.equals("desc")
                ? Optional.of(v) : Optional.empty());
        Boolean b = p.choice("behind", behind, v -> v.equals("true") || v.equals("1") ? Optional.of(true)
                : v.equals("false") || v.equals("0") ? Optional.of(false) : Optional.empty());
        p.check();
        return new OverviewService.Filter(t == null ? null : t.name(), s == null ? null : s.name(),
                Boolean.TRUE.equals(b), so, "desc".equals(d));
    }

    @GET
    @Path("/programs/{id}/overview.csv")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Uni<Response> overviewCsv(@PathParam("id") String rawId, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> programs.get(v, id).chain(program -> overviews.csv(v, id, Params.ip(request))
                .map(csv -> Response.ok(csv, "text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"pairs-fy" + program.fiscalYear() + ".csv\"")
                        .header("Cache-Control", "no-store").build())));
    }

    // ---------------------------------------------------------------- pairs

    @GET
    @Path("/pairings")
    public Uni<List<PairSummary>> pairings(@QueryParam("program") String program) {
        Params p = new Params();
        Long programId = p.optionalLong("program", program, 1, Long.MAX_VALUE);
        p.check();
        return viewers.signedIn().chain(v -> pairings.list(v, programId));
    }

    @POST
    @Path("/pairings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> createPairing(@NotNull @Valid PairRequest body, @Context HttpServerRequest request) {
        return viewers.signedIn().chain(v -> matching.createPair(v, body.programId(), new MatchingService.PairInput(
                        body.applicationId(), body.supportingId(), body.themes(), body.rationale(), body.officerId(),
                        body.advisorId()), Params.ip(request))
                .chain(id -> pairings.detail(v, id)))
                .map(d -> Response.created(URI.create("/api/pairings/" + d.summary().id())).entity(d).build());
    }

    @GET
    @Path("/pairings/{id}")
    public Uni<PairDetail> pairing(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> pairings.detail(v, id));
    }

    @PUT
    @Path("/pairings/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PairDetail> changePairing(@PathParam("id") String rawId, @NotNull @Valid PairingInput body) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> changes.updatePairing(v, id, body));
    }

    @GET
    @Path("/pairings/{id}/milestones")
    public Uni<List<MilestoneView>> milestones(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> pairings.milestones(v, id));
    }

    @PUT
    @Path("/pairings/{id}/milestones/{milestoneId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MilestoneView> milestone(@PathParam("id") String rawId, @PathParam("milestoneId") String rawMilestone,
                                       @NotNull @Valid MilestoneInput body) {
        long id = Params.pathId(rawId);
        long milestone = Params.pathId(rawMilestone);
        return viewers.signedIn().chain(v -> changes.updateMilestone(v, id, milestone, body));
    }

    @GET
    @Path("/pairings/{id}/visits")
    public Uni<List<VisitView>> visits(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> pairings.visits(v, id));
    }

    @POST
    @Path("/pairings/{id}/visits")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> addVisit(@PathParam("id") String rawId, @NotNull @Valid VisitInput body) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> changes.addVisit(v, id, body))
                .map(visit -> Response.created(URI.create("/api/pairings/" + id + "/visits/" + visit.id())).entity(visit).build());
    }

    @PUT
    @Path("/pairings/{id}/visits/{visitId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<VisitView> changeVisit(@PathParam("id") String rawId, @PathParam("visitId") String rawVisit,
                                      @NotNull @Valid VisitInput body) {
        long id = Params.pathId(rawId);
        long visit = Params.pathId(rawVisit);
        return viewers.signedIn().chain(v -> changes.updateVisit(v, id, visit, body));
    }

    @GET
    @Path("/pairings/{id}/assessments")
    public Uni<Assessment> assessment(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> pairings.assessment(v, id));
    }

    @PUT
    @Path("/pairings/{id}/assessments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Assessment> saveAssessment(@PathParam("id") String rawId, @NotNull @Valid AssessmentInput body) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> changes.saveAssessment(v, id, body));
    }
}
