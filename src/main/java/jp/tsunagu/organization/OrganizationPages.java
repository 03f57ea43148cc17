package jp.tsunagu.organization;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.organization.OrganizationInputs.ProfileInput;
import jp.tsunagu.organization.OrganizationInputs.RegisterInput;
import jp.tsunagu.platform.web.FormErrors;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.ProblemException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.Params;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Correcting one's organization's profile (`/directory/{id}/edit`) and registering an organization (`/organizations/new`). */
@Path("/")
public class OrganizationPages {

    @CheckedTemplate(basePath = "organization")
    static class Templates {
        static native TemplateInstance edit(OrganizationService.EditPage page, Map<String, String> form, List<FieldMessage> errors);

        static native TemplateInstance newOrganization(OrganizationService.NewPage page, Map<String, String> form,
                                                       List<FieldMessage> errors);

        static native TemplateInstance merge(OrganizationService.MergePage page, List<FieldMessage> errors);

        static native TemplateInstance upkeep(OrganizationService.UpkeepPage page, String saved, List<FieldMessage> errors);

        static native TemplateInstance importForm(OrganizationService.ImportPage page, DirectoryCsv.Report report,
                                                  List<FieldMessage> errors);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    OrganizationService organizations;

    @Inject
    DirectoryCsv csv;

    @GET
    @Path("directory/{id}/edit")
    public Uni<Response> edit(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> renderEdit(v, id, Map.of(), List.of(), 200));
    }

    Uni<Response> renderEdit(Viewer v, long id, Map<String, String> form, List<FieldMessage> errors, int status) {
        return organizations.editPage(v, id).chain(p -> pages.render(Templates.edit(p, form, errors), v, "directory", status));
    }

