package jp.tsunagu.pairing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** エントリー: a center's application in a program's open call. */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "program_id")
    public Long programId;
    @Column(name = "center_id")
    public Long centerId;
    @Column(name = "theme_1")
    public String theme1;
    @Column(name = "theme_2")
    public String theme2;
    public String motive;
    @Column(name = "desired_partner_id")
    public Long desiredPartnerId;
    @Column(name = "desired_practice")
    public String desiredPractice;
    @Column(name = "region_situation")
    public String regionSituation;
    @Column(name = "submitted_by")
    public Long submittedBy;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    public Integer version = 0;
}
