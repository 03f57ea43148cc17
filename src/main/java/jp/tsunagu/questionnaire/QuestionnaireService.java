package jp.tsunagu.questionnaire;

import jp.tsunagu.platform.db.Rows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.platform.web.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small reusable questionnaire module: a definition (questions with options) is stored as a
 * questionnaire about a subject ("meeting", 12); each respondent answers once; results are
 * counted per option; the owner posts a follow-up ("how your input was used").
 * It decides nothing about access: the feature that owns the subject checks who may answer or
 * read before calling it. Call inside the caller's session or transaction.
 */
@ApplicationScoped
public class QuestionnaireService {

    @TemplateData
    public record OptionView(String code, String label, int count) {
    }

    @TemplateData
    public record QuestionView(long id, String code, String kind, String label, boolean required, List<OptionView> options,
                               List<String> texts) {
        public int maxCount() {
            return options.stream().mapToInt(OptionView::count).max().orElse(0);
        }

        /** A horizontal bar chart of the counts (SVG geometry; the page also shows the table). */
        public List<Bar> bars() {
            int max = maxCount();
            List<Bar> out = new ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                OptionView o = options.get(i);
                int width = max == 0 ? 0 : o.count() * 360 / max;
                out.add(new Bar(o.label(), o.count(), i * 28 + 8, i * 28 + 22, width, 228 + width));
            }
            return out;
        }

