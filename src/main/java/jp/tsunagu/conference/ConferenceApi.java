package jp.tsunagu.conference;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.conference.ConferenceViews.BoardPhase;
import jp.tsunagu.conference.ConferenceViews.CaseView;
import jp.tsunagu.conference.ConferenceViews.ConferenceDetail;
import jp.tsunagu.conference.ConferenceViews.ConferenceSummary;
import jp.tsunagu.conference.ConferenceViews.LearningView;
import jp.tsunagu.conference.ConferenceViews.PhaseView;
import jp.tsunagu.conference.ConferenceViews.ReadView;
import jp.tsunagu.platform.web.Params;

import java.net.URI;
import java.util.List;

/** JSON API of case-study conferences and the learnings library. Thin: every call goes to a service. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ConferenceApi {

    @Inject
    ViewerService viewers;

    @Inject
    ConferenceService conferences;

    @Inject
    ConferenceSetup setup;

    @Inject
    ConferenceRun run;

    @Inject
    CaseService cases;

    @Inject
    LearningService learnings;

    @GET
    @Path("/conferences")
    public Uni<List<ConferenceSummary>> list() {
        return viewers.signedIn().chain(conferences::list);
    }

    @POST
    @Path("/conferences")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@NotNull ConferenceInput body) {
        return viewers.signedIn().chain(v -> setup.create(v, body).chain(id -> conferences.detail(v, id)))
                .map(d -> Response.created(URI.create("/api/conferences/" + d.id())).entity(d).build());
    }

    @GET
    @Path("/conferences/{id}")
    public Uni<ConferenceDetail> detail(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> conferences.detail(v, id));
    }

    @PUT
    @Path("/conferences/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ConferenceDetail> update(@PathParam("id") String raw, @NotNull ConferenceInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> setup.update(v, id, body));
    }

    @POST
    @Path("/conferences/{id}/pledge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ConferenceDetail> pledge(@PathParam("id") String raw, @NotNull PledgeInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> run.pledge(v, id, body));
    }

    @GET
    @Path("/conferences/{id}/case")
    public Uni<CaseView> caseSheet(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> cases.caseSheet(v, id));
    }

    @PUT
    @Path("/conferences/{id}/case")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CaseView> saveCase(@PathParam("id") String raw, @NotNull CaseService.CaseInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> cases.saveCase(v, id, body));
    }

    @GET
    @Path("/conferences/{id}/board")
    public Uni<List<BoardPhase>> board(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> cases.board(v, id));
    }

    @POST
    @Path("/conferences/{id}/board")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> addBoardEntry(@PathParam("id") String raw, @NotNull CaseService.BoardInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> cases.addBoardEntry(v, id, body))
                .map(e -> Response.status(201).entity(e).build());
    }

    /**
     * Whether the viewer may still watch the board live (204; 401, 404 or 410 otherwise), logging
     * nothing: the live board asks when its socket could not be opened again.
     */
    @GET
    @Path("/conferences/{id}/board/live")
    public Uni<Response> liveAllowed(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> cases.liveCheck(v, id)).map(x -> Response.noContent().build());
    }

    @DELETE
    @Path("/conferences/{id}/board/{entry}")
    public Uni<Response> deleteBoardEntry(@PathParam("id") String raw, @PathParam("entry") String rawEntry) {
        long id = Params.pathId(raw);
        Params p = new Params();
        Long entry = p.id("entry", rawEntry);
        p.check();
        return viewers.signedIn().chain(v -> cases.deleteBoardEntry(v, id, entry)).map(x -> Response.noContent().build());
    }

    @GET
    @Path("/conferences/{id}/phase")
    public Uni<PhaseView> phase(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> run.phase(v, id));
    }

    @POST
    @Path("/conferences/{id}/phase")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PhaseView> move(@PathParam("id") String raw, @NotNull RunInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> run.move(v, id, body));
    }

    @GET
    @Path("/conferences/{id}/access-log")
    public Uni<List<ReadView>> accessLog(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> cases.accessLog(v, id));
    }

    @GET
    @Path("/conferences/{id}/learnings")
    public Uni<List<LearningView>> conferenceLearnings(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> learnings.forConference(v, id));
    }

    @POST
    @Path("/conferences/{id}/learnings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> addLearning(@PathParam("id") String raw, @NotNull LearningService.LearningInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> learnings.add(v, id, body)).map(x -> Response.status(201).entity(x).build());
    }

    public record ApprovalInput(Boolean approved) {
    }

    @POST
    @Path("/conferences/{id}/learnings/{learning}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<LearningView> approve(@PathParam("id") String raw, @PathParam("learning") String rawLearning,
                                     @NotNull ApprovalInput body) {
        long id = Params.pathId(raw);
        Params p = new Params();
        Long learning = p.id("learning", rawLearning);
        if (body.approved() == null) {
            p.error("approved", "required");
        }
        p.check();
        return viewers.signedIn().chain(v -> learnings.approve(v, id, learning, body.approved()));
    }

    @GET
    @Path("/learnings")
    public Uni<List<LearningView>> library(@QueryParam("q") String q, @QueryParam("tag") String tag) {
        return viewers.signedIn().chain(v -> learnings.library(v, new LearningService.Query(q, tag)));
    }
}
