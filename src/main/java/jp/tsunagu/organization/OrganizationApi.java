package jp.tsunagu.organization;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.directory.DirectoryService;
import jp.tsunagu.directory.DirectoryViews.OrgProfile;
import jp.tsunagu.organization.OrganizationInputs.ProfileInput;
import jp.tsunagu.organization.OrganizationInputs.RegisterInput;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.Values;

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

    @Inject
    DirectoryCsv csv;

    /** The directory from a CSV file (UTF-8 or Shift_JIS): added, or updated by code; a report of every line. */
    @POST
    @Path("/organizations/import")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM})
    public Uni<DirectoryCsv.Report> importCsv(byte[] body, @Context HttpServerRequest request) {
        return viewers.signedIn().chain(v -> csv.importCsv(v, body == null ? new byte[0] : body, Params.ip(request)));
    }

    /** The directory as a CSV file in the import's shape (UTF-8 with BOM), optionally one prefecture and/or type. */
    @GET
    @Path("/organizations/export.csv")
    @Produces("text/csv")
    public Uni<Response> exportCsv(@QueryParam("prefecture") String rawPrefecture, @QueryParam("type") String rawType,
                                   @Context HttpServerRequest request) {
        Params p = new Params();
        Integer prefecture = p.integer("prefecture", rawPrefecture, 1, 47);
        OrgType type = p.choice("type", rawType, t -> Values.enumOf(OrgType.class, t));
        p.check();
        return viewers.signedIn().chain(v -> csv.export(v, prefecture == null ? null : prefecture.shortValue(), type, Params.ip(request)))
                .map(text -> Response.ok(text).type("text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"organizations.csv\"").build());
    }

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

    /** The secretariat merges the duplicate {id} into {@code intoId}; answers the profile of the one that stays. */
    @POST
    @Path("/organizations/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<OrgProfile> merge(@PathParam("id") String rawId, OrganizationInputs.MergeInput body, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> organizations.merge(v, id, body, Params.ip(request)).chain(keep -> directory.profile(v, keep)));
    }

    /** The secretariat confirms an office a center lead registered (未確認 until then). */
    @POST
    @Path("/organizations/{id}/confirm")
    public Uni<Response> confirm(@PathParam("id") String rawId, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> organizations.confirm(v, id, Params.ip(request))).map(x -> Response.noContent().build());
    }
}
