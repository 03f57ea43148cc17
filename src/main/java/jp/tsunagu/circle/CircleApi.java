package jp.tsunagu.circle;

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
import jp.tsunagu.circle.CircleInputs.CircleInput;
import jp.tsunagu.circle.CircleInputs.InviteInput;
import jp.tsunagu.circle.CircleInputs.LeaveInput;
import jp.tsunagu.circle.CircleInputs.OwnerInput;
import jp.tsunagu.platform.web.Params;

import java.net.URI;
import java.util.List;

/** Circles people run, over JSON: one route per use case; every read and write goes through the access policy. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class CircleApi {

    @Inject
    ViewerService viewers;

    @Inject
    CircleWrites writes;

    @Inject
    CircleInvitations invitations;

    @Inject
    CircleManagement management;

    @POST
    @Path("/circles")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(CircleInput body, @Context HttpServerRequest request) {
        return viewers.signedIn().chain(v -> writes.create(v, body, Params.ip(request))
                .chain(id -> management.page(v, id))
                .map(m -> Response.created(URI.create("/api/circles/" + m.id())).entity(m).build()));
    }

    @PUT
    @Path("/circles/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CircleManagement.Manage> update(@PathParam("id") String rawId, CircleInput body,
                                               @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> writes.update(v, id, body, Params.ip(request))
                .chain(() -> management.page(v, id)));
    }

    /** What the owners see: members, open invitations, the membership history. */
    @GET
    @Path("/circles/{id}/manage")
    public Uni<CircleManagement.Manage> manage(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> management.page(v, id));
    }

    @POST
    @Path("/circles/{id}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> invite(@PathParam("id") String rawId, InviteInput body, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> invitations.invite(v, id, body, Params.ip(request)))
                .map(s -> Response.status(201).entity(s).build());
    }

    @DELETE
    @Path("/circles/{id}/invitations/{invitationId}")
    public Uni<Response> withdraw(@PathParam("id") String rawId, @PathParam("invitationId") String rawInvitation,
                                  @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        long invitationId = Params.pathId(rawInvitation);
        return viewers.signedIn().chain(v -> invitations.withdraw(v, id, invitationId, Params.ip(request)))
                .map(x -> Response.noContent().build());
    }

    /** Invitations waiting for the viewer's answer (as an organization's administrator). */
    @GET
    @Path("/me/circle-invitations")
    public Uni<List<CircleInvitations.Incoming>> incoming() {
        return viewers.signedIn().chain(v -> invitations.incoming(v));
    }

    @POST
    @Path("/circle-invitations/{id}/accept")
    public Uni<CircleInvitations.Answer> accept(@PathParam("id") String rawId, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> invitations.accept(v, id, Params.ip(request)));
    }

    @POST
    @Path("/circle-invitations/{id}/decline")
    public Uni<CircleInvitations.Answer> decline(@PathParam("id") String rawId, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> invitations.decline(v, id, Params.ip(request)));
    }

    @PUT
    @Path("/circles/{id}/members/{organizationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> setOwner(@PathParam("id") String rawId, @PathParam("organizationId") String rawOrg,
                                  OwnerInput body, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        long org = Params.pathId(rawOrg);
        return viewers.signedIn().chain(v -> writes.setOwner(v, id, org, body, Params.ip(request)))
                .map(x -> Response.noContent().build());
    }

    @DELETE
    @Path("/circles/{id}/members/{organizationId}")
    public Uni<Response> remove(@PathParam("id") String rawId, @PathParam("organizationId") String rawOrg,
                                @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        long org = Params.pathId(rawOrg);
        return viewers.signedIn().chain(v -> writes.remove(v, id, org, Params.ip(request)))
                .map(x -> Response.noContent().build());
    }

    @POST
    @Path("/circles/{id}/leave")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> leave(@PathParam("id") String rawId, LeaveInput body, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> writes.leave(v, id, body, Params.ip(request)))
                .map(x -> Response.noContent().build());
    }

    @POST
    @Path("/circles/{id}/archive")
    public Uni<Response> archive(@PathParam("id") String rawId, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> writes.archive(v, id, Params.ip(request)))
                .map(x -> Response.noContent().build());
    }
}
