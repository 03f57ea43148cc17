package jp.tsunagu.meeting;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.meeting.MeetingViews.ActionView;
import jp.tsunagu.meeting.MeetingViews.AgendaItemView;
import jp.tsunagu.meeting.MeetingViews.AgendaView;
import jp.tsunagu.meeting.MeetingViews.AttendanceView;
import jp.tsunagu.meeting.MeetingViews.InviteeView;
import jp.tsunagu.meeting.MeetingViews.MeetingDetail;
import jp.tsunagu.meeting.MeetingViews.MeetingSummary;
import jp.tsunagu.meeting.MeetingViews.MinutesItemView;
import jp.tsunagu.meeting.MeetingViews.MinutesView;
import jp.tsunagu.meeting.MeetingViews.PersonalView;
import jp.tsunagu.meeting.MeetingViews.PollView;
import jp.tsunagu.meeting.MeetingViews.SeriesView;
import jp.tsunagu.meeting.MeetingViews.TemplateView;
import jp.tsunagu.meeting.MeetingViews.Venue;
import jp.tsunagu.platform.web.FormErrors;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.questionnaire.QuestionnaireService.Submission;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
                                               List<jp.tsunagu.directory.DirectoryViews.PrefectureView> prefectures);

        static native TemplateInstance cancel(MeetingDetail d, List<FieldMessage> errors);

        static native TemplateInstance agenda(MeetingDetail d, AgendaView agenda, List<TemplateView> templates,
                                              List<AgendaItemView> draft, List<OrgRef> presenters,
                                              List<FieldMessage> errors, String saved);

        static native TemplateInstance attendance(MeetingDetail d, List<InviteeView> invitees,
                                                  List<AttendanceView> attendance, List<AttendanceView> walkIns,
                                                  List<FieldMessage> errors, String saved);

        static native TemplateInstance minutes(MeetingDetail d, MinutesView minutes, List<ActionView> actions);

        static native TemplateInstance minutesEdit(MeetingDetail d, AgendaView agenda, MinutesView stored,
                                                   List<MinutesItemView> draft, int version, boolean conflict,
                                                   List<ActionView> actions, List<OrgRef> owners,
                                                   List<FieldMessage> errors, String saved);

        static native TemplateInstance questionnaire(MeetingDetail d, MeetingQuestionnaire.View q,
                                                     List<FieldMessage> errors, String saved);

        static native TemplateInstance series(SeriesView s, List<FieldMessage> errors);

        static native TemplateInstance personal(String token, PersonalView p, MinutesView minutes,
                                                MeetingQuestionnaire.View q, List<FieldMessage> errors, String saved);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    MeetingService meetings;

    @Inject
    PollService polls;

    @Inject
    InviteService invites;

    @Inject
    AgendaService agendas;

    @Inject
    MinutesService minutes;

    @Inject
    ActionService actions;

    @Inject
    SeriesService series;

    @Inject
    MeetingQuestionnaire questionnaire;

    @Inject
    CalendarService calendars;

    @Inject
    jp.tsunagu.directory.DirectoryService directory;

    // ---------------------------------------------------------------- list and create

    @GET
    @Path("meetings")
    public Uni<Response> list() {
        return viewers.signedIn().chain(v -> renderList(v, Map.of(), List.of(), null, 200));
    }

    Uni<Response> renderList(Viewer v, Map<String, String> form, List<FieldMessage> errors, String feedUrl, int status) {
        return meetings.list(v, new MeetingService.Filter(null, null, null, true)).chain(upcoming ->
                meetings.list(v, new MeetingService.Filter(null, null, null, false)).chain(all ->
                        meetings.ownOrganizations(v).chain(orgs -> meetings.ownCircles(v).chain(circles -> {
                            List<MeetingSummary> past = all.stream().filter(m -> upcoming.stream()
                                    .noneMatch(u -> u.id() == m.id())).limit(30).toList();
                            return pages.render(Templates.list(upcoming, past, orgs, circles, form, errors, feedUrl), v,
                                    "meetings", status);
                        }))));
    }

    @POST
    @Path("meetings")
    public Uni<Response> create(MultivaluedMap<String, String> raw) {
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            MeetingService.MeetingInput in = meetingInput(form, p, null);
            return Forms.checked(p).chain(x -> meetings.create(v, in)).map(d -> Forms.redirect("/meetings/" + d.id() + "?saved=created"))
                    .onFailure(ProblemException.class).recoverWithUni(e -> renderList(v, form, errors(e, v), null,
                            status(e)));
        });
    }

    static MeetingService.MeetingInput meetingInput(Map<String, String> form, Params p, Integer version) {
        LocalDate date = p.date("date", form.get("date"));
        LocalTime start = MeetingService.parseTime(p, "startTime", form.get("startTime"));
        LocalTime end = MeetingService.parseTime(p, "endTime", form.get("endTime"));
        if (date != null && (start == null || end == null)) {
            p.error(start == null ? "startTime" : "endTime", "required");
        }
        LinkedHashSet<Long> organizers = new LinkedHashSet<>();
        Long organizer = p.optionalLong("organizerId", form.get("organizerId"), 1, Long.MAX_VALUE);
        if (organizer != null) {
            organizers.add(organizer);
        }
        Long cohost = p.optionalLong("cohostId", form.get("cohostId"), 1, Long.MAX_VALUE);
        if (cohost != null) {
            organizers.add(cohost);
        }
        List<Venue> venues = new ArrayList<>();
        if (form.get("venueName") != null && !form.get("venueName").isBlank()) {
            venues.add(new Venue(form.get("venueName"), form.get("venueAddress")));
        }
        if (form.get("venue2Name") != null && !form.get("venue2Name").isBlank()) {
            venues.add(new Venue(form.get("venue2Name"), form.get("venue2Address")));
        }
        Long capacity = p.optionalLong("capacity", form.get("capacity"), 1, 10000);
        return new MeetingService.MeetingInput(form.get("kind"), form.get("title"), List.copyOf(organizers),
                p.optionalLong("circleId", form.get("circleId"), 1, Long.MAX_VALUE),
                p.optionalLong("seriesId", form.get("seriesId"), 1, Long.MAX_VALUE), null, form.get("format"), venues,
                form.get("onlineUrl"), date == null || start == null || end == null ? null : LocalDateTime.of(date, start),
                date == null || start == null || end == null ? null
                        : LocalDateTime.of(end.isAfter(start) ? date : date.plusDays(1), end),
                capacity == null ? null : capacity.intValue(), form.get("description"), form.get("feeNote"), version);
    }

    @POST
    @Path("meetings/calendar-feed")
    public Uni<Response> feed(MultivaluedMap<String, String> raw) {
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            Long circleId = p.optionalLong("feedCircleId", form.get("feedCircleId"), 1, Long.MAX_VALUE);
            return Forms.checked(p).chain(x -> calendars.issue(v, new CalendarService.FeedInput(circleId)))
                    .chain(url -> renderList(v, Map.of(), List.of(), url.url(), 200))
                    .onFailure(ProblemException.class).recoverWithUni(e -> renderList(v, form, errors(e, v), null, status(e)));
        });
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
        return meetings.detail(v, id).chain(d -> polls.view(v, id).chain(poll -> agendas.agenda(v, id).chain(agenda ->
                (d.canEdit() ? invites.invitees(v, id) : Uni.createFrom().item((List<InviteeView>) null)).chain(invs ->
                        (d.minutesVisible() ? actions.list(v, id) : Uni.createFrom().item((List<ActionView>) null))
                                .chain(acts -> (d.canEdit() ? meetings.ownCircles(v) : Uni.createFrom().item(List.<OrgRef>of()))
                                        .chain(circles -> (d.canEdit() ? directory.prefectures(v)
                                                : Uni.createFrom().item(List.<jp.tsunagu.directory.DirectoryViews.PrefectureView>of())).chain(prefs -> pages.render(Templates.meeting(
                                                d, poll, agenda, invs, acts, form, failed, errors, saved, circles, prefs),
                                                v, "meetings", status))))))));
    }

    /** An organization asked to co-host agrees or declines (its own route: one use case). */
    @POST
    @Path("meetings/{id}/co-host")
    public Uni<Response> answerCoHost(@PathParam("id") String raw, @org.jboss.resteasy.reactive.RestForm String accept) {
        long id = Params.pathId(raw);
        if (!"yes".equals(accept) && !"no".equals(accept)) {
            throw ProblemException.field("accept", "unknown-value");
        }
        boolean yes = "yes".equals(accept);
        return viewers.signedIn().chain(v -> meetings.answerCoHost(v, id, yes))
                .map(x -> Response.seeOther(java.net.URI.create(yes ? "/meetings/" + id + "?saved=co-host" : "/meetings")).build());
    }

    // One route per use case on the meeting page; each runs through FormPost: 303 back to the
    // meeting (at the section it belongs to), or the page again with what was typed and the errors.

    /** Posts one of the meeting page's forms: redirect to {@code #anchor} with {@code ?saved=key}, or show the errors. */
    Uni<Response> post(long id, MultivaluedMap<String, String> rawForm, String failed, String key, String anchor,
                       java.util.function.BiFunction<Viewer, Map<String, String>, Uni<?>> useCase) {
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
            MeetingService.MeetingInput in = meetingInput(form, p, version);
            return Forms.checked(p).chain(x -> meetings.update(v, id, in));
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
            if (MeetingTerms.Status.CANCELLED.name().equals(form.get("status"))) {
                // cancelling tells every invitee: only through its confirmation page
                p.error("status", "unknown-value");
            }
            return Forms.checked(p).chain(x -> meetings.detail(v, id)).chain(d -> d.summary().status().equals(form.get("status"))
                    ? Uni.createFrom().item("unchanged")
                    : meetings.changeStatus(v, id, new MeetingService.StatusInput(form.get("status"), version)).map(x -> "status"));
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
            return Forms.checked(p).chain(x -> meetings.changeStatus(v, id,
                    new MeetingService.StatusInput(MeetingTerms.Status.CANCELLED.name(), version)));
        }, x -> "/meetings/" + id + "?saved=cancelled#main", (errors, status) -> renderCancel(v, id, errors, status)));
    }

    @POST
    @Path("meetings/{id}/poll/slots")
    public Uni<Response> slots(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        return post(id, rawForm, "slots", "slots", "poll", (v, form) -> {
            Params p = new Params();
            List<PollService.SlotInput> slots = slotInputs(form, p);
            return Forms.checked(p).chain(x -> polls.setSlots(v, id, new PollService.SlotsInput(slots)));
        });
    }

    static List<PollService.SlotInput> slotInputs(Map<String, String> form, Params p) {
        List<PollService.SlotInput> slots = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String day = form.get("slotDate" + i);
            if (day == null || day.isBlank()) {
                continue;
            }
            LocalDate d = p.date("slotDate" + i, day);
            LocalTime s = MeetingService.parseTime(p, "slotStart" + i, form.get("slotStart" + i));
            LocalTime e = MeetingService.parseTime(p, "slotEnd" + i, form.get("slotEnd" + i));
            if (d != null && s != null && e != null) {
                slots.add(new PollService.SlotInput(LocalDateTime.of(d, s), LocalDateTime.of(d, e)));
            } else if (s == null || e == null) {
                p.error(s == null ? "slotStart" + i : "slotEnd" + i, "required");
            }
        }
        return slots;
    }

    @POST
    @Path("meetings/{id}/poll/answer")
    public Uni<Response> answer(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        return post(id, rawForm, "answer", "answer", "poll", (v, form) -> {
            Params p = new Params();
            PollService.AnswerInput in = answerInput(form, p);
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
            InviteService.InviteInput in = inviteInput(form, p);
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
                (v, form) -> invites.rsvp(v, id, new InviteService.RsvpInput(form.get("response"))));
    }

    static PollService.AnswerInput answerInput(Map<String, String> form, Params p) {
        Map<Long, String> answers = new LinkedHashMap<>();
        form.forEach((k, val) -> {
            if (k.startsWith("answer-")) {
                Long slot = p.optionalLong(k, k.substring(7), 1, Long.MAX_VALUE);
                if (slot != null) {
                    answers.put(slot, val);
                }
            }
        });
        return new PollService.AnswerInput(answers, form.get("comment"),
                p.intOr("version", form.get("version"), -1, 0, Integer.MAX_VALUE));
    }

    static InviteService.InviteInput inviteInput(Map<String, String> form, Params p) {
        List<InviteService.PersonInput> persons = new ArrayList<>();
        String lines = form.get("persons");
        if (lines != null && !lines.isBlank()) {
            String[] rows = lines.split("\\R");
            for (int i = 0; i < rows.length && i <= 100; i++) {
                String row = rows[i].trim();
                if (row.isEmpty()) {
                    continue;
                }
                String[] parts = row.split("\\s*[,，、\\t]\\s*");
                if (parts.length < 2) {
                    p.error("persons", "invite-person-line");
                    break;
                }
                persons.add(new InviteService.PersonInput(parts[0], parts[1], null));
            }
        }
        Long org = p.optionalLong("organizationId", form.get("organizationId"), 1, Long.MAX_VALUE);
        Long pref = p.optionalLong("prefectureCode", form.get("prefectureCode"), 1, 47);
        return new InviteService.InviteInput(org == null ? List.of() : List.of(org),
                p.optionalLong("inviteCircleId", form.get("inviteCircleId"), 1, Long.MAX_VALUE),
                form.get("organizationType") == null || form.get("organizationType").isBlank() ? null : form.get("organizationType"),
                pref == null ? null : pref.intValue(), null, persons);
    }

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

    @POST
    @Path("meetings/{id}/agenda")
    public Uni<Response> agendaForm(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            Integer version = p.intOr("version", form.get("version"), -1, 0, Integer.MAX_VALUE);
            String action = form.getOrDefault("action", "save");
            if ("template".equals(action)) {
                Long template = p.id("templateId", form.get("templateId"));
                return Forms.checked(p).chain(x -> agendas.applyTemplate(v, id, new AgendaService.TemplateApply(template, version)))
                        .map(x -> Forms.redirect("/meetings/" + id + "/agenda?saved=template"))
                        .onFailure(e -> e instanceof ProblemException pe && pe.status() != 404)
                        .recoverWithUni(e -> renderAgenda(v, id, null, errors(e, v), null, status(e)));
            }
            if ("save-template".equals(action)) {
                return agendas.saveTemplate(v, id, new AgendaService.TemplateSave(form.get("templateName")))
                        .map(x -> Forms.redirect("/meetings/" + id + "/agenda?saved=template-saved"))
                        .onFailure(e -> e instanceof ProblemException pe && pe.status() != 404)
                        .recoverWithUni(e -> renderAgenda(v, id, null, errors(e, v), null, status(e)));
            }
            List<AgendaItemView> items = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String title = form.get("title" + i);
                if (title == null || title.isBlank() || "on".equals(form.get("remove" + i))) {
                    continue;
                }
                Long minutesValue = p.optionalLong("items" + items.size() + "-minutes", form.get("minutes" + i), 0, 600);
                Long presenter = p.optionalLong("presenter" + i, form.get("presenter" + i), 1, Long.MAX_VALUE);
                items.add(new AgendaItemView(items.size() + 1, form.get("type" + i), title,
                        minutesValue == null ? 0 : minutesValue.intValue(), presenter, null, null, form.get("notes" + i)));
            }
            return Forms.checked(p).chain(x -> agendas.replace(v, id, new AgendaService.AgendaInput(version, items)))
                    .map(x -> Forms.redirect("/meetings/" + id + "/agenda?saved=agenda"))
                    .onFailure(e -> e instanceof ProblemException pe && pe.status() != 404)
                    .recoverWithUni(e -> renderAgenda(v, id, items, errors(e, v), null, status(e)));
        });
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
    public Uni<Response> attendanceForm(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            List<AttendanceView> entries = new ArrayList<>();
            form.forEach((k, val) -> {
                if (k.startsWith("mode-") && val != null && !val.isBlank()) {
                    Long invitee = p.optionalLong(k, k.substring(5), 1, Long.MAX_VALUE);
                    if (invitee != null) {
                        entries.add(new AttendanceView(0, invitee, null, null, val));
                    }
                }
            });
            for (int i = 0; i < 60; i++) {
                String name = form.get("walkName" + i);
                if (name != null && !name.isBlank()) {
                    entries.add(new AttendanceView(0, null, null, name, form.getOrDefault("walkMode" + i, "IN_PERSON")));
                }
            }
            return Forms.checked(p).chain(x -> minutes.recordAttendance(v, id, new MinutesService.AttendanceInput(entries)))
                    .map(x -> Forms.redirect("/meetings/" + id + "/attendance?saved=attendance"))
                    .onFailure(e -> e instanceof ProblemException pe && pe.status() != 404)
                    .recoverWithUni(e -> renderAttendance(v, id, errors(e, v), null, status(e)));
        });
    }

    // ---------------------------------------------------------------- minutes

    @GET
    @Path("meetings/{id}/minutes")
    public Uni<Response> minutesPage(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> minutes.minutes(v, id).chain(mv -> meetings.detail(v, id)
                .chain(d -> actions.list(v, id).chain(acts -> pages.render(Templates.minutes(d, mv, acts), v, "meetings")))));
    }

    @GET
    @Path("meetings/{id}/minutes/edit")
    public Uni<Response> minutesEdit(@PathParam("id") String raw, @QueryParam("saved") String saved) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> renderMinutesEdit(v, id, null, -1, false, List.of(), Forms.savedKey(saved), 200));
    }

    Uni<Response> renderMinutesEdit(Viewer v, long id, List<MinutesItemView> draft, int version, boolean conflict,
                                    List<FieldMessage> errors, String saved, int status) {
        return meetings.detail(v, id).chain(d -> {
            if (!d.canEdit()) {
                return Uni.createFrom().failure(ProblemException.notFound());
            }
            return minutes.minutes(v, id).chain(stored -> agendas.agenda(v, id).chain(a -> actions.list(v, id).chain(acts -> {
                List<MinutesItemView> items = withAgenda(draft != null ? draft : stored.items(), a);
                return pages.render(Templates.minutesEdit(d, a, stored, items, version >= 0 ? version : stored.version(),
                        conflict, acts, d.summary().organizers(), errors, saved), v, "meetings", status);
            })));
        });
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

    @POST
    @Path("meetings/{id}/minutes")
    public Uni<Response> minutesForm(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        String action = form.getOrDefault("action", "save");
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            Integer version = p.intOr("version", form.get("version"), -1, 0, Integer.MAX_VALUE);
            if ("publish".equals(action)) {
                return minutes.publish(v, id, new MinutesService.PublishInput("on".equals(form.get("acknowledgeWarnings"))))
                        .map(x -> Forms.redirect("/meetings/" + id + "/minutes"))
                        .onFailure(e -> e instanceof ProblemException pe && pe.status() != 404)
                        .recoverWithUni(e -> renderMinutesEdit(v, id, null, -1, false, errors(e, v), null, status(e)));
            }
            if ("action".equals(action) || "action-status".equals(action)) {
                return actionForm(v, id, form, p);
            }
            List<MinutesItemView> items = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String theme = form.get("theme" + i);
                if (theme == null) {
                    continue;
                }
                // a theme alone (pre-filled from the agenda) with nothing written under it is not minutes
                if (blank(form.get("content" + i)) && blank(form.get("results" + i))) {
                    continue;
                }
                Long agendaPos = p.optionalLong("agenda" + i, form.get("agenda" + i), 1, 40);
                items.add(new MinutesItemView(agendaPos, theme, form.get("content" + i), form.get("results" + i)));
            }
            return Forms.checked(p).chain(x -> minutes.save(v, id, new MinutesService.MinutesInput(version, items)))
                    .map(x -> Forms.redirect("/meetings/" + id + "/minutes/edit?saved=minutes"))
                    .onFailure(e -> e instanceof ProblemException pe && pe.status() != 404)
                    .recoverWithUni(e -> {
                        ProblemException pe = (ProblemException) e;
                        boolean conflict = pe.status() == 409 && "conflict".equals(pe.key());
                        // after a conflict the form carries the stored version: the person has now seen
                        // it, so saving their merged text again is a deliberate overwrite
                        return renderMinutesEdit(v, id, items, conflict || version == null ? -1 : version, conflict,
                                conflict ? List.of() : errors(e, v), null, status(e));
                    });
        });
    }

    Uni<Response> actionForm(Viewer v, long id, Map<String, String> form, Params p) {
        boolean status = "action-status".equals(form.get("action"));
        Long actionId = status ? p.id("actionId", form.get("actionId")) : null;
        Long owner = p.optionalLong("actionOwnerOrgId", form.get("actionOwnerOrgId"), 1, Long.MAX_VALUE);
        LocalDate due = p.date("actionDueOn", form.get("actionDueOn"));
        Integer version = p.intOr("actionVersion", form.get("actionVersion"), 0, 0, Integer.MAX_VALUE);
        ActionService.ActionInput in = new ActionService.ActionInput(form.get("actionTitle"), owner, null, due,
                form.getOrDefault("actionStatus", "OPEN"), null, version);
        return Forms.checked(p).chain(x -> status ? actions.update(v, id, actionId, in) : actions.create(v, id, in))
                .map(x -> Forms.redirect("/meetings/" + id + "/minutes/edit?saved=action#actions"))
                .onFailure(e -> e instanceof ProblemException pe && pe.status() != 404)
                .recoverWithUni(e -> renderMinutesEdit(v, id, null, -1, false, errors(e, v), null, status(e)));
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
    public Uni<Response> questionnaireForm(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> {
            Map<String, String> form = Forms.flat(rawForm);
            Uni<?> done = "followup".equals(form.get("action"))
                    ? questionnaire.followup(v, id, new MeetingQuestionnaire.FollowupInput(form.get("followup")))
                    : questionnaire.answer(v, id, submission(rawForm));
            return done.map(x -> Forms.redirect("/meetings/" + id + "/questionnaire?saved=questionnaire"))
                    .onFailure(e -> e instanceof ProblemException pe && pe.status() != 404)
                    .recoverWithUni(e -> renderQuestionnaire(v, id, errors(e, v), null, status(e)));
        });
    }

    /** Questionnaire answers from a form: fields q-CODE, several values for multiple choice. */
    static Submission submission(MultivaluedMap<String, String> raw) {
        Map<String, List<String>> answers = new HashMap<>();
        if (raw != null) {
            raw.forEach((k, vs) -> {
                if (k != null && k.startsWith("q-") && k.length() <= 43 && vs != null) {
                    answers.put(k.substring(2), vs.size() > 20 ? vs.subList(0, 20) : vs);
                }
            });
        }
        return new Submission(answers);
    }

    // ---------------------------------------------------------------- series

    @GET
    @Path("series/{id}")
    public Uni<Response> seriesPage(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> series.get(v, id)
                .chain(s -> pages.render(Templates.series(s, List.of()), v, "meetings")));
    }

    @POST
    @Path("series/{id}/next")
    public Uni<Response> planNext(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> series.planNext(v, id).map(d -> Forms.redirect("/meetings/" + d.id() + "?saved=planned"))
                .onFailure(e -> e instanceof ProblemException pe && pe.status() == 403)
                .recoverWithUni(e -> series.get(v, id).chain(s -> pages.render(Templates.series(s, errors(e, v)), v,
                        "meetings", 403))));
    }

    @POST
    @Path("series")
    public Uni<Response> createSeries(MultivaluedMap<String, String> raw) {
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            Long circle = p.optionalLong("seriesCircleId", form.get("seriesCircleId"), 1, Long.MAX_VALUE);
            Long org = p.optionalLong("seriesOrganizerId", form.get("seriesOrganizerId"), 1, Long.MAX_VALUE);
            Long weekday = p.optionalLong("defaultWeekday", form.get("defaultWeekday"), 1, 7);
            Long length = p.optionalLong("defaultMinutes", form.get("defaultMinutes"), 10, 720);
            Long min = p.optionalLong("perYearMin", form.get("perYearMin"), 1, 52);
            Long max = p.optionalLong("perYearMax", form.get("perYearMax"), 1, 52);
            Function<Long, Integer> i = x -> x == null ? null : x.intValue();
            SeriesService.SeriesInput in = new SeriesService.SeriesInput(circle, form.get("seriesTitle"),
                    form.get("seriesKind"), org == null ? List.of() : List.of(org), i.apply(weekday), form.get("defaultStart"),
                    i.apply(length), i.apply(min), i.apply(max));
            return Forms.checked(p).chain(x -> series.create(v, in)).map(s -> Forms.redirect("/series/" + s.id()))
                    .onFailure(ProblemException.class).recoverWithUni(e -> renderList(v, form, errors(e, v), null, status(e)));
        });
    }

    // ---------------------------------------------------------------- personal link (no sign-in)

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

    @POST
    @Path("p/{token}")
    public Uni<Response> personalForm(@PathParam("token") String token, MultivaluedMap<String, String> rawForm) {
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.current().chain(v -> {
            Params p = new Params();
            Uni<String> done = switch (form.getOrDefault("action", "")) {
                case "answer" -> {
                    PollService.AnswerInput in = answerInput(form, p);
                    yield Forms.checked(p).chain(x -> polls.answerByToken(token, in)).map(x -> "answer");
                }
                case "rsvp" -> invites.rsvpByToken(token, new InviteService.RsvpInput(form.get("response"))).map(x -> "rsvp");
                case "questionnaire" -> questionnaire.answerByToken(token, submission(rawForm)).map(x -> "questionnaire");
                default -> Uni.createFrom().failure(ProblemException.field("action", "unknown-value"));
            };
            return done.map(key -> Forms.redirect("/p/" + token + "?saved=" + key))
                    .onFailure(e -> e instanceof ProblemException pe && pe.status() != 404 && pe.status() != 410)
                    .recoverWithUni(e -> renderPersonal(v, token, errors(e, v), null, status(e)));
        });
    }

    // ---------------------------------------------------------------- helpers

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }




    static List<FieldMessage> errors(Throwable e, Viewer v) {
        return FormErrors.of((ProblemException) e, v.locale());
    }

    static int status(Throwable e) {
        return ((ProblemException) e).status();
    }
}
