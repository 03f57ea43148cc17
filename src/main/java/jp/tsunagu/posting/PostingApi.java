package jp.tsunagu.posting;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.posting.PostingViews.PostingDetail;
import jp.tsunagu.posting.PostingViews.SearchPage;
import jp.tsunagu.posting.PostingViews.ViewLogEntry;

import java.net.URI;
import java.util.List;

/** Job postings and internship slots over JSON. Every read and write goes through the access policy. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class PostingApi {

    @Inject
    ViewerService viewers;

    @Inject
    PostingService postings;

    @Inject
    PostingDetails details;

    @Inject
    PostingSearch search;

    @Inject
    PostingExport export;

    @Inject
    PostingImport imports;

    @Inject
    DigestPreference digest;

    @Inject
    RequestService requests;

    @Inject
    MeetingPostings attachments;

    @Inject
    SavedSearches saved;

    @GET
    @Path("/me/posting-digest")
    public Uni<DigestPreference.State> digest() {
        return viewers.signedIn().chain(v -> digest.get(v));
    }

    @PUT
    @Path("/me/posting-digest")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<DigestPreference.State> setDigest(@NotNull DigestPreference.Input body) {
        return viewers.signedIn().chain(v -> digest.set(v, body));
    }

    /** Search: q, kind, prefecture, area, category, hoursMin, hoursMax, employmentType, carving, disability, source, circle, since, mine, sort, page, size. */
    @GET
    @Path("/postings")
    public Uni<SearchPage> search(@Context UriInfo uri) {
        PostingSearch.Filters f = PostingSearch.parse(PostingSearch.Query.of(uri.getQueryParameters()::getFirst));
        return viewers.signedIn().chain(v -> search.search(v, f));
    }

    @POST
    @Path("/postings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@NotNull PostingInput body) {
        return viewers.signedIn().chain(v -> postings.create(v, body))
                .map(d -> Response.created(URI.create("/api/postings/" + d.id())).entity(d).build());
    }

    @GET
    @Path("/postings/export.csv")
    @Produces("text/csv")
    public Uni<Response> exportCsv(@Context UriInfo uri, @Context HttpServerRequest request) {
        PostingSearch.Filters f = PostingSearch.parse(PostingSearch.Query.of(uri.getQueryParameters()::getFirst));
        return viewers.signedIn().chain(v -> export.export(v, f, Params.ip(request))).map(csv -> Response.ok(csv)
                .type("text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"postings.csv\"").build());
    }

    /** CSV import (UTF-8 or Shift_JIS): a line-by-line report; good lines are stored, bad ones are not. */
    @POST
    @Path("/postings/import")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM})
    public Uni<PostingImport.Report> importCsv(byte[] body) {
        return viewers.signedIn().chain(v -> imports.importCsv(v, body == null ? new byte[0] : body));
    }

    @GET
    @Path("/postings/{id}")
    public Uni<PostingDetail> get(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> details.get(v, id));
    }

    @PUT
    @Path("/postings/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PostingDetail> update(@PathParam("id") String raw, @NotNull PostingInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> postings.update(v, id, body));
    }

    @POST
    @Path("/postings/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PostingDetail> status(@PathParam("id") String raw, @NotNull PostingService.StatusInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> postings.changeStatus(v, id, body));
    }

    @POST
    @Path("/postings/{id}/share")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PostingDetail> share(@PathParam("id") String raw, @NotNull PostingService.ShareInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> postings.share(v, id, body));
    }

    @GET
    @Path("/postings/{id}/views")
    public Uni<List<ViewLogEntry>> views(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> details.views(v, id));
    }

    // ------------------------------------------------------------------ internship slots

    /** Internship and work-experience slots: the posting search with kind=INTERNSHIP. */
    @GET
    @Path("/internships")
    public Uni<SearchPage> internships(@Context UriInfo uri) {
        PostingSearch.Query q = PostingSearch.Query.of(uri.getQueryParameters()::getFirst);
        PostingSearch.Filters f = PostingSearch.parse(new PostingSearch.Query(q.q(), "INTERNSHIP", q.prefecture(), q.area(),
                q.category(), q.hoursMin(), q.hoursMax(), q.employmentType(), q.carving(), q.disability(), q.source(),
                q.circle(), q.since(), q.mine(), q.sort(), q.page(), q.size()));
        return viewers.signedIn().chain(v -> search.search(v, f));
    }

    @POST
    @Path("/internships")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> createInternship(@NotNull PostingInput body) {
        PostingInput in = body.asKind(PostingTerms.Kind.INTERNSHIP);
        return viewers.signedIn().chain(v -> postings.create(v, in))
                .map(d -> Response.created(URI.create("/api/postings/" + d.id())).entity(d).build());
    }

    @GET
    @Path("/internships/{id}/requests")
    public Uni<List<RequestService.BookingView>> bookings(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> requests.bookings(v, id));
    }

    @POST
    @Path("/internships/{id}/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> book(@PathParam("id") String raw, @NotNull RequestService.BookingInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> requests.book(v, id, body)).map(b -> Response.status(201).entity(b).build());
    }

    @PUT
    @Path("/internships/{id}/requests/{requestId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RequestService.BookingView> decide(@PathParam("id") String raw, @PathParam("requestId") String rawRequest,
                                                 @NotNull RequestService.DecisionInput body) {
        long id = Params.pathId(raw);
        long requestId = Params.pathId(rawRequest);
        return viewers.signedIn().chain(v -> requests.decide(v, id, requestId, body));
    }

    // ------------------------------------------------------------------ "anyone suitable?"

    @GET
    @Path("/candidate-requests")
    public Uni<List<RequestService.AskView>> asks(@QueryParam("posting") String posting) {
        Params p = new Params();
        Long postingId = p.optionalLong("posting", posting, 1, Long.MAX_VALUE);
        p.check();
        return viewers.signedIn().chain(v -> requests.asks(v, postingId));
    }

    @POST
    @Path("/candidate-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> ask(@NotNull RequestService.AskInput body) {
        return viewers.signedIn().chain(v -> requests.ask(v, body)).map(a -> Response.status(201).entity(a).build());
    }

    @POST
    @Path("/candidate-requests/{id}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RequestService.AskView> answer(@PathParam("id") String raw, @NotNull RequestService.AnswerInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> requests.answer(v, id, body));
    }

    // ------------------------------------------------------------------ postings read out at a meeting

    @GET
    @Path("/meetings/{id}/postings")
    public Uni<List<PostingDetail>> meetingPostings(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> attachments.list(v, id));
    }

    @POST
    @Path("/meetings/{id}/postings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<List<PostingDetail>> attach(@PathParam("id") String raw, @NotNull MeetingPostings.AttachInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> attachments.attach(v, id, body));
    }

    @DELETE
    @Path("/meetings/{id}/postings/{postingId}")
    public Uni<List<PostingDetail>> detach(@PathParam("id") String raw, @PathParam("postingId") String rawPosting) {
        long id = Params.pathId(raw);
        long postingId = Params.pathId(rawPosting);
        return viewers.signedIn().chain(v -> attachments.detach(v, id, postingId));
    }

    // ------------------------------------------------------------------ saved searches

    @GET
    @Path("/me/saved-searches")
    public Uni<List<SavedSearches.View>> savedSearches() {
        return viewers.signedIn().chain(v -> saved.list(v));
    }

    @POST
    @Path("/me/saved-searches")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> saveSearch(@NotNull SavedSearches.Input body) {
        return viewers.signedIn().chain(v -> saved.save(v, body)).map(s -> Response.status(201).entity(s).build());
    }

    @DELETE
    @Path("/me/saved-searches/{id}")
    public Uni<Response> deleteSearch(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> saved.delete(v, id)).map(x -> Response.noContent().build());
    }
}
