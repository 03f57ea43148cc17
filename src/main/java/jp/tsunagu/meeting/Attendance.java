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

/** A person who attended (in person or online), with their organization. */
@Entity
@Table(name = "attendance")
public class Attendance extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long meetingId;
    public Long inviteeId;
    public Long organizationId;
    public String name;
    @Enumerated(EnumType.STRING)
    public MeetingTerms.AttendanceMode mode;
    public Long recordedBy;
    public Instant recordedAt;
}
