package jp.tsunagu.meeting;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.meeting.MeetingViews.MinutesView;
import jp.tsunagu.meeting.MeetingViews.PersonalView;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.Params;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The page a person without an account opens from their mail (/p/{token}, no sign-in): the poll,
 * their answer, the minutes once published and the questionnaire. One route per form; an unknown
 * link answers 404 and an ended one 410, never the form again.
 */
@Path("/")
public class PersonalPages {

    @CheckedTemplate(basePath = "meeting")
    static class Templates {
        static native TemplateInstance personal(String token, PersonalView p, MinutesView minutes,
                                                MeetingQuestionnaire.View q, List<FieldMessage> errors, String saved);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    PollService polls;

    @Inject
    RsvpService rsvps;

    @Inject
    MinutesService minutes;

    @Inject
    MeetingQuestionnaire questionnaire;

    @GET
    @Path("p/{token}")
    public Uni<Response> personal(@PathParam("token") String token, @QueryParam("saved") String saved) {
        return viewers.current().chain(v -> renderPersonal(v, token, List.of(), Forms.savedKey(saved), 200));
    }

    Uni<Response> renderPersonal(Viewer v, String token, List<FieldMessage> errors, String saved, int status) {
        return polls.personal(token, v.locale()).chain(p -> {
            boolean published = "MINUTES_PUBLISHED".equals(p.meeting().status());
            Uni<MinutesView> mv = published ? minutes.byToken(token) : Uni.createFrom().nullItem();
            Uni<MeetingQuestionnaire.View> q = published ? questionnaire.viewByToken(token, v.locale()) : Uni.createFrom().nullItem();
            return mv.chain(mins -> q.chain(qv -> pages.render(Templates.personal(token, p, mins, qv, errors, saved), v,
                    "personal", status))).map(r -> Response.fromResponse(r).header("Referrer-Policy", "no-referrer")
                    .header("X-Robots-Tag", "noindex").build());
        });
    }

    Uni<Response> post(String token, Supplier<Uni<?>> useCase, String key) {
        return viewers.current().chain(v -> FormPost.run(v.locale(), useCase::get, x -> "/p/" + token + "?saved=" + key,
                (errors, status) -> renderPersonal(v, token, errors, null, status)));
    }

    /** The poll answered (○ △ × per date). */
    @POST
    @Path("p/{token}/answer")
    public Uni<Response> answer(@PathParam("token") String token, MultivaluedMap<String, String> rawForm) {
        Map<String, String> form = Forms.flat(rawForm);
        return post(token, () -> {
            Params p = new Params();
            PollService.AnswerInput in = MeetingForms.answerInput(form, p);
            return Forms.checked(p).chain(x -> polls.answerByToken(token, in));
        }, "answer");
    }

    @POST
    @Path("p/{token}/rsvp")
    public Uni<Response> rsvp(@PathParam("token") String token, MultivaluedMap<String, String> rawForm) {
        Map<String, String> form = Forms.flat(rawForm);
        return post(token, () -> rsvps.rsvpByToken(token, new RsvpInput(form.get("response"))), "rsvp");
    }

    @POST
    @Path("p/{token}/questionnaire")
    public Uni<Response> questionnaire(@PathParam("token") String token, MultivaluedMap<String, String> rawForm) {
        return post(token, () -> questionnaire.answerByToken(token, MeetingForms.submission(rawForm)), "questionnaire");
    }
}
