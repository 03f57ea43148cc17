package jp.tsunagu.statistics;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import jp.tsunagu.access.Role;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.FormPost;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.i18n.Messages;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Center statistics as pages: the secretariat's national table (/statistics, by prefecture, one
 * prefecture by center, five years' trend), a center's year (/centers/{id}/statistics/{fiscalYear}:
 * its staff's form, the secretariat's read). A center's staff opening /statistics land on their
 * center's last complete year.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class StatisticsPages {

    @CheckedTemplate(basePath = "statistics")
    static class Templates {
        static native TemplateInstance national(StatisticsService.National page);

        static native TemplateInstance center(StatisticsService.CenterYear page, Map<String, String> form, List<FieldMessage> errors,
                                              String saved, List<String> fields, List<LineError> importErrors);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    StatisticsService statistics;

    @Inject
    StatisticsCsv csv;

    /** A refused cell of an imported file, for the page's table: its line, the column's heading and why. */
    @io.quarkus.qute.TemplateData
    public record LineError(long line, String field, Map<String, String> message) {
    }

    static int lastYear() {
        return JapaneseCalendar.fiscalYear(JapaneseCalendar.today()) - 1;
    }

    @GET
    @Path("statistics")
    public Uni<Response> national(@QueryParam("fiscalYear") String rawYear, @QueryParam("prefecture") String rawPref) {
        Integer fy = StatisticsApi.optional("fiscalYear", rawYear, 2000, 2100);
        Integer pref = StatisticsApi.optional("prefecture", rawPref, 1, 47);
        return viewers.signedIn().chain(v -> {
            if (!v.is(Role.NETWORK_ADMIN) && (v.is(Role.CENTER_LEAD) || v.is(Role.CENTER_STAFF)) && !v.organizationIds().isEmpty()) {
                return statistics.ownCenter(v).map(center -> center == null ? Response.status(404).build()
                        : Response.seeOther(URI.create("/centers/" + center + "/statistics/" + lastYear())).build());
            }
            return statistics.national(v, fy, pref).chain(n -> pages.render(Templates.national(n), v, "statistics"));
        });
    }

    @GET
    @Path("centers/{id}/statistics/{fiscalYear}")
    public Uni<Response> center(@PathParam("id") String rawId, @PathParam("fiscalYear") String rawYear, @QueryParam("saved") String saved) {
        long id = Params.pathId(rawId);
        int fy = StatisticsApi.year(rawYear);
        return viewers.signedIn().chain(v -> render(v, id, fy, Map.of(), List.of(), Forms.savedKey(saved), 200));
    }

    Uni<Response> render(Viewer v, long id, int fy, Map<String, String> form, List<FieldMessage> errors, String saved, int status) {
        return render(v, id, fy, form, errors, saved, List.of(), status);
    }

    Uni<Response> render(Viewer v, long id, int fy, Map<String, String> form, List<FieldMessage> errors, String saved,
                         List<LineError> importErrors, int status) {
        return statistics.year(v, id, fy).chain(p -> pages.render(Templates.center(p, form, errors, saved, Figures.FIELDS,
                importErrors), v, "statistics", status));
    }

    static final java.util.regex.Pattern LINE_FIELD = java.util.regex.Pattern.compile("^lines\\[(\\d+)]\\.(\\w+)$");

    /**
     * The CSV import from the center's page: on success back to the page of the newest year read
     * (PRG, "saved=imported"); a refused file re-renders the page with the file's fault in the
     * summary and each refused cell in a table (nothing was stored).
     */
    @POST
    @Path("centers/{id}/statistics/{fiscalYear}/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Response> importCsv(@PathParam("id") String rawId, @PathParam("fiscalYear") String rawYear,
                                   @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file) {
        long id = Params.pathId(rawId);
        int fy = StatisticsApi.year(rawYear);
        return viewers.signedIn().chain(v -> {
            byte[] body = Forms.bytes(file);
            return Uni.createFrom().deferred(() -> csv.importCsv(v, id, body))
                    .map(report -> Forms.redirect("/centers/" + id + "/statistics/" + report.years().stream()
                            .mapToInt(StatisticsService.Imported::fiscalYear).max().orElse(fy) + "?saved=imported"))
                    .onFailure(e -> e instanceof ProblemException p && p.status() == 400).recoverWithUni(e -> {
                        ProblemException p = (ProblemException) e;
                        List<LineError> lines = new java.util.ArrayList<>();
                        List<FieldMessage> summary = new java.util.ArrayList<>();
                        for (ProblemException.FieldError f : p.fieldErrors()) {
                            java.util.regex.Matcher m = f.field() == null ? null : LINE_FIELD.matcher(f.field());
                            String message = Messages.get(v.locale(), "field." + f.key(), f.args().toArray());
                            if (m != null && m.matches()) {
                                String column = m.group(2);
                                lines.add(new LineError(Long.parseLong(m.group(1)), StatisticsCsv.COLUMNS.contains(column)
                                        ? StatisticsCsv.heading(column, v.locale()) : null,
                                        jp.tsunagu.platform.web.Problems.both("field." + f.key(), f.args().toArray())));
                            } else {
                                summary.add(new FieldMessage("file", message));
                            }
                        }
                        if (!lines.isEmpty()) {
                            summary.add(new FieldMessage("file", Messages.get(v.locale(), "statistics.import.refused", lines.size())));
                        }
                        return render(v, id, fy, Map.of(), summary, null, lines, 400);
                    });
        });
    }

    @POST
    @Path("centers/{id}/statistics/{fiscalYear}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> save(@PathParam("id") String rawId, @PathParam("fiscalYear") String rawYear, MultivaluedMap<String, String> raw) {
        long id = Params.pathId(rawId);
        int fy = StatisticsApi.year(rawYear);
        Map<String, String> form = new HashMap<>();
        raw.forEach((k, vs) -> form.put(k, vs.isEmpty() ? "" : vs.get(0)));
        return viewers.signedIn().chain(v -> FormPost.run(v.locale(), () -> {
            Params p = new Params();
            Integer version = p.integer("version", form.get("version"), 0, Integer.MAX_VALUE);
            Figures figures = Figures.read(p, "figures.", form::get);
            p.check();
            return statistics.save(v, id, fy, new StatisticsService.SaveInput(version, figures), "FORM");
        }, x -> "/centers/" + id + "/statistics/" + fy + "?saved=figures", (errors, status) -> render(v, id, fy, form,
                errors.stream().map(e -> e.field() != null && e.field().startsWith("figures.")
                        ? new FieldMessage(e.field().substring(8), e.message())
                        : e.field() != null && !Figures.FIELDS.contains(e.field()) ? new FieldMessage(null, e.message()) : e).toList(),
                null, status)));
    }

}
