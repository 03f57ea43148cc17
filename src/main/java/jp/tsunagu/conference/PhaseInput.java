package jp.tsunagu.conference;

/** One phase of a conference and its minutes. */
public record PhaseInput(String phase, Integer minutes) {
}
