package jp.tsunagu.conference;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
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
import jp.tsunagu.conference.ConferenceViews.BoardPhase;
import jp.tsunagu.conference.ConferenceViews.CaseView;
import jp.tsunagu.conference.ConferenceViews.ConferenceDetail;
import jp.tsunagu.conference.ConferenceViews.ConferenceSummary;
import jp.tsunagu.conference.ConferenceViews.FieldHighlight;
import jp.tsunagu.conference.ConferenceViews.LearningView;
import jp.tsunagu.conference.ConferenceViews.ReadView;
import jp.tsunagu.conference.ConferenceViews.TeamMemberView;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.directory.PersonRef;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.web.FormErrors;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conferences as HTML pages: plain forms that work without script (the phase timer is an island),
 * each posting to a page route that calls the same services as the API, then redirects or shows
 * the errors with what was typed — for the case sheet, with the identifying spans marked.
 */
@Path("/")
public class ConferencePages {

    /** One row of the support-team editor. */
    @TemplateData
    public record TeamRow(int index, String agencyType, String role, String frequency, String relation) {
        /** The row's number as people count (1, 2 …). */
        public int number() {
            return index + 1;
        }
    }

    /** A person who may attend, with the role chosen for them (empty: not attending). */
    @TemplateData
    public record Candidate(long id, String name, String role) {
    }

    @CheckedTemplate(basePath = "conference")
    static class Templates {
        static native TemplateInstance list(List<ConferenceSummary> upcoming, List<ConferenceSummary> past,
                                            boolean canCreate);

        static native TemplateInstance form(List<OrgRef> circles, Long circleId, List<Candidate> candidates,
                                            Map<String, String> form, List<FieldMessage> errors);

        static native TemplateInstance conference(ConferenceDetail d, List<Candidate> candidates,
                                                  List<LearningView> learnings, Map<String, String> form,
                                                  List<FieldMessage> errors, String saved);

        static native TemplateInstance caseSheet(ConferenceDetail d, CaseView sheet, List<Ecomap.Node> ecomap,
                                                 Map<String, String> form, List<TeamRow> rows,
                                                 List<FieldHighlight> highlights, List<FieldMessage> errors, String saved);

        static native TemplateInstance board(ConferenceDetail d, List<BoardPhase> board, Map<String, String> form,
                                             List<FieldHighlight> highlights, List<FieldMessage> errors, String saved,
                                             long remainingSeconds);

        static native TemplateInstance log(ConferenceDetail d, List<ReadView> reads);

        static native TemplateInstance print(ConferenceDetail d, CaseService.PrintView p, List<Ecomap.Node> ecomap);

        static native TemplateInstance learnings(List<LearningView> learnings, String q, String tag);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    ConferenceService conferences;

    @Inject
    CaseService cases;

    @Inject
    LearningService learnings;

    // ---------------------------------------------------------------- list and new

    @GET
    @Path("conferences")
    public Uni<Response> list() {
        return viewers.signedIn().chain(v -> conferences.list(v).chain(all -> conferences.ownCircles(v).chain(circles -> {
            Instant now = Instant.now();
            List<ConferenceSummary> upcoming = new ArrayList<>(all.stream().filter(c -> c.endsAt().isAfter(now)).toList());
            upcoming.sort((a, b) -> a.startsAt().compareTo(b.startsAt()));
            List<ConferenceSummary> past = all.stream().filter(c -> !c.endsAt().isAfter(now)).toList();
            return pages.render(Templates.list(upcoming, past, !circles.isEmpty()), v, "conferences");
        })));
    }

    @GET
    @Path("conferences/new")
    public Uni<Response> newForm(@QueryParam("circle") String rawCircle) {
        Params p = new Params();
        Long circleId = p.optionalLong("circle", rawCircle, 1, Long.MAX_VALUE);
        p.check();
        return viewers.signedIn().chain(v -> {
            Map<String, String> form = new HashMap<>();
            form.put("role-" + v.accountId(), "FACILITATOR");
            form.put("retentionDays", String.valueOf(ConferenceService.RETENTION_DEFAULT));
            form.put("format", "NONAKA");
            form.put("legalBasis", "CONSENT");
            return renderForm(v, circleId, form, List.of(), 200);
        });
    }

