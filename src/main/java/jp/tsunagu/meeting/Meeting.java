package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A meeting: exchange meeting, liaison council, program online meeting, visit or seminar. */
@Entity
@Table(name = "meeting")
public class Meeting extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "series_id")
    public Long seriesId;
    @Column(name = "number")
    public Integer number;
    @Column(name = "kind")
    public String kind;
    @Column(name = "title")
    public String title;
    @Column(name = "circle_id")
    public Long circleId;
    @Column(name = "format")
    public String format;
    @Column(name = "online_url")
    public String onlineUrl;
    @Column(name = "starts_at")
    public java.time.Instant startsAt;
    @Column(name = "ends_at")
    public java.time.Instant endsAt;
    public Integer capacity;
    @Column(name = "status")
    public String status;
    public String description;
    @Column(name = "fee_note")
    public String feeNote;
    @Column(name = "reminder_sent_at")
    public java.time.Instant reminderSentAt;
    @Column(name = "agenda_version")
    public Integer agendaVersion;
    @Column(name = "minutes_version")
    public Integer minutesVersion;
    @Column(name = "minutes_updated_at")
    public java.time.Instant minutesUpdatedAt;
    @Column(name = "minutes_published_at")
    public java.time.Instant minutesPublishedAt;
    @Column(name = "created_by")
    public Long createdBy;
    /** The organization that created the meeting: it (and the secretariat) alone changes the co-hosts. */
    @Column(name = "host_org_id")
    public Long hostOrgId;
    @Column(name = "created_at")
    public java.time.Instant createdAt;
    @Column(name = "updated_at")
    public java.time.Instant updatedAt;
    @Column(name = "version")
    public Integer version;
}
