package jp.tsunagu.survey;

import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.questionnaire.Answers;
import jp.tsunagu.questionnaire.Answers.Given;
import jp.tsunagu.questionnaire.Definition;
import jp.tsunagu.questionnaire.QuestionKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A survey's questions as a form (the personal link's page, the paper answer keyed in, the printed
 * paper form): one language, the answers given so far filled in. The field names are
 * {@code answers.<code>} (options, a scale point), {@code answers.<code>.other},
 * {@code answers.<code>.text}, {@code answers.<code>.<row>.<column>}; the error summary's links land
 * on the same ids. {@link #read} turns a posted form back into {@link Answers}.
 */
public final class SurveySheet {

    private SurveySheet() {
    }

    @TemplateData
    public record Option(String code, String label, boolean other, boolean chosen) {
    }

    @TemplateData
    public record Point(int value, String label, boolean chosen) {
    }

    @TemplateData
    public record Cell(String row, String column, String columnLabel, String value) {
    }

    @TemplateData
    public record Row(String code, String label, List<Cell> cells) {
    }

    @TemplateData
    public record Item(int number, String code, String kind, String label, String hint, boolean required,
                       List<Option> options, String other, String text, List<Point> points, List<String> columns,
                       List<Row> rows, String condition, String conditionQuestion, String conditionOptions) {
        public String id() {
            return "answers." + code;
        }

        public boolean multi() {
            return "MULTI".equals(kind);
        }

        /** A text question's hint: when to answer it (if it has a condition), then its own hint. */
        public String textHint(String conditionText) {
            String h = condition == null ? hint : hint == null ? conditionText : conditionText + " " + hint;
            return h == null || h.isBlank() ? null : h;
        }
    }

    @TemplateData
    public record Part(String title, List<Item> items) {
    }

    @TemplateData
    public record Sheet(String title, String intro, List<Part> parts) {
    }

    static String pick(Definition.Label l, boolean en) {
        return l == null ? null : en ? l.english() : l.ja();
    }

    static String pick(Definition.EndLabel l, boolean en) {
        return l == null ? null : en ? l.english() : l.ja();
    }

    public static Sheet of(Definition def, Answers given, Locale locale) {
        boolean en = locale != null && "en".equals(locale.getLanguage());
        Map<String, Given> answers = given == null ? Map.of() : given.answersOrNone();
        Map<String, Definition.QuestionDef> byCode = new LinkedHashMap<>();
        def.questions().forEach(q -> byCode.putIfAbsent(q.code(), q));
        List<Part> parts = new ArrayList<>();
        int n = 0;
        for (Definition.SectionDef s : def.sections()) {
            List<Item> items = new ArrayList<>();
            for (Definition.QuestionDef q : s.questions()) {
                Given g = answers.get(q.code());
                List<String> chosen = g == null || g.options() == null ? List.of() : g.options();
                List<Option> options = (q.options() == null ? List.<Definition.OptionDef>of() : q.options()).stream()
                        .map(o -> new Option(o.code(), pick(o.label(), en), o.other(), chosen.contains(o.code()))).toList();
                List<Point> points = new ArrayList<>();
                if (q.kind() == QuestionKind.SCALE && q.scale() != null) {
                    for (int v = q.scale().min(); v <= q.scale().max(); v++) {
                        String end = v == q.scale().min() ? pick(q.scale().low(), en) : v == q.scale().max() ? pick(q.scale().high(), en) : null;
                        points.add(new Point(v, end == null ? Integer.toString(v) : v + "（" + end + "）",
                                g != null && g.value() != null && g.value() == v));
                    }
                }
                List<String> columns = new ArrayList<>();
                List<Row> rows = new ArrayList<>();
                if (q.kind() == QuestionKind.NUMBER_TABLE) {
                    q.columns().forEach(c -> columns.add(pick(c.label(), en)));
                    for (Definition.OptionDef r : q.rows()) {
                        List<Cell> cells = new ArrayList<>();
                        for (Definition.OptionDef c : q.columns()) {
                            Integer v = g == null || g.cells() == null || g.cells().get(r.code()) == null ? null
                                    : g.cells().get(r.code()).get(c.code());
                            cells.add(new Cell(r.code(), c.code(), pick(c.label(), en), v == null ? "" : v.toString()));
                        }
                        rows.add(new Row(r.code(), pick(r.label(), en), cells));
                    }
                }
                String condition = null;
                String conditionOptions = null;
                if (q.shownIf() != null && byCode.containsKey(q.shownIf().question())) {
                    Definition.QuestionDef on = byCode.get(q.shownIf().question());
                    List<String> labels = on.options().stream().filter(o -> q.shownIf().options().contains(o.code()))
                            .map(o -> pick(o.label(), en)).toList();
                    condition = pick(on.label(), en) + "：" + String.join(en ? " / " : "・", labels);
                    conditionOptions = String.join(" ", q.shownIf().options());
                }
                items.add(new Item(++n, q.code(), q.kind().name(), pick(q.label(), en), pick(q.hint(), en), q.required(), options,
                        g == null ? null : g.other(), g == null ? null : g.text(), points, columns, rows, condition,
                        q.shownIf() == null ? null : q.shownIf().question(), conditionOptions));
            }
            parts.add(new Part(pick(s.title(), en), items));
        }
        String intro = def.intro() == null ? null : en && def.intro().en() != null && !def.intro().en().isBlank()
                ? def.intro().en() : def.intro().ja();
        return new Sheet(pick(def.title(), en), intro, parts);
    }

    /** The posted form as answers; a number that is not one is named in {@code p} on its cell. */
    public static Answers read(Definition def, MultivaluedMap<String, String> form, Params p) {
        Map<String, Given> out = new LinkedHashMap<>();
        for (Definition.QuestionDef q : def.questions()) {
            String base = "answers." + q.code();
            switch (q.kind()) {
                case SINGLE, MULTI -> {
                    List<String> options = form.getOrDefault(base, List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
                    String other = form.getFirst(base + ".other");
                    if (!options.isEmpty() || (other != null && !other.isBlank())) {
                        out.put(q.code(), new Given(options, other, null, null, null));
                    }
                }
                case TEXT -> {
                    String text = form.getFirst(base);
                    if (text != null && !text.isBlank()) {
                        out.put(q.code(), Given.written(text));
                    }
                }
                case SCALE -> {
                    String raw = form.getFirst(base);
                    if (raw != null && !raw.isBlank()) {
                        Integer v = p.integer(base, raw, 0, 10);
                        if (v != null) {
                            out.put(q.code(), Given.point(v));
                        }
                    }
                }
                case NUMBER_TABLE -> {
                    Map<String, Map<String, Integer>> cells = new LinkedHashMap<>();
                    for (Definition.OptionDef r : q.rows()) {
                        for (Definition.OptionDef c : q.columns()) {
                            String id = base + "." + r.code() + "." + c.code();
                            String raw = form.getFirst(id);
                            if (raw != null && !raw.isBlank()) {
                                Integer v = p.integer(id, raw.strip(), 0, 1_000_000);
                                if (v != null) {
                                    cells.computeIfAbsent(r.code(), k -> new LinkedHashMap<>()).put(c.code(), v);
                                }
                            }
                        }
                    }
                    if (!cells.isEmpty()) {
                        out.put(q.code(), new Given(null, null, null, null, cells));
                    }
                }
            }
        }
        return new Answers(out);
    }
}
