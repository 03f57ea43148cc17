package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalTime;

/** A circle's recurring meeting (e.g. 就労移行等情報交換会) with its default slot. */
@Entity
@Table(name = "meeting_series")
public class MeetingSeries extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long circleId;
    public String title;
    @Enumerated(EnumType.STRING)
    public MeetingTerms.Kind kind;
    public Integer defaultWeekday;
    public LocalTime defaultStart;
    public Integer defaultMinutes;
    public Integer perYearMin;
    public Integer perYearMax;
    public Long createdBy;
    public Instant createdAt;
}
