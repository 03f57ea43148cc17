package jp.tsunagu.directory;

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

/** A named group of organizations into which meetings and postings are shared. */
@Entity
@Table(name = "circle")
public class Circle extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public CircleKind kind;
    public Short prefectureCode;
    public String description;
    @Column(insertable = false, updatable = false)
    public Instant createdAt;
    public Long createdBy;
    /** Set once the owners archive it: read-only from then on, still visible to its members. */
    public Instant archivedAt;
    public Long archivedBy;
    public Integer version = 0;
}
