package jp.tsunagu.pairing;

import java.time.LocalDate;

/** A program year as entered by the secretariat. */
public record ProgramInput(Integer fiscalYear, String name, LocalDate callOpens, LocalDate callCloses,
                           LocalDate selectionOn, LocalDate implementationStart, LocalDate implementationEnd,
                           LocalDate surveyStart, LocalDate surveyEnd, LocalDate seminarOn, LocalDate reportDue,
                           Integer totalCenters) {
}
