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

/** One invited person, with or without an account; the personal link's token is stored only as a hash. */
@Entity
@Table(name = "meeting_invitee")
public class Invitee extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long meetingId;
    public Long accountId;
    public Long organizationId;
    public String name;
    public String email;
    public String tokenHash;
    public String previousTokenHash;
    public Instant revokedAt;
    @Enumerated(EnumType.STRING)
    public MeetingTerms.Rsvp response;
    public Boolean waitlisted;
    public Instant respondedAt;
    public String pollComment;
    public Instant pollAnsweredAt;
    public Integer pollVersion;
    public Long invitedBy;
    public Instant invitedAt;
    /** Named by an organizer to write the minutes with them (記録係). */
    public boolean recordsMinutes;
    public Long recorderNamedBy;
    public Instant recorderNamedAt;
    /** Came through a seminar's public registration form (V17), with what the form asked. */
    public boolean registered;
    public String organizationName;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public jp.tsunagu.access.OrgType organizationType;
    public Instant consentedAt;
    /** When the registrant's personal data was deleted (the row stays for the counts). */
    public Instant purgedAt;
    /** A hash of the address the public form was posted from (the per-hour limit), never the address itself. */
    public String registrationIpHash;
    public Instant linkResentAt;
}
