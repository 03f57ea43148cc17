package jp.tsunagu.questionnaire;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.tsunagu.platform.web.Params;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A questionnaire as the builder writes it (the JSON of {@code PUT /api/surveys/{id}}) and as the
 * built-in ones are declared ({@link BuiltIn}): titled sections of questions — single and multiple
 * choice (an option may be "other (free text)"), free text, scales and number tables — each
 * required or not, shown always or only when an earlier choice holds one of some options, with
 * Japanese labels and English ones (the Japanese stand in where no English is given).
 * The field rules are annotations; {@link #check(Params)} adds the rules across fields.
 */
public record Definition(@NotNull @Valid Label title, @Valid LongLabel intro,
                         @NotEmpty @Size(max = 30) List<@NotNull @Valid SectionDef> sections) {

    public static final String CODE = "^[a-z0-9-]{1,40}$";
    public static final int MAX_QUESTIONS = 200;

    public record Label(@NotBlank @Size(max = 300) String ja, @Size(max = 300) String en) {
        public String english() {
            return en == null || en.isBlank() ? ja.strip() : en.strip();
        }

        public static Label of(String ja, String en) {
            return new Label(ja, en);
        }
    }

    public record LongLabel(@Size(max = 4000) String ja, @Size(max = 4000) String en) {
    }

    public record OptionDef(@NotNull @Pattern(regexp = CODE) String code, @NotNull @Valid Label label, boolean other) {
        public static OptionDef of(String code, String ja, String en) {
            return new OptionDef(code, new Label(ja, en), false);
        }

        public static OptionDef otherText(String code, String ja, String en) {
            return new OptionDef(code, new Label(ja, en), true);
        }
    }

    public record ScaleDef(@NotNull @Min(0) @Max(1) Integer min, @NotNull @Min(2) @Max(10) Integer max,
                           @Valid EndLabel low, @Valid EndLabel high) {
    }

    /** A scale end's label (up to 100 characters). */
    public record EndLabel(@NotBlank @Size(max = 100) String ja, @Size(max = 100) String en) {
        public String english() {
            return en == null || en.isBlank() ? ja.strip() : en.strip();
        }
    }

    public record ShownIf(@NotNull @Pattern(regexp = CODE) String question,
                          @NotEmpty @Size(max = 30) List<@NotNull @Pattern(regexp = CODE) String> options) {
    }

    public record QuestionDef(@NotNull @Pattern(regexp = CODE) String code, @NotNull QuestionKind kind,
                              @NotNull @Valid Label label, @Valid Label hint, boolean required,
                              @Size(max = 30) List<@NotNull @Valid OptionDef> options,
                              @Size(max = 20) List<@NotNull @Valid OptionDef> rows,
                              @Size(max = 20) List<@NotNull @Valid OptionDef> columns,
                              @Valid ScaleDef scale, @Valid ShownIf shownIf) {

        public static QuestionDef choice(String code, QuestionKind kind, String ja, String en, boolean required,
                                         List<OptionDef> options) {
            return new QuestionDef(code, kind, new Label(ja, en), null, required, options, null, null, null, null);
        }

        public static QuestionDef text(String code, String ja, String en, boolean required) {
            return new QuestionDef(code, QuestionKind.TEXT, new Label(ja, en), null, required, null, null, null, null, null);
        }

        public QuestionDef shownIf(String question, String... options) {
            return new QuestionDef(code, kind, label, hint, required, this.options, rows, columns, scale,
                    new ShownIf(question, List.of(options)));
        }

        public QuestionDef hint(String ja, String en) {
            return new QuestionDef(code, kind, label, new Label(ja, en), required, options, rows, columns, scale, shownIf);
        }

        List<OptionDef> optionsOrNone() {
            return options == null ? List.of() : options;
        }

        List<OptionDef> rowsOrNone() {
            return rows == null ? List.of() : rows;
        }

        List<OptionDef> columnsOrNone() {
            return columns == null ? List.of() : columns;
        }
    }

    public record SectionDef(@NotNull @Valid Label title, @NotEmpty @Size(max = 60) List<@NotNull @Valid QuestionDef> questions) {
    }

    /** A definition of one untitled section (the section takes the questionnaire's title). */
    public static Definition simple(String titleJa, String titleEn, List<QuestionDef> questions) {
        Label title = new Label(titleJa, titleEn);
        return new Definition(title, null, List.of(new SectionDef(title, questions)));
    }

    public List<QuestionDef> questions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }

    /**
     * The rules across fields, each reported on its field: codes unique; what each kind needs
     * (2–30 options for a choice, at most one of them "other"; rows and columns for a table; a
     * scale's ends in order; nothing a kind does not use); a condition names an earlier choice
     * question and options it has; at most {@value #MAX_QUESTIONS} questions in all. Run after the
     * annotations (a definition that failed them may still have holes).
     */
    public void check(Params p) {
        if (sections == null) {
            return;
        }
        Map<String, QuestionDef> earlier = new HashMap<>();
        int count = 0;
        for (int s = 0; s < sections.size(); s++) {
            SectionDef section = sections.get(s);
            if (section == null || section.questions() == null) {
                continue;
            }
            for (int i = 0; i < section.questions().size(); i++) {
                QuestionDef q = section.questions().get(i);
                String at = "sections[" + s + "].questions[" + i + "]";
                if (q == null || q.code() == null || q.kind() == null) {
                    continue;
                }
                if (++count == MAX_QUESTIONS + 1) {
                    p.error(at, "questions-max");
                }
                if (earlier.containsKey(q.code())) {
                    p.error(at + ".code", "duplicate-code");
                }
                checkKind(p, at, q);
                checkCondition(p, at, q, earlier);
                earlier.putIfAbsent(q.code(), q);
            }
        }
    }

    private static void checkKind(Params p, String at, QuestionDef q) {
        boolean choice = q.kind().choice();
        boolean table = q.kind() == QuestionKind.NUMBER_TABLE;
        if (choice) {
            int n = q.optionsOrNone().size();
            if (n < 2) {
                p.error(at + ".options", "options-count");
            }
            if (q.optionsOrNone().stream().filter(o -> o != null && o.other()).count() > 1) {
                p.error(at + ".options", "other-once");
            }
            unique(p, at + ".options", q.optionsOrNone());
        } else if (!q.optionsOrNone().isEmpty()) {
            p.error(at + ".options", "not-for-kind");
        }
        if (table) {
            if (q.rowsOrNone().isEmpty()) {
                p.error(at + ".rows", "required");
            }
            if (q.columnsOrNone().isEmpty()) {
                p.error(at + ".columns", "required");
            }
            unique(p, at + ".rows", q.rowsOrNone());
            unique(p, at + ".columns", q.columnsOrNone());
            if (q.rowsOrNone().stream().anyMatch(o -> o != null && o.other())
                    || q.columnsOrNone().stream().anyMatch(o -> o != null && o.other())) {
                p.error(at + ".rows", "not-for-kind");
            }
        } else {
            if (!q.rowsOrNone().isEmpty()) {
                p.error(at + ".rows", "not-for-kind");
            }
            if (!q.columnsOrNone().isEmpty()) {
                p.error(at + ".columns", "not-for-kind");
            }
        }
        if (q.kind() == QuestionKind.SCALE) {
            if (q.scale() == null) {
                p.error(at + ".scale", "required");
            }
        } else if (q.scale() != null) {
            p.error(at + ".scale", "not-for-kind");
        }
    }

    private static void unique(Params p, String at, List<OptionDef> options) {
        Set<String> seen = new HashSet<>();
        for (OptionDef o : options) {
            if (o != null && o.code() != null && !seen.add(o.code())) {
                p.error(at, "duplicate-code");
                return;
            }
        }
    }

    private static void checkCondition(Params p, String at, QuestionDef q, Map<String, QuestionDef> earlier) {
        ShownIf cond = q.shownIf();
        if (cond == null || cond.question() == null || cond.options() == null) {
            return;
        }
        QuestionDef on = earlier.get(cond.question());
        if (on == null || !on.kind().choice()) {
            p.error(at + ".shownIf.question", "unknown-question");
            return;
        }
        Set<String> codes = new HashSet<>();
        on.optionsOrNone().stream().filter(o -> o != null).forEach(o -> codes.add(o.code()));
        List<String> unknown = new ArrayList<>(cond.options());
        unknown.removeIf(codes::contains);
        if (!unknown.isEmpty()) {
            p.error(at + ".shownIf.options", "unknown-value");
        }
    }
}
