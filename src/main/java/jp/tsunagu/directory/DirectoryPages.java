package jp.tsunagu.directory;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.directory.DirectoryViews.AreaView;
import jp.tsunagu.directory.DirectoryViews.CircleDetail;
import jp.tsunagu.directory.DirectoryViews.CirclesPage;
import jp.tsunagu.directory.DirectoryViews.OrgFilter;
import jp.tsunagu.directory.DirectoryViews.OrgPage;
import jp.tsunagu.directory.DirectoryViews.OrgProfile;
import jp.tsunagu.directory.DirectoryViews.PrefectureView;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.Params;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Directory list with filters, organization profiles, and circle pages. */
@Path("/")
public class DirectoryPages {

    @CheckedTemplate(basePath = "directory")
    static class Templates {
        static native TemplateInstance list(OrgFilter filter, OrgPage result, List<PrefectureView> prefectures,
                                            List<AreaView> areas, List<OrgType> types, boolean signedIn, String query,
                                            boolean canRegister, boolean keepsDirectory);

        /** The result block alone (count, table, pager), for the filter island. */
        static native TemplateInstance list$results(OrgPage result, String query);

        static native TemplateInstance profile(OrgProfile org, String saved);

        static native TemplateInstance circles(CirclesPage page, String saved);

        static native TemplateInstance circle(CircleDetail circle, String saved);
    }

    @Inject
    ViewerService viewers;

    @Inject
    DirectoryService directory;

    @Inject
    CircleService circleService;

    @Inject
    PageRenderer pages;

    @Inject
    AccessPolicy policy;

    @GET
    @Path("directory")
    public Uni<Response> list(@QueryParam("type") String type, @QueryParam("prefecture") String prefecture,
                              @QueryParam("area") String area, @QueryParam("q") String q,
                              @QueryParam("page") String page) {
        OrgFilter filter = DirectoryApi.filter(type, prefecture, area, q, page, "50");
        return viewers.current().chain(v -> directory.search(v, filter).chain(result ->
                directory.prefectures(v).chain(prefs ->
                        (filter.prefecture() == null ? Uni.createFrom().item(List.<AreaView>of())
                                : directory.areas(v, filter.prefecture().shortValue()))
                                .chain(areas -> pages.render(Templates.list(filter, result, prefs, areas,
                                        Arrays.asList(OrgType.values()), v.signedIn(), query(filter), canRegister(v),
                                        policy.permits(v, Action.EDIT, new Resource.DirectoryUpkeep())), v, "directory")))));
    }

    /** The secretariat registers organizations anywhere, a center's lead offices near their center (the form says which). */
    static boolean canRegister(Viewer v) {
        return v.is(Role.NETWORK_ADMIN) || (v.is(Role.CENTER_LEAD) && !v.administeredOrganizationIds().isEmpty());
    }

    /**
     * The results of a filter, rendered by the same template block as the page: the directory
     * filter island asks for this as the filters change (no markup built in script).
     */
    @GET
    @Path("directory/results")
    public Uni<Response> results(@QueryParam("type") String type, @QueryParam("prefecture") String prefecture,
                                 @QueryParam("area") String area, @QueryParam("q") String q,
                                 @QueryParam("page") String page) {
        OrgFilter filter = DirectoryApi.filter(type, prefecture, area, q, page, "50");
        return viewers.current().chain(v -> directory.search(v, filter)
                .chain(result -> pages.render(Templates.list$results(result, query(filter)), v, "directory")));
    }

    /** The filter as a query string without the page, for pagination links. */
    static String query(OrgFilter f) {
        StringBuilder sb = new StringBuilder();
        if (f.type() != null) {
            sb.append("&type=").append(f.type().name());
        }
        if (f.prefecture() != null) {
            sb.append("&prefecture=").append(f.prefecture());
        }
        if (f.area() != null) {
            sb.append("&area=").append(f.area());
        }
        if (f.q() != null && !f.q().isBlank()) {
            sb.append("&q=").append(URLEncoder.encode(f.q(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    @GET
    @Path("directory/{id}")
    public Uni<Response> profile(@PathParam("id") String rawId, @QueryParam("saved") String saved) {
        long id = Params.pathId(rawId);
        return viewers.current().chain(v -> directory.profile(v, id)
                .chain(org -> pages.render(Templates.profile(org, Forms.savedKey(saved)), v, "directory")));
    }

    @GET
    @Path("circles")
    public Uni<Response> circles(@QueryParam("saved") String saved) {
        return viewers.signedIn().chain(v -> circleService.page(v)
                .chain(page -> pages.render(Templates.circles(page, Forms.savedKey(saved)), v, "circles")));
    }

    @GET
    @Path("circles/{id}")
    public Uni<Response> circle(@PathParam("id") String rawId, @QueryParam("saved") String saved) {
        long id = Params.pathId(rawId);
        return viewers.current().chain(v -> circleService.detail(v, id)
                .chain(c -> pages.render(Templates.circle(c, Forms.savedKey(saved)), v, "circles")));
    }
}
