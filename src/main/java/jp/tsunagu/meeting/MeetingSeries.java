package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A circle's recurring meeting (e.g. 就労移行等情報交換会) with its default slot. */
@Entity
@Table(name = "meeting_series")
public class MeetingSeries extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "circle_id")
    public Long circleId;
    @Column(name = "title")
    public String title;
    @Column(name = "kind")
    public String kind;
    @Column(name = "default_weekday")
    public Integer defaultWeekday;
    @Column(name = "default_start")
    public java.time.LocalTime defaultStart;
    @Column(name = "default_minutes")
    public Integer defaultMinutes;
    @Column(name = "per_year_min")
    public Integer perYearMin;
    @Column(name = "per_year_max")
    public Integer perYearMax;
    @Column(name = "created_by")
    public Long createdBy;
    @Column(name = "created_at")
    public java.time.Instant createdAt;
}
