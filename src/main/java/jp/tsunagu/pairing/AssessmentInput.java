package jp.tsunagu.pairing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.pairing.PairingViews.AssessmentView;

import java.util.List;

/** The before/after self-assessment as saved, against its version. */
public record AssessmentInput(@NotEmpty @Size(max = 10, message = "range") List<@NotNull @Valid AssessmentView> items,
                              @NotNull Integer version) {
}
