package jp.tsunagu.meeting;

/** An answer to an invitation: IN_PERSON, ONLINE or DECLINED. */
public record RsvpInput(String response) {
}
