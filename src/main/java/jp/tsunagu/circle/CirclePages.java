package jp.tsunagu.circle;

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
import jp.tsunagu.circle.CircleInputs.CircleInput;
import jp.tsunagu.circle.CircleInputs.InviteInput;
import jp.tsunagu.circle.CircleInputs.LeaveInput;
import jp.tsunagu.circle.CircleInputs.OwnerInput;
import jp.tsunagu.circle.CircleManagement.ManagePage;
import jp.tsunagu.circle.CircleManagement.NewPage;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;

import java.util.List;
import java.util.Map;

/**
 * Circles people run, as pages: start one, its manage page (edit, invite, co-owners, remove,
 * archive), leaving, and the invitations an organization's administrator answers. One route per
 * use case; each post redirects, or renders its form again with what was typed and the errors.
 */
@Path("/")
public class CirclePages {

    @CheckedTemplate(basePath = "circle")
    static class Templates {
        static native TemplateInstance newCircle(NewPage page, Map<String, String> form, List<FieldMessage> errors);

        static native TemplateInstance manage(ManagePage page, Map<String, String> form, List<FieldMessage> errors,
                                              String saved);

        static native TemplateInstance confirm(String title, String question, String action, String button,
                                               String back, List<FieldMessage> errors);

        static native TemplateInstance invitations(List<CircleInvitations.Incoming> incoming, String saved,
                                                   List<FieldMessage> errors);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    CircleWrites writes;

    @Inject
    CircleInvitations invitations;

    @Inject
    CircleManagement management;

    // ---------------------------------------------------------------- starting a circle

    @GET
    @Path("circles/new")
    public Uni<Response> newCircle() {
        return viewers.signedIn().chain(v -> renderNew(v, Map.of(), List.of(), 200));
    }

    Uni<Response> renderNew(Viewer v, Map<String, String> form, List<FieldMessage> errors, int status) {
        return management.newPage(v).chain(p -> pages.render(Templates.newCircle(p, form, errors), v, "circles", status));
    }

