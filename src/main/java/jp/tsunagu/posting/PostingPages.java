package jp.tsunagu.posting;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.FormErrors;
import jp.tsunagu.platform.web.Choice;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.posting.PostingViews.SearchPage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The posting pages: search, share a new one, read one (share further, close, view log). Plain forms, PRG. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PostingPages {

    @CheckedTemplate(basePath = "posting")
    static class Templates {
        static native TemplateInstance list(SearchPage result, Map<String, String> filter, List<Choice> prefectures,
                                            String query, boolean digestOn, List<SavedSearches.View> saved);

        static native TemplateInstance form(Map<String, String> form, List<String> checked, List<Choice> prefectures,
                                            List<Choice> organizations, List<Choice> circles, List<FieldMessage> errors,
                                            Long postingId);



    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    PostingService postings;

    @Inject
    PostingDetails details;

    @Inject
    PostingPageService pageData;

    @Inject
    DigestPreference digest;

    @Inject
    SavedSearches savedSearches;

    @POST
    @Path("postings/saved")
    public Uni<Response> saveSearch(MultivaluedMap<String, String> raw) {
        Map<String, String> form = Forms.flat(raw);
        return viewers.inSession(v -> savedSearches.save(v, new SavedSearches.Input(form.get("name"), form.get("query")))
                .map(s -> Forms.redirect("/postings?" + s.query())));
    }

    @POST
    @Path("postings/saved/{savedId}/delete")
    public Uni<Response> deleteSearch(@PathParam("savedId") String raw) {
        long id = Params.pathId(raw);
        return viewers.inSession(v -> savedSearches.delete(v, id)).map(x -> Forms.redirect("/postings"));
    }

    @POST
    @Path("postings/digest")
    public Uni<Response> digest(MultivaluedMap<String, String> raw) {
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> digest.set(v, new DigestPreference.Input("true".equals(form.get("enabled")))))
                .map(x -> Forms.redirect("/postings#digest"));
    }

    static final List<String> FILTERS = List.of("q", "kind", "prefecture", "category", "employmentType", "hoursMax",
            "carving", "disability", "source", "sort");

    @GET
    @Path("postings")
    public Uni<Response> list(@Context UriInfo uri) {
        MultivaluedMap<String, String> qp = uri.getQueryParameters();
        Map<String, String> filter = new HashMap<>();
        FILTERS.forEach(k -> {
            String v = qp.getFirst(k);
            if (v != null && !v.isBlank() && v.length() <= 100) {
                filter.put(k, v);
            }
        });
        PostingSearch.Filters f = PostingSearch.parse(PostingSearch.Query.of(qp::getFirst));
        String query = uri.getRequestUri().getRawQuery();
        String pageless = query == null ? "" : query.replaceAll("&?page=\\d+", "");
        return viewers.signedIn().chain(v -> pageData.listPage(v, f).chain(page -> pages.render(Templates.list(page.result(),
                filter, page.prefectures(), pageless, page.digestOn(), page.saved()), v, "postings")));
    }

    @GET
    @Path("postings/new")
    public Uni<Response> newForm(@QueryParam("kind") String kind) {
        return viewers.inSession(v -> renderForm(v, PostingForm.blank(kind), List.of(), 200, null));
    }

    /** The same form filled with a posting, for its own organization's staff (others: 403, or 404 if hidden). */
    @GET
    @Path("postings/{id}/edit")
    public Uni<Response> editForm(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.inSession(v -> details.editableDetail(v, id)
                .chain(d -> renderForm(v, PostingForm.from(d), List.of(), 200, d.id())));
    }

    @POST
    @Path("postings/{id}/edit")
    public Uni<Response> edit(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        PostingForm form = PostingForm.from(rawForm);
        return viewers.inSession(v -> {
            Params p = new Params();
            PostingInput in = form.toEditInput(p);
            return Forms.checked(p).chain(x -> postings.update(v, id, in))
                    .map(d -> Forms.redirect("/postings/" + d.id() + "?saved=updated"))
                    .onFailure(e -> e instanceof ProblemException pe && pe.status() != 404 && pe.status() != 403)
                    .recoverWithUni(e -> {
                        ProblemException pe = (ProblemException) e;
                        // someone saved first: keep this person's text, take the current version, say so
                        Uni<PostingForm> shown = pe.status() != 409 ? Uni.createFrom().item(form)
                                : details.editableDetail(v, id).map(current -> form.atVersion(current.version()));
                        return shown.chain(f -> renderForm(v, f, FormErrors.of(pe, v.locale()), pe.status(), id));
                    });
        });
    }

    Uni<Response> renderForm(Viewer v, PostingForm form, List<FieldMessage> errors, int status, Long postingId) {
        return pageData.formChoices(v).chain(c -> pages.render(Templates.form(form.values(), form.checked(), c.prefectures(),
                c.organizations(), c.circles(), errors, postingId), v, "postings", status));
    }

    @POST
    @Path("postings")
    public Uni<Response> create(MultivaluedMap<String, String> raw) {
        PostingForm form = PostingForm.from(raw);
        return viewers.inSession(v -> {
            Params p = new Params();
            PostingInput in = form.toNewInput(p);
            return Forms.checked(p).chain(x -> postings.create(v, in))
                    .map(d -> Forms.redirect("/postings/" + d.id() + "?saved=created"))
                    .onFailure(ProblemException.class)
                    .recoverWithUni(e -> renderForm(v, form, FormErrors.of((ProblemException) e, v.locale()),
                            ((ProblemException) e).status(), null));
        });
    }
}
