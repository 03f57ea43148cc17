package jp.tsunagu.account;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.SessionCookie;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Invitations (issue, look up, accept) and role changes. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationApi {

    public record InvitationRequest(@NotBlank @Email @Size(max = 254) String email,
                                    @NotNull @Positive Long organizationId,
                                    @NotBlank @Size(max = 40) String role,
                                    @Size(max = 100) String title) {
    }

    public record AcceptRequest(@NotBlank @Size(max = 100) String displayName,
                                @NotBlank @Size(max = 128) String password) {
    }

    public record Decision(@NotNull Boolean approve) {
    }

    public record RoleChange(@NotBlank @Size(max = 40) String role) {
    }

    @Inject
    InvitationService invitations;

    @Inject
    AccountAdminService admin;

    @Inject
    ViewerService viewers;

    @Inject
    SessionCookie cookie;

    @POST
    @Path("/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> issue(@NotNull @Valid InvitationRequest body, @Context HttpServerRequest request) {
        Params p = new Params();
        Role role = p.choice("role", body.role(), Role::fromWire);
        p.check();
        return viewers.signedIn()
                .chain(v -> invitations.issue(v, body.email(), body.organizationId(), role, body.title(), Params.ip(request)))
                .map(issued -> Response.status(201).entity(issued).build());
    }

    @GET
    @Path("/invitations/{token}")
    public Uni<InvitationService.Pending> pending(@PathParam("token") String token) {
        return invitations.pending(token);
    }

    @POST
    @Path("/invitations/{token}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> accept(@PathParam("token") String token, @NotNull @Valid AcceptRequest body,
                                @Context HttpServerRequest request) {
        return invitations.accept(token, body.displayName(), body.password(), Params.ip(request))
                .map(s -> Response.status(201)
                        .entity(new AuthApi.LoginResponse(s.token(), s.expiresAt(), new AuthApi.UserView(
                                s.account().id, s.account().email, s.account().displayName, s.account().role.wire())))
                        .cookie(cookie.issue(s.token(), Duration.between(Instant.now(), s.expiresAt())))
                        .build());
    }

    /** Invitation requests waiting for a decision (network-admin until organizations have administrators). */
    @GET
    @Path("/invitation-requests")
    public Uni<List<InvitationService.Request>> requests() {
        return viewers.signedIn().chain(v -> invitations.requests(v));
    }

    /** Approve (the invitation is mailed now) or decline a request. */
    @POST
    @Path("/invitation-requests/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<InvitationService.Issued> decide(@PathParam("id") String rawId, @NotNull @Valid Decision body,
                                                @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> invitations.decide(v, id, body.approve(), Params.ip(request)));
    }

    @PUT
    @Path("/accounts/{id}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> changeRole(@PathParam("id") String rawId, @NotNull @Valid RoleChange body,
                                    @Context HttpServerRequest request) {
        Params p = new Params();
        Long id = p.id("id", rawId);
        Role role = p.choice("role", body.role(), Role::fromWire);
        p.check();
        return viewers.signedIn().chain(v -> admin.changeRole(v, id, role, Params.ip(request)))
                .map(x -> Response.noContent().build());
    }
}
