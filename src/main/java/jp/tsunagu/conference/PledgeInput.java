package jp.tsunagu.conference;

/** An attendee's pledge of confidentiality. */
public record PledgeInput(Boolean accept) {
}
