package jp.tsunagu.questionnaire;

import jp.tsunagu.platform.db.Rows;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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

    public record OptionDef(String code, String ja, String en) {
    }

    public record QuestionDef(String code, QuestionKind kind, String ja, String en, boolean required, List<OptionDef> options) {
    }

    public record Definition(String titleJa, String titleEn, List<QuestionDef> questions) {
    }

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

    public Uni<Questionnaire> create(String subjectType, long subjectId, Definition def) {
        return find(subjectType, subjectId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing);
            }
            Questionnaire q = new Questionnaire();
            q.subjectType = subjectType;
            q.subjectId = subjectId;
            q.titleJa = def.titleJa();
            q.titleEn = def.titleEn();
            q.createdAt = Instant.now();
            return q.<Questionnaire>persistAndFlush().chain(saved -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                int pos = 0;
                for (QuestionDef d : def.questions()) {
                    Question question = new Question();
                    question.questionnaireId = saved.id;
                    question.position = ++pos;
                    question.code = d.code();
                    question.kind = d.kind();
                    question.labelJa = d.ja();
                    question.labelEn = d.en();
                    question.required = d.required();
                    chain = chain.chain(() -> question.<Question>persistAndFlush()).chain(qq -> {
                        List<QuestionOption> opts = new ArrayList<>();
                        for (OptionDef o : d.options()) {
                            QuestionOption row = new QuestionOption();
                            row.questionId = qq.id;
                            row.position = opts.size() + 1;
                            row.code = o.code();
                            row.labelJa = o.ja();
                            row.labelEn = o.en();
                            opts.add(row);
                        }
                        return Rows.persistAll(opts);
                    });
                }
                return chain.replaceWith(saved);
            });
        });
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

    /** Stores one respondent's answers; a second submission answers 409. */
    public Uni<Void> submit(Questionnaire q, String respondent, Submission s) {
        if (q.closesAt != null && q.closesAt.isBefore(Instant.now())) {
            throw new ProblemException(409, "questionnaire-closed");
        }
        Map<String, List<String>> answers = s == null || s.answers() == null ? Map.of() : s.answers();
        return Question.<Question>list("questionnaireId = ?1 order by position", q.id).chain(qs ->
                QuestionOption.<QuestionOption>list("questionId in ?1", qs.stream().map(x -> x.id).toList()).chain(os -> {
                    List<ProblemException.FieldError> errors = new ArrayList<>();
                    List<Answer> rows = new ArrayList<>();
                    Map<String, Question> byCode = new HashMap<>();
                    qs.forEach(x -> byCode.put(x.code, x));
                    answers.keySet().stream().filter(k -> !byCode.containsKey(k))
                            .forEach(k -> errors.add(new ProblemException.FieldError("answers." + k, "unknown")));
                    for (Question x : qs) {
                        List<String> given = answers.getOrDefault(x.code, List.of()).stream()
                                .filter(v -> v != null && !v.isBlank()).toList();
                        String field = "answers." + x.code;
                        if (given.isEmpty()) {
                            if (x.required) {
                                errors.add(new ProblemException.FieldError(field, "required"));
                            }
                            continue;
                        }
                        if (x.kind == QuestionKind.TEXT) {
                            if (given.size() > 1 || given.get(0).length() > 2000) {
                                errors.add(new ProblemException.FieldError(field, "too-long"));
                            } else {
                                rows.add(answer(x.id, null, given.get(0).trim()));
                            }
                            continue;
                        }
                        if (x.kind == QuestionKind.SINGLE && given.size() > 1) {
                            errors.add(new ProblemException.FieldError(field, "single-choice"));
                            continue;
                        }
                        for (String code : given) {
                            if (os.stream().noneMatch(o -> o.questionId.equals(x.id) && o.code.equals(code))) {
                                errors.add(new ProblemException.FieldError(field, "unknown-value"));
                            } else {
                                rows.add(answer(x.id, code, null));
                            }
                        }
                    }
                    if (!errors.isEmpty()) {
                        throw ProblemException.badRequest(errors);
                    }
                    return answered(q, respondent).chain(done -> {
                        if (done) {
                            throw new ProblemException(409, "questionnaire-answered");
                        }
                        QuestionnaireResponse r = new QuestionnaireResponse();
                        r.questionnaireId = q.id;
                        r.respondent = respondent;
                        r.submittedAt = Instant.now();
                        return r.<QuestionnaireResponse>persistAndFlush().chain(saved -> {
                            rows.forEach(a -> a.responseId = saved.id);
                            return Rows.persistAll(rows);
                        }).chain(Panache::flush);
                    });
                }));
    }

    private static Answer answer(long questionId, String option, String text) {
        Answer a = new Answer();
        a.questionId = questionId;
        a.optionCode = option;
        a.textValue = text;
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
