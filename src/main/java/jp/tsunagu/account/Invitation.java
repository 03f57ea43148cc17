package jp.tsunagu.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.tsunagu.access.Role;

import java.time.Instant;

/** A single-use invitation; only the SHA-256 of its token is kept. */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String tokenHash;
    public String email;
    public Long organizationId;
    public Role role;
    public String title;
    public Long invitedBy;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant usedAt;
    public Long usedBy;
    @Enumerated(EnumType.STRING)
    public InvitationStatus status = InvitationStatus.SENT;
    /** Decided when issued or approved: the invitee administers the organization (see {@code InvitationService.accept}). */
    public boolean grantsAdmin;
    public Long decidedBy;
    public Instant decidedAt;
}
