package jp.tsunagu.organization;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.directory.DirectoryService;
import jp.tsunagu.directory.DirectoryViews.OrgProfile;
import jp.tsunagu.organization.OrganizationInputs.ProfileInput;
import jp.tsunagu.organization.OrganizationInputs.RegisterInput;
import jp.tsunagu.platform.web.Params;

import java.net.URI;

/** Organizations kept by the network: registering one, correcting its own profile, confirming a registration. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationApi {

    @Inject
    ViewerService viewers;

    @Inject
    OrganizationService organizations;

    @Inject
    DirectoryService directory;

    @POST
    @Path("/organizations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> register(RegisterInput body, @Context HttpServerRequest request) {
        return viewers.signedIn().chain(v -> organizations.register(v, body, Params.ip(request))
                .chain(id -> directory.profile(v, id))
                .map(p -> Response.created(URI.create("/api/organizations/" + p.id())).entity(p).build()));
    }

    @PUT
    @Path("/organizations/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<OrgProfile> update(@PathParam("id") String rawId, ProfileInput body, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> organizations.update(v, id, body, Params.ip(request))
                .chain(x -> directory.profile(v, id)));
    }

    /** The secretariat confirms an office a center lead registered (未確認 until then). */
    @POST
    @Path("/organizations/{id}/confirm")
    public Uni<Response> confirm(@PathParam("id") String rawId, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> organizations.confirm(v, id, Params.ip(request))).map(x -> Response.noContent().build());
    }
}
