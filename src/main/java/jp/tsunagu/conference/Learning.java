package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A de-identified support idea or lesson from a conference; kept after the case is deleted. */
@Entity
@Table(name = "learning")
public class Learning extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "conference_id")
    public Long conferenceId;
    public String kind;
    public String body;
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    public String[] tags;
    @Column(name = "approved_by")
    public Long approvedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    @Column(name = "created_by")
    public Long createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
