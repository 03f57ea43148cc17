package jp.tsunagu.pairing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** An application as entered by a center lead. */
public record ApplicationInput(Long centerId, List<String> themes, @NotBlank @Size(max = 4000) String motive,
                               Long desiredPartnerId, @Size(max = 1000) String desiredPractice,
                               @Size(max = 4000) String regionSituation) {
}
