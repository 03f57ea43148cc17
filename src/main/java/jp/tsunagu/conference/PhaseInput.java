package jp.tsunagu.conference;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jp.tsunagu.conference.ConferenceTerms.Phase;
import jp.tsunagu.platform.validation.OneOf;

/** One phase of a conference and its minutes. */
public record PhaseInput(@NotNull @OneOf(Phase.class) String phase, @NotNull(message = "range") @Min(1) @Max(120) Integer minutes) {
}
