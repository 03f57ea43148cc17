package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
    public Long postingId;
    public Long circleId;
    public Long askedByOrgId;
    public Long askedBy;
    public String message;
    @Enumerated(EnumType.STRING)
    public PostingTerms.AskStatus status;
    public Instant createdAt;
}
