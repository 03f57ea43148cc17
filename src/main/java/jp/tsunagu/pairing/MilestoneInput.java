package jp.tsunagu.pairing;

import java.time.LocalDate;

/** A pair's milestone as updated: its status, when it was done or is due, and the evidence (a visit, a link, a note). */
public record MilestoneInput(String status, LocalDate doneOn, LocalDate dueOn, Long evidenceVisitId,
                             String evidenceUrl, String evidenceNote, Integer version) {
}
