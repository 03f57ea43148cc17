package jp.tsunagu.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A single-use invitation; only the SHA-256 of its token is kept. */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "token_hash")
    public String tokenHash;
    public String email;
    @Column(name = "organization_id")
    public Long organizationId;
    public String role;
    public String title;
    @Column(name = "invited_by")
    public Long invitedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;
    @Column(name = "used_by")
    public Long usedBy;
    /** REQUESTED (waiting for approval, no link yet), SENT (link mailed) or DECLINED. */
    public String status = "SENT";
    @Column(name = "decided_by")
    public Long decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
}
