package jp.tsunagu.pairing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A program year as entered by the secretariat. */
public record ProgramInput(@NotNull @Min(2000) @Max(2100) Integer fiscalYear, @NotBlank @Size(max = 200) String name,
                           @NotNull LocalDate callOpens, @NotNull LocalDate callCloses, LocalDate selectionOn,
                           @NotNull LocalDate implementationStart, @NotNull LocalDate implementationEnd,
                           LocalDate surveyStart, LocalDate surveyEnd, LocalDate seminarOn, LocalDate reportDue,
                           @Min(1) @Max(1000) Integer totalCenters) {
}