        public int chartHeight() {
            return options.size() * 28 + 8;
        }
    }

    @TemplateData
    public record Bar(String label, int count, int y, int textY, int width, int countX) {
    }

    /** The form (counts and texts filled only in results). */
    @TemplateData
    public record Form(long id, String title, List<QuestionView> questions, int responses, String followup,
                       Instant followupAt) {
    }

    /** Answers keyed by question code: option codes for choices, one text for free text. */
    public record Submission(Map<String, List<String>> answers) {
    }

    /** The questionnaire about a subject, created from the definition if there is none yet. */
    public Uni<Questionnaire> create(String subjectType, long subjectId, Definition def) {
        return find(subjectType, subjectId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            Questionnaire q = new Questionnaire();
            q.subjectType = subjectType;
            q.subjectId = subjectId;
            q.createdAt = Instant.now();
            q.titleJa = def.title().ja().strip();
            q.titleEn = def.title().english();
            return q.<Questionnaire>persistAndFlush().chain(saved -> define(saved, def));
        });
    }

    /**
     * Writes the definition into the questionnaire, replacing its questions (the owner makes sure
     * no one has answered yet: answers would lose their questions).
     */
    public Uni<Questionnaire> define(Questionnaire q, Definition def) {
        q.titleJa = def.title().ja().strip();
        q.titleEn = def.title().english();
        q.introJa = def.intro() == null || blank(def.intro().ja()) ? null : def.intro().ja().strip();
        q.introEn = def.intro() == null || blank(def.intro().en()) ? null : def.intro().en().strip();
        return Panache.getSession().chain(s -> s.createMutationQuery("delete from Question where questionnaireId = :q")
                        .setParameter("q", q.id).executeUpdate())
                .chain(() -> Panache.getSession().chain(s -> s.createMutationQuery("delete from Section where questionnaireId = :q")
                        .setParameter("q", q.id).executeUpdate()))
                .chain(() -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    int[] position = {0};
                    int sectionPos = 0;
                    for (Definition.SectionDef sd : def.sections()) {
                        Section section = new Section();
                        section.questionnaireId = q.id;
                        section.position = ++sectionPos;
                        section.titleJa = sd.title().ja().strip();
                        section.titleEn = sd.title().english();
                        chain = chain.chain(() -> section.<Section>persistAndFlush()).chain(saved -> {
                            Uni<Void> inner = Uni.createFrom().voidItem();
                            for (Definition.QuestionDef d : sd.questions()) {
                                Question question = question(q.id, saved.id, ++position[0], d);
                                inner = inner.chain(() -> question.<Question>persistAndFlush())
                                        .chain(qq -> Rows.persistAll(options(qq.id, d)));
                            }
                            return inner;
                        });
                    }
                    return chain.chain(Panache::flush).replaceWith(q);
                });
    }

    private static Question question(long questionnaireId, long sectionId, int position, Definition.QuestionDef d) {
        Question question = new Question();
        question.questionnaireId = questionnaireId;
        question.sectionId = sectionId;
        question.position = position;
        question.code = d.code();
        question.kind = d.kind();
        question.labelJa = d.label().ja().strip();
        question.labelEn = d.label().english();
        question.required = d.required();
        if (d.hint() != null) {
            question.hintJa = d.hint().ja().strip();
            question.hintEn = d.hint().english();
        }
        if (d.scale() != null) {
            question.scaleMin = d.scale().min().shortValue();
            question.scaleMax = d.scale().max().shortValue();
            if (d.scale().low() != null) {
                question.scaleLowJa = d.scale().low().ja().strip();
                question.scaleLowEn = d.scale().low().english();
            }
            if (d.scale().high() != null) {
                question.scaleHighJa = d.scale().high().ja().strip();
                question.scaleHighEn = d.scale().high().english();
            }
        }
        if (d.shownIf() != null) {
            question.shownIfQuestion = d.shownIf().question();
            question.shownIfOptions = d.shownIf().options().toArray(String[]::new);
        }
        return question;
    }

    private static List<QuestionOption> options(long questionId, Definition.QuestionDef d) {
        List<QuestionOption> out = new ArrayList<>();
        addOptions(out, questionId, OptionAxis.CHOICE, d.optionsOrNone());
        addOptions(out, questionId, OptionAxis.ROW, d.rowsOrNone());
        addOptions(out, questionId, OptionAxis.COLUMN, d.columnsOrNone());
        return out;
    }

    private static void addOptions(List<QuestionOption> out, long questionId, OptionAxis axis, List<Definition.OptionDef> defs) {
        int pos = 0;
        for (Definition.OptionDef o : defs) {
            QuestionOption row = new QuestionOption();
            row.questionId = questionId;
            row.position = ++pos;
            row.axis = axis;
            row.code = o.code();
            row.labelJa = o.label().ja().strip();
            row.labelEn = o.label().english();
            row.other = o.other();
            out.add(row);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The questionnaire with its sections, questions and options. */
    public Uni<Structure> structure(Questionnaire q) {
        return Section.<Section>list("questionnaireId = ?1 order by position", q.id)
                .chain(sections -> Question.<Question>list("questionnaireId = ?1 order by position", q.id)
                        .chain(qs -> (qs.isEmpty() ? Uni.createFrom().item(List.<QuestionOption>of())
                                : QuestionOption.<QuestionOption>list("questionId in ?1 order by questionId, axis, position",
                                qs.stream().map(x -> x.id).toList()))
                                .map(os -> new Structure(q, sections, qs, os))));
    }

    /** The stored questionnaire written back as the builder's definition. */
    public static Definition definition(Structure s) {
        Questionnaire q = s.questionnaire();
        List<Definition.SectionDef> sections = new ArrayList<>();
        for (Section section : s.sections()) {
            List<Definition.QuestionDef> questions = new ArrayList<>();
            for (Question x : s.questionsOf(section)) {
                questions.add(new Definition.QuestionDef(x.code, x.kind, new Definition.Label(x.labelJa, x.labelEn),
                        x.hintJa == null ? null : new Definition.Label(x.hintJa, x.hintEn), Boolean.TRUE.equals(x.required),
                        optionDefs(s.optionsOf(x, OptionAxis.CHOICE)), optionDefs(s.optionsOf(x, OptionAxis.ROW)),
                        optionDefs(s.optionsOf(x, OptionAxis.COLUMN)),
                        x.scaleMin == null ? null : new Definition.ScaleDef((int) x.scaleMin, (int) x.scaleMax,
                                x.scaleLowJa == null ? null : new Definition.EndLabel(x.scaleLowJa, x.scaleLowEn),
                                x.scaleHighJa == null ? null : new Definition.EndLabel(x.scaleHighJa, x.scaleHighEn)),
                        x.shownIfQuestion == null ? null : new Definition.ShownIf(x.shownIfQuestion, List.of(x.shownIfOptions))));
            }
            sections.add(new Definition.SectionDef(new Definition.Label(section.titleJa, section.titleEn), questions));
        }
        return new Definition(new Definition.Label(q.titleJa, q.titleEn),
                q.introJa == null && q.introEn == null ? null : new Definition.LongLabel(q.introJa, q.introEn), sections);
    }

    private static List<Definition.OptionDef> optionDefs(List<QuestionOption> os) {
        return os.stream().map(o -> new Definition.OptionDef(o.code, new Definition.Label(o.labelJa, o.labelEn), o.other)).toList();
    }

    public Uni<Questionnaire> find(String subjectType, long subjectId) {
        return Questionnaire.<Questionnaire>find("subjectType = ?1 and subjectId = ?2", subjectType, subjectId).firstResult();
    }

    public Uni<Boolean> answered(Questionnaire q, String respondent) {
        return QuestionnaireResponse.count("questionnaireId = ?1 and respondent = ?2", q.id, respondent).map(n -> n > 0);
    }

    /** The form, or with {@code withResults} the counts and free texts too. */
    public Uni<Form> form(Questionnaire q, Locale locale, boolean withResults) {
        boolean en = locale != null && "en".equals(locale.getLanguage());
        return Question.<Question>list("questionnaireId = ?1 order by position", q.id).chain(qs -> {
            List<Long> ids = qs.stream().map(x -> x.id).toList();
            Uni<List<QuestionOption>> opts = ids.isEmpty() ? Uni.createFrom().item(List.of())
                    : QuestionOption.list("questionId in ?1 order by questionId, position", ids);
            Uni<List<Answer>> answers = !withResults || ids.isEmpty() ? Uni.createFrom().item(List.of())
                    : Answer.list("questionId in ?1 order by id", ids);
            return opts.chain(os -> answers.chain(as -> QuestionnaireResponse.count("questionnaireId", q.id).map(n ->
                    new Form(q.id, en ? q.titleEn : q.titleJa, qs.stream().map(x -> new QuestionView(x.id, x.code, x.kind.name(),
                            en ? x.labelEn : x.labelJa, x.required, os.stream().filter(o -> o.questionId.equals(x.id))
                            .map(o -> new OptionView(o.code, en ? o.labelEn : o.labelJa, (int) as.stream()
                                    .filter(a -> a.questionId.equals(x.id) && o.code.equals(a.optionCode)).count())).toList(),
                            as.stream().filter(a -> a.questionId.equals(x.id) && a.textValue != null).map(a -> a.textValue)
                                    .toList())).toList(), n.intValue(), q.followup, q.followupAt))));
        });
    }

    /** Stores one respondent's answers (the meeting questionnaire's shape); a second submission answers 409. */
    public Uni<Void> submit(Questionnaire q, String respondent, Submission s) {
        if (q.closesAt != null && q.closesAt.isBefore(Instant.now())) {
            throw new ProblemException(409, "questionnaire-closed");
        }
        Map<String, List<String>> lists = s == null || s.answers() == null ? Map.of() : s.answers();
        return structure(q).chain(st -> {
            Map<String, QuestionKind> kinds = new HashMap<>();
            st.questions().forEach(x -> kinds.put(x.code, x.kind));
            return store(st, respondent, Answers.fromLists(lists, kinds), QuestionnaireResponse.Channel.ONLINE, null, false);
        }).replaceWithVoid();
    }

    /**
     * Checks one respondent's answers against the questionnaire ({@link #rows}) and stores them: a
     * first answer, or with {@code replace} the new answers in place of the earlier ones (else a
     * second answer is 409). Returns the response's id. Call inside a transaction.
     */
    public Uni<Long> store(Structure st, String respondent, Answers given, QuestionnaireResponse.Channel channel,
                           Long enteredBy, boolean replace) {
        Params p = new Params();
        List<Answer> rows = rows(st, given, p);
        p.check();
        return QuestionnaireResponse.<QuestionnaireResponse>find("questionnaireId = ?1 and respondent = ?2",
                st.questionnaire().id, respondent).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(existing -> {
                    if (existing != null && !replace) {
                        throw new ProblemException(409, "questionnaire-answered");
                    }
                    Instant now = Instant.now();
                    Uni<QuestionnaireResponse> response;
                    if (existing == null) {
                        QuestionnaireResponse r = new QuestionnaireResponse();
                        r.questionnaireId = st.questionnaire().id;
                        r.respondent = respondent;
                        r.submittedAt = now;
                        r.channel = channel;
                        r.enteredBy = enteredBy;
                        response = r.persistAndFlush();
                    } else {
                        existing.updatedAt = now;
                        existing.channel = channel;
                        existing.enteredBy = enteredBy;
                        response = Answer.delete("responseId", existing.id).replaceWith(existing);
                    }
                    return response.chain(saved -> {
                        rows.forEach(x -> x.responseId = saved.id);
                        return Rows.persistAll(rows).chain(Panache::flush).replaceWith(saved.id);
                    });
                });
    }

    /**
     * The answer rows for what was given, or the findings in {@code p} under {@code answers.<code>}:
     * unknown questions or options, a second option for a single choice, the text an "other"
     * option needs, lengths (2,000 characters), a scale point off the scale, a number off a
     * table's cells or out of 0–1,000,000, a required question shown and left empty. A question
     * whose condition is not met is not asked: what it holds is dropped.
     */
    public static List<Answer> rows(Structure st, Answers given, Params p) {
        Map<String, Answers.Given> answers = given == null ? Map.of() : given.answersOrNone();
        Map<String, Question> byCode = st.byCode();
        answers.keySet().stream().filter(k -> !byCode.containsKey(k)).sorted()
                .forEach(k -> p.error("answers." + k, "unknown"));
        Map<String, List<String>> chosen = new HashMap<>();
        List<Answer> rows = new ArrayList<>();
        for (Question x : st.questions()) {
            if (!shown(x, chosen)) {
                continue;
            }
            Answers.Given g = answers.get(x.code);
            String field = "answers." + x.code;
            int before = rows.size();
            if (g != null) {
                switch (x.kind) {
                    case SINGLE, MULTI -> chosen.put(x.code, choices(st, x, g, field, p, rows));
                    case TEXT -> text(x, g, field, p, rows);
                    case SCALE -> scale(x, g, field, p, rows);
                    case NUMBER_TABLE -> table(st, x, g, field, p, rows);
                }
            }
            if (rows.size() == before && Boolean.TRUE.equals(x.required) && !p.has(field)) {
                p.error(field, "required");
            }
        }
        return rows;
    }

    /** Whether the question is asked, given the choices made before it. */
    public static boolean shown(Question x, Map<String, List<String>> chosen) {
        if (x.shownIfQuestion == null) {
            return true;
        }
        List<String> made = chosen.getOrDefault(x.shownIfQuestion, List.of());
        return java.util.Arrays.stream(x.shownIfOptions).anyMatch(made::contains);
    }

    private static List<String> choices(Structure st, Question x, Answers.Given g, String field, Params p, List<Answer> rows) {
        if (g.text() != null || g.value() != null || g.cells() != null) {
            p.error(field, "wrong-type");
            return List.of();
        }
        List<String> codes = g.options() == null ? List.of() : g.options().stream()
                .filter(v -> v != null && !v.isBlank()).distinct().toList();
        if (x.kind == QuestionKind.SINGLE && codes.size() > 1) {
            p.error(field, "single-choice");
            return List.of();
        }
        List<QuestionOption> options = st.optionsOf(x, OptionAxis.CHOICE);
        String other = g.other() == null || g.other().isBlank() ? null : g.other().strip();
        boolean otherChosen = false;
        for (String code : codes) {
            QuestionOption o = options.stream().filter(c -> c.code.equals(code)).findFirst().orElse(null);
            if (o == null) {
                p.error(field, "unknown-value");
                return List.of();
            }
            if (o.other) {
                otherChosen = true;
                if (other == null) {
                    p.error(field + ".other", "required");
                } else if (other.length() > 2000) {
                    p.error(field + ".other", "too-long");
                }
            }
            rows.add(answer(x.id, code, o.other ? other : null, null, null));
        }
        if (!otherChosen && other != null && options.stream().anyMatch(o -> o.other)) {
            // a text typed into "other" without ticking it: the respondent meant "other"
            if (x.kind == QuestionKind.SINGLE && !codes.isEmpty()) {
                p.error(field + ".other", "other-not-chosen");
            } else if (other.length() > 2000) {
                p.error(field + ".other", "too-long");
            } else {
                QuestionOption o = options.stream().filter(c -> c.other).findFirst().orElseThrow();
                rows.add(answer(x.id, o.code, other, null, null));
                codes = new ArrayList<>(codes);
                codes.add(o.code);
            }
        }
        return codes;
    }

    private static void text(Question x, Answers.Given g, String field, Params p, List<Answer> rows) {
        if (g.options() != null && !g.options().isEmpty() || g.value() != null || g.cells() != null) {
            p.error(field, "wrong-type");
            return;
        }
        if (g.text() == null || g.text().isBlank()) {
            return;
        }
        String t = g.text().strip();
        if (t.length() > 2000) {
            p.error(field, "too-long");
            return;
        }
        rows.add(answer(x.id, null, t, null, null));
    }

    private static void scale(Question x, Answers.Given g, String field, Params p, List<Answer> rows) {
        if (g.options() != null && !g.options().isEmpty() || g.text() != null || g.cells() != null) {
            p.error(field, "wrong-type");
            return;
        }
        if (g.value() == null) {
            return;
        }
        if (g.value() < x.scaleMin || g.value() > x.scaleMax) {
            p.error(field, "range");
            return;
        }
        rows.add(answer(x.id, null, null, null, g.value()));
    }

    private static void table(Structure st, Question x, Answers.Given g, String field, Params p, List<Answer> rows) {
        if (g.options() != null && !g.options().isEmpty() || g.text() != null || g.value() != null) {
            p.error(field, "wrong-type");
            return;
        }
        if (g.cells() == null) {
            return;
        }
        java.util.Set<String> rowCodes = new java.util.HashSet<>();
        java.util.Set<String> columnCodes = new java.util.HashSet<>();
        st.optionsOf(x, OptionAxis.ROW).forEach(o -> rowCodes.add(o.code));
        st.optionsOf(x, OptionAxis.COLUMN).forEach(o -> columnCodes.add(o.code));
        for (Map.Entry<String, Map<String, Integer>> row : new java.util.TreeMap<>(g.cells()).entrySet()) {
            if (!rowCodes.contains(row.getKey()) || row.getValue() == null) {
                p.error(field, "unknown-value");
                return;
            }
            for (Map.Entry<String, Integer> cell : new java.util.TreeMap<>(row.getValue()).entrySet()) {
                String at = field + "." + row.getKey() + "." + cell.getKey();
                if (!columnCodes.contains(cell.getKey())) {
                    p.error(field, "unknown-value");
                    return;
                }
                if (cell.getValue() == null) {
                    continue;
                }
                if (cell.getValue() < 0 || cell.getValue() > 1_000_000) {
                    p.error(at, "range");
                    continue;
                }
                rows.add(answer(x.id, row.getKey(), null, cell.getKey(), cell.getValue()));
            }
        }
    }

    /** What a response holds, in the shape it was given (to fill the form again). */
    public Uni<Answers> given(Structure st, long responseId) {
        return Answer.<Answer>list("responseId = ?1 order by id", responseId).map(rows -> {
            Map<Long, Question> byId = new HashMap<>();
            st.questions().forEach(x -> byId.put(x.id, x));
            Map<String, Answers.Given> out = new java.util.LinkedHashMap<>();
            for (Answer a : rows) {
                Question x = byId.get(a.questionId);
                if (x == null) {
                    continue;
                }
                Answers.Given was = out.get(x.code);
                out.put(x.code, merge(x, was, a));
            }
            return new Answers(out);
        });
    }

    private static Answers.Given merge(Question x, Answers.Given was, Answer a) {
        return switch (x.kind) {
            case SINGLE, MULTI -> {
                List<String> options = new ArrayList<>(was == null ? List.of() : was.options());
                options.add(a.optionCode);
                yield new Answers.Given(options, a.textValue != null ? a.textValue : was == null ? null : was.other(), null, null, null);
            }
            case TEXT -> Answers.Given.written(a.textValue);
            case SCALE -> Answers.Given.point(a.numberValue);
            case NUMBER_TABLE -> {
                Map<String, Map<String, Integer>> cells = new java.util.LinkedHashMap<>(was == null ? Map.of() : was.cells());
                cells.computeIfAbsent(a.optionCode, k -> new java.util.LinkedHashMap<>()).put(a.columnCode, a.numberValue);
                yield new Answers.Given(null, null, null, null, cells);
            }
        };
    }

    private static Answer answer(long questionId, String option, String text, String column, Integer number) {
        Answer a = new Answer();
        a.questionId = questionId;
        a.optionCode = option;
        a.textValue = text;
        a.columnCode = column;
        a.numberValue = number;
        return a;
    }

    /** The owner's follow-up: how the answers were used. */
    public Uni<Void> followup(Questionnaire q, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.field("followup", "required");
        }
        if (text.length() > 4000) {
            throw ProblemException.field("followup", "too-long");
        }
        return Questionnaire.<Questionnaire>findById(q.id).chain(fresh -> {
            fresh.followup = text.trim();
            fresh.followupAt = Instant.now();
            return Panache.flush();
        });
    }
}
