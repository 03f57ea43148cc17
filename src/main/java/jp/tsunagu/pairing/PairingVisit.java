package jp.tsunagu.pairing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** 相互訪問: one center of the pair visiting the other, with the two-way learnings. */
@Entity
@Table(name = "pairing_visit")
public class PairingVisit extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long pairingId;
    @Enumerated(EnumType.STRING)
    public Terms.VisitDirection direction;
    public String title;
    public LocalDate startOn;
    public LocalDate endOn;
    public Integer participantsCount;
    public String participants;
    public String learningsVisitor;
    public String learningsHost;
    public Long createdBy;
    public Instant createdAt;
    public Instant updatedAt;
    public Integer version = 0;
}
