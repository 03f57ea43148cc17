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
import jp.tsunagu.meeting.MeetingViews.AgendaItemView;
import jp.tsunagu.meeting.MeetingViews.AgendaView;
import jp.tsunagu.meeting.MeetingViews.AttendanceView;
import jp.tsunagu.meeting.MeetingViews.InviteeView;
import jp.tsunagu.meeting.MeetingViews.MeetingDetail;
import jp.tsunagu.meeting.MeetingViews.TemplateView;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A meeting's agenda (次第) and attendance register as pages, for those who run the meeting: one
 * route per form, each through {@link FormPost} (back to the page with ?saved=…, or the page again
 * with what was typed and the errors).
 */
@Path("/")
public class MeetingAgendaPages {

    @CheckedTemplate(basePath = "meeting")
    static class Templates {
        static native TemplateInstance agenda(MeetingDetail d, AgendaView agenda, List<TemplateView> templates,
                                              List<AgendaItemView> draft, List<OrgRef> presenters,
                                              List<FieldMessage> errors, String saved);

        static native TemplateInstance attendance(MeetingDetail d, List<InviteeView> invitees,
                                                  List<AttendanceView> attendance, List<AttendanceView> walkIns,
                                                  List<FieldMessage> errors, String saved);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    MeetingService meetings;

    @Inject
    InviteService invites;

    @Inject
    AgendaService agendas;

    @Inject
    MinutesService minutes;

    // ---------------------------------------------------------------- agenda

    @GET
    @Path("meetings/{id}/agenda")
    public Uni<Response> agenda(@PathParam("id") String raw, @QueryParam("saved") String saved) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> renderAgenda(v, id, null, List.of(), Forms.savedKey(saved), 200));
    }

    Uni<Response> renderAgenda(Viewer v, long id, List<AgendaItemView> draft, List<FieldMessage> errors, String saved,
                               int status) {
        return meetings.detail(v, id).chain(d -> {
            if (!d.canEdit()) {
                return Uni.createFrom().failure(ProblemException.notFound());
            }
            return agendas.agenda(v, id).chain(a -> agendas.templates(v).chain(ts -> invites.invitees(v, id).map(invs -> {
                Map<Long, OrgRef> orgs = new LinkedHashMap<>();
                d.summary().organizers().forEach(o -> orgs.put(o.id(), o));
                invs.stream().filter(i -> i.organization() != null).forEach(i -> orgs.putIfAbsent(i.organization().id(), i.organization()));
                return new ArrayList<>(orgs.values());
            }).chain(presenters -> pages.render(Templates.agenda(d, a, ts, draft == null ? a.items() : draft, presenters,
                    errors, saved), v, "meetings", status))));
        });
    }

    /** Saves the agenda as edited (rows reordered, removed, timed). */
    @POST
    @Path("meetings/{id}/agenda")
    public Uni<Response> save(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        Params p = new Params();
        Integer version = MeetingForms.version(form, p);
        List<AgendaItemView> items = MeetingForms.agendaItems(form, p);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> Forms.checked(p).chain(x -> agendas.replace(v, id, new AgendaService.AgendaInput(version, items))),
                x -> "/meetings/" + id + "/agenda?saved=agenda",
                (errors, status) -> renderAgenda(v, id, items, errors, null, status)));
    }

    /** Starts the agenda from a template. */
    @POST
    @Path("meetings/{id}/agenda/template")
    public Uni<Response> applyTemplate(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> {
            Params p = new Params();
            Integer version = MeetingForms.version(form, p);
            Long template = p.id("templateId", form.get("templateId"));
            return Forms.checked(p).chain(x -> agendas.applyTemplate(v, id, new AgendaService.TemplateApply(template, version)));
        }, x -> "/meetings/" + id + "/agenda?saved=template", (errors, status) -> renderAgenda(v, id, null, errors, null, status)));
    }

    /** Keeps this agenda as a template for the next meetings. */
    @POST
    @Path("meetings/{id}/agenda/save-template")
    public Uni<Response> saveTemplate(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(),
                () -> agendas.saveTemplate(v, id, new AgendaService.TemplateSave(form.get("templateName"))),
                x -> "/meetings/" + id + "/agenda?saved=template-saved",
                (errors, status) -> renderAgenda(v, id, null, errors, null, status)));
    }

    // ---------------------------------------------------------------- attendance

    @GET
    @Path("meetings/{id}/attendance")
    public Uni<Response> attendance(@PathParam("id") String raw, @QueryParam("saved") String saved) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> renderAttendance(v, id, List.of(), Forms.savedKey(saved), 200));
    }

    Uni<Response> renderAttendance(Viewer v, long id, List<FieldMessage> errors, String saved, int status) {
        return minutes.attendance(v, id).chain(att -> meetings.detail(v, id).chain(d -> invites.invitees(v, id)
                .chain(invs -> pages.render(Templates.attendance(d, invs, att, att.stream().filter(a -> a.inviteeId() == null)
                        .toList(), errors, saved), v, "meetings", status))));
    }

    @POST
    @Path("meetings/{id}/attendance")
    public Uni<Response> recordAttendance(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> {
            Params p = new Params();
            List<AttendanceView> entries = MeetingForms.attendance(form, p);
            return Forms.checked(p).chain(x -> minutes.recordAttendance(v, id, new MinutesService.AttendanceInput(entries)));
        }, x -> "/meetings/" + id + "/attendance?saved=attendance", (errors, status) -> renderAttendance(v, id, errors, null, status)));
    }
}
