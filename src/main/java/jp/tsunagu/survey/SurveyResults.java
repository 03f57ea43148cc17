package jp.tsunagu.survey;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.audit.AuditLog;
import jp.tsunagu.audit.AuditType;
import jp.tsunagu.directory.Prefecture;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.web.CsvText;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.questionnaire.OptionAxis;
import jp.tsunagu.questionnaire.Question;
import jp.tsunagu.questionnaire.QuestionKind;
import jp.tsunagu.questionnaire.QuestionOption;
import jp.tsunagu.questionnaire.QuestionnaireService;
import jp.tsunagu.questionnaire.Section;
import jp.tsunagu.questionnaire.Structure;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A survey's results: per question, the counts of all answers ("全体") and, compared beside them,
 * of each prefecture or catchment area; filtered by organization type. Counts only for those who
 * read results (owners, the secretariat, circles it was shared into); the free texts and the
 * answers file (CSV, xlsx: one row per answer, without the organization's name or address) for
 * those who see the responses.
 */
@ApplicationScoped
public class SurveyResults {

    public enum Compare { NONE, PREFECTURE, AREA;

        public static Compare parse(String raw) {
            if (raw == null || raw.isBlank()) {
                return NONE;
            }
            return switch (raw) {
                case "prefecture" -> PREFECTURE;
                case "area" -> AREA;
                default -> throw ProblemException.field("compare", "unknown-value");
            };
        }
    }

    @TemplateData
    public record Count(String code, String label, int count, String percent, int width) {
        /** The label as the chart has room for it (the table beside it says it in full). */
        public String shortLabel() {
            return label.codePointCount(0, label.length()) <= 18 ? label
                    : label.substring(0, label.offsetByCodePoints(0, 17)) + "…";
        }
    }

    /** The answers of one group (or of all: key "all") to one question. */
    @TemplateData
    public record Tally(String key, String label, int respondents, int answered, List<Count> counts, String mean) {
        /** The horizontal bar chart's geometry (28 px a row; the table beside it carries the same figures). */
        public List<Bar> bars() {
            List<Bar> out = new ArrayList<>();
            for (int i = 0; i < counts.size(); i++) {
                Count c = counts.get(i);
                out.add(new Bar(c.shortLabel(), c.count() + (c.percent() == null ? "" : " (" + c.percent() + "%)"),
                        i * 28 + 8, i * 28 + 22, c.width(), c.width() + 256));
            }
            return out;
        }
    }

    @TemplateData
    public record Bar(String label, String figure, int y, int textY, int width, int figureX) {
    }

    @TemplateData
    public record QuestionResult(String code, String kind, String section, String label, Tally all, List<Tally> groups,
                                 List<String> texts) {
        public int chartHeight() {
            return all.counts().size() * 28 + 8;
        }
    }

    @TemplateData
    public record Results(long surveyId, String title, int responses, String compare, String orgType, boolean fictitious,
                          boolean withTexts, boolean suppressed, List<QuestionResult> questions) {
    }

    /**
     * Those who read counts only (a shared circle's staff) see no group of fewer answers than this,
     * so a filter by type and area cannot single out one office's answer.
     */
    static final int MIN_GROUP = 3;

    /** One respondent as the results see them: type, prefecture, areas, and how they answered. */
    record Respondent(long responseId, long organizationId, OrgType type, Short prefecture, List<Long> areas, String channel,
                      Instant answeredAt) {
    }

    record Loaded(SurveyAccess.Loaded survey, Structure structure, List<Respondent> respondents,
                  Map<Long, List<jp.tsunagu.questionnaire.Answer>> answers, Map<Short, String> prefectures,
                  Map<Long, String> areas) {
    }

    @Inject
    SurveyAccess access;

    @Inject
    QuestionnaireService questionnaires;

    @Inject
    AuditLog audit;

    @WithSession
    public Uni<Results> results(Viewer viewer, long id, String compareRaw, String orgTypeRaw) {
        Compare compare = Compare.parse(compareRaw);
        OrgType type = orgTypeRaw == null || orgTypeRaw.isBlank() ? null
                : OrgType.parse(orgTypeRaw).orElseThrow(() -> ProblemException.field("orgType", "unknown-value"));
        Locale locale = viewer.locale();
        return access.visible(viewer, id).chain(l -> load(l, locale)).map(d -> {
            boolean texts = access.maySeeResponses(viewer, d.survey());
            List<Respondent> rs = d.respondents().stream().filter(r -> type == null || r.type() == type).toList();
            return tally(d, rs, d.respondents().size(), compare, type, texts, locale);
        });
    }

    Uni<Loaded> load(SurveyAccess.Loaded l, Locale locale) {
        long id = l.survey().id;
        return questionnaires.find(SurveyWrites.SUBJECT, id).chain(questionnaires::structure).chain(st ->
                Panache.getSession().chain(s -> s.createSelectionQuery(
                                "select q.id, r.organizationId, o.orgType, o.prefectureCode, q.channel, r.answeredAt"
                                        + " from SurveyRecipient r, QuestionnaireResponse q, Organization o"
                                        + " where r.surveyId = :s and q.id = r.responseId and o.id = r.organizationId order by q.id",
                                Object[].class).setParameter("s", id).getResultList())
                        .chain(rows -> Panache.getSession().chain(s -> s.createSelectionQuery(
                                        "select oa.organizationId, a.id, a.name from OrganizationArea oa, CatchmentArea a, SurveyRecipient r"
                                                + " where a.id = oa.areaId and oa.organizationId = r.organizationId and r.surveyId = :s"
                                                + " and r.responseId is not null order by a.id", Object[].class)
                                .setParameter("s", id).getResultList())
                                .chain(areaRows -> answers(rows.stream().map(r -> (Long) r[0]).toList())
                                        .chain(answers -> Prefecture.<Prefecture>listAll().map(prefs -> {
                                            Map<Long, List<Long>> areasOf = new HashMap<>();
                                            Map<Long, String> areaNames = new LinkedHashMap<>();
                                            for (Object[] a : areaRows) {
                                                areasOf.computeIfAbsent((Long) a[0], k -> new ArrayList<>()).add((Long) a[1]);
                                                areaNames.put((Long) a[1], (String) a[2]);
                                            }
                                            List<Respondent> rs = new ArrayList<>();
                                            for (Object[] r : rows) {
                                                rs.add(new Respondent((Long) r[0], (Long) r[1], (OrgType) r[2], (Short) r[3],
                                                        areasOf.getOrDefault((Long) r[1], List.of()), String.valueOf(r[4]), (Instant) r[5]));
                                            }
                                            Map<Short, String> prefNames = new HashMap<>();
                                            prefs.forEach(p -> prefNames.put(p.code, p.name(locale)));
                                            return new Loaded(l, st, rs, answers, prefNames, areaNames);
                                        })))));
    }

    private Uni<Map<Long, List<jp.tsunagu.questionnaire.Answer>>> answers(List<Long> responseIds) {
        if (responseIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return jp.tsunagu.questionnaire.Answer.<jp.tsunagu.questionnaire.Answer>list("responseId in ?1 order by id", responseIds)
                .map(all -> {
                    Map<Long, List<jp.tsunagu.questionnaire.Answer>> out = new HashMap<>();
                    all.forEach(a -> out.computeIfAbsent(a.responseId, k -> new ArrayList<>()).add(a));
                    return out;
                });
    }

    /**
     * Too few to show to a counts-only reader: a group of 1–2 answers, or one whose rest (the
     * whole minus it) is 1–2, since subtracting it from the whole would single those out.
     */
    public static boolean tooFew(int group, int whole) {
        return group < MIN_GROUP || (whole - group > 0 && whole - group < MIN_GROUP);
    }

    private Results tally(Loaded d, List<Respondent> rs, int whole, Compare compare, OrgType type, boolean texts, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        Structure st = d.structure();
        Map<Long, String> sectionTitles = new HashMap<>();
        for (Section s : st.sections()) {
            sectionTitles.put(s.id, en ? s.titleEn : s.titleJa);
        }
        // the groups to compare: prefecture or area of each respondent (an office in two areas counts in both)
        boolean countsOnly = !texts;
        if (countsOnly && (rs.size() < MIN_GROUP || (type != null && tooFew(rs.size(), whole)))) {
            return new Results(d.survey().survey().id, en ? st.questionnaire().titleEn : st.questionnaire().titleJa, rs.size(),
                    compare.name().toLowerCase(Locale.ROOT), type == null ? null : type.name(), d.survey().survey().fictitious,
                    false, true, List.of());
        }
        Map<String, String> groupLabels = new TreeMap<>();
        Map<String, List<Respondent>> grouped = new LinkedHashMap<>();
        if (compare != Compare.NONE) {
            for (Respondent r : rs) {
                List<String> keys = compare == Compare.PREFECTURE
                        ? List.of(String.valueOf(r.prefecture()))
                        : r.areas().stream().map(String::valueOf).toList();
                for (String k : keys) {
                    grouped.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
                    groupLabels.put(k, compare == Compare.PREFECTURE
                            ? d.prefectures().getOrDefault(r.prefecture(), "—") : d.areas().get(Long.valueOf(k)));
                }
            }
        }
        List<QuestionResult> out = new ArrayList<>();
        for (Question q : st.questions()) {
            Tally all = tally(st, q, "all", Messages.get(locale, "survey.results.all"), rs, d.answers(), en);
            List<Tally> groups = new ArrayList<>();
            grouped.entrySet().stream().filter(e -> !countsOnly || !tooFew(e.getValue().size(), rs.size())).sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(k -> groupLabels.get(k))))
                    .forEach(e -> groups.add(tally(st, q, e.getKey(), groupLabels.get(e.getKey()), e.getValue(), d.answers(), en)));
            List<String> textList = new ArrayList<>();
            if (texts) {
                for (Respondent r : rs) {
                    for (var a : d.answers().getOrDefault(r.responseId(), List.of())) {
                        if (a.questionId.equals(q.id) && a.textValue != null) {
                            textList.add(a.textValue);
                        }
                    }
                }
            }
            out.add(new QuestionResult(q.code, q.kind.name(), q.sectionId == null ? null : sectionTitles.get(q.sectionId),
                    en ? q.labelEn : q.labelJa, all, groups, textList));
        }
        return new Results(d.survey().survey().id, en ? st.questionnaire().titleEn : st.questionnaire().titleJa, rs.size(),
                compare.name().toLowerCase(Locale.ROOT), type == null ? null : type.name(), d.survey().survey().fictitious, texts,
                false, out);
    }

    /** One question's counts among some respondents: options, scale points, or sums of a table's cells. */
    static Tally tally(Structure st, Question q, String key, String label, List<Respondent> rs,
                       Map<Long, List<jp.tsunagu.questionnaire.Answer>> answers, boolean en) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        int answered = 0;
        long sum = 0;
        int points = 0;
        if (q.kind.choice()) {
            for (QuestionOption o : st.optionsOf(q, OptionAxis.CHOICE)) {
                counts.put(o.code, 0);
                labels.put(o.code, en ? o.labelEn : o.labelJa);
            }
        } else if (q.kind == QuestionKind.SCALE) {
            for (int v = q.scaleMin; v <= q.scaleMax; v++) {
                String code = String.valueOf(v);
                counts.put(code, 0);
                String end = v == q.scaleMin ? (en ? q.scaleLowEn : q.scaleLowJa) : v == q.scaleMax ? (en ? q.scaleHighEn : q.scaleHighJa) : null;
                labels.put(code, end == null ? code : code + "（" + end + "）");
            }
        } else if (q.kind == QuestionKind.NUMBER_TABLE) {
            for (QuestionOption row : st.optionsOf(q, OptionAxis.ROW)) {
                for (QuestionOption col : st.optionsOf(q, OptionAxis.COLUMN)) {
                    String code = row.code + "." + col.code;
                    counts.put(code, 0);
                    labels.put(code, (en ? row.labelEn : row.labelJa) + " × " + (en ? col.labelEn : col.labelJa));
                }
            }
        }
        for (Respondent r : rs) {
            boolean any = false;
            for (var a : answers.getOrDefault(r.responseId(), List.of())) {
                if (!a.questionId.equals(q.id)) {
                    continue;
                }
                any = true;
                switch (q.kind) {
                    case SINGLE, MULTI -> counts.merge(a.optionCode, 1, Integer::sum);
                    case SCALE -> {
                        counts.merge(String.valueOf(a.numberValue), 1, Integer::sum);
                        sum += a.numberValue;
                        points++;
                    }
                    case NUMBER_TABLE -> counts.merge(a.optionCode + "." + a.columnCode, a.numberValue,
                            (x, y) -> (int) Math.min(Integer.MAX_VALUE, (long) x + y));
                    case TEXT -> { }
                }
            }
            answered += any ? 1 : 0;
        }
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Count> list = new ArrayList<>();
        final int base = answered;
        counts.forEach((code, n) -> list.add(new Count(code, labels.getOrDefault(code, code), n,
                q.kind == QuestionKind.NUMBER_TABLE ? null : SurveyService.percent(n, base), max == 0 ? 0 : (int) (n * 300L / max))));
        String mean = points == 0 ? null : String.format(Locale.ROOT, "%.2f", sum / (double) points);
        return new Tally(key, label, rs.size(), answered, list, mean);
    }

    // ---- the answers file -------------------------------------------------------------------

    /** The header and rows of the answers file (one row per answering organization, in answer order). */
    record Sheet(List<String> header, List<List<Object>> rows) {
    }

    Sheet sheet(Loaded d, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        Structure st = d.structure();
        List<String> header = new ArrayList<>(List.of(m(locale, "survey.csv.number"), m(locale, "survey.csv.type"),
                m(locale, "survey.csv.prefecture"), m(locale, "survey.csv.area"), m(locale, "survey.csv.channel"),
                m(locale, "survey.csv.answered")));
        for (Question q : st.questions()) {
            String label = q.code + " " + (en ? q.labelEn : q.labelJa);
            switch (q.kind) {
                case SINGLE, TEXT, SCALE -> header.add(label);
                case MULTI -> st.optionsOf(q, OptionAxis.CHOICE).forEach(o -> header.add(label + "：" + (en ? o.labelEn : o.labelJa)));
                case NUMBER_TABLE -> st.optionsOf(q, OptionAxis.ROW).forEach(r -> st.optionsOf(q, OptionAxis.COLUMN).forEach(c ->
                        header.add(label + "：" + (en ? r.labelEn : r.labelJa) + "×" + (en ? c.labelEn : c.labelJa))));
            }
            if (q.kind.choice() && st.optionsOf(q, OptionAxis.CHOICE).stream().anyMatch(o -> o.other)) {
                header.add(label + "：" + m(locale, "survey.csv.other-text"));
            }
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(jp.tsunagu.platform.time.JapaneseCalendar.TOKYO);
        List<List<Object>> rows = new ArrayList<>();
        int n = 0;
        for (Respondent r : d.respondents()) {
            List<jp.tsunagu.questionnaire.Answer> as = d.answers().getOrDefault(r.responseId(), List.of());
            List<Object> row = new ArrayList<>();
            row.add(++n);
            row.add(m(locale, "org-type." + r.type().name()));
            row.add(r.prefecture() == null ? "" : d.prefectures().getOrDefault(r.prefecture(), ""));
            row.add(String.join("、", r.areas().stream().map(a -> d.areas().getOrDefault(a, "")).toList()));
            row.add(m(locale, "survey.channel." + r.channel()));
            row.add(r.answeredAt() == null ? "" : day.format(r.answeredAt()));
            for (Question q : st.questions()) {
                List<jp.tsunagu.questionnaire.Answer> mine = as.stream().filter(a -> a.questionId.equals(q.id)).toList();
                switch (q.kind) {
                    case SINGLE -> row.add(mine.isEmpty() ? "" : st.optionsOf(q, OptionAxis.CHOICE).stream()
                            .filter(o -> o.code.equals(mine.get(0).optionCode)).map(o -> en ? o.labelEn : o.labelJa).findFirst().orElse(""));
                    case TEXT -> row.add(mine.isEmpty() ? "" : mine.get(0).textValue);
                    case SCALE -> row.add(mine.isEmpty() ? "" : mine.get(0).numberValue);
                    case MULTI -> st.optionsOf(q, OptionAxis.CHOICE).forEach(o ->
                            row.add(mine.isEmpty() ? "" : mine.stream().anyMatch(a -> o.code.equals(a.optionCode)) ? 1 : 0));
                    case NUMBER_TABLE -> st.optionsOf(q, OptionAxis.ROW).forEach(rw -> st.optionsOf(q, OptionAxis.COLUMN).forEach(c ->
                            row.add(mine.stream().filter(a -> rw.code.equals(a.optionCode) && c.code.equals(a.columnCode))
                                    .map(a -> (Object) a.numberValue).findFirst().orElse(""))));
                }
                if (q.kind.choice() && st.optionsOf(q, OptionAxis.CHOICE).stream().anyMatch(o -> o.other)) {
                    row.add(mine.stream().filter(a -> a.textValue != null).map(a -> a.textValue).findFirst().orElse(""));
                }
            }
            rows.add(row);
        }
        return new Sheet(header, rows);
    }

    private static String m(Locale locale, String key) {
        return Messages.get(locale, key);
    }

    /** The answers file's rows, for those who see the responses; the export is logged. */
    @WithTransaction
    public Uni<Sheet> export(Viewer viewer, long id, String format) {
        return access.responses(viewer, id).chain(l -> load(l, viewer.locale()))
                .call(() -> audit.record(AuditType.SURVEY_EXPORTED, viewer.accountId(), viewer.email(), "survey:" + id, null,
                        "format=" + format))
                .map(d -> sheet(d, viewer.locale()));
    }

    static String csv(Sheet s) {
        StringBuilder b = new StringBuilder(CsvText.BOM);
        b.append(CsvText.row(s.header()));
        s.rows().forEach(r -> b.append(CsvText.row(r)));
        return b.toString();
    }

    static byte[] xlsx(Sheet s, String sheetName) {
        return jp.tsunagu.platform.web.Spreadsheet.xlsx(sheetName, s.header(), s.rows(), 0);
    }

    static Set<String> formats() {
        return Set.of("csv", "xlsx");
    }
}
