package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who attended (in person or online), with their organization. */
@Entity
@Table(name = "attendance")
public class Attendance extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "meeting_id")
    public Long meetingId;
    @Column(name = "invitee_id")
    public Long inviteeId;
    @Column(name = "organization_id")
    public Long organizationId;
    @Column(name = "name")
    public String name;
    @Column(name = "mode")
    public String mode;
    @Column(name = "recorded_by")
    public Long recordedBy;
    @Column(name = "recorded_at")
    public java.time.Instant recordedAt;
}
