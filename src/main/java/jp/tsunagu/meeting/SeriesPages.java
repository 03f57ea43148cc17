package jp.tsunagu.meeting;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.meeting.MeetingViews.SeriesView;
import jp.tsunagu.platform.web.FormErrors;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;

import java.util.List;

/** A meeting series (定例) as a page: its meetings, and planning the next one. */
@Path("/")
public class SeriesPages {

    @CheckedTemplate(basePath = "meeting")
    static class Templates {
        static native TemplateInstance series(SeriesView s, List<FieldMessage> errors);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    SeriesService series;

    @GET
    @Path("series/{id}")
    public Uni<Response> seriesPage(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> series.get(v, id)
                .chain(s -> pages.render(Templates.series(s, List.of()), v, "meetings")));
    }

    /** Drafts the series' next meeting from the last one (organizers' consent carried only from it). */
    @POST
    @Path("series/{id}/next")
    public Uni<Response> planNext(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> series.planNext(v, id).map(d -> Forms.redirect("/meetings/" + d.id() + "?saved=planned"))
                .onFailure(e -> e instanceof ProblemException pe && pe.status() == 403)
                .recoverWithUni(e -> series.get(v, id).chain(s -> pages.render(Templates.series(s,
                        FormErrors.of((ProblemException) e, v.locale())), v, "meetings", 403))));
    }
}
