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
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.meeting.MeetingViews.ActionView;
import jp.tsunagu.meeting.MeetingViews.AgendaView;
import jp.tsunagu.meeting.MeetingViews.MeetingDetail;
import jp.tsunagu.meeting.MeetingViews.MinutesItemView;
import jp.tsunagu.meeting.MeetingViews.MinutesView;
import jp.tsunagu.platform.web.FormErrors;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A meeting's minutes (議事録), their action items and the questionnaire as pages: one route per
 * form, each through {@link FormPost}.
 */
@Path("/")
public class MinutesPages {

    @CheckedTemplate(basePath = "meeting")
    static class Templates {
        static native TemplateInstance minutes(MeetingDetail d, MinutesView minutes, List<ActionView> actions,
                                               MinutesSignOff.SignOffView signOff, List<FieldMessage> errors, String saved);

        static native TemplateInstance minutesEdit(MeetingDetail d, AgendaView agenda, MinutesView stored,
                                                   List<MinutesItemView> draft, int version, boolean conflict,
                                                   List<ActionView> actions, List<OrgRef> owners,
                                                   MinutesSignOff.SignOffView signOff, boolean organizer,
                                                   MinutesRecorders.Recorders recorders,
                                                   List<FieldMessage> errors, String saved);

        static native TemplateInstance questionnaire(MeetingDetail d, MeetingQuestionnaire.View q,
                                                     List<FieldMessage> errors, String saved);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    MeetingService meetings;

    @Inject
    AgendaService agendas;

    @Inject
    MinutesService minutes;

    @Inject
    ActionService actions;

    @Inject
    MeetingQuestionnaire questionnaire;

    @Inject
    MinutesSignOff signOff;

    @Inject
    MinutesRecorders recorders;

    @Inject
    MinutesPageService minutesPage;

    @Inject
    LiveMinutes live;

    // ---------------------------------------------------------------- minutes

