package jp.tsunagu.audit;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.Values;

import java.util.List;

/** The audit log page for network staff. */
@Path("/admin/audit")
public class AuditPages {

    @CheckedTemplate(basePath = "audit")
    static class Templates {
        static native TemplateInstance audit(AuditService.Page result, List<AuditType> types, AuditType type);
    }

    @Inject
    ViewerService viewers;

    @Inject
    AuditService audit;

    @Inject
    PageRenderer pages;

    @GET
    public Uni<Response> list(@QueryParam("type") String type, @QueryParam("page") String page) {
        Params p = new Params();
        AuditType t = p.choice("type", type, v -> Values.enumOf(AuditType.class, v).filter(AuditType.SECURITY::contains));
        int pg = p.intOr("page", page, 1, 1, 100_000);
        p.check();
        return viewers.signedIn().chain(v -> audit.list(v, t, pg, 100)
                .chain(r -> pages.render(Templates.audit(r, AuditType.SECURITY, t), v, "audit")));
    }
}