    @POST
    @Path("directory/{id}/edit")
    public Uni<Response> save(@PathParam("id") String raw, MultivaluedMap<String, String> body, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(body);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> organizations.update(v, id, profile(form), Params.ip(request)),
                x -> "/directory/" + id + "?saved=profile",
                (errors, status) -> renderEdit(v, id, status == 409 ? withoutVersion(form) : form, errors, status)));
    }

    /** After a conflict the form keeps what was typed but carries the version stored now, so the next save can go through. */
    static Map<String, String> withoutVersion(Map<String, String> form) {
        Map<String, String> copy = new HashMap<>(form);
        copy.remove("version");
        return copy;
    }

    /** The profile form's fields; numbers and dates that are not are named by their field. */
    static ProfileInput profile(Map<String, String> form) {
        Params p = new Params();
        Integer capacity = p.integer("capacity", form.get("capacity"), 0, 10000);
        Integer vacancies = p.integer("vacancies", form.get("vacancies"), 0, 10000);
        var confirmedOn = p.date("vacanciesConfirmedOn", form.get("vacanciesConfirmedOn"));
        Integer version = p.integer("version", form.get("version"), 0, Integer.MAX_VALUE);
        p.check();
        return new ProfileInput(form.get("address"), blank(form.get("phone")), blank(form.get("fax")), blank(form.get("email")),
                blank(form.get("website")), form.get("operatingCorporation"), form.get("services"), capacity, vacancies, confirmedOn,
                form.get("specialties"), form.get("openingHours"), form.get("certificateTypes"), version);
    }

    /** An empty field is no value (so the format rules do not judge it). */
    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @GET
    @Path("organizations/new")
    public Uni<Response> newOrganization() {
        return viewers.signedIn().chain(v -> renderNew(v, Map.of(), List.of(), 200));
    }

    Uni<Response> renderNew(Viewer v, Map<String, String> form, List<FieldMessage> errors, int status) {
        return organizations.newPage(v).chain(p -> pages.render(Templates.newOrganization(p, form, errors), v, "directory", status));
    }

    @POST
    @Path("organizations/new")
    public Uni<Response> register(MultivaluedMap<String, String> body, @Context HttpServerRequest request) {
        Map<String, String> form = Forms.flat(body);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> {
                    Params p = new Params();
                    Integer prefecture = p.integer("prefectureCode", form.get("prefectureCode"), 1, 47);
                    p.check();
                    return organizations.register(v, new RegisterInput(form.get("name"), form.get("shortName"), blank(form.get("type")),
                            prefecture, form.get("municipality"), form.get("address"), form.get("operatingCorporation"),
                            blank(form.get("phone")), blank(form.get("email")), blank(form.get("website"))), Params.ip(request));
                },
                id -> "/directory/" + id + "?saved=registered",
                (errors, status) -> renderNew(v, form, errors, status)));
    }

    // ------------------------------------------------------------------ the directory as a file

    @GET
    @Path("organizations/import")
    public Uni<Response> importPage() {
        return viewers.signedIn().chain(v -> renderImport(v, null, List.of(), 200));
    }

    Uni<Response> renderImport(Viewer v, DirectoryCsv.Report report, List<FieldMessage> errors, int status) {
        return organizations.importPage(v).chain(p -> pages.render(Templates.importForm(p, report, errors), v, "directory", status));
    }

    /** The template: the header row and one example line (UTF-8 with BOM, opens in Excel). */
    @GET
    @Path("organizations/import-template.csv")
    @Produces("text/csv")
    public Uni<Response> importTemplate() {
        return viewers.signedIn().chain(v -> organizations.importPage(v)).map(p -> Response.ok(DirectoryCsv.template())
                .type("text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"organizations-template.csv\"").build());
    }

    @POST
    @Path("organizations/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Response> importUpload(@RestForm("file") FileUpload file, @Context HttpServerRequest request) {
        String ip = Params.ip(request);
        return viewers.signedIn().chain(v -> {
            byte[] body = Forms.bytes(file);
            return Uni.createFrom().deferred(() -> csv.importCsv(v, body, ip))
                    .chain(report -> renderImport(v, report, List.of(), 200))
                    .onFailure(ProblemException.class).recoverWithUni(e -> {
                        ProblemException pe = (ProblemException) e;
                        if (pe.status() != 400) {
                            return Uni.createFrom().failure(pe);
                        }
                        return renderImport(v, null, FormErrors.of(pe, v.locale()), 400);
                    });
        });
    }

    // ------------------------------------------------------------------ upkeep: confirming and merging

    @GET
    @Path("organizations/upkeep")
    public Uni<Response> upkeep(@QueryParam("saved") String saved) {
        return viewers.signedIn().chain(v -> renderUpkeep(v, Forms.savedKey(saved), List.of(), 200));
    }

    Uni<Response> renderUpkeep(Viewer v, String saved, List<FieldMessage> errors, int status) {
        return organizations.upkeepPage(v).chain(p -> pages.render(Templates.upkeep(p, saved, errors), v, "directory", status));
    }

    @POST
    @Path("organizations/{id}/confirm")
    public Uni<Response> confirm(@PathParam("id") String raw, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> organizations.confirm(v, id, Params.ip(request)),
                x -> "/organizations/upkeep?saved=confirmed", (errors, status) -> renderUpkeep(v, null, errors, status)));
    }

    /** The merge, confirmed on its own page: both records side by side and what will move. */
    @GET
    @Path("organizations/{id}/merge")
    public Uni<Response> mergePage(@PathParam("id") String raw, @QueryParam("into") String rawInto) {
        long id = Params.pathId(raw);
        Params p = new Params();
        Long into = p.optionalLong("into", rawInto, 1, Long.MAX_VALUE);
        p.check();
        return viewers.signedIn().chain(v -> renderMerge(v, id, into, List.of(), 200));
    }

    Uni<Response> renderMerge(Viewer v, long id, Long into, List<FieldMessage> errors, int status) {
        return organizations.mergePage(v, id, into).chain(p -> pages.render(Templates.merge(p, errors), v, "directory", status));
    }

    /** The form sends the one to merge away ({id}) and the one that stays ({@code intoId}). */
    @POST
    @Path("organizations/{id}/merge")
    public Uni<Response> merge(@PathParam("id") String raw, MultivaluedMap<String, String> body, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(body);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> {
                    Params p = new Params();
                    Long into = p.id("intoId", form.get("intoId"));
                    p.check();
                    return organizations.merge(v, id, new OrganizationInputs.MergeInput(into), Params.ip(request));
                }, keep -> "/directory/" + keep + "?saved=merged",
                (errors, status) -> {
                    Long into = parsedInto(form);
                    return into == null ? renderUpkeep(v, null, errors, status) : renderMerge(v, id, into, errors, status);
                }));
    }

    static Long parsedInto(Map<String, String> form) {
        Params p = new Params();
        return p.optionalLong("intoId", form.get("intoId"), 1, Long.MAX_VALUE);
    }
}
