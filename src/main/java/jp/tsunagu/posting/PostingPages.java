package jp.tsunagu.posting;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jp.tsunagu.access.PageRenderer;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.directory.Circle;
import jp.tsunagu.directory.Organization;
import jp.tsunagu.directory.Prefecture;
import jp.tsunagu.platform.web.FormErrors;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.posting.PostingViews.PostingDetail;
import jp.tsunagu.posting.PostingViews.SearchPage;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The posting pages: search, share a new one, read one (share further, close, view log). Plain forms, PRG. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PostingPages {

    /** A value and its label, for selects and checkbox groups. */
    @TemplateData
    public record Choice(String value, String label) {
    }

    @CheckedTemplate(basePath = "posting")
    static class Templates {
        static native TemplateInstance list(SearchPage result, Map<String, String> filter, List<Choice> prefectures,
                                            String query, boolean digestOn, List<SavedSearches.View> saved);

        static native TemplateInstance form(Map<String, String> form, List<String> checked, List<Choice> prefectures,
                                            List<Choice> organizations, List<Choice> circles, List<FieldMessage> errors,
                                            Long postingId);



    }

    @Inject
    ViewerService viewers;

    @Inject
    PageRenderer pages;

    @Inject
    PostingService postings;

    @Inject
    PostingSearch search;

    @Inject
    DigestPreference digest;

    @Inject
    SavedSearches savedSearches;

    @POST
    @io.quarkus.hibernate.reactive.panache.common.WithSession
    @Path("postings/saved")
    public Uni<Response> saveSearch(MultivaluedMap<String, String> raw) {
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> savedSearches.save(v, new SavedSearches.Input(form.get("name"), form.get("query")))
                .map(s -> Forms.redirect("/postings?" + s.query())));
    }

    @POST
    @io.quarkus.hibernate.reactive.panache.common.WithSession
    @Path("postings/saved/{savedId}/delete")
    public Uni<Response> deleteSearch(@PathParam("savedId") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> savedSearches.delete(v, id)).map(x -> Forms.redirect("/postings"));
    }

    @POST
    @Path("postings/digest")
    public Uni<Response> digest(MultivaluedMap<String, String> raw) {
        Map<String, String> form = Forms.flat(raw);
        return viewers.signedIn().chain(v -> digest.set(v, new DigestPreference.Input("true".equals(form.get("enabled")))))
                .map(x -> Forms.redirect("/postings#digest"));
    }

    static final List<String> FILTERS = List.of("q", "kind", "prefecture", "category", "employmentType", "hoursMax",
            "carving", "disability", "source", "sort");

    @GET
    @io.quarkus.hibernate.reactive.panache.common.WithSession
    @Path("postings")
    public Uni<Response> list(@Context UriInfo uri) {
        MultivaluedMap<String, String> qp = uri.getQueryParameters();
        Map<String, String> filter = new java.util.HashMap<>();
        FILTERS.forEach(k -> {
            String v = qp.getFirst(k);
            if (v != null && !v.isBlank() && v.length() <= 100) {
                filter.put(k, v);
            }
        });
        PostingSearch.Filters f = PostingSearch.parse(PostingSearch.Query.of(qp::getFirst));
        String query = uri.getRequestUri().getRawQuery();
        return viewers.signedIn().chain(v -> search.search(v, f).chain(result -> prefectures(v).chain(prefs ->
                digest.get(v).chain(d -> savedSearches.list(v).chain(saved -> pages.render(Templates.list(result, filter,
                        prefs, query == null ? "" : query.replaceAll("&?page=\\d+", ""), d.enabled(), saved), v,
                        "postings"))))));
    }

    @GET
    @io.quarkus.hibernate.reactive.panache.common.WithSession
    @Path("postings/new")
    public Uni<Response> newForm(@QueryParam("kind") String kind) {
        Map<String, String> defaults = new java.util.HashMap<>();
        defaults.put("kind", "INTERNSHIP".equals(kind) ? "INTERNSHIP" : "JOB");
        defaults.put("visibility", "CIRCLES");
        defaults.put("source", "COMPANY");
        defaults.put("expiresOn", jp.tsunagu.platform.time.JapaneseCalendar.today()
                .plusDays(PostingService.DEFAULT_EXPIRY_DAYS).toString());
        return viewers.signedIn().chain(v -> renderForm(v, defaults, List.of(), List.of(), 200, null));
    }

    /** The same form filled with a posting, for its own organization's staff (others: 403, or 404 if hidden). */
    @GET
    @io.quarkus.hibernate.reactive.panache.common.WithSession
    @Path("postings/{id}/edit")
    public Uni<Response> editForm(@PathParam("id") String raw) {
        long id = Params.pathId(raw);
        return viewers.signedIn().chain(v -> postings.editableDetail(v, id)
                .chain(d -> renderForm(v, formOf(d), d.disabilityExperience(), List.of(), 200, d.id())));
    }

    @POST
    @io.quarkus.hibernate.reactive.panache.common.WithSession
    @Path("postings/{id}/edit")
    public Uni<Response> edit(@PathParam("id") String raw, MultivaluedMap<String, String> rawForm) {
        long id = Params.pathId(raw);
        Map<String, String> form = Forms.flat(rawForm);
        List<String> disabilities = Forms.all(rawForm, "disabilityExperience", 10);
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            Integer version = integer(p, "version", form.get("version"), 0, Integer.MAX_VALUE);
            Long area = p.optionalLong("areaId", form.get("areaId"), 1, Long.MAX_VALUE);
            // the edit form may only widen a posting to the network; circles are added from its page
            Map<String, String> fields = new java.util.HashMap<>(form);
            if (!"NETWORK".equals(fields.get("visibility"))) {
                fields.remove("visibility");
            }
            PostingService.PostingInput in = input(p, fields, disabilities, area, List.of(), version);
            return Forms.checked(p).chain(x -> postings.update(v, id, in))
                    .map(d -> Forms.redirect("/postings/" + d.id() + "?saved=updated"))
                    .onFailure(e -> e instanceof ProblemException pe && pe.status() != 404 && pe.status() != 403)
                    .recoverWithUni(e -> {
                        ProblemException pe = (ProblemException) e;
                        // someone saved first: keep this person's text, take the current version, say so
                        Uni<Map<String, String>> shown = pe.status() != 409 ? Uni.createFrom().item(form)
                                : postings.editableDetail(v, id).map(current -> {
                                    Map<String, String> again = new java.util.HashMap<>(form);
                                    again.put("version", String.valueOf(current.version()));
                                    return again;
                                });
                        return shown.chain(f -> renderForm(v, f, disabilities, FormErrors.of(pe, v.locale()), pe.status(), id));
                    });
        });
    }

    /** A posting as the form's fields (check boxes present only when set). */
    static Map<String, String> formOf(PostingDetail d) {
        Map<String, String> f = new java.util.HashMap<>();
        java.util.function.BiConsumer<String, Object> put = (k, val) -> {
            if (val != null) {
                f.put(k, val.toString());
            }
        };
        put.accept("kind", d.kind());
        put.accept("title", d.title());
        put.accept("companyName", d.companyName());
        put.accept("companyIndustry", d.companyIndustry());
        put.accept("municipality", d.municipality());
        put.accept("prefectureCode", d.prefectureCode());
        put.accept("areaId", d.areaId());
        put.accept("jobCategory", d.jobCategory());
        put.accept("employmentType", d.employmentType());
        put.accept("hoursPerDay", d.hoursPerDay() == null ? null : d.hoursPerDay().stripTrailingZeros().toPlainString());
        put.accept("hoursPerWeek", d.hoursPerWeek() == null ? null : d.hoursPerWeek().stripTrailingZeros().toPlainString());
        put.accept("daysPerWeek", d.daysPerWeek());
        put.accept("carvingNote", d.carvingNote());
        put.accept("wageType", d.wageType());
        put.accept("wageYen", d.wageYen());
        put.accept("startOn", d.startOn());
        put.accept("openings", d.openings());
        put.accept("accommodations", d.accommodations());
        put.accept("howToApply", d.howToApply());
        put.accept("description", d.description());
        put.accept("source", d.source());
        put.accept("helloWorkNumber", d.helloWorkNumber());
        put.accept("endsOn", d.endsOn());
        put.accept("places", d.places());
        put.accept("conditions", d.conditions());
        put.accept("visibility", d.visibility());
        put.accept("currentVisibility", d.visibility());
        put.accept("expiresOn", d.expiresOn());
        put.accept("version", d.version());
        for (var flag : Map.of("splitShift", d.splitShift(), "shortHours", d.shortHours(), "weeklyPay", d.weeklyPay(),
                "dailyPay", d.dailyPay(), "trialStep", d.trialStep(), "belowQuota", d.belowQuota(),
                "doNotForward", d.doNotForward(), "hiringIntent", Boolean.TRUE.equals(d.hiringIntent())).entrySet()) {
            if (flag.getValue()) {
                f.put(flag.getKey(), "on");
            }
        }
        return f;
    }

    Uni<Response> renderForm(Viewer v, Map<String, String> form, List<String> checked, List<FieldMessage> errors, int status,
                             Long postingId) {
        Uni<List<Organization>> orgs = v.organizationIds().isEmpty() ? Uni.createFrom().item(List.of())
                : Organization.list("id in ?1 order by name", v.organizationIds());
        Uni<List<Circle>> circles = v.circleIds().isEmpty() ? Uni.createFrom().item(List.of())
                : Circle.list("id in ?1 order by name", v.circleIds());
        return prefectures(v).chain(prefs -> orgs.chain(os -> circles.chain(cs -> pages.render(Templates.form(form, checked,
                prefs, os.stream().map(o -> new Choice(String.valueOf(o.id), o.name)).toList(),
                cs.stream().map(c -> new Choice(String.valueOf(c.id), c.name)).toList(), errors, postingId), v, "postings",
                status))));
    }

    Uni<List<Choice>> prefectures(Viewer v) {
        return Prefecture.<Prefecture>list("order by code").map(ps -> ps.stream()
                .map(p -> new Choice(String.valueOf(p.code), p.name(v.locale()))).toList());
    }

    @POST
    @io.quarkus.hibernate.reactive.panache.common.WithSession
    @Path("postings")
    public Uni<Response> create(MultivaluedMap<String, String> raw) {
        Map<String, String> form = Forms.flat(raw);
        List<String> disabilities = Forms.all(raw, "disabilityExperience", 10);
        List<String> circleValues = Forms.all(raw, "circleIds", 20);
        List<String> checked = new java.util.ArrayList<>(disabilities);
        checked.addAll(circleValues);
        return viewers.signedIn().chain(v -> {
            Params p = new Params();
            List<Long> circles = new java.util.ArrayList<>();
            for (String c : circleValues) {
                Long id = p.optionalLong("circleIds", c, 1, Long.MAX_VALUE);
                if (id != null) {
                    circles.add(id);
                }
            }
            PostingService.PostingInput in = input(p, form, disabilities, null, circles, null);
            return Forms.checked(p).chain(x -> postings.create(v, in))
                    .map(d -> Forms.redirect("/postings/" + d.id() + "?saved=created"))
                    .onFailure(ProblemException.class)
                    .recoverWithUni(e -> renderForm(v, form, checked, FormErrors.of((ProblemException) e, v.locale()),
                            ((ProblemException) e).status(), null));
        });
    }

    /** The form's fields as the service's input (numbers and dates checked into {@code p}). */
    static PostingService.PostingInput input(Params p, Map<String, String> form, List<String> disabilities, Long areaId,
                                             List<Long> circles, Integer version) {
        return new PostingService.PostingInput(form.get("kind"),
                p.optionalLong("organizationId", form.get("organizationId"), 1, Long.MAX_VALUE), form.get("title"),
                form.get("companyName"), form.get("companyIndustry"), form.get("municipality"),
                integer(p, "prefectureCode", form.get("prefectureCode"), 1, 47), areaId, form.get("jobCategory"),
                form.get("employmentType"), decimal(p, "hoursPerDay", form.get("hoursPerDay")),
                decimal(p, "hoursPerWeek", form.get("hoursPerWeek")), integer(p, "daysPerWeek", form.get("daysPerWeek"), 1, 7),
                on(form, "splitShift"), on(form, "shortHours"), on(form, "weeklyPay"), on(form, "dailyPay"),
                on(form, "trialStep"), form.get("carvingNote"), form.get("wageType"),
                integer(p, "wageYen", form.get("wageYen"), 1, 2_000_000), p.date("startOn", form.get("startOn")),
                integer(p, "openings", form.get("openings"), 1, 100), disabilities, form.get("accommodations"),
                on(form, "belowQuota"), form.get("howToApply"), form.get("description"), form.get("source"),
                form.get("helloWorkNumber"), on(form, "doNotForward"), p.date("endsOn", form.get("endsOn")),
                integer(p, "places", form.get("places"), 1, 100),
                form.get("hiringIntent") == null || form.get("hiringIntent").isBlank() ? null : on(form, "hiringIntent"),
                form.get("conditions"), form.get("visibility"), circles, p.date("expiresOn", form.get("expiresOn")),
                null, version);
    }

    static Boolean on(Map<String, String> form, String field) {
        String v = form.get(field);
        return v != null && (v.equals("on") || v.equals("true"));
    }

    static Integer integer(Params p, String field, String raw, long min, long max) {
        Long v = p.optionalLong(field, raw == null ? null : raw.replace(",", "").trim(), min, max);
        return v == null ? null : v.intValue();
    }

    static BigDecimal decimal(Params p, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            p.error(field, "format");
            return null;
        }
    }

}
