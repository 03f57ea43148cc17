package jp.tsunagu.survey;

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
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.questionnaire.Answers;

import java.util.List;

/**
 * The page an office opens from the survey mail (/survey/{token}, no sign-in): the questions with
 * its answer so far, saved as often as it likes until the deadline, then read only. An unknown link
 * answers 404, never the form. Not indexed, no referrer.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SurveyLinkPages {

    @CheckedTemplate(basePath = "survey")
    static class Templates {
        static native TemplateInstance answer(String token, SurveyLinks.Opened o, SurveySheet.Sheet sheet,
                                              List<FieldMessage> errors, boolean saved);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    SurveyLinks links;

    static boolean english(Viewer v) {
        return "en".equals(v.locale().getLanguage());
    }

    @GET
    @Path("survey/{token}")
    public Uni<Response> page(@PathParam("token") String token, @QueryParam("saved") String saved) {
        return viewers.current().chain(v -> links.open(token, english(v)).chain(o ->
                render(v, token, o, o.answers(), List.of(), "answer".equals(saved), 200)));
    }

    Uni<Response> render(Viewer v, String token, SurveyLinks.Opened o, Answers shown, List<FieldMessage> errors, boolean saved,
                         int status) {
        return pages.render(Templates.answer(token, o, SurveySheet.of(o.definition(), shown, v.locale()), errors, saved), v,
                        "survey", status)
                .map(r -> Response.fromResponse(r).header("Referrer-Policy", "no-referrer").header("X-Robots-Tag", "noindex").build());
    }

    @POST
    @Path("survey/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> answer(@PathParam("token") String token, MultivaluedMap<String, String> form) {
        return viewers.current().chain(v -> links.open(token, english(v)).chain(o -> {
            Params p = new Params();
            Answers typed = SurveySheet.read(o.definition(), form, p);
            return FormPost.run(v.locale(), () -> {
                        p.check();
                        return links.answer(token, typed, english(v));
                    }, x -> "/survey/" + token + "?saved=answer#main",
                    (errors, status) -> render(v, token, o, typed, errors, false, status));
        }));
    }
}
