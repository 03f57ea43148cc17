package jp.tsunagu.report;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A pair's report: the two centers' own words (the dated record and the scores are the pair's records). */
@Entity
@Table(name = "pairing_report")
public class PairReport extends PanacheEntityBase {
    @Id
    public Long pairingId;
    public String motive;
    public String activities;
    public String keyPoints;
    public String changes;
    public String surveyNotes;
    public String message;
    public Long surveyId;
    @Enumerated(EnumType.STRING)
    public ReportTerms.Status status = ReportTerms.Status.DRAFT;
    public Instant submittedAt;
    public Long submittedBy;
    public Instant approvedAt;
    public Long approvedBy;
    public Instant updatedAt;
    public Long updatedBy;
    public int version;
}
