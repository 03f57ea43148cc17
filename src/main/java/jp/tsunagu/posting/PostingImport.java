package jp.tsunagu.posting;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.platform.web.CsvText;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.Problems;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * CSV import of many postings. The file is UTF-8 (with or without BOM) or Shift_JIS (Windows-31J,
 * as Excel saves in Japan): detected by decoding strictly, refused clearly if neither fits. Each
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

    /** The text of the file in the encoding it was saved in, or a 400 naming the problem. */
    static Decoded decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw ProblemException.field("file", "required");
        }
        if (bytes.length > MAX_BYTES) {
            throw ProblemException.field("file", "too-long");
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            String text = strict(Arrays.copyOfRange(bytes, 3, bytes.length), StandardCharsets.UTF_8);
            if (text == null) {
                throw ProblemException.field("file", "encoding");
            }
            return new Decoded(text, "UTF-8");
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new Decoded(utf8, "UTF-8");
        }
        String sjis = strict(bytes, Charset.forName("windows-31j"));
        if (sjis != null) {
            return new Decoded(sjis, "Shift_JIS");
        }
        throw ProblemException.field("file", "encoding");
    }

    record Decoded(String text, String encoding) {
    }

    static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    public Uni<Report> importCsv(Viewer viewer, byte[] bytes) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        Decoded decoded = decode(bytes);
        List<CSVRecord> records;
        List<String> header;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).build().parse(new StringReader(decoded.text()))) {
            header = parser.getHeaderNames();
            records = parser.getRecords();
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // an unterminated quote surfaces from getRecords() as an UncheckedIOException
            throw ProblemException.field("file", "csv-format");
        }
        List<String> unknown = header.stream().filter(h -> !COLUMNS.contains(h)).toList();
        if (!unknown.isEmpty() || !header.containsAll(REQUIRED)) {
            throw ProblemException.field("file", "csv-header");
        }
        if (records.size() > MAX_LINES) {
            throw ProblemException.field("file", "too-many-lines");
        }
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
        }).collect().last().map(x -> new Report(decoded.encoding(), records.size(), ids.size(), ids, errors));
    }

    static PostingInput input(CSVRecord r) {
        Params p = new Params();
        Function<String, String> get = c -> r.isMapped(c) && r.isSet(c) && !r.get(c).isBlank() ? r.get(c) : null;
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
