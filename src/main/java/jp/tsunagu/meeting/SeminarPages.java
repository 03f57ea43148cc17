package jp.tsunagu.meeting;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Params;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A seminar's public announcement (/seminars/{id}, no sign-in) with its registration form; a refused
 * registration comes back with what was typed; a registration ends on the page's thanks (seat or
 * waiting list), the personal link going by mail.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SeminarPages {

    @CheckedTemplate(basePath = "meeting")
    static class Templates {
        static native TemplateInstance seminar(SeminarService.SeminarPage page, Map<String, String> form, List<FieldMessage> errors,
                                               String registered, List<String> orgTypes);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    SeminarService seminars;

    static final List<String> ORG_TYPES = Arrays.stream(OrgType.values()).filter(t -> t != OrgType.NATIONAL_NETWORK)
            .map(Enum::name).toList();

    @GET
    @Path("seminars/{id}")
    public Uni<Response> page(@PathParam("id") String rawId, @QueryParam("registered") String registered) {
        long id = Params.pathId(rawId);
        String shown = "received".equals(registered) ? registered : null;
        return viewers.current().chain(v -> render(v, id, Map.of(), List.of(), shown, 200));
    }

    Uni<Response> render(Viewer v, long id, Map<String, String> form, List<FieldMessage> errors, String registered, int status) {
        return seminars.page(id, v.locale()).chain(p -> pages.render(Templates.seminar(p, form, errors, registered, ORG_TYPES), v,
                "seminar", status));
    }

    @POST
    @Path("seminars/{id}/register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> register(@PathParam("id") String rawId, MultivaluedMap<String, String> raw,
                                  @jakarta.ws.rs.core.Context io.vertx.core.http.HttpServerRequest request) {
        long id = Params.pathId(rawId);
        Map<String, String> form = new HashMap<>();
        raw.forEach((k, vs) -> form.put(k, vs.isEmpty() ? "" : vs.get(0)));
        return viewers.current().chain(v -> FormPost.run(v.locale(),
                () -> seminars.register(id, new SeminarService.RegistrationInput(form.get("name"), form.get("organization"),
                        form.get("organizationType"), form.get("email"), form.get("attend"), form.get("consent") != null,
                        form.get("website")), v.locale(), Params.ip(request)),
                r -> "/seminars/" + id + "?registered=received#registered",
                (errors, status) -> render(v, id, form, errors, null, status)));
    }
}
