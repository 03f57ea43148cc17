package jp.tsunagu.pairing;

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
import jp.tsunagu.access.AccessPolicy;
import jp.tsunagu.access.Action;
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.Resource;
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.pairing.PairingViews.ApplicationView;
import jp.tsunagu.pairing.PairingViews.AssessmentView;
import jp.tsunagu.pairing.PairingViews.Candidate;
import jp.tsunagu.pairing.PairingViews.ItineraryItem;
import jp.tsunagu.directory.OrgRef;
import jp.tsunagu.pairing.PairingViews.Overview;
import jp.tsunagu.pairing.PairingViews.PairDetail;
import jp.tsunagu.pairing.PairingViews.PairSummary;
import jp.tsunagu.directory.PersonRef;
import jp.tsunagu.pairing.PairingViews.ProgramView;
import jp.tsunagu.pairing.PairingViews.TemplateStep;
import jp.tsunagu.platform.web.FormErrors;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pairing program as HTML pages: plain forms that work without script, each posting to a
 * page route that calls the same services as the API and redirects (or shows the errors).
 */
@Path("/")
public class PairingPages {

    @CheckedTemplate(basePath = "pairing")
    static class Templates {
        static native TemplateInstance programs(List<ProgramView> programs, boolean canCreate, Map<String, String> form,
                                                List<FieldMessage> errors);

        static native TemplateInstance program(ProgramView program, List<PairSummary> pairs,
                                               List<ApplicationView> applications, boolean canEdit, boolean canApply,
                                               ApplicationView mine, List<String> kinds, List<FieldMessage> errors);

        static native TemplateInstance apply(ProgramView program, List<OrgRef> centers, List<OrgRef> partners,
                                             ApplicationView existing, Map<String, String> form, List<String> themes,
                                             List<FieldMessage> errors);

        static native TemplateInstance application(ProgramView program, ApplicationView application,
                                                   List<Candidate> candidates, List<PersonRef> officers,
                                                   List<PersonRef> advisors, boolean canMatch, List<FieldMessage> errors);

        static native TemplateInstance pairing(PairDetail pair, Radar radar, List<AssessmentView> draft,
                                               List<String> itineraryKinds, Map<String, String> form,
                                               List<FieldMessage> errors, String saved);

        static native TemplateInstance overview(Overview overview, OverviewService.Filter filter, String query);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    AccessPolicy policy;

    @Inject
    ProgramService programs;

    @Inject
    ApplicationService applications;

    @Inject
    MatchingService matching;

    @Inject
    PairingService pairings;

    @Inject
    PairingChanges changes;

    @Inject
    OverviewService overviews;

    // ---------------------------------------------------------------- programs

    @GET
    @Path("programs")
    public Uni<Response> programList() {
        return viewers.signedIn().chain(v -> renderPrograms(v, Map.of(), List.of(), 200));
    }

    Uni<Response> renderPrograms(Viewer v, Map<String, String> form, List<FieldMessage> errors, int status) {
        return programs.list(v).chain(list -> pages.render(Templates.programs(list,
                policy.permits(v, Action.EDIT, new Resource.Programs()), form, errors), v, "programs", status));
    }

