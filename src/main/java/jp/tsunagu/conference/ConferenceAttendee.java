package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A person chosen for a conference, with a role, the pledge they accepted and when they were removed. */
@Entity
@Table(name = "conference_attendee")
public class ConferenceAttendee extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "conference_id")
    public Long conferenceId;
    @Column(name = "account_id")
    public Long accountId;
    public String role;
    @Column(name = "added_at")
    public Instant addedAt;
    @Column(name = "removed_at")
    public Instant removedAt;
    @Column(name = "pledged_at")
    public Instant pledgedAt;
    @Column(name = "pledge_basis")
    public String pledgeBasis;
}
