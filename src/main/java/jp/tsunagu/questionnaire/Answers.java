package jp.tsunagu.questionnaire;

import java.util.List;
import java.util.Map;

/**
 * One respondent's answers, keyed by question code: the chosen option codes (and the text of an
 * "other" option), a free text, a scale point, or a number table's cells (row code → column code →
 * number). What a question does not use is refused; what a hidden question holds is dropped.
 */
public record Answers(Map<String, Given> answers) {

    public record Given(List<String> options, String other, String text, Integer value,
                        Map<String, Map<String, Integer>> cells) {

        public static Given choose(String... codes) {
            return new Given(List.of(codes), null, null, null, null);
        }

        public static Given written(String text) {
            return new Given(null, null, text, null, null);
        }

        public static Given point(int value) {
            return new Given(null, null, null, value, null);
        }
    }

    public Map<String, Given> answersOrNone() {
        return answers == null ? Map.of() : answers;
    }

    /** The older shape (option codes or one text per question), as the meeting questionnaire's form posts it. */
    public static Answers fromLists(Map<String, List<String>> lists, Map<String, QuestionKind> kinds) {
        java.util.LinkedHashMap<String, Given> out = new java.util.LinkedHashMap<>();
        lists.forEach((code, raw) -> {
            List<String> values = raw == null ? List.of() : raw.stream().filter(v -> v != null && !v.isBlank()).toList();
            out.put(code, kinds.get(code) == QuestionKind.TEXT
                    ? new Given(null, null, values.isEmpty() ? null : String.join("\n", values), null, null)
                    : new Given(values, null, null, null, null));
        });
        return new Answers(out);
    }
}
