package jp.tsunagu.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.web.CsvText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The national (or a prefecture's) table as CSV (UTF-8 with BOM) and xlsx: the same columns as the page. */
@ApplicationScoped
public class StatisticsExport {

    static List<String> header(Locale l) {
        return List.of(Messages.get(l, "statistics.col.area"), Messages.get(l, "statistics.col.centers"),
                Messages.get(l, "statistics.col.reporting"), Messages.get(l, "statistics.col.registered"),
                Messages.get(l, "statistics.col.consultations"), Messages.get(l, "statistics.col.placements"),
                Messages.get(l, "statistics.col.target"), Messages.get(l, "statistics.col.against-target"),
                Messages.get(l, "statistics.col.internships"), Messages.get(l, "statistics.col.retention6m"),
                Messages.get(l, "statistics.col.meetings"), Messages.get(l, "statistics.col.trainings"),
                Messages.get(l, "statistics.col.conferences"), Messages.get(l, "statistics.col.areas"),
                Messages.get(l, "statistics.col.areas-without"));
    }

    static List<Object> cells(StatisticsService.Row r, String label) {
        List<Object> c = new ArrayList<>();
        c.add(label);
        c.add(r.centers());
        c.add(r.reporting());
        c.add(r.registered());
        c.add(r.consultations());
        c.add(r.placements());
        c.add(r.targetPlacements());
        c.add(r.placementsAgainstTarget() == null ? "" : r.placementsAgainstTarget());
        c.add(r.internships());
        c.add(r.retention6mRate() == null ? "" : r.retention6mRate());
        c.add(r.meetingsHeld());
        c.add(r.trainingsHeld());
        c.add(r.conferencesHeld());
        c.add(r.areas());
        c.add(r.areasWithoutCenter());
        return c;
    }

    static List<List<Object>> rows(StatisticsService.National n, Locale l) {
        List<List<Object>> out = new ArrayList<>();
        n.rows().forEach(r -> out.add(cells(r, r.label())));
        out.add(cells(n.total(), Messages.get(l, "statistics.total")));
        return out;
    }

    static String csv(StatisticsService.National n, Locale l) {
        StringBuilder b = new StringBuilder(CsvText.BOM);
        b.append(CsvText.row(header(l)));
        rows(n, l).forEach(r -> b.append(CsvText.row(r)));
        return b.toString();
    }

    static byte[] xlsx(StatisticsService.National n, Locale l) {
        return jp.tsunagu.platform.web.Spreadsheet.xlsx(n.fiscalYearLabel(), header(l), rows(n, l), 1);
    }
}
