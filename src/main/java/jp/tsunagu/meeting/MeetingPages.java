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
import jp.tsunagu.directory.DirectoryViews;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.meeting.MeetingViews.ActionView;
import jp.tsunagu.meeting.MeetingViews.AgendaView;
import jp.tsunagu.meeting.MeetingViews.InviteeView;
import jp.tsunagu.meeting.MeetingViews.MeetingDetail;
import jp.tsunagu.meeting.MeetingViews.MeetingSummary;
import jp.tsunagu.meeting.MeetingViews.PollView;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.FormErrors;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Meetings as HTML pages: plain forms that work without script (islands make the poll grid, the
 * agenda editor and the minutes editor quicker), each posting to a page route that calls the
 * same services as the API, then redirects or shows the errors with what was typed.
 */
@Path("/")
public class MeetingPages {

    @CheckedTemplate(basePath = "meeting")
    static class Templates {
        static native TemplateInstance list(List<MeetingSummary> upcoming, List<MeetingSummary> past, List<OrgRef> orgs,
                                            List<OrgRef> circles, Map<String, String> form, List<FieldMessage> errors,
                                            String feedUrl);

        static native TemplateInstance meeting(MeetingDetail d, PollView poll, AgendaView agenda,
                                               List<InviteeView> invitees, List<ActionView> actions,
                                               Map<String, String> form, String failed, List<FieldMessage> errors,
                                               String saved, List<OrgRef> circles,
                                               List<DirectoryViews.PrefectureView> prefectures, boolean recorder);

        static native TemplateInstance cancel(MeetingDetail d, List<FieldMessage> errors);







    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    MeetingService meetings;

    @Inject
    MeetingChanges changes;

    @Inject
    PollService polls;

    @Inject
    InviteService invites;

    @Inject
    RsvpService rsvps;



    @Inject
    SeriesService series;

    @Inject
    CalendarService calendars;

    @Inject
    MeetingPageService meetingPage;

    // ---------------------------------------------------------------- list and create

    @GET
    @Path("meetings")
    public Uni<Response> list() {
        return viewers.signedIn().chain(v -> renderList(v, Map.of(), List.of(), null, 200));
    }

    Uni<Response> renderList(Viewer v, Map<String, String> form, List<FieldMessage> errors, String feedUrl, int status) {
        return meetings.listPage(v).chain(p -> pages.render(Templates.list(p.lists().upcoming(), p.lists().past(),
                p.organizations(), p.circles(), form, errors, feedUrl), v, "meetings", status));
    }

