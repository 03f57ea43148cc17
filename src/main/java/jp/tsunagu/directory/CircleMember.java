package jp.tsunagu.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** An organization's membership of a circle; owners run the circle. */
@Entity
@Table(name = "circle_member")
@IdClass(CircleMember.Key.class)
public class CircleMember extends PanacheEntityBase {
    @Id
    public Long circleId;
    @Id
    public Long organizationId;
    @Column(name = "is_owner")
    public boolean owner;
    public LocalDate joinedOn;

    public static class Key implements Serializable {
        public Long circleId;
        public Long organizationId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(circleId, k.circleId) && Objects.equals(organizationId, k.organizationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(circleId, organizationId);
        }
    }
}
