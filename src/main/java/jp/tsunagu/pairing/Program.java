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
    public Integer fiscalYear;
    public String name;
    public LocalDate callOpens;
    public LocalDate callCloses;
    public LocalDate selectionOn;
    public LocalDate implementationStart;
    public LocalDate implementationEnd;
    public LocalDate surveyStart;
    public LocalDate surveyEnd;
    public LocalDate seminarOn;
    public LocalDate reportDue;
    public Integer totalCenters;
    @Column(insertable = false, updatable = false)
    public Instant createdAt;
    public Integer version = 0;
}
