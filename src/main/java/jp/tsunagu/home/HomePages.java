package jp.tsunagu.home;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.ViewerService;

/** The home page: for visitors an introduction, for members what matters to them. */
@Path("/")
public class HomePages {

    @CheckedTemplate(basePath = "home")
    static class Templates {
        static native TemplateInstance home(HomeService.Home home);
    }

    @Inject
    ViewerService viewers;

    @Inject
    HomeService homes;

    @Inject
    PageRenderer pages;

    @GET
    public Uni<Response> home() {
        return viewers.current().chain(v -> homes.home(v).chain(h -> pages.render(Templates.home(h), v, "home")));
    }
}
