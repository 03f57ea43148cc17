package jp.tsunagu.account;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.Params;

/** Accounts as organizations run them: the list, deactivating a leaver, handing over (引継ぎ). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsApi {

    @Inject
    ViewerService viewers;

    @Inject
    AccountLifecycle lifecycle;

    /** The accounts the viewer runs (an administrator: their organizations' people; the secretariat and sysadmins: everyone). */
    @GET
    @Path("/accounts")
    public Uni<AccountLifecycle.Accounts> accounts(@QueryParam("q") String q) {
        Params p = new Params();
        String query = p.text("q", q, 100);
        p.check();
        return viewers.signedIn().chain(v -> lifecycle.accounts(v, query));
    }

    @POST
    @Path("/accounts/{id}/deactivate")
    public Uni<Response> deactivate(@PathParam("id") String rawId, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> lifecycle.deactivate(v, id, Params.ip(request)))
                .map(x -> Response.noContent().build());
    }

    /** A deactivated account may sign in again (the same people who deactivate it decide). */
    @POST
    @Path("/accounts/{id}/reactivate")
    public Uni<Response> reactivate(@PathParam("id") String rawId, @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> lifecycle.reactivate(v, id, Params.ip(request)))
                .map(x -> Response.noContent().build());
    }

    /** What would move to {@code to} (nothing changes); without {@code to}, who may succeed. */
    @GET
    @Path("/accounts/{id}/handover")
    public Uni<AccountLifecycle.Retire> preview(@PathParam("id") String rawId, @QueryParam("to") String to) {
        long id = Params.pathId(rawId);
        Params p = new Params();
        Long successor = p.optionalLong("to", to, 1, Long.MAX_VALUE);
        p.check();
        return viewers.signedIn().chain(v -> lifecycle.retire(v, id, successor));
    }

    @POST
    @Path("/accounts/{id}/handover")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AccountLifecycle.HandedOver> handOver(@PathParam("id") String rawId, AccountLifecycle.HandoverInput body,
                                                    @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> lifecycle.handOver(v, id, body, Params.ip(request)));
    }
}