    @POST
    @Path("meetings")
    public Uni<Response> create(MultivaluedMap<String, String> raw) {
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> {
            Params p = new Params();
            MeetingInput in = MeetingForms.meetingInput(form, p, null);
            return Forms.checked(p).chain(x -> changes.create(v, in));
        }, d -> "/meetings/" + d.id() + "?saved=created", (errors, status) -> renderList(v, form, errors, null, status)));
    }

    /** A calendar feed URL issued (all meetings, or one circle's); shown once on the list page. */
    @POST
    @Path("meetings/calendar-feed")
    public Uni<Response> feed(MultivaluedMap<String, String> raw) {
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            Long circleId = p.optionalLong("feedCircleId", form.get("feedCircleId"), 1, Long.MAX_VALUE);
            return Forms.checked(p).chain(x -> calendars.issue(v, new CalendarService.FeedInput(circleId)))
                    .chain(url -> renderList(v, Map.of(), List.of(), url.url(), 200))
                    .onFailure(FormPost::fixable).recoverWithUni(e -> renderList(v, form, errors(e, v), null, status(e)));
        });
    }

    /** A series (定例) from the meetings page's form. */
    @POST
    @Path("series")
    public Uni<Response> createSeries(MultivaluedMap<String, String> raw) {
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> {
            Params p = new Params();
            SeriesService.SeriesInput in = MeetingForms.series(form, p);
            return Forms.checked(p).chain(x -> series.create(v, in));
        }, s -> "/series/" + s.id(), (errors, status) -> renderList(v, form, errors, null, status)));
    }

    // ---------------------------------------------------------------- one meeting

    @GET
    @Path("meetings/{id}")
    public Uni<Response> meeting(@PathParam("id") String raw, @QueryParam("saved") String saved) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> renderMeeting(v, id, Map.of(), null, List.of(), Forms.savedKey(saved), 200));
    }

    Uni<Response> renderMeeting(Viewer v, long id, Map<String, String> form, String failed, List<FieldMessage> errors,
                                String saved, int status) {
        return meetingPage.page(v, id).chain(p -> pages.render(Templates.meeting(p.detail(), p.poll(), p.agenda(),
                p.invitees(), p.actions(), form, failed, errors, saved, p.circles(), p.prefectures(), p.recorder()), v, "meetings", status));
    }

    /** An organization asked to co-host agrees or declines (its own route: one use case). */
    @POST
    @Path("meetings/{id}/co-host")
    public Uni<Response> answerCoHost(@PathParam("id") String raw, @RestForm String accept) {
        long id = Params.pathId(raw);
        if (!"yes".equals(accept) && !"no".equals(accept)) {
            throw ProblemException.field("accept", "unknown-value");
        }
        boolean yes = "yes".equals(accept);
        return viewers.signedIn().chain(v -> changes.answerCoHost(v, id, yes))
                .map(x -> Response.seeOther(URI.create(yes ? "/meetings/" + id + "?saved=co-host" : "/meetings")).build());
    }

    // One route per use case on the meeting page; each runs through FormPost: 303 back to the
    // meeting (at the section it belongs to), or the page again with what was typed and the errors.

    /** Posts one of the meeting page's forms: redirect to {@code #anchor} with {@code ?saved=key}, or show the errors. */
    Uni<Response> post(long id, MultivaluedMap<String, String> rawForm, String failed, String key, String anchor,
                       BiFunction<Viewer, Map<String, String>, Uni<?>> useCase) {
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> useCase.apply(v, form),
                x -> "/meetings/" + id + "?saved=" + key + "#" + anchor,
                (errors, status) -> renderMeeting(v, id, form, failed, errors, null, status)));
    }

    @POST
    @Path("meetings/{id}/edit")
    public Uni<Response> update(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        return post(id, rawForm, "update", "updated", "main", (v, form) -> {
            Params p = new Params();
            Integer version = p.intOr("version", form.get("version"), -1, 0, Integer.MAX_VALUE);
            MeetingInput in = MeetingForms.meetingInput(form, p, version);
            return Forms.checked(p).chain(x -> changes.update(v, id, in));
        });
    }

    /** Moves the meeting on (planned → scheduled, scheduled → held); the current status selected leaves it as it is. */
    @POST
    @Path("meetings/{id}/status")
    public Uni<Response> status(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> {
            Params p = new Params();
            Integer version = p.intOr("version", form.get("version"), -1, 0, Integer.MAX_VALUE);
            String wanted = form.get("status") == null ? null : form.get("status").strip();
            if (MeetingTerms.Status.CANCELLED.name().equals(wanted)) {
                // cancelling tells every invitee: only through its confirmation page
                p.error("status", "unknown-value");
            }
            return Forms.checked(p).chain(x -> meetings.detail(v, id)).chain(d -> d.summary().status().equals(wanted)
                    ? Uni.createFrom().item("unchanged")
                    : changes.changeStatus(v, id, new StatusInput(form.get("status"), version)).map(x -> "status"));
        }, key -> "/meetings/" + id + "?saved=" + key + "#h-manage",
                (errors, status) -> renderMeeting(v, id, form, "status", errors, null, status)));
    }

    /** Asks before cancelling: what happens and who is told. */
    @GET
    @Path("meetings/{id}/cancel")
    public Uni<Response> cancelPage(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> renderCancel(v, id, List.of(), 200));
    }

    Uni<Response> renderCancel(Viewer v, long id, List<FieldMessage> errors, int status) {
        return meetings.detail(v, id).chain(d -> {
            if (!d.canEdit()) {
                return Uni.createFrom().failure(ProblemException.notFound());
            }
            String s = d.summary().status();
            if (!(s.equals("DRAFT") || s.equals("SCHEDULING") || s.equals("SCHEDULED"))) {
                // held, recorded or already cancelled: nothing to cancel, back to the meeting
                return Uni.createFrom().item(Forms.redirect("/meetings/" + id));
            }
            return pages.render(Templates.cancel(d, errors), v, "meetings", status);
        });
    }

    @POST
    @Path("meetings/{id}/cancel")
    public Uni<Response> cancel(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> {
            Params p = new Params();
            Integer version = p.intOr("version", form.get("version"), -1, 0, Integer.MAX_VALUE);
            return Forms.checked(p).chain(x -> changes.changeStatus(v, id,
                    new StatusInput(MeetingTerms.Status.CANCELLED.name(), version)));
        }, x -> "/meetings/" + id + "?saved=cancelled#main", (errors, status) -> renderCancel(v, id, errors, status)));
    }

    @POST
    @Path("meetings/{id}/poll/slots")
    public Uni<Response> slots(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        return post(id, rawForm, "slots", "slots", "poll", (v, form) -> {
            Params p = new Params();
            List<PollService.SlotInput> slots = MeetingForms.slotInputs(form, p);
            return Forms.checked(p).chain(x -> polls.setSlots(v, id, new PollService.SlotsInput(slots)));
        });
    }


    @POST
    @Path("meetings/{id}/poll/answer")
    public Uni<Response> answer(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        return post(id, rawForm, "answer", "answer", "poll", (v, form) -> {
            Params p = new Params();
            PollService.AnswerInput in = MeetingForms.answerInput(form, p);
            return Forms.checked(p).chain(x -> polls.answer(v, id, in));
        });
    }

    @POST
    @Path("meetings/{id}/poll/confirm")
    public Uni<Response> confirm(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        return post(id, rawForm, "confirm", "confirmed", "poll", (v, form) -> {
            Params p = new Params();
            Long slot = p.id("slotId", form.get("slotId"));
            return Forms.checked(p).chain(x -> polls.confirm(v, id, new PollService.ConfirmInput(slot)));
        });
    }

    @POST
    @Path("meetings/{id}/invitations")
    public Uni<Response> invite(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        return post(id, rawForm, "invite", "invited", "invitations", (v, form) -> {
            Params p = new Params();
            InviteInput in = MeetingForms.inviteInput(form, p);
            return Forms.checked(p).chain(x -> invites.invite(v, id, in));
        });
    }

    @POST
    @Path("meetings/{id}/invitations/{inviteeId}/revoke")
    public Uni<Response> revoke(@PathParam("id") String raw, @PathParam("inviteeId") String rawInvitee,
                                MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        long invitee = Params.pathId(rawInvitee);
        return post(id, rawForm, "revoke", "revoked", "invitations", (v, form) -> invites.revoke(v, id, invitee));
    }

    @POST
    @Path("meetings/{id}/rsvp")
    public Uni<Response> rsvp(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        return post(id, rawForm, "rsvp", "rsvp", "rsvp",
                (v, form) -> rsvps.rsvp(v, id, new RsvpInput(form.get("response"))));
    }



    // ---------------------------------------------------------------- helpers

    static List<FieldMessage> errors(Throwable e, Viewer v) {
        return FormErrors.of((ProblemException) e, v.locale());
    }

    static int status(Throwable e) {
        return ((ProblemException) e).status();
    }
}
