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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.Choice;
import jp.tsunagu.posting.PostingViews.PostingDetail;
import jp.tsunagu.posting.PostingViews.ViewLogEntry;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The posting pages: search, share a new one, read one (share further, close, view log). Plain forms, PRG. */
/**
 * A posting's page and what is done from it, one route per use case through {@link FormPost}:
 * share it into another circle, change its status, book internship places and decide bookings,
 * ask a circle "anyone suitable?" and answer. Opening the page logs the view (the view log).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PostingDetailPages {

    @CheckedTemplate(basePath = "posting")
    static class Templates {
        static native TemplateInstance detail(PostingDetail p, List<Choice> shareTargets, List<ViewLogEntry> views,
                                              List<RequestService.BookingView> bookings, List<RequestService.AskView> asks,
                                              List<Choice> askCircles, List<FieldMessage> errors, String saved);
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
    RequestService requests;

    @GET
    @Path("postings/{id}")
    public Uni<Response> detail(@PathParam("id") String raw, @QueryParam("saved") String saved) {
        long id = Params.pathId(raw);
        return viewers.inSession(v -> renderDetail(v, id, List.of(), Forms.savedKey(saved), 200, true));
    }

    Uni<Response> renderDetail(Viewer v, long id, List<FieldMessage> errors, String saved, int status, boolean logView) {
        Uni<PostingDetail> found = logView ? details.get(v, id) : details.detail(v, id);
        return found.chain(d -> (d.canEdit() ? details.views(v, id) : Uni.createFrom().item(List.<ViewLogEntry>of()))
                .chain(views -> shareTargets(v, d).chain(targets -> ("INTERNSHIP".equals(d.kind()) ? requests.bookings(v, id)
                        : Uni.createFrom().item(List.<RequestService.BookingView>of())).chain(bookings ->
                        requests.asks(v, id).chain(asks -> askCircles(v, d).chain(askCircles ->
                                pages.render(Templates.detail(d, targets, views, bookings, asks, askCircles, errors, saved), v,
                                        "postings", status)))))));
    }

    /** The viewer's circles the posting already reached: where "anyone suitable?" may be asked. */
    Uni<List<Choice>> askCircles(Viewer v, PostingDetail d) {
        List<Long> ids = v.circleIds().stream().filter(v::mayAddTo).filter(c -> "NETWORK".equals(d.visibility())
                || d.shares().stream().anyMatch(s -> s.circleId() == c)).toList();
        return ids.isEmpty() || !"OPEN".equals(d.status()) ? Uni.createFrom().item(List.of())
                : Circle.<Circle>list("id in ?1 order by name", ids).map(cs -> cs.stream()
                .map(c -> new Choice(String.valueOf(c.id), c.name)).toList());
    }

    /** Circles of the viewer the posting is not in yet, if the viewer may pass it on. */
    Uni<List<Choice>> shareTargets(Viewer v, PostingDetail d) {
        if (!d.canForward()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> ids = v.circleIds().stream().filter(v::mayAddTo)
                .filter(c -> d.shares().stream().noneMatch(s -> s.circleId() == c)).toList();
        return ids.isEmpty() ? Uni.createFrom().item(List.of())
                : Circle.<Circle>list("id in ?1 order by name", ids).map(cs -> cs.stream()
                .map(c -> new Choice(String.valueOf(c.id), c.name)).toList());
    }

    // One route per use case on the posting page, each through FormPost: back to the posting with
    // ?saved=…, or the page again with the errors (the view is not logged a second time).

    Uni<Response> detailPost(long id, String key, Function<Viewer, Uni<?>> useCase) {
        return viewers.inSession(v -> FormPost.run(v.locale(), () -> useCase.apply(v),
                x -> "/postings/" + id + "?saved=" + key, (errors, status) -> renderDetail(v, id, errors, null, status, false)));
    }

    /** Passes the posting on into another of the viewer's circles (not if it is do-not-forward). */
    @POST
    @Path("postings/{id}/share")
    public Uni<Response> share(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return detailPost(id, "shared", v -> {
            Params p = new Params();
            Long circle = p.optionalLong("circleId", form.get("circleId"), 1, Long.MAX_VALUE);
            return Forms.checked(p).chain(x -> postings.share(v, id, new PostingService.ShareInput(circle)));
        });
    }

    @POST
    @Path("postings/{id}/status")
    public Uni<Response> status(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return detailPost(id, "status", v -> {
            Params p = new Params();
            Integer version = p.integer("version", form.get("version"), 0, Integer.MAX_VALUE);
            return Forms.checked(p).chain(x -> postings.changeStatus(v, id, new PostingService.StatusInput(form.get("status"), version)));
        });
    }

    /** Books places of an internship for the viewer's office. */
    @POST
    @Path("postings/{id}/bookings")
    public Uni<Response> book(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return detailPost(id, "booked", v -> {
            Params p = new Params();
            Integer people = p.integer("people", form.get("people"), 1, 20);
            return Forms.checked(p).chain(x -> requests.book(v, id, new RequestService.BookingInput(people, form.get("office"),
                    form.get("message"))));
        });
    }

    /** A booking accepted, declined or withdrawn. */
    @POST
    @Path("postings/{id}/bookings/{requestId}/decision")
    public Uni<Response> decide(@PathParam("id") String raw, @PathParam("requestId") String rawRequest,
                                MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        long request = Params.pathId(rawRequest);
        Map<String, String> form = Forms.flat(rawForm);
        return detailPost(id, "decided", v -> {
            Params p = new Params();
            Integer version = p.integer("version", form.get("version"), 0, Integer.MAX_VALUE);
            return Forms.checked(p).chain(x -> requests.decide(v, id, request, new RequestService.DecisionInput(form.get("status"),
                    version)));
        });
    }

    /** "Anyone suitable?" asked in one of the circles the posting reached. */
    @POST
    @Path("postings/{id}/asks")
    public Uni<Response> ask(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return detailPost(id, "asked", v -> {
            Params p = new Params();
            Long circle = p.optionalLong("circleId", form.get("circleId"), 1, Long.MAX_VALUE);
            return Forms.checked(p).chain(x -> requests.ask(v, new RequestService.AskInput(id, circle, form.get("message"))));
        });
    }

    @POST
    @Path("postings/{id}/asks/{askId}/answer")
    public Uni<Response> answer(@PathParam("id") String raw, @PathParam("askId") String rawAsk,
                                MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        long ask = Params.pathId(rawAsk);
        Map<String, String> form = Forms.flat(rawForm);
        return detailPost(id, "answered", v -> {
            Params p = new Params();
            Integer people = p.integer("people", form.get("people"), 1, 20);
            return Forms.checked(p).chain(x -> requests.answer(v, id, ask, new RequestService.AnswerInput(people, null)));
        });
    }
}
