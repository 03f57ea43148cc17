package jp.tsunagu.conference;

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
import jp.tsunagu.conference.ConferencePages.TeamRow;
import jp.tsunagu.conference.ConferenceViews.BoardPhase;
import jp.tsunagu.conference.ConferenceViews.CaseView;
import jp.tsunagu.conference.ConferenceViews.ConferenceDetail;
import jp.tsunagu.conference.ConferenceViews.FieldHighlight;
import jp.tsunagu.conference.ConferenceViews.ReadView;
import jp.tsunagu.conference.ConferenceViews.TeamMemberView;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.FormErrors;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A conference's case material as pages, for its attendees who have pledged: the de-identified
 * case sheet with its ecomap, the facilitator's run and the recorder's board, the read log and the
 * printed copy. Every read of the material is logged; an attendee who has not pledged is sent to
 * the pledge first.
 */
@Path("/")
public class CasePages {

    @CheckedTemplate(basePath = "conference")
    static class Templates {
        static native TemplateInstance caseSheet(ConferenceDetail d, CaseView sheet, List<Ecomap.Node> ecomap,
                                                 Map<String, String> form, List<TeamRow> rows,
                                                 List<FieldHighlight> highlights, List<FieldMessage> errors, String saved);

        static native TemplateInstance board(ConferenceDetail d, List<BoardPhase> board, Map<String, String> form,
                                             List<FieldHighlight> highlights, List<FieldMessage> errors, String saved,
                                             long remainingSeconds);

        /** The board page's run and entries, as the live board sends them to each person. */
        static native TemplateInstance board$run(ConferenceDetail d, long remainingSeconds);

        static native TemplateInstance board$entries(ConferenceDetail d, List<BoardPhase> board);

        static native TemplateInstance log(ConferenceDetail d, List<ReadView> reads);

        static native TemplateInstance print(ConferenceDetail d, CaseService.PrintView p, List<Ecomap.Node> ecomap);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    ConferenceService conferences;

    @Inject
    ConferenceRun run;

    @Inject
    CaseService cases;

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
    static Uni<Response> pledgeFirst(long id, ProblemException e) {
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
                            ConferencePages.blank(form.get("team" + i + "-frequency")), ConferencePages.blank(form.get("team" + i + "-relation"))));
                }
            }
            Integer ageBand = ConferencePages.opt(p, form, "ageBand", 0, 200);
            Integer version = p.intOr("version", form.get("version"), -1, 0, Integer.MAX_VALUE);
            CaseService.CaseInput in = new CaseService.CaseInput(ageBand, ConferencePages.blank(form.get("sex")),
                    ConferencePages.blank(form.get("certificateType")), ConferencePages.blank(form.get("certificateGrade")), ConferencePages.blank(form.get("diagnosis")),
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
            long remaining = CaseService.remaining(d.run(), Instant.now());
            Map<String, String> values = new HashMap<>(form);
            if (values.get("phase") == null && d.run() != null && d.run().phase() != null) {
                values.put("phase", d.run().phase());
            }
            return pages.render(Templates.board(d, board, values, highlights, errors, saved, remaining), v, "conferences", status);
        }));
    }

    /** A board posting refused with the spans the identifier check found marked, or a pledge asked for first. */
    Uni<Response> boardPost(long id, Map<String, String> form, String key, String anchor,
                            Function<Viewer, Uni<?>> useCase) {
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
                new CaseService.BoardInput(ConferencePages.blank(form.get("phase")), ConferencePages.blank(form.get("kind")), form.get("body"))));
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
            if (move == null || !Set.of("START", "NEXT", "PREVIOUS", "FINISH").contains(move)) {
                p.error("move", "unknown-value");
            }
            return Forms.checked(p).chain(x -> run.move(v, id, new RunInput(move, version)));
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

}
