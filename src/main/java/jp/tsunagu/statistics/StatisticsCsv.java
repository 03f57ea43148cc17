package jp.tsunagu.statistics;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.time.JapaneseCalendar;
import jp.tsunagu.platform.web.CsvText;
import jp.tsunagu.platform.web.CsvUpload;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import org.apache.commons.csv.CSVRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A center's figures as a CSV file, both ways: one line per fiscal year, the columns of the form.
 * The export (the center's years, or an empty line for last year when nothing is entered yet) is
 * the import's template, so a file kept in a spreadsheet for years can be read back as it is.
 * Column names may be the field names ({@code placements}) or the Japanese or English headings
 * of the export ({@code 就職件数}); the year may be written 2023, 2023年度, 令和5年度, R5 or FY2023.
 * A column left out of the file leaves what is stored in it as it was; a blank cell empties it; a
 * line without any figure is passed over. Every line has as many cells as the header.
 * Files are read by {@link CsvUpload} (UTF-8 or Shift_JIS); the import stores every line or none.
 */
@ApplicationScoped
public class StatisticsCsv {

    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_LINES = 50;
    static final String YEAR = "fiscalYear";

    /** The columns, in order: the year, then the form's fields. */
    static final List<String> COLUMNS;

    /** Every name a header cell may have (field name, Japanese or English heading) → the column. */
    static final Map<String, String> NAMES;

    static {
        List<String> columns = new ArrayList<>();
        columns.add(YEAR);
        columns.addAll(Figures.FIELDS);
        COLUMNS = List.copyOf(columns);
        Map<String, String> names = new HashMap<>();
        for (String c : COLUMNS) {
            names.put(c, c);
            names.put(heading(c, Messages.JA), c);
            names.put(heading(c, Messages.EN), c);
        }
        NAMES = Map.copyOf(names);
    }

    @Inject
    StatisticsService statistics;

    static String heading(String column, Locale locale) {
        return Messages.get(locale, "statistics.csv." + column);
    }

    /** The center's years in the import's shape (UTF-8 with BOM, headings in the reader's language). */
    public Uni<String> export(Viewer viewer, long centerId) {
        return statistics.years(viewer, centerId).map(years -> {
            Locale l = viewer.locale();
            StringBuilder b = new StringBuilder(CsvText.BOM);
            b.append(CsvText.row(COLUMNS.stream().map(c -> heading(c, l)).toList()));
            if (years.isEmpty()) {
                List<Object> empty = new ArrayList<>();
                empty.add(JapaneseCalendar.fiscalYear(JapaneseCalendar.today()) - 1);
                Figures.FIELDS.forEach(f -> empty.add(""));
                b.append(CsvText.row(empty));
            }
            for (CenterStatistics s : years) {
                Figures f = Figures.of(s);
                List<Object> cells = new ArrayList<>();
                cells.add(s.fiscalYear.intValue());
                Figures.FIELDS.forEach(field -> cells.add(f.value(field)));
                b.append(CsvText.row(cells));
            }
            return b.toString();
        });
    }

    /** What an import did: the file's encoding, its lines, and each year stored. */
    public record Report(String encoding, int lines, List<StatisticsService.Imported> years) {
    }

    /**
     * Reads and stores a file: the viewer must be allowed to keep the center's figures before the
     * file is read; then one 400 names the file's fault, or every refused cell by line
     * ({@code lines[3].placements}), and nothing is stored; or every line is.
     */
    public Uni<Report> importCsv(Viewer viewer, long centerId, byte[] bytes) {
        return statistics.requireEditable(viewer, centerId).chain(() -> {
            CsvUpload.Parsed parsed = CsvUpload.parse(bytes, MAX_BYTES, MAX_LINES, NAMES.keySet(), List.of());
            Map<String, String> columnOf = new LinkedHashMap<>();
            for (String h : parsed.header()) {
                if (columnOf.put(NAMES.get(h), h) != null) {
                    throw ProblemException.field("file", "csv-header"); // the same column twice (by two of its names)
                }
            }
            if (!columnOf.containsKey(YEAR)) {
                throw ProblemException.field("file", "csv-header");
            }
            Params found = new Params();
            List<StatisticsService.YearLine> lines = new ArrayList<>();
            for (CSVRecord r : parsed.records()) {
                long line = r.getRecordNumber() + 1;
                String at = "lines[" + line + "].";
                if (r.size() != parsed.header().size()) {
                    found.error(at + "file", "csv-cells");
                    continue;
                }
                String rawYear = Figures.normal(cell(r, columnOf, YEAR));
                Integer year = null;
                if (rawYear == null) {
                    found.error(at + YEAR, "required");
                } else {
                    year = JapaneseCalendar.parseFiscalYear(rawYear);
                    if (year == null) {
                        found.error(at + YEAR, "fiscal-year-format");
                    }
                }
                Figures figures = Figures.read(found, at, f -> cell(r, columnOf, f));
                if (!figures.any() && !found.has(at.substring(0, at.length() - 1))) {
                    continue; // a year with no figure at all (the export's empty line for last year): nothing to store
                }
                lines.add(new StatisticsService.YearLine(line, year, figures, columnOf.keySet()));
            }
            return statistics.importYears(viewer, centerId, lines, found, "CSV")
                    .map(years -> new Report(parsed.encoding(), parsed.records().size(), years));
        });
    }

    static String cell(CSVRecord r, Map<String, String> columnOf, String column) {
        String header = columnOf.get(column);
        return header == null ? null : CsvUpload.cell(r, header);
    }
}
