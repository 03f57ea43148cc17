package jp.tsunagu.questionnaire;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A questionnaire as stored: its sections, questions (in order) and options. */
public record Structure(Questionnaire questionnaire, List<Section> sections, List<Question> questions,
                        List<QuestionOption> options) {

    public List<QuestionOption> optionsOf(Question q, OptionAxis axis) {
        return options.stream().filter(o -> o.questionId.equals(q.id) && o.axis == axis).toList();
    }

    public Map<String, Question> byCode() {
        return questions.stream().collect(Collectors.toMap(q -> q.code, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    public List<Question> questionsOf(Section s) {
        return questions.stream().filter(q -> s.id.equals(q.sectionId)).toList();
    }
}
