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

/** A meeting: exchange meeting, liaison council, program online meeting, visit or seminar. */
@Entity
@Table(name = "meeting")
public class Meeting extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long seriesId;
    public Integer number;
    @Enumerated(EnumType.STRING)
    public MeetingTerms.Kind kind;
    public String title;
    public Long circleId;
    @Enumerated(EnumType.STRING)
    public MeetingTerms.Format format;
    public String onlineUrl;
    public Instant startsAt;
    public Instant endsAt;
    public Integer capacity;
    @Enumerated(EnumType.STRING)
    public MeetingTerms.Status status;
    public String description;
    public String feeNote;
    public Instant reminderSentAt;
    public Integer agendaVersion;
    public Integer minutesVersion;
    public Instant minutesUpdatedAt;
    public Instant minutesPublishedAt;
    /** The live document's mark when the stored minutes text was derived from it (V13). */
    public Long minutesDocMark;
    /** Sign-off (V14): when the draft went out to the attendees, until when they comment, and by whom. */
    public Instant minutesCirculatedAt;
    public Instant minutesCirculatedUntil;
    public Long minutesCirculatedBy;
    public Long createdBy;
    /** The organization that created the meeting: it (and the secretariat) alone changes the co-hosts. */
    public Long hostOrgId;
    public Instant createdAt;
    public Instant updatedAt;
    public Integer version;
    /** A seminar's public announcement page with open registration (V17). */
    public boolean publicRegistration;
    public Instant registrationClosesAt;
    public String consentText;
    /** Registrants' personal data is deleted this many days after the seminar (NULL: the configured default). */
    public Integer registrantDays;
    public Instant registrantsPurgedAt;
}
