package jp.tsunagu.survey;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A survey: its owner, dates and state; the questions are its questionnaire's ("survey", id). */
@Entity
@Table(name = "survey")
public class Survey extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long ownerOrganizationId;
    public Long programId;
    @Enumerated(EnumType.STRING)
    public Status status = Status.DRAFT;
    public LocalDate opensOn;
    /** Answers are taken until the end of this day in Tokyo. */
    public LocalDate deadline;
    public LocalDate remindOn;
    public Instant reminderClaimedAt;
    public boolean fictitious;
    public Long createdBy;
    public Instant createdAt;
    public Instant sentAt;
    public int version;

    /** DRAFT until first sent; then its questions stay as they are. */
    public enum Status { DRAFT, SENT }
}
