package jp.tsunagu.directory;

import jp.tsunagu.access.OrgType;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.directory.DirectoryViews.AreaView;
import jp.tsunagu.directory.DirectoryViews.CircleDetail;
import jp.tsunagu.directory.DirectoryViews.CircleSummary;
import jp.tsunagu.directory.DirectoryViews.OrgFilter;
import jp.tsunagu.directory.DirectoryViews.OrgPage;
import jp.tsunagu.directory.DirectoryViews.OrgProfile;
import jp.tsunagu.directory.DirectoryViews.PrefectureView;
import jp.tsunagu.platform.web.Params;

import java.util.List;

/** JSON directory: organizations, prefectures, areas and circles. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryApi {

    @Inject
    ViewerService viewers;

    @Inject
    DirectoryService directory;

    @Inject
    CircleService circles;

    @GET
    @Path("/organizations")
    public Uni<OrgPage> organizations(@QueryParam("type") String type, @QueryParam("prefecture") String prefecture,
                                      @QueryParam("area") String area, @QueryParam("q") String q,
                                      @QueryParam("page") String page, @QueryParam("size") String size) {
        OrgFilter filter = filter(type, prefecture, area, q, page, size);
        return viewers.current().chain(v -> directory.search(v, filter));
    }

    /** Parses and validates the directory filter (shared with the page). */
    public static OrgFilter filter(String type, String prefecture, String area, String q, String page, String size) {
        Params p = new Params();
        OrgType t = p.choice("type", type, OrgType::parse);
        Long pref = p.optionalLong("prefecture", prefecture, 1, 47);
        Long a = p.optionalLong("area", area, 1, Long.MAX_VALUE);
        String text = p.text("q", q, 100);
        int pg = p.intOr("page", page, 1, 1, 10_000);
        int sz = p.intOr("size", size, 50, 1, 200);
        p.check();
        return new OrgFilter(t, pref == null ? null : pref.intValue(), a, text, pg, sz);
    }

    @GET
    @Path("/organizations/{id}")
    public Uni<OrgProfile> organization(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.current().chain(v -> directory.profile(v, id));
    }

    @GET
    @Path("/prefectures")
    public Uni<List<PrefectureView>> prefectures() {
        return viewers.current().chain(v -> directory.prefectures(v));
    }

    @GET
    @Path("/areas")
    public Uni<List<AreaView>> areas(@QueryParam("prefecture") String prefecture) {
        Params p = new Params();
        Long pref = p.optionalLong("prefecture", prefecture, 1, 47);
        if (pref == null && (prefecture == null || prefecture.isBlank())) {
            p.id("prefecture", null);
        }
        p.check();
        return viewers.current().chain(v -> directory.areas(v, pref.shortValue()));
    }

    @GET
    @Path("/circles")
    public Uni<List<CircleSummary>> circles() {
        return viewers.signedIn().chain(v -> circles.list(v));
    }

    @GET
    @Path("/circles/{id}")
    public Uni<CircleDetail> circle(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.current().chain(v -> circles.detail(v, id));
    }
}
