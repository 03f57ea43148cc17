package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/** A case-study conference (事例検討会): format, legal basis, schedule, retention and the facilitator's run. */
@Entity
@Table(name = "conference")
public class Conference extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long circleId;
    public String title;
    @Enumerated(EnumType.STRING)
    public ConferenceTerms.Format format;
    @Enumerated(EnumType.STRING)
    public ConferenceTerms.LegalBasis legalBasis;
    public Instant startsAt;
    public Short durationMinutes;
    public String venue;
    public Short retentionDays;
    public Short currentPhase;
    public Instant phaseStartedAt;
    public Instant finishedAt;
    public Instant materialsDeletedAt;
    public Long createdBy;
    public Instant createdAt;
    public Integer version;

    /** When the case material is due for deletion: the end of the conference plus the retention days. */
    /** The deadline fixed when material was first written (kept by the database; it only ever moves earlier). */
    @Column(name = "purge_after", insertable = false, updatable = false)
    public Instant purgeAfter;

    /** When the case material is deleted: the scheduled end plus the retention, or the fixed deadline if earlier. */
    public Instant deleteAfter() {
        Instant scheduled = startsAt.plusSeconds(60L * durationMinutes).plus(Duration.ofDays(retentionDays));
        return purgeAfter != null && purgeAfter.isBefore(scheduled) ? purgeAfter : scheduled;
    }
}
