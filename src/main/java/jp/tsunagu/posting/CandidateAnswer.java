package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
    public Long requestId;
    public Long organizationId;
    public Integer people;
    public Long contactAccountId;
    public Instant createdAt;
}
