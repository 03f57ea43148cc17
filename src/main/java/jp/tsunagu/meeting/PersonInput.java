package jp.tsunagu.meeting;

/** A person to invite by address, with the organization they belong to if known. */
public record PersonInput(String name, String email, Long organizationId) {
}
