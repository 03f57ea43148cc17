package jp.tsunagu.pairing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.platform.validation.OneOf;

/** The secretariat's part of a pair: status, rationale, officer and advisor. */
public record PairingInput(@OneOf(Terms.PairingStatus.class) String status, @Size(max = 2000) String rationale, Long officerId,
                           Long advisorId, @NotNull Integer version) {
}
