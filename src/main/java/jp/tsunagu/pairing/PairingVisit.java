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

/** 相互訪問: one center of the pair visiting the other, with the two-way learnings. */
@Entity
@Table(name = "pairing_visit")
public class PairingVisit extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "pairing_id")
    public Long pairingId;
    public String direction;
    public String title;
    @Column(name = "start_on")
    public LocalDate startOn;
    @Column(name = "end_on")
    public LocalDate endOn;
    @Column(name = "participants_count")
    public Integer participantsCount;
    public String participants;
    @Column(name = "learnings_visitor")
    public String learningsVisitor;
    @Column(name = "learnings_host")
    public String learningsHost;
    @Column(name = "created_by")
    public Long createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    public Integer version = 0;
}
