package jp.tsunagu.pairing;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
    @Column(name = "program_id")
    public Long programId;
    @Column(name = "application_id")
    public Long applicationId;
    @Column(name = "implementing_id")
    public Long implementingId;
    @Column(name = "supporting_id")
    public Long supportingId;
    @Column(name = "theme_1")
    public String theme1;
    @Column(name = "theme_2")
    public String theme2;
    public String rationale;
    @Column(name = "officer_id")
    public Long officerId;
    @Column(name = "advisor_id")
    public Long advisorId;
    @Column(name = "circle_id")
    public Long circleId;
    public String status;
    @Column(name = "created_at")
    public Instant createdAt;
    public Integer version = 0;
    @Column(name = "assessment_version")
    public Integer assessmentVersion = 0;
    /** When the self-assessment was last saved (null: never). */
    @Column(name = "assessed_at")
    public Instant assessedAt;
}
