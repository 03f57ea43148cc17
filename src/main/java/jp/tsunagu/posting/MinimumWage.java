package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** A prefecture's minimum hourly wage (地域別最低賃金) for one fiscal year, with its source. */
@Entity
@Table(name = "minimum_wage")
@IdClass(MinimumWage.Key.class)
public class MinimumWage extends PanacheEntityBase {
    @Id
    public Integer prefectureCode;
    @Id
    public Integer fiscalYear;
    public Integer hourlyYen;
    public LocalDate effectiveFrom;
    public String source;

    public static class Key implements Serializable {
        public Integer prefectureCode;
        public Integer fiscalYear;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(prefectureCode, k.prefectureCode) && Objects.equals(fiscalYear, k.fiscalYear);
        }

        @Override
        public int hashCode() {
            return Objects.hash(prefectureCode, fiscalYear);
        }
    }
}
