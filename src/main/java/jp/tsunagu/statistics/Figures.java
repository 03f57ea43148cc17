package jp.tsunagu.statistics;

import io.quarkus.qute.TemplateData;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.math.BigDecimal;

/**
 * A center's yearly figures as entered (the JSON of {@code PUT /api/centers/{id}/statistics/{fiscalYear}}
 * and the form's fields): every count 0–1,000,000 or left empty; the 6-month retention target a
 * percentage. Those kept on after 6 months or a year cannot outnumber those placed.
 */
@TemplateData
public record Figures(@Min(0) @Max(1_000_000) Integer registeredPhysical, @Min(0) @Max(1_000_000) Integer registeredIntellectual,
                      @Min(0) @Max(1_000_000) Integer registeredMental, @Min(0) @Max(1_000_000) Integer registeredDevelopmental,
                      @Min(0) @Max(1_000_000) Integer registeredOther,
                      @Min(0) @Max(1_000_000) Integer consultationsVisit, @Min(0) @Max(1_000_000) Integer consultationsPhone,
                      @Min(0) @Max(1_000_000) Integer consultationsOther,
                      @Min(0) @Max(1_000_000) Integer consultationsWork, @Min(0) @Max(1_000_000) Integer consultationsLife,
                      @Min(0) @Max(1_000_000) Integer placements, @Min(0) @Max(1_000_000) Integer internships,
                      @Min(0) @Max(1_000_000) Integer retention6mBase, @Min(0) @Max(1_000_000) Integer retention6mKept,
                      @Min(0) @Max(1_000_000) Integer retention1yBase, @Min(0) @Max(1_000_000) Integer retention1yKept,
                      @Min(0) @Max(1_000_000) Integer targetPlacements,
                      @DecimalMin("0") @DecimalMax("100") @jakarta.validation.constraints.Digits(integer = 3, fraction = 1) BigDecimal targetRetention6m) {

    /** The field names in form order (also the CSV's columns). */
    public static final java.util.List<String> FIELDS = java.util.List.of("registeredPhysical", "registeredIntellectual",
            "registeredMental", "registeredDevelopmental", "registeredOther", "consultationsVisit", "consultationsPhone",
            "consultationsOther", "consultationsWork", "consultationsLife", "placements", "internships", "retention6mBase",
            "retention6mKept", "retention1yBase", "retention1yKept", "targetPlacements", "targetRetention6m");

    @com.fasterxml.jackson.annotation.JsonProperty("registeredTotal")
    public int registeredTotal() {
        return n(registeredPhysical) + n(registeredIntellectual) + n(registeredMental) + n(registeredDevelopmental) + n(registeredOther);
    }

    @com.fasterxml.jackson.annotation.JsonProperty("consultationsTotal")
    public int consultationsTotal() {
        return n(consultationsVisit) + n(consultationsPhone) + n(consultationsOther);
    }

    static int n(Integer x) {
        return x == null ? 0 : x;
    }

    /** The 6-month retention rate, "87.5" (null without a base). */
    @com.fasterxml.jackson.annotation.JsonProperty("retention6mRate")
    public String retention6mRate() {
        return rate(retention6mKept, retention6mBase);
    }

    @com.fasterxml.jackson.annotation.JsonProperty("retention1yRate")
    public String retention1yRate() {
        return rate(retention1yKept, retention1yBase);
    }

    static String rate(Integer kept, Integer base) {
        return kept == null || base == null || base == 0 ? null : String.format(java.util.Locale.ROOT, "%.1f", kept * 100.0 / base);
    }

    static Figures of(CenterStatistics s) {
        return new Figures(s.registeredPhysical, s.registeredIntellectual, s.registeredMental, s.registeredDevelopmental,
                s.registeredOther, s.consultationsVisit, s.consultationsPhone, s.consultationsOther, s.consultationsWork,
                s.consultationsLife, s.placements, s.internships, s.retention6mBase, s.retention6mKept, s.retention1yBase,
                s.retention1yKept, s.targetPlacements, s.targetRetention6m);
    }

    void into(CenterStatistics s) {
        s.registeredPhysical = registeredPhysical;
        s.registeredIntellectual = registeredIntellectual;
        s.registeredMental = registeredMental;
        s.registeredDevelopmental = registeredDevelopmental;
        s.registeredOther = registeredOther;
        s.consultationsVisit = consultationsVisit;
        s.consultationsPhone = consultationsPhone;
        s.consultationsOther = consultationsOther;
        s.consultationsWork = consultationsWork;
        s.consultationsLife = consultationsLife;
        s.placements = placements;
        s.internships = internships;
        s.retention6mBase = retention6mBase;
        s.retention6mKept = retention6mKept;
        s.retention1yBase = retention1yBase;
        s.retention1yKept = retention1yKept;
        s.targetPlacements = targetPlacements;
        s.targetRetention6m = targetRetention6m;
    }

    /**
     * Figures read from text cells by field name (the page's form, a CSV line): blank is "not
     * entered"; full-width digits and thousands separators are read as typed ({@code １,２３４});
     * the target rate may end in %. What cannot be read is named {@code prefix + field}; the
     * ranges are then Bean Validation's.
     */
    static Figures read(jp.tsunagu.platform.web.Params p, String prefix, java.util.function.Function<String, String> cell) {
        Integer[] n = new Integer[17];
        for (int i = 0; i < 17; i++) {
            String value = normal(cell.apply(FIELDS.get(i)));
            if (value != null && !WHOLE.matcher(value).matches()) {
                p.error(prefix + FIELDS.get(i), "whole-number"); // only ASCII digits after NFKC (not ٣), no exponent
            } else if (value != null) {
                n[i] = p.integer(prefix + FIELDS.get(i), value, 0, 1_000_000);
            }
        }
        String rate = normal(cell.apply("targetRetention6m"));
        BigDecimal target = null;
        if (rate != null) {
            String r = rate.endsWith("%") ? rate.substring(0, rate.length() - 1).strip() : rate;
            if (RATE.matcher(r).matches()) {
                target = new BigDecimal(r);
            } else {
                p.error(prefix + "targetRetention6m", "format");
            }
        }
        return new Figures(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], n[10], n[11], n[12], n[13], n[14], n[15], n[16],
                target);
    }

    /** A count as typed: ASCII digits, thousands separators, perhaps a minus (then refused by range). */
    static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("^-?[0-9][0-9,]*$");

    /** A percentage as typed: up to three digits and one decimal (80, 80.5). */
    static final java.util.regex.Pattern RATE = java.util.regex.Pattern.compile("^[0-9]{1,3}(\\.[0-9])?$");

    /** Whether any figure is given. */
    boolean any() {
        return FIELDS.stream().anyMatch(f -> !value(f).isEmpty());
    }

    /** These figures where {@code columns} names the field, the stored ones elsewhere (an import's partial file). */
    Figures over(Figures stored, java.util.Set<String> columns) {
        return read(new jp.tsunagu.platform.web.Params(), "", f -> columns.contains(f) ? value(f) : stored.value(f));
    }

    /** NFKC and stripped; null when blank. */
    static String normal(String raw) {
        if (raw == null) {
            return null;
        }
        String s = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC).strip();
        return s.isEmpty() ? null : s;
    }

    /** One figure by its field name, as text ("" when not entered). */
    String value(String field) {
        Object v = switch (field) {
            case "registeredPhysical" -> registeredPhysical;
            case "registeredIntellectual" -> registeredIntellectual;
            case "registeredMental" -> registeredMental;
            case "registeredDevelopmental" -> registeredDevelopmental;
            case "registeredOther" -> registeredOther;
            case "consultationsVisit" -> consultationsVisit;
            case "consultationsPhone" -> consultationsPhone;
            case "consultationsOther" -> consultationsOther;
            case "consultationsWork" -> consultationsWork;
            case "consultationsLife" -> consultationsLife;
            case "placements" -> placements;
            case "internships" -> internships;
            case "retention6mBase" -> retention6mBase;
            case "retention6mKept" -> retention6mKept;
            case "retention1yBase" -> retention1yBase;
            case "retention1yKept" -> retention1yKept;
            case "targetPlacements" -> targetPlacements;
            case "targetRetention6m" -> targetRetention6m == null ? null : targetRetention6m.toPlainString();
            default -> throw new IllegalArgumentException(field);
        };
        return v == null ? "" : v.toString();
    }

    static final Figures EMPTY = new Figures(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null);
}
