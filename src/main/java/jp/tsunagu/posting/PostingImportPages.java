package jp.tsunagu.posting;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.FormErrors;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.ProblemException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

/** The posting pages: search, share a new one, read one (share further, close, view log). Plain forms, PRG. */
/** The CSV import of postings as a page: the upload, the line-by-line report, the template file. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PostingImportPages {

    @CheckedTemplate(basePath = "posting")
    static class Templates {
        static native TemplateInstance importForm(PostingImport.Report report, List<String> columns, List<FieldMessage> errors);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    PostingImport imports;

    @GET
    @Path("postings/import")
    public Uni<Response> importPage() {
        return viewers.signedIn().chain(v -> pages.render(Templates.importForm(null, PostingImport.COLUMNS, List.of()), v,
                "postings"));
    }

    /** The template: the header row and one example line (UTF-8 with BOM, opens in Excel). */
    @GET
    @Path("postings/import-template.csv")
    @Produces("text/csv")
    public Uni<Response> importTemplate() {
        return viewers.signedIn().map(v -> Response.ok(PostingImport.template()).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"postings-template.csv\"").build());
    }

    @POST
    @Path("postings/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Response> importUpload(@RestForm("file") FileUpload file) {
        return viewers.signedIn().chain(v -> {
            byte[] body = Forms.bytes(file);
            return Uni.createFrom().deferred(() -> imports.importCsv(v, body))
                    .chain(report -> pages.render(Templates.importForm(report, PostingImport.COLUMNS, List.of()), v, "postings"))
                    .onFailure(ProblemException.class).recoverWithUni(e -> pages.render(Templates.importForm(null,
                            PostingImport.COLUMNS, FormErrors.of((ProblemException) e, v.locale())), v, "postings",
                            ((ProblemException) e).status()));
        });
    }

}
