package jp.tsunagu.questionnaire;

/** What an option row is: one of a choice question's options, or a number table's row or column. */
public enum OptionAxis { CHOICE, ROW, COLUMN }
