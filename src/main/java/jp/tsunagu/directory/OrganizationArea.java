package jp.tsunagu.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** 担当圏域: an area an organization serves. */
@Entity
@Table(name = "organization_area")
@IdClass(OrganizationArea.Key.class)
public class OrganizationArea extends PanacheEntityBase {
    @Id
    public Long organizationId;
    @Id
    public Long areaId;

    public static class Key implements Serializable {
        public Long organizationId;
        public Long areaId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(organizationId, k.organizationId) && Objects.equals(areaId, k.areaId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organizationId, areaId);
        }
    }
}
