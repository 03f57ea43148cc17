package jp.tsunagu.account;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.Params;

/** An organization's staff over JSON: members, joining (always with its administrator), administrators. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class StaffApi {

    @Inject
    ViewerService viewers;

    @Inject
    StaffService staff;

    /** The members page's data (the organization's administrators and the secretariat). */
    @GET
    @Path("/organizations/{id}/members")
    public Uni<StaffService.Staff> members(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> staff.staff(v, id));
    }

    /** An administrator adds someone by e-mail (201 ADDED); anyone else asks to join (201 REQUESTED). */
    @POST
    @Path("/organizations/{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> add(@PathParam("id") String rawId, StaffService.AddInput body, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> staff.add(v, id, body, Params.ip(request)))
                .map(a -> Response.status(201).entity(a).build());
    }

    @PUT
    @Path("/organizations/{id}/members/{accountId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<StaffService.Member> change(@PathParam("id") String rawId, @PathParam("accountId") String rawAccount,
                                           StaffService.MemberInput body, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        long account = Params.pathId(rawAccount);
        return viewers.signedIn().chain(v -> staff.change(v, id, account, body, Params.ip(request)));
    }

    /** Ends someone's membership of this organization (its administrators). */
    @DELETE
    @Path("/organizations/{id}/members/{accountId}")
    public Uni<Response> remove(@PathParam("id") String rawId, @PathParam("accountId") String rawAccount,
                                @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        long account = Params.pathId(rawAccount);
        return viewers.signedIn().chain(v -> staff.remove(v, id, account, Params.ip(request))).map(x -> Response.noContent().build());
    }

    @POST
    @Path("/memberships/{id}/approve")
    public Uni<StaffService.Added> approve(@PathParam("id") String rawId, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> staff.approve(v, id, Params.ip(request)));
    }

    @POST
    @Path("/memberships/{id}/decline")
    public Uni<StaffService.Added> decline(@PathParam("id") String rawId, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> staff.decline(v, id, Params.ip(request)));
    }
}
