package jp.tsunagu.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A municipality inside a catchment area, in the order the reports list them. */
@Entity
@Table(name = "catchment_municipality")
@IdClass(CatchmentMunicipality.Key.class)
public class CatchmentMunicipality extends PanacheEntityBase {
    @Id
    public Long areaId;
    @Id
    public Short position;
    public String name;

    public static class Key implements Serializable {
        public Long areaId;
        public Short position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(areaId, k.areaId) && Objects.equals(position, k.position);
        }

        @Override
        public int hashCode() {
            return Objects.hash(areaId, position);
        }
    }
}
