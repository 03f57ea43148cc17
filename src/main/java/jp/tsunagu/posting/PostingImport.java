package jp.tsunagu.posting;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.platform.web.CsvText;
import jp.tsunagu.platform.web.CsvUpload;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Problems;
import org.apache.commons.csv.CSVRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * CSV import of many postings. The file is read by {@link CsvUpload} (UTF-8 or Shift_JIS). Each
 * line is validated and stored on its own (one transaction per line), so a bad line stores
 * nothing and the good lines are kept; the report names every refused line and field.
 */
@ApplicationScoped
public class PostingImport {

    /** Largest file and most lines one import takes. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_LINES = 1000;

    /** The columns, as the header row names them (the API's field names). */
    static final List<String> COLUMNS = List.of("kind", "title", "companyName", "companyIndustry", "municipality",
            "prefectureCode", "jobCategory", "employmentType", "hoursPerDay", "hoursPerWeek", "daysPerWeek", "wageType",
            "wageYen", "startOn", "openings", "disabilityExperience", "accommodations", "howToApply", "description",
            "source", "helloWorkNumber", "doNotForward", "visibility", "circleIds", "expiresOn", "places", "endsOn",
            "hiringIntent", "conditions", "splitShift", "shortHours", "weeklyPay", "dailyPay", "trialStep", "belowQuota",
            "carvingNote");
    static final Set<String> REQUIRED = Set.of("title", "companyName", "prefectureCode", "jobCategory", "source");

    public record LineError(long line, String field, String code, Map<String, String> message) {
    }

    public record Report(String encoding, int lines, int stored, List<Long> ids, List<LineError> errors) {
    }

    @Inject
    PostingService postings;

    /** The import template: the header row and one example line, UTF-8 with BOM. */
    public static String template() {
        return CsvText.BOM + CsvText.row(COLUMNS)
                + CsvText.row(List.of("JOB", "清掃スタッフ（短時間）", "株式会社サンプル", "ビルメンテナンス",
                "那覇市", "47", "CLEANING", "PART_TIME", "4", "20", "5", "HOURLY", "1000", "", "1", "INTELLECTUAL;MENTAL",
                "手順書は写真付き", "共有元を通して応募", "オフィスの清掃", "COMPANY", "", "false", "CIRCLES", "", "", "", "", "",
                "", "false", "true", "false", "false", "false", "false", ""));
    }

    public Uni<Report> importCsv(Viewer viewer, byte[] bytes) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        CsvUpload.Parsed parsed = CsvUpload.parse(bytes, MAX_BYTES, MAX_LINES, COLUMNS, REQUIRED);
        List<CSVRecord> records = parsed.records();
        List<LineError> errors = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        // one line after the other, each in its own transaction: a refused line leaves nothing behind
        return Multi.createFrom().iterable(records).onItem().transformToUniAndConcatenate(r -> {
            long line = r.getRecordNumber() + 1;
            PostingInput in;
            try {
                in = input(r);
            } catch (ProblemException e) {
                e.fieldErrors().forEach(f -> errors.add(new LineError(line, f.field(), f.key(),
                        Problems.both("field." + f.key(), f.args().toArray()))));
                return Uni.createFrom().voidItem();
            }
            PostingInput checked = in;
            return Uni.createFrom().deferred(() -> postings.create(viewer, checked)).invoke(d -> ids.add(d.id())).replaceWithVoid()
                    .onFailure(ProblemException.class).recoverWithItem(e -> {
                        ProblemException pe = (ProblemException) e;
                        if (pe.fieldErrors().isEmpty()) {
                            errors.add(new LineError(line, null, pe.key(), Problems.both("problem." + pe.key())));
                        }
                        pe.fieldErrors().forEach(f -> errors.add(new LineError(line, f.field(), f.key(),
                                Problems.both("field." + f.key(), f.args().toArray()))));
                        return null;
                    });
        }).collect().last().map(x -> new Report(parsed.encoding(), records.size(), ids.size(), ids, errors));
    }

    static PostingInput input(CSVRecord r) {
        Params p = new Params();
        Function<String, String> get = c -> CsvUpload.cell(r, c);
        List<Long> circles = new ArrayList<>();
        if (get.apply("circleIds") != null) {
            for (String c : get.apply("circleIds").split("[;；]")) {
                Long id = p.optionalLong("circleIds", c.trim(), 1, Long.MAX_VALUE);
                if (id != null) {
                    circles.add(id);
                }
            }
        }
        List<String> disabilities = get.apply("disabilityExperience") == null ? List.of()
                : Arrays.stream(get.apply("disabilityExperience").split("[;；]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        PostingInput in = new PostingInput(get.apply("kind") == null ? "JOB" : get.apply("kind"),
                null, get.apply("title"), get.apply("companyName"), get.apply("companyIndustry"), get.apply("municipality"),
                p.integer("prefectureCode", get.apply("prefectureCode"), 1, 47), null, get.apply("jobCategory"),
                get.apply("employmentType"), p.decimal("hoursPerDay", get.apply("hoursPerDay")),
                p.decimal("hoursPerWeek", get.apply("hoursPerWeek")),
                p.integer("daysPerWeek", get.apply("daysPerWeek"), 1, 7), bool(p, "splitShift", get.apply("splitShift")),
                bool(p, "shortHours", get.apply("shortHours")), bool(p, "weeklyPay", get.apply("weeklyPay")),
                bool(p, "dailyPay", get.apply("dailyPay")), bool(p, "trialStep", get.apply("trialStep")), get.apply("carvingNote"),
                get.apply("wageType"), p.integer("wageYen", get.apply("wageYen"), -10_000_000, 10_000_000),
                p.date("startOn", get.apply("startOn")), p.integer("openings", get.apply("openings"), -1000, 1000),
                disabilities, get.apply("accommodations"), bool(p, "belowQuota", get.apply("belowQuota")), get.apply("howToApply"),
                get.apply("description"), get.apply("source"), get.apply("helloWorkNumber"),
                bool(p, "doNotForward", get.apply("doNotForward")), p.date("endsOn", get.apply("endsOn")),
                p.integer("places", get.apply("places"), -1000, 1000), get.apply("hiringIntent") == null ? null
                : bool(p, "hiringIntent", get.apply("hiringIntent")), get.apply("conditions"), get.apply("visibility"), circles,
                p.date("expiresOn", get.apply("expiresOn")), null, null);
        p.check();
        return in;
    }

    static Boolean bool(Params p, String field, String raw) {
        if (raw == null) {
            return false;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "はい", "○", "〇" -> true;
            case "false", "0", "no", "いいえ", "×", "" -> false;
            default -> {
                p.error(field, "unknown-value");
                yield false;
            }
        };
    }

}
