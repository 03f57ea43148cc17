package jp.tsunagu.statistics;

import io.quarkus.qute.TemplateExtension;

/** Template helpers of the statistics pages ({@code stat:value(figures, 'placements')}). */
@TemplateExtension(namespace = "stat")
public final class StatisticsTemplateExtensions {

    private StatisticsTemplateExtensions() {
    }

    /** One figure by its field name, as text ("" when not entered). */
    static String value(Figures f, String field) {
        return f.value(field);
    }
}
