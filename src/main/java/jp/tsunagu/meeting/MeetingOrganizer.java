package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A co-host (共催) of a meeting. */
@Entity
@Table(name = "meeting_organizer")
public class MeetingOrganizer extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long meetingId;
    public Long organizationId;
    /** When the organization agreed to co-host (null: asked, not yet agreed; it runs nothing until then). */
    public Instant consentedAt;
}
