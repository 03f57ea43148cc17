package jp.tsunagu.conference;

/** The facilitator's controls: START, NEXT, PREVIOUS or FINISH, against the run's version. */
public record RunInput(String action, Integer version) {
}