    @GET
    @Path("meetings/{id}/minutes")
    public Uni<Response> minutesPage(@PathParam("id") String raw, @QueryParam("saved") String saved) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> renderMinutes(v, id, List.of(), Forms.savedKey(saved), 200));
    }

    Uni<Response> renderMinutes(Viewer v, long id, List<FieldMessage> errors, String saved, int status) {
        return minutesPage.page(v, id).chain(p -> pages.render(Templates.minutes(p.detail(), p.minutes(), p.actions(),
                p.signOff(), errors, saved), v, "meetings", status));
    }

    /** Sign-off: the organizer circulates the draft to the attendees. */
    @POST
    @Path("meetings/{id}/minutes/circulate")
    public Uni<Response> circulate(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> {
            Params p = new Params();
            Integer days = p.integer("days", form.get("days"), 1, 30);
            return Forms.checked(p).chain(x -> signOff.circulate(v, id, new MinutesSignOff.CirculateInput(days)));
        }, x -> "/meetings/" + id + "/minutes/edit?saved=circulated#signoff",
                (errors, status) -> renderMinutesEdit(v, id, null, -1, false, errors, null, status)));
    }

    /** Sign-off: an attendee's comment or proposed wording. */
    @POST
    @Path("meetings/{id}/minutes/comments")
    public Uni<Response> comment(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> {
            Params p = new Params();
            Integer item = p.integer("item", form.get("item"), 1, 40);
            return Forms.checked(p).chain(x -> signOff.comment(v, id, new MinutesSignOff.CommentInput(item, form.get("field"),
                    form.get("kind"), form.get("body"), blankToNull(form.get("proposedText")))));
        }, x -> "/meetings/" + id + "/minutes?saved=comment#signoff",
                (errors, status) -> renderMinutes(v, id, errors, null, status)));
    }

    /** Sign-off: the organizer accepts a proposal or answers. */
    @POST
    @Path("meetings/{id}/minutes/comments/{commentId}/resolve")
    public Uni<Response> resolve(@PathParam("id") String raw, @PathParam("commentId") String rawComment,
                                 MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        long commentId = Params.pathId(rawComment);
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> signOff.resolve(v, id, commentId, new MinutesSignOff.ResolveInput(form.get("decision"), form.get("answer"))),
                x -> "/meetings/" + id + "/minutes/edit?saved=resolved#signoff",
                (errors, status) -> renderMinutesEdit(v, id, null, -1, false, errors, null, status)));
    }

    /** An organizer names an attendee as recorder (記録係): they may write the minutes' text too. */
    @POST
    @Path("meetings/{id}/minutes/recorders")
    public Uni<Response> nameRecorder(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> {
            Params p = new Params();
            Long invitee = p.id("inviteeId", form.get("inviteeId"));
            return Forms.checked(p).chain(x -> recorders.name(v, id, new MinutesRecorders.RecorderInput(invitee)));
        }, x -> "/meetings/" + id + "/minutes/edit?saved=recorder#recorders",
                (errors, status) -> renderMinutesEdit(v, id, null, -1, false, errors, null, status)));
    }

    /** An organizer takes the recorder's role back. */
    @POST
    @Path("meetings/{id}/minutes/recorders/{inviteeId}/remove")
    public Uni<Response> removeRecorder(@PathParam("id") String raw, @PathParam("inviteeId") String rawInvitee) {
        long id = Params.pathId(raw);
        long invitee = Params.pathId(rawInvitee);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> recorders.remove(v, id, invitee),
                x -> "/meetings/" + id + "/minutes/edit?saved=recorder-removed#recorders",
                (errors, status) -> renderMinutesEdit(v, id, null, -1, false, errors, null, status)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @GET
    @Path("meetings/{id}/minutes/edit")
    public Uni<Response> minutesEdit(@PathParam("id") String raw, @QueryParam("saved") String saved) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> renderMinutesEdit(v, id, null, -1, false, List.of(), Forms.savedKey(saved), 200));
    }

    Uni<Response> renderMinutesEdit(Viewer v, long id, List<MinutesItemView> draft, int version, boolean conflict,
                                    List<FieldMessage> errors, String saved, int status) {
        // organizers see the whole page; a recorder they named, the text alone (404 for anyone else)
        return meetings.detail(v, id).chain(d -> recorders.editsAsOrganizer(v, id).chain(organizer -> minutes.minutes(v, id)
                .chain(stored -> agendas.agenda(v, id).chain(a -> (organizer ? actions.list(v, id) : Uni.createFrom().item(List.<ActionView>of()))
                        .chain(acts -> (organizer ? signOff.forPage(v, id) : Uni.createFrom().<MinutesSignOff.SignOffView>nullItem())
                                .chain(so -> (organizer ? recorders.list(v, id) : Uni.createFrom().<MinutesRecorders.Recorders>nullItem())
                                        .chain(rec -> {
                live.warmUp(); // the editor's socket opens next
                List<MinutesItemView> items = withAgenda(draft != null ? draft : stored.items(), a);
                return pages.render(Templates.minutesEdit(d, a, stored, items, version >= 0 ? version : stored.version(),
                        conflict, acts, d.summary().organizers(), so, organizer, rec, errors, saved), v, "meetings", status);
            })))))));
    }

    /**
     * The rows the minutes editor shows: in agenda order, each agenda item with what was written
     * under it or, if nothing yet, its title as the theme to write under; then rows not tied to the
     * agenda. Rows with nothing written are not stored, so the agenda keeps scaffolding the editor.
     */
    static List<MinutesItemView> withAgenda(List<MinutesItemView> written, AgendaView agenda) {
        List<MinutesItemView> rows = new ArrayList<>();
        Set<Long> positions = new HashSet<>();
        for (var item : agenda.items()) {
            long position = item.position();
            positions.add(position);
            List<MinutesItemView> under = written.stream().filter(w -> Long.valueOf(position).equals(w.agendaItemPosition())).toList();
            rows.addAll(under.isEmpty() ? List.of(new MinutesItemView(position, item.title(), null, null)) : under);
        }
        written.stream().filter(w -> w.agendaItemPosition() == null || !positions.contains(w.agendaItemPosition()))
                .forEach(rows::add);
        return rows;
    }

    /** Saves the minutes as written; a stale version shows both texts to merge (the conflict view). */
    @POST
    @Path("meetings/{id}/minutes")
    public Uni<Response> save(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        Params p = new Params();
        Integer version = MeetingForms.version(form, p);
        List<MinutesItemView> items = MeetingForms.minutesItems(form, p);
        return viewers.signedIn().chain(v -> Forms.checked(p).chain(x -> minutes.save(v, id, new MinutesService.MinutesInput(version, items)))
                .map(x -> Forms.redirect("/meetings/" + id + "/minutes/edit?saved=minutes"))
                .onFailure(FormPost::fixable)
                .recoverWithUni(e -> {
                    ProblemException pe = (ProblemException) e;
                    boolean conflict = pe.status() == 409 && "conflict".equals(pe.key());
                    // after a conflict the form carries the stored version: the person has now seen
                    // it, so saving their merged text again is a deliberate overwrite
                    return renderMinutesEdit(v, id, items, conflict || version == null ? -1 : version, conflict,
                            conflict ? List.of() : FormErrors.of(pe, v.locale()), null, pe.status());
                }));
    }

    @POST
    @Path("meetings/{id}/minutes/publish")
    public Uni<Response> publish(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> minutes.publish(v, id, new MinutesService.PublishInput("on".equals(form.get("acknowledgeWarnings")))),
                x -> "/meetings/" + id + "/minutes",
                (errors, status) -> renderMinutesEdit(v, id, null, -1, false, errors, null, status)));
    }

    /** A new action item (確認事項) from the minutes page. */
    @POST
    @Path("meetings/{id}/minutes/actions")
    public Uni<Response> createAction(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> {
            Params p = new Params();
            ActionService.ActionInput in = MeetingForms.action(form, p);
            return Forms.checked(p).chain(x -> actions.create(v, id, in));
        }, x -> "/meetings/" + id + "/minutes/edit?saved=action#actions",
                (errors, status) -> renderMinutesEdit(v, id, null, -1, false, errors, null, status)));
    }

    /** An action item's status changed (open, done …). */
    @POST
    @Path("meetings/{id}/minutes/actions/{actionId}")
    public Uni<Response> updateAction(@PathParam("id") String raw, @PathParam("actionId") String rawAction,
                                      MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        long actionId = Params.pathId(rawAction);
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> {
            Params p = new Params();
            ActionService.ActionInput in = MeetingForms.action(form, p);
            return Forms.checked(p).chain(x -> actions.update(v, id, actionId, in));
        }, x -> "/meetings/" + id + "/minutes/edit?saved=action#actions",
                (errors, status) -> renderMinutesEdit(v, id, null, -1, false, errors, null, status)));
    }

    // ---------------------------------------------------------------- questionnaire

    @GET
    @Path("meetings/{id}/questionnaire")
    public Uni<Response> questionnairePage(@PathParam("id") String raw, @QueryParam("saved") String saved) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> renderQuestionnaire(v, id, List.of(), Forms.savedKey(saved), 200));
    }

    Uni<Response> renderQuestionnaire(Viewer v, long id, List<FieldMessage> errors, String saved, int status) {
        return questionnaire.view(v, id).chain(q -> meetings.detail(v, id)
                .chain(d -> pages.render(Templates.questionnaire(d, q, errors, saved), v, "meetings", status)));
    }

    @POST
    @Path("meetings/{id}/questionnaire")
    public Uni<Response> answer(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> questionnaire.answer(v, id, MeetingForms.submission(rawForm)),
                x -> "/meetings/" + id + "/questionnaire?saved=questionnaire",
                (errors, status) -> renderQuestionnaire(v, id, errors, null, status)));
    }

    /** The organizers' follow-up note on the answers. */
    @POST
    @Path("meetings/{id}/questionnaire/followup")
    public Uni<Response> followup(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> questionnaire.followup(v, id, new MeetingQuestionnaire.FollowupInput(form.get("followup"))),
                x -> "/meetings/" + id + "/questionnaire?saved=questionnaire",
                (errors, status) -> renderQuestionnaire(v, id, errors, null, status)));
    }
}
