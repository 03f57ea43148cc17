package jp.tsunagu.pairing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
    @Column(name = "pairing_id")
    public Long pairingId;
    public Integer position;
    public String kind;
    public String title;
    @Column(name = "due_on")
    public LocalDate dueOn;
    public String status;
    @Column(name = "done_on")
    public LocalDate doneOn;
    @Column(name = "evidence_visit_id")
    public Long evidenceVisitId;
    @Column(name = "evidence_url")
    public String evidenceUrl;
    @Column(name = "evidence_note")
    public String evidenceNote;
    @Column(name = "updated_at")
    public Instant updatedAt;
    public Integer version = 0;
}
