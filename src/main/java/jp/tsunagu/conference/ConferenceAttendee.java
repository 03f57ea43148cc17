package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.tsunagu.access.AttendeeRole;

import java.time.Instant;

/** A person chosen for a conference, with a role, the pledge they accepted and when they were removed. */
@Entity
@Table(name = "conference_attendee")
public class ConferenceAttendee extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long conferenceId;
    public Long accountId;
    @Enumerated(EnumType.STRING)
    public AttendeeRole role;
    public Instant addedAt;
    public Instant removedAt;
    public Instant pledgedAt;
    @Enumerated(EnumType.STRING)
    public ConferenceTerms.LegalBasis pledgeBasis;
}
