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
import jp.tsunagu.conference.ConferenceViews.ConferenceDetail;
import jp.tsunagu.conference.ConferenceViews.ConferenceSummary;
import jp.tsunagu.conference.ConferenceViews.LearningView;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.directory.PersonRef;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.FormErrors;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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





        static native TemplateInstance learnings(List<LearningView> learnings, String q, String tag);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    ConferenceService conferences;

    @Inject
    ConferenceSetup setup;

    @Inject
    ConferenceRun run;

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
            form.put("retentionDays", String.valueOf(ConferenceSetup.RETENTION_DEFAULT));
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
            ConferenceInput in = input(form, p, circleId, null);
            return Forms.checked(p).chain(x -> setup.create(v, in))
                    .map(id -> Forms.redirect("/conferences/" + id + "?saved=created"))
                    .onFailure(ProblemException.class).recoverWithUni(e -> renderForm(v, circleId, form,
                            FormErrors.of((ProblemException) e, v.locale()), ((ProblemException) e).status()));
        });
    }

    static ConferenceInput input(Map<String, String> form, Params p, Long circleId, Integer version) {
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
        List<AttendeeInput> attendees = new ArrayList<>();
        form.forEach((k, val) -> {
            if (k.startsWith("role-") && val != null && !val.isBlank()) {
                Long id = p.optionalLong(k, k.substring(5), 1, Long.MAX_VALUE);
                if (id != null) {
                    attendees.add(new AttendeeInput(id, val));
                }
            }
        });
        attendees.sort((a, b) -> Long.compare(a.accountId(), b.accountId()));
        return new ConferenceInput(circleId, form.get("title"), blank(form.get("format")),
                blank(form.get("legalBasis")), startsAt, duration, form.get("venue"), retention, attendees, null, version);
    }

    static Integer opt(Params p, Map<String, String> form, String field, long min, long max) {
        Long v = p.optionalLong(field, form.get(field), min, max);
        return v == null ? null : v.intValue();
    }

    static String blank(String v) {
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

    Uni<Response> conferencePost(long id, String key, Map<String, String> typed, Function<Viewer, Uni<?>> useCase) {
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
                v -> run.pledge(v, id, new PledgeInput(form.containsKey("accept"))));
    }

    @POST
    @Path("conferences/{id}/edit")
    public Uni<Response> update(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        return conferencePost(id, "updated", form, v -> {
            Params p = new Params();
            Integer version = p.intOr("version", form.get("version"), -1, 0, Integer.MAX_VALUE);
            ConferenceInput in = input(form, p, null, version);
            return Forms.checked(p).chain(x -> setup.update(v, id, in));
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

    @GET
    @Path("learnings")
    public Uni<Response> library(@QueryParam("q") String q, @QueryParam("tag") String tag) {
        return viewers.signedIn().chain(v -> learnings.library(v, new LearningService.Query(q, blank(tag)))
                .chain(list -> pages.render(Templates.learnings(list, q == null ? "" : q, tag == null ? "" : tag), v,
                        "conferences")));
    }
}
