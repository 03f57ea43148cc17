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
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.Params;

import java.util.List;
import java.util.Map;

/** An organization's members page (its administrators), and asking to join an organization. */
@Path("/")
public class StaffPages {

    @CheckedTemplate(basePath = "account")
    static class Templates {
        static native TemplateInstance staff(StaffService.Staff staff, Map<String, String> form, List<FieldMessage> errors,
                                             String saved);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    StaffService staff;

    @GET
    @Path("organizations/{id}/members")
    public Uni<Response> members(@PathParam("id") String raw, @QueryParam("saved") String saved) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> render(v, id, Map.of(), List.of(), Forms.savedKey(saved), 200));
    }

    Uni<Response> render(Viewer v, long id, Map<String, String> form, List<FieldMessage> errors, String saved, int status) {
        return staff.staff(v, id).chain(s -> pages.render(Templates.staff(s, form, errors, saved), v, "directory", status));
    }

    @POST
    @Path("organizations/{id}/members")
    public Uni<Response> add(@PathParam("id") String raw, MultivaluedMap<String, String> body, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(body);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> {
                    String email = form.get("email");
                    if (email == null || email.isBlank()) {
                        // on this form an address is what adds someone; asking to join is on the profile
                        Params p = new Params();
                        p.error("email", "required");
                        p.check();
                    }
                    return staff.add(v, id, new StaffService.AddInput(email, form.get("title")), Params.ip(request));
                },
                a -> "/organizations/" + id + "/members?saved=added",
                (errors, status) -> render(v, id, form, errors, null, status)));
    }

    @POST
    @Path("organizations/{id}/members/{accountId}")
    public Uni<Response> change(@PathParam("id") String raw, @PathParam("accountId") String rawAccount,
                                MultivaluedMap<String, String> body, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        long account = Params.pathId(rawAccount);
        Map<String, String> form = Forms.flat(body);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> staff.change(v, id, account, new StaffService.MemberInput("true".equals(form.get("admin")), form.get("title")),
                        Params.ip(request)),
                m -> "/organizations/" + id + "/members?saved=changed",
                (errors, status) -> render(v, id, Map.of(), errors, null, status)));
    }

    /** Ends someone's membership of this organization (its administrators; the last administrator stays). */
    @POST
    @Path("organizations/{id}/members/{accountId}/end")
    public Uni<Response> end(@PathParam("id") String raw, @PathParam("accountId") String rawAccount, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        long account = Params.pathId(rawAccount);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> staff.remove(v, id, account, Params.ip(request)),
                x -> "/organizations/" + id + "/members?saved=ended",
                (errors, status) -> render(v, id, Map.of(), errors, null, status)));
    }

    @POST
    @Path("memberships/{id}/approve")
    public Uni<Response> approve(@PathParam("id") String raw, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> staff.approve(v, id, Params.ip(request))
                .map(a -> Forms.redirect("/organizations/" + a.organizationId() + "/members?saved=approved")));
    }

    @POST
    @Path("memberships/{id}/decline")
    public Uni<Response> decline(@PathParam("id") String raw, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> staff.decline(v, id, Params.ip(request))
                .map(a -> Forms.redirect("/organizations/" + a.organizationId() + "/members?saved=declined")));
    }

    /** Asking to join, from the organization's profile (its administrator decides). */
    @POST
    @Path("organizations/{id}/join")
    public Uni<Response> join(@PathParam("id") String raw, MultivaluedMap<String, String> body, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(body);
        return viewers.signedIn().chain(v -> staff.add(v, id, new StaffService.AddInput(null, form.get("title")), Params.ip(request))
                .map(a -> Forms.redirect("/directory/" + id + "?saved=join-requested")));
    }
}
