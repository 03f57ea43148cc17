package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A member organization's booking request for places on an internship slot (no personal data). */
@Entity
@Table(name = "internship_request")
public class InternshipRequest extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "posting_id")
    public Long postingId;
    @Column(name = "requesting_org_id")
    public Long requestingOrgId;
    @Column(name = "requested_by")
    public Long requestedBy;
    public Integer people;
    public String office;
    public String message;
    public String status;
    @Column(name = "decided_by")
    public Long decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    public Integer version;
}
