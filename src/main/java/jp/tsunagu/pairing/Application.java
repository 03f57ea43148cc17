package jp.tsunagu.pairing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
    public Long programId;
    public Long centerId;
    @Column(name = "theme_1")
    @Enumerated(EnumType.STRING)
    public Terms.Theme theme1;
    @Column(name = "theme_2")
    @Enumerated(EnumType.STRING)
    public Terms.Theme theme2;
    public String motive;
    public Long desiredPartnerId;
    public String desiredPractice;
    public String regionSituation;
    public Long submittedBy;
    public Instant submittedAt;
    public Instant updatedAt;
    public Integer version = 0;
}
