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

/** ペア: an implementing center (実施センター) with its supporting center (応援センター). */
@Entity
@Table(name = "pairing")
public class Pairing extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long programId;
    public Long applicationId;
    public Long implementingId;
    public Long supportingId;
    @Column(name = "theme_1")
    @Enumerated(EnumType.STRING)
    public Terms.Theme theme1;
    @Column(name = "theme_2")
    @Enumerated(EnumType.STRING)
    public Terms.Theme theme2;
    public String rationale;
    public Long officerId;
    public Long advisorId;
    public Long circleId;
    @Enumerated(EnumType.STRING)
    public Terms.PairingStatus status;
    public Instant createdAt;
    public Integer version = 0;
    public Integer assessmentVersion = 0;
    /** When the self-assessment was last saved (null: never). */
    public Instant assessedAt;
}
