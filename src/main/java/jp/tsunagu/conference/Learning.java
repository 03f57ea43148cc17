package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A de-identified support idea or lesson from a conference; kept after the case is deleted. */
@Entity
@Table(name = "learning")
public class Learning extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Long conferenceId;
    @Enumerated(EnumType.STRING)
    public ConferenceTerms.LearningKind kind;
    public String body;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] tags;
    public Long approvedBy;
    public Instant approvedAt;
    public Long createdBy;
    public Instant createdAt;
}
