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

import java.math.BigDecimal;
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
                                              String saved, List<String> fields);
    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    StatisticsService statistics;

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
        return statistics.year(v, id, fy).chain(p -> pages.render(Templates.center(p, form, errors, saved, Figures.FIELDS), v,
                "statistics", status));
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
            Integer[] n = new Integer[17];
            for (int i = 0; i < 17; i++) {
                String f = Figures.FIELDS.get(i);
                String value = form.get(f);
                n[i] = value == null || value.isBlank() ? null : p.integer("figures." + f, value.strip(), 0, 1_000_000);
            }
            String rate = form.get("targetRetention6m");
            BigDecimal target = null;
            if (rate != null && !rate.isBlank()) {
                target = p.decimal("figures.targetRetention6m", rate.strip());
            }
            p.check();
            return statistics.save(v, id, fy, new StatisticsService.SaveInput(version, new Figures(n[0], n[1], n[2], n[3], n[4], n[5],
                    n[6], n[7], n[8], n[9], n[10], n[11], n[12], n[13], n[14], n[15], n[16], target)), "FORM");
        }, x -> "/centers/" + id + "/statistics/" + fy + "?saved=figures", (errors, status) -> render(v, id, fy, form,
                errors.stream().map(e -> e.field() != null && e.field().startsWith("figures.")
                        ? new FieldMessage(e.field().substring(8), e.message())
                        : e.field() != null && !Figures.FIELDS.contains(e.field()) ? new FieldMessage(null, e.message()) : e).toList(),
                null, status)));
    }

}
