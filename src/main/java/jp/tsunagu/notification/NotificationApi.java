package jp.tsunagu.notification;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.Params;

import java.util.List;

/** The signed-in person's own notifications. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationApi {

    @Inject
    ViewerService viewers;

    @Inject
    NotificationService notifications;

    @GET
    public Uni<List<NotificationService.Item>> list() {
        return viewers.signedIn().chain(v -> notifications.recent(v, 50));
    }

    @POST
    @Path("/{id}/read")
    public Uni<Response> read(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> notifications.markRead(v, id)).map(x -> Response.noContent().build());
    }
}
