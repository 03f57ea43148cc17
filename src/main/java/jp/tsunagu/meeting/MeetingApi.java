package jp.tsunagu.meeting;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.meeting.MeetingViews.ActionView;
import jp.tsunagu.meeting.MeetingViews.AgendaView;
import jp.tsunagu.meeting.MeetingViews.AttendanceView;
import jp.tsunagu.meeting.MeetingViews.InviteeView;
import jp.tsunagu.meeting.MeetingViews.MeetingDetail;
import jp.tsunagu.meeting.MeetingViews.MeetingSummary;
import jp.tsunagu.meeting.MeetingViews.MinutesView;
import jp.tsunagu.meeting.MeetingViews.MyInvitation;
import jp.tsunagu.meeting.MeetingViews.PersonalView;
import jp.tsunagu.meeting.MeetingViews.PollRow;
import jp.tsunagu.meeting.MeetingViews.PollView;
import jp.tsunagu.meeting.MeetingViews.SeriesView;
import jp.tsunagu.meeting.MeetingViews.TemplateView;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.questionnaire.QuestionnaireService.Submission;

import java.net.URI;
import java.util.List;

/** JSON API of meetings. Thin: every call goes to a service, which asks the access policy. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class MeetingApi {

    @Inject
    ViewerService viewers;

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
    AgendaService agendas;

    @Inject
    MinutesService minutes;

    @Inject
    MinutesSignOff signOff;

    @Inject
    MinutesRecorders recorders;

    @Inject
    ActionService actions;

    @Inject
    SeriesService series;

    @Inject
    MeetingQuestionnaire questionnaire;

    @Inject
    CalendarService calendars;

    // ---------------------------------------------------------------- meetings

    @GET
    @Path("/meetings")
    public Uni<List<MeetingSummary>> list(@QueryParam("circle") String circle, @QueryParam("series") String seriesId,
                                          @QueryParam("status") String status, @QueryParam("upcoming") String upcoming) {
        Params p = new Params();
        Long circleId = p.optionalLong("circle", circle, 1, Long.MAX_VALUE);
        Long sid = p.optionalLong("series", seriesId, 1, Long.MAX_VALUE);
        MeetingTerms.Status st = p.choice("status", status, v -> MeetingTerms.parse(MeetingTerms.Status.class, v));
        if (upcoming != null && !upcoming.matches("^(true|false)$")) {
            p.error("upcoming", "unknown-value");
        }
        p.check();
        return viewers.current().chain(v -> meetings.list(v, new MeetingService.Filter(circleId, sid,
                st, "true".equals(upcoming))));
    }

    @POST
    @Path("/meetings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(@NotNull MeetingInput body) {
        return viewers.signedIn().chain(v -> changes.create(v, body))
                .map(d -> Response.created(URI.create("/api/meetings/" + d.id())).entity(d).build());
    }

    @GET
    @Path("/meetings/{id}")
    public Uni<MeetingDetail> detail(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> meetings.detail(v, id));
    }

    @PUT
    @Path("/meetings/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MeetingDetail> update(@PathParam("id") String raw, @NotNull MeetingInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> changes.update(v, id, body));
    }

    /** An answer to being asked to co-host. */
    public record CoHostAnswer(@NotNull Boolean accept) {
    }

    /** An organization asked to co-host agrees (it then runs the meeting) or declines (it leaves the list). */
    @POST
    @Path("/meetings/{id}/co-host")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MeetingDetail> answerCoHost(@PathParam("id") String raw, @NotNull @Valid CoHostAnswer body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> changes.answerCoHost(v, id, body.accept())
                .chain(() -> body.accept() ? meetings.detail(v, id) : Uni.createFrom().nullItem()));
    }

    @POST
    @Path("/meetings/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MeetingDetail> status(@PathParam("id") String raw, @NotNull StatusInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> changes.changeStatus(v, id, body));
    }

    @GET
    @Path("/meetings/{id}/meeting.ics")
    @Produces("text/calendar")
    public Uni<Response> ics(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> calendars.meetingFile(v, id)).map(bytes -> Response.ok(bytes)
                .type("text/calendar; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"meeting-" + id + ".ics\"").build());
    }

    // ---------------------------------------------------------------- poll

    @GET
    @Path("/meetings/{id}/poll")
    public Uni<PollView> poll(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> polls.view(v, id));
    }

    @PUT
    @Path("/meetings/{id}/poll")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PollView> slots(@PathParam("id") String raw, @NotNull PollService.SlotsInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> polls.setSlots(v, id, body));
    }

    @POST
    @Path("/meetings/{id}/poll")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PollView> answer(@PathParam("id") String raw, @NotNull PollService.AnswerInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> polls.answer(v, id, body));
    }

    @POST
    @Path("/meetings/{id}/poll/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PollView> confirm(@PathParam("id") String raw, @NotNull PollService.ConfirmInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> polls.confirm(v, id, body));
    }

    // ---------------------------------------------------------------- personal links (no sign-in)

    @GET
    @Path("/poll/{token}")
    public Uni<PersonalView> personal(@PathParam("token") String token) {
        return viewers.current().chain(v -> polls.personal(token, v.locale()));
    }

    @POST
    @Path("/poll/{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PollRow> personalAnswer(@PathParam("token") String token, @NotNull PollService.AnswerInput body) {
        return polls.answerByToken(token, body);
    }

    @POST
    @Path("/poll/{token}/rsvp")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MyInvitation> personalRsvp(@PathParam("token") String token, @NotNull RsvpInput body) {
        return rsvps.rsvpByToken(token, body);
    }

    @GET
    @Path("/poll/{token}/questionnaire")
    public Uni<MeetingQuestionnaire.View> personalQuestionnaire(@PathParam("token") String token) {
        return viewers.current().chain(v -> questionnaire.viewByToken(token, v.locale()));
    }

    @POST
    @Path("/poll/{token}/questionnaire")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> personalQuestionnaireAnswer(@PathParam("token") String token, @NotNull Submission body) {
        return questionnaire.answerByToken(token, body).map(x -> Response.noContent().build());
    }

    // ---------------------------------------------------------------- invitations and answers

    @GET
    @Path("/meetings/{id}/invitations")
    public Uni<List<InviteeView>> invitees(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> invites.invitees(v, id));
    }

    @POST
    @Path("/meetings/{id}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<InviteService.InviteResult> invite(@PathParam("id") String raw, @NotNull InviteInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> invites.invite(v, id, body));
    }

    @DELETE
    @Path("/meetings/{id}/invitations/{inviteeId}")
    public Uni<List<InviteeView>> revoke(@PathParam("id") String raw, @PathParam("inviteeId") String rawInvitee) {
        long id = Params.pathId(raw);
        long inviteeId = Params.pathId(rawInvitee);
        return viewers.signedIn().chain(v -> invites.revoke(v, id, inviteeId));
    }

    @POST
    @Path("/meetings/{id}/rsvp")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MyInvitation> rsvp(@PathParam("id") String raw, @NotNull RsvpInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> rsvps.rsvp(v, id, body));
    }

    // ---------------------------------------------------------------- agenda

    @GET
    @Path("/meetings/{id}/agenda")
    public Uni<AgendaView> agenda(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> agendas.agenda(v, id));
    }

    @PUT
    @Path("/meetings/{id}/agenda")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AgendaView> replaceAgenda(@PathParam("id") String raw, @NotNull AgendaService.AgendaInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> agendas.replace(v, id, body));
    }

    @POST
    @Path("/meetings/{id}/agenda/template")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AgendaView> applyTemplate(@PathParam("id") String raw, @NotNull AgendaService.TemplateApply body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> agendas.applyTemplate(v, id, body));
    }

    @POST
    @Path("/meetings/{id}/agenda/save-as-template")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TemplateView> saveTemplate(@PathParam("id") String raw, @NotNull AgendaService.TemplateSave body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> agendas.saveTemplate(v, id, body));
    }

    @GET
    @Path("/agenda-templates")
    public Uni<List<TemplateView>> templates() {
        return viewers.signedIn().chain(v -> agendas.templates(v));
    }

    // ---------------------------------------------------------------- attendance, minutes, actions

    @GET
    @Path("/meetings/{id}/attendance")
    public Uni<List<AttendanceView>> attendance(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> minutes.attendance(v, id));
    }

    @PUT
    @Path("/meetings/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<List<AttendanceView>> recordAttendance(@PathParam("id") String raw, @NotNull MinutesService.AttendanceInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> minutes.recordAttendance(v, id, body));
    }

    @GET
    @Path("/meetings/{id}/attendance.csv")
    @Produces("text/csv")
    public Uni<Response> attendanceCsv(@PathParam("id") String raw, @Context HttpServerRequest request) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> minutes.attendanceCsv(v, id, Params.ip(request))).map(csv -> Response.ok(csv)
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"attendance-" + id + ".csv\"").build());
    }

    @GET
    @Path("/meetings/{id}/minutes")
    public Uni<MinutesView> minutes(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> minutes.minutes(v, id));
    }

    @PUT
    @Path("/meetings/{id}/minutes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MinutesView> saveMinutes(@PathParam("id") String raw, @NotNull MinutesService.MinutesInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> minutes.save(v, id, body));
    }

    @POST
    @Path("/meetings/{id}/minutes/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MinutesView> publish(@PathParam("id") String raw, MinutesService.PublishInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> minutes.publish(v, id, body));
    }

    /** Sign-off: circulate the draft to the attendees ({"days": 1–30, default 7}). */
    @POST
    @Path("/meetings/{id}/minutes/circulate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MinutesSignOff.SignOffView> circulate(@PathParam("id") String raw, MinutesSignOff.CirculateInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> signOff.circulate(v, id, body));
    }

    /** The recorders (記録係) and the attendees who could be named: organizers only. */
    @GET
    @Path("/meetings/{id}/minutes/recorders")
    public Uni<MinutesRecorders.Recorders> recorders(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> recorders.list(v, id));
    }

    @POST
    @Path("/meetings/{id}/minutes/recorders")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MinutesRecorders.Recorders> nameRecorder(@PathParam("id") String raw, @NotNull MinutesRecorders.RecorderInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> recorders.name(v, id, body));
    }

    @DELETE
    @Path("/meetings/{id}/minutes/recorders/{inviteeId}")
    public Uni<MinutesRecorders.Recorders> removeRecorder(@PathParam("id") String raw, @PathParam("inviteeId") String rawInvitee) {
        long id = Params.pathId(raw);
        Params p = new Params();
        Long invitee = p.id("inviteeId", rawInvitee);
        p.check();
        return viewers.signedIn().chain(v -> recorders.remove(v, id, invitee));
    }

    @GET
    @Path("/meetings/{id}/minutes/comments")
    public Uni<MinutesSignOff.SignOffView> comments(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> signOff.comments(v, id));
    }

    @POST
    @Path("/meetings/{id}/minutes/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> comment(@PathParam("id") String raw, @NotNull MinutesSignOff.CommentInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> signOff.comment(v, id, body)).map(c -> Response.created(
                URI.create("/api/meetings/" + id + "/minutes/comments/" + c.id())).entity(c).build());
    }

    @POST
    @Path("/meetings/{id}/minutes/comments/{commentId}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MinutesSignOff.CommentView> resolve(@PathParam("id") String raw, @PathParam("commentId") String rawComment,
                                                   @NotNull MinutesSignOff.ResolveInput body) {
        long id = Params.pathId(raw);
        long commentId = Params.pathId(rawComment);
        return viewers.signedIn().chain(v -> signOff.resolve(v, id, commentId, body));
    }

    @GET
    @Path("/meetings/{id}/actions")
    public Uni<List<ActionView>> actions(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> actions.list(v, id));
    }

    @POST
    @Path("/meetings/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> createAction(@PathParam("id") String raw, @NotNull ActionService.ActionInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> actions.create(v, id, body))
                .map(a -> Response.created(URI.create("/api/meetings/" + id + "/actions/" + a.id())).entity(a).build());
    }

    @PUT
    @Path("/meetings/{id}/actions/{actionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ActionView> updateAction(@PathParam("id") String raw, @PathParam("actionId") String rawAction,
                                        @NotNull ActionService.ActionInput body) {
        long id = Params.pathId(raw);
        long actionId = Params.pathId(rawAction);
        return viewers.signedIn().chain(v -> actions.update(v, id, actionId, body));
    }

    // ---------------------------------------------------------------- questionnaire

    @GET
    @Path("/meetings/{id}/questionnaire")
    public Uni<MeetingQuestionnaire.View> questionnaire(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> questionnaire.view(v, id));
    }

    @POST
    @Path("/meetings/{id}/questionnaire")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> answerQuestionnaire(@PathParam("id") String raw, @NotNull Submission body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> questionnaire.answer(v, id, body)).map(x -> Response.noContent().build());
    }

    @PUT
    @Path("/meetings/{id}/questionnaire/followup")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MeetingQuestionnaire.View> followup(@PathParam("id") String raw, @NotNull MeetingQuestionnaire.FollowupInput body) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> questionnaire.followup(v, id, body));
    }

    // ---------------------------------------------------------------- series and calendars

    @POST
    @Path("/series")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> createSeries(@NotNull SeriesService.SeriesInput body) {
        return viewers.signedIn().chain(v -> series.create(v, body))
                .map(s -> Response.created(URI.create("/api/series/" + s.id())).entity(s).build());
    }

    @GET
    @Path("/series/{id}")
    public Uni<SeriesView> series(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> series.get(v, id));
    }

    @POST
    @Path("/series/{id}/next")
    public Uni<Response> planNext(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> series.planNext(v, id))
                .map(d -> Response.created(URI.create("/api/meetings/" + d.id())).entity(d).build());
    }

    /** Revokes every calendar feed URL of the person (a password change does the same). */
    @DELETE
    @Path("/me/calendar-feeds")
    public Uni<Response> revokeFeeds() {
        return viewers.signedIn().chain(v -> calendars.revokeAll(v)).map(n -> Response.noContent().build());
    }

    @POST
    @Path("/me/calendar-feeds")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CalendarService.FeedUrl> feed(CalendarService.FeedInput body) {
        return viewers.signedIn().chain(v -> calendars.issue(v, body));
    }
}
