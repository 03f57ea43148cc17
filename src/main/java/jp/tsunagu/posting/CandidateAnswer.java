package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** "We may have someone": how many, and whom to call — nothing about the person. */
@Entity
@Table(name = "candidate_answer")
public class CandidateAnswer extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "request_id")
    public Long requestId;
    @Column(name = "organization_id")
    public Long organizationId;
    public Integer people;
    @Column(name = "contact_account_id")
    public Long contactAccountId;
    @Column(name = "created_at")
    public Instant createdAt;
}
