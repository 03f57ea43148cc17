package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.tsunagu.posting.PostingTerms.RequestStatus;

import java.time.Instant;

/** A member organization's booking request for places on an internship slot (no personal data). */
@Entity
@Table(name = "internship_request")
public class InternshipRequest extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long postingId;
    public Long requestingOrgId;
    public Long requestedBy;
    public Integer people;
    public String office;
    public String message;
    @Enumerated(EnumType.STRING)
    public RequestStatus status;
    public Long decidedBy;
    public Instant decidedAt;
    public Instant createdAt;
    public Integer version;
}
