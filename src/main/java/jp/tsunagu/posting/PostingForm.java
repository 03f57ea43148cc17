package jp.tsunagu.posting;

import jakarta.ws.rs.core.MultivaluedMap;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.web.Forms;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.posting.PostingViews.PostingDetail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The posting form (new and edit): what was typed, as the template shows it again ({@link #values},
 * {@link #checked}); a posting as the form's fields ({@link #from(PostingDetail)}); and the service's
 * input ({@link #toNewInput}, {@link #toEditInput}), numbers and dates checked into a {@link Params}.
 */
public final class PostingForm {

    private final Map<String, String> values;
    private final List<String> disabilities;
    private final List<String> circles;

    private PostingForm(Map<String, String> values, List<String> disabilities, List<String> circles) {
        this.values = values;
        this.disabilities = disabilities;
        this.circles = circles;
    }

    /** What a form post carries (each list cut to what the form can offer). */
    public static PostingForm from(MultivaluedMap<String, String> raw) {
        return new PostingForm(Forms.flat(raw), Forms.all(raw, "disabilityExperience", 10), Forms.all(raw, "circleIds", 20));
    }

    /** An empty form for a new job posting or internship slot. */
    public static PostingForm blank(String kind) {
        Map<String, String> defaults = new HashMap<>();
        defaults.put("kind", "INTERNSHIP".equals(kind) ? "INTERNSHIP" : "JOB");
        defaults.put("visibility", "CIRCLES");
        defaults.put("source", "COMPANY");
        defaults.put("expiresOn", JapaneseCalendar.today().plusDays(PostingService.DEFAULT_EXPIRY_DAYS).toString());
        return new PostingForm(defaults, List.of(), List.of());
    }

    /** A posting as the form's fields (check boxes present only when set). */
    public static PostingForm from(PostingDetail d) {
        Map<String, String> f = new HashMap<>();
        BiConsumer<String, Object> put = (k, val) -> {
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
        return new PostingForm(f, d.disabilityExperience(), List.of());
    }

    /** The same form at another version (someone saved first: this person's text stays, on the current version). */
    public PostingForm atVersion(int version) {
        Map<String, String> again = new HashMap<>(values);
        again.put("version", String.valueOf(version));
        return new PostingForm(again, disabilities, circles);
    }

    /** The fields as the template reads them. */
    public Map<String, String> values() {
        return values;
    }

    /** The ticked boxes (disabilities and circles), as the template reads them. */
    public List<String> checked() {
        List<String> all = new ArrayList<>(disabilities);
        all.addAll(circles);
        return all;
    }

    /** A new posting, shared into the circles ticked. */
    public PostingInput toNewInput(Params p) {
        List<Long> circleIds = new ArrayList<>();
        for (String c : circles) {
            Long id = p.optionalLong("circleIds", c, 1, Long.MAX_VALUE);
            if (id != null) {
                circleIds.add(id);
            }
        }
        return input(p, values, null, circleIds, null);
    }

    /** An edit: it may only widen a posting to the network (circles are added from its page). */
    public PostingInput toEditInput(Params p) {
        Integer version = p.integer("version", values.get("version"), 0, Integer.MAX_VALUE);
        Long area = p.optionalLong("areaId", values.get("areaId"), 1, Long.MAX_VALUE);
        Map<String, String> fields = new HashMap<>(values);
        if (!"NETWORK".equals(fields.get("visibility"))) {
            fields.remove("visibility");
        }
        return input(p, fields, area, List.of(), version);
    }

    private PostingInput input(Params p, Map<String, String> form, Long areaId, List<Long> circleIds, Integer version) {
        return new PostingInput(form.get("kind"),
                p.optionalLong("organizationId", form.get("organizationId"), 1, Long.MAX_VALUE), form.get("title"),
                form.get("companyName"), form.get("companyIndustry"), form.get("municipality"),
                p.integer("prefectureCode", form.get("prefectureCode"), 1, 47), areaId, form.get("jobCategory"),
                form.get("employmentType"), p.decimal("hoursPerDay", form.get("hoursPerDay")),
                p.decimal("hoursPerWeek", form.get("hoursPerWeek")), p.integer("daysPerWeek", form.get("daysPerWeek"), 1, 7),
                on(form, "splitShift"), on(form, "shortHours"), on(form, "weeklyPay"), on(form, "dailyPay"),
                on(form, "trialStep"), form.get("carvingNote"), form.get("wageType"),
                p.integer("wageYen", form.get("wageYen"), 1, 2_000_000), p.date("startOn", form.get("startOn")),
                p.integer("openings", form.get("openings"), 1, 100), disabilities, form.get("accommodations"),
                on(form, "belowQuota"), form.get("howToApply"), form.get("description"), form.get("source"),
                form.get("helloWorkNumber"), on(form, "doNotForward"), p.date("endsOn", form.get("endsOn")),
                p.integer("places", form.get("places"), 1, 100),
                form.get("hiringIntent") == null || form.get("hiringIntent").isBlank() ? null : on(form, "hiringIntent"),
                form.get("conditions"), form.get("visibility"), circleIds, p.date("expiresOn", form.get("expiresOn")),
                null, version);
    }

    static Boolean on(Map<String, String> form, String field) {
        String v = form.get(field);
        return v != null && (v.equals("on") || v.equals("true"));
    }
}
