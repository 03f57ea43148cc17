package jp.tsunagu.pairing;

import java.util.List;

/** An application as entered by a center lead. */
public record ApplicationInput(Long centerId, List<String> themes, String motive, Long desiredPartnerId,
                               String desiredPractice, String regionSituation) {
}
