package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One invited person, with or without an account; the personal link's token is stored only as a hash. */
@Entity
@Table(name = "meeting_invitee")
public class Invitee extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "meeting_id")
    public Long meetingId;
    @Column(name = "account_id")
    public Long accountId;
    @Column(name = "organization_id")
    public Long organizationId;
    @Column(name = "name")
    public String name;
    public String email;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "previous_token_hash")
    public String previousTokenHash;
    @Column(name = "revoked_at")
    public java.time.Instant revokedAt;
    public String response;
    public Boolean waitlisted;
    @Column(name = "responded_at")
    public java.time.Instant respondedAt;
    @Column(name = "poll_comment")
    public String pollComment;
    @Column(name = "poll_answered_at")
    public java.time.Instant pollAnsweredAt;
    @Column(name = "poll_version")
    public Integer pollVersion;
    @Column(name = "invited_by")
    public Long invitedBy;
    @Column(name = "invited_at")
    public java.time.Instant invitedAt;
}