    private Uni<Response> renderForm(Viewer v, Long circleId, Map<String, String> form, List<FieldMessage> errors, int status) {
        return conferences.ownCircles(v).chain(circles -> {
            Long chosen = circleId != null && circles.stream().anyMatch(c -> c.id() == circleId) ? circleId
                    : circles.size() == 1 ? circles.get(0).id() : null;
            Uni<List<PersonRef>> people = chosen == null ? Uni.createFrom().item(List.of()) : conferences.candidates(v, chosen);
            return people.chain(list -> pages.render(Templates.form(circles, chosen, candidates(list, form), form, errors),
                    v, "conferences", status));
        });
    }

    private static List<Candidate> candidates(List<PersonRef> people, Map<String, String> form) {
        return people.stream().map(p -> new Candidate(p.id(), p.name(), form.getOrDefault("role-" + p.id(), ""))).toList();
    }

    @POST
    @Path("conferences")
    public Uni<Response> create(MultivaluedMap<String, String> raw) {
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            Long circleId = p.optionalLong("circleId", form.get("circleId"), 1, Long.MAX_VALUE);
            ConferenceService.ConferenceInput in = input(form, p, circleId, null);
            return Forms.checked(p).chain(x -> conferences.create(v, in))
                    .map(id -> Forms.redirect("/conferences/" + id + "?saved=created"))
                    .onFailure(ProblemException.class).recoverWithUni(e -> renderForm(v, circleId, form,
                            FormErrors.of((ProblemException) e, v.locale()), ((ProblemException) e).status()));
        });
    }

    static ConferenceService.ConferenceInput input(Map<String, String> form, Params p, Long circleId, Integer version) {
        LocalDate date = p.date("date", form.get("date"));
        LocalTime time = null;
        String rawTime = form.get("time");
        if (rawTime != null && !rawTime.isBlank()) {
            try {
                time = LocalTime.parse(rawTime.trim());
            } catch (DateTimeParseException e) {
                p.error("time", "format");
            }
        }
        LocalDateTime startsAt = date == null ? null : date.atTime(time == null ? LocalTime.of(15, 0) : time);
        Integer duration = opt(p, form, "durationMinutes", 1, 10_000);
        Integer retention = opt(p, form, "retentionDays", 0, 100_000);
        List<ConferenceService.AttendeeInput> attendees = new ArrayList<>();
        form.forEach((k, val) -> {
            if (k.startsWith("role-") && val != null && !val.isBlank()) {
                Long id = p.optionalLong(k, k.substring(5), 1, Long.MAX_VALUE);
                if (id != null) {
                    attendees.add(new ConferenceService.AttendeeInput(id, val));
                }
            }
        });
        attendees.sort((a, b) -> Long.compare(a.accountId(), b.accountId()));
        return new ConferenceService.ConferenceInput(circleId, form.get("title"), blank(form.get("format")),
                blank(form.get("legalBasis")), startsAt, duration, form.get("venue"), retention, attendees, null, version);
    }

    private static Integer opt(Params p, Map<String, String> form, String field, long min, long max) {
        Long v = p.optionalLong(field, form.get(field), min, max);
        return v == null ? null : v.intValue();
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    // ---------------------------------------------------------------- one conference

    @GET
    @Path("conferences/{id}")
    public Uni<Response> conference(@PathParam("id") String raw, @QueryParam("saved") String saved) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> renderConference(v, id, null, List.of(), Forms.savedKey(saved), 200));
    }

    private Uni<Response> renderConference(Viewer v, long id, Map<String, String> form, List<FieldMessage> errors,
                                           String saved, int status) {
        return conferences.detail(v, id).chain(d -> {
            Map<String, String> values = form != null ? form : formOf(d);
            Uni<List<Candidate>> candidates = d.canEdit()
                    ? conferences.candidates(v, d.summary().circleId()).map(list -> candidates(list, values))
                    : Uni.createFrom().item(List.of());
            Uni<List<LearningView>> ls = d.summary().pledged() ? learnings.forConference(v, id) : Uni.createFrom().item(List.of());
            return candidates.chain(cs -> ls.chain(l -> pages.render(Templates.conference(d, cs, l, values, errors, saved),
                    v, "conferences", status)));
        });
    }

    private static Map<String, String> formOf(ConferenceDetail d) {
        Map<String, String> f = new HashMap<>();
        ConferenceSummary s = d.summary();
        f.put("title", s.title());
        f.put("format", s.format());
        f.put("legalBasis", s.legalBasis());
        LocalDateTime at = LocalDateTime.ofInstant(s.startsAt(), JapaneseCalendar.TOKYO);
        f.put("date", at.toLocalDate().toString());
        f.put("time", at.toLocalTime().withSecond(0).withNano(0).toString());
        f.put("durationMinutes", String.valueOf(d.durationMinutes()));
        f.put("retentionDays", String.valueOf(d.retentionDays()));
        f.put("venue", d.venue() == null ? "" : d.venue());
        if (d.attendees() != null) {
            d.attendees().stream().filter(a -> a.removedAt() == null).forEach(a -> f.put("role-" + a.accountId(), a.role()));
        }
        return f;
    }

    // One route per use case on the conference page, each through FormPost: back to the page with
    // ?saved=… (and the section), or the page again with the errors; 404 and 410 answer as themselves.

    Uni<Response> conferencePost(long id, String key, Map<String, String> typed, java.util.function.Function<Viewer, Uni<?>> useCase) {
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> useCase.apply(v),
                x -> "/conferences/" + id + "?saved=" + key + anchor(key),
                (errors, status) -> renderConference(v, id, typed, errors, null, status)));
    }

    /** The attendee's confidentiality pledge (守秘の誓約). */
    @POST
    @Path("conferences/{id}/pledge")
    public Uni<Response> pledge(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return conferencePost(id, "pledged", null,
                v -> conferences.pledge(v, id, new ConferenceService.PledgeInput(form.containsKey("accept"))));
    }

    @POST
    @Path("conferences/{id}/edit")
    public Uni<Response> update(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return conferencePost(id, "updated", form, v -> {
            Params p = new Params();
            Integer version = p.intOr("version", form.get("version"), -1, 0, Integer.MAX_VALUE);
            ConferenceService.ConferenceInput in = input(form, p, null, version);
            return Forms.checked(p).chain(x -> conferences.update(v, id, in));
        });
    }

    /** A learning (学び) proposed for the library. */
    @POST
    @Path("conferences/{id}/learnings")
    public Uni<Response> addLearning(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return conferencePost(id, "learning", null, v -> learnings.add(v, id, new LearningService.LearningInput(
                blank(form.get("kind")), form.get("body"), Forms.all(rawForm, "tags", 10))));
    }

    @POST
    @Path("conferences/{id}/learnings/{learningId}/approve")
    public Uni<Response> approveLearning(@PathParam("id") String raw, @PathParam("learningId") String rawLearning) {
        long id = Params.pathId(raw);
        long learning = Params.pathId(rawLearning);
        return conferencePost(id, "approved", null, v -> learnings.approve(v, id, learning, true));
    }

    @POST
    @Path("conferences/{id}/learnings/{learningId}/withdraw")
    public Uni<Response> withdrawLearning(@PathParam("id") String raw, @PathParam("learningId") String rawLearning) {
        long id = Params.pathId(raw);
        long learning = Params.pathId(rawLearning);
        return conferencePost(id, "approved", null, v -> learnings.approve(v, id, learning, false));
    }

    private static String anchor(String key) {
        return switch (key) {
            case "learning", "approved" -> "#learnings";
            default -> "";
        };
    }

    // ---------------------------------------------------------------- case sheet

    @GET
    @Path("conferences/{id}/case")
    public Uni<Response> caseSheet(@PathParam("id") String raw, @QueryParam("saved") String saved) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> cases.caseSheet(v, id)
                .chain(sheet -> renderCase(v, id, sheet, caseForm(sheet), rows(sheet.team()), List.of(), List.of(),
                        Forms.savedKey(saved), 200))
                .onFailure(ProblemException.class).recoverWithUni(e -> pledgeFirst(id, (ProblemException) e)));
    }

    /** An attendee who has not pledged yet is sent to the pledge; every other refusal stays as it is. */
    private static Uni<Response> pledgeFirst(long id, ProblemException e) {
        if ("pledge-required".equals(e.key())) {
            return Uni.createFrom().item(Forms.redirect("/conferences/" + id + "?saved=pledge-first#pledge"));
        }
        return Uni.createFrom().failure(e);
    }

    private Uni<Response> renderCase(Viewer v, long id, CaseView sheet, Map<String, String> form, List<TeamRow> rows,
                                     List<FieldHighlight> highlights, List<FieldMessage> errors, String saved, int status) {
        return conferences.detail(v, id).chain(d -> pages.render(Templates.caseSheet(d, sheet, Ecomap.layout(sheet.team()),
                form, rows, highlights, errors, saved), v, "conferences", status));
    }

    static Map<String, String> caseForm(CaseView s) {
        Map<String, String> f = new HashMap<>();
        f.put("ageBand", s.ageBand() == null ? "" : String.valueOf(s.ageBand()));
        f.put("sex", nz(s.sex()));
        f.put("certificateType", nz(s.certificateType()));
        f.put("certificateGrade", nz(s.certificateGrade()));
        f.put("diagnosis", nz(s.diagnosis()));
        f.put("household", nz(s.household()));
        f.put("referralRoute", nz(s.referralRoute()));
        f.put("presentingProblem", nz(s.presentingProblem()));
        f.put("factors", nz(s.factors()));
        f.put("actionsOutcomes", nz(s.actionsOutcomes()));
        f.put("discussionPoints", nz(s.discussionPoints()));
        f.put("version", String.valueOf(s.version()));
        return f;
    }

    private static String nz(String v) {
        return v == null ? "" : v;
    }

    /** The stored team and three blank rows (at most 16). */
    static List<TeamRow> rows(List<TeamMemberView> team) {
        List<TeamRow> out = new ArrayList<>();
        for (int i = 0; i < team.size(); i++) {
            TeamMemberView t = team.get(i);
            out.add(new TeamRow(i, t.agencyType(), nz(t.role()), t.frequency(), t.relation()));
        }
        for (int i = team.size(); i < Math.min(CaseService.MAX_TEAM, team.size() + 3); i++) {
            out.add(new TeamRow(i, "", "", "", ""));
        }
        return out;
    }

    @POST
    @Path("conferences/{id}/case")
    public Uni<Response> saveCase(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            List<CaseService.TeamInput> team = new ArrayList<>();
            List<TeamRow> rows = new ArrayList<>();
            for (int i = 0; i < CaseService.MAX_TEAM; i++) {
                String type = form.get("team" + i + "-agencyType");
                if (type == null) {
                    continue;
                }
                rows.add(new TeamRow(rows.size(), type, nz(form.get("team" + i + "-role")),
                        nz(form.get("team" + i + "-frequency")), nz(form.get("team" + i + "-relation"))));
                if (!type.isBlank()) {
                    team.add(new CaseService.TeamInput(type, form.get("team" + i + "-role"),
                            blank(form.get("team" + i + "-frequency")), blank(form.get("team" + i + "-relation"))));
                }
            }
            Integer ageBand = opt(p, form, "ageBand", 0, 200);
            Integer version = p.intOr("version", form.get("version"), -1, 0, Integer.MAX_VALUE);
            CaseService.CaseInput in = new CaseService.CaseInput(ageBand, blank(form.get("sex")),
                    blank(form.get("certificateType")), blank(form.get("certificateGrade")), blank(form.get("diagnosis")),
                    form.get("household"), form.get("referralRoute"), form.get("presentingProblem"), form.get("factors"),
                    form.get("actionsOutcomes"), form.get("discussionPoints"), team, version);
            return Forms.checked(p).chain(x -> cases.saveCase(v, id, in))
                    .map(x -> Forms.redirect("/conferences/" + id + "/case?saved=case"))
                    .onFailure(ProblemException.class).recoverWithUni(e -> {
                        ProblemException pe = (ProblemException) e;
                        if (pe.status() == 404 || pe.status() == 410 || pe.status() == 403) {
                            return pledgeFirst(id, pe);
                        }
                        // show the stored sheet beside the refused text (reading it again is logged like any
                        // other read of the case sheet)
                        return cases.caseSheet(v, id).chain(stored -> renderCase(v, id, stored, form, rows,
                                IdentifierGuard.highlight(in.texts(), pe.findings()), FormErrors.of(pe, v.locale()), null,
                                pe.status()));
                    });
        });
    }

    // ---------------------------------------------------------------- board and run

    @GET
    @Path("conferences/{id}/board")
    public Uni<Response> board(@PathParam("id") String raw, @QueryParam("saved") String saved) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> renderBoard(v, id, Map.of(), List.of(), List.of(), Forms.savedKey(saved), 200)
                .onFailure(ProblemException.class).recoverWithUni(e -> pledgeFirst(id, (ProblemException) e)));
    }

    private Uni<Response> renderBoard(Viewer v, long id, Map<String, String> form, List<FieldHighlight> highlights,
                                      List<FieldMessage> errors, String saved, int status) {
        return cases.board(v, id).chain(board -> conferences.detail(v, id).chain(d -> {
            long remaining = d.run() == null || d.run().endsAt() == null ? 0
                    : java.time.Duration.between(Instant.now(), d.run().endsAt()).getSeconds();
            Map<String, String> values = new HashMap<>(form);
            if (values.get("phase") == null && d.run() != null && d.run().phase() != null) {
                values.put("phase", d.run().phase());
            }
            return pages.render(Templates.board(d, board, values, highlights, errors, saved, remaining), v, "conferences", status);
        }));
    }

    /** A board posting refused with the spans the identifier check found marked, or a pledge asked for first. */
    Uni<Response> boardPost(long id, Map<String, String> form, String key, String anchor,
                            java.util.function.Function<Viewer, Uni<?>> useCase) {
        return viewers.signedIn().chain(v -> Uni.createFrom().deferred(() -> useCase.apply(v))
                .map(x -> Forms.redirect("/conferences/" + id + "/board?saved=" + key + anchor))
                .onFailure(ProblemException.class).recoverWithUni(e -> {
                    ProblemException pe = (ProblemException) e;
                    if (!FormPost.fixable(pe)) {
                        return pledgeFirst(id, pe);
                    }
                    Map<String, String> texts = new LinkedHashMap<>();
                    if (form.get("body") != null) {
                        texts.put("body", form.get("body"));
                    }
                    return renderBoard(v, id, form, IdentifierGuard.highlight(texts, pe.findings()),
                            FormErrors.of(pe, v.locale()), null, pe.status());
                }));
    }

    /** The recorder's posting on the board (板書), checked for identifying details. */
    @POST
    @Path("conferences/{id}/board")
    public Uni<Response> addEntry(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return boardPost(id, form, "entry", "#add-entry", v -> cases.addBoardEntry(v, id,
                new CaseService.BoardInput(blank(form.get("phase")), blank(form.get("kind")), form.get("body"))));
    }

    @POST
    @Path("conferences/{id}/board/{entryId}/delete")
    public Uni<Response> deleteEntry(@PathParam("id") String raw, @PathParam("entryId") String rawEntry) {
        long id = Params.pathId(raw);
        long entry = Params.pathId(rawEntry);
        return boardPost(id, Map.of(), "deleted", "#add-entry", v -> cases.deleteBoardEntry(v, id, entry));
    }

    /** The facilitator moves the run: {@code move} is START, NEXT, PREVIOUS or FINISH. */
    @POST
    @Path("conferences/{id}/run")
    public Uni<Response> move(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return boardPost(id, form, "phase", "#run", v -> {
            Params p = new Params();
            Integer version = p.intOr("version", form.get("version"), -1, 0, Integer.MAX_VALUE);
            String move = form.get("move");
            if (move == null || !java.util.Set.of("START", "NEXT", "PREVIOUS", "FINISH").contains(move)) {
                p.error("move", "unknown-value");
            }
            return Forms.checked(p).chain(x -> conferences.move(v, id, new ConferenceService.RunInput(move, version)));
        });
    }

    // ---------------------------------------------------------------- log, print, library

    @GET
    @Path("conferences/{id}/log")
    public Uni<Response> log(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> cases.accessLog(v, id).chain(reads -> conferences.detail(v, id)
                .chain(d -> pages.render(Templates.log(d, reads), v, "conferences"))));
    }

    @GET
    @Path("conferences/{id}/print")
    public Uni<Response> print(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> cases.print(v, id).chain(p -> conferences.detail(v, id)
                        .chain(d -> pages.render(Templates.print(d, p, Ecomap.layout(p.sheet().team())), v, "conferences")))
                .onFailure(ProblemException.class).recoverWithUni(e -> pledgeFirst(id, (ProblemException) e)));
    }

    @GET
    @Path("learnings")
    public Uni<Response> library(@QueryParam("q") String q, @QueryParam("tag") String tag) {
        return viewers.signedIn().chain(v -> learnings.library(v, new LearningService.Query(q, blank(tag)))
                .chain(list -> pages.render(Templates.learnings(list, q == null ? "" : q, tag == null ? "" : tag), v,
                        "conferences")));
    }
}
