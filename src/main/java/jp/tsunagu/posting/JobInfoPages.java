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
import jp.tsunagu.meeting.MeetingService;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.Choice;
import jp.tsunagu.posting.PostingViews.PostingDetail;

import java.util.List;
import java.util.Map;

/** The posting pages: search, share a new one, read one (share further, close, view log). Plain forms, PRG. */
/** Postings read out at a meeting's job-information item (求人情報の共有), as a page of the meeting. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class JobInfoPages {

    @CheckedTemplate(basePath = "posting")
    static class Templates {
        static native TemplateInstance jobInfo(long meetingId, String meetingTitle, boolean canEdit, List<PostingDetail> attached,
                                               List<Choice> candidates, List<FieldMessage> errors, String saved);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    PostingSearch search;

    @Inject
    MeetingPostings attachments;

    @Inject
    MeetingService meetings;

    @GET
    @Path("meetings/{id}/job-info")
    public Uni<Response> jobInfo(@PathParam("id") String raw, @QueryParam("saved") String saved) {
        long id = Params.pathId(raw);
        return viewers.inSession(v -> renderJobInfo(v, id, List.of(), Forms.savedKey(saved), 200));
    }

    Uni<Response> renderJobInfo(Viewer v, long id, List<FieldMessage> errors, String saved, int status) {
        PostingSearch.Filters recent = new PostingSearch.Filters("", null, null, null, null, null, null, null, false, null,
                null, null, null, false, PostingTerms.Sort.NEWEST, 0, 100);
        return meetings.detail(v, id).chain(d -> attachments.list(v, id).chain(attached ->
                (d.canEdit() ? search.search(v, recent).map(page -> page.items().stream()
                        // only what may be attached: network-wide, or shared into the meeting's circle
                        .filter(p -> "NETWORK".equals(p.visibility()) || d.circle() != null && p.circleIds().contains(d.circle().id()))
                        .filter(p -> attached.stream().noneMatch(a -> a.id() == p.id()))
                        .map(p -> new Choice(String.valueOf(p.id()), p.title() + "（" + p.companyName() + "）")).toList())
                        : Uni.createFrom().item(List.<Choice>of()))
                        .chain(candidates -> pages.render(Templates.jobInfo(id, d.summary().title(), d.canEdit(), attached,
                                candidates, errors, saved), v, "meetings", status))));
    }

    /** A posting read out at the meeting's job-information item (only what reached the meeting's circle). */
    @POST
    @Path("meetings/{id}/job-info")
    public Uni<Response> attach(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.inSession(v -> FormPost.run(v.locale(), () -> {
            Params p = new Params();
            Long posting = p.optionalLong("postingId", form.get("postingId"), 1, Long.MAX_VALUE);
            if (posting == null) {
                p.error("postingId", "required");
            }
            return Forms.checked(p).chain(x -> attachments.attach(v, id, new MeetingPostings.AttachInput(List.of(posting))));
        }, x -> "/meetings/" + id + "/job-info?saved=attached", (errors, status) -> renderJobInfo(v, id, errors, null, status)));
    }

    @POST
    @Path("meetings/{id}/job-info/{postingId}/detach")
    public Uni<Response> detach(@PathParam("id") String raw, @PathParam("postingId") String rawPosting) {
        long id = Params.pathId(raw);
        long posting = Params.pathId(rawPosting);
        return viewers.inSession(v -> FormPost.run(v.locale(), () -> attachments.detach(v, id, posting),
                x -> "/meetings/" + id + "/job-info?saved=attached", (errors, status) -> renderJobInfo(v, id, errors, null, status)));
    }

}
