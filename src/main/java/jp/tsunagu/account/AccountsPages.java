package jp.tsunagu.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.Params;

import java.util.List;
import java.util.Map;

/** The accounts page (`/admin/accounts`) and a leaver's page: hand over, deactivate; role changes for sysadmins. */
@Path("/")
public class AccountsPages {

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance accounts(AccountLifecycle.Accounts page, String saved, List<FieldMessage> errors);

        static native TemplateInstance retire(AccountLifecycle.Retire page, String saved, List<FieldMessage> errors);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    AccountLifecycle lifecycle;

    @Inject
    AccountAdminService admin;

    @GET
    @Path("admin/accounts")
    public Uni<Response> accounts(@QueryParam("q") String q, @QueryParam("saved") String saved) {
        String query = q == null ? null : q.length() > 100 ? q.substring(0, 100) : q;
        return viewers.signedIn().chain(v -> renderAccounts(v, query, Forms.savedKey(saved), List.of(), 200));
    }

    Uni<Response> renderAccounts(Viewer v, String q, String saved, List<FieldMessage> errors, int status) {
        return lifecycle.accounts(v, q).chain(p -> pages.render(Templates.accounts(p, saved, errors), v, "accounts", status));
    }

    /** Sysadmins change a role from the list. */
    @POST
    @Path("admin/accounts/{id}/role")
    public Uni<Response> role(@PathParam("id") String raw, MultivaluedMap<String, String> body, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(body);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> {
                    Params p = new Params();
                    Role role = p.choice("role", form.get("role"), Role::fromWire);
                    if (role == null) {
                        p.error("role", "required");
                    }
                    p.check();
                    return admin.changeRole(v, id, role, Params.ip(request));
                },
                x -> "/admin/accounts?saved=role",
                (errors, status) -> renderAccounts(v, null, null, errors, status)));
    }

    @GET
    @Path("admin/accounts/{id}")
    public Uni<Response> retire(@PathParam("id") String raw, @QueryParam("to") String to, @QueryParam("saved") String saved) {
        long id = Params.pathId(raw);
        Params p = new Params();
        Long successor = p.optionalLong("to", to, 1, Long.MAX_VALUE);
        p.check();
        return viewers.signedIn().chain(v -> renderRetire(v, id, successor, Forms.savedKey(saved), List.of(), 200));
    }

    Uni<Response> renderRetire(Viewer v, long id, Long successor, String saved, List<FieldMessage> errors, int status) {
        return lifecycle.retire(v, id, successor).chain(p -> pages.render(Templates.retire(p, saved, errors), v, "accounts", status));
    }

    @POST
    @Path("admin/accounts/{id}/handover")
    public Uni<Response> handOver(@PathParam("id") String raw, MultivaluedMap<String, String> body, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(body);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> {
                    Params p = new Params();
                    Long successor = p.id("successorId", form.get("successorId"));
                    p.check();
                    return lifecycle.handOver(v, id, new AccountLifecycle.HandoverInput(successor), Params.ip(request));
                },
                h -> "/admin/accounts/" + id + "?saved=handed-over",
                (errors, status) -> renderRetire(v, id, null, null, errors, status)));
    }

    @POST
    @Path("admin/accounts/{id}/deactivate")
    public Uni<Response> deactivate(@PathParam("id") String raw, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> lifecycle.deactivate(v, id, Params.ip(request)),
                x -> "/admin/accounts?saved=deactivated",
                (errors, status) -> renderRetire(v, id, null, null, errors, status)));
    }

    @POST
    @Path("admin/accounts/{id}/reactivate")
    public Uni<Response> reactivate(@PathParam("id") String raw, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> lifecycle.reactivate(v, id, Params.ip(request)),
                x -> "/admin/accounts/" + id + "?saved=reactivated",
                (errors, status) -> renderRetire(v, id, null, null, errors, status)));
    }
}
