package jp.tsunagu.meeting;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.Params;

/** Seminars over JSON: the public announcement and registration (no sign-in), and the organizers' settings. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class SeminarApi {

    @Inject
    ViewerService viewers;

    @Inject
    SeminarService seminars;

    @Inject
    MeetingQuestionnaire questionnaire;

    @GET
    @Path("/seminars/{id}")
    public Uni<SeminarService.SeminarPage> announcement(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.current().chain(v -> seminars.page(id, v.locale()));
    }

    @POST
    @Path("/seminars/{id}/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> register(@PathParam("id") String rawId, SeminarService.RegistrationInput body,
                                  @jakarta.ws.rs.core.Context io.vertx.core.http.HttpServerRequest request) {
        long id = Params.pathId(rawId);
        return viewers.current().chain(v -> seminars.register(id, body, v.locale(), Params.ip(request)))
                .map(r -> Response.status(202).entity(r).build());
    }

    @PUT
    @Path("/meetings/{id}/seminar")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SeminarService.SettingsInput> settings(@PathParam("id") String rawId, SeminarService.SettingsInput body) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> seminars.settings(v, id, body));
    }

    /** The after-seminar questionnaire's results split by group (ナカポツ / other), for the organizers. */
    @GET
    @Path("/meetings/{id}/questionnaire/groups")
    public Uni<MeetingQuestionnaire.GroupResults> groups(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> questionnaire.byGroup(v, id));
    }
}
