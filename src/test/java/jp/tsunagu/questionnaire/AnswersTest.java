package jp.tsunagu.questionnaire;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The meeting questionnaire's older shape read as answers: nulls and blanks are no answer, never "null". */
class AnswersTest {

    @Test
    void nullsAndBlanksAreNoAnswer() {
        Map<String, List<String>> lists = new HashMap<>();
        lists.put("next", null);
        lists.put("note", Arrays.asList("a", null, " "));
        lists.put("continue", Arrays.asList(null, "yes"));
        Answers a = Answers.fromLists(lists, Map.of("next", QuestionKind.TEXT, "note", QuestionKind.TEXT, "continue", QuestionKind.SINGLE));
        assertNull(a.answers().get("next").text());
        assertEquals("a", a.answers().get("note").text());
        assertEquals(List.of("yes"), a.answers().get("continue").options());
    }
}
