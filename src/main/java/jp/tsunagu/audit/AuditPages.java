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

import java.util.List;
import java.util.Optional;

/** The audit log page for network staff. */
@Path("/admin/audit")
public class AuditPages {

    static final List<String> TYPES = List.of("SIGN_IN", "SIGN_IN_FAILED", "SIGN_IN_LOCKED", "SIGN_OUT",
            "PASSWORD_CHANGED", "INVITATION_ISSUED", "INVITATION_REQUESTED", "INVITATION_APPROVED", "INVITATION_DECLINED", "INVITATION_USED", "ROLE_CHANGED");

    @CheckedTemplate(basePath = "audit")
    static class Templates {
        static native TemplateInstance audit(AuditService.Page result, List<String> types, String type);
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
        String t = p.choice("type", type, v -> TYPES.contains(v) ? Optional.of(v) : Optional.empty());
        int pg = p.intOr("page", page, 1, 1, 100_000);
        p.check();
        return viewers.signedIn().chain(v -> audit.list(v, t, pg, 100)
                .chain(r -> pages.render(Templates.audit(r, TYPES, t), v, "audit")));
    }
}
