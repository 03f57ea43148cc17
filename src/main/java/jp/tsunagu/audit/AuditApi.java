package jp.tsunagu.audit;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.Values;

/** The security log for network staff. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditApi {

    @Inject
    ViewerService viewers;

    @Inject
    AuditService audit;

    @GET
    public Uni<AuditService.Page> list(@QueryParam("type") String type, @QueryParam("page") String page,
                                       @QueryParam("size") String size) {
        Params p = new Params();
        AuditType t = p.choice("type", type, v -> Values.enumOf(AuditType.class, v));
        int pg = p.intOr("page", page, 1, 1, 100_000);
        int sz = p.intOr("size", size, 50, 1, 200);
        p.check();
        return viewers.current().chain(v -> audit.list(v, t, pg, sz));
    }
}