    @POST
    @Path("circles/new")
    public Uni<Response> create(MultivaluedMap<String, String> raw, @Context HttpServerRequest request) {
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> writes.create(v, input(form, false), Params.ip(request)),
                id -> "/circles/" + id + "/manage?saved=created",
                (errors, status) -> renderNew(v, form, errors, status)));
    }

    /** The circle form's fields; numbers that are not numbers are left for the input's rules to name. */
    static CircleInput input(Map<String, String> form, boolean edit) {
        Params p = new Params();
        Integer prefecture = p.integer("prefectureCode", form.get("prefectureCode"), 1, 47);
        Long owner = edit ? null : p.optionalLong("ownerOrganizationId", form.get("ownerOrganizationId"), 1, Long.MAX_VALUE);
        Integer version = edit ? p.integer("version", form.get("version"), 0, Integer.MAX_VALUE) : null;
        p.check();
        return new CircleInput(form.get("name"), form.get("kind"), prefecture, form.get("description"), owner, version);
    }

    // ---------------------------------------------------------------- the manage page

    @GET
    @Path("circles/{id}/manage")
    public Uni<Response> manage(@PathParam("id") String raw, @QueryParam("q") String q, @QueryParam("saved") String saved) {
        long id = Params.pathId(raw);
        String query = q == null ? null : q.length() > 100 ? q.substring(0, 100) : q;
        return viewers.signedIn().chain(v -> renderManage(v, id, query, Map.of(), List.of(), Forms.savedKey(saved), 200));
    }

    Uni<Response> renderManage(Viewer v, long id, String q, Map<String, String> form, List<FieldMessage> errors,
                               String saved, int status) {
        return management.managePage(v, id, q)
                .chain(p -> pages.render(Templates.manage(p, form, errors, saved), v, "circles", status));
    }

    @POST
    @Path("circles/{id}/edit")
    public Uni<Response> edit(@PathParam("id") String raw, MultivaluedMap<String, String> body,
                              @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(body);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> writes.update(v, id, input(form, true), Params.ip(request)),
                x -> "/circles/" + id + "/manage?saved=edited",
                (errors, status) -> renderManage(v, id, null, form, errors, null, status)));
    }

    @POST
    @Path("circles/{id}/invitations")
    public Uni<Response> invite(@PathParam("id") String raw, MultivaluedMap<String, String> body,
                                @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(body);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> {
                    Params p = new Params();
                    Long org = p.id("organizationId", form.get("organizationId"));
                    p.check();
                    return invitations.invite(v, id, new InviteInput(org, form.get("message")), Params.ip(request));
                },
                x -> "/circles/" + id + "/manage?saved=invited",
                (errors, status) -> renderManage(v, id, form.get("q"), form, errors, null, status)));
    }

    @POST
    @Path("circles/{id}/invitations/{invitationId}/withdraw")
    public Uni<Response> withdraw(@PathParam("id") String raw, @PathParam("invitationId") String rawInvitation,
                                  @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        long invitationId = Params.pathId(rawInvitation);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> invitations.withdraw(v, id, invitationId, Params.ip(request)),
                x -> "/circles/" + id + "/manage?saved=withdrawn",
                (errors, status) -> renderManage(v, id, null, Map.of(), errors, null, status)));
    }

    @POST
    @Path("circles/{id}/members/{organizationId}/owner")
    public Uni<Response> owner(@PathParam("id") String raw, @PathParam("organizationId") String rawOrg,
                               MultivaluedMap<String, String> body, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        long org = Params.pathId(rawOrg);
        boolean owner = "true".equals(Forms.flat(body).get("owner"));
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> writes.setOwner(v, id, org, new OwnerInput(owner), Params.ip(request)),
                x -> "/circles/" + id + "/manage?saved=owners",
                (errors, status) -> renderManage(v, id, null, Map.of(), errors, null, status)));
    }

    /** Asks before removing a member (the manage page links here). */
    @GET
    @Path("circles/{id}/members/{organizationId}/remove")
    public Uni<Response> confirmRemove(@PathParam("id") String raw, @PathParam("organizationId") String rawOrg) {
        long id = Params.pathId(raw);
        long org = Params.pathId(rawOrg);
        return viewers.signedIn().chain(v -> renderRemove(v, id, org, List.of(), 200));
    }

    Uni<Response> renderRemove(Viewer v, long id, long org, List<FieldMessage> errors, int status) {
        return management.page(v, id).chain(m -> {
            CircleManagement.Member member = m.members().stream().filter(x -> x.organizationId() == org).findFirst()
                    .orElseThrow(ProblemException::notFound);
            return pages.render(Templates.confirm(m.name(), messages(v, "circle.remove.question", member.name(), m.name()),
                    "/circles/" + id + "/members/" + org + "/remove", messages(v, "circle.remove.button"),
                    "/circles/" + id + "/manage", errors), v, "circles", status);
        });
    }

    @POST
    @Path("circles/{id}/members/{organizationId}/remove")
    public Uni<Response> remove(@PathParam("id") String raw, @PathParam("organizationId") String rawOrg,
                                @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        long org = Params.pathId(rawOrg);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> writes.remove(v, id, org, Params.ip(request)),
                x -> "/circles/" + id + "/manage?saved=removed",
                (errors, status) -> renderRemove(v, id, org, errors, status)));
    }

    /** Asks before archiving (it cannot be undone from the pages). */
    @GET
    @Path("circles/{id}/archive")
    public Uni<Response> confirmArchive(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> renderArchive(v, id, List.of(), 200));
    }

    Uni<Response> renderArchive(Viewer v, long id, List<FieldMessage> errors, int status) {
        return management.page(v, id).chain(m -> pages.render(Templates.confirm(m.name(),
                messages(v, "circle.archive.question", m.name()), "/circles/" + id + "/archive",
                messages(v, "circle.archive.button"), "/circles/" + id + "/manage", errors), v, "circles", status));
    }

    @POST
    @Path("circles/{id}/archive")
    public Uni<Response> archive(@PathParam("id") String raw, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> writes.archive(v, id, Params.ip(request)),
                x -> "/circles/" + id + "?saved=archived",
                (errors, status) -> renderArchive(v, id, errors, status)));
    }

    /** Leaving, from the circle's page (its administrator, for their organization). */
    @POST
    @Path("circles/{id}/leave")
    public Uni<Response> leave(@PathParam("id") String raw, MultivaluedMap<String, String> body,
                               @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(body);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> {
                    Params p = new Params();
                    Long org = p.optionalLong("organizationId", form.get("organizationId"), 1, Long.MAX_VALUE);
                    p.check();
                    return writes.leave(v, id, new LeaveInput(org), Params.ip(request));
                },
                x -> "/circles?saved=left",
                (errors, status) -> pages.render(Templates.confirm("", errors.isEmpty() ? "" : errors.get(0).message(),
                        "/circles/" + id + "/leave", messages(v, "circle.leave.button"), "/circles/" + id, errors),
                        v, "circles", status)));
    }

    // ---------------------------------------------------------------- answering for an organization

    @GET
    @Path("circle-invitations")
    public Uni<Response> incoming(@QueryParam("saved") String saved) {
        return viewers.signedIn().chain(v -> renderIncoming(v, Forms.savedKey(saved), List.of(), 200));
    }

    Uni<Response> renderIncoming(Viewer v, String saved, List<FieldMessage> errors, int status) {
        return invitations.incoming(v).chain(list -> pages.render(Templates.invitations(list, saved, errors), v, "circles", status));
    }

    @POST
    @Path("circle-invitations/{id}/accept")
    public Uni<Response> accept(@PathParam("id") String raw, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> invitations.accept(v, id, Params.ip(request)),
                a -> "/circles/" + a.circleId() + "?saved=joined",
                (errors, status) -> renderIncoming(v, null, errors, status)));
    }

    @POST
    @Path("circle-invitations/{id}/decline")
    public Uni<Response> decline(@PathParam("id") String raw, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> invitations.decline(v, id, Params.ip(request)),
                a -> "/circle-invitations?saved=declined",
                (errors, status) -> renderIncoming(v, null, errors, status)));
    }

    private static String messages(Viewer v, String key, Object... args) {
        return Messages.get(v.locale(), key, args);
    }
}
