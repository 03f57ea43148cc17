package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A meeting: exchange meeting, liaison council, program online meeting, visit or seminar. */
@Entity
@Table(name = "meeting")
public class Meeting extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long seriesId;
    public Integer number;
    public String kind;
    public String title;
    public Long circleId;
    public String format;
    public String onlineUrl;
    public Instant startsAt;
    public Instant endsAt;
    public Integer capacity;
    public String status;
    public String description;
    public String feeNote;
    public Instant reminderSentAt;
    public Integer agendaVersion;
    public Integer minutesVersion;
    public Instant minutesUpdatedAt;
    public Instant minutesPublishedAt;
    public Long createdBy;
    /** The organization that created the meeting: it (and the secretariat) alone changes the co-hosts. */
    public Long hostOrgId;
    public Instant createdAt;
    public Instant updatedAt;
    public Integer version;
}
