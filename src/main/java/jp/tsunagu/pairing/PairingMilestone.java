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

/** A pair's milestone: planned or done, with its evidence. */
@Entity
@Table(name = "pairing_milestone")
public class PairingMilestone extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long pairingId;
    public Integer position;
    @Enumerated(EnumType.STRING)
    public Terms.MilestoneKind kind;
    public String title;
    public LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    public Terms.MilestoneStatus status;
    public LocalDate doneOn;
    public Long evidenceVisitId;
    public String evidenceUrl;
    public String evidenceNote;
    public Instant updatedAt;
    public Integer version = 0;
}
