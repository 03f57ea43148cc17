package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A reusable agenda: built in (no owner) or an organization's own. */
@Entity
@Table(name = "agenda_template")
public class AgendaTemplate extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public MeetingTerms.Kind kind;
    public Long ownerOrgId;
    public Long createdBy;
    public Instant createdAt;
}
