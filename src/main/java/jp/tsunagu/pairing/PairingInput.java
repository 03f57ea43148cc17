package jp.tsunagu.pairing;

/** The secretariat's part of a pair: status, rationale, officer and advisor. */
public record PairingInput(String status, String rationale, Long officerId, Long advisorId, Integer version) {
}
