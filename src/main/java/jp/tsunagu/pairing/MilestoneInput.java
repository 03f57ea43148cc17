package jp.tsunagu.pairing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.tsunagu.platform.validation.OneOf;

import java.time.LocalDate;

/** A pair's milestone as updated: its status, when it was done or is due, and the evidence (a visit, a link, a note). */
public record MilestoneInput(@NotBlank @OneOf(Terms.MilestoneStatus.class) String status, LocalDate doneOn, LocalDate dueOn,
                             Long evidenceVisitId, String evidenceUrl, @Size(max = 1000) String evidenceNote,
                             @NotNull Integer version) {
}
