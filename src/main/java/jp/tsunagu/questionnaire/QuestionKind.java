package jp.tsunagu.questionnaire;

/**
 * A question's kind: one choice, several choices, free text, a point on a scale, or a table of
 * numbers (rows × columns, e.g. placements per year by office type).
 */
public enum QuestionKind { SINGLE, MULTI, TEXT, SCALE, NUMBER_TABLE;

    public boolean choice() {
        return this == SINGLE || this == MULTI;
    }
}
