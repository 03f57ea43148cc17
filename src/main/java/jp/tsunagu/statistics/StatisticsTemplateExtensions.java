package jp.tsunagu.statistics;

import io.quarkus.qute.TemplateExtension;

/** Template helpers of the statistics pages ({@code stat:value(figures, 'placements')}). */
@TemplateExtension(namespace = "stat")
public final class StatisticsTemplateExtensions {

    private StatisticsTemplateExtensions() {
    }

    /** One figure by its field name, as text ("" when not entered). */
    static String value(Figures f, String field) {
        Object v = switch (field) {
            case "registeredPhysical" -> f.registeredPhysical();
            case "registeredIntellectual" -> f.registeredIntellectual();
            case "registeredMental" -> f.registeredMental();
            case "registeredDevelopmental" -> f.registeredDevelopmental();
            case "registeredOther" -> f.registeredOther();
            case "consultationsVisit" -> f.consultationsVisit();
            case "consultationsPhone" -> f.consultationsPhone();
            case "consultationsOther" -> f.consultationsOther();
            case "consultationsWork" -> f.consultationsWork();
            case "consultationsLife" -> f.consultationsLife();
            case "placements" -> f.placements();
            case "internships" -> f.internships();
            case "retention6mBase" -> f.retention6mBase();
            case "retention6mKept" -> f.retention6mKept();
            case "retention1yBase" -> f.retention1yBase();
            case "retention1yKept" -> f.retention1yKept();
            case "targetPlacements" -> f.targetPlacements();
            case "targetRetention6m" -> f.targetRetention6m();
            default -> null;
        };
        return v == null ? "" : v.toString();
    }
}
