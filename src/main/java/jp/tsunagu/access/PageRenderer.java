package jp.tsunagu.access;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Renders a page in the viewer's language with the layout's viewer data. */
@ApplicationScoped
public class PageRenderer {

    public static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @Inject
    AccessPolicy policy;

    public PageViewer pageViewer(Viewer v) {
        return new PageViewer(v.signedIn(), !policy.invitableRoles(v).isEmpty(),
                policy.permits(v, Action.VIEW, new Resource.AuditLog()),
                policy.permits(v, Action.APPROVE, new Resource.InvitationRequests()),
                v.signedIn() && (v.is(Role.NETWORK_ADMIN) || v.is(Role.SYSADMIN) || !v.administeredOrganizationIds().isEmpty()),
                policy.surveysListable(v), policy.statisticsListable(v));
    }

    public Uni<Response> render(TemplateInstance page, Viewer viewer, String nav) {
        return render(page, viewer, nav, 200);
    }

    public Uni<Response> render(TemplateInstance page, Viewer viewer, String nav, int status) {
        return page.data("viewer", pageViewer(viewer)).data("nav", nav).setLocale(viewer.locale())
                .createUni()
                .map(html -> Response.status(status).type(HTML).header("Cache-Control", "no-store").entity(html).build());
    }
}
