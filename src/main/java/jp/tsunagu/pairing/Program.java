package jp.tsunagu.pairing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A program year (事業年度) of the pairing program with its schedule. */
@Entity
@Table(name = "program")
public class Program extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "fiscal_year")
    public Integer fiscalYear;
    public String name;
    @Column(name = "call_opens")
    public LocalDate callOpens;
    @Column(name = "call_closes")
    public LocalDate callCloses;
    @Column(name = "selection_on")
    public LocalDate selectionOn;
    @Column(name = "implementation_start")
    public LocalDate implementationStart;
    @Column(name = "implementation_end")
    public LocalDate implementationEnd;
    @Column(name = "survey_start")
    public LocalDate surveyStart;
    @Column(name = "survey_end")
    public LocalDate surveyEnd;
    @Column(name = "seminar_on")
    public LocalDate seminarOn;
    @Column(name = "report_due")
    public LocalDate reportDue;
    @Column(name = "total_centers")
    public Integer totalCenters;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    public Integer version = 0;
}
