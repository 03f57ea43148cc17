package jp.tsunagu.statistics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One center's figures for one fiscal year (April–March), against the labour bureau's targets. */
@Entity
@Table(name = "center_statistics")
@IdClass(CenterStatistics.Key.class)
public class CenterStatistics extends PanacheEntityBase {
    @Id
    public Long centerId;
    @Id
    public Short fiscalYear;
    public Integer registeredPhysical;
    public Integer registeredIntellectual;
    public Integer registeredMental;
    public Integer registeredDevelopmental;
    public Integer registeredOther;
    public Integer consultationsVisit;
    public Integer consultationsPhone;
    public Integer consultationsOther;
    public Integer consultationsWork;
    public Integer consultationsLife;
    public Integer placements;
    public Integer internships;
    @Column(name = "retention_6m_base")
    public Integer retention6mBase;
    @Column(name = "retention_6m_kept")
    public Integer retention6mKept;
    @Column(name = "retention_1y_base")
    public Integer retention1yBase;
    @Column(name = "retention_1y_kept")
    public Integer retention1yKept;
    public Integer targetPlacements;
    @Column(name = "target_retention_6m")
    public BigDecimal targetRetention6m;
    public boolean fictitious;
    public String source = "FORM";
    public Long updatedBy;
    public Instant updatedAt;
    public int version;

    public static class Key implements Serializable {
        public Long centerId;
        public Short fiscalYear;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(centerId, k.centerId) && Objects.equals(fiscalYear, k.fiscalYear);
        }

        @Override
        public int hashCode() {
            return Objects.hash(centerId, fiscalYear);
        }
    }
}
