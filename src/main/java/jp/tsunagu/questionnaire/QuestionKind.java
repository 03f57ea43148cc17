package jp.tsunagu.questionnaire;

/** A question's kind: one choice, several choices, or free text. */
public enum QuestionKind { SINGLE, MULTI, TEXT }