    @POST
    @Path("programs")
    public Uni<Response> createProgram(MultivaluedMap<String, String> raw, @Context HttpServerRequest request) {
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            ProgramInput in = new ProgramInput(
                    p.optionalLong("fiscalYear", form.get("fiscalYear"), 2000, 2100) == null ? null
                            : Integer.valueOf(form.get("fiscalYear").trim()),
                    form.get("name"), p.date("callOpens", form.get("callOpens")), p.date("callCloses", form.get("callCloses")),
                    p.date("selectionOn", form.get("selectionOn")),
                    p.date("implementationStart", form.get("implementationStart")),
                    p.date("implementationEnd", form.get("implementationEnd")),
                    p.date("surveyStart", form.get("surveyStart")), p.date("surveyEnd", form.get("surveyEnd")),
                    p.date("seminarOn", form.get("seminarOn")), p.date("reportDue", form.get("reportDue")),
                    p.optionalLong("totalCenters", form.get("totalCenters"), 1, 1000) == null ? null
                            : Integer.valueOf(form.get("totalCenters").trim()));
            return Uni.createFrom().item(() -> {
                        p.check();
                        return in;
                    }).chain(x -> programs.create(v, in, Params.ip(request)))
                    .map(created -> Forms.redirect("/programs/" + created.id()))
                    .onFailure(ProblemException.class).recoverWithUni(e -> renderPrograms(v, form,
                            messages((ProblemException) e, v), ((ProblemException) e).status()));
        });
    }

    @GET
    @Path("programs/{id}")
    public Uni<Response> program(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> renderProgram(v, id, List.of(), 200));
    }

    Uni<Response> renderProgram(Viewer v, long id, List<FieldMessage> errors, int status) {
        return programs.get(v, id).chain(program -> pairings.list(v, id).chain(pairs -> applications.list(v, id)
                .chain(apps -> applications.applyingCenters(v).chain(centers -> {
                    ApplicationView mine = apps.stream().filter(a -> v.memberOf(a.center().id())).findFirst().orElse(null);
                    boolean canApply = program.callOpen() && !centers.isEmpty();
                    List<String> kinds = Arrays.stream(Terms.MilestoneKind.values()).map(Enum::name).toList();
                    return pages.render(Templates.program(program, pairs, apps,
                            policy.permits(v, Action.EDIT, new Resource.Programs()), canApply, mine, kinds, errors),
                            v, "programs", status);
                }))));
    }

    @POST
    @Path("programs/{id}/template")
    public Uni<Response> template(@PathParam("id") String rawId, MultivaluedMap<String, String> raw,
                                  @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            List<TemplateStep> steps = new ArrayList<>();
            for (int i = 1; i <= 31; i++) {
                String title = form.get("title" + i);
                String kind = form.get("kind" + i);
                String due = form.get("due" + i);
                if (title == null && kind == null && due == null) {
                    continue;
                }
                if ((title == null || title.isBlank()) && (due == null || due.isBlank())) {
                    continue; // an empty row (e.g. the spare one) or a row the secretariat cleared
                }
                steps.add(new TemplateStep(steps.size() + 1, kind, title, p.date("due" + i, due)));
            }
            int version = p.intOr("version", form.get("version"), -1, 0, Integer.MAX_VALUE);
            return Uni.createFrom().item(() -> {
                        p.check();
                        return steps;
                    }).chain(x -> programs.replaceTemplate(v, id, version, steps, Params.ip(request)))
                    .map(x -> Forms.redirect("/programs/" + id + "#template"))
                    .onFailure(ProblemException.class).recoverWithUni(e -> renderProgram(v, id,
                            messages((ProblemException) e, v), ((ProblemException) e).status()));
        });
    }

    // ---------------------------------------------------------------- applications

    @GET
    @Path("programs/{id}/apply")
    public Uni<Response> applyForm(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> renderApply(v, id, null, List.of(), 200));
    }

    Uni<Response> renderApply(Viewer v, long id, Map<String, String> form, List<FieldMessage> errors, int status) {
        return programs.get(v, id).chain(program -> applications.applyingCenters(v).chain(centers -> {
            if (centers.isEmpty()) {
                throw new ProblemException(403, "apply-not-allowed");
            }
            return applications.list(v, id).chain(apps -> matching.centers(v).chain(partners -> {
                ApplicationView existing = apps.stream().filter(a -> v.memberOf(a.center().id())).findFirst().orElse(null);
                Map<String, String> values = form != null ? form : existing == null ? Map.of() : formOf(existing);
                List<String> themes = Arrays.stream(Terms.Theme.values()).map(Enum::name).toList();
                return pages.render(Templates.apply(program, centers, partners.stream()
                                .filter(o -> centers.stream().noneMatch(c -> c.id() == o.id())).toList(), existing, values,
                        themes, errors), v, "programs", status);
            }));
        }));
    }

    static Map<String, String> formOf(ApplicationView a) {
        Map<String, String> m = new HashMap<>();
        a.themes().forEach(t -> m.put(t, "on"));
        m.put("motive", a.motive());
        m.put("desiredPartnerId", a.desiredPartner() == null ? "" : String.valueOf(a.desiredPartner().id()));
        m.put("desiredPractice", a.desiredPractice() == null ? "" : a.desiredPractice());
        m.put("regionSituation", a.regionSituation() == null ? "" : a.regionSituation());
        m.put("version", String.valueOf(a.version()));
        return m;
    }

    @POST
    @Path("programs/{id}/apply")
    public Uni<Response> apply(@PathParam("id") String rawId, MultivaluedMap<String, String> raw,
                               @Context HttpServerRequest request) {
        long id = Params.pathId(rawId);
        Map<String, String> form = Forms.flat(raw);
        List<String> themes = Forms.all(raw, "themes", 10);
        themes.forEach(t -> form.put(t, "on"));
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            Long center = p.optionalLong("centerId", form.get("centerId"), 1, Long.MAX_VALUE);
            Long partner = p.optionalLong("desiredPartnerId", form.get("desiredPartnerId"), 1, Long.MAX_VALUE);
            Long version = p.optionalLong("version", form.get("version"), 0, Integer.MAX_VALUE);
            ApplicationInput in = new ApplicationInput(center, themes, form.get("motive"),
                    partner, form.get("desiredPractice"), form.get("regionSituation"));
            return Uni.createFrom().item(() -> {
                        p.check();
                        return in;
                    }).chain(x -> applications.submit(v, id, in, version == null ? null : version.intValue(), Params.ip(request)))
                    .map(saved -> Forms.redirect("/programs/" + id + "?applied=1"))
                    .onFailure(ProblemException.class).recoverWithUni(e -> renderApply(v, id, form,
                            messages((ProblemException) e, v), ((ProblemException) e).status()));
        });
    }

    @GET
    @Path("programs/{id}/applications/{applicationId}")
    public Uni<Response> application(@PathParam("id") String rawId, @PathParam("applicationId") String rawApp) {
        long id = Params.pathId(rawId);
        long app = Params.pathId(rawApp);
        return viewers.signedIn().chain(v -> renderApplication(v, id, app, List.of(), 200));
    }

    Uni<Response> renderApplication(Viewer v, long id, long appId, List<FieldMessage> errors, int status) {
        return programs.get(v, id).chain(program -> applications.get(v, id, appId).chain(app -> {
            boolean canMatch = policy.permits(v, Action.EDIT, new Resource.Matching());
            if (!canMatch) {
                return pages.render(Templates.application(program, app, List.of(), List.of(), List.of(), false, errors),
                        v, "programs", status);
            }
            return matching.candidates(v, id, appId, 10).chain(candidates -> matching.people(v, Role.NETWORK_ADMIN)
                    .chain(officers -> matching.people(v, Role.ADVISOR).chain(advisors -> pages.render(
                            Templates.application(program, app, candidates, officers, advisors, true, errors),
                            v, "programs", status))));
        }));
    }

    @POST
    @Path("pairings")
    public Uni<Response> createPair(MultivaluedMap<String, String> raw, @Context HttpServerRequest request) {
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            Long program = p.id("programId", form.get("programId"));
            Long app = p.id("applicationId", form.get("applicationId"));
            if (program == null || app == null) {
                p.check(); // without both ids there is no page to show the errors on: a plain 400
            }
            Long supporting = p.optionalLong("supportingId", form.get("supportingId"), 1, Long.MAX_VALUE);
            Long officer = p.optionalLong("officerId", form.get("officerId"), 1, Long.MAX_VALUE);
            Long advisor = p.optionalLong("advisorId", form.get("advisorId"), 1, Long.MAX_VALUE);
            return Uni.createFrom().item(() -> {
                        p.check();
                        return program;
                    }).chain(x -> matching.createPair(v, program, new MatchingService.PairInput(app, supporting, null,
                            form.get("rationale"), officer, advisor), Params.ip(request)))
                    .map(pairId -> Forms.redirect("/pairings/" + pairId))
                    .onFailure(e -> e instanceof ProblemException pe && pe.status() != 404).recoverWithUni(e ->
                            renderApplication(v, program, app, messages((ProblemException) e, v),
                                    ((ProblemException) e).status()));
        });
    }

    // ---------------------------------------------------------------- pair workspace

    @GET
    @Path("pairings/{id}")
    public Uni<Response> pairing(@PathParam("id") String rawId, @QueryParam("saved") String saved) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> renderPairing(v, id, null, Map.of(), List.of(),
                saved == null || !saved.matches("[a-z]{1,20}") ? null : saved, 200));
    }

    Uni<Response> renderPairing(Viewer v, long id, List<AssessmentView> draft, Map<String, String> form,
                                List<FieldMessage> errors, String saved, int status) {
        return pairings.detail(v, id).chain(d -> pages.render(Templates.pairing(d, Radar.of(d.assessment().items()),
                draft == null ? d.assessment().items() : draft,
                Arrays.stream(Terms.ItineraryKind.values()).map(Enum::name).toList(), form, errors, saved),
                v, "programs", status));
    }

    @POST
    @Path("pairings/{id}/milestones/{milestoneId}")
    public Uni<Response> milestone(@PathParam("id") String rawId, @PathParam("milestoneId") String rawMilestone,
                                   MultivaluedMap<String, String> raw) {
        long id = Params.pathId(rawId);
        long milestone = Params.pathId(rawMilestone);
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            MilestoneInput in = new MilestoneInput(form.get("status"),
                    p.date("doneOn", form.get("doneOn")), null,
                    p.optionalLong("evidenceVisitId", form.get("evidenceVisitId"), 1, Long.MAX_VALUE),
                    form.get("evidenceUrl"), form.get("evidenceNote"),
                    p.intOr("version", form.get("version"), -1, 0, Integer.MAX_VALUE));
            return Uni.createFrom().item(() -> {
                        p.check();
                        return in;
                    }).chain(x -> changes.updateMilestone(v, id, milestone, in))
                    .map(x -> Forms.redirect("/pairings/" + id + "?saved=milestone#milestones"))
                    .onFailure(e -> e instanceof ProblemException pe && pe.status() != 404).recoverWithUni(e ->
                            renderPairing(v, id, null, Map.of(), messages((ProblemException) e, v), null,
                                    ((ProblemException) e).status()));
        });
    }

    @POST
    @Path("pairings/{id}/visits")
    public Uni<Response> visit(@PathParam("id") String rawId, MultivaluedMap<String, String> raw) {
        long id = Params.pathId(rawId);
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            List<ItineraryItem> items = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                String title = form.get("itemTitle" + i);
                if (title != null && !title.isBlank()) {
                    items.add(new ItineraryItem(form.get("itemKind" + i), title));
                }
            }
            Long count = p.optionalLong("participantsCount", form.get("participantsCount"), 0, 10000);
            VisitInput in = new VisitInput(form.get("direction"), form.get("title"),
                    p.date("startOn", form.get("startOn")), p.date("endOn", form.get("endOn")),
                    count == null ? null : count.intValue(), form.get("participants"), form.get("learningsVisitor"),
                    form.get("learningsHost"), items, null);
            return Uni.createFrom().item(() -> {
                        p.check();
                        return in;
                    }).chain(x -> changes.addVisit(v, id, in))
                    .map(x -> Forms.redirect("/pairings/" + id + "?saved=visit#visits"))
                    .onFailure(e -> e instanceof ProblemException pe && pe.status() != 404).recoverWithUni(e ->
                            renderPairing(v, id, null, form, messages((ProblemException) e, v), null,
                                    ((ProblemException) e).status()));
        });
    }

    @POST
    @Path("pairings/{id}/assessments")
    public Uni<Response> assessment(@PathParam("id") String rawId, MultivaluedMap<String, String> raw) {
        long id = Params.pathId(rawId);
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            List<AssessmentView> items = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                String label = form.get("label" + i);
                if (label == null || label.isBlank()) {
                    continue;
                }
                Long before = p.optionalLong("before" + i, form.get("before" + i), Long.MIN_VALUE, Long.MAX_VALUE);
                Long after = p.optionalLong("after" + i, form.get("after" + i), Long.MIN_VALUE, Long.MAX_VALUE);
                items.add(new AssessmentView(items.size() + 1, label, clampInt(before), clampInt(after), form.get("comment" + i)));
            }
            Integer version = p.intOr("version", form.get("version"), -1, 0, Integer.MAX_VALUE);
            return Uni.createFrom().item(() -> {
                        p.check();
                        return items;
                    }).chain(x -> changes.saveAssessment(v, id, new AssessmentInput(items, version)))
                    .map(x -> Forms.redirect("/pairings/" + id + "?saved=assessment#assessment"))
                    .onFailure(e -> e instanceof ProblemException pe && pe.status() != 404).recoverWithUni(e ->
                            renderPairing(v, id, items, Map.of(), messages((ProblemException) e, v), null,
                                    ((ProblemException) e).status()));
        });
    }

    static Integer clampInt(Long v) {
        return v == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    // ---------------------------------------------------------------- national view

    @GET
    @Path("programs/{id}/overview")
    public Uni<Response> overview(@PathParam("id") String rawId, @QueryParam("theme") String theme,
                                  @QueryParam("status") String status, @QueryParam("behind") String behind,
                                  @QueryParam("sort") String sort, @QueryParam("dir") String dir) {
        long id = Params.pathId(rawId);
        OverviewService.Filter filter = PairingApi.filter(theme, status, behind, sort, dir);
        String query = (filter.theme() == null ? "" : "&theme=" + filter.theme())
                + (filter.status() == null ? "" : "&status=" + filter.status())
                + (filter.behindOnly() ? "&behind=true" : "");
        return viewers.signedIn().chain(v -> overviews.overview(v, id, filter)
                .chain(o -> pages.render(Templates.overview(o, filter, query), v, "programs")));
    }

    // ---------------------------------------------------------------- helpers



    static List<FieldMessage> messages(ProblemException e, Viewer v) {
        return FormErrors.of(e, v.locale());
    }
}
