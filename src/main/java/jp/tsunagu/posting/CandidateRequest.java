package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** "Anyone suitable?" (該当者はいませんか): a question to a circle about a posting. */
@Entity
@Table(name = "candidate_request")
public class CandidateRequest extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "posting_id")
    public Long postingId;
    @Column(name = "circle_id")
    public Long circleId;
    @Column(name = "asked_by_org_id")
    public Long askedByOrgId;
    @Column(name = "asked_by")
    public Long askedBy;
    public String message;
    public String status;
    @Column(name = "created_at")
    public Instant createdAt;
}
