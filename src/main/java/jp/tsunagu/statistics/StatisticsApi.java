package jp.tsunagu.statistics;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.Params;

/** Center statistics over JSON, CSV and xlsx: every read and write goes through the access policy. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsApi {

    static final String XLSX = jp.tsunagu.platform.web.Spreadsheet.MEDIA_TYPE;

    @Inject
    ViewerService viewers;

    @Inject
    StatisticsService statistics;

    @Inject
    StatisticsExport export;

    @Inject
    StatisticsCsv csv;

    static int year(String raw) {
        Params p = new Params();
        Integer y = p.integer("fiscalYear", raw, 2000, 2100);
        p.check();
        return y;
    }

    static Integer optional(String field, String raw, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Params p = new Params();
        Integer v = p.integer(field, raw, min, max);
        p.check();
        return v;
    }

    @GET
    @Path("/centers/{id}/statistics/{fiscalYear}")
    public Uni<StatisticsService.CenterYear> year(@PathParam("id") String rawId, @PathParam("fiscalYear") String rawYear) {
        long id = Params.pathId(rawId);
        int fy = year(rawYear);
        return viewers.signedIn().chain(v -> statistics.year(v, id, fy));
    }

    @PUT
    @Path("/centers/{id}/statistics/{fiscalYear}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<StatisticsService.CenterYear> save(@PathParam("id") String rawId, @PathParam("fiscalYear") String rawYear,
                                                  StatisticsService.SaveInput body) {
        long id = Params.pathId(rawId);
        int fy = year(rawYear);
        return viewers.signedIn().chain(v -> statistics.save(v, id, fy, body, "FORM").chain(() -> statistics.year(v, id, fy)));
    }

    /** The center's years in the import's shape (UTF-8 with BOM): what a spreadsheet keeps and the import reads back. */
    @GET
    @Path("/centers/{id}/statistics.csv")
    @Produces("text/csv")
    public Uni<Response> centerCsv(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> csv.export(v, id).map(text -> Response.ok(text).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"statistics-center-" + id + ".csv\"").build()));
    }

    /** Several years from a CSV file (UTF-8 or Shift_JIS): every line stored, or a 400 naming each refused cell and none. */
    @POST
    @Path("/centers/{id}/statistics/import")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM})
    public Uni<StatisticsCsv.Report> importCsv(@PathParam("id") String rawId, byte[] body) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> csv.importCsv(v, id, body == null ? new byte[0] : body));
    }

    @GET
    @Path("/statistics")
    public Uni<StatisticsService.National> national(@QueryParam("fiscalYear") String rawYear, @QueryParam("prefecture") String rawPref) {
        Integer fy = optional("fiscalYear", rawYear, 2000, 2100);
        Integer pref = optional("prefecture", rawPref, 1, 47);
        return viewers.signedIn().chain(v -> statistics.national(v, fy, pref));
    }

    @GET
    @Path("/statistics.csv")
    @Produces("text/csv")
    public Uni<Response> csv(@QueryParam("fiscalYear") String rawYear, @QueryParam("prefecture") String rawPref) {
        Integer fy = optional("fiscalYear", rawYear, 2000, 2100);
        Integer pref = optional("prefecture", rawPref, 1, 47);
        return viewers.signedIn().chain(v -> statistics.national(v, fy, pref).map(n -> Response.ok(StatisticsExport.csv(n, v.locale()))
                .type("text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"statistics-" + n.fiscalYear() + ".csv\"")
                .build()));
    }

    @GET
    @Path("/statistics.xlsx")
    @Produces(XLSX)
    public Uni<Response> xlsx(@QueryParam("fiscalYear") String rawYear, @QueryParam("prefecture") String rawPref) {
        Integer fy = optional("fiscalYear", rawYear, 2000, 2100);
        Integer pref = optional("prefecture", rawPref, 1, 47);
        return viewers.signedIn().chain(v -> statistics.national(v, fy, pref).map(n -> Response.ok(StatisticsExport.xlsx(n, v.locale()))
                .type(XLSX).header("Content-Disposition", "attachment; filename=\"statistics-" + n.fiscalYear() + ".xlsx\"").build()));
    }
}
